"""The display preflight's decisions, without a display, Qt or apt."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest

from clinic_app.ui.display_check import (
    NO_DISPLAY_EXIT_CODE,
    NO_DISPLAY_MESSAGE,
    DisplayEnvironment,
    Outcome,
    decide,
    preflight,
)

LINUX_X11 = DisplayEnvironment(
    system="linux",
    qpa_platform="",
    display=":0",
    wayland_display="",
    session_type="x11",
    is_root=False,
    has_apt=True,
)
HEADLESS = replace(LINUX_X11, display="")


def everything_loads(_soname: str) -> bool:
    return True


def missing(*sonames: str):
    return lambda soname: soname not in sonames


class Recorder:
    def __init__(self, succeeds: bool = True, then_loadable: set[str] | None = None) -> None:
        self.installed: list[tuple[str, ...]] = []
        self.messages: list[str] = []
        self._succeeds = succeeds
        self.now_present: set[str] = set()
        self._then_loadable = then_loadable or set()

    def install(self, packages: Sequence[str]) -> bool:
        self.installed.append(tuple(packages))
        if self._succeeds:
            self.now_present |= self._then_loadable
        return self._succeeds

    def report(self, text: str) -> None:
        self.messages.append(text)


def test_no_display_and_no_headless_platform_refuses_with_the_xvfb_hint() -> None:
    recorder = Recorder()
    code = preflight(HEADLESS, everything_loads, recorder.install, recorder.report)
    assert code == NO_DISPLAY_EXIT_CODE == 2
    assert recorder.messages == [NO_DISPLAY_MESSAGE]
    assert "no display found" in NO_DISPLAY_MESSAGE
    assert "xvfb-run make run" in NO_DISPLAY_MESSAGE
    assert "QT_QPA_PLATFORM=offscreen" in NO_DISPLAY_MESSAGE
    assert recorder.installed == []


@pytest.mark.parametrize("platform", ["offscreen", "minimal", "vnc:size=800x600", "xcb;offscreen"])
def test_headless_platforms_need_no_display(platform: str) -> None:
    environment = replace(HEADLESS, qpa_platform=platform)
    assert decide(environment, everything_loads).outcome is Outcome.READY


def test_offscreen_does_not_need_the_x11_plugin_libraries() -> None:
    environment = replace(HEADLESS, qpa_platform="offscreen")
    decision = decide(environment, missing("libxcb-cursor.so.0"))
    assert decision.outcome is Outcome.READY


def test_wayland_display_alone_is_a_display() -> None:
    environment = replace(HEADLESS, wayland_display="wayland-0", session_type="wayland")
    assert environment.platform_to_use() == "wayland"
    # The X11 plugin is not used, so its libraries do not matter.
    assert decide(environment, missing("libxcb-icccm.so.4")).outcome is Outcome.READY


def test_explicit_xcb_without_display_is_no_display() -> None:
    environment = replace(HEADLESS, qpa_platform="xcb")
    assert decide(environment, everything_loads).outcome is Outcome.NO_DISPLAY


def test_missing_xcb_libraries_are_named_by_debian_package_for_a_normal_user() -> None:
    recorder = Recorder()
    loadable = missing("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    code = preflight(LINUX_X11, loadable, recorder.install, recorder.report)
    assert code == 2
    assert recorder.installed == []  # not root: never try to install
    (message,) = recorder.messages
    assert "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1" in message
    assert "sudo apt-get install -y --no-install-recommends" in message
    assert "libxcb-cursor.so.0" in message


def test_root_on_debian_installs_the_missing_packages_and_says_so() -> None:
    absent = {"libxkbcommon-x11.so.0", "libxcb-shape.so.0"}
    recorder = Recorder(succeeds=True, then_loadable=absent)
    environment = replace(LINUX_X11, is_root=True)

    def loadable(soname: str) -> bool:
        return soname not in absent or soname in recorder.now_present

    code = preflight(environment, loadable, recorder.install, recorder.report)
    assert code is None  # the GUI may start after the install
    assert recorder.installed == [("libxcb-shape0", "libxkbcommon-x11-0")]
    assert recorder.messages == [
        "clinic-app: installing the system libraries Qt needs with apt-get: "
        "libxcb-shape0 libxkbcommon-x11-0"
    ]


def test_failed_install_as_root_prints_the_command_and_refuses() -> None:
    recorder = Recorder(succeeds=False)
    environment = replace(LINUX_X11, is_root=True)
    code = preflight(environment, missing("libxcb-cursor.so.0"), recorder.install, recorder.report)
    assert code == 2
    assert recorder.installed == [("libxcb-cursor0",)]
    assert "apt-get install -y --no-install-recommends libxcb-cursor0" in recorder.messages[-1]
    assert "sudo" not in recorder.messages[-1]


def test_root_without_apt_is_told_the_debian_names_but_nothing_is_installed() -> None:
    recorder = Recorder()
    environment = replace(LINUX_X11, is_root=True, has_apt=False)
    code = preflight(environment, missing("libGL.so.1"), recorder.install, recorder.report)
    assert code == 2
    assert recorder.installed == []
    assert "Debian names: libgl1" in recorder.messages[0]


def test_qt_gui_libraries_are_checked_on_every_linux_platform() -> None:
    environment = replace(HEADLESS, qpa_platform="offscreen")
    decision = decide(environment, missing("libEGL.so.1", "libfontconfig.so.1"))
    assert decision.outcome is Outcome.MISSING_PACKAGES
    assert decision.missing_packages == ("libegl1", "libfontconfig1")


@pytest.mark.parametrize("system", ["win32", "darwin"])
def test_windows_and_macos_always_start(system: str) -> None:
    environment = replace(HEADLESS, system=system)
    assert decide(environment, missing("libxcb.so.1")).outcome is Outcome.READY


def test_requested_platform_list_and_options_are_parsed() -> None:
    environment = replace(LINUX_X11, qpa_platform=" wayland:foo=1 ; xcb ")
    assert environment.requested_platforms() == ["wayland", "xcb"]
    assert environment.platform_to_use() == "wayland"


def test_this_machine_passes_the_check_offscreen() -> None:
    """The real probe (dlopen) on this machine: the offscreen test run must be allowed."""
    environment = replace(DisplayEnvironment.current(), qpa_platform="offscreen")
    recorder = Recorder()
    assert preflight(environment, install=recorder.install, report=recorder.report) is None
