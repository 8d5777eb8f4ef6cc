"""ReceiptService: what may be printed, duplicates, refund lines, audit, rendering off the DB thread."""

from __future__ import annotations

import asyncio
import json
import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC
from datetime import datetime

import pytest
from sqlalchemy import select

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import NotFoundError
from epay_desktop.domain import RuleViolation
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptRequest
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.domain.rules import status_words
from epay_desktop.receipts import read_payment_qr
from epay_desktop.receipts import render_pdf
from epay_desktop.services.receipts import ReceiptService
from epay_desktop.services.receipts import save_pdf
from epay_desktop.store.models import AuditRow
from epay_desktop.store.models import ReceiptRow

INVOICE = "000123456"


@pytest.fixture
def env(store, staff, rows, clock):
    cashier, manager = staff
    with store.write() as tx:
        tx.settings.set("shop.bin", "131240010479")
        tx.settings.set("shop.address", "г. Алматы, пр. Абая, 150")
    pay = rows.payment(INVOICE, created_by=cashier.id)
    service = ReceiptService(store, clock, "KASSA-1")
    return service, cashier, manager, pay


def _issue(service, actor, kind, invoice=INVOICE, **kwargs):
    return asyncio.run(service.issue_receipt(actor, ReceiptRequest.of(InvoiceId(invoice), kind, **kwargs)))


def _audit(store) -> list[AuditRow]:
    with store.read() as tx:
        return list(tx.session.scalars(select(AuditRow).where(AuditRow.action == "receipt.issued")))


def test_sale_receipt_is_numbered_audited_and_complete(env, store, pdf):
    service, cashier, manager, _ = env
    record, out = _issue(service, manager, "sale", width="58", language="kk")
    assert (record.kind, record.number, record.register_id) == (ReceiptKind.SALE, 1, "KASSA-1")
    assert (record.width, record.language, record.amount.minor) == (
        ReceiptWidth.MM58,
        ReceiptLanguage.KK,
        1500_00,
    )
    text = pdf.text(out)
    for expected in ("ТОО «Алма Маркет»", "БСН 131240010479", "САТУ", "000001", INVOICE, "1 500,00 ₸"):
        assert expected in text
    assert cashier.name in text  # the cashier who took the payment, not the manager printing
    assert "•••• 5096" in text and "440563" not in text
    [entry] = _audit(store)
    assert (entry.actor_id, entry.subject) == (manager.id, f"payment:{INVOICE}")
    assert json.loads(entry.details)["number"] == 1
    invoice, _txn = read_payment_qr(pdf.qr(out)[0])
    assert invoice == InvoiceId(INVOICE)


def test_defaults_come_from_shop_settings(env, store):
    service, cashier, _, _ = env
    with store.write() as tx:
        tx.settings.set("receipt.width", "a4")
        tx.settings.set("receipt.language", "kk")
    record, _ = _issue(service, cashier, ReceiptKind.SALE)
    assert (record.width, record.language) == (ReceiptWidth.A4, ReceiptLanguage.KK)


def test_second_sale_receipt_becomes_a_marked_duplicate(env, pdf):
    service, cashier, _, _ = env
    first, _ = _issue(service, cashier, "sale")
    second, out = _issue(service, cashier, "sale", language="ru")
    third, _ = _issue(service, cashier, "duplicate")
    assert second.kind is ReceiptKind.DUPLICATE and second.original_receipt_id == first.id
    assert third.original_receipt_id == first.id  # always the original, never a copy of a copy
    assert [first.number, second.number, third.number] == [1, 2, 3]
    text = pdf.text(out)
    assert "ДУБЛИКАТ" in text and "Копия чека № 000001" in text and "000002" in text


@pytest.mark.parametrize("status", [ConsoleStatus.PENDING, ConsoleStatus.REJECT, ConsoleStatus.CANCEL])
def test_unpaid_payment_gets_no_sale_receipt_and_uses_no_number(sqlite_store, make_rows, clock, status):
    rows = make_rows(sqlite_store)
    actor = rows.user("Касса")
    rows.payment("000000777", status)
    rows.payment(INVOICE)
    service = ReceiptService(sqlite_store, clock, "KASSA-1")
    with pytest.raises(
        RuleViolation, match=f"only for a paid payment; this one is {re.escape(status_words(status))}\\."
    ):
        _issue(service, actor, "sale", invoice="000000777")
    assert _audit(sqlite_store) == []
    assert _issue(service, actor, "sale")[0].number == 1  # the refusal took no number


def test_refund_receipts_need_a_succeeded_refund(env, rows):
    service, _, manager, pay = env
    with pytest.raises(RuleViolation, match="no completed refund"):
        _issue(service, manager, "refund")
    unknown = rows.op(pay, manager.id, 300_00, state="UNKNOWN")
    with pytest.raises(
        RuleViolation, match="only after the refund succeeded; this one is still being checked with the bank"
    ):
        _issue(service, manager, "refund", money_op_id=unknown)
    with pytest.raises(RuleViolation, match="no completed refund"):
        _issue(service, manager, "refund")
    with pytest.raises(RuleViolation, match="nothing to copy"):
        _issue(service, manager, "duplicate")


def test_refund_receipts_show_the_lines_as_of_each_refund(env, rows, pdf):
    service, cashier, manager, pay = env
    first_op = rows.op(pay, manager.id, 300_00)
    second_op = rows.op(pay, manager.id, 200_00)
    latest, out = _issue(service, cashier, "refund", language="en")
    assert (latest.kind, latest.money_op_id, latest.amount.minor) == (ReceiptKind.REFUND, second_op, 200_00)
    text = pdf.text(out)
    assert "Refunded in total 500,00 ₸" in text.replace("\n", " ")
    assert "This refund 200,00 ₸" in text.replace("\n", " ")
    assert "Remaining 1 000,00 ₸" in text.replace("\n", " ")
    assert manager.name in text  # who made the refund

    older, out = _issue(service, cashier, "refund", money_op_id=first_op, language="en")
    flat = pdf.text(out).replace("\n", " ")
    assert "Refunded in total 300,00 ₸" in flat and "Remaining 1 200,00 ₸" in flat
    assert older.kind is ReceiptKind.REFUND

    again, out = _issue(service, cashier, "refund", money_op_id=first_op, language="en")
    assert again.kind is ReceiptKind.DUPLICATE and again.original_receipt_id == older.id
    assert "Copy of receipt No. 000002" in pdf.text(out) and "REFUND" in pdf.text(out)


def test_full_refund_reads_refunded(env, rows, pdf):
    service, _, manager, pay = env
    rows.op(pay, manager.id, 1500_00)
    _, out = _issue(service, manager, "refund", language="kk")
    flat = pdf.text(out).replace("\n", " ")
    assert "Қалдық 0,00 ₸" in flat and "Қайтарылды" in flat


def test_unknown_payment_or_foreign_refund_is_not_found(env, rows):
    service, cashier, manager, _ = env
    with pytest.raises(NotFoundError):
        _issue(service, cashier, "sale", invoice="999999999")
    other = rows.payment("000000888", created_by=cashier.id)
    foreign = rows.op(other, manager.id, 100_00)
    with pytest.raises(NotFoundError, match="does not belong"):
        _issue(service, cashier, "refund", money_op_id=foreign)


def test_receipt_time_is_kazakhstan_time(env, clock, pdf):
    service, cashier, _, _ = env
    clock.now = datetime(2025, 3, 1, 19, 30, tzinfo=UTC)
    record, out = _issue(service, cashier, "sale")
    assert record.created_at == clock.now
    assert "02.03.2025 00:30:00" in pdf.text(out)


def test_pdf_is_drawn_outside_the_database_thread(store, make_rows, clock):
    rows = make_rows(store)
    actor = rows.user("Касса")
    rows.payment(INVOICE)
    seen: list[str] = []

    def spy(data, width):
        seen.append(threading.current_thread().name)
        return render_pdf(data, width)

    async def main() -> str:
        service = ReceiptService(store, clock, "KASSA-1", render=spy)
        await service.issue_receipt(actor, ReceiptRequest.of(InvoiceId(INVOICE), "sale"))
        return threading.current_thread().name

    loop_thread = asyncio.run(main())
    [render_thread] = seen
    assert not render_thread.startswith("epay-db")
    assert render_thread != loop_thread


def test_two_counters_printing_the_same_sale_at_once_make_one_original(store_factory, make_rows, clock):
    stores = [store_factory(), store_factory()]
    rows = make_rows(stores[0])
    actor = rows.user("Касса")
    rows.payment(INVOICE)
    barrier = threading.Barrier(2)

    def counter(index: int):
        service = ReceiptService(stores[index], clock, f"KASSA-{index}", render=lambda d, w: b"")
        barrier.wait()
        return _issue(service, actor, "sale")[0]

    with ThreadPoolExecutor(max_workers=2) as pool:
        kinds = sorted(r.kind.value for r in pool.map(counter, [0, 1]))
    assert kinds == ["duplicate", "sale"]


def test_save_pdf_is_atomic(tmp_path, pdf, monkeypatch):
    target = tmp_path / "receipt.pdf"
    out = render_pdf(pdf.sample(), "80")
    assert save_pdf(target, out) == target
    assert target.read_bytes() == out

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        save_pdf(target, b"%PDF-torn")
    assert target.read_bytes() == out  # the old receipt is intact
    assert sorted(p.name for p in tmp_path.iterdir()) == ["receipt.pdf"]  # no temp file left


def test_service_save_pdf_runs_off_the_loop(env, tmp_path):
    service = env[0]
    path = asyncio.run(service.save_pdf(tmp_path / "r.pdf", b"%PDF-1.4 test"))
    assert path.read_bytes() == b"%PDF-1.4 test"


def test_receipts_for_lists_the_history(env, store):
    service, cashier, _, pay = env
    _issue(service, cashier, "sale")
    _issue(service, cashier, "sale")
    history = asyncio.run(service.receipts_for(InvoiceId(INVOICE)))
    assert [r.kind for r in history] == [ReceiptKind.SALE, ReceiptKind.DUPLICATE]
    with store.read() as tx:
        assert tx.session.scalar(select(ReceiptRow.payment_id).limit(1)) == pay
