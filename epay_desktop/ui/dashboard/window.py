"""View > Day at a glance (managers and administrators; issue 13 item 5, decision 0116).

What the shop took today, this week and this month, today hour by hour and per cashier, the
decline and refund rates, and the money operations waiting for an outcome: each chart (QtCharts)
beside the same figures as a table. The figures are summed by the database
(``services.payments.day``) in the background; the window opens at once saying it is loading, and
Refresh (F5) reads them again; nothing here blocks the console.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Protocol

from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtCharts import QBarSeries
from PySide6.QtCharts import QBarSet
from PySide6.QtCharts import QCategoryAxis
from PySide6.QtCharts import QChart
from PySide6.QtCharts import QChartView
from PySide6.QtCharts import QHorizontalBarSeries
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QTabWidget
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import Money
from epay_desktop.domain import User
from epay_desktop.domain.day import DayAtAGlance
from epay_desktop.domain.day import Period
from epay_desktop.domain.day import PeriodFigures
from epay_desktop.domain.day import paid_count
from epay_desktop.domain.shifts import FigureKind
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.asyncqt import action_slot
from epay_desktop.ui.common.asyncqt import run_dialog_once
from epay_desktop.ui.common.asyncqt import show_error
from epay_desktop.ui.common.formatting import grouped_text
from epay_desktop.ui.common.formatting import local_time_text
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.widgets.form_parts import text_label
from epay_desktop.ui.widgets.i18n import QT_TRANSLATE_NOOP
from epay_desktop.ui.widgets.read_only_table import read_only_table

__all__ = ["DayDialog", "DayPort"]

_PERIODS = (
    (Period.TODAY, QT_TRANSLATE_NOOP("DayDialog", "Today")),
    (Period.WEEK, QT_TRANSLATE_NOOP("DayDialog", "This week")),
    (Period.MONTH, QT_TRANSLATE_NOOP("DayDialog", "This month")),
)
_MINUS = "\u2212"
#: The tables' column heads (translated where shown, again after a language switch).
_SUMMARY_HEADS = (QT_TRANSLATE_NOOP("DayDialog", "Figure"), *(text for _, text in _PERIODS))
_HOUR_HEADS = (
    QT_TRANSLATE_NOOP("DayDialog", "Hour"),
    QT_TRANSLATE_NOOP("DayDialog", "Payments"),
    QT_TRANSLATE_NOOP("DayDialog", "Declined"),
    QT_TRANSLATE_NOOP("DayDialog", "Refunds"),
    QT_TRANSLATE_NOOP("DayDialog", "Takings"),
)
_CASHIER_HEADS = (
    QT_TRANSLATE_NOOP("DayDialog", "Cashier"),
    QT_TRANSLATE_NOOP("DayDialog", "Payments"),
    QT_TRANSLATE_NOOP("DayDialog", "Sales"),
    QT_TRANSLATE_NOOP("DayDialog", "Charges"),
    QT_TRANSLATE_NOOP("DayDialog", "Refunds"),
    QT_TRANSLATE_NOOP("DayDialog", "Takings"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("DayDialog", text)


class DayPort(Protocol):
    """What the window needs of ``services.payments.day.DayService``."""

    async def glance(self, actor: User) -> DayAtAGlance: ...


def takings_text(minor: int) -> str:
    """Takings as the console writes money, with a minus below zero (refunds above sales)."""
    return (_MINUS if minor < 0 else "") + Money(abs(minor)).format()


def rate_text(rate: Decimal | None) -> str:
    """``25,0 %``; a dash when there was nothing to divide by."""
    return "\u2014" if rate is None else f"{rate}".replace(".", ",") + "\u00a0%"


def _table(name: str, heads: Sequence[str]) -> QTableWidget:
    """A read-only table with the column ``heads`` (source texts)."""
    table = read_only_table(
        name, [_tr(head) for head in heads], selection=QAbstractItemView.SelectionMode.ExtendedSelection
    )
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # the figures share the width
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)  # the row's name whole
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    """The rows as text; every column but the first is a figure, right-aligned."""
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


def _chart_view(name: str) -> QChartView:
    view = named(QChartView(), name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(240)
    view.chart().legend().hide()
    view.chart().setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return view


def _tenge_axis(low: int, high: int) -> QCategoryAxis:
    """A money axis from ``low`` to ``high`` whole tenge: a round step (1, 2 or 5 times a power of ten,
    about four of them) labelled as the console groups money (``50 000``; a value axis's printf format
    cannot group)."""
    wanted = max(1, -(-(high - low) // 4))
    power = 10 ** (len(str(wanted)) - 1)
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= wanted)
    start, end = (low // step) * step, -(-high // step) * step
    end = max(end, start + step)
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setStartValue(start)
    for value in range(start, end + 1, step):
        axis.append(grouped_text(value), value)
    axis.setRange(start, end)
    return axis


def _draw_bars(view: QChartView, labels: Sequence[str], minors: Sequence[int], *, across: bool) -> None:
    """One bar per label: takings in whole tenge (a drawing; the table beside it has the tiyn).
    ``across``: horizontal bars (one per cashier, the first on top as in the table), else columns
    (one per hour)."""
    if across:  # a category axis on the left counts from the bottom
        labels, minors = labels[::-1], minors[::-1]
    chart = view.chart()
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    bars = QBarSet(_tr("Takings, ₸"))
    bars.setColor(theme.color("tone_teal"))
    for minor in minors:
        bars.append(minor // 100)
    series = QHorizontalBarSeries() if across else QBarSeries()
    series.append(bars)
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append(list(labels))
    values = _tenge_axis(min([0, *minors]) // 100, max([0, *minors]) // 100)
    values.setTitleText(bars.label())
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft if across else Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom if across else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(names)
    series.attachAxis(values)


class DayDialog(QDialog):
    """The day at a glance; :meth:`ask` is the entry point (it refuses a cashier)."""

    def __init__(self, parent: QWidget | None, actor: User, day: DayPort) -> None:
        super().__init__(parent)
        self.setObjectName("day_dialog")
        self.setWindowTitle(_tr("Day at a glance"))
        self.setMinimumSize(760, 520)
        self.resize(980, 640)
        self.actor, self.day = actor, day
        self.glance: DayAtAGlance | None = None
        self.state_label = named(QLabel(_tr("Loading the figures…")), "day_state")
        self.unresolved_label = named(QLabel(), "day_unresolved")
        self.unresolved_label.setTextFormat(Qt.TextFormat.PlainText)
        self.outside_label = text_label("day_outside", "report_notice", hidden=True)  # decision 0145
        self.refresh_button = named(QPushButton(_tr("&Refresh")), "day_refresh")
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_button.setToolTip(_tr("Read the figures again (F5)"))
        self.refresh_button.clicked.connect(self.on_refresh_clicked)
        top = QHBoxLayout()
        top.addWidget(self.state_label, 1)
        top.addWidget(self.refresh_button)

        self.summary_table = _table("day_summary", _SUMMARY_HEADS)
        self.hour_chart = _chart_view("day_hour_chart")
        self.hour_table = _table("day_hours", _HOUR_HEADS)
        self.period_box = named(QComboBox(), "day_period")
        for period, text in _PERIODS:
            self.period_box.addItem(_tr(text), period)
        self.period_box.currentIndexChanged.connect(self._show_cashiers)
        self.cashier_chart = _chart_view("day_cashier_chart")
        self.cashier_table = _table("day_cashiers", _CASHIER_HEADS)
        self.tabs = named(QTabWidget(), "day_tabs")
        self.tabs.addTab(self.summary_table, _tr("Summary"))
        self.tabs.addTab(self._split(self.hour_chart, self.hour_table), _tr("Today by hour"))
        cashiers = QWidget()
        cashier_layout = QVBoxLayout(cashiers)
        cashier_layout.setContentsMargins(0, 0, 0, 0)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(_tr("Period:")))
        pick.addWidget(self.period_box)
        pick.addStretch(1)
        cashier_layout.addLayout(pick)
        cashier_layout.addWidget(self._split(self.cashier_chart, self.cashier_table), 1)
        self.tabs.addTab(cashiers, _tr("By cashier"))

        note = QLabel(
            _tr(
                "Takings: sales and charges less refunds, every register, in Almaty time; a week starts "
                "on Monday. Decline rate: declined of the payments the bank answered. Refund rate: money "
                "refunded of money taken."
            ),
            wordWrap=True,
        )
        note.setStyleSheet(theme.style("note_text"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.unresolved_label)
        layout.addWidget(self.outside_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(note)
        layout.addWidget(close)
        on_language_change(self, self._retranslate)  # a switch while it is open

    def _retranslate(self) -> None:
        """After a language switch: the column heads, and the figures drawn again in its words."""
        for table, heads in (
            (self.summary_table, _SUMMARY_HEADS),
            (self.hour_table, _HOUR_HEADS),
            (self.cashier_table, _CASHIER_HEADS),
        ):
            table.setHorizontalHeaderLabels([_tr(head) for head in heads])
        if self.glance is not None:
            self.show_glance(self.glance)

    @staticmethod
    def _split(chart: QChartView, table: QTableWidget) -> QSplitter:
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(chart)
        split.addWidget(table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        return split

    @classmethod
    async def ask(cls, parent: QWidget | None, actor: User, day: DayPort) -> None:
        """Show the day's figures to ``actor`` until they close the window."""
        if not actor.role.can_move_money:  # the action is disabled for them; the service refuses too
            show_error(parent, _tr("Only a manager or an administrator can see the day's figures."))
            return
        dialog = cls(parent, actor, day)
        dialog.on_refresh_clicked()
        await run_dialog_once(dialog)

    @action_slot(busy=("refresh_button",))
    async def on_refresh_clicked(self) -> None:
        """Read the figures again, in the background; the window stays usable meanwhile."""
        self.state_label.setText(_tr("Loading the figures…"))
        try:
            glance = await self.day.glance(self.actor)
        except Exception:  # said in a message box by the action; the window says what it shows
            self.state_label.setText(
                _tr("The figures could not be read; the ones below are older. Press Refresh to try again.")
                if self.glance is not None
                else _tr("The figures could not be read. Press Refresh to try again.")
            )
            raise
        self.show_glance(glance)

    # -- what is shown ---------------------------------------------------------------------------

    def show_glance(self, glance: DayAtAGlance) -> None:
        self.glance = glance
        self.state_label.setText(
            _tr("Figures as of {time} (Almaty time)").format(time=local_time_text(glance.made_at))
        )
        self.unresolved_label.setText(
            _tr("Money operations waiting for an outcome: {count}").format(count=glance.unresolved)
        )
        self.unresolved_label.setStyleSheet(theme.style("error_text") if glance.unresolved else "")
        outside = glance.outside_today
        if outside is not None:
            self.outside_label.setText(
                _tr(
                    "Taken or moved today at a register with no shift open: {count}, net {net}. In the "
                    "figures below; each register's next X and Z reports list them under Outside any shift."
                ).format(count=sum(f.count for f in outside.figures), net=takings_text(outside.net_minor))
            )
        self.outside_label.setVisible(outside is not None)
        self._show_summary(glance.periods)
        self._show_hours(glance)
        self._show_cashiers()

    def _show_summary(self, periods: Sequence[PeriodFigures]) -> None:
        def money(kind: FigureKind) -> list[str]:
            return [takings_text(p.totals[kind].total.minor) for p in periods]

        _fill(
            self.summary_table,
            [
                [_tr("Takings"), *(takings_text(p.takings_minor) for p in periods)],
                [_tr("Sales"), *money(FigureKind.SALES)],
                [_tr("Charges of holds"), *money(FigureKind.CHARGES)],
                [_tr("Refunds"), *money(FigureKind.REFUNDS)],
                [_tr("Payments paid or held"), *(str(paid_count(p.totals)) for p in periods)],
                [_tr("Payments declined"), *(str(p.declined) for p in periods)],
                [_tr("Decline rate"), *(rate_text(p.decline_rate) for p in periods)],
                [_tr("Refund rate"), *(rate_text(p.refund_rate) for p in periods)],
            ],
        )

    def _show_hours(self, glance: DayAtAGlance) -> None:
        hours = glance.hours
        _draw_bars(
            self.hour_chart,
            [f"{h.start:%H}" for h in hours],
            [h.totals.net_minor for h in hours],
            across=False,
        )
        self.hour_chart.chart().setTitle(_tr("Takings today, hour by hour"))
        _fill(
            self.hour_table,
            [
                [
                    f"{h.start:%H:%M}\u2013{h.start.hour + 1:02d}:00",
                    str(paid_count(h.totals)),
                    str(h.declined),
                    takings_text(h.totals[FigureKind.REFUNDS].total.minor),
                    takings_text(h.totals.net_minor),
                ]
                for h in hours
                if paid_count(h.totals)
                or h.declined
                or h.totals.net_minor
                or h.totals[FigureKind.REFUNDS].count
            ],
        )

    def _show_cashiers(self) -> None:
        if self.glance is None:
            return
        period = self.period_box.currentData()
        figures = {p.period: p for p in self.glance.periods}[Period(period)]
        groups = figures.by_cashier
        _draw_bars(
            self.cashier_chart, [g.name for g in groups], [g.totals.net_minor for g in groups], across=True
        )
        self.cashier_chart.chart().setTitle(
            _tr("Takings per cashier: {period}").format(period=self.period_box.currentText())
        )
        _fill(
            self.cashier_table,
            [
                [
                    g.name,
                    str(paid_count(g.totals)),
                    takings_text(g.totals[FigureKind.SALES].total.minor),
                    takings_text(g.totals[FigureKind.CHARGES].total.minor),
                    takings_text(g.totals[FigureKind.REFUNDS].total.minor),
                    takings_text(g.totals.net_minor),
                ]
                for g in groups
            ],
        )
