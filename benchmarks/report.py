"""The figures of several ``bench.sh --out`` documents side by side, as Markdown (docs/performance.md).

    python -m benchmarks.report /tmp/f-10k.json /tmp/f-100k.json /tmp/f-1m.json > table.md

One row per figure (id, name, via/backend), one column group per document (its size): the median,
the floor's median and the ratio, and a last column with the goal and whether the largest size met it.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

Key = tuple[str, str, str]


def _key(f: dict[str, Any]) -> Key:
    via = "/".join(str(f[k]) for k in ("via", "backend") if f.get(k))
    return (f["id"], f["name"], via)


def _num(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


def _goal(f: dict[str, Any]) -> str:
    goal = f.get("goal") or {}
    parts = []
    if goal.get("ratio") is not None:
        parts.append(f"<= {goal['ratio']:g}x")
    if goal.get("limit") is not None:
        parts.append(f"{goal['stat']} <= {goal['limit']:g} {f.get('unit', 'ms')}")
    return ", ".join(parts)


def table(documents: list[dict[str, Any]]) -> str:
    """The Markdown table of ``documents`` (each a ``bench.sh --out`` JSON document)."""
    sizes = ["smoke" if d["size"] is None else f"{d['size']:,}" for d in documents]
    rows: dict[Key, list[dict[str, Any] | None]] = {}
    for i, document in enumerate(documents):
        for f in document["figures"]:
            rows.setdefault(_key(f), [None] * len(documents))[i] = f
    head = ["id", "figure", "via"]
    for size in sizes:
        head += [f"{size}: value", "floor", "ratio"]
    head += ["goal", "met (largest)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for (fig_id, name, via), found in rows.items():
        cells = [fig_id, name, via]
        last: dict[str, Any] | None = None
        for f in found:
            if f is None or f.get("status") == "not_built":
                cells += ["not built" if f else "-", "-", "-"]
                continue
            unit = f.get("unit", "ms")
            stat = (f.get("goal") or {}).get("stat", "median")
            value = f["value"][stat if stat in f["value"] else "median"]
            floor = (f.get("floor") or {}).get("median")
            cells += [f"{_num(value)} {unit} ({stat})", _num(floor), _num(f.get("ratio"))]
            last = f
        shown = last or next((f for f in found if f), None) or {}
        cells += [_goal(shown), ("yes" if last["ok"] else "**no**") if last else "-"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("documents", nargs="+", type=Path, help="bench.sh --out files, smallest size first")
    args = parser.parse_args(argv)
    documents = [json.loads(p.read_text(encoding="utf-8")) for p in args.documents]
    print(table(documents))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
