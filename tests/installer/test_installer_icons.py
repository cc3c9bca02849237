"""The icon master is a square SVG and every platform's raster icon is present at the size
each platform asks for, with a transparent corner (the tile has rounded corners)."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image

from tests.installer.installer_paths import ICONS, INSTALLER


def load_render_icons() -> ModuleType:
    """installer/ is scripts, not a package: load the renderer from its file."""
    spec = importlib.util.spec_from_file_location("render_icons", INSTALLER / "render_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


render_icons = load_render_icons()


def test_the_svg_master_is_square() -> None:
    root = ET.parse(ICONS / "clinic-app.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    _, _, width, height = (float(part) for part in root.get("viewBox", "").split())
    assert width == height


@pytest.mark.parametrize("size", render_icons.PNG_SIZES)
def test_png_exists_at_its_size_with_transparent_corners(size: int) -> None:
    with Image.open(render_icons.png_path(size)) as image:
        assert image.size == (size, size)
        rgba = image.convert("RGBA")
        assert rgba.getpixel((0, 0))[3] == 0
        assert rgba.getpixel((size // 2, size // 2))[3] == 255


def test_windows_ico_holds_every_size_up_to_256() -> None:
    with Image.open(ICONS / "clinic-app.ico") as icon:
        assert set(icon.info["sizes"]) == {(s, s) for s in render_icons.ICO_SIZES}


def test_macos_icns_opens_at_1024_px() -> None:
    with Image.open(ICONS / "clinic-app.icns") as icon:
        assert icon.format == "ICNS"
        assert icon.size == (1024, 1024)


def test_the_renderer_draws_the_master_at_any_requested_size(qapp: object, tmp_path: Path) -> None:
    # qapp: pytest-qt's QApplication, so the renderer does not create a bare
    # QGuiApplication that later widget tests in this process could not use.
    rendered = render_icons.render_png_bytes(render_icons.MASTER, (20,))
    (tmp_path / "icon.png").write_bytes(rendered[20])
    with Image.open(tmp_path / "icon.png") as image:
        assert image.size == (20, 20)
