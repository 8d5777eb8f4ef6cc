"""The kept fiscal connection is one reference-counted holder (services/fiscal/held.py, decision 0129):
dropped while requests use it, its provider is closed when the last of them ends, never under one, and
once; dropped unused, at once."""

from __future__ import annotations

import asyncio

from epay_desktop.services.fiscal.held import HeldConnection
from epay_desktop.services.fiscal.service import FiscalConnection


class _Provider:
    """Counts ``aclose()`` (the one provider call the holder makes)."""

    def __init__(self) -> None:
        self.closed = 0

    async def aclose(self) -> None:
        self.closed += 1


def _held() -> tuple[HeldConnection, _Provider]:
    provider = _Provider()
    return HeldConnection(FiscalConnection(provider, 16, "webkassa:A-0001")), provider  # type: ignore[arg-type]


def test_dropped_while_two_requests_use_it_it_closes_when_the_last_one_ends_and_once() -> None:
    held, provider = _held()

    async def scenario() -> list[int]:
        seen = []
        async with held.use() as first:
            async with held.use() as second:
                assert first is second is held.connection
                await held.drop()
                seen.append(provider.closed)  # two requests under way: not closed under them
            seen.append(provider.closed)  # one still under way
        seen.append(provider.closed)  # the last one ended: closed
        await held.drop()  # dropped again (the console closing): not closed twice
        seen.append(provider.closed)
        return seen

    assert asyncio.run(scenario()) == [0, 0, 1, 1]


def test_dropped_unused_it_closes_at_once_and_a_use_without_a_drop_never_closes_it() -> None:
    held, provider = _held()

    async def scenario() -> tuple[int, int]:
        async with held.use():
            pass
        kept = provider.closed  # used and let go, still kept: open
        await held.drop()
        return kept, provider.closed

    assert asyncio.run(scenario()) == (0, 1)


def test_a_request_that_fails_still_counts_out() -> None:
    held, provider = _held()

    async def scenario() -> int:
        try:
            async with held.use():
                await held.drop()
                raise RuntimeError("the register did not answer")
        except RuntimeError:
            pass
        return provider.closed

    assert asyncio.run(scenario()) == 1
