"""Child process of T07: rounds of "refund AMOUNT of an invoice at the same instant as another process".

Usage: python -m tests.support.race_driver DB_URL SANDBOX_URL ACTOR_ID AMOUNT INVOICE[,INVOICE...]
Round i: print ``{"ready": i}``, wait for the line ``go`` on stdin (the parent writes it to both children
once both are ready: no clock, no polling), then refund AMOUNT of the i-th invoice. Prints one JSON line
per round: ``outcome`` "ok" (with the operation's state) or "refused" (with the ConsoleError's class
and user message). Anything else (e.g. "database is locked") is printed as outcome "crash" and ends
the process with code 1.
"""

from __future__ import annotations

import asyncio
import json
import sys
import traceback
from datetime import UTC
from datetime import datetime

from epay_desktop.domain import ConsoleError
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.services.money_ops.crash_points import FaultPoints
from tests.support import ops_harness as h


async def main(db_url: str, base_url: str, actor_id: str, amount: str, invoices: str) -> int:
    store = h.open_store(db_url, create=False)
    try:
        actor = h.get_user(store, int(actor_id))
        async with h.services(store, base_url, lambda: datetime.now(UTC), faults=FaultPoints({})) as svc:
            await svc.client.check_status(InvoiceId(invoices.split(",")[0]))  # warm up: token, connection
            for number, invoice in enumerate(invoices.split(",")):
                print(json.dumps({"ready": number}), flush=True)
                # Blocks the loop on purpose (nothing else runs now): the lowest latency to "go".
                if sys.stdin.readline().strip() != "go":
                    raise SystemExit(f"no go for round {number} from the parent")
                line: dict[str, object] = {"round": number}
                try:
                    op = await svc.ops.refund(actor, InvoiceId(invoice), Money.parse(amount), reason="race")
                    line.update(outcome="ok", state=op.state.value, op_id=op.id)
                except ConsoleError as exc:
                    line.update(outcome="refused", error=type(exc).__name__, message=exc.user_message)
                except Exception as exc:
                    line.update(outcome="crash", error=type(exc).__name__, message=traceback.format_exc())
                    print(json.dumps(line), flush=True)
                    return 1
                print(json.dumps(line), flush=True)
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(*sys.argv[1:6])))
