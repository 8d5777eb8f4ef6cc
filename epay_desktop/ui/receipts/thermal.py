"""The register's thermal receipt printer as the GUI sees it (issue 13, decision 0109).

:class:`ThermalPrinting` is what the screens need of ``services.printing.PrintingService`` (the
shop's printer book, printing a receipt, a test page, the calibration page, a status request);
:func:`register_printer` finds this register's default printer (None: print through the system
dialog as before); :func:`outcome_text` says a print's outcome in the reader's language.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING
from typing import Protocol

from epay_desktop.receipts.printers import PrinterError
from epay_desktop.ui.common.asyncqt import message_text

if TYPE_CHECKING:
    from epay_desktop.domain import User
    from epay_desktop.domain.receipts import ReceiptRequest
    from epay_desktop.receipts.printers import PrinterBook
    from epay_desktop.receipts.printers import PrinterProfile
    from epay_desktop.receipts.printers import PrinterStatus
    from epay_desktop.receipts.printers import PrintOutcome
    from epay_desktop.services.printing import PrintedReceipt

__all__ = ["ThermalPrinting", "outcome_text", "register_printer"]

log = logging.getLogger(__name__)


class ThermalPrinting(Protocol):
    """The printing service as the receipt dialog and the printers page use it."""

    register_id: str

    async def book(self) -> PrinterBook: ...

    async def status(self, name: str | None = None) -> PrinterStatus: ...

    async def print_receipt(
        self, actor: User, request: ReceiptRequest, *, printer: str | None = None, with_pdf: bool = False
    ) -> PrintedReceipt: ...


async def register_printer(printing: ThermalPrinting | None) -> PrinterProfile | None:
    """This register's default thermal printer; None when it has none (or the shop's list cannot be
    read: the system print dialog still prints, and the printers page says what is wrong)."""
    if printing is None:
        return None
    try:
        book = await printing.book()
        name = book.defaults.get(printing.register_id)
        return book.get(name) if name is not None else None
    except PrinterError as exc:
        log.warning("event=printer_book_unreadable error=%s", exc)
        return None


def outcome_text(outcome: PrintOutcome) -> str:
    """What the printer said about a job, each sentence in the reader's language ("" when nothing)."""
    return " ".join(message_text(said) for said in outcome.said)
