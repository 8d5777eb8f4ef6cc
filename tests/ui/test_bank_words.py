"""What the screens say about the bank's codes and odd answers (issue 8, point 6).

The detail panel shows a statusName this console does not know and a reasonCode that is not a
number as the bank sent them; declines read in plain words, in the UI's language (en/ru/kk).
"""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QLocale

from epay_desktop.domain import ConsoleStatus as S
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import NotFoundError
from epay_desktop.domain.decline_reasons import DECLINE_TEXTS
from epay_desktop.ui.checkout.result import Outcome
from epay_desktop.ui.checkout.result import ResultView
from epay_desktop.ui.common.labels import decline_text
from epay_desktop.ui.common.labels import ui_language
from epay_desktop.ui.payments.detail_view import PaymentDetailView

ZERO = Money(0)


class Details:
    """get_view + receipts_for over a dictionary (the detail panel's two ports)."""

    def __init__(self) -> None:
        self.views: dict[InvoiceId, SimpleNamespace] = {}

    def put(self, payment) -> None:
        self.views[payment.invoice_id] = SimpleNamespace(
            payment=payment, operations=[], refunded=ZERO, remaining=ZERO, status=payment.status
        )

    async def get_view(self, invoice_id):
        if invoice_id not in self.views:
            raise NotFoundError(f"There is no payment with invoice number {invoice_id}.")
        return self.views[invoice_id]

    async def receipts_for(self, invoice_id):
        return []


@pytest.fixture
def details() -> Details:
    return Details()


@pytest.fixture
def panel(qtbot, aloop, details):
    widget = PaymentDetailView(details, details, user_name=lambda uid: "Aigerim")
    qtbot.addWidget(widget)
    widget.resize(520, 760)
    widget.show()
    return widget


@pytest.fixture
def locale() -> Iterator[None]:
    """Lets a test switch the UI's locale; the previous default comes back afterwards."""
    previous = QLocale()
    yield
    QLocale.setDefault(previous)


def show(qtbot, panel, payment) -> None:
    with qtbot.waitSignal(panel.loaded, timeout=3000):
        panel.show_payment(payment.invoice_id)


def row(panel, key: str) -> tuple[str, str, bool]:
    """(label, value, visible) of a detail row."""
    field = panel.fields[key]
    return panel._form.labelForField(field).text(), field.text(), field.isVisible()


def test_unknown_bank_status_and_text_reason_code_are_shown_as_sent(qtbot, panel, details, make_payment):
    p = make_payment(status=S.UNKNOWN, bank_status="PARTIAL_REFUND", reason_code=None, reason_code_text="05A")
    details.put(p)
    show(qtbot, panel, p)
    assert row(panel, "bank_status") == ("Bank status", "PARTIAL_REFUND (not known to this console)", True)
    assert row(panel, "reason_code") == ("Bank's reason code", "05A", True)
    _, reason, visible = row(panel, "reason")
    assert visible and "The bank sent a status this console does not know (PARTIAL_REFUND)" in reason
    assert "merchant cabinet" in reason  # says what to do
    assert "Checking with the bank" in panel.banner.text()  # still being checked
    assert panel.badge.text() == "Checking…"


def test_ordinary_payment_has_no_odd_rows(qtbot, panel, details, make_payment):
    p = make_payment()
    details.put(p)
    show(qtbot, panel, p)
    assert not panel.fields["bank_status"].isVisible()
    assert not panel.fields["reason_code"].isVisible()


def test_decline_with_a_code_that_is_not_a_number(qtbot, panel, details, make_payment):
    p = make_payment(
        status=S.REJECT, reason=None, reason_code=None, reason_code_text="05A", approval_code=None
    )
    details.put(p)
    show(qtbot, panel, p)
    assert panel.fields["reason"].text() == "Declined by the bank (code 05A)."
    assert row(panel, "reason_code") == ("Bank's reason code", "05A", True)


def test_decline_with_an_unlisted_integer_code(qtbot, panel, details, make_payment):
    p = make_payment(status=S.REJECT, reason=None, reason_code=9999, approval_code=None)
    details.put(p)
    show(qtbot, panel, p)
    assert panel.fields["reason"].text() == "Declined by the bank (code 9999)."


@pytest.mark.parametrize(
    ("language", "country", "lang"),
    [
        (QLocale.Language.Kazakh, QLocale.Country.Kazakhstan, "kk"),
        (QLocale.Language.Russian, QLocale.Country.Russia, "ru"),
    ],
)
def test_detail_panel_declines_in_the_uis_language(
    qtbot, panel, details, make_payment, locale, language, country, lang
):
    QLocale.setDefault(QLocale(language, country))
    assert ui_language() == lang
    p = make_payment(status=S.REJECT, reason="insufficient funds", reason_code=484, approval_code=None)
    details.put(p)
    show(qtbot, panel, p)
    assert panel.fields["reason"].text() == DECLINE_TEXTS[lang][484]
    assert DECLINE_TEXTS[lang][484] in panel.timeline.topLevelItem(1).text(1)  # the customer's result


def test_ui_language_is_english_without_a_kazakh_or_russian_locale(locale):
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    assert ui_language() == "en"
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Kazakhstan))
    assert ui_language() == "en"
    assert decline_text(484) == "Not enough money on the card. Ask for another card."


def test_checkout_result_screen_says_the_decline_in_plain_words(qtbot, make_payment, locale):
    view = ResultView()
    qtbot.addWidget(view)
    view.show_payment(make_payment(status=S.REJECT, reason="x", reason_code=505, approval_code=None))
    assert view.message.text() == "All 3 attempts for this payment are used up. Make a new payment."
    QLocale.setDefault(QLocale(QLocale.Language.Kazakh, QLocale.Country.Kazakhstan))
    view.show_payment(make_payment(status=S.REJECT, reason="x", reason_code=484, approval_code=None))
    assert view.message.text() == "Картада қаражат жеткіліксіз. Басқа карта сұраңыз."
    odd = make_payment(
        status=S.REJECT, reason=None, reason_code=None, reason_code_text="05A", approval_code=None
    )
    view.show_payment(odd, Outcome.DECLINED)
    assert view.message.text() == "Банк төлемді қабылдамады (код 05A)."


def test_language_can_be_given(make_payment):
    assert decline_text(484, language="ru") == "Недостаточно средств на карте. Попросите другую карту."
    assert decline_text(None, S.THREE_DS, language="kk") == "3-D Secure тексеруі аяқталмады."
