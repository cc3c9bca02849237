"""What a change since the baseline means, in words."""

from __future__ import annotations

from clinic_app.domain.model_base import Choice, relabel


class Verdict(Choice):
    BETTER = "meaningful_improvement"
    WORSE = "meaningful_worsening"
    NOT_MEANINGFUL = "not_meaningful"
    NO_MCID = "no_mcid"
    NOT_ENOUGH = "one_value_only"
    NOT_RECORDED = "not_recorded"


relabel({
    Verdict.BETTER: "meaningful improvement",
    Verdict.WORSE: "meaningful worsening",
    Verdict.NOT_MEANINGFUL: "not meaningful",
    Verdict.NO_MCID: "change shown, no MCID defined",
    Verdict.NOT_ENOUGH: "recorded once: no change yet",
    Verdict.NOT_RECORDED: "not recorded",
})
