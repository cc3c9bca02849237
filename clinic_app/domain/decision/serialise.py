"""The stable JSON form of an evaluation (documented in the README under `clinic-app evaluate`)."""

from __future__ import annotations

from typing import Any

from clinic_app.domain.decision.model import Evaluation, Hint, ImagingAdvice, Path

EVALUATION_FORMAT = "clinic-app-evaluation"
EVALUATION_FORMAT_VERSION = 1


def dotted(path: Path) -> str:
    return ".".join(path)


def imaging_json(imaging: ImagingAdvice | None) -> dict[str, Any] | None:
    if imaging is None:
        return None
    return {
        "modality": imaging.modality,
        "region": imaging.region,
        "views": list(imaging.views),
        "reason": imaging.reason,
    }


def hint_json(hint: Hint) -> dict[str, Any]:
    return {
        "rule_id": hint.rule_id,
        "title": hint.title,
        "category": hint.category.value,
        "urgency": hint.urgency.value,
        "status": hint.status,
        "triggers": [
            {"path": dotted(t.path), "label": t.label, "value": t.value} for t in hint.triggers
        ],
        "missing": [dotted(path) for path in hint.missing],
        "reasoning": hint.reasoning,
        "action": hint.action,
        "imaging": imaging_json(hint.imaging),
        "sources": list(hint.sources),
        "evidence": hint.evidence,
    }


def evaluation_json(evaluation: Evaluation, case_title: str | None = None) -> dict[str, Any]:
    conclusion = evaluation.conclusion
    return {
        "format": EVALUATION_FORMAT,
        "format_version": EVALUATION_FORMAT_VERSION,
        "rule_set_version": evaluation.rule_set_version,
        "case_title": case_title,
        "pfp_verdict": evaluation.pfp_verdict.value,
        "conclusion": {
            "impressions": [
                {"condition": i.condition, "confidence": i.confidence,
                 "rule_ids": list(i.rule_ids)}
                for i in conclusion.impressions
            ],
            "top_urgency": conclusion.top_urgency.value,
            "imaging": imaging_json(conclusion.imaging),
            "loading_programme_allowed": conclusion.loading_programme_allowed,
            "red_flags_not_screened": list(conclusion.red_flags_not_screened),
            "urgency_provisional": conclusion.urgency_provisional,
            "urgency_headline": conclusion.urgency_headline,
            "possible": [
                {"rule_id": p.rule_id, "condition": p.condition, "urgency": p.urgency.value,
                 "key_features_present": list(p.present), "to_complete": list(p.to_complete),
                 "statement": p.statement}
                for p in conclusion.possible
            ],
            "referral": conclusion.referral,
            "summary": conclusion.summary,
        },
        "hints": [hint_json(hint) for hint in evaluation.hints],
    }
