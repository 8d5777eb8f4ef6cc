"""ReceiptRepo: gap-free numbers per register (also under concurrency), lookups, duplicates linked."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC
from datetime import datetime

import pytest

from epay_desktop.domain import Money
from epay_desktop.domain import NotFoundError
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.store.db import Store
from epay_desktop.store.tx import Tx

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def _issue_in(tx: Tx, register: str, payment_id: int, kind=ReceiptKind.SALE, original=None, amount=1500_00):
    """Takes the next number of ``register`` for a receipt of ``payment_id`` inside ``tx``."""
    return tx.receipts.issue(
        register_id=register,
        kind=kind,
        payment_id=payment_id,
        money_op_id=None,
        original_receipt_id=original,
        amount_minor=amount,
        language=ReceiptLanguage.KK,
        width=ReceiptWidth.MM58,
        created_by=None,
        now=T0,
    )


def _issue(
    store: Store, register: str, payment_id: int, kind=ReceiptKind.SALE, original=None, amount=1500_00
):
    with store.write() as tx:
        return _issue_in(tx, register, payment_id, kind, original, amount)


def test_numbers_are_consecutive_per_register(store, rows):
    pay = rows.payment("000000101")
    numbers_a = [_issue(store, "A", pay).number for _ in range(3)]
    numbers_b = [_issue(store, "B", pay).number for _ in range(2)]
    assert numbers_a == [1, 2, 3]
    assert numbers_b == [1, 2]
    assert _issue(store, "A", pay).number == 4


def test_a_rolled_back_receipt_leaves_no_gap(store, rows):
    pay = rows.payment("000000102")
    assert _issue(store, "A", pay).number == 1
    with pytest.raises(RuntimeError, match="printer on fire"), store.write() as tx:
        _issue_in(tx, "A", pay, amount=1)
        raise RuntimeError("printer on fire")
    assert _issue(store, "A", pay).number == 2
    with store.read() as tx:
        assert [r.number for r in tx.receipts.list_for_payment(pay)] == [1, 2]


def test_two_threads_issuing_at_once_get_distinct_gap_free_numbers(store_factory, make_rows):
    """Two app instances (own Store each) on one database, released together by a barrier."""
    stores = [store_factory(), store_factory()]
    pay = make_rows(stores[0]).payment("000000103")
    per_thread = 15
    barrier = threading.Barrier(2)

    def worker(store: Store) -> list[int]:
        barrier.wait()
        return [_issue(store, "SHARED", pay).number for _ in range(per_thread)]

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(worker, stores))
    numbers = sorted(results[0] + results[1])
    assert numbers == list(range(1, 2 * per_thread + 1))
    assert all(r == sorted(r) for r in results)  # each thread saw its own numbers increase


def test_lookups_return_frozen_records(store, rows):
    pay = rows.payment("000000104")
    sale = _issue(store, "A", pay, amount=1234_56)
    dup = _issue(store, "A", pay, kind=ReceiptKind.DUPLICATE, original=sale.id, amount=1234_56)
    with store.read() as tx:
        assert tx.receipts.get(sale.id) == sale
        assert tx.receipts.list_for_payment(pay) == [sale, dup]
        assert tx.receipts.last_for(pay, ReceiptKind.SALE) == sale
        assert tx.receipts.last_for(pay, ReceiptKind.DUPLICATE) == dup
        assert tx.receipts.last_for(pay, ReceiptKind.REFUND) is None
        assert tx.receipts.by_number("A", 2) == dup
        assert tx.receipts.by_number("B", 2) is None
        with pytest.raises(NotFoundError):
            tx.receipts.get(999)
    assert sale.amount == Money(1234_56, "KZT")
    assert (sale.language, sale.width, sale.created_at) == (ReceiptLanguage.KK, ReceiptWidth.MM58, T0)
    assert dup.original_receipt_id == sale.id and dup.display_number == "000002"
    with pytest.raises(AttributeError):
        sale.number = 5  # type: ignore[misc]


def test_duplicates_and_only_duplicates_name_an_original(sqlite_store, make_rows):
    pay = make_rows(sqlite_store).payment("000000105")
    with pytest.raises(ValueError, match="duplicate"):
        _issue(sqlite_store, "A", pay, kind=ReceiptKind.DUPLICATE)
    sale = _issue(sqlite_store, "A", pay)
    with pytest.raises(ValueError, match="duplicate"):
        _issue(sqlite_store, "A", pay, kind=ReceiptKind.SALE, original=sale.id)
    # the refusals took no number
    assert _issue(sqlite_store, "A", pay).number == 2


def test_numbers_are_taken_only_inside_a_write_transaction(sqlite_store, make_rows):
    pay = make_rows(sqlite_store).payment("000000106")
    with pytest.raises(RuntimeError, match=r"Store\.write"), sqlite_store.read() as tx:
        _issue_in(tx, "A", pay, amount=1)
