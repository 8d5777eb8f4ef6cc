"""The receipt fonts: DejaVu Sans and DejaVu Sans Bold, shipped in ``fonts/`` with their LICENSE.

reportlab's core-14 fonts have no Cyrillic, let alone Kazakh letters (ә ғ қ ң ө ұ ү һ і), or ₸.
"""

from __future__ import annotations

import io
import threading
from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

__all__ = ["BOLD", "REGULAR", "register_fonts"]

REGULAR = "EpayDejaVuSans"
BOLD = "EpayDejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}

# reportlab keeps registered fonts in a process-wide table; this lock only makes the
# first registration safe when two renders start at once.
_lock = threading.Lock()


def register_fonts() -> tuple[str, str]:
    """Register the receipt fonts with reportlab once; returns (regular, bold) font names.

    Side effect: adds two fonts to reportlab's global font table. Raises ``OSError`` if the
    packaged font files are missing (a broken installation).
    """
    with _lock:
        known = set(pdfmetrics.getRegisteredFontNames())
        for name, filename in _FILES.items():
            if name not in known:
                data = resources.files(__package__).joinpath("fonts", filename).read_bytes()
                pdfmetrics.registerFont(TTFont(name, io.BytesIO(data)))
    return REGULAR, BOLD
