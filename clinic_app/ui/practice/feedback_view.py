"""The scored feedback as rich text (every user or case text escaped)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from clinic_app.domain.practice.grading import PracticeResult

MISSED = "color:#b00020;"


class FeedbackView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("practiceFeedback")
        self.setOpenExternalLinks(False)

    def show_result(self, result: PracticeResult) -> None:
        self.setHtml(feedback_html(result))


def feedback_html(result: PracticeResult) -> str:
    e = escape
    parts = [f"<h2>Score {result.total} / {result.max_total}</h2>"]
    if result.seconds_used is not None:
        used = f"{result.seconds_used // 60} min {result.seconds_used % 60:02d} s"
        limit = (f" of {result.time_limit_minutes} min" if result.time_limit_minutes else "")
        late = " (time ran out)" if result.timed_out else ""
        parts.append(f"<p>{e(result.mode.upper())}: time used {used}{limit}{late}</p>")
    c, r, f = result.completeness, result.reasoning, result.efficiency
    parts.append(f"<p>Completeness {c.score:g}/{c.max} &middot; Reasoning {r.score}/{r.max} "
                 f"&middot; Efficiency {f.score}/{f.max}</p>")
    parts.append("<h3>Completeness: must-do items</h3><ul>")
    for item in c.items:
        if item.done:
            parts.append(f"<li>&#10003; {e(item.title)}</li>")
        else:
            parts.append(
                f"<li style='{MISSED}'><b>Missed: {e(item.title)}</b> &mdash; {e(item.why)}"
                f"<br>Not asked: {e('; '.join(item.not_asked))}</li>"
            )
    parts.append("</ul><h3>Reasoning: your answer against the key</h3><table cellpadding=3>")
    parts.append("<tr><th></th><th align=left>Key</th><th align=left>Yours</th>"
                 "<th>Points</th></tr>")
    for a in r.aspects:
        style = "" if a.correct else f" style='{MISSED}'"
        parts.append(f"<tr><td>{e(a.aspect)}</td><td>{e(a.expected)}</td>"
                     f"<td{style}>{e(a.given)}</td><td>{a.points}/{a.max}</td></tr>")
    parts.append("</table><h4>The rules that decide it</h4>")
    for rule in r.deciding_rules:
        parts.append(
            f"<p><b>{e(rule.title)}</b> ({e(rule.rule_id)}, {e(rule.urgency)})<br>"
            f"{e(rule.reasoning)}<br><i>Action:</i> {e(rule.action)}<br>"
            f"<small>Sources {e(rule.evidence)}: {e('; '.join(rule.sources))}</small></p>"
        )
    parts.append(f"<p><b>Model plan:</b> {e(r.model_plan)}</p>")
    parts.append(f"<p><b>Your plan:</b> {e(r.your_plan) or '(none written)'}</p>")
    parts.append("<h3>Efficiency</h3>")
    if f.wasted:
        parts.append(f"<p>{e(f.why)}</p><p style='{MISSED}'>"
                     f"{e('; '.join(w.title for w in f.wasted))}</p>")
    else:
        parts.append("<p>No test was requested that could not change the answer.</p>")
    return "".join(parts)
