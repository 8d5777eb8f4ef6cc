"""benchmarks/bench_day.py (P7, issue 13): its smoke run prints the day at a glance (service, beside
its floor), the day's window opening and the shift's X report; the floor reads the same sums as the
service (not timed: the figures are the benchmark's to judge)."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

import pytest

from benchmarks.bench_day import REGISTER
from benchmarks.bench_day import Floor
from benchmarks.bench_day import moment_of
from benchmarks.generate import generate_quietly
from epay_desktop.domain.day import DECLINED
from epay_desktop.domain.day import TWO_STEP
from epay_desktop.domain.day import Period
from epay_desktop.domain.day import periods_of
from epay_desktop.domain.shifts import FigureKind
from tests.support.database import open_store

FIELDS = {"id", "name", "unit", "runs", "value", "floor", "ratio", "goal", "ok", "moment", "size"}


@pytest.mark.timeout(300)
def test_the_day_benchmark_prints_its_three_figures(smoke_figures) -> None:
    records = {r["name"]: r for r in smoke_figures("benchmarks.bench_day")}
    assert list(records) == ["day_at_a_glance", "day_window", "shift_x_report"]
    for record in records.values():
        assert set(record) >= FIELDS and record["id"] == "P7" and record["runs"] == 2
        assert 0 < record["value"]["min"] <= record["value"]["max"]
    assert records["day_at_a_glance"]["goal"] == {"ratio": 2.0, "limit": 200, "stat": "median"}
    assert records["day_window"]["floor"] is None and records["day_window"]["goal"]["limit"] == 1000
    assert records["shift_x_report"]["floor"] is not None and "shift_payments" in records["shift_x_report"]
    assert records["day_at_a_glance"]["moment"].endswith("T23:00:00+05:00")  # a month's last day, late


def test_the_moment_is_the_last_evening_of_the_month_before_the_newest_payment() -> None:
    newest = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    assert moment_of(newest).isoformat() == "2026-11-30T23:00:00+05:00"
    assert moment_of(datetime(2026, 11, 30, 19, 30, tzinfo=UTC)).isoformat() == "2026-11-30T23:00:00+05:00"


def test_the_floor_sums_what_the_service_reads(tmp_path: Path) -> None:
    """Fair: the floor's payments, two-step and operations rows (and today's outside any shift) hold the
    same counts and amounts as the repository's lines for the same moment."""
    db = tmp_path / "epay-desktop.db"
    generate_quietly(f"sqlite:///{db}", 1_500)
    moment = moment_of(datetime(2026, 12, 1, 12, 0, tzinfo=UTC))
    spans = periods_of(moment)
    today, end = spans[Period.TODAY]
    store = open_store(f"sqlite:///{db}")
    try:
        with store.write() as tx:  # the shop kept one shift this morning at REGISTER: the rest is outside it
            opened_by = tx.users.list()[0].id
            shift = tx.shifts.open(REGISTER, opened_by, today + timedelta(hours=9))
            tx.shifts.close(
                shift.id,
                closed_by=opened_by,
                requested_by=None,
                now=today + timedelta(hours=13),
                anchor=None,
                z_report="{}",
            )
        with store.read() as tx:
            lines = tx.day.lines([s for s, _ in spans.values() if s < today], today, end)
            outside = tx.shifts.outside_lines(today, end)
    finally:
        store.close()
    floor = Floor(db, moment)
    try:
        payments, two_step, ops, unresolved, outside_paid, outside_ops = floor.day()
    finally:
        floor.close()

    def summed(whats: set[str]) -> tuple[int, int]:
        chosen = [line for line in lines if line.what in whats]
        return sum(line.count for line in chosen), sum(line.total_minor for line in chosen)

    assert (sum(r[3] for r in payments), sum(r[4] for r in payments)) == summed(
        {FigureKind.SALES.value, FigureKind.HOLDS.value, DECLINED}
    )
    assert (sum(r[2] for r in two_step), sum(r[3] for r in two_step)) == summed({TWO_STEP})
    op_kinds = {FigureKind.CHARGES.value, FigureKind.CANCELS.value, FigureKind.REFUNDS.value}
    assert (sum(r[3] for r in ops), sum(r[4] for r in ops)) == summed(op_kinds)
    assert len(payments) > 0 and len(ops) > 0 and unresolved[0][0] >= 0
    assert outside_paid and outside  # today's at REGISTER outside its shift, and every other register's
    for rows, kinds in ((outside_paid, {FigureKind.SALES, FigureKind.HOLDS}), (outside_ops, set(op_kinds))):
        chosen = [line for line in outside if line.kind in kinds]  # decision 0145: outside any shift today
        assert (sum(r[1] for r in rows), sum(r[2] for r in rows)) == (
            sum(line.count for line in chosen),
            sum(line.total_minor for line in chosen),
        )
