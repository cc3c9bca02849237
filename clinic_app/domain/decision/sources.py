"""The sources each rule cites, as printed on hints and notes.

Named sources are cited by author and year as in the clinical reference's source list.
Where a rule is the product's own combination of those sources, the citation names the
Clinic App clinical reference section and says "product default".
"""

from __future__ import annotations

JOSPT_2019 = "Willy RW et al. Patellofemoral pain CPG. JOSPT 2019;49(9):CPG1-95"
CROSSLEY_2016 = "Crossley KM et al. 2016 PFP consensus statement part 1. BJSM 2016;50:839"
FERBER_2015 = (
    "Ferber 2015 inclusion set, BMC Musculoskelet Disord 2018 (doi 10.1186/s12891-018-2045-3)"
)
COOK_2010 = "Cook C et al. 2010 (PMC2841549): 2 of 3 clinical signs, LR+ 4.0"
OTTAWA = "Stiell IG et al. Ottawa knee rule. Ann Emerg Med 1995;26:405; JAMA 1996;275:611"
OTTAWA_CHILDREN = "Bulloch B et al. Ottawa knee rule in children 2-16, 2003"
PITTSBURGH = "Seaberg DC, Jackson R. Pittsburgh knee rule"
ACR_ACUTE = "ACR Appropriateness Criteria: Acute Trauma to the Knee (2019)"
ACR_CHRONIC = "ACR Appropriateness Criteria: Chronic Knee Pain (2018 revision)"
ACR_INFLAMMATORY = (
    "ACR Appropriateness Criteria: Chronic Extremity Joint Pain - Suspected Inflammatory "
    "Arthritis (Jacobson 2016; Subhas 2023, J Am Coll Radiol 20:S20)"
)
COVEY_HAWKS = "Covey CJ, Hawks MK. Anterior knee pain. J Fam Pract 2016"
BUNT_2018 = "Bunt CW et al. Knee pain in adults and adolescents. Am Fam Physician 2018;98(9):576"
DIXIT_2007 = "Dixit S et al. Patellofemoral pain syndrome. Am Fam Physician 2007;75(2):194"
GAITONDE_2019 = "Gaitonde DY et al. Patellofemoral pain syndrome. Am Fam Physician 2019;99(2):88"
NICE_NG226 = "NICE NG226 Osteoarthritis in over 16s (2022)"
ACR_OA_CLINICAL = "ACR clinical classification criteria for knee osteoarthritis"
NICE_QS201 = "NICE QS201 Venous thromboembolism in adults"
GLOUCESTERSHIRE = "Gloucestershire NHS knee pain pathway (red flags)"
PECK_2017 = "Peck DM et al. Slipped capital femoral epiphysis. Am Fam Physician 2017"
MALLIARAS_2015 = "Malliaras P et al. Patellar tendinopathy. JOSPT 2015;45:887"
HANADA_2012 = "Hanada 2012 (Osgood-Schlatter age ranges)"
FERBER_2010 = "Ferber R et al. Ober and Thomas tests. J Athl Train 2010;45:344"
CROSSLEY_2004 = "Crossley KM et al. Arch Phys Med Rehabil 2004;85:815 (AKPS change ~10)"
FARRAR_2001 = "Farrar JT et al. 2001 (pain change >= 2 points or >= 30%)"
PFP_LIKELY_DEFAULT = (
    "Clinic App clinical reference, section 1 (product default: the \"PFP likely\" criteria "
    "combined from Willy 2019, Crossley 2016 and Ferber 2015)"
)
NON_RESPONDER_DEFAULT = (
    "Clinic App clinical reference, section 6 (product default: the non-responder rule built "
    "from Covey & Hawks 2016, Crossley 2004 and Farrar 2001)"
)
SOURCE_ARTICLE = (
    "Source article on runner's knee: when to see an orthopaedic specialist "
    "(Clinic App clinical reference, section 6)"
)
REFERENCE_SECTION_5 = (
    "Clinic App clinical reference, section 5 (differential diagnosis table, secondary summary)"
)
