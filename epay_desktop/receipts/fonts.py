"""The receipt fonts: DejaVu Sans (A4) and Sans Mono (rolls), regular and bold, in ``resources/fonts/``.

reportlab's core-14 fonts have no Cyrillic, let alone Kazakh letters (ә ғ қ ң ө ұ ү һ і), or ₸. The files
are found through :mod:`epay_desktop.resources`, like every other resource (decision 0042).
"""

from __future__ import annotations

import io
import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from epay_desktop.resources import resource_path

__all__ = ["BOLD", "MONO", "MONO_BOLD", "REGULAR", "register_fonts"]

REGULAR = "EpayDejaVuSans"
BOLD = "EpayDejaVuSans-Bold"
#: DejaVu Sans Mono: the 58 and 80 mm rolls, drawn in the printer's character cells (decision 0104)
MONO = "EpayDejaVuSansMono"
MONO_BOLD = "EpayDejaVuSansMono-Bold"
_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    MONO: "DejaVuSansMono.ttf",
    MONO_BOLD: "DejaVuSansMono-Bold.ttf",
}

# reportlab keeps registered fonts in a process-wide table; this lock only makes the
# first registration safe when two renders start at once.
_lock = threading.Lock()
_registered = False  # set once both fonts are in reportlab's table: later renders skip the lock


def register_fonts() -> tuple[str, str]:
    """Register the receipt fonts with reportlab once (the monospace pair too); returns (regular, bold).

    Side effect: adds four fonts to reportlab's global font table. Raises ``ResourceMissingError``
    (an ``OSError``) naming the file if a font is missing (a broken installation). After the
    first success it only returns the names (no lock, no lookup: issue 10, P4).
    """
    global _registered
    if _registered:
        return REGULAR, BOLD
    with _lock:
        known = set(pdfmetrics.getRegisteredFontNames())
        for name, filename in _FILES.items():
            if name not in known:
                data = resource_path("fonts", filename).read_bytes()
                pdfmetrics.registerFont(TTFont(name, io.BytesIO(data)))
        _registered = True
    return REGULAR, BOLD
