"""The table models on their own, without a view (the Vorta pattern)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from clinic_app.domain.assessment import AssessmentStatus
from clinic_app.domain.patient import Sex
from clinic_app.services.ports import AssessmentSummary, PatientRecord
from clinic_app.ui.assessment_table_model import (
    COL_CLINICIAN,
    COL_DATE,
    COL_STATUS,
    AssessmentIdRole,
    AssessmentTableModel,
)
from clinic_app.ui.patient_table_model import (
    COL_DATE_OF_BIRTH,
    COL_IDENTIFIER,
    COL_NAME,
    COL_SEX,
    PatientIdRole,
    PatientRecordRole,
    PatientTableModel,
)
from tests.ui.ui_helpers import make_patient

DISPLAY = Qt.ItemDataRole.DisplayRole

ZOE = PatientRecord(7, make_patient("Ñúñez-Øster", "Zoë", date(1994, 3, 12), Sex.FEMALE, "M-1"))
IVAN = PatientRecord(9, make_patient("Петров", "Иван", date(1987, 11, 2), Sex.MALE))


def test_patient_columns_roles_and_headers(qapp) -> None:
    model = PatientTableModel()
    QAbstractItemModelTester(model)  # Qt's own consistency checks on every change
    model.set_records([ZOE, IVAN])
    assert (model.rowCount(), model.columnCount()) == (2, 4)
    assert model.headerData(COL_NAME, Qt.Orientation.Horizontal, DISPLAY) == "Name"
    assert model.index(0, COL_NAME).data(DISPLAY) == "Ñúñez-Øster, Zoë"
    assert model.index(0, COL_DATE_OF_BIRTH).data(DISPLAY) == "1994-03-12"
    assert model.index(0, COL_SEX).data(DISPLAY) == "Female"
    assert model.index(0, COL_IDENTIFIER).data(DISPLAY) == "M-1"
    assert model.index(1, COL_NAME).data(DISPLAY) == "Петров, Иван"
    assert model.index(1, COL_IDENTIFIER).data(DISPLAY) == ""  # no identifier, not "None"
    assert model.index(1, COL_SEX).data(PatientIdRole) == 9
    assert model.index(1, COL_NAME).data(PatientRecordRole) is IVAN
    assert model.data(QModelIndex()) is None
    assert model.rowCount(model.index(0, 0)) == 0  # a flat table: no children


def test_patient_lookup_and_in_place_update(qapp, qtbot) -> None:
    model = PatientTableModel()
    model.set_records([ZOE, IVAN])
    assert model.row_of(9) == 1
    assert model.row_of(12345) is None
    renamed = PatientRecord(9, IVAN.patient.model_copy(update={"family_name": "Petrov"}))
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.replace_record(renamed)
    assert changed.args[0].row() == 1
    assert model.index(1, COL_NAME).data(DISPLAY) == "Petrov, Иван"
    model.set_records([])
    assert model.rowCount() == 0


def _summary(ident: int, on: date, clinician: str, hour: int = 9) -> AssessmentSummary:
    return AssessmentSummary(
        id=ident,
        patient_id=7,
        assessment_date=on,
        clinician=clinician,
        status=AssessmentStatus.DRAFT,
        updated_at=datetime(2026, 1, 1, hour, tzinfo=UTC),
    )


def test_assessments_newest_first_with_columns(qapp) -> None:
    model = AssessmentTableModel()
    QAbstractItemModelTester(model)
    model.set_summaries(
        [
            _summary(1, date(2025, 1, 10), "A. Physio"),
            _summary(3, date(2025, 3, 2), ""),
            _summary(2, date(2025, 1, 10), "B. Physio", hour=15),
        ]
    )
    assert [model.index(row, 0).data(AssessmentIdRole) for row in range(3)] == [3, 2, 1]
    assert model.index(0, COL_DATE).data(DISPLAY) == "2025-03-02"
    assert model.index(0, COL_CLINICIAN).data(DISPLAY) == "—"  # blank clinician is visible
    assert model.index(1, COL_CLINICIAN).data(DISPLAY) == "B. Physio"
    assert model.index(0, COL_STATUS).data(DISPLAY) == AssessmentStatus.DRAFT.label
    assert model.row_of(1) == 2
    assert model.summary_at(0).id == 3
