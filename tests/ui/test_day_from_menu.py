"""View > Day at a glance (issue 13 item 5, decision 0116) reached the way a person does, on the REAL
console (open_app + AppController + MainWindow, real services on a fresh SQLite database): a manager
sees the shop's figures in the charts and the tables, Refresh reads them again (a sale taken with no shift
open, once the shop keeps shifts, marked: decision 0145); a cashier finds the
command disabled with the reason, and its shortcut does nothing; figures that cannot be read are said,
and Refresh tries again."""

from __future__ import annotations

from typing import Any
from typing import ClassVar

from PySide6.QtCharts import QAbstractBarSeries
from PySide6.QtCharts import QCategoryAxis
from PySide6.QtCore import Qt
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMessageBox

from epay_desktop.domain import ConsoleError
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.ui.common.formatting import KAZAKHSTAN
from epay_desktop.ui.common.language import translations
from epay_desktop.ui.dashboard.window import DayDialog
from tests.support.live_console import CASHIER
from tests.support.live_console import CASHIER_PIN
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.live_console import sale_row
from tests.support.live_console import trigger
from tests.support.windows import shown
from tests.support.windows import wait_shown

SLOW = 15_000
LEFT = Qt.MouseButton.LeftButton
CAKE = Money(250_000).format()  # sale_row's 2 500 tenge


class _DayInRussian(QTranslator):
    WORDS: ClassVar[dict[str, str]] = {
        "Takings": "Выручка",
        "Hour": "Час",
        "Figures as of {time} (Almaty time)": "Показатели на {time}",
    }

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> Any:
        return self.WORDS.get(source) if context == "DayDialog" else None


def _cells(table: Any, column: int) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]


def _bars(view: Any) -> list[float]:
    [series] = view.chart().series()
    assert isinstance(series, QAbstractBarSeries)
    [bars] = series.barSets()
    return [bars.at(i) for i in range(bars.count())]


def _money_axis_labels(view: Any) -> list[str]:
    [axis] = [a for a in view.chart().axes() if isinstance(a, QCategoryAxis)]
    return list(axis.categoriesLabels())


def test_a_manager_opens_the_day_and_sees_its_figures(real_console: Any, qtbot: Any, arun: Any) -> None:
    ctx, window = real_console.ctx, real_console.window
    real_console.log_in(MANAGER, MANAGER_PIN)
    manager = real_console.controller.session.user
    sale_row(ctx, manager, InvoiceId("000777001"), ConsoleStatus.CHARGE)
    sale_row(ctx, manager, InvoiceId("000777002"), ConsoleStatus.REJECT)
    action = window.commands.dashboard
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Shift+D"
    trigger(qtbot, window, action)  # View > Day at a glance… (its shortcut)
    dialog = wait_shown(qtbot, DayDialog)
    qtbot.waitUntil(lambda: dialog.glance is not None, timeout=SLOW)

    summary = dialog.summary_table
    assert _cells(summary, 0)[0] == "Takings" and summary.item(0, 1).text() == CAKE
    assert [summary.item(0, c).text() for c in (2, 3)] == [CAKE, CAKE]  # the week's and month's too
    rates = {summary.item(r, 0).text(): summary.item(r, 1).text() for r in range(summary.rowCount())}
    assert rates["Decline rate"] == "50,0\u00a0%" and rates["Payments declined"] == "1"
    assert "waiting for an outcome: 0" in dialog.unresolved_label.text()
    assert dialog.outside_label.isHidden()  # the shop has kept no shift yet: nothing is outside one

    hour = ctx.clock().astimezone(KAZAKHSTAN).hour
    bars = _bars(dialog.hour_chart)
    assert len(bars) == 24 and bars[hour] == 2500 and sum(bars) == 2500
    assert _cells(dialog.hour_table, 4) == [CAKE] and _cells(dialog.hour_table, 2) == ["1"]
    assert _cells(dialog.cashier_table, 0) == [MANAGER] and _bars(dialog.cashier_chart) == [2500]
    grouped = ["0", "1\u202f000", "2\u202f000", "3\u202f000"]  # tenge grouped as the console's money
    assert _money_axis_labels(dialog.hour_chart) == grouped == _money_axis_labels(dialog.cashier_chart)

    russian = _DayInRussian()  # the catalogue's own Russian arrives with the coordinator's merge
    QApplication.installTranslator(russian)
    try:
        translations().switch("ru")  # a live switch: the heads and the figures' words follow
        qtbot.waitUntil(lambda: summary.item(0, 0).text() == "Выручка")
        assert dialog.hour_table.horizontalHeaderItem(0).text() == "Час"
        assert dialog.state_label.text().startswith("Показатели на ")
    finally:
        QApplication.removeTranslator(russian)
        translations().switch("en")
    qtbot.waitUntil(lambda: summary.item(0, 0).text() == "Takings")

    arun(ctx.shifts.open(manager))  # the shop begins to keep shifts; this register's is closed again
    arun(ctx.shifts.close(manager))
    sale_row(ctx, manager, InvoiceId("000777003"), ConsoleStatus.CHARGE)  # another sale meanwhile
    qtbot.mouseClick(dialog.refresh_button, LEFT)
    qtbot.waitUntil(lambda: summary.item(0, 1).text() == Money(500_000).format(), timeout=SLOW)
    assert dialog.outside_label.isVisible()  # taken with no shift open: marked (decision 0145)
    assert dialog.outside_label.text().startswith(
        f"Taken or moved today at a register with no shift open: 1, net {CAKE}."
    )
    qtbot.waitUntil(dialog.refresh_button.isEnabled, timeout=SLOW)
    dialog.reject()
    qtbot.waitUntil(lambda: not shown(DayDialog), timeout=SLOW)


def test_a_cashier_finds_it_disabled_with_the_reason(real_console: Any, qtbot: Any) -> None:
    window = real_console.window
    real_console.log_in(CASHIER, CASHIER_PIN)
    action = window.commands.dashboard
    qtbot.waitUntil(lambda: not action.isEnabled(), timeout=SLOW)
    assert "Only a manager or an administrator can see the day's figures." in action.toolTip()
    trigger(qtbot, window, action)  # the shortcut does nothing
    QApplication.processEvents()
    assert not shown(DayDialog)


def test_figures_that_cannot_be_read_are_said_and_refresh_tries_again(
    real_console: Any, qtbot: Any, monkeypatch: Any
) -> None:
    ctx, window = real_console.ctx, real_console.window
    real_console.log_in(MANAGER, MANAGER_PIN)
    glance = ctx.day.glance

    async def refused(actor: Any) -> Any:
        raise ConsoleError("The database is busy: try again in a moment.")

    monkeypatch.setattr(ctx.day, "glance", refused)
    trigger(qtbot, window, window.commands.dashboard)
    dialog = wait_shown(qtbot, DayDialog)
    box = wait_shown(qtbot, QMessageBox)
    assert "The database is busy" in box.text()
    box.accept()
    assert dialog.state_label.text() == "The figures could not be read. Press Refresh to try again."
    assert dialog.glance is None and dialog.refresh_button.isEnabled()
    monkeypatch.setattr(ctx.day, "glance", glance)
    qtbot.mouseClick(dialog.refresh_button, LEFT)
    qtbot.waitUntil(lambda: dialog.glance is not None, timeout=SLOW)
    assert dialog.state_label.text().startswith("Figures as of ")
    dialog.reject()
