"""The main window with ~30 realistic payments, saved to $EPAY_SCREENSHOTS/main-window.png or /tmp.

Mixed statuses, Kazakh and Russian descriptions, a partly refunded payment open in the detail
panel (refund approved by a manager, sale and refund receipts), SANDBOX in the status bar.
"""

from __future__ import annotations

import os
import random
import tempfile
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from epay_desktop.domain import ConsoleStatus as S
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.domain.payment_filter import EVERY_PAYMENT
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptRecord
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.ui.window.main_window import PREFERRED_SIZE
from epay_desktop.ui.window.main_window import MainWindow

# Screenshots go to EPAY_SCREENSHOTS when set (to refresh docs/screenshots on purpose), else to the
# temp folder: a test run must never rewrite the documentation's pictures.
SHOTS = Path(os.environ.get("EPAY_SCREENSHOTS") or tempfile.gettempdir())
NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
NAMES = {1: "Айгерим С.", 2: "Данияр К.", 3: "Марина П."}
DESCRIPTIONS = (
    "Кофе латте және круассан", "Букет «Весна», доставка", "Кітаптар: «Абай жолы», 2 том",
    "Ремонт телефона, замена экрана", "Балалар ойыншықтары", "Аптека: витамины, маски",
    "Бензин АИ-95, 40 л", "Шұбат пен қымыз, 3 л", "Подарочный сертификат",
    "Смеситель Grohe для кухни", "Наушники JBL Tune 510BT", "Оқу құралдары, дәптерлер",
    "Химчистка: пальто", "Трансфер в аэропорт", "Бауырсақ, самса (кейтеринг)",
    "Шиномонтаж, 4 колеса", "Спорт залы: айлық абонемент", "Доставка мебели",
)  # fmt: skip
STATUSES = (
    [S.CHARGE, S.UNKNOWN, S.PENDING] + [S.CHARGE] * 9 + [S.AUTH] * 3 + [S.REFUND] * 2 + [S.REJECT] * 3
    + [S.PENDING, S.UNKNOWN, S.CANCEL, S.EXPIRED, S.THREE_DS, S.FAILED, S.CANCEL_OLD, S.CHARGE, S.CHARGE]
)  # fmt: skip
CARDS = (("440563...5096", "VISA"), ("510000...1234", "MASTERCARD"), ("400303...7788", "VISA"),
         ("553691...3310", "MASTERCARD"), ("440043...0042", "VISA"))  # fmt: skip
PRICES = (1500, 2350, 4990, 12000, 780, 25500, 189900, 6400, 3200, 45000)


def realistic_payments(count: int = 30) -> list[Payment]:
    rnd = random.Random(7)
    payments, when = [], NOW - timedelta(minutes=3)
    for n in range(count):
        status = STATUSES[n % len(STATUSES)]
        amount = Money(rnd.choice(PRICES) * 100 + rnd.choice((0, 0, 0, 50)))
        mask, kind = rnd.choice(CARDS)
        paid = status in (S.CHARGE, S.AUTH, S.REFUND, S.CANCEL, S.CANCEL_OLD)
        carded = paid or status in (S.REJECT, S.FAILED, S.THREE_DS)
        payout = amount if status is S.REFUND else None
        if status is S.CHARGE and n % 5 == 3:
            payout = Money(amount.minor // 400 * 100)
        payments.append(
            Payment(
                id=count - n, invoice_id=InvoiceId(f"{260115000000 + 731 * (count - n):012d}"), amount=amount,
                status=status, description=DESCRIPTIONS[n % len(DESCRIPTIONS)],
                email="aigerim.s@mail.kz" if n % 7 == 0 else None,
                phone="+7 701 555 12 34" if n % 4 == 0 else None,
                account_id=None, save_card=False, language="rus", register_id="KASSA-1",
                created_by=1 + n % 3, created_at=when, updated_at=when + timedelta(minutes=1),
                transaction_id=f"{rnd.getrandbits(64):016x}" if carded else None,
                gateway_amount=(amount - payout if payout else amount) if paid else None,
                org_amount=amount if paid else None, payout_amount=payout,
                card_mask=mask if carded else None, card_type=kind if carded else None, card_id=None,
                reference=str(rnd.randrange(10**11, 10**12)) if paid else None,
                approval_code=str(rnd.randrange(100000, 999999)) if paid else None,
                reason="Недостаточно средств" if carded and not paid else None,
                reason_code=116 if carded and not paid else None,
                token_expires_at=when + timedelta(minutes=20), next_poll_at=None,
                last_polled_at=when + timedelta(seconds=40), version=1,
            )
        )  # fmt: skip
        when -= timedelta(minutes=rnd.randrange(4, 95))
    return payments


class ShopData:
    """The list, one payment's view (with a manager-approved partial refund) and its receipts."""

    def __init__(self, payments: list[Payment], lister: Any) -> None:
        self.payments = payments
        self.lister = lister  # the sorted list's calls (tests/ui/conftest.py FakePayments)
        lister.add(*payments)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.lister, name)

    async def list_payments(self, wanted=EVERY_PAYMENT, *, limit=50, after=None):
        rows = [p for p in self.payments if wanted.matches(p)]
        start = int(after or 0)
        more = start + limit < len(rows)
        return SimpleNamespace(
            payments=rows[start : start + limit], next_cursor=start + limit if more else None
        )

    def _refund(self, p: Payment) -> MoneyOp:
        return MoneyOp(
            id="op-1", payment_id=p.id, kind=OpKind.REFUND, amount=p.payout_amount or Money(0),
            state=OpState.SUCCEEDED, expected_remaining=None, requested_by=1, approved_by=2,
            reason="Товар возвращён", gateway_code=None, gateway_message=None,
            created_at=p.created_at + timedelta(minutes=42), sent_at=None, resolved_at=None,
        )  # fmt: skip

    async def get_view(self, invoice_id):
        p = next(p for p in self.payments if p.invoice_id == invoice_id)
        ops = [self._refund(p)] if p.payout_amount else []
        refunded = p.payout_amount or Money(0)
        return SimpleNamespace(
            payment=p, operations=ops, refunded=refunded, remaining=p.amount - refunded, status=p.status
        )

    async def receipts_for(self, invoice_id):
        p = next(p for p in self.payments if p.invoice_id == invoice_id)
        sale = ReceiptRecord(
            id=1, register_id="KASSA-1", number=1042, kind=ReceiptKind.SALE, payment_id=p.id,
            money_op_id=None,
            original_receipt_id=None, amount=p.amount, language=ReceiptLanguage.RU, width=ReceiptWidth.MM80,
            created_by=1, created_at=p.created_at + timedelta(minutes=1),
        )  # fmt: skip
        if not p.payout_amount:
            return [sale]
        refund = ReceiptRecord(
            id=2, register_id="KASSA-1", number=1057, kind=ReceiptKind.REFUND, payment_id=p.id,
            money_op_id="op-1", original_receipt_id=None, amount=p.payout_amount, language=ReceiptLanguage.RU,
            width=ReceiptWidth.MM80, created_by=1, created_at=p.created_at + timedelta(minutes=43),
        )  # fmt: skip
        return [sale, refund]


def test_main_window_screenshot(qtbot, aloop, fake_payments):
    data = ShopData(realistic_payments(), fake_payments)
    user = User(1, NAMES[1], Role.CASHIER, True, 0, None, NOW)
    window = MainWindow(
        data, data, environment="sandbox", user=user, user_name=lambda uid: NAMES.get(uid, ""),
        clock=lambda: NOW, last_poll=lambda: NOW - timedelta(seconds=4),
    )  # fmt: skip
    qtbot.addWidget(window)
    window.resize(PREFERRED_SIZE)  # the documentation's size, whatever screen the tests run on
    window.show()
    qtbot.waitExposed(window)
    view = window.payments_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 30)
    partly_refunded = next(
        r
        for r in range(30)
        if view.model.payment_at(r).status is S.CHARGE and view.model.payment_at(r).payout_amount
    )
    view.table.setFocus()
    view.table.selectRow(partly_refunded)
    qtbot.waitUntil(lambda: window.detail_view.view is not None and len(window.detail_view.receipts) == 2)
    assert window.commands.refund.isEnabled()  # a cashier may ask; a manager approves in the dialog
    assert not window.detail_view.banner.isVisible()
    assert view.filters.count_label.text() == "30 payments"

    image = window.grab().toImage()
    assert image.width() >= 1300 and image.height() >= 780
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert image.save(str(SHOTS / "main-window.png"))
