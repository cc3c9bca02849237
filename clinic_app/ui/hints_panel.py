"""The decision-support panel beside the exam: the conclusion on top, then each hint.

Emergencies and red flags get a banner with an icon, a strong colour and words, so
colour is never the only signal. Each hint expands to its findings, reasoning,
action, imaging and sources; "cannot evaluate" hints offer a button per missing
finding. Updating reuses the hint cards (keyed by rule id) and keeps which ones are
expanded, so a new evaluation after each keystroke neither flickers nor collapses.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.decision import (
    Evaluation,
    Hint,
    HintCategory,
    HintDecision,
    HintDecisionKind,
    Urgency,
)
from clinic_app.domain.decision.context import finding_label
from clinic_app.ui.wrapping_button import WrappingButton

Path = tuple[str, ...]

URGENCY_COLOURS = {  # background, text; chosen for contrast with white or black text
    Urgency.EMERGENCY: ("#b00020", "#ffffff"),
    Urgency.URGENT: ("#e65100", "#ffffff"),
    Urgency.SOON: ("#fff3cd", "#4d3800"),
    Urgency.ROUTINE: ("#e8f0fe", "#0b2a5b"),
}


def _label(text: str = "", *, rich: bool = False, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    # Minimum: a wrapped label may grow but is never squeezed below its text in the scroll area
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if name:
        label.setObjectName(name)
    return label


class UrgencyBanner(QFrame):
    """A wide coloured strip with an icon and the urgency in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("urgencyBanner")
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.icon = QLabel()
        self.text = _label(name="urgencyBannerText")
        font = self.text.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.text.setFont(font)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        self._shown: tuple[Urgency, str, bool] | None = None

    def show_urgency(self, urgency: Urgency, message: str, alarming: bool) -> None:
        # Restyling re-polishes the banner: only when what it shows changed (each keystroke).
        if (urgency, message, alarming) == self._shown:
            return
        self._shown = (urgency, message, alarming)
        background, foreground = URGENCY_COLOURS[urgency]
        self.setStyleSheet(
            f"#urgencyBanner {{ background: {background}; border-radius: 4px; }}"
            f"#urgencyBanner QLabel {{ color: {foreground}; }}"
        )
        pixmap = QStyle.StandardPixmap
        icon = pixmap.SP_MessageBoxCritical if alarming else (
            pixmap.SP_MessageBoxWarning if urgency.rank >= Urgency.SOON.rank
            else pixmap.SP_MessageBoxInformation
        )
        self.icon.setPixmap(self.style().standardIcon(icon).pixmap(32, 32))
        self.text.setText(message)


class ConclusionView(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conclusion")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.banner = UrgencyBanner()
        self.impressions = _label(rich=True, name="impressions")
        self.imaging = _label(rich=True, name="imagingAdvice")
        self.imaging_toggle = QToolButton()
        self.imaging_toggle.setObjectName("imagingDetailsToggle")
        self.imaging_toggle.setText("Why")
        self.imaging_toggle.setCheckable(True)
        self.imaging_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.imaging_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.imaging_toggle.setAccessibleName("Show the reason for the imaging advice")
        self.imaging_toggle.toggled.connect(self._show_imaging_reason)
        self.imaging_reason = _label(name="imagingReason")
        self.imaging_reason.setVisible(False)
        imaging_row = QHBoxLayout()
        imaging_row.addWidget(self.imaging, 1)
        imaging_row.addWidget(self.imaging_toggle, 0, Qt.AlignmentFlag.AlignTop)
        self.loading = _label(rich=True, name="loadingProgramme")
        layout.addWidget(self.banner)
        layout.addWidget(self.impressions)
        layout.addLayout(imaging_row)
        layout.addWidget(self.imaging_reason)
        layout.addWidget(self.loading)

    def _show_imaging_reason(self, shown: bool) -> None:
        self.imaging_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.imaging_reason.setVisible(shown)

    def show_evaluation(self, evaluation: Evaluation) -> None:
        conclusion = evaluation.conclusion
        red_flags = [h for h in evaluation.fired if h.category is HintCategory.RED_FLAG]
        alarming = conclusion.top_urgency is Urgency.EMERGENCY or bool(red_flags) or \
            conclusion.urgency_provisional
        headline = conclusion.urgency_headline
        if alarming:
            lead = next(
                (h.title for h in evaluation.fired if h.urgency is conclusion.top_urgency),
                red_flags[0].title if red_flags else "",
            )
            if conclusion.urgency_provisional:
                lead = conclusion.possible[0].statement
            message = f"\u26a0 {headline}: {lead}"
            if conclusion.referral:
                message += f"\n{conclusion.referral}."
        else:
            message = f"Urgency: {headline}"
        self.banner.show_urgency(conclusion.top_urgency, message, alarming)
        rows = "".join(
            f"<li><b>{escape(i.condition)}</b>: {escape(i.confidence)}</li>"
            for i in conclusion.impressions
        ) or "<li>No leading impression yet.</li>"
        _set_text(self.impressions, f"<b>Impressions</b> (decision support)<ol>{rows}</ol>")
        # One short sentence; the reason on demand (the disclosure beside it).
        imaging = conclusion.imaging
        if imaging.is_none:
            text = "<b>Imaging:</b> none."
        else:
            views = f" ({escape(', '.join(imaging.views))})" if imaging.views else ""
            text = (f"<b>Imaging: {escape(imaging.modality)}, {escape(imaging.region)}</b>"
                    f"{views}.")
        _set_text(self.imaging, text)
        _set_text(self.imaging_reason, _sentence(imaging.reason))
        self.imaging_toggle.setVisible(bool(imaging.reason))
        advice = escape(conclusion.loading_advice)
        if conclusion.loading_programme_allowed and not conclusion.red_flags_not_screened \
                and not conclusion.incomplete_screen:
            _set_text(self.loading, f"<b>Loading programme:</b> {advice}.")
        else:
            _set_text(self.loading, f"<b>Loading programme: {advice}</b>.")


class HintCard(QFrame):
    """One hint: a header that expands to the details and the clinician's decision."""

    toggled = Signal(str, bool)
    goToFindingRequested = Signal(tuple)
    hintDecisionRequested = Signal(str, object)

    def __init__(self, hint: Hint, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rule_id = hint.rule_id
        self.hint: Hint | None = None
        self.decision: HintDecision | None = None
        self._read_only = False
        self.setObjectName(f"hint-{hint.rule_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        header = QHBoxLayout()
        self.expander = QToolButton()
        self.expander.setObjectName("expand")
        self.expander.setCheckable(True)
        self.expander.setArrowType(Qt.ArrowType.RightArrow)
        self.expander.setAccessibleName("Show details")
        self.expander.toggled.connect(self._on_toggled)
        self.badge = QLabel()
        self.badge.setObjectName("badge")
        self.title = _label(name="title")
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        header.addWidget(self.expander, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.title, 1)
        layout.addLayout(header)
        self.state = _label(name="decisionState")
        layout.addWidget(self.state)
        self.details = QWidget()
        self.details.setObjectName("details")
        details = QVBoxLayout(self.details)
        details.setContentsMargins(24, 0, 0, 0)
        self.body = _label(rich=True, name="body")
        details.addWidget(self.body)
        self.missing_box = QWidget()
        self.missing_layout = QVBoxLayout(self.missing_box)
        self.missing_layout.setContentsMargins(0, 0, 0, 0)
        details.addWidget(self.missing_box)
        details.addLayout(self._decision_row())
        self.details.setVisible(False)
        layout.addWidget(self.details)
        self.update_hint(hint, None)

    def _decision_row(self) -> QVBoxLayout:
        column = QVBoxLayout()
        buttons = QHBoxLayout()
        self.accept = QPushButton("Accept")
        self.accept.setObjectName("accept")
        self.accept.clicked.connect(self._on_accept)
        self.dismiss = QPushButton("Dismiss\u2026")
        self.dismiss.setObjectName("dismiss")
        self.dismiss.clicked.connect(self._on_dismiss_clicked)
        buttons.addWidget(self.accept)
        buttons.addWidget(self.dismiss)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.reason_row = QWidget()
        reason = QHBoxLayout(self.reason_row)
        reason.setContentsMargins(0, 0, 0, 0)
        self.reason = QLineEdit()
        self.reason.setObjectName("dismissReason")
        self.reason.setPlaceholderText("Reason for dismissing (required)")
        self.reason.setMaxLength(1000)
        self.confirm = QPushButton("Confirm dismissal")
        self.confirm.setObjectName("confirmDismiss")
        self.confirm.setEnabled(False)
        self.reason.textChanged.connect(self._enable_confirm)
        self.reason.returnPressed.connect(self._on_confirm_dismiss)
        self.confirm.clicked.connect(self._on_confirm_dismiss)
        reason.addWidget(self.reason, 1)
        reason.addWidget(self.confirm)
        self.reason_row.setVisible(False)
        column.addWidget(self.reason_row)
        return column

    # -- content ------------------------------------------------------------------------

    def update_hint(self, hint: Hint, decision: HintDecision | None) -> None:
        if hint == self.hint and decision == self.decision:
            return  # unchanged: nothing to redraw
        if hint != self.hint:
            self._show_hint(hint)
        self.decision = decision
        self._show_decision(decision)

    def _show_hint(self, hint: Hint) -> None:
        self.hint = hint
        fired = hint.fired
        background, foreground = URGENCY_COLOURS[hint.urgency] if fired else ("#eeeeee", "#333")
        word = hint.urgency.label.upper() if fired else "CANNOT EVALUATE"
        self.badge.setText(f" {word} ")
        self.badge.setStyleSheet(
            f"background: {background}; color: {foreground}; font-weight: bold; "
            "border-radius: 3px;"
        )
        self.title.setText(f"{hint.title}  [{hint.category.label}]")
        self.body.setText(self._body_html(hint))
        self._fit_body()
        self._show_missing(hint)
        self.accept.setVisible(fired)
        self.dismiss.setVisible(fired)

    @staticmethod
    def _body_html(hint: Hint) -> str:
        parts = []
        if hint.triggers:
            items = "".join(
                f"<li>{escape(t.label)}: <b>{escape(t.value)}</b></li>" for t in hint.triggers
            )
            parts.append(f"<b>Findings</b><ul>{items}</ul>")
        parts.append(f"<b>Reasoning:</b> {escape(hint.reasoning)}")
        parts.append(f"<b>Action:</b> {escape(hint.action)}")
        if hint.imaging is not None:
            imaging = hint.imaging
            if imaging.is_none:
                parts.append(f"<b>Imaging:</b> none. {escape(_sentence(imaging.reason))}")
            else:
                views = ", ".join(imaging.views)
                parts.append(
                    f"<b>Imaging:</b> {escape(imaging.modality)}, {escape(imaging.region)}"
                    + (f" ({escape(views)})" if views else "")
                    + f". {escape(_sentence(imaging.reason))}"
                )
        sources = "; ".join(hint.sources)
        parts.append(f"<b>Sources</b> {escape(hint.evidence)}: {escape(sources)}")
        parts.append(f"<small>Rule {escape(hint.rule_id)}</small>")
        return "<br>".join(parts)

    def _show_missing(self, hint: Hint) -> None:
        while self.missing_layout.count():
            item = self.missing_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        if not hint.missing:
            self.missing_box.setVisible(False)
            return
        heading = "Needs" if not hint.fired else "Not yet assessed"
        self.missing_layout.addWidget(_label(f"{heading}:"))
        for path in hint.missing:
            button = WrappingButton(f"Go to: {finding_label(path)}")
            button.setObjectName("goTo-" + ".".join(path))
            button.clicked.connect(lambda _=False, p=path: self.goToFindingRequested.emit(p))
            self.missing_layout.addWidget(button)
        self.missing_box.setVisible(True)

    def _show_decision(self, decision: HintDecision | None) -> None:
        if decision is None:
            self.state.setVisible(False)
            return
        if decision.decision is HintDecisionKind.ACCEPTED:
            self.state.setText("\u2714 Accepted by the clinician")
        else:
            self.state.setText(f"\u2716 Dismissed: {decision.reason}")
        self.state.setVisible(True)
        self.reason_row.setVisible(False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_body()

    def _fit_body(self) -> None:
        # Rich text with lists reports too small a minimum height inside a scroll area;
        # pin it to the height the text needs at the current width.
        width = self.body.width()
        if width > 0:
            self.body.setMinimumHeight(self.body.heightForWidth(width))

    # -- expansion and decisions --------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self._read_only

    def set_read_only(self, read_only: bool) -> None:
        """A signed note's decisions are part of the record: no deciding, details still open."""
        self._read_only = read_only
        self.accept.setEnabled(not read_only)
        self.dismiss.setEnabled(not read_only)
        self.reason.setReadOnly(read_only)
        self._enable_confirm()

    def _enable_confirm(self, *_: object) -> None:
        self.confirm.setEnabled(not self._read_only and bool(self.reason.text().strip()))

    @property
    def expanded(self) -> bool:
        return self.expander.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        self.expander.setChecked(expanded)

    def _on_toggled(self, expanded: bool) -> None:
        self.expander.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.expander.setAccessibleName("Hide details" if expanded else "Show details")
        self.details.setVisible(expanded)
        self._fit_body()
        self.toggled.emit(self.rule_id, expanded)

    def _on_accept(self) -> None:
        if self._read_only:
            return
        self.hintDecisionRequested.emit(
            self.rule_id, HintDecision(decision=HintDecisionKind.ACCEPTED)
        )

    def _on_dismiss_clicked(self) -> None:
        self.reason_row.setVisible(True)
        self.reason.setFocus()

    def _on_confirm_dismiss(self) -> None:
        reason = self.reason.text().strip()
        if not reason or self._read_only:  # Enter in the reason field bypasses the button
            return
        self.hintDecisionRequested.emit(
            self.rule_id, HintDecision(decision=HintDecisionKind.DISMISSED, reason=reason)
        )
        self.reason.clear()


class HintsPanel(QWidget):
    """Shows one evaluation; emits intents, never changes the assessment itself."""

    goToFindingRequested = Signal(tuple)
    hintDecisionRequested = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hintsPanel")
        self._cards: dict[str, HintCard] = {}
        self._order: tuple[list[str], list[str]] | None = None  # rule ids, fired and waiting
        self._expanded: set[str] = set()
        self._read_only = False
        self.evaluation: Evaluation | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.conclusion = ConclusionView()
        outer.addWidget(self.conclusion)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        self.cards_layout = QVBoxLayout(holder)
        self.fired_heading = _label("Hints", name="firedHeading")
        self.waiting_heading = _label(name="waitingHeading")
        for heading in (self.fired_heading, self.waiting_heading):
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
        self.cards_layout.addWidget(self.fired_heading)
        self.cards_layout.addWidget(self.waiting_heading)
        self.cards_layout.addStretch(1)
        self.scroll.setWidget(holder)
        outer.addWidget(self.scroll, 1)
        self.conclusion.setVisible(False)

    def card(self, rule_id: str) -> HintCard | None:
        return self._cards.get(rule_id)

    @property
    def read_only(self) -> bool:
        return self._read_only

    def set_read_only(self, read_only: bool) -> None:
        """Disable the decisions on every hint card, those of later evaluations too."""
        self._read_only = read_only
        for card in self._cards.values():
            card.set_read_only(read_only)

    def show_evaluation(
        self, evaluation: Evaluation, decisions: Mapping[str, HintDecision] | None = None
    ) -> None:
        """Only what changed is redrawn: cards whose hint or decision differ, the headings
        and conclusion lines whose text differs; the cards are rearranged (with the panel's
        painting held meanwhile, then repainted whole) only when the order changed."""
        decisions = decisions or {}
        self.evaluation = evaluation
        self.conclusion.show_evaluation(evaluation)
        self.conclusion.setVisible(True)
        fired = sorted(
            evaluation.fired,
            key=lambda h: (-h.urgency.rank, h.category is not HintCategory.RED_FLAG),
        )
        waiting = list(evaluation.cannot_evaluate)
        order = ([h.rule_id for h in fired], [h.rule_id for h in waiting])
        rearranged = order != self._order
        if rearranged:
            self.setUpdatesEnabled(False)
        try:
            self._order = order
            wanted = {hint.rule_id for hint in evaluation.hints}
            for rule_id in [r for r in self._cards if r not in wanted]:
                card = self._cards.pop(rule_id)
                self.cards_layout.removeWidget(card)
                card.deleteLater()
            for offset, hint in enumerate(fired):
                self._place(hint, decisions.get(hint.rule_id), self.fired_heading, offset)
            for offset, hint in enumerate(waiting):
                self._place(hint, decisions.get(hint.rule_id), self.waiting_heading, offset)
            _set_text(self.fired_heading, f"Hints ({len(fired)})")
            _set_text(self.waiting_heading,
                      f"Cannot evaluate yet ({len(waiting)}): findings not assessed")
            self.waiting_heading.setVisible(bool(waiting))
        finally:
            if rearranged:
                self.setUpdatesEnabled(True)

    def _place(
        self, hint: Hint, decision: HintDecision | None, heading: QLabel, offset: int
    ) -> None:
        card = self._cards.get(hint.rule_id)
        if card is None:
            card = HintCard(hint)
            card.toggled.connect(self._remember_expansion)
            card.goToFindingRequested.connect(self.goToFindingRequested)
            card.hintDecisionRequested.connect(self.hintDecisionRequested)
            self._cards[hint.rule_id] = card
            card.set_expanded(hint.rule_id in self._expanded)
            card.set_read_only(self._read_only)
        card.update_hint(hint, decision)
        target = self.cards_layout.indexOf(heading) + 1 + offset
        if self.cards_layout.indexOf(card) != target:
            self.cards_layout.removeWidget(card)
            target = self.cards_layout.indexOf(heading) + 1 + offset
            self.cards_layout.insertWidget(target, card)
            card.show()  # a layout only shows a new child later, from the event loop

    def _remember_expansion(self, rule_id: str, expanded: bool) -> None:
        if expanded:
            self._expanded.add(rule_id)
        else:
            self._expanded.discard(rule_id)


def _set_text(label: QLabel, text: str) -> None:
    """A label relaid out (and repainted) only when its text really changes."""
    if label.text() != text:
        label.setText(text)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]
