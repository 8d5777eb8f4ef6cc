"""Child process of T07: rounds of "refund AMOUNT of an invoice at the same instant as another process".

Usage: python -m tests.support.race_driver DB_URL SANDBOX_URL ACTOR_ID AMOUNT BARRIER_DIR INVOICE[,INVOICE...]
Round i: write BARRIER_DIR/ready-<i>-<pid>, wait until the parent creates BARRIER_DIR/go-<i>, then
refund AMOUNT of the i-th invoice. Prints one JSON line per round: ``outcome`` "ok" (with the
operation's state) or "refused" (with the ConsoleError's class and user message). Anything else
(e.g. "database is locked") is printed as outcome "crash" and ends the process with code 1.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

from epay_desktop.domain import ConsoleError, InvoiceId, Money
from epay_desktop.services.money_ops.crash_points import FaultPoints
from tests.support import ops_harness as h

BARRIER_TIMEOUT = 60.0


async def wait_for(path: Path) -> None:
    deadline = time.monotonic() + BARRIER_TIMEOUT
    while not path.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"no {path.name} from the parent")
        await asyncio.sleep(0.0005)


async def main(db_url: str, base_url: str, actor_id: str, amount: str, barrier: str, invoices: str) -> int:
    store = h.open_store(db_url, create=False)
    folder = Path(barrier)
    try:
        actor = h.get_user(store, int(actor_id))
        async with h.services(store, base_url, lambda: datetime.now(UTC), faults=FaultPoints({})) as svc:
            await svc.client.check_status(InvoiceId(invoices.split(",")[0]))  # warm up: token, connection
            for number, invoice in enumerate(invoices.split(",")):
                (folder / f"ready-{number}-{os.getpid()}").touch()
                await wait_for(folder / f"go-{number}")
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
    sys.exit(asyncio.run(main(*sys.argv[1:7])))
