"""One figure of issue 10's table: samples beside their floor, summarised and judged, as one JSON line.

Every benchmark prints its figures through :func:`emit`, so ``scripts/bench.sh`` (``benchmarks.run``)
can collect them and ``docs/performance.md`` can name the fields once:

    {"id": "P2", "name": "first_page", "via": "service", "backend": "sqlite", "size": 1000000,
     "unit": "ms", "runs": 21,
     "value": {"min": .., "median": .., "p95": .., "max": ..},
     "floor": {"min": .., "median": .., "p95": .., "max": ..},
     "ratio": 1.8,                 # value median / floor median (null when the figure has no floor)
     "goal": {"ratio": 3.0, "limit": 50, "stat": "p95"},
     "ok": true}                   # ratio <= goal.ratio and value[stat] <= goal.limit (each if set)

A benchmark, not a test: nothing asserts a time. ``ok`` says how the figure compares with its goal
on the machine it ran on; ``--smoke`` runs (CI) print the same lines and nobody reads ``ok``.
"""

from __future__ import annotations

import json
import math
import statistics
import sys
import time
from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Goal:
    """Issue 10's goal for one figure: a ratio to the floor, a limit on one statistic, or both."""

    ratio: float | None = None
    limit: float | None = None
    stat: str = "median"  # which statistic the limit applies to: median, p95 or max

    def as_json(self) -> dict[str, Any]:
        return {"ratio": self.ratio, "limit": self.limit, "stat": self.stat}


def summary(samples: Iterable[float], digits: int = 3) -> dict[str, float]:
    """min / median / p95 (nearest rank) / max of the samples."""
    ordered = sorted(samples)
    if not ordered:
        raise ValueError("a figure needs at least one sample")
    rank = max(0, math.ceil(0.95 * len(ordered)) - 1)
    return {
        "min": round(ordered[0], digits),
        "median": round(statistics.median(ordered), digits),
        "p95": round(ordered[rank], digits),
        "max": round(ordered[-1], digits),
    }


def figure(
    fig_id: str,
    name: str,
    samples: Iterable[float],
    floor: Iterable[float] | None = None,
    *,
    goal: Goal,
    unit: str = "ms",
    **extra: Any,
) -> dict[str, Any]:
    """The JSON record of one figure (see the module docstring)."""
    values = list(samples)
    value = summary(values)
    floor_summary = summary(floor) if floor is not None else None
    ratio = None
    if floor_summary is not None and floor_summary["median"] > 0:
        ratio = round(value["median"] / floor_summary["median"], 2)
    ok = True
    if goal.ratio is not None and ratio is not None:
        ok = ok and ratio <= goal.ratio
    if goal.limit is not None:
        ok = ok and value[goal.stat] <= goal.limit
    return {
        "id": fig_id,
        "name": name,
        **extra,
        "unit": unit,
        "runs": len(values),
        "value": value,
        "floor": floor_summary,
        "ratio": ratio,
        "goal": goal.as_json(),
        "ok": ok,
    }


def emit(record: dict[str, Any]) -> None:
    """Print one figure as one JSON line (flushed: the runner reads lines as they come)."""
    print(json.dumps(record, ensure_ascii=False), flush=True)
    sys.stdout.flush()


def time_ms(action: Callable[[], object]) -> float:
    """Milliseconds one call of ``action`` takes (perf_counter)."""
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000.0


def interleaved(
    action: Callable[[], object], floor: Callable[[], object], runs: int, warmup: int = 1
) -> tuple[list[float], list[float]]:
    """Time ``action`` and ``floor`` alternately ``runs`` times each (after ``warmup`` uncounted rounds),
    so a noisy moment on the machine falls on both."""
    for _ in range(warmup):
        action()
        floor()
    values: list[float] = []
    floors: list[float] = []
    for _ in range(runs):
        values.append(time_ms(action))
        floors.append(time_ms(floor))
    return values, floors
