"""Status words and badge colours, translation through tr(), and the delegate's painting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QColor
from PySide6.QtGui import QStandardItem
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QTableView

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import OpState
from epay_desktop.ui.common.roles import BadgeRole
from epay_desktop.ui.widgets.status_badge import Badge
from epay_desktop.ui.widgets.status_badge import BadgeDelegate
from epay_desktop.ui.widgets.status_badge import StatusBadge
from epay_desktop.ui.widgets.status_badge import Tone
from epay_desktop.ui.widgets.status_badge import operation_badge
from epay_desktop.ui.widgets.status_badge import status_badge
from epay_desktop.ui.widgets.status_badge import status_choices
from epay_desktop.ui.widgets.status_badge import status_label
from epay_desktop.ui.widgets.status_badge import tone_colors

S = ConsoleStatus


@pytest.mark.parametrize(
    ("status", "label", "tone"),
    [
        (S.CHARGE, "Paid", Tone.GREEN),
        (S.AUTH, "Authorised", Tone.BLUE),
        (S.PENDING, "Waiting", Tone.GREY),
        (S.NEW, "Waiting", Tone.GREY),
        (S.FINGERPRINT, "Paying…", Tone.SLATE),
        (S.REJECT, "Declined", Tone.RED),
        (S.FAILED, "Failed", Tone.CHARCOAL),
        (S.THREE_DS, "3-D Secure failed", Tone.DEEP_ORANGE),
        (S.REFUND, "Refunded", Tone.AMBER),
        (S.CANCEL, "Cancelled", Tone.BROWN),
        (S.CANCEL_OLD, "Hold expired", Tone.SAND),
        (S.EXPIRED, "Expired", Tone.YELLOW),
        (S.UNKNOWN, "Checking…", Tone.PURPLE),
        (S.VERIFIED, "Card verified", Tone.TEAL),
    ],
)
def test_labels_and_tones(qapp, status, label, tone):
    assert status_label(status) == label
    assert status_label(status.value) == label
    assert status_badge(status) == Badge(label, tone)


def test_every_status_has_a_label(qapp):
    assert all(status_label(s) != s.value for s in ConsoleStatus)  # a word, never the raw code


def _luminance(color: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())


def test_every_status_a_person_can_tell_apart_has_its_own_colour(qapp):
    """Issue 7 point 6: one colour per status word (NEW and PENDING are both "Waiting")."""
    labels = status_choices()
    assert sum(len(statuses) for _label, statuses in labels) == len(ConsoleStatus)
    colours = {tone_colors(status_badge(min(statuses)).tone)[0].name() for _label, statuses in labels}
    assert len(colours) == len(labels)
    # the list's operation badges are told apart from the statuses too (except "Checking…",
    # which is the same words and colour as a payment whose own outcome is unknown)
    review = operation_badge(OpState.NEEDS_REVIEW)
    assert review is not None and review.text == "Needs review"
    assert tone_colors(review.tone)[0].name() not in colours
    assert operation_badge(OpState.UNKNOWN) == status_badge(S.UNKNOWN)
    assert operation_badge(OpState.SUCCEEDED) is None and operation_badge(OpState.SENDING) is None


@pytest.mark.parametrize("tone", list(Tone))
def test_every_badge_text_is_readable_on_its_colour(tone):
    background, text = tone_colors(tone)
    light, dark = sorted((_luminance(background), _luminance(text)), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5, tone


def test_unknown_code_is_shown_as_is(qapp):
    assert status_label("PARTIAL_SOMETHING") == "PARTIAL_SOMETHING"
    assert status_badge("PARTIAL_SOMETHING").tone is Tone.GREY


class Shouting(QTranslator):
    """Stands in for a kk/ru .qm file: proves the labels go through Qt's translation."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return f"«{source_text}»" if context == "Status" else None


def test_labels_go_through_tr(qapp):
    translator = Shouting()
    QCoreApplication.installTranslator(translator)
    try:
        assert status_label(S.CHARGE) == "«Paid»"
        assert status_badge(S.UNKNOWN).text == "«Checking…»"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert status_label(S.CHARGE) == "Paid"


def test_delegate_paints_a_coloured_pill(qtbot, tmp_path):
    model = QStandardItemModel(len(ConsoleStatus), 2)
    for row, status in enumerate(ConsoleStatus):
        item = QStandardItem(status_label(status))
        item.setData(status_badge(status), BadgeRole)
        model.setItem(row, 0, item)
        model.setItem(row, 1, QStandardItem(status.value))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegate(BadgeDelegate(view))
    view.resizeColumnsToContents()
    view.resize(420, 520)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    image.save(str(tmp_path / "status_badges.png"))
    for row, status in enumerate(ConsoleStatus):
        rect = view.visualRect(model.index(row, 0))
        pixel = QColor(image.pixel(rect.left() + 7, rect.center().y()))  # inside the pill, left of the text
        expected = tone_colors(status_badge(status).tone)[0]
        assert pixel.name() == expected.name(), status
    assert view.sizeHintForColumn(0) >= view.fontMetrics().horizontalAdvance("3-D Secure failed")


def test_status_badge_label(qtbot, tmp_path):
    badge = StatusBadge()
    qtbot.addWidget(badge)
    badge.set_status(S.CHARGE)
    assert badge.text() == "Paid"
    assert "#2e7d32" in badge.styleSheet()
    badge.show()
    qtbot.waitExposed(badge)
    badge.grab().save(str(tmp_path / "status_badge_label.png"))
