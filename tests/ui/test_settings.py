"""The typed settings wrapper writes to the redirected folder and reads back typed values."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from clinic_app.ui.settings import AppSettings


def test_values_round_trip_through_the_ini_file(qapp, ui_settings_folder: Path) -> None:
    settings = AppSettings()
    assert settings.file_path.is_relative_to(ui_settings_folder)
    assert settings.main_window_geometry is None
    assert settings.last_patient_id is None
    assert settings.last_clinician == ""

    settings.main_window_geometry = QByteArray(b"\x01\x02geometry")
    settings.last_patient_id = 42
    settings.last_clinician = "Søren Ølstad"
    settings.sync()
    assert settings.file_path.is_file()
    assert settings.file_path.stat().st_mode & 0o777 == 0o600  # names the last patient

    again = AppSettings()
    assert again.main_window_geometry == QByteArray(b"\x01\x02geometry")
    assert again.last_patient_id == 42
    assert again.last_clinician == "Søren Ølstad"
    again.last_patient_id = None
    assert AppSettings().last_patient_id is None


def test_a_corrupt_patient_id_is_ignored(qapp) -> None:
    settings = AppSettings()
    raw = QSettings(str(settings.file_path), QSettings.Format.IniFormat)
    raw.setValue("choices/last_patient_id", "not-a-number")
    raw.sync()
    assert AppSettings().last_patient_id is None


def test_recovery_state_round_trips_and_survives_hand_editing(qapp) -> None:
    settings = AppSettings()
    assert not settings.running and settings.open_assessment_ids == []
    settings.running = True
    settings.open_assessment_ids = [7]  # one item: INI lists of one read back as plain text
    settings.sync()
    again = AppSettings()
    assert again.running and again.open_assessment_ids == [7]
    raw = QSettings(str(settings.file_path), QSettings.Format.IniFormat)
    raw.setValue("recovery/open_assessments", "3,x,,5")
    raw.sync()
    assert AppSettings().open_assessment_ids == [3, 5]
