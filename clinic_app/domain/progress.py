"""How much of each exam section has been recorded (for the section navigator)."""

from __future__ import annotations

from dataclasses import dataclass

from clinic_app.domain.assessment import EXAM_SECTIONS, Assessment
from clinic_app.domain.fields import get_value, spec_index


@dataclass(frozen=True)
class SectionProgress:
    section: str
    recorded: int
    total: int

    @property
    def state(self) -> str:
        if self.recorded == 0:
            return "empty"
        return "complete" if self.recorded == self.total else "partial"


def section_progress(assessment: Assessment) -> list[SectionProgress]:
    counts = {section: [0, 0] for section in EXAM_SECTIONS}
    for path in spec_index(Assessment):
        if path[0] in counts:
            counts[path[0]][1] += 1
            if get_value(assessment, path) is not None:
                counts[path[0]][0] += 1
    return [SectionProgress(name, done, total) for name, (done, total) in counts.items()]
