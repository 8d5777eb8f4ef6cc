"""One fiscal connection and the requests using it: closed once dropped and unused (decision 0129).

:class:`~.service.FiscalService` keeps one :class:`HeldConnection` while the shop's fiscal settings stay
as they were; a settings change (at any counter) or the console closing drops it. A request under way
keeps using it: the provider is closed when the last request using it ends, never under one, and once.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from epay_desktop.services.fiscal.service import FiscalConnection

__all__ = ["HeldConnection"]


class HeldConnection:
    """A reference-counted :class:`~.service.FiscalConnection`: :meth:`use` counts a request in,
    :meth:`drop` lets it go; its provider's ``aclose()`` runs when both hold (dropped, no use left)."""

    def __init__(self, connection: FiscalConnection) -> None:
        self.connection = connection
        self._uses = 0
        self._dropped = False
        self._closed = False

    @asynccontextmanager
    async def use(self) -> AsyncIterator[FiscalConnection]:
        """The connection for one request; dropped meanwhile, it is closed as this last use ends."""
        self._uses += 1
        try:
            yield self.connection
        finally:
            self._uses -= 1
            await self._close_if_done()

    async def drop(self) -> None:
        """No new request takes it: closed now if unused, else when its last request ends."""
        self._dropped = True
        await self._close_if_done()

    async def _close_if_done(self) -> None:
        if self._dropped and not self._uses and not self._closed:
            self._closed = True
            await self.connection.provider.aclose()
