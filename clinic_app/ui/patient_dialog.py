"""New / edit patient dialog with a message beside each field that is wrong.

Nothing is pre-filled that the user did not choose: the date of birth is typed
(no default date to slip through) and sex starts at "Choose…".
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pydantic import ValidationError
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.fields import shortened
from clinic_app.domain.patient import Patient, Sex
from clinic_app.domain.plausible_dates import MAX_AGE_YEARS, earliest_birth_date

DATE_FORMATS_HELP = "a date as YYYY-MM-DD or DD.MM.YYYY"

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")


def parse_birth_date(text: str, today: date) -> date:
    """The date typed in the dialog, or ValueError with what is wrong and what is allowed."""
    stripped = text.strip()
    if not stripped:
        raise ValueError(f"required; enter {DATE_FORMATS_HELP}")
    if match := _ISO.match(stripped):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DAY_FIRST.match(stripped):
        day, month, year = (int(part) for part in match.groups())
    else:
        raise ValueError(f"{stripped!r} is not {DATE_FORMATS_HELP}")
    try:
        born = date(year, month, day)
    except ValueError:
        problem = f"{stripped!r} is not a calendar date; enter {DATE_FORMATS_HELP}"
        raise ValueError(problem) from None
    if not earliest_birth_date(today) <= born <= today:
        raise ValueError(
            f"{stripped!r} is out of range; allowed {earliest_birth_date(today).isoformat()} "
            f"to today (an age from 0 to {MAX_AGE_YEARS})"
        )
    return born


class PatientDialog(QDialog):
    TEXT_FIELDS = ("family_name", "given_names", "identifier", "phone", "email", "address")

    def __init__(
        self,
        parent: QWidget | None = None,
        patient: Patient | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("patientDialog")
        self.setWindowTitle("Edit patient" if patient else "New patient")
        self.setMinimumWidth(460)
        self._today = today or date.today()
        self._result: Patient | None = None

        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in ("family_name", "given_names"):
            self._add_text_row(form, name)
        self.date_of_birth_edit = QLineEdit(self)
        self.date_of_birth_edit.setObjectName("dateOfBirthEdit")
        self.date_of_birth_edit.setPlaceholderText("YYYY-MM-DD or DD.MM.YYYY")
        self._add_row(form, "date_of_birth", "Date of birth *", self.date_of_birth_edit)
        self.sex_combo = QComboBox(self)
        self.sex_combo.setObjectName("sexCombo")
        self.sex_combo.addItem("Choose…", None)
        for sex in Sex:
            self.sex_combo.addItem(sex.label, sex.value)
        self._add_row(form, "sex", "Sex *", self.sex_combo)
        for name in ("identifier", "phone", "email", "address"):
            self._add_text_row(form, name)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("patientDialogButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.save_button.setDefault(True)

        note = QLabel("* required", self)
        note.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        if patient is not None:
            self._fill(patient)

    # -- public API ----------------------------------------------------------------------------

    @classmethod
    def ask(cls, parent: QWidget | None, patient: Patient | None = None) -> Patient | None:
        """Show the dialog modally; the patient entered, or None when cancelled."""
        dialog = cls(parent, patient)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.result_patient if accepted else None
        finally:
            dialog.deleteLater()

    @property
    def result_patient(self) -> Patient | None:
        return self._result

    @property
    def save_button(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def error_text(self, field: str) -> str:
        label = self.errors[field]
        return label.text() if label.isVisibleTo(self) else ""

    def accept(self) -> None:
        patient = self._validate()
        if patient is None:
            return  # stay open; the messages say what to fix
        self._result = patient
        super().accept()

    # -- building ------------------------------------------------------------------------------

    def _add_text_row(self, form: QFormLayout, name: str) -> None:
        info = Patient.model_fields[name]
        edit = QLineEdit(self)
        edit.setObjectName(_camel(name) + "Edit")
        max_length = _max_length(name)
        if max_length:
            edit.setMaxLength(max_length + 1)  # one more, so an overlong paste gets a message
        self.edits[name] = edit
        required = info.is_required()
        self._add_row(form, name, f"{info.title}{' *' if required else ''}", edit)

    def _add_row(self, form: QFormLayout, name: str, title: str, field: QWidget) -> None:
        error = QLabel(self)
        error.setObjectName(_camel(name) + "Error")
        error.setStyleSheet("color: #b00020;")
        error.setWordWrap(True)
        error.hide()
        self.errors[name] = error
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(error)
        label = QLabel(_with_mnemonic(name, title), self)
        label.setBuddy(field)
        form.addRow(label, column)

    def _fill(self, patient: Patient) -> None:
        for name, edit in self.edits.items():
            edit.setText(getattr(patient, name) or "")
        self.date_of_birth_edit.setText(patient.date_of_birth.isoformat())
        self.sex_combo.setCurrentIndex(self.sex_combo.findData(patient.sex.value))

    # -- validation ----------------------------------------------------------------------------

    def _validate(self) -> Patient | None:
        problems: dict[str, str] = {}
        values: dict[str, Any] = {}
        for name, edit in self.edits.items():
            text = edit.text().strip()
            if text or Patient.model_fields[name].is_required():
                values[name] = text
        try:
            values["date_of_birth"] = parse_birth_date(self.date_of_birth_edit.text(), self._today)
        except ValueError as error:
            problems["date_of_birth"] = f"Date of birth: {error}"
        sex = self.sex_combo.currentData()
        if sex is None:
            allowed = ", ".join(choice.label for choice in Sex)
            problems["sex"] = f"Sex: not chosen; choose one of {allowed}"
        else:
            values["sex"] = sex
        patient = None
        try:
            patient = Patient.model_validate(values)
        except ValidationError as error:
            for problem in error.errors():
                name = str(problem["loc"][0]) if problem["loc"] else ""
                if name in self.edits:
                    problems.setdefault(name, _describe(name, problem))
        self._show_problems(problems)
        return None if problems else patient

    def _show_problems(self, problems: dict[str, str]) -> None:
        focus_done = False
        for name, label in self.errors.items():
            message = problems.get(name, "")
            label.setText(message)
            label.setVisible(bool(message))
            if message and not focus_done:
                field = self.edits.get(name) or (
                    self.date_of_birth_edit if name == "date_of_birth" else self.sex_combo
                )
                field.setFocus()
                focus_done = True


# Alt+letter moves to the field; letters chosen so no two rows share one.
_MNEMONICS = {
    "family_name": "F", "given_names": "G", "date_of_birth": "D", "sex": "x",
    "identifier": "I", "phone": "P", "email": "E", "address": "A",
}


def _with_mnemonic(name: str, title: str) -> str:
    letter = _MNEMONICS.get(name)
    position = title.find(letter) if letter else -1
    return title if position < 0 else f"{title[:position]}&{title[position:]}"


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def _max_length(name: str) -> int | None:
    for constraint in Patient.model_fields[name].metadata:
        limit = getattr(constraint, "max_length", None)
        if limit is not None:
            return int(limit)
    return None


def _describe(name: str, problem: Any) -> str:
    title = Patient.model_fields[name].title or name
    value = problem.get("input")
    limit = _max_length(name)
    kind = problem["type"]
    blank = kind == "value_error" and not str(value).strip()
    if kind in ("missing", "string_too_short") or blank:
        return f"{title}: required; enter 1 to {limit} characters"
    if kind == "string_too_long":
        return f"{title}: {len(str(value))} characters is too long; at most {limit} allowed"
    reason = str(problem.get("msg", "")).removeprefix("Value error, ")
    return f"{title}: {shortened(value)} is not allowed; {reason}"
