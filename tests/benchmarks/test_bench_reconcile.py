"""benchmarks/bench_reconcile.py (P3, P6) in its smoke run: the reconcile and the poll figures with their
floor, each having asked the sandbox for exactly one service token, and the GUI-thread stall while the
reconcile ran in the console (behaviour, not time: nothing here is timed or judged)."""

from __future__ import annotations

import pytest

FIELDS = {"id", "name", "unit", "runs", "value", "floor", "ratio", "goal", "ok"}
STATS = {"min", "median", "p95", "max"}


@pytest.mark.timeout(300)
def test_the_reconcile_benchmark_prints_reconcile_and_poll_with_one_service_token_each_and_the_stall(
    smoke_figures,
) -> None:
    records = smoke_figures("benchmarks.bench_reconcile")
    assert [r["name"] for r in records] == ["reconcile", "poll", "gui_stall_reconcile"]
    *p3, p6 = records
    for record in p3:
        assert set(record) >= FIELDS | {"token_requests", "store_transactions", "concurrency", "size"}
        assert (record["id"], record["unit"], record["runs"], record["size"]) == ("P3", "ms", 1, 20)
        assert record["goal"] == {"ratio": 1.2, "limit": None, "stat": "median"}
        assert record["concurrency"] == 4
        assert record["token_requests"] == 1  # one service token for the whole run, counted at the sandbox
        # the answers are stored in grouped transactions: fewer than one per payment
        assert 0 < record["store_transactions"] < 2 * record["size"]
        for key in ("value", "floor"):
            assert set(record[key]) == STATS
            assert 0 < record[key]["min"] <= record[key]["median"] <= record[key]["max"]
        assert record["ratio"] > 0 and isinstance(record["ok"], bool)
        outcomes = record["sandbox_outcomes"]
        assert (
            sum(outcomes.values()) == 20 and outcomes["paid"] and outcomes["declined"] and outcomes["pending"]
        )
    assert records[1]["floor_token_requests"] == 1
    assert (p6["id"], p6["via"], p6["runs"], p6["size"], p6["heartbeat_ms"]) == ("P6", "console", 1, 20, 5)
    assert p6["goal"] == {"ratio": None, "limit": 50, "stat": "max"}
    assert p6["floor"] is None and p6["ratio"] is None
    assert set(p6["value"]) == STATS and p6["value"]["max"] >= 0
