"""The list's empty-state text shows only over an empty list (issue 7, point 6), and the "New sale"
button next to the search runs the same command as F2 (point 4)."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime

from PySide6.QtCore import Qt

from epay_desktop.domain import NotFoundError
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.ui.payments.list_view import PaymentsView
from epay_desktop.ui.window.main_window import MainWindow

NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)


def assert_empty_state_is_true(view: PaymentsView) -> None:
    rows = view.model.rowCount()
    label = view.empty_label
    assert label.isVisible() == (rows == 0), (rows, label.text())
    assert bool(label.text()) == (rows == 0), (rows, label.text())


def settled(qtbot, view: PaymentsView) -> None:
    qtbot.waitUntil(lambda: not view.model.is_loading and not view.filters.search_pending())
    assert_empty_state_is_true(view)


def make_view(qtbot, source, **kwargs) -> PaymentsView:
    view = PaymentsView(source, clock=lambda: NOW, **kwargs)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    return view


def test_the_empty_text_follows_the_rows_through_a_day(qtbot, aloop, fake_payments, make_payment):
    view = make_view(qtbot, fake_payments)
    settled(qtbot, view)
    assert "No payments yet" in view.empty_label.text()

    first = make_payment()
    fake_payments.add(first)
    view.apply_update(first)  # the first sale of the day arrives live
    assert view.model.rowCount() == 1
    assert_empty_state_is_true(view)

    view.search_edit.setText("777777")  # a search that finds nothing
    qtbot.waitUntil(lambda: view.model.filter.search == "777777")
    settled(qtbot, view)
    assert "777777" in view.empty_label.text()

    view.search_edit.clear()  # and back
    qtbot.waitUntil(lambda: view.model.filter.search is None)
    settled(qtbot, view)
    assert view.model.rowCount() == 1

    fake_payments.error = NotFoundError("The database is busy; try again.")
    view.refresh()
    settled(qtbot, view)
    assert "could not be loaded" in view.empty_label.text()
    fake_payments.error = None
    view.refresh()
    settled(qtbot, view)
    assert view.model.rowCount() == 1


def test_while_a_reload_runs_it_says_loading_never_no_payments(qtbot, aloop, fake_payments, make_payment):
    fake_payments.add(make_payment())
    view = make_view(qtbot, fake_payments)
    settled(qtbot, view)
    fake_payments.hold()
    view.refresh()  # F5: the rows go, the first page is on its way
    assert view.empty_label.isVisible() and view.empty_label.text() == "Loading payments…"
    assert view.filters.count_label.text() == "Loading…"
    fake_payments.release()
    settled(qtbot, view)


def test_a_later_page_that_fails_keeps_the_rows_and_says_the_rest_is_missing(
    qtbot, aloop, fake_payments, make_payment
):
    fake_payments.add(*(make_payment() for _ in range(30)))
    view = make_view(qtbot, fake_payments, page_size=10)
    qtbot.waitUntil(lambda: view.model.rowCount() >= 10 and not view.model.is_loading)
    fake_payments.error = NotFoundError("The database is busy; try again.")
    rows = view.model.rowCount()
    view.table.scrollToBottom()  # the last page is asked for, and refused
    qtbot.waitUntil(lambda: bool(view.filters.count_label.toolTip()))
    assert view.model.rowCount() == rows
    assert_empty_state_is_true(view)  # no failure text over the rows
    assert view.filters.count_label.text() == f"{rows} payments shown; the rest could not be loaded (F5)"
    assert view.filters.count_label.toolTip() == "The database is busy; try again."


def test_new_sale_button_next_to_the_search_runs_f2(qtbot, aloop, fake_services):
    window = MainWindow(fake_services.queries, environment="sandbox", clock=lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    button, search = window.payments_view.new_sale_button, window.payments_view.search_edit
    assert not button.isEnabled() and "Log in first." in button.toolTip()  # nobody logged in yet
    window.set_user(User(1, "Aigerim", Role.CASHIER, True, 0, None, NOW))
    assert button.isVisible() and button.isEnabled()
    assert button.text() == "New sale (F2)"
    # on the search's row, just left of it
    b = button.rect().translated(button.mapTo(window, button.rect().topLeft()))
    s = search.rect().translated(search.mapTo(window, search.rect().topLeft()))
    assert b.right() < s.left() and s.left() - b.right() < 40
    assert abs(b.center().y() - s.center().y()) <= 6
    with qtbot.waitSignal(window.new_payment_requested):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
