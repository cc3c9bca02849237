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
        Advice(
            "During exercise the knee may ache, but keep the pain at 5 out of 10 or lower.", TREK
        ),
        Advice("In daily life aim for pain below 2 out of 10.", TREK),
        Advice("The pain should settle back to your usual level within an hour.", TREK),
        Advice("The knee should not be worse the next morning.", TREK),
        Advice(
            "Make an exercise harder only when pain stays at 3 out of 10 or lower and the knee "
            "is fine the next morning.",
            PRODUCT_DEFAULT,
        ),
        Advice(
            "If pain goes above 5 out of 10, the knee is worse the next morning, or it swells: "
            "do about a third to a half less (fewer sets or a smaller bend) for a few days.",
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

GEAR = AdviceSection(
    "Shoes and supports",
    (
        Advice(
            "Replace running shoes every 300-500 miles (480-800 km). Rotate two pairs if you can, "
            "and choose shoes that suit your arch and stride.",
            SOURCE_ARTICLE,
        ),
        Advice(
            "A kneecap strap or kinesiology tape may help some people; keep it only if it clearly "
            "eases the pain.",
            SOURCE_ARTICLE,
        ),
        Advice("Insoles (orthotics) can help if your feet roll in a lot.", SOURCE_ARTICLE),
    ),
)

PREVENTION = AdviceSection(
    "Keeping it from coming back",
    (
        Advice(
            "Warm up for 5 minutes before running (leg swings, high knees); stretch calves and "
            "thighs afterwards.",
            SOURCE_ARTICLE,
        ),
        Advice(
            "The 10% rule: never raise your weekly distance or load by more than 10% a week.",
            SOURCE_ARTICLE,
        ),
        Advice(
            "Do strength exercises twice a week, and cross-train (swim, cycle) on other days.",
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

RUNNING_LADDER_SOURCE = "University of Delaware return-to-running ladder (PMC6693858, table 4)"

RUNNING_LADDER: tuple[tuple[str, str], ...] = (
    ("Level 1", "Walk 0.1 mile (160 m), jog 0.1 mile; repeat 10 times"),
    ("Levels 2-4", "Longer jog spells, less walking: your clinician sets these with you"),
    ("Level 5", "Jog 2 miles (3.2 km)"),
    ("Level 6", "Jog 2.5 miles (4 km)"),
    ("Level 7", "Jog 3 miles (4.8 km)"),
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
            "Your clinician may tape your kneecap and retest a painful movement. Keep using tape "
            "only if it clearly reduces the pain.",
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
            "Your shoes have done more than 480 km (300 miles): time for a new pair. Change your "
            "step rate before changing shoe type.",
            SOURCE_ARTICLE,
        ),
    ),
}
