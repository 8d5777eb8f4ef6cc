"""View > Needs attention opened the way a person does, on the REAL console (decision 0159; found walking
the demo in Kazakh: the 760 px window cut what a payment waits for with "…", and the walker saw the
status bar's badge stay at 2 while the window said (1)):

* the window opens as wide as its words need (within the screen), and every row's "Waiting for" is
  shown whole: its row as tall as the words wrapped at the column's width;
* resolving a difference in the window recounts the badge at once, while the window is still open.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtCore import Qt

from epay_desktop.ui.payments.attention_dialog import LEAST_WIDTH
from epay_desktop.ui.payments.attention_dialog import AttentionDialog
from tests.support.fiscal_register import refused_as_blocked
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.windows import shown
from tests.ui.test_attention_books import open_from_the_view_menu
from tests.ui.test_attention_books import seed_external_refund

LEFT = Qt.MouseButton.LeftButton
SLOW = 15_000


def test_needs_attention_shows_what_each_payment_waits_for_whole_and_the_badge_follows_a_resolve(
    real_console: Any, qtbot: Any, arun: Any
) -> None:
    console = real_console
    refused_as_blocked(console, 600_000_110)  # the longest words: what is wrong, what to do
    seed_external_refund(console, arun, 600_000_120)
    seed_external_refund(console, arun, 600_000_130)
    console.log_in(MANAGER, MANAGER_PIN)
    badge = console.window.status_bar.attention_badge
    qtbot.waitUntil(lambda: badge.isVisible() and "3 need attention" in badge.text(), timeout=SLOW)

    dialog = open_from_the_view_menu(console, qtbot)
    tree = dialog.tree
    assert tree.topLevelItemCount() == 3
    assert dialog.width() > LEAST_WIDTH  # opened to its words, not at a fixed 760 px
    qtbot.waitUntil(lambda: tree.visualRect(tree.model().index(0, 4)).height() > 0, timeout=SLOW)
    metrics, flags = tree.fontMetrics(), int(Qt.TextFlag.TextWordWrap)
    for row in range(tree.topLevelItemCount()):
        index = tree.model().index(row, 4)
        cell, text = tree.visualRect(index), str(index.data())
        wrapped = metrics.boundingRect(QRect(0, 0, cell.width() - 8, 100_000), flags, text)
        assert cell.height() >= wrapped.height(), (row, text, cell.height(), wrapped.height())
    assert "blocked" in "".join(str(tree.model().index(r, 4).data()) for r in range(3))

    discrepancies = dialog.discrepancy_tree
    discrepancies.setCurrentItem(discrepancies.topLevelItem(0))
    dialog.resolution_edit.setText("Cabinet: refund 250 by head office")
    qtbot.waitUntil(dialog.resolve_button.isEnabled)
    qtbot.mouseClick(dialog.resolve_button, LEFT)
    qtbot.waitUntil(lambda: discrepancies.topLevelItemCount() == 1, timeout=SLOW)
    assert dialog.windowTitle().startswith("Needs attention (2)")
    qtbot.waitUntil(lambda: "2 need attention" in badge.text(), timeout=SLOW)  # the window still open
    assert dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shown(AttentionDialog))
