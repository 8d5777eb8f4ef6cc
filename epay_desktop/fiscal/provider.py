"""The fiscal provider interface: what the console needs from any online cash register (ККМ / OFD).

Webkassa (:mod:`epay_desktop.fiscal.webkassa`) is the first adapter; others (Kassa24, reKassa, ukassa)
implement the same Protocol. The rules every adapter keeps (decision 0122):

* ``register_sale`` / ``register_return`` are idempotent on the request's ``external_number``: the
  caller stores it before the first attempt and sends the same one on every retry; a repeat after a
  lost answer returns the receipt registered the first time (``already_registered``), never a second.
* A failure that may have registered the receipt is :class:`~epay_desktop.fiscal.errors.FiscalOutcomeUnknown`
  (never a plain failure); a definite refusal is a :class:`~epay_desktop.fiscal.errors.FiscalRefused`
  whose ``needs_person`` says whether retrying can help.
* A shift opens by itself with the first receipt; ``close_shift`` closes it with the Z report.
* ``receipts`` reads what the register holds of a shift, for the shift's three-way check (decision 0126).
"""

from __future__ import annotations

from typing import Protocol

from epay_desktop.fiscal import models

__all__ = ["FiscalProvider"]


class FiscalProvider(Protocol):
    """One cash register at one fiscal provider, as one cashier login."""

    @property
    def name(self) -> str:
        """The provider's name for people and logs (``Webkassa``)."""
        ...

    async def register_sale(self, sale: models.FiscalSale) -> models.FiscalReceipt:
        """Register a card sale's fiscal receipt (idempotent on ``sale.external_number``)."""
        ...

    async def register_return(self, ret: models.FiscalReturn) -> models.FiscalReceipt:
        """Register a return of a sale (``ret.basis`` names the original receipt)."""
        ...

    async def x_report(self) -> models.ShiftReport:
        """The open shift's totals so far; the shift stays open."""
        ...

    async def close_shift(self) -> models.ShiftReport:
        """Close the shift with a Z report (ShiftAlreadyClosed when none is open)."""
        ...

    async def shift_state(self) -> models.ShiftState:
        """The shift's number, opening, 24-hour limit and the register's offline flag, without closing it;
        when no shift is open, a closed state without a number."""
        ...

    async def receipts(self, shift_number: int) -> tuple[models.RegisterReceipt, ...]:
        """Every receipt the register holds in shift ``shift_number``, in the order registered, whoever
        made it (FiscalNotFound: no such shift)."""
        ...

    async def print_form(
        self, external_number: str, paper: models.PaperKind, languages: tuple[str, str]
    ) -> tuple[models.PrintLine, ...]:
        """The receipt's lines as the provider prints them (``languages``: first and second, ``kk-KZ``...)."""
        ...

    async def aclose(self) -> None:
        """Forget the session (the token) and release the connection pool."""
        ...
