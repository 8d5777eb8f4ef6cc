"""benchmarks/bench_list.py --smoke (P2, P2s) runs on the database it generates and prints every figure
as one record with its floor, through the service and through the model (not timed: the figures are
the benchmark's to judge; this keeps it from rotting)."""

from __future__ import annotations

from pathlib import Path

import pytest

P2 = [
    "first_page",
    "next_page",
    "middle_page",
    "last_page",
    "sort_time_desc",
    "sort_time_asc",
    "sort_amount_desc",
    "sort_amount_asc",
    "filter_status_date",
    "search_invoice",
    "search_last4",
    "search_amount",
    "search_rrn",
]
COUNTS = ["count_by_status", "count_filtered"]
P2S = ["drag_middle_shown", "drag_middle_stall", "drag_end_shown", "drag_end_stall"]
STATS = {"min", "median", "p95", "max"}


@pytest.mark.timeout(240)
def test_the_list_benchmark_prints_every_figure_with_its_floor(smoke_figures) -> None:
    figures = smoke_figures("benchmarks.bench_list")
    found = {(f["id"], f["name"], f["via"]) for f in figures}
    expected = {("P2", name, "service") for name in P2 + COUNTS}
    expected |= {("P2", name, "model") for name in P2}
    expected |= {("P2s", name, "model") for name in P2S}
    assert found == expected
    assert len(figures) == len(expected)  # each once
    for f in figures:
        assert f["backend"] == "sqlite" and f["size"] == 600 and f["unit"] == "ms" and f["runs"] == 2
        assert set(f["value"]) == STATS
        assert f["value"]["min"] <= f["value"]["median"] <= f["value"]["max"]
        assert isinstance(f["ok"], bool)
        if f["id"] == "P2":
            assert set(f["floor"]) == STATS and f["floor"]["min"] > 0
            assert f["ratio"] is not None and f["ratio"] > 0
            assert f["goal"] == {"ratio": 3.0, "limit": 50, "stat": "p95"}
        else:
            assert f["floor"] is None and f["ratio"] is None
            limit = 100 if f["name"].endswith("_shown") else 50
            assert f["goal"] == {"ratio": None, "limit": limit, "stat": "max"}


def test_the_throwaway_postgresql_server_starts_answers_and_is_removed(pg_binaries: Path) -> None:
    """benchmarks/pg_server.py: the URL it yields takes a connection; the folder is gone after."""
    from benchmarks import pg_server

    with pg_server.pg_server() as url:
        assert url.startswith("postgresql+psycopg://postgres@127.0.0.1:") and url.endswith("/bench")
        assert pg_server.payments_in(url) == 0  # no schema yet
        from sqlalchemy import create_engine
        from sqlalchemy import text

        engine = create_engine(url)
        with engine.connect() as conn:
            folder = Path(conn.execute(text("SHOW data_directory")).scalar_one())
        engine.dispose()
        assert folder.is_dir()
    assert not folder.exists()
