"""ExportDialog: period presets in Kazakhstan days, a typed date means chosen days, a cashier refused."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime

import pytest
from PySide6.QtCore import QDate
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from epay_desktop.ui.payments.export_dialog import ExportDialog
from epay_desktop.ui.payments.export_dialog import period_days


@pytest.mark.parametrize(
    ("key", "today", "expected"),
    [
        ("today", date(2026, 3, 1), (date(2026, 3, 1), date(2026, 3, 1))),
        ("yesterday", date(2026, 3, 1), (date(2026, 2, 28), date(2026, 2, 28))),
        ("month", date(2026, 3, 17), (date(2026, 3, 1), date(2026, 3, 17))),
        ("last_month", date(2026, 1, 5), (date(2025, 12, 1), date(2025, 12, 31))),
        ("custom", date(2026, 1, 5), None),
    ],
)
def test_period_days(key, today, expected):
    assert period_days(key, today) == expected


def test_typing_a_date_means_chosen_days_and_the_range_is_ordered(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    dialog = ExportDialog(None, None, today=date(2026, 3, 17), settings=settings)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    assert dialog.days() == (date(2026, 3, 17), date(2026, 3, 17))
    dialog.period_combo.setCurrentIndex(dialog.period_combo.findData("last_month"))
    assert dialog.days() == (date(2026, 2, 1), date(2026, 2, 28))
    dialog.until_edit.setDate(QDate(2026, 1, 10))  # before the start: the range is read in order
    assert dialog.period_combo.currentData() == "custom"
    assert dialog.days() == (date(2026, 1, 10), date(2026, 2, 1))
    assert dialog.suggested_path().name == "payments-2026-01-10_2026-02-01.csv"
    assert dialog.until_edit.maximumDate() == QDate(2026, 3, 17)  # no future days


def test_a_cashier_is_refused(qtbot, parent, cashier, arun, tmp_path):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    result = arun(
        ExportDialog.ask(
            parent, cashier, None, clock=lambda: datetime(2026, 3, 1, tzinfo=UTC), settings=settings
        )  # type: ignore[arg-type]
    )
    assert result is None
    box = parent.findChild(QMessageBox, "user_error_box")
    assert box is not None and "export payments" in box.text()
