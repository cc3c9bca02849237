"""The codes a FHIR document of an assessment uses, and where each comes from.

Standard codes only where one fits the finding exactly (checked against the LOINC
value sets HL7 publishes: document types, document section codes, vital signs, the
0-10 pain score); every other finding is coded in the app's own code systems
(``urn:clinic-app:...``), each finding by its path in the case-file format, so a
receiver can map them later. Units are UCUM.
"""

from __future__ import annotations

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
PROVENANCE_PARTICIPANT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
SIGNATURE_TYPE = "urn:iso-astm:E1762-95:2013"

# The app's own code systems.
FINDING_SYSTEM = "urn:clinic-app:finding"  # code: the path, e.g. patellar.left.tilt_degrees
ANSWER_SYSTEM_PREFIX = "urn:clinic-app:answer:"  # + the finding's path; code: the answer's code
SCORE_SYSTEM = "urn:clinic-app:score"
IMPRESSION_SYSTEM = "urn:clinic-app:impression"  # code: the decision rule ids, joined by "+"
IMAGING_SYSTEM = "urn:clinic-app:imaging"  # code: the modality
EXERCISE_SYSTEM = "urn:clinic-app:exercise"  # code: the exercise library id
PATIENT_IDENTIFIER_SYSTEM = "urn:clinic-app:patient-identifier"
USERNAME_SYSTEM = "urn:clinic-app:username"

# Physical therapy Consult note (LOINC document ontology; HL7's consult document types).
DOCUMENT_TYPE = (LOINC, "34824-3", "Physical therapy Consult note")

# S, O, A, P: LOINC document section codes (HL7 value set doc-section-codes).
SECTION_CODES: dict[str, tuple[str, str, str]] = {
    "S": (LOINC, "10164-2", "History of Present illness Narrative"),
    "O": (LOINC, "29545-1", "Physical findings Narrative"),
    "A": (LOINC, "51848-0", "Evaluation note"),
    "P": (LOINC, "18776-5", "Plan of care note"),
}

# Findings with a standard code (LOINC), by path.
STANDARD_FINDING_CODES: dict[tuple[str, ...], tuple[str, str, str]] = {
    ("history", "body", "height_cm"): (LOINC, "8302-2", "Body height"),
    ("history", "body", "body_mass_kg"): (LOINC, "29463-7", "Body weight"),
    ("outcomes", "pain", "usual"): (
        LOINC, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
    ),
    ("outcomes", "pain", "worst_last_week"): (
        LOINC, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
    ),
    ("outcomes", "pain", "during_task"): (
        LOINC, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
    ),
}
BMI_CODE = (LOINC, "39156-5", "Body mass index (BMI) [Ratio]")
KUJALA_TOTAL_CODE = (SCORE_SYSTEM, "kujala-akps-total", "Kujala Anterior Knee Pain Scale total")

# The app's units -> UCUM codes; counts and scores are UCUM annotations ({...}).
UCUM_UNITS: dict[str, str] = {
    "cm": "cm",
    "mm": "mm",
    "m": "m",
    "km": "km",
    "kg": "kg",
    "N": "N",
    "deg": "deg",
    "min": "min",
    "h": "h",
    "weeks": "wk",
    "%": "%",
    "steps/min": "/min",
    "points": "{score}",
    "0-100": "{score}",
    "0-5": "{grade}",
    "quadrants": "{quadrant}",
    "dislocations": "{dislocation}",
}
