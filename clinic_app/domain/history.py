"""History section: reference.md section 2, every row as structured data."""

from __future__ import annotations

from datetime import date

from clinic_app.domain.model_base import Choice, DomainModel, finding, group, relabel


class Onset(Choice):
    INSIDIOUS = "insidious"
    GRADUAL_AFTER_LOAD_CHANGE = "gradual_after_load_change"
    ACUTE_TRAUMATIC = "acute_traumatic"


class TraumaMechanism(Choice):
    NONE = "none"
    DIRECT_BLOW_OR_FALL = "direct_blow_or_fall"
    TWIST_OR_PIVOT = "twist_or_pivot"
    LANDING = "landing"
    PATELLAR_DISLOCATION = "patellar_dislocation"


class PainRegion(Choice):
    RETROPATELLAR = "retropatellar"
    PERIPATELLAR_MEDIAL = "peripatellar_medial"
    PERIPATELLAR_LATERAL = "peripatellar_lateral"
    SUPERIOR_POLE = "superior_pole"
    INFERIOR_POLE = "inferior_pole"
    PATELLAR_TENDON = "patellar_tendon"
    TIBIAL_TUBERCLE = "tibial_tubercle"
    MEDIAL_JOINT_LINE = "medial_joint_line"
    LATERAL_JOINT_LINE = "lateral_joint_line"
    LATERAL_FEMORAL_EPICONDYLE = "lateral_femoral_epicondyle"
    POSTERIOR_KNEE = "posterior_knee"
    DIFFUSE = "diffuse"
    THIGH = "thigh"
    GROIN_OR_HIP = "groin_or_hip"


PATELLOFEMORAL_REGIONS = frozenset(
    {PainRegion.RETROPATELLAR, PainRegion.PERIPATELLAR_MEDIAL, PainRegion.PERIPATELLAR_LATERAL}
)


class AggravatingActivity(Choice):
    SQUATTING = "squatting"
    STAIRS_UP = "stairs_up"
    STAIRS_DOWN = "stairs_down"
    PROLONGED_SITTING = "prolonged_sitting"
    RISING_FROM_CHAIR = "rising_from_chair"
    KNEELING = "kneeling"
    RUNNING = "running"
    JUMPING_OR_LANDING = "jumping_or_landing"
    HILLS_OR_DOWNHILL = "hills_or_downhill"
    CYCLING = "cycling"
    PROLONGED_STANDING = "prolonged_standing"


LOADED_FLEXED_KNEE_ACTIVITIES = frozenset(
    {
        AggravatingActivity.SQUATTING,
        AggravatingActivity.STAIRS_UP,
        AggravatingActivity.STAIRS_DOWN,
        AggravatingActivity.PROLONGED_SITTING,
        AggravatingActivity.RISING_FROM_CHAIR,
        AggravatingActivity.KNEELING,
        AggravatingActivity.RUNNING,
        AggravatingActivity.JUMPING_OR_LANDING,
        AggravatingActivity.HILLS_OR_DOWNHILL,
    }
)


class Swelling(Choice):
    NONE = "none"
    AFTER_HEAVY_EXERTION = "after_heavy_exertion"
    AFTER_DAILY_ACTIVITY = "after_daily_activity"
    CONSTANT = "constant"


class SwellingOnset(Choice):
    """How fast the knee swelled: within 2 h suggests blood (haemarthrosis), overnight an
    effusion from a meniscal or cartilage injury, gradual an overuse or inflammatory cause."""

    NO_SWELLING = "no_swelling"
    WITHIN_2_HOURS = "within_2_hours"
    OVERNIGHT = "overnight"
    GRADUAL = "gradual"


relabel({SwellingOnset.WITHIN_2_HOURS: "Within 2 hours",
         SwellingOnset.OVERNIGHT: "Overnight (6-24 hours)"})


class Joint(Choice):
    OTHER_KNEE = "other_knee"
    HIP = "hip"
    ANKLE = "ankle"
    FOOT_OR_TOES = "foot_or_toes"
    HAND_OR_WRIST = "hand_or_wrist"
    ELBOW = "elbow"
    SHOULDER = "shoulder"
    SPINE_OR_SACROILIAC = "spine_or_sacroiliac"


class WeightBearing(Choice):
    FULL = "full"
    PAINFUL = "painful"
    UNABLE_4_STEPS = "unable_4_steps"


relabel({WeightBearing.UNABLE_4_STEPS: "Unable to take 4 steps"})


class ActivityType(Choice):
    RUNNING = "running"
    JUMPING = "jumping"
    PIVOTING = "pivoting"
    CYCLING = "cycling"
    DANCE = "dance"
    MILITARY = "military"
    SEDENTARY = "sedentary"


class WorkingDiagnosis(Choice):
    PATELLOFEMORAL_PAIN = "patellofemoral_pain"
    PATELLAR_TENDINOPATHY = "patellar_tendinopathy"
    OSGOOD_SCHLATTER = "osgood_schlatter"
    SINDING_LARSEN_JOHANSSON = "sinding_larsen_johansson"
    FAT_PAD = "fat_pad"
    MEDIAL_PLICA = "medial_plica"
    ITB_SYNDROME = "itb_syndrome"
    BIPARTITE_PATELLA = "bipartite_patella"
    PATELLAR_INSTABILITY = "patellar_instability"
    MENISCAL_OR_LIGAMENT_INJURY = "meniscal_or_ligament_injury"
    OSTEOARTHRITIS = "osteoarthritis"
    OSTEOCHONDRITIS_DISSECANS = "osteochondritis_dissecans"
    INFLAMMATORY_ARTHRITIS = "inflammatory_arthritis"
    STRESS_FRACTURE = "stress_fracture"
    REFERRED_HIP_OR_LUMBAR = "referred_hip_or_lumbar"
    OTHER = "other"


class TreatmentResponse(Choice):
    BETTER = "better"
    NO_CHANGE = "no_change"
    WORSE = "worse"


class Body(DomainModel):
    height_cm: float | None = finding("Height", unit="cm", ge=50, le=250, step=0.5)
    body_mass_kg: float | None = finding("Body mass", unit="kg", ge=2, le=400, step=0.5)


class Complaint(DomainModel):
    symptom_duration_weeks: float | None = finding(
        "Symptom duration", unit="weeks", ge=0, le=2600, step=1
    )
    onset: Onset | None = finding("Onset")
    pain_regions: set[PainRegion] | None = finding(
        "Pain location (pain map)", help="Regions the patient points to; empty set = no pain"
    )
    aggravating_activities: set[AggravatingActivity] | None = finding("Aggravating activities")
    sitting_minutes_to_onset: int | None = finding(
        "Prolonged sitting: minutes to pain onset", unit="min", ge=0, le=600
    )
    rest_pain: bool | None = finding("Pain at rest")
    night_pain: bool | None = finding("Night pain")
    night_pain_wakes: bool | None = finding("Night pain wakes from sleep")
    night_pain_relieved_by_nsaid: bool | None = finding("Night pain relieved by NSAID")
    morning_stiffness_minutes: int | None = finding(
        "Morning stiffness", unit="min", ge=0, le=1440
    )
    swelling: Swelling | None = finding("Swelling")
    swelling_onset: SwellingOnset | None = finding("Time course of the swelling")
    weight_bearing: WeightBearing | None = finding(
        "Weight bearing now", help="Recorded with or without an injury"
    )
    eases_after_warm_up: bool | None = finding("Pain eases after warming up")
    worse_next_day: bool | None = finding("Pain worse the day after loading")
    onset_distance_km: float | None = finding(
        "Running pain starts at a predictable distance", unit="km", ge=0, le=100, step=0.5
    )
    pain_persists_after_2_weeks_rest: bool | None = finding(
        "Pain still there after two weeks of rest"
    )
    unable_to_jog_without_limp: bool | None = finding("Unable to jog a block without limping")


class Trauma(DomainModel):
    mechanism: TraumaMechanism | None = finding("Mechanism of injury")
    injury_date: date | None = finding("Date of injury")
    rapid_swelling_within_2h: bool | None = finding("Rapid swelling within 2 h of injury")
    superficial_skin_injury_only: bool | None = finding("Superficial skin injury only")
    reassessment_of_same_injury: bool | None = finding(
        "Reassessment of an injury already assessed"
    )
    weight_bearing_immediately: WeightBearing | None = finding(
        "Weight bearing immediately after injury"
    )
    weight_bearing_now: WeightBearing | None = finding("Weight bearing now")


class MechanicalSymptoms(DomainModel):
    true_locking: bool | None = finding("True locking (cannot straighten)")
    catching: bool | None = finding("Catching")
    giving_way: bool | None = finding("Giving way")
    patella_slipping_out: bool | None = finding('Kneecap "slipping out"')
    dislocation_count: int | None = finding(
        "Number of patellar dislocations", unit="dislocations", ge=0, le=100
    )
    locking_episodes: int | None = finding(
        "Number of locking episodes", unit="episodes", ge=0, le=1000,
        help="Episodes when the knee locked and would not straighten; 0 = none",
    )
    clicks_or_pops: bool | None = finding("Clicks or pops")


class SystemicScreen(DomainModel):
    fever: bool | None = finding("Fever")
    night_sweats: bool | None = finding("Night sweats")
    unexplained_weight_loss_kg: float | None = finding(
        "Unexplained weight loss", unit="kg", ge=0, le=100, step=0.5,
        help="0 = no weight loss",
    )
    malaise: bool | None = finding("Malaise / systemically unwell")
    cancer_history: bool | None = finding("History of cancer")
    active_cancer: bool | None = finding("Active cancer (treatment within 6 months or palliative)")
    immunosuppression: bool | None = finding("Immunosuppression")
    recent_infection: bool | None = finding("Recent infection")


class InflammatoryScreen(DomainModel):
    other_joints_affected: bool | None = finding("Other joints affected")
    joints_involved: set[Joint] | None = finding(
        "Other joints involved", help="Empty = no other joint"
    )
    psoriasis: bool | None = finding("Psoriasis")
    inflammatory_bowel_disease: bool | None = finding("Inflammatory bowel disease")
    eye_or_skin_symptoms: bool | None = finding("Eye or skin symptoms")


class HipAndBackScreen(DomainModel):
    low_back_pain: bool | None = finding("Low back pain")
    radicular_leg_pain: bool | None = finding("Radicular leg pain")
    groin_pain: bool | None = finding("Groin pain")
    limp: bool | None = finding("Limp")


class ThrombosisRisk(DomainModel):
    # Two separate Wells items (Wells 1997/2003): bedridden belongs with surgery, so a
    # bedridden post-operative patient scores one point, not two.
    recent_immobilisation: bool | None = finding(
        "Paralysis, paresis or recent plaster immobilisation of the leg"
    )
    surgery_within_12_weeks: bool | None = finding(
        "Bedridden >= 3 days or major surgery within 12 weeks"
    )
    previous_vte: bool | None = finding("Previous venous thromboembolism")
    calf_swelling_or_tenderness: bool | None = finding("Calf swelling or tenderness reported")


class ActivityAndLoad(DomainModel):
    sport: str | None = finding("Sport", max_length=200)
    activity_types: set[ActivityType] | None = finding("Activity type")
    weekly_volume_km: float | None = finding("Weekly volume", unit="km", ge=0, le=500)
    weekly_volume_hours: float | None = finding("Weekly volume", unit="h", ge=0, le=80)
    load_change_4_weeks_percent: float | None = finding(
        "Change in weekly load over the last 4 weeks", unit="%", ge=-100, le=1000
    )
    new_hills_stairs_or_speedwork: bool | None = finding("New hills, stairs or speedwork")
    new_training_programme: bool | None = finding("Started a new or increased training programme")
    new_training_start: date | None = finding("New training programme started on")
    surface: str | None = finding("Usual surface", max_length=200)
    shoe_age_km: float | None = finding("Shoe age", unit="km", ge=0, le=10000, step=10)
    reported_cadence_spm: int | None = finding(
        "Running cadence (if known)", unit="steps/min", ge=60, le=260
    )
    goal_race: str | None = finding("Goal race", max_length=200)
    goal_race_date: date | None = finding("Goal race date")


class Growth(DomainModel):
    height_gain_12_months_cm: float | None = finding(
        "Height gain in the last 12 months", unit="cm", ge=0, le=40, step=0.5
    )


class KneeRadiographResult(Choice):
    """Result of earlier knee radiographs, as the ACR chronic knee pain variants use it."""

    NEGATIVE_OR_EFFUSION_ONLY = "negative_or_effusion_only"
    OSTEOCHONDRAL_LOOSE_BODY_OR_REPAIR = "osteochondral_loose_body_or_repair"
    DEGENERATIVE_OR_CHONDROCALCINOSIS = "degenerative_or_chondrocalcinosis"
    OTHER_FINDING = "other_finding"


relabel(
    {
        KneeRadiographResult.NEGATIVE_OR_EFFUSION_ONLY: "Negative or effusion only",
        KneeRadiographResult.OSTEOCHONDRAL_LOOSE_BODY_OR_REPAIR:
            "Osteochondritis dissecans, loose body or earlier cartilage/meniscal repair",
        KneeRadiographResult.DEGENERATIVE_OR_CHONDROCALCINOSIS:
            "Degenerative change or chondrocalcinosis",
    }
)


class PastHistory(DomainModel):
    previous_episodes: bool | None = finding("Previous episodes")
    knee_surgery: bool | None = finding("Previous knee surgery")
    knee_fracture: bool | None = finding("Previous knee fracture")
    injections: bool | None = finding("Knee injections")
    recent_joint_procedure: bool | None = finding(
        "Recent knee injection, aspiration or surgery (within 3 months)"
    )
    recent_joint_procedure_date: date | None = finding("Date of the recent knee procedure")
    imaging: str | None = finding("Previous imaging and results", max_length=2000, multiline=True)
    knee_radiographs: KneeRadiographResult | None = finding(
        "Knee radiographs of this episode", help="Leave empty when none were taken"
    )


class TreatmentSoFar(DomainModel):
    treatment_type: str | None = finding("Treatment so far", max_length=2000, multiline=True)
    weeks: float | None = finding("Weeks of treatment", unit="weeks", ge=0, le=520)
    adherence_percent: float | None = finding("Adherence", unit="%", ge=0, le=100)
    taping_response: TreatmentResponse | None = finding("Response to taping")
    orthosis_response: TreatmentResponse | None = finding("Response to foot orthosis")
    # Schema 2 (issue 11): what the earlier assessment concluded, coded for comparison.
    working_diagnosis: WorkingDiagnosis | None = finding(
        "Working diagnosis of the earlier assessment"
    )


class History(DomainModel):
    body: Body = group("Body", Body)
    complaint: Complaint = group("Complaint", Complaint)
    trauma: Trauma = group("Trauma and weight bearing", Trauma)
    mechanical: MechanicalSymptoms = group("Mechanical symptoms", MechanicalSymptoms)
    systemic: SystemicScreen = group("Systemic screen", SystemicScreen)
    inflammatory: InflammatoryScreen = group("Inflammatory screen", InflammatoryScreen)
    hip_and_back: HipAndBackScreen = group("Hip and back", HipAndBackScreen)
    thrombosis: ThrombosisRisk = group("Venous thrombosis risk", ThrombosisRisk)
    activity: ActivityAndLoad = group("Activity and training load", ActivityAndLoad)
    growth: Growth = group("Growth (adolescents)", Growth)
    past: PastHistory = group("Past history", PastHistory)
    treatment: TreatmentSoFar = group("Treatment so far", TreatmentSoFar)
    goals: str | None = finding("Patient's goals and expectations", max_length=4000, multiline=True)
