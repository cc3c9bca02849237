"""Patient-facing advice of the rehab plan, in plain language, each with its source.

Wording is the product's own; the facts trace to reference.md section 7 (and
section 6 for the "seek care today" list). [D] marks the product's defaults.
"""

from __future__ import annotations

from dataclasses import dataclass

from clinic_app.domain.rehab.plan import Measure


@dataclass(frozen=True)
class Advice:
    text: str
    source: str


@dataclass(frozen=True)
class AdviceSection:
    title: str
    items: tuple[Advice, ...]


SOURCE_ARTICLE = "Source article on runner's knee (treatment, gear and prevention)"
TREK = "La Trobe TREK education, mykneecap.trekeducation.org"
PRODUCT_DEFAULT = "Clinic App default [D] (clinical reference, section 7)"
RED_FLAG_ADVICE = (
    "Clinic App default [D] from the red flags of the Gloucestershire NHS knee pathway and "
    "Bunt CW et al., Am Fam Physician 2018;98(9):576"
)

PAIN_GUIDE = AdviceSection(
    "How much pain is OK?",
    (
        Advice("While you exercise, the knee may ache: keep the pain at 5 out of 10 or lower.",
               TREK),
        Advice("In daily life, aim for pain below 2 out of 10.", TREK),
        Advice(
            "The pain should settle within an hour, and the knee should not be worse the next "
            "morning.",
            TREK,
        ),
        Advice(
            "Make an exercise harder only when the pain stays at 3 out of 10 or lower and the "
            "next morning is fine.",
            PRODUCT_DEFAULT,
        ),
        Advice(
            "If the pain goes above 5, the knee is worse the next morning, or it swells: do a "
            "third to a half less for a few days.",
            PRODUCT_DEFAULT,
        ),
    ),
)

TREATMENT = AdviceSection(
    "Calming the knee down",
    (
        Advice(
            "Rest does not mean bed rest. Cut down what hurts and keep fit in other ways: "
            "swap running for pool running or cycling while the knee settles.",
            SOURCE_ARTICLE,
        ),
        Advice("Ice can ease pain and swelling: 15 minutes, three times a day.", SOURCE_ARTICLE),
        Advice(
            "Anti-inflammatory painkillers (NSAIDs) for a short time only, "
            "if advised by your doctor or pharmacist.",
            SOURCE_ARTICLE,
        ),
    ),
)

SHOES = Advice(
    "Replace running shoes every 480-800 km (300-500 miles). Rotate two pairs if you can, and "
    "choose shoes that suit your arch and stride.",
    SOURCE_ARTICLE,
)
STRAP_OR_TAPE = Advice(
    "A kneecap strap or kinesiology tape may help some people; keep it only if it clearly eases "
    "the pain.",
    SOURCE_ARTICLE,
)
INSOLES = Advice("Insoles (orthotics) can help if your feet roll in a lot.", SOURCE_ARTICLE)
GEAR = AdviceSection("Shoes and supports", (SHOES, STRAP_OR_TAPE, INSOLES))

PREVENTION = AdviceSection(
    "Keeping it from coming back",
    (
        Advice(
            "Warm up for 5 minutes before you run or play sport: hip swings and high knees.",
            SOURCE_ARTICLE,
        ),
        Advice(
            "Cool down after: walk for a few minutes, then stretch your calves and the front of "
            "your thighs.",
            SOURCE_ARTICLE,
        ),
        Advice(
            "The 10% rule: never raise your weekly distance or load by more than 10% a week.",
            SOURCE_ARTICLE,
        ),
        Advice(
            "Do strength exercises twice a week, and cross-train (swim or cycle) on the other "
            "days.",
            SOURCE_ARTICLE,
        ),
    ),
)

SEEK_CARE_TODAY = AdviceSection(
    "Seek care today if...",
    (
        Advice("your knee is hot, red and swollen, or you have a fever", RED_FLAG_ADVICE),
        Advice("you cannot put weight on the leg", RED_FLAG_ADVICE),
        Advice("the knee locks and will not straighten", RED_FLAG_ADVICE),
        Advice("the knee swells up quickly and a lot after an injury", RED_FLAG_ADVICE),
        Advice("the kneecap slips out of place", RED_FLAG_ADVICE),
        Advice(
            "pain wakes you at night or does not ease with rest, together with a lump, weight "
            "loss or feeling unwell",
            RED_FLAG_ADVICE,
        ),
        Advice("your calf is swollen, painful or red", RED_FLAG_ADVICE),
        Advice("your foot feels numb, or looks cold or pale", RED_FLAG_ADVICE),
        Advice(
            "a child or teenager limps with groin, thigh or knee pain", RED_FLAG_ADVICE
        ),
    ),
)

SEE_A_SPECIALIST = AdviceSection(
    "When to see a specialist",
    (
        Advice("the pain is still there after two weeks of rest", SOURCE_ARTICLE),
        Advice("you cannot jog a block without limping", SOURCE_ARTICLE),
        Advice("your knee swells and locks", SOURCE_ARTICLE),
    ),
)
SPECIALIST_WHY = (
    "Ask your clinician to refer you to a knee specialist. They check for a torn cartilage, "
    "arthritis or other damage in the joint."
)

# Advice on shoes and supports that a measure of the plan already gives in its own words.
GEAR_SAID_BY_MEASURE: dict[Measure, Advice] = {
    Measure.REPLACE_SHOES: SHOES,
    Measure.TAPING_TRIAL: STRAP_OR_TAPE,
    Measure.ORTHOSIS_TRIAL: INSOLES,
}

RUNNING_LADDER_SOURCE = "University of Delaware return-to-running ladder (PMC6693858, table 4)"

RUNNING_LADDER: tuple[tuple[str, str], ...] = (
    ("Level 1", "Walk 160 m (0.1 mile), jog 160 m; do this 10 times"),
    ("Levels 2-4", "Longer jog spells, less walking: your clinician sets these with you"),
    ("Level 5", "Jog 3.2 km (2 miles)"),
    ("Level 6", "Jog 4 km (2.5 miles)"),
    ("Level 7", "Jog 4.8 km (3 miles)"),
    ("Level 8", "Add some speed"),
)

MEASURE_ADVICE: dict[Measure, tuple[Advice, ...]] = {
    Measure.CADENCE_RETRAINING: (
        Advice(
            "Take shorter, quicker steps: raise your step rate by 5-10% using a metronome app.",
            TREK,
        ),
        Advice(
            "While it still hurts: run more often but shorter, slow down by 10-20%, try run/walk "
            "(for example 4 minutes running, 1 minute walking), and avoid downhills and stairs.",
            TREK,
        ),
        Advice("Running pain should stay at 2 out of 10 or lower.", TREK),
    ),
    Measure.ORTHOSIS_TRIAL: (
        Advice(
            "Try ready-made insoles (foot orthoses) for up to 6 weeks. Your clinician checks "
            "in the clinic whether they ease the pain straight away.",
            "JOSPT CPG 2019 (Willy et al.); Vicenzino 2010",
        ),
    ),
    Measure.TAPING_TRIAL: (
        Advice(
            "Your clinician may try kinesiology tape or a kneecap strap and retest a painful "
            "movement. Keep using it only if it clearly reduces the pain.",
            "JOSPT CPG 2019 (Willy et al.); keep-or-stop rule [D]",
        ),
    ),
    Measure.RETURN_TO_RUNNING: (
        Advice(
            "Start when you can walk briskly for 30 minutes without pain, do 3 x 10 single-leg "
            "squats at 2 out of 10 or less, and your step-down test looks good.",
            PRODUCT_DEFAULT,
        ),
        Advice(
            "Move up a level only after a run with no extra pain or swelling. At most 4 runs a "
            "week, never on two days in a row, and at most 2 levels a week.",
            RUNNING_LADDER_SOURCE,
        ),
    ),
    Measure.REPLACE_SHOES: (
        Advice(
            "Running shoes last about 480-800 km (300-500 miles). Yours have done more: time "
            "for a new pair. Change your step rate before you change the type of shoe.",
            SOURCE_ARTICLE,
        ),
    ),
}
