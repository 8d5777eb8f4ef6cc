"""A wall clock the test sets and moves: what the services, the sandbox and the poller are given
instead of ``datetime.now``."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

__all__ = ["Clock"]


class Clock:
    """``clock()`` is ``clock.now`` (an aware datetime; default: the real time at creation, in UTC).

    ``advance(timedelta(...))``, ``advance(5)`` (seconds) or ``advance(minutes=2)`` moves it on."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta | float = 0, **kwargs: float) -> None:
        step = delta if isinstance(delta, timedelta) else timedelta(seconds=delta)
        self.now += step + timedelta(**kwargs)
