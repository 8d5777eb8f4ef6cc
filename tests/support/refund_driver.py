"""Child process of the kill tests (T02, T03): one refund, possibly killed at a named fault point.

Usage: python -m tests.support.refund_driver DB_URL SANDBOX_URL INVOICE AMOUNT ACTOR_ID
Opens the existing database, builds the real services against the sandbox and refunds AMOUNT
(decimal tenge) of INVOICE as user ACTOR_ID. With ``EPAY_FAULT_AT=<point>`` in the environment
the process SIGKILLs itself at that point (services/money_ops/crash_points.py). Prints one JSON line with the
operation's id and state when it survives.
"""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import UTC
from datetime import datetime

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.services.money_ops.crash_points import FaultPoints
from tests.support import ops_harness as h


async def main(db_url: str, base_url: str, invoice: str, amount: str, actor_id: str) -> None:
    store = h.open_store(db_url, create=False)
    try:
        actor = h.get_user(store, int(actor_id))
        async with h.services(store, base_url, lambda: datetime.now(UTC), faults=FaultPoints()) as svc:
            op = await svc.ops.refund(actor, InvoiceId(invoice), Money.parse(amount), reason="driver")
        print(json.dumps({"op_id": op.id, "state": op.state.value}), flush=True)
    finally:
        store.close()


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:6]))
