"""Display preflight: run before any Qt GUI object exists.

Without a display Qt aborts the process with a message about ``xcb-cursor0`` that
sends people looking in the wrong place, and a missing system library for the X11
plugin aborts it the same way. This module decides, from the environment and from
which shared libraries can be loaded, whether the GUI can start; it names the
Debian packages to install and installs them itself when run as root on Debian.

The decision (``decide``) is pure so it can be tested without a display or apt.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

NO_DISPLAY_EXIT_CODE = 2

NO_DISPLAY_MESSAGE = (
    "clinic-app: no display found; run `xvfb-run make run` or set QT_QPA_PLATFORM=offscreen"
)

# Platforms that draw without a desktop session (or bring their own), so need no display.
HEADLESS_PLATFORMS = frozenset(
    {"offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs", "vkkhrdisplay"}
)


@dataclass(frozen=True)
class SystemLibrary:
    soname: str
    debian_package: str


# Loaded by QtGui itself, whatever the platform plugin.
QT_GUI_LIBRARIES: tuple[SystemLibrary, ...] = (
    SystemLibrary("libGL.so.1", "libgl1"),
    SystemLibrary("libEGL.so.1", "libegl1"),
    SystemLibrary("libfontconfig.so.1", "libfontconfig1"),
    SystemLibrary("libxkbcommon.so.0", "libxkbcommon0"),
    SystemLibrary("libdbus-1.so.3", "libdbus-1-3"),
    SystemLibrary("libglib-2.0.so.0", "libglib2.0-0"),
)

# What `ldd plugins/platforms/libqxcb.so` (via libQt6XcbQpa) lists besides the above.
XCB_PLUGIN_LIBRARIES: tuple[SystemLibrary, ...] = (
    SystemLibrary("libxcb.so.1", "libxcb1"),
    SystemLibrary("libX11-xcb.so.1", "libx11-xcb1"),
    SystemLibrary("libxcb-cursor.so.0", "libxcb-cursor0"),
    SystemLibrary("libxcb-icccm.so.4", "libxcb-icccm4"),
    SystemLibrary("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    SystemLibrary("libxcb-image.so.0", "libxcb-image0"),
    SystemLibrary("libxcb-render-util.so.0", "libxcb-render-util0"),
    SystemLibrary("libxcb-render.so.0", "libxcb-render0"),
    SystemLibrary("libxcb-shape.so.0", "libxcb-shape0"),
    SystemLibrary("libxcb-randr.so.0", "libxcb-randr0"),
    SystemLibrary("libxcb-shm.so.0", "libxcb-shm0"),
    SystemLibrary("libxcb-sync.so.1", "libxcb-sync1"),
    SystemLibrary("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    SystemLibrary("libxcb-xkb.so.1", "libxcb-xkb1"),
    SystemLibrary("libxcb-util.so.1", "libxcb-util1"),
    SystemLibrary("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
)


@dataclass(frozen=True)
class DisplayEnvironment:
    """The facts the decision depends on, read once from the running system."""

    system: str  # sys.platform
    qpa_platform: str  # QT_QPA_PLATFORM, "" when unset
    display: str  # DISPLAY
    wayland_display: str  # WAYLAND_DISPLAY
    session_type: str  # XDG_SESSION_TYPE
    is_root: bool
    has_apt: bool  # Debian or a derivative with apt-get on PATH

    @classmethod
    def current(cls) -> DisplayEnvironment:
        geteuid = getattr(os, "geteuid", None)
        return cls(
            system=sys.platform,
            qpa_platform=os.environ.get("QT_QPA_PLATFORM", ""),
            display=os.environ.get("DISPLAY", ""),
            wayland_display=os.environ.get("WAYLAND_DISPLAY", ""),
            session_type=os.environ.get("XDG_SESSION_TYPE", ""),
            is_root=geteuid is not None and geteuid() == 0,
            has_apt=Path("/etc/debian_version").exists() and shutil.which("apt-get") is not None,
        )

    def requested_platforms(self) -> list[str]:
        """Plugin names from QT_QPA_PLATFORM ("wayland;xcb", "xcb:option=1" ...), in order."""
        names = [part.split(":", 1)[0].strip() for part in self.qpa_platform.split(";")]
        return [name for name in names if name]

    def platform_to_use(self) -> str:
        """The plugin Qt will try first on Linux: the requested one, else by session."""
        requested = self.requested_platforms()
        if requested:
            return requested[0]
        if self.wayland_display and (self.session_type == "wayland" or not self.display):
            return "wayland"
        return "xcb"


class Outcome(Enum):
    READY = "ready"
    NO_DISPLAY = "no display"
    INSTALL_PACKAGES = "install packages"  # missing libraries; we may install them
    MISSING_PACKAGES = "missing packages"  # missing libraries; the user has to install them


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    missing_packages: tuple[str, ...] = field(default_factory=tuple)
    missing_libraries: tuple[str, ...] = field(default_factory=tuple)


def libraries_needed(environment: DisplayEnvironment) -> tuple[SystemLibrary, ...]:
    if not environment.system.startswith("linux"):
        return ()
    if environment.platform_to_use() == "xcb":
        return QT_GUI_LIBRARIES + XCB_PLUGIN_LIBRARIES
    return QT_GUI_LIBRARIES


def decide(
    environment: DisplayEnvironment, is_loadable: Callable[[str], bool]
) -> Decision:
    """Whether the GUI can start here, and if not, what to tell or do."""
    if not environment.system.startswith("linux"):
        return Decision(Outcome.READY)  # Windows and macOS always have their native platform
    requested = environment.requested_platforms()
    headless = any(name in HEADLESS_PLATFORMS for name in requested)
    if not headless and not environment.display and not environment.wayland_display:
        return Decision(Outcome.NO_DISPLAY)
    missing = [lib for lib in libraries_needed(environment) if not is_loadable(lib.soname)]
    if not missing:
        return Decision(Outcome.READY)
    packages = tuple(dict.fromkeys(lib.debian_package for lib in missing))
    libraries = tuple(lib.soname for lib in missing)
    if environment.is_root and environment.has_apt:
        return Decision(Outcome.INSTALL_PACKAGES, packages, libraries)
    return Decision(Outcome.MISSING_PACKAGES, packages, libraries)


def can_load_library(soname: str) -> bool:
    """True when the dynamic loader finds ``soname`` (exactly what Qt's plugin will need)."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def apt_install_command(packages: Iterable[str]) -> list[str]:
    return ["apt-get", "install", "-y", "--no-install-recommends", *packages]


def install_with_apt(packages: Sequence[str]) -> bool:
    """Install ``packages`` (as root), refreshing the package lists once if needed."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    command = apt_install_command(packages)
    if subprocess.run(command, env=env, check=False).returncode == 0:
        return True
    subprocess.run(["apt-get", "update"], env=env, check=False)
    return subprocess.run(command, env=env, check=False).returncode == 0


def missing_packages_message(decision: Decision, environment: DisplayEnvironment) -> str:
    libraries = ", ".join(decision.missing_libraries)
    packages = " ".join(decision.missing_packages)
    if environment.has_apt:
        prefix = "" if environment.is_root else "sudo "
        command = " ".join(apt_install_command(decision.missing_packages))
        how = f"install them with: {prefix}{command}"
    else:
        how = f"install your distribution's packages providing them (Debian names: {packages})"
    return (
        f"clinic-app: Qt needs system libraries that are missing: {libraries}\n"
        f"Debian packages: {packages}\n{how}"
    )


def preflight(
    environment: DisplayEnvironment | None = None,
    is_loadable: Callable[[str], bool] = can_load_library,
    install: Callable[[Sequence[str]], bool] = install_with_apt,
    report: Callable[[str], None] = lambda text: print(text, file=sys.stderr),
) -> int | None:
    """None when the GUI can start; otherwise the exit code, after explaining why on stderr."""
    environment = environment or DisplayEnvironment.current()
    decision = decide(environment, is_loadable)
    if decision.outcome is Outcome.READY:
        return None
    if decision.outcome is Outcome.NO_DISPLAY:
        report(NO_DISPLAY_MESSAGE)
        return NO_DISPLAY_EXIT_CODE
    if decision.outcome is Outcome.INSTALL_PACKAGES:
        report(
            "clinic-app: installing the system libraries Qt needs with apt-get: "
            + " ".join(decision.missing_packages)
        )
        if install(decision.missing_packages):
            still_missing = decide(environment, is_loadable)
            if still_missing.outcome is Outcome.READY:
                return None
            decision = still_missing
    report(missing_packages_message(decision, environment))
    return NO_DISPLAY_EXIT_CODE
