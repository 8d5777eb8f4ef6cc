"""PaymentQueries: the payment view with refund totals, search by each key, keyset pages, CSV export."""

from __future__ import annotations

import asyncio
import csv
import os
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

import pytest

from epay_desktop import safe_files
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import NotFoundError
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.services.payments.queries import CSV_COLUMNS
from epay_desktop.services.payments.queries import PaymentFilter
from epay_desktop.services.payments.queries import PaymentQueries
from epay_desktop.store.db import Store
from tests.support.builders import add_account_row
from tests.support.builders import op_intent
from tests.support.builders import stored_payment

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(db_store: Store) -> Store:
    """A fresh store with account 1 (a manager), who takes the payments."""
    add_account_row(db_store, T0)
    return db_store


def _add(
    store: Store,
    number: int,
    amount: str,
    *,
    at: datetime = T0,
    status: ConsoleStatus = ConsoleStatus.CHARGE,
    mask: str | None = None,
    rrn: str | None = None,
    approval: str | None = None,
    gateway_amount: str | None = None,
    payout: str = "0",
) -> Payment:
    return stored_payment(
        store, number, amount, at=at, status=status, gateway_amount=gateway_amount, payout=payout,
        card_mask=mask, card_type="VISA" if mask else None, reference=rrn, approval_code=approval,
    )  # fmt: skip


def _run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


# -- view ----------------------------------------------------------------------------------------


def test_view_sums_succeeded_refunds_and_computes_what_remains(store: Store) -> None:
    p = _add(store, 100_000_001, "1000", gateway_amount="700", payout="300")
    with store.write() as tx:
        steps = (("200", OpState.SUCCEEDED), ("100", OpState.SUCCEEDED), ("50", OpState.FAILED))
        for n, (amount, state) in enumerate(steps):
            at = T0 + timedelta(seconds=n)
            op = tx.operations.insert_intent(p, op_intent(amount), now=at)
            tx.operations.mark(op.id, state, now=at)
    view = _run(PaymentQueries(store).get_view(p.invoice_id))
    assert view.payment == p and view.status is ConsoleStatus.CHARGE
    assert [op.amount for op in view.operations] == [Money.parse(a) for a in ("200", "100", "50")]
    assert view.refunded == Money.parse("300")
    assert view.remaining == Money.parse("700")


def test_remaining_counts_local_refunds_the_gateway_has_not_reported_yet(store: Store) -> None:
    p = _add(store, 100_000_002, "1000")  # gateway snapshot from before the refund
    with store.write() as tx:
        op = tx.operations.insert_intent(p, op_intent("400"), now=T0)
        tx.operations.mark(op.id, OpState.SUCCEEDED, now=T0)
    view = _run(PaymentQueries(store).get_view(p.invoice_id))
    assert view.refunded == Money.parse("400") and view.remaining == Money.parse("600")


def test_only_a_charged_payment_has_anything_to_refund(store: Store) -> None:
    held = _add(store, 100_000_003, "1000", status=ConsoleStatus.AUTH)
    assert _run(PaymentQueries(store).get_view(held.invoice_id)).remaining == Money(0)
    with pytest.raises(NotFoundError):
        _run(PaymentQueries(store).get_view(InvoiceId("999999999")))


# -- search and pages ----------------------------------------------------------------------------


@pytest.fixture
def seeded(store: Store) -> dict[str, Payment]:
    return {
        "a": _add(store, 123_450_001, "1500", mask="440563...5096", rrn="027980238029", approval="170243"),
        "b": _add(store, 123_460_002, "1500.50", at=T0 + timedelta(minutes=1), mask="552204...6736"),
        "c": _add(store, 987_000_003, "20", at=T0 + timedelta(days=1), status=ConsoleStatus.REJECT),
        "d": _add(store, 555_000_004, "99", at=T0 + timedelta(days=2), status=ConsoleStatus.PENDING),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234", {"a", "b"}),  # invoice id prefix
        ("12345", {"a"}),
        ("1234500", {"a"}),
        ("5096", {"a"}),  # last four digits of the card
        ("6736", {"b"}),
        ("1500", {"a"}),  # amount in tenge
        ("1500.50", {"b"}),
        ("1 500,50", {"b"}),
        ("027980238029", {"a"}),  # RRN
        ("170243", {"a"}),  # approval code
        ("0003", set()),  # not a prefix, not a card tail
        ("%", set()),
    ],
)
def test_search_matches_each_key(
    store: Store, seeded: dict[str, Payment], text: str, expected: set[str]
) -> None:
    page = _run(PaymentQueries(store).list_payments(PaymentFilter(search=text)))
    assert {p.id for p in page.payments} == {seeded[k].id for k in expected}


def test_filters_by_status_and_period(store: Store, seeded: dict[str, Payment]) -> None:
    queries = PaymentQueries(store)
    charged = _run(queries.list_payments(PaymentFilter(frozenset({ConsoleStatus.CHARGE}))))
    assert [p.id for p in charged.payments] == [seeded["b"].id, seeded["a"].id]  # newest first
    second_day = PaymentFilter(since=T0 + timedelta(days=1), until=T0 + timedelta(days=2))
    day_two = _run(queries.list_payments(second_day))
    assert [p.id for p in day_two.payments] == [seeded["c"].id]


def test_keyset_pages_return_every_row_exactly_once(store: Store) -> None:
    # 23 payments, several sharing a timestamp, so the id breaks ties
    made = [_add(store, 200_000_000 + n, "10", at=T0 + timedelta(seconds=n // 3)) for n in range(23)]
    queries = PaymentQueries(store)
    seen: list[int] = []
    page = _run(queries.list_payments(limit=5))
    seen += [p.id for p in page.payments]
    _add(store, 300_000_000, "10", at=T0 + timedelta(hours=1))  # arrives while someone is paging
    while page.next_cursor is not None:
        page = _run(queries.list_payments(limit=5, after=page.next_cursor))
        seen += [p.id for p in page.payments]
    expected = [p.id for p in sorted(made, key=lambda p: (p.created_at, p.id), reverse=True)]
    assert seen == expected


# -- export --------------------------------------------------------------------------------------


def test_csv_export_has_decimal_amounts_and_only_masks(
    store: Store, seeded: dict[str, Payment], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "payments.csv"
    target.write_text("old")
    count = _run(PaymentQueries(store).export_csv(target, since=T0, until=T0 + timedelta(days=1)))
    assert count == 2
    rows = list(csv.reader(target.read_text(encoding="utf-8").splitlines()))
    assert tuple(rows[0]) == CSV_COLUMNS
    first = dict(zip(CSV_COLUMNS, rows[1], strict=True))
    assert first["invoice_id"] == "123450001" and first["amount"] == "1500.00"
    assert first["card_mask"] == "440563...5096" and first["rrn"] == "027980238029"
    assert first["created_at_utc"] == "2025-03-01T09:00:00+00:00" and first["description"] == "Заказ"
    assert dict(zip(CSV_COLUMNS, rows[2], strict=True))["amount"] == "1500.50"
    assert sorted(os.listdir(out)) == ["payments.csv"]  # no temporary file left behind


def test_csv_export_failure_keeps_the_old_file(
    store: Store, seeded: dict[str, Payment], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "payments.csv"
    target.write_text("old")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(safe_files.os, "replace", broken_replace)  # the one writer of such files
    with pytest.raises(OSError, match="disk full"):
        _run(PaymentQueries(store).export_csv(target))
    assert target.read_text() == "old"
    assert sorted(os.listdir(out)) == ["payments.csv"]


def test_csv_export_writes_only_the_chosen_columns_in_table_order(
    store: Store, seeded: dict[str, Payment], tmp_path: Path
) -> None:
    target = tmp_path / "chosen.csv"
    queries = PaymentQueries(store)
    count = _run(
        queries.export_csv(target, since=T0, until=T0 + timedelta(days=1), columns=["amount", "invoice_id"])
    )
    assert count == 2
    rows = list(csv.reader(target.read_text(encoding="utf-8").splitlines()))
    assert rows == [["invoice_id", "amount"], ["123450001", "1500.00"], [rows[2][0], "1500.50"]]
    for wrong in ([], ["amount", "pan"]):
        with pytest.raises(ValueError):
            _run(queries.export_csv(tmp_path / "x.csv", columns=wrong))
    assert not (tmp_path / "x.csv").exists()
