"""``progress --patient ID``: the patient's episode of care, outcomes against the MCID."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from clinic_app.cli.database_access import opened_services
from clinic_app.cli.errors import CommandError

if TYPE_CHECKING:
    from clinic_app.domain.episode.report import ProgressReport

FORMAT_VERSION = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    progress = subparsers.add_parser(
        "progress", help="a patient's progress across the visits of the episode of care"
    )
    progress.add_argument("--patient", type=int, required=True, metavar="ID",
                          help="the patient's id")
    progress.add_argument("--format", choices=("text", "json"), default="text")
    progress.set_defaults(handler=_progress)


def _progress(args: argparse.Namespace) -> int:
    from clinic_app.services.episodes import NothingToFollowUpError
    from clinic_app.services.ports import NotFoundError

    with opened_services(args, existing=True) as services:
        try:
            report = services.episodes.progress(args.patient)
        except (NotFoundError, NothingToFollowUpError) as error:
            raise CommandError(
                f"--patient {args.patient}: {error}; expected the id of a patient with at "
                "least one assessment") from error
    if args.format == "json":
        print(json.dumps(as_json(report), indent=2, ensure_ascii=False))
    else:
        print(as_text(report))
    return 0


def as_text(report: ProgressReport) -> str:
    weeks = report.progress.weeks_since_baseline()
    lines = [
        f"Progress: {report.patient.one_line}",
        f"Episode: {report.baseline.on.isoformat()} to {report.current.on.isoformat()} "
        f"({weeks:.1f} weeks, {len(report.visits)} visits)"
        + (", discharged" if report.discharged else ""),
        "",
        f"Conclusion: {report.conclusion.lead}",
        *[f"  {line}" for line in report.conclusion.lines[1:]],
        "",
        "Outcomes (baseline -> now: change, against the MCID):",
    ]
    for series in report.progress.recorded:
        values = ", ".join(
            f"{point.on.isoformat()}: {'-' if point.value is None else f'{point.value:g}'}"
            for point in series.points)
        lines.append(f"  {series.measure.label}: {series.change_text()}")
        lines.append(f"    visits: {values}")
    if report.proposal is not None:
        lines += ["", f"Plan: {report.proposal.summary}"]
    lines += ["", "Next steps:", *[f"  - {step}" for step in report.next_steps]]
    return "\n".join(lines)


def as_json(report: ProgressReport) -> dict[str, Any]:
    proposal = report.proposal
    return {
        "format": "clinic-app-progress",
        "format_version": FORMAT_VERSION,
        "visits": [{"date": visit.on.isoformat(), "kind": visit.kind.value,
                    "assessment_id": visit.assessment_id} for visit in report.visits],
        "discharged": report.discharged,
        "weeks": round(report.progress.weeks_since_baseline(), 1),
        "measures": [{
            "key": series.measure.key, "label": series.measure.label,
            "unit": series.measure.unit,
            "values": [point.value for point in series.points],
            "baseline": series.baseline.value if series.baseline else None,
            "latest": series.latest.value if series.latest else None,
            "change": change.delta if (change := series.change()) else None,
            "mcid": change.threshold if change else None,
            "mcid_text": series.measure.mcid_text,
            "verdict": series.verdict().value,
        } for series in report.progress.recorded],
        "conclusion": list(report.conclusion.lines),
        "non_responder": report.conclusion.non_responder,
        "new_red_flags": list(report.conclusion.new_red_flags),
        "phase": None if proposal is None else {
            "current": proposal.current.value,
            "next": proposal.next.value if proposal.next else None,
            "ready": proposal.ready,
            "criteria": [{"text": c.text, "met": c.met, "found": c.found}
                         for c in proposal.criteria],
            "summary": proposal.summary,
        },
        "next_steps": list(report.next_steps),
    }
