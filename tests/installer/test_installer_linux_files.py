"""The freedesktop entry, the AppStream metainfo, the macOS Info.plist and the Inno Setup
script agree with each other and with pyproject.toml."""

from __future__ import annotations

import configparser
import plistlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from tests.installer.installer_paths import ICONS, INSTALLER

DESKTOP = INSTALLER / "linux" / "clinic-app.desktop"
METAINFO = INSTALLER / "linux" / "org.clinicapp.ClinicApp.metainfo.xml"
INFO_PLIST = INSTALLER / "macos" / "Info.plist"
INNO_SCRIPT = INSTALLER / "windows" / "clinic-app.iss"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return parser["Desktop Entry"]


def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def test_desktop_entry_launches_the_console_script_with_the_project_icon(
    project: dict[str, Any],
) -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Clinic App"
    assert entry["Terminal"] == "false"
    assert entry["Exec"].split()[0] in project["scripts"]
    assert (ICONS / f"{entry['Icon']}.svg").is_file()
    assert entry["Categories"].endswith(";") and "MedicalSoftware" in entry["Categories"]


def test_metainfo_matches_the_desktop_entry_and_the_project(project: dict[str, Any]) -> None:
    root = metainfo()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("provides/binary") in project["scripts"]
    assert root.findtext("project_license") == project["license"]
    assert root.findtext("name") == desktop_entry()["Name"]
    summary = root.findtext("summary") or ""
    assert summary and not summary.endswith(".")  # AppStream style: no final full stop


def test_the_newest_release_in_the_metainfo_is_the_project_version(
    project: dict[str, Any],
) -> None:
    releases = metainfo().findall("releases/release")
    assert releases, "metainfo lists no release"
    assert releases[0].get("version") == project["version"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[0].get("date", ""))


def test_info_plist_names_the_same_app_icon_and_version(project: dict[str, Any]) -> None:
    info = plistlib.loads(INFO_PLIST.read_bytes())
    assert info["CFBundleIdentifier"] == metainfo().findtext("id")
    assert info["CFBundleExecutable"] in project["scripts"]
    assert (ICONS / info["CFBundleIconFile"]).is_file()
    assert info["CFBundleShortVersionString"] == project["version"]


def test_inno_setup_script_points_at_existing_files_and_keeps_one_app_id() -> None:
    script = INNO_SCRIPT.read_text(encoding="utf-8")
    setup_icon = re.search(r"^SetupIconFile=(.+)$", script, re.MULTILINE)
    assert setup_icon is not None
    relative = setup_icon.group(1).strip().replace("\\", "/")
    assert (INNO_SCRIPT.parent / relative).resolve().is_file()
    app_ids = re.findall(r"^AppId=\{\{([0-9A-F-]{36})\}$", script, re.MULTILINE)
    assert len(app_ids) == 1


@pytest.mark.parametrize(
    "script",
    ["build.sh", "smoke_test.sh", "linux/install-desktop-entry.sh"],
)
def test_shell_scripts_parse(script: str) -> None:
    checked = subprocess.run(
        ["bash", "-n", str(INSTALLER / script)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize(
    ("validator", "path"),
    [
        (["desktop-file-validate"], DESKTOP),
        (["appstreamcli", "validate", "--no-net"], METAINFO),
    ],
    ids=["desktop-file-validate", "appstreamcli"],
)
def test_official_validators_accept_the_files_when_installed(
    validator: list[str], path: object
) -> None:
    if shutil.which(validator[0]) is None:
        pytest.skip(f"{validator[0]} is not installed")
    checked = subprocess.run([*validator, str(path)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
