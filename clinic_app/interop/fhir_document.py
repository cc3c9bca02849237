"""One assessment as a FHIR R4 document: a Bundle of type ``document`` as plain JSON.

The Composition carries the S, O, A and P sections of the note (LOINC section codes,
the note's text as narrative) and points at the coded resources: Observations for the
recorded findings, the Kujala total and BMI; Conditions for the impressions; a
ServiceRequest for advised imaging; a CarePlan for the rehab plan; and, for a signed
note, a Provenance for the signature. Not-assessed findings are left out (missing is
not negative). Resource ids are derived from the record's content, so the same record
gives the same ids every time.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from html import escape
from typing import Any

from clinic_app.domain.assessment import Assessment
from clinic_app.domain.decision import Evaluation
from clinic_app.domain.decision.conclusion import NOT_LEADING
from clinic_app.domain.derived import bmi
from clinic_app.domain.fields import FieldSpec, get_value, leaf_specs
from clinic_app.domain.kujala import score_kujala
from clinic_app.domain.patient import Patient
from clinic_app.domain.records.signature import RecordTrail
from clinic_app.domain.rehab.plan import RehabPlan
from clinic_app.domain.soap.document import Line, SoapNote, SoapSection, Table
from clinic_app.interop import fhir_codes as codes

Json = dict[str, Any]
_ID_NAMESPACE = uuid.UUID("5b0f4c8e-7a53-4c5e-9d8e-2f1a6c3b9e10")
_CATEGORIES = {
    "history": None, "outcomes": "survey", "patellar": "exam", "strength": "exam",
    "foot_ankle": "exam", "gait": "exam", "functional": "exam", "screens": "exam",
}
# Subjective findings (told by the patient) go in S, everything else in O.
_SUBJECTIVE_GROUPS = frozenset({"history"})
_NOT_OBSERVATIONS = frozenset({"soap_text", "referral", "follow_up_date", "assessment_date",
                               "clinician", "affected_side"})


@dataclass(frozen=True)
class FhirSource:
    """What the document is made of: the record and what the app derived from it."""

    patient: Patient
    assessment: Assessment
    note: SoapNote
    evaluation: Evaluation
    plan: RehabPlan
    exercise_names: Mapping[str, str]
    trail: RecordTrail | None
    assembled_at: datetime


def fhir_document(source: FhirSource) -> Json:
    """The Bundle as a JSON-ready dict (``json.dumps`` it)."""
    return _Builder(source).bundle()


def fhir_document_bytes(source: FhirSource) -> bytes:
    return (json.dumps(fhir_document(source), indent=2, ensure_ascii=False) + "\n").encode()


class _Builder:
    def __init__(self, source: FhirSource) -> None:
        self.source = source
        self.signed = source.trail is not None and source.trail.signature is not None
        seed = json.dumps(
            [source.patient.model_dump(mode="json"), source.assessment.model_dump(mode="json")],
            sort_keys=True,
        )
        self._seed = hashlib.sha256(seed.encode()).hexdigest()
        self.entries: list[Json] = []

    def url(self, name: str) -> str:
        return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, f'{self._seed}/{name}')}"

    def add(self, name: str, resource: Json) -> str:
        full_url = self.url(name)
        resource = {"resourceType": resource.pop("resourceType"),
                    "id": full_url.removeprefix("urn:uuid:"), **resource}
        self.entries.append({"fullUrl": full_url, "resource": resource})
        return full_url

    def bundle(self) -> Json:
        a = self.source.assessment
        patient = self.add("patient", _patient(self.source.patient))
        practitioner = self.add("practitioner", _practitioner(a.clinician, self.source.trail))
        subjective, objective = self._observations(patient)
        conditions = self._conditions(patient)
        plan_refs = self._plan(patient, practitioner)
        sections = {"S": subjective, "O": objective, "A": conditions, "P": plan_refs}
        composition = {
            "resourceType": "Composition",
            "identifier": {"system": "urn:ietf:rfc:3986", "value": self.url("composition")},
            "status": "final" if self.signed else "preliminary",
            "type": _concept(codes.DOCUMENT_TYPE, "Physiotherapy evaluation note"),
            "subject": {"reference": patient},
            "date": self._composed_at(),
            "author": [{"reference": practitioner}],
            "title": "Physiotherapy evaluation: anterior knee pain",
            "section": [
                _section(section, sections[section.letter]) for section in self.source.note.sections
            ],
        }
        if self.signed:
            composition["attester"] = [{
                "mode": "legal", "time": self._composed_at(), "party": {"reference": practitioner},
            }]
        # The Composition comes first in a document Bundle: insert it ahead of the rest.
        self.add("composition", composition)
        self.entries.insert(0, self.entries.pop())
        if self.signed:
            self._provenance(practitioner)
        return {
            "resourceType": "Bundle",
            "id": self.url("bundle").removeprefix("urn:uuid:"),
            "identifier": {"system": "urn:ietf:rfc:3986", "value": self.url("bundle")},
            "type": "document",
            "timestamp": self.source.assembled_at.isoformat(),
            "entry": self.entries,
        }

    def _composed_at(self) -> str:
        trail = self.source.trail
        if trail is not None and trail.signature is not None:
            return trail.signature.signed_at.isoformat()
        return self.source.assessment.assessment_date.isoformat()

    def _observations(self, patient: str) -> tuple[list[str], list[str]]:
        a = self.source.assessment
        status = "final" if self.signed else "preliminary"
        subjective: list[str] = []
        objective: list[str] = []
        for spec, value in _recorded_findings(a):
            observation = _observation(spec, value, patient, a.assessment_date, status)
            reference = self.add(f"finding/{spec.key}", observation)
            (subjective if spec.path[0] in _SUBJECTIVE_GROUPS else objective).append(reference)
        body = a.history.body
        index = bmi(body.height_cm, body.body_mass_kg)
        if index is not None:
            objective.append(self.add("derived/bmi", _quantity_observation(
                codes.BMI_CODE, "Body mass index", round(index, 1), "kg/m2", "kg/m2",
                patient, a.assessment_date, status, "vital-signs",
            )))
        kujala = score_kujala(a.outcomes.kujala)
        if kujala.total is not None:
            objective.append(self.add("derived/kujala", _quantity_observation(
                codes.KUJALA_TOTAL_CODE, "Kujala AKPS total (0-100)", kujala.total,
                "points", "{score}", patient, a.assessment_date, status, "survey",
            )))
        return subjective, objective

    def _conditions(self, patient: str) -> list[str]:
        references = []
        leading_found = False
        for impression in self.source.evaluation.conclusion.impressions:
            if impression.confidence == "cannot evaluate yet":
                continue  # not an impression: the findings to judge it are missing
            if impression.confidence == "argued against":
                verification = "refuted"
            elif not leading_found and impression.confidence not in NOT_LEADING:
                verification, leading_found = "provisional", True
            else:
                verification = "differential"
            references.append(self.add(f"condition/{impression.condition}", {
                "resourceType": "Condition",
                "clinicalStatus": _concept((codes.CONDITION_CLINICAL, "active", "Active")),
                "verificationStatus": _concept(
                    (codes.CONDITION_VERIFICATION, verification, verification.capitalize())
                ),
                "category": [_concept(
                    (codes.CONDITION_CATEGORY, "encounter-diagnosis", "Encounter Diagnosis")
                )],
                "code": _concept(
                    (codes.IMPRESSION_SYSTEM, "+".join(impression.rule_ids), impression.condition)
                ),
                "subject": {"reference": patient},
                "recordedDate": self.source.assessment.assessment_date.isoformat(),
                "note": [{"text": f"Decision support: {impression.confidence} "
                                  f"(rules {', '.join(impression.rule_ids)})."}],
            }))
        return references

    def _plan(self, patient: str, practitioner: str) -> list[str]:
        a = self.source.assessment
        references = []
        imaging = self.source.evaluation.conclusion.imaging
        if not imaging.is_none:
            references.append(self.add("imaging", {
                "resourceType": "ServiceRequest",
                "status": "active" if self.signed else "draft",
                "intent": "proposal",
                "code": _concept((codes.IMAGING_SYSTEM, imaging.modality, imaging.modality),
                                 imaging.describe().split(":")[0]),
                "subject": {"reference": patient},
                "authoredOn": a.assessment_date.isoformat(),
                "requester": {"reference": practitioner},
                "reasonCode": [{"text": imaging.reason}],
                "bodySite": [{"text": imaging.region}],
                "note": [{"text": f"Views: {', '.join(imaging.views)}"}] if imaging.views else [],
            }))
        plan = self.source.plan
        activities = [
            {"detail": {
                "kind": "ServiceRequest",
                "code": _concept((codes.EXERCISE_SYSTEM, item.exercise_id,
                                  self.source.exercise_names.get(item.exercise_id,
                                                                 item.exercise_id))),
                "status": "not-started",
                "description": f"{item.dose}, {item.frequency}"
                + (f" ({item.reason})" if item.reason else ""),
            }}
            for item in plan.exercises
        ] + [
            {"detail": {"status": "not-started",
                        "description": f"{item.measure.label}"
                        + (f" ({item.reason})" if item.reason else "")}}
            for item in plan.measures
        ]
        care_plan: Json = {
            "resourceType": "CarePlan",
            "status": "active" if self.signed else "draft",
            "intent": "plan",
            "title": "Rehabilitation plan",
            "description": plan.phase.label
            if plan.loading_programme_allowed
            else "No loading programme: referral first. " + (plan.referral_advice or ""),
            "subject": {"reference": patient},
            "created": a.assessment_date.isoformat(),
            "author": {"reference": practitioner},
        }
        if activities:
            care_plan["activity"] = activities
        references.append(self.add("careplan", care_plan))
        return references

    def _provenance(self, practitioner: str) -> None:
        trail = self.source.trail
        assert trail is not None and trail.signature is not None
        signature = trail.signature
        targets = [{"reference": entry["fullUrl"]} for entry in self.entries]
        self.add("provenance", {
            "resourceType": "Provenance",
            "target": targets,
            "recorded": signature.signed_at.isoformat(),
            "agent": [{
                "type": _concept((codes.PROVENANCE_PARTICIPANT, "attester", "Attester")),
                "who": {"reference": practitioner},
            }],
            "signature": [{
                "type": [{"system": codes.SIGNATURE_TYPE, "code": "1.2.840.10065.1.12.1.1",
                          "display": "Author's Signature"}],
                "when": signature.signed_at.isoformat(),
                "who": {"reference": practitioner},
                # The SHA-256 of the signed content, as the app stores and verifies it.
                "sigFormat": "text/plain",
                "data": base64.b64encode(signature.content_hash.encode()).decode(),
            }],
        })


def _recorded_findings(assessment: Assessment) -> Iterator[tuple[FieldSpec, Any]]:
    for spec in leaf_specs(Assessment):
        if spec.path[0] in _NOT_OBSERVATIONS or spec.kind == "text":
            continue
        value = get_value(assessment, spec.path)
        if value is None or value == set() or value == frozenset() or value == []:
            continue
        yield spec, value


def _observation(
    spec: FieldSpec, value: Any, patient: str, on: date, status: str
) -> Json:
    standard = codes.STANDARD_FINDING_CODES.get(spec.path)
    own = {"system": codes.FINDING_SYSTEM, "code": spec.key, "display": _label(spec)}
    codings = [_coding(standard), own] if standard else [own]
    observation: Json = {
        "resourceType": "Observation",
        "status": status,
        "code": {"coding": codings, "text": _label(spec)},
        "subject": {"reference": patient},
        "effectiveDateTime": on.isoformat(),
    }
    category = "vital-signs" if spec.path[:2] == ("history", "body") else _CATEGORIES.get(
        spec.path[0]
    )
    if category:
        observation["category"] = [_concept((codes.OBSERVATION_CATEGORY, category, category))]
    observation.update(_value(spec, value))
    return observation


def _quantity_observation(
    code: tuple[str, str, str], text: str, value: float, unit: str, ucum: str, patient: str,
    on: date, status: str, category: str,
) -> Json:
    return {
        "resourceType": "Observation",
        "status": status,
        "category": [_concept((codes.OBSERVATION_CATEGORY, category, category))],
        "code": _concept(code, text),
        "subject": {"reference": patient},
        "effectiveDateTime": on.isoformat(),
        "valueQuantity": {"value": value, "unit": unit, "system": codes.UCUM, "code": ucum},
    }


def _value(spec: FieldSpec, value: Any) -> Json:
    if spec.kind in ("number", "integer"):
        quantity: Json = {"value": value}
        if spec.unit:
            quantity.update(unit=spec.unit, system=codes.UCUM, code=codes.UCUM_UNITS[spec.unit])
        return {"valueQuantity": quantity}
    if spec.kind == "boolean":
        return {"valueBoolean": value}
    if spec.kind == "date":
        return {"valueDateTime": value.isoformat()}
    if spec.kind == "choice":
        code = value.value if isinstance(value, Enum) else str(value)
        return {"valueCodeableConcept": _concept(
            (codes.ANSWER_SYSTEM_PREFIX + spec.key, code, spec.label_of(code))
        )}
    members = sorted(m.value if isinstance(m, Enum) else str(m) for m in value)
    return {"valueString": "; ".join(spec.label_of(code) for code in members)}


def _label(spec: FieldSpec) -> str:
    side = f" ({spec.side})" if spec.side else ""
    groups = [g for g in spec.group_titles if g != spec.title]
    return f"{': '.join([*groups[-1:], spec.title])}{side}"


def _patient(patient: Patient) -> Json:
    resource: Json = {
        "resourceType": "Patient",
        "name": [{"family": patient.family_name, "given": patient.given_names.split()}],
        "gender": {"female": "female", "male": "male"}.get(patient.sex.value, "other"),
        "birthDate": patient.date_of_birth.isoformat(),
    }
    if patient.identifier:
        resource["identifier"] = [
            {"system": codes.PATIENT_IDENTIFIER_SYSTEM, "value": patient.identifier}
        ]
    telecom = [
        {"system": system, "value": value}
        for system, value in (("phone", patient.phone), ("email", patient.email)) if value
    ]
    if telecom:
        resource["telecom"] = telecom
    if patient.address:
        resource["address"] = [{"text": patient.address}]
    return resource


def _practitioner(clinician: str, trail: RecordTrail | None) -> Json:
    signature = trail.signature if trail is not None else None
    name = signature.signer_name if signature is not None else clinician
    resource: Json = {"resourceType": "Practitioner"}
    if name.strip():
        resource["name"] = [{"text": name.strip()}]
    if signature is not None:
        resource["identifier"] = [{"system": codes.USERNAME_SYSTEM, "value": signature.signed_by}]
    return resource


def _section(section: SoapSection, entries: list[str]) -> Json:
    code = codes.SECTION_CODES[section.letter]
    result: Json = {
        "title": f"{section.letter}: {section.title}",
        "code": _concept(code),
        "text": {"status": "generated", "div": _narrative(section)},
    }
    if entries:
        result["entry"] = [{"reference": reference} for reference in entries]
    return result


def _narrative(section: SoapSection) -> str:
    parts = ['<div xmlns="http://www.w3.org/1999/xhtml">']
    for block in section.blocks:
        if block.heading:
            parts.append(f"<h3>{escape(block.heading)}</h3>")
        for item in block.items:
            parts.append(_line(item) if isinstance(item, Line) else _table(item))
    if section.clinician_text:
        parts.append(f"<p><b>Clinician's notes:</b> {escape(section.clinician_text)}</p>")
    if len(parts) == 1:
        parts.append("<p>Nothing recorded.</p>")
    parts.append("</div>")
    return "".join(parts)


def _line(line: Line) -> str:
    label = f"<b>{escape(line.label)}</b> " if line.label else ""
    return f"<p>{label}{escape(line.text)}</p>"


def _table(table: Table) -> str:
    head = "".join(f"<th>{escape(cell)}</th>" for cell in table.header)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>"
        for row in table.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _coding(code: tuple[str, str, str]) -> Json:
    system, value, display = code
    return {"system": system, "code": value, "display": display}


def _concept(code: tuple[str, str, str], text: str | None = None) -> Json:
    concept: Json = {"coding": [_coding(code)]}
    if text:
        concept["text"] = text
    return concept
