"""A tenge amount input that refuses nonsense while typing and reads back exact Money.

Typing accepts digits, spaces between digit groups, one decimal separator (``,`` or ``.``) and at
most two decimals, up to 100 000 000 000 ₸; anything else (letters, a minus, a second separator,
a third decimal, a bigger number) never reaches the field. A pasted "1 500,00 ₸" is taken as
1500 tenge. When focus leaves, the amount is shown grouped: "1 500,50". ``value()`` is the
amount as :class:`Money` or None, and ``error_text()`` says in plain words why it is None.

What the field holds is read by the domain's parser for typed amounts,
:func:`epay_desktop.domain.money.parse_amount_text`, the same one the command line uses
(decision 0072): this module only decides what may be typed on the way to an amount.
"""

from __future__ import annotations

import re
from typing import Final

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import QPoint
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtGui import QFontMetrics
from PySide6.QtGui import QGuiApplication
from PySide6.QtGui import QKeyEvent
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QResizeEvent
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QStyle
from PySide6.QtWidgets import QToolTip
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import Money
from epay_desktop.domain import MoneyError
from epay_desktop.domain.money import parse_amount_text

__all__ = [
    "MAX_INPUT",
    "MoneyEdit",
    "MoneyValidator",
    "amount_problem",
    "format_amount_input",
    "parse_amount_input",
]

#: The largest amount the field accepts: 100 000 000 000 tenge.
MAX_INPUT: Final = Money(100_000_000_000 * 100)

_SHAPE = re.compile(r"(?P<whole>[0-9 ]*)(?:(?P<sep>[.,])(?P<frac>[0-9]{0,2}))?")
_MAX_DIGITS = 15
#: QLineEdit's own horizontal margin between its frame and the text (qlineedit_p.h).
_INNER_MARGIN = 2
#: The group spaces the parser takes (no-break: Qt's kk/ru locales; narrow no-break: Money.format()).
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def _tr(text: str) -> str:
    return QCoreApplication.translate("MoneyEdit", text)


def _clean(text: str) -> str:
    """Other spaces become plain spaces; a pasted tenge sign and the spaces around it go."""
    cleaned = text.translate(_SPACES)
    if "₸" in cleaned:
        cleaned = cleaned.replace("₸", "").strip()
    return cleaned


def parse_amount_input(text: str) -> int | None:
    """Minor units (tiyn) of a complete amount as typed, or None if it is empty or not one
    (:func:`~epay_desktop.domain.money.parse_amount_text` says why: :func:`amount_problem`)."""
    try:
        return parse_amount_text(text)
    except MoneyError:
        return None


def amount_problem(text: str) -> str:
    """Why ``text`` is not an amount, in the reader's language; empty when it is one."""
    try:
        parse_amount_text(text)
    except MoneyError as exc:
        message = exc.message
        if message is None:
            return exc.user_message
        try:
            return QCoreApplication.translate(message.context, message.template).format(**message.args)
        except (KeyError, IndexError, ValueError):  # a broken translation must not hide the problem
            return message.text()
    return ""


def format_amount_input(minor: int) -> str:
    """Tiyn as the field shows them after editing: ``1 500,50`` (plain spaces, comma, two decimals)."""
    whole, frac = divmod(minor, 100)
    return f"{whole:,}".replace(",", " ") + f",{frac:02d}"


class MoneyValidator(QValidator):
    """Acceptable: a complete amount <= ``maximum``; Intermediate: empty or ending in a separator."""

    def __init__(self, parent: QWidget | None = None, maximum: Money = MAX_INPUT) -> None:
        super().__init__(parent)
        self.maximum = maximum

    def validate(self, text: str, pos: int) -> object:
        cleaned = _clean(text)
        pos = max(0, min(pos - (len(text) - len(cleaned)), len(cleaned)))
        State = QValidator.State
        if not cleaned.strip():
            return State.Intermediate, cleaned, pos
        match = _SHAPE.fullmatch(cleaned)
        if match is None or len(match["whole"].replace(" ", "")) > _MAX_DIGITS:
            return State.Invalid, text, pos
        minor = parse_amount_input(cleaned)
        if minor is None:  # only a separator so far, or "1 50" on the way to "1 500"
            return State.Intermediate, cleaned, pos
        if minor > self.maximum.minor:
            return State.Invalid, text, pos
        if match["sep"] and not match["frac"]:
            return State.Intermediate, cleaned, pos
        return State.Acceptable, cleaned, pos

    def fixup(self, text: str) -> str:
        minor = parse_amount_input(text)
        return format_amount_input(minor) if minor is not None else text


class MoneyEdit(QLineEdit):
    """KZT amount field. ``minimum``/``maximum`` bound what ``value()`` returns (e.g. refund >= 10 ₸)."""

    value_changed = Signal(object)  # Money | None, on every edit
    refused = Signal(str)  # why a key or a paste did not get in, in plain words (also shown as a tip)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        minimum: Money | None = None,
        maximum: Money | None = None,
    ) -> None:
        super().__init__(parent)
        self._validator = MoneyValidator(self)
        self.setValidator(self._validator)
        self._minimum = minimum
        self._maximum: Money | None = None
        self.last_refusal = ""  # the last key or paste refused, and why (see ``refused``)
        self.set_maximum(maximum)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        self.setPlaceholderText("0,00")
        self._sign = QLabel("₸", self)  # the currency, drawn inside the field after the digits
        self._sign.setObjectName("currency_sign")
        self._sign.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._place_sign()
        self.textChanged.connect(lambda _text: self.value_changed.emit(self.value()))

    # -- bounds ----------------------------------------------------------------------------------

    def minimum(self) -> Money | None:
        return self._minimum

    def set_minimum(self, minimum: Money | None) -> None:
        """Smallest amount ``value()`` accepts (None: anything above zero)."""
        self._minimum = minimum
        self.value_changed.emit(self.value())

    def maximum(self) -> Money | None:
        return self._maximum

    def set_maximum(self, maximum: Money | None) -> None:
        """Largest amount ``value()`` accepts (None: the field's hard limit, 100 000 000 000 ₸)."""
        if maximum is not None and maximum.minor > MAX_INPUT.minor:
            maximum = None
        self._maximum = maximum
        self.value_changed.emit(self.value())

    # -- value -----------------------------------------------------------------------------------

    def amount(self) -> Money | None:
        """What is typed, as Money, ignoring the bounds (None if empty or incomplete)."""
        if self._validator.validate(self.text(), 0)[0] != QValidator.State.Acceptable:  # type: ignore[index]
            return None
        minor = parse_amount_input(self.text())
        return Money(minor) if minor is not None else None

    def value(self) -> Money | None:
        """The amount if it is complete and within the bounds, else None (see :meth:`error_text`)."""
        return self.amount() if not self.error_text() else None

    def set_value(self, value: Money | None) -> None:
        """Show ``value`` grouped ("1 500,50"), or clear the field for None."""
        self.setText("" if value is None else format_amount_input(value.minor))

    def error_text(self) -> str:
        """Why ``value()`` is None, in plain words; empty when the amount is fine."""
        amount = self.amount()
        if amount is None:
            typed = self.text().strip()
            problem = amount_problem(typed) if typed and typed not in ",." else ""
            return problem or _tr("Enter an amount like 1500 or 1500,50.")
        if self._minimum is not None and amount < self._minimum:
            return _tr("The amount must be at least {minimum}.").format(minimum=self._minimum.format())
        if self._minimum is None and amount.minor == 0:
            return _tr("Enter an amount greater than zero.")
        if self._maximum is not None and amount > self._maximum:
            return _tr("The amount must not be more than {maximum}.").format(maximum=self._maximum.format())
        return ""

    # -- the ₸ sign -------------------------------------------------------------------------------

    def _place_sign(self) -> None:
        """Keep the sign in the field's font, at its right edge, and the digits clear of it.

        Called again whenever the font changes (``setFont`` or a style sheet's ``font-size``):
        a child label does not follow a style-sheet font by itself, and the room kept for the
        sign must grow with it, or the sign is drawn over the last digits.
        """
        font = self.font()
        if self._sign.font() != font:
            self._sign.setFont(font)
        metrics = QFontMetrics(font)
        sign_width = metrics.horizontalAdvance("₸") + 2
        gap = max(4, metrics.horizontalAdvance(" "))
        frame = self.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, self)
        inset = gap // 2  # between the sign and the frame
        right = frame + _INNER_MARGIN + inset
        room = inset + sign_width + gap  # kept free of digits at the right
        margins = self.textMargins()
        if margins.right() != room:
            self.setTextMargins(margins.left(), margins.top(), room, margins.bottom())
        height = max(metrics.height(), self._sign.sizeHint().height())  # "₸" reaches below the line
        self._sign.setGeometry(
            self.width() - right - sign_width, (self.height() - height) // 2, sign_width, height
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and hasattr(self, "_sign"):
            self._place_sign()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_sign()

    # -- saying why a key or a paste did not get in ---------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        before, start, length = self.text(), self.selectionStart(), len(self.selectedText())
        cursor = self.cursorPosition()
        super().keyPressEvent(event)
        if self.text() != before:
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            typed = QGuiApplication.clipboard().text()
        else:
            typed = event.text()
            if (
                not typed
                or not typed.isprintable()
                or event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                return
        if start < 0:
            start, length = cursor, 0
        self._say_refused(before[:start] + typed + before[start + length :])

    def _say_refused(self, candidate: str) -> None:
        """Tell why ``candidate`` (what the field would have held) is not an amount: the parser's own
        sentence with its example (decision 0072), or the field's maximum."""
        problem = amount_problem(candidate.strip())
        if not problem:
            minor = parse_amount_input(candidate)
            limit = self._maximum or MAX_INPUT
            if minor is not None and minor > limit.minor:
                problem = _tr("The amount must not be more than {maximum}.").format(maximum=limit.format())
            else:
                problem = _tr("Enter an amount like 1500 or 1500,50.")
        self.last_refusal = problem
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), problem, self)
        self.refused.emit(problem)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        minor = parse_amount_input(self.text())
        if minor is not None and self.amount() is not None:
            formatted = format_amount_input(minor)
            if formatted != self.text():
                self.setText(formatted)
        super().focusOutEvent(event)
