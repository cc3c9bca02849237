"""Render the SVG icon master into the raster icons each platform wants.

Run from the repository root after editing ``resources/icons/clinic-app.svg``:

    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/render_icons.py

Writes ``resources/icons/png/clinic-app-<N>.png`` (freedesktop hicolor sizes),
``clinic-app.ico`` (Windows) and ``clinic-app.icns`` (macOS). The outputs are
committed so a build needs neither Qt's SVG renderer nor Pillow.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
MASTER = ICONS / "clinic-app.svg"
PNG_DIR = ICONS / "png"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Apple's iconset sizes, including the @2x 1024 px variant of 512.
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def png_path(size: int) -> Path:
    return PNG_DIR / f"clinic-app-{size}.png"


def render_png_bytes(master: Path, sizes: tuple[int, ...]) -> dict[int, bytes]:
    """Each size is rendered from the vector master, never scaled from another bitmap."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(master))
    if not renderer.isValid():
        raise SystemExit(f"{master}: not a valid SVG for Qt's renderer")
    rendered: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        rendered[size] = bytes(data.data())
    return rendered


def write_icons() -> list[Path]:
    from PIL import Image

    rendered = render_png_bytes(MASTER, tuple(sorted({*PNG_SIZES, *ICO_SIZES, *ICNS_SIZES})))
    images = {size: Image.open(io.BytesIO(data)).convert("RGBA") for size, data in rendered.items()}
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    written = []
    for size in PNG_SIZES:
        png_path(size).write_bytes(rendered[size])
        written.append(png_path(size))

    ico = ICONS / "clinic-app.ico"
    largest_ico = images[max(ICO_SIZES)]
    largest_ico.save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    written.append(ico)

    icns = ICONS / "clinic-app.icns"
    images[max(ICNS_SIZES)].save(
        icns,
        format="ICNS",
        append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    written.append(icns)
    return written


def main() -> int:
    for path in write_icons():
        print(path.relative_to(ICONS.parent.parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
