"""Answers held by the ``hold`` fault until a test releases them (decision 0089).

A ``hold`` fault lets its call take effect, as ``delay`` does, then keeps the answer back until
:meth:`Holds.release` (control API ``POST /sandbox/release``) or until the fault's bound passes
(at most :data:`~epay_desktop.sandbox.faults.MAX_FAULT_HOLD` seconds), whichever comes first. Seen
from the console it is a slow bank: the same bytes as a ``delay``, only later. A forgotten release
costs one bounded wait, never a hung run; a reset or ``DELETE /sandbox/faults`` releases everything.

A held answer waits in the sandbox's event loop; :meth:`Holds.release` and :meth:`Holds.wait_held`
may be called from any thread (a test beside a sandbox served by ``start_in_thread``), and from the
sandbox's own loop through ``asyncio.to_thread`` (the control API does so).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from dataclasses import dataclass
from dataclasses import field
from decimal import Decimal

__all__ = ["HeldAnswer", "Holds"]

log = logging.getLogger(__name__)


@dataclass(slots=True, eq=False)
class HeldAnswer:
    """One answer kept back: its operation, since when (monotonic seconds) and for how long at most."""

    operation: str
    since: float
    limit: Decimal
    _loop: asyncio.AbstractEventLoop = field(repr=False)
    _event: asyncio.Event = field(repr=False)
    released: bool = False

    def wake(self) -> None:
        """Let the held answer go (from any thread: the answer waits on its own loop)."""
        self._loop.call_soon_threadsafe(self._event.set)

    def to_json(self) -> dict[str, object]:
        held_for = Decimal(f"{time.monotonic() - self.since:.3f}")
        return {"operation": self.operation, "heldSeconds": held_for, "limitSeconds": self.limit}


class Holds:
    """The answers held now, thread-safe."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._held: list[HeldAnswer] = []

    async def hold(self, operation: str, limit: Decimal) -> bool:
        """Keep the caller (the route answering ``operation``) waiting until released or ``limit`` s.

        True when released, False when the bound passed first (logged: a test forgot to release)."""
        entry = HeldAnswer(operation, time.monotonic(), limit, asyncio.get_running_loop(), asyncio.Event())
        with self._changed:
            self._held.append(entry)
            self._changed.notify_all()
        try:
            async with asyncio.timeout(float(limit)):
                await entry._event.wait()
            return True
        except TimeoutError:
            log.warning("event=sandbox_hold_expired operation=%s seconds=%s", operation, limit)
            return False
        finally:
            with self._changed:
                self._held.remove(entry)
                self._changed.notify_all()

    def held(self, operation: str | None = None) -> list[HeldAnswer]:
        """The answers held now and not yet released (of ``operation``, or all), oldest first."""
        with self._changed:
            return self._select(operation)

    def release(self, operation: str | None = None) -> int:
        """Let the answers held now go out (of ``operation``, or all); how many were released.

        A ``hold`` fault not used yet stays armed: the call it catches later is held in turn."""
        with self._changed:
            chosen = self._select(operation)
            for entry in chosen:
                entry.released = True
            self._changed.notify_all()
        for entry in chosen:
            # RuntimeError: its loop has closed, nobody waits for that answer any more.
            with contextlib.suppress(RuntimeError):
                entry.wake()
        return len(chosen)

    def wait_held(
        self, operation: str | None = None, count: int = 1, timeout: float = 10.0
    ) -> list[HeldAnswer]:
        """Block until at least ``count`` answers (of ``operation``, or any) are held; TimeoutError after
        ``timeout`` seconds. The held answers, oldest first."""
        with self._changed:
            if not self._changed.wait_for(lambda: len(self._select(operation)) >= count, timeout):
                what = f"{operation} " if operation else ""
                raise TimeoutError(f"fewer than {count} {what}answers held after {timeout:g} s")
            return self._select(operation)

    def _select(self, operation: str | None) -> list[HeldAnswer]:
        return [e for e in self._held if not e.released and operation in (None, e.operation)]
