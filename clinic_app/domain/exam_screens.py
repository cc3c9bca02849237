"""Flexibility and differential screens (reference.md section 3, last rows)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from clinic_app.domain.model_base import Bilateral, Choice, DomainModel, finding, group

OberAngle = Annotated[float, Field(ge=-60, le=45)]
ThomasThighAngle = Annotated[float, Field(ge=-45, le=45)]
KneeFlexionAngle = Annotated[float, Field(ge=0, le=160)]
QAngle = Annotated[float, Field(ge=0, le=45)]
HipRotation = Annotated[float, Field(ge=0, le=90)]


class Flexibility(DomainModel):
    modified_ober_deg: Bilateral[OberAngle] = group(
        "Modified Ober (thigh angle)", Bilateral[OberAngle], unit="deg",
        help="Negative = below horizontal; limbs judged positive averaged -16.3 deg",
    )
    thomas_thigh_deg: Bilateral[ThomasThighAngle] = group(
        "Modified Thomas: thigh angle", Bilateral[ThomasThighAngle], unit="deg"
    )
    thomas_knee_flexion_deg: Bilateral[KneeFlexionAngle] = group(
        "Modified Thomas: knee flexion", Bilateral[KneeFlexionAngle], unit="deg"
    )
    hamstrings_tight: Bilateral[bool] = group(
        "Hamstrings tight (straight-leg raise or 90/90 test)", Bilateral[bool],
        help="The clinician's judgement; calls for gentle hamstring stretches",
    )
    q_angle_deg: Bilateral[QAngle] = group(
        "Q-angle", Bilateral[QAngle], unit="deg",
        help="Recorded only: not a risk factor (Neal 2019)",
    )


class HipScreen(DomainModel):
    internal_rotation_deg: Bilateral[HipRotation] = group(
        "Hip internal rotation", Bilateral[HipRotation], unit="deg")
    internal_rotation_painful: bool | None = finding("Hip internal rotation painful")
    obligatory_external_rotation: bool | None = finding(
        "Obligatory external rotation on hip flexion"
    )
    fadir_positive: bool | None = finding("FADIR positive")
    log_roll_positive: bool | None = finding("Log roll positive")
    hip_rom_reproduces_knee_pain: bool | None = finding(
        "Hip range of motion reproduces the knee pain"
    )
    internal_rotation_reduced: bool | None = finding(
        "Hip internal rotation reduced (judged, without degrees)"
    )


class LumbarScreen(DomainModel):
    lumbar_screen_positive: bool | None = finding("Lumbar screen reproduces symptoms")
    slr_or_slump_positive: bool | None = finding("Straight-leg raise or slump positive")
    neurological_deficit: bool | None = finding("Neurological deficit")
    deficit_progressive: bool | None = finding("Neurological deficit progressive")


class MeniscusAndLigaments(DomainModel):
    medial_joint_line_tender: bool | None = finding("Medial joint line tender")
    lateral_joint_line_tender: bool | None = finding("Lateral joint line tender")
    mcmurray_positive: bool | None = finding("McMurray positive")
    thessaly_positive: bool | None = finding("Thessaly positive")
    lachman_positive: bool | None = finding("Lachman positive (laxity)")
    varus_stress_laxity: bool | None = finding("Varus stress laxity or pain")
    valgus_stress_laxity: bool | None = finding("Valgus stress laxity or pain")


class TenderSite(Choice):
    """Where palpation is tender, with the side of the knee."""

    MEDIAL_JOINT_LINE = "medial_joint_line"
    LATERAL_JOINT_LINE = "lateral_joint_line"
    MEDIAL_TIBIAL_PLATEAU = "medial_tibial_plateau"
    LATERAL_TIBIAL_PLATEAU = "lateral_tibial_plateau"
    MEDIAL_FEMORAL_CONDYLE = "medial_femoral_condyle"
    LATERAL_FEMORAL_CONDYLE = "lateral_femoral_condyle"
    TIBIAL_TUBERCLE = "tibial_tubercle"
    SUPERIOR_POLE = "superior_pole"
    INFERIOR_POLE = "inferior_pole"
    MEDIAL_OF_PATELLAR_TENDON = "medial_of_patellar_tendon"
    LATERAL_OF_PATELLAR_TENDON = "lateral_of_patellar_tendon"
    MEDIAL_RETINACULUM = "medial_retinaculum"
    LATERAL_RETINACULUM = "lateral_retinaculum"
    DIFFUSE = "diffuse"


# Sites on bone (not joint line, tendon or soft tissue): focal tenderness there is bony.
BONY_SITES = frozenset({
    TenderSite.MEDIAL_TIBIAL_PLATEAU, TenderSite.LATERAL_TIBIAL_PLATEAU,
    TenderSite.MEDIAL_FEMORAL_CONDYLE, TenderSite.LATERAL_FEMORAL_CONDYLE,
})


class Palpation(DomainModel):
    tibial_tubercle_tender: bool | None = finding("Tibial tubercle tender")
    tibial_tubercle_prominent: bool | None = finding("Tibial tubercle prominent")
    inferior_pole_tender: bool | None = finding("Inferior pole of patella tender")
    patellar_tendon_tender: bool | None = finding("Proximal patellar tendon tender")
    superolateral_pole_tender: bool | None = finding("Superolateral pole of patella tender")
    lateral_epicondyle_tender: bool | None = finding("Lateral femoral epicondyle tender")
    medial_plica_painful: bool | None = finding(
        "Painful band or click over the medial femoral condyle"
    )
    focal_bony_tenderness: bool | None = finding("Focal bony tenderness (femur or tibia)")
    bony_enlargement: bool | None = finding("Bony enlargement")
    tender_sites: set[TenderSite] | None = finding(
        "Tender sites", help="Every site tender on palpation; empty = none tender"
    )


class ProvocationTests(DomainModel):
    decline_squat_nprs: int | None = finding(
        "Single-leg decline squat pain", unit="points", ge=0, le=10
    )
    decline_squat_pain_at_tendon: bool | None = finding("Decline squat pain at the tendon")
    noble_positive: bool | None = finding("Noble test positive")
    hoffa_positive: bool | None = finding("Hoffa test positive")
    pain_in_full_extension: bool | None = finding("Pain in full extension or hyperextension")
    resisted_quadriceps_painful: bool | None = finding("Pain on resisted quadriceps contraction")
    beighton_score: int | None = finding("Beighton score", unit="points", ge=0, le=9)


class AcuteInjuryScreen(DomainModel):
    """Ottawa bony points, flexion and the extensor mechanism."""

    patella_tender: bool | None = finding("Patella tender")
    fibular_head_tender: bool | None = finding("Fibular head tender")
    other_bony_tenderness: bool | None = finding(
        "Other bony tenderness of the knee", help="Needed to call patellar tenderness isolated"
    )
    can_flex_to_90: bool | None = finding("Able to flex to 90 deg")
    flexion_range_deg: float | None = finding("Active knee flexion", unit="deg", ge=0, le=160)
    block_to_extension: bool | None = finding("Block to extension")
    extension_deficit_deg: float | None = finding(
        "Extension deficit", unit="deg", ge=0, le=90, help="0 = extends fully"
    )
    extensor_palpable_gap: bool | None = finding(
        "Palpable gap in the quadriceps or patellar tendon"
    )
    straight_leg_raise_possible: bool | None = finding(
        "Straight-leg raise against gravity possible", help="Extensor mechanism check"
    )
    neurovascular_compromise: bool | None = finding(
        "Neurovascular compromise (numb, cold or pale foot)"
    )
    tense_effusion: bool | None = finding("Tense effusion")
    large_haemarthrosis: bool | None = finding("Large haemarthrosis")


class InflammationSigns(DomainModel):
    warmth: bool | None = finding("Warmth")
    redness: bool | None = finding("Redness")
    mass: bool | None = finding("Palpable mass")
    cannot_move_knee: bool | None = finding("Unable to move the knee (pain)")
    temperature_c: float | None = finding(
        "Body temperature", unit="deg C", ge=30, le=44, step=0.1
    )


class WellsExamItems(DomainModel):
    """Examination items of the Wells DVT score; history items come from the history page."""

    entire_leg_swollen: bool | None = finding("Entire leg swollen")
    calf_swelling_3cm: bool | None = finding("Calf swelling > 3 cm versus the other leg")
    pitting_oedema: bool | None = finding("Pitting oedema in the symptomatic leg")
    collateral_superficial_veins: bool | None = finding("Collateral superficial veins")
    deep_vein_tenderness: bool | None = finding("Tenderness along the deep veins")
    alternative_diagnosis_as_likely: bool | None = finding(
        "An alternative diagnosis is at least as likely (-2)"
    )


class ScreensExam(DomainModel):
    flexibility: Flexibility = group("Flexibility", Flexibility)
    hip: HipScreen = group("Hip screen", HipScreen)
    lumbar: LumbarScreen = group("Lumbar screen", LumbarScreen)
    meniscus_ligaments: MeniscusAndLigaments = group(
        "Meniscus and ligaments", MeniscusAndLigaments
    )
    palpation: Palpation = group("Palpation", Palpation)
    provocation: ProvocationTests = group("Provocation tests", ProvocationTests)
    acute: AcuteInjuryScreen = group(
        "Acute injury (Ottawa points, extensor mechanism)", AcuteInjuryScreen
    )
    inflammation: InflammationSigns = group("Warmth, redness, mass", InflammationSigns)
    wells: WellsExamItems = group("Calf and deep veins (Wells items)", WellsExamItems)
