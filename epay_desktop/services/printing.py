"""Receipt printers of the shop and printing a receipt on one (decision 0105).

The shop's printers and each register's default are one shop setting, ``receipt.printers``
(:class:`~epay_desktop.receipts.printers.PrinterBook` as JSON): shared by every counter, changed by a
manager, audited as ``settings.changed`` like the other shop settings.

:meth:`PrintingService.print_receipt` issues the receipt first (numbered and recorded by the receipt
service, exactly as for a PDF), then sends its ESC/POS bytes (drawn for the printer's render profile)
and returns what the printer did (:class:`~epay_desktop.receipts.printers.PrintOutcome`). A print that
fails loses nothing: the receipt stays issued, the outcome says what happened, and printing it again
issues a duplicate. The outcome is audited as ``receipt.printed``. Printer I/O runs in a thread, never
on the event loop.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import replace
from datetime import datetime
from typing import Final

from epay_desktop.domain import User
from epay_desktop.domain import settings_catalog as catalog
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptRecord
from epay_desktop.domain.receipts import ReceiptRequest
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.receipts import ReceiptData
from epay_desktop.receipts.printers import PROBE_SECONDS
from epay_desktop.receipts.printers import Connection
from epay_desktop.receipts.printers import JobWords
from epay_desktop.receipts.printers import PrinterBook
from epay_desktop.receipts.printers import PrinterProfile
from epay_desktop.receipts.printers import PrinterStatus
from epay_desktop.receipts.printers import PrintOutcome
from epay_desktop.receipts.printers import Transport
from epay_desktop.receipts.printers import open_connection
from epay_desktop.receipts.printers import print_job
from epay_desktop.receipts.printers import probe_status
from epay_desktop.services.people.login import require_manager
from epay_desktop.services.receipts import ReceiptService
from epay_desktop.services.shop_settings import checked_shop_value
from epay_desktop.store.db import Store
from epay_desktop.store.tx import Tx

__all__ = [
    "MM58_MAX_DOTS",
    "REPORT_WORDS",
    "TEST_LINE",
    "PrintedReceipt",
    "PrintingService",
    "paper_width",
    "sample_page",
]

log = logging.getLogger(__name__)

#: The one-page test print: the Kazakh letters, a ruler of the printer's columns, and the cut.
TEST_LINE = "Ққ Әә Іі Ңң Ғғ Үү Ұұ Өө Һһ Ёё №"


@dataclass(frozen=True, slots=True)
class PrintedReceipt:
    """A receipt issued for a printer and what the printer did with it; ``pdf``: the same slip as a
    PDF on the printer's roll, when asked for (the receipt dialog shows what was printed)."""

    record: ReceiptRecord
    outcome: PrintOutcome
    pdf: bytes | None = None


#: The widest head of a 58 mm roll: 384 dots at 203 dpi, up to 432 on some; a wider head prints an
#: 80 mm roll (576 dots at 203 dpi, 512 at 180 dpi: Epson TM-T88IV/V).
MM58_MAX_DOTS: Final = 432


def paper_width(printer: PrinterProfile) -> ReceiptWidth:
    """The roll a printer's head prints on, by its dots: up to :data:`MM58_MAX_DOTS` 58 mm, wider 80 mm."""
    return ReceiptWidth.MM58 if printer.render.head_dots <= MM58_MAX_DOTS else ReceiptWidth.MM80


class PrintingService:
    """The shop's receipt printers, and printing receipts on them for this register."""

    def __init__(
        self,
        store: Store,
        clock: Callable[[], datetime],
        register_id: str,
        receipts: ReceiptService,
        *,
        connect: Callable[[Transport], Connection] = open_connection,
        probe_seconds: float = PROBE_SECONDS,
    ) -> None:
        self._store = store
        self._clock = clock
        self.register_id = register_id
        self._receipts = receipts
        self._connect = connect
        self._probe_seconds = probe_seconds  # how long a status answer is waited for

    # -- the shop's printers ---------------------------------------------------------------------

    async def book(self) -> PrinterBook:
        """The shop's printers and the registers' defaults. Raises PrinterError (an unreadable list)."""
        return await self._store.run_read(_book)

    async def printer(self, name: str | None = None) -> PrinterProfile:
        """The printer called ``name``, or this register's default. Raises PrinterError."""
        book = await self.book()
        return book.default_for(self.register_id) if name is None else book.get(name)

    async def save_printer(
        self, actor: User, printer: PrinterProfile, *, default: bool = False
    ) -> PrinterBook:
        """Add ``printer`` (or replace the one of its name); ``default``: make it this register's.
        Managers only (PermissionDenied)."""
        return await self._change(
            actor,
            lambda book: (
                book.with_printer(printer).with_default(self.register_id, printer.name)
                if default
                else book.with_printer(printer)
            ),
        )

    async def remove_printer(self, actor: User, name: str) -> PrinterBook:
        """Forget printer ``name`` (and the defaults naming it). Raises PrinterError, PermissionDenied."""
        return await self._change(actor, lambda book: book.without(name))

    async def set_default(self, actor: User, name: str, register_id: str | None = None) -> PrinterBook:
        """Make ``name`` the default printer of ``register_id`` (this register when None)."""
        return await self._change(
            actor, lambda book: book.with_default(register_id or self.register_id, name)
        )

    async def _change(self, actor: User, change: Callable[[PrinterBook], PrinterBook]) -> PrinterBook:
        now = self._clock()

        def work(tx: Tx) -> PrinterBook:
            refusal = QT_TRANSLATE_NOOP(
                "printing", "Only a manager or an administrator can change the printers."
            )
            current = require_manager(tx, actor, msg("printing", refusal))
            book = change(_book(tx))
            setting = catalog.RECEIPT_PRINTERS
            stored = tx.settings.set(setting.name, checked_shop_value(setting, book.as_text()))
            tx.audit.append(current.id, "settings.changed", "shop", {setting.name: stored}, at=now)
            return book

        return await self._store.run_write(work)

    # -- the printer itself ----------------------------------------------------------------------

    async def status(self, name: str | None = None) -> PrinterStatus:
        """Ask the printer for its status (``DLE EOT``). Raises PrinterError (unknown printer, or one
        that cannot be reached)."""
        printer = await self.printer(name)

        def ask() -> PrinterStatus:
            if not printer.probes:
                return PrinterStatus(answered=False)
            connection = self._connect(printer.transport)
            try:
                return probe_status(connection, self._probe_seconds)
            except OSError:
                return PrinterStatus(answered=False)
            finally:
                connection.close()

        return await asyncio.to_thread(ask)

    async def test_print(self, name: str | None = None) -> PrintOutcome:
        """Print the test page: the printer's name, the Kazakh test line and a ruler of its columns."""
        printer = await self.printer(name)
        data = await asyncio.to_thread(sample_page, printer)
        return await self._send(printer, data)

    async def print_calibration(self, name: str | None = None) -> PrintOutcome:
        """Print the calibration page (``receipts.calibration``): a numbered line per candidate code
        page and the same letters as an image; the manager's answer sets the text mode (0109)."""
        from epay_desktop.receipts.calibration import calibration_page

        printer = await self.printer(name)
        data = await asyncio.to_thread(calibration_page, printer.name, printer.render)
        return await self._send(printer, data)

    async def print_receipt(
        self, actor: User, request: ReceiptRequest, *, printer: str | None = None, with_pdf: bool = False
    ) -> PrintedReceipt:
        """Issue the receipt ``request`` asks for (numbered, recorded, audited:
        :meth:`ReceiptService.issue_receipt`; a second one is a duplicate) and print it on ``printer``
        (this register's default when None), on that printer's roll (the request's width is not used).
        ``with_pdf``: also draw the issued slip as a PDF (:attr:`PrintedReceipt.pdf`), after the print.

        Raises before anything is recorded when the printer is not known (PrinterError) or the receipt
        may not be issued (NotFoundError, RuleViolation). Once issued, the receipt stays: the printer's
        trouble is in the returned outcome, never an exception, and is audited as ``receipt.printed``.
        """
        chosen = await self.printer(printer)
        from epay_desktop.receipts.escpos import escpos_renderer

        escpos = escpos_renderer(lambda _width: chosen.render)  # drawn for this printer
        issued: list[ReceiptData] = []

        def render(receipt: ReceiptData, width: ReceiptWidth) -> bytes:
            issued.append(receipt)  # what was printed, to draw it as a PDF too
            return escpos(receipt, width)

        record, data = await self._receipts.issue_receipt(
            actor, replace(request, width=paper_width(chosen)), render=render
        )
        outcome = await self._send(chosen, data)
        log.info(
            "event=receipt_printed register=%s number=%d printer=%s outcome=%s sent=%d total=%d",
            record.register_id,
            record.number,
            chosen.name,
            outcome.outcome,
            outcome.sent,
            outcome.total,
        )
        details = {
            "receipt_id": record.id,
            "number": record.number,
            "printer": chosen.name,
            "outcome": outcome.outcome.value,
            "sent": outcome.sent,
            "total": outcome.total,
            "said": outcome.summary(),
        }
        now = self._clock()
        await self._store.run_write(
            lambda tx: tx.audit.append(
                actor.id, "receipt.printed", f"payment:{request.invoice_id}", details, at=now
            )
        )
        pdf = await self._receipts.draw(issued[0], record.width) if with_pdf else None
        return PrintedReceipt(record, outcome, pdf)

    async def print_shift_report(
        self, report: ShiftReport, *, lang: ReceiptLanguage | str, name: str | None = None
    ) -> PrintOutcome:
        """Print a shift's X or Z ``report`` on the thermal printer ``name`` (this register's default
        when None), worded in ``lang`` (kk, ru, en), laid out in that printer's columns and mode as a
        receipt is (``receipts.shift_layout``; the audit anchor printed whole; decision 0114).

        Raises PrinterError before anything is sent when the printer is not known (or the list cannot
        be read), ValueError for a language that is none. The printer's trouble is in the returned
        outcome (printed / unknown / failed, out of paper or cover open said, as for a receipt), never
        an exception. Nothing is lost by a failed print: the report is a value the caller keeps (a Z
        report is also kept with its shift: ``ShiftService.report``), so printing it again is the
        same call. Drawing (Pillow in raster mode) and the printer's I/O run in threads."""
        from epay_desktop.receipts.shift_layout import render_shift_escpos

        language = ReceiptLanguage(lang)
        chosen = await self.printer(name)
        data = await asyncio.to_thread(render_shift_escpos, report, chosen.render, language)
        outcome = await self._send(chosen, data, REPORT_WORDS)
        log.info(
            "event=shift_report_printed register=%s shift=%s kind=%s printer=%s outcome=%s sent=%d total=%d",
            report.shift.register_id,
            report.shift.number,
            report.kind.value,
            chosen.name,
            outcome.outcome,
            outcome.sent,
            outcome.total,
        )
        return outcome

    async def _send(
        self, printer: PrinterProfile, data: bytes, words: JobWords | None = None
    ) -> PrintOutcome:
        """One print job, in a thread (printer I/O blocks); ``words``: what a failure says about it
        (a receipt's by default)."""
        return await asyncio.to_thread(
            print_job, printer, data, connect=self._connect, probe_seconds=self._probe_seconds, words=words
        )


#: What a shift report's failed print says: nothing is lost, the report is printed again (no duplicate).
REPORT_WORDS = JobWords(
    msg(
        "printing",
        QT_TRANSLATE_NOOP(
            "printing", "Nothing was printed; the report is kept: print it again when the printer is ready."
        ),
    ),
    msg(
        "printing",
        QT_TRANSLATE_NOOP(
            "printing", "The report may be incomplete; it is kept: print it again when the printer is ready."
        ),
    ),
    msg(
        "printing",
        QT_TRANSLATE_NOOP(
            "printing",
            "Sent to the printer; it cannot say whether it printed: check the paper, and print the report "
            "again if not.",
        ),
    ),
    QT_TRANSLATE_NOOP(
        "printing",
        "The connection to the printer broke after {sent} of {total} bytes ({reason}); the report is "
        "kept: print it again when the printer is ready.",
    ),
)


def _book(tx: Tx) -> PrinterBook:
    return PrinterBook.from_text(catalog.RECEIPT_PRINTERS.read_from(tx.settings))


def sample_page(printer: PrinterProfile) -> bytes:
    """The test print's bytes: the printer's name, the Kazakh test line and a ruler of its columns
    (a line its code page cannot hold goes as an image, as on a receipt)."""
    from epay_desktop.receipts.cells import CellLine
    from epay_desktop.receipts.cells import ReceiptCells
    from epay_desktop.receipts.escpos import escpos_job

    cols = printer.render.columns
    ruler = ("1234567890" * (cols // 10 + 1))[:cols]
    lines = (CellLine(printer.name.center(cols)[:cols], bold=True), CellLine(TEST_LINE), CellLine(ruler))
    return escpos_job(ReceiptCells(cols, printer.render.text_codec, lines), printer.render)
