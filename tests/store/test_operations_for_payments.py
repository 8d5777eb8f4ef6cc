"""``OperationsRepo.list_for_payments``: every payment's operations in one query, the same as asking
payment by payment (the demo's start reads its few hundred payments this way: 0.2 s -> 0.04 s)."""

from __future__ import annotations

import asyncio
from datetime import UTC
from datetime import datetime
from pathlib import Path

from epay_desktop.app import open_app
from epay_desktop.app import store_of
from epay_desktop.demo import demo_environ
from epay_desktop.demo import prepare_demo
from epay_desktop.sandbox import SandboxConfig
from epay_desktop.sandbox import SandboxState
from epay_desktop.services.demo_shop import all_payments

NOW = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)  # 15:00 in Almaty: a day with sales behind it


def test_operations_for_many_payments_are_those_of_each_payment(tmp_path: Path) -> None:
    async def go():  # type: ignore[no-untyped-def]
        # a fixed clock: what the demo seeds depends on the time of day (nothing later than now)
        app = await open_app(demo_environ(tmp_path / "demo", "http://127.0.0.1:9"), clock=lambda: NOW)
        try:
            await prepare_demo(app, SandboxState(SandboxConfig()), count=120, seed=5)  # nothing is sent

            def read(tx):  # type: ignore[no-untyped-def]
                payments = tx.payments.search(limit=10_000)
                one_by_one = {p.id: tx.operations.list_for_payment(p.id) for p in payments}
                at_once = tx.operations.list_for_payments([p.id for p in payments])
                return one_by_one, at_once, tx.operations.list_for_payments([]), all_payments(tx)

            return await store_of(app).run_read(read)
        finally:
            await app.aclose()

    one_by_one, at_once, none, mirrored = asyncio.run(go())
    assert at_once == one_by_one
    assert sum(len(ops) for ops in at_once.values()) > 10  # refunds, cancels and charges among them
    assert none == {}
    assert {p.id: ops for p, ops in mirrored} == one_by_one  # what the demo mirrors into its sandbox
