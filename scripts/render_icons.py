"""Render resources/icons/epay-desktop.svg to the PNG sizes the desktop and the bundle need.

Run after editing the SVG:  .venv-dev/bin/python scripts/render_icons.py
Uses Qt's own SVG renderer, so no other tool is needed; the PNGs are committed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256)


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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
