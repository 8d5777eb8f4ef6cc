"""Retry policy for safe reads (token, check-status, card list). Mutations are never retried.

Capped exponential backoff with jitter: before retry ``n`` (1-based) the client sleeps a uniform
random time in ``[d/2, d]`` with ``d = min(cap, base * 2**(n-1))`` (docs/reliability.md T20): the
schedule keeps growing, yet two consoles that failed together do not retry in lock-step. When the
gateway sends ``Retry-After: <seconds>`` the sleep is at least that long, but never longer than ``cap``.
The random source and the sleep function are injected so tests can pin the schedule.
"""

from __future__ import annotations

import random
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol
from typing import TypeVar

from epay_desktop.gateway._transport import ATTEMPT
from epay_desktop.gateway.errors import EpayError

__all__ = ["RetryPolicy", "UniformSource", "default_rng", "parse_retry_after", "retrying"]

T = TypeVar("T")


class UniformSource(Protocol):
    """What the policy needs from a random generator (``random.Random`` fits)."""

    def uniform(self, a: float, b: float) -> float: ...


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """``attempts`` counts every try, the first included; 1 disables retries."""

    attempts: int = 3
    base: float = 0.25
    cap: float = 4.0

    def __post_init__(self) -> None:
        if self.attempts < 1:
            raise ValueError("attempts must be at least 1")
        if self.base < 0 or self.cap < 0:
            raise ValueError("base and cap must not be negative")

    def ceiling(self, retry: int) -> float:
        """Upper bound of the sleep before retry number ``retry`` (1-based)."""
        ceiling: float = min(self.cap, self.base * 2 ** (retry - 1))
        return ceiling

    def delay(self, retry: int, rng: UniformSource, retry_after: float | None = None) -> float:
        """Seconds to sleep before retry number ``retry``."""
        ceiling = self.ceiling(retry)
        jittered = rng.uniform(ceiling / 2, ceiling)
        if retry_after is not None and retry_after > 0:
            jittered = max(jittered, min(retry_after, self.cap))
        return min(jittered, self.cap)


def default_rng() -> random.Random:
    return random.Random()  # jitter only, never a secret


def parse_retry_after(headers: Mapping[str, str]) -> int | None:
    """Seconds from a ``Retry-After: <delta-seconds>`` header (RFC 9110: a non-negative integer).

    HTTP dates and anything else are ignored: the caller's own backoff applies then.
    """
    value = headers.get("retry-after")
    if value is None:
        return None
    text = value.strip()
    if not text.isascii() or not text.isdigit():
        return None
    return int(text)


async def retrying(
    once: Callable[[], Awaitable[T]],
    policy: RetryPolicy,
    rng: UniformSource,
    sleep: Callable[[float], Awaitable[None]],
) -> T:
    """Run ``once``, repeating it after a retryable EpayError (``exc.retryable``) per ``policy``.

    :data:`~epay_desktop.gateway._transport.ATTEMPT` holds the attempt number meanwhile (the log
    lines name it). The gateway's reads and the fiscal adapter's calls share this loop.
    """
    attempt = 1
    while True:
        marker = ATTEMPT.set(attempt)
        try:
            return await once()
        except EpayError as exc:
            if not exc.retryable or attempt >= policy.attempts:
                raise
            delay = policy.delay(attempt, rng, exc.retry_after)
        finally:
            ATTEMPT.reset(marker)
        await sleep(delay)
        attempt += 1
