"""Render resources/icons/epay-desktop.svg to the PNG sizes the desktop and the bundle need, and the
Windows icon (epay-desktop.ico: the same PNGs in one ICO file, as Windows Vista and later read it).

Run after editing the SVG:  .venv-dev/bin/python scripts/render_icons.py
Uses Qt's own SVG renderer, so no other tool is needed; the PNGs are committed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtGui import QImage
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256)


def write_ico(out: Path, pngs: list[tuple[int, bytes]]) -> None:
    """An ICO file whose images are PNG streams (ICONDIR, one ICONDIRENTRY per size, then the data)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in pngs:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(blobs))
        blobs += data
    out.write_bytes(header + entries + blobs)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QImage text/SVG rendering wants an application
    svg = ICONS / "epay-desktop.svg"
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        print(f"{svg}: not a valid SVG", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = ICONS / f"epay-desktop-{size}.png"
        if not image.save(str(out), "PNG"):
            print(f"{out}: could not be written", file=sys.stderr)
            return 1
        print(out)
    ico = ICONS / "epay-desktop.ico"
    write_ico(ico, [(size, (ICONS / f"epay-desktop-{size}.png").read_bytes()) for size in SIZES])
    print(ico)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
