"""The FHIR document of each demo case validates with fhir.resources (R4B models) and reads
back with its S/O/A/P sections, coded Observations, Conditions, imaging and plan; a
signed note carries its signature as Provenance."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle

from clinic_app.app import build_services, case_exports, load_demo_cases
from clinic_app.domain.letterhead import DEFAULT_LETTERHEAD
from clinic_app.domain.records.roles import Role
from clinic_app.export_sinks import MemorySink
from clinic_app.interop.fhir_codes import FINDING_SYSTEM, LOINC, UCUM
from clinic_app.services.exporting import DocumentKind
from clinic_app.storage.database import Database
from tests.records.helpers import clinic_users, started_draft

CASES = load_demo_cases()


def fhir_of_case(number: int) -> dict:
    sink = MemorySink(DocumentKind.FHIR_JSON)
    case_exports().export_case(CASES[number - 1], [sink], DEFAULT_LETTERHEAD)
    assert sink.data is not None
    return json.loads(sink.data)


def resources(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


@pytest.mark.parametrize("number", range(1, len(CASES) + 1))
def test_each_demo_case_is_a_valid_fhir_document_with_soap_sections(number: int) -> None:
    data = fhir_of_case(number)
    bundle = Bundle.model_validate(data)  # strict R4B models: unknown or malformed -> error
    assert bundle.type == "document"
    composition = bundle.entry[0].resource
    assert composition.get_resource_type() == "Composition"
    assert [c.code for c in composition.type.coding] == ["34824-3"]
    sections = {s.title[0]: s for s in composition.section}
    assert {letter: sections[letter].code.coding[0].code for letter in "SOAP"} == {
        "S": "10164-2", "O": "29545-1", "A": "51848-0", "P": "18776-5"
    }
    for section in composition.section:
        assert section.text.div.startswith('<div xmlns="http://www.w3.org/1999/xhtml">')
    # every reference in the sections resolves to an entry of the bundle
    urls = {entry.fullUrl for entry in bundle.entry}
    references = {e.reference for s in composition.section for e in (s.entry or [])}
    assert references <= urls
    assert composition.subject.reference in urls
    # a draft: preliminary, no signature
    assert composition.status == "preliminary"
    assert not resources(data, "Provenance")


def test_the_findings_are_coded_observations_with_ucum_units() -> None:
    data = fhir_of_case(1)
    observations = resources(data, "Observation")
    by_code = {
        coding["code"]: observation
        for observation in observations for coding in observation["code"]["coding"]
    }
    case = CASES[0].assessment
    usual = by_code["outcomes.pain.usual"]
    assert [c["code"] for c in usual["code"]["coding"]] == ["72514-3", "outcomes.pain.usual"]
    assert usual["code"]["coding"][0]["system"] == LOINC
    assert usual["valueQuantity"] == {
        "value": case.outcomes.pain.usual, "unit": "points", "system": UCUM, "code": "{score}"
    }
    kujala = by_code["kujala-akps-total"]
    assert 0 <= kujala["valueQuantity"]["value"] <= 100
    tilt = by_code["patellar.right.medial_facet_tender"]
    assert tilt["valueBoolean"] is True
    glide = by_code["patellar.right.lateral_glide_quadrants"]
    assert glide["valueQuantity"]["code"] == "{quadrant}"
    assert all(c["system"] in (LOINC, FINDING_SYSTEM, "urn:clinic-app:score")
               for o in observations for c in o["code"]["coding"])
    # not assessed is left out, never sent as negative
    assert "history.mechanical.dislocation_count" not in by_code


def test_impressions_are_conditions_and_advised_imaging_a_service_request() -> None:
    first = fhir_of_case(1)
    statuses = [c["verificationStatus"]["coding"][0]["code"]
                for c in resources(first, "Condition")]
    assert statuses[0] == "provisional"
    assert set(statuses[1:]) <= {"differential", "refuted"}
    assert resources(first, "Condition")[0]["code"]["coding"][0]["display"] == "Patellofemoral pain"
    assert not resources(first, "ServiceRequest")  # case 1: no imaging advised
    plan = resources(first, "CarePlan")[0]
    assert plan["intent"] == "plan" and plan["activity"]
    with_imaging = fhir_of_case(2)
    (request,) = resources(with_imaging, "ServiceRequest")
    assert request["intent"] == "proposal" and request["code"]["text"]


def test_a_signed_note_is_final_with_its_signature_as_provenance(tmp_path: Path) -> None:
    database = Database.open(f"sqlite+pysqlite:///{tmp_path / 'clinic.sqlite3'}")
    try:
        services = build_services(database)
        users = clinic_users(services)
        draft = started_draft(services, users[Role.CLINICIAN])
        signed = services.signing.sign(draft.id, users[Role.CLINICIAN])
        sink = MemorySink(DocumentKind.FHIR_JSON)
        services.exports.export_stored(draft.id, [sink], DEFAULT_LETTERHEAD,
                                       users[Role.CLINICIAN])
    finally:
        database.close()
    data = json.loads(sink.data or b"")
    bundle = Bundle.model_validate(data)
    composition = bundle.entry[0].resource
    assert composition.status == "final"
    assert composition.attester[0].mode == "legal"
    (provenance,) = resources(data, "Provenance")
    assert provenance["signature"][0]["who"]["reference"] == composition.author[0].reference
    practitioner = resources(data, "Practitioner")[0]
    assert practitioner["name"][0]["text"].startswith("Cleo Clinician")
    assert signed.signature is not None
    assert provenance["recorded"] == signed.signature.signed_at.isoformat()
