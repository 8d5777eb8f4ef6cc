"""Printing a shift report on the fake network printer through ``PrintingService.print_shift_report``
(decision 0114): the Kazakh Z report comes out in the printer's columns and code page with the audit
anchor whole; a printer that runs out of paper under the report says so in the report's words (no
"duplicate": a report is printed again as it is), nothing is lost, and the reprint after a new roll
is the same report printed whole."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from epay_desktop.domain.shifts import ReportKind
from epay_desktop.receipts.printers import Outcome
from epay_desktop.receipts.printers import PaperState
from epay_desktop.receipts.printers import PrinterError
from epay_desktop.receipts.printers import make_profile
from epay_desktop.sandbox.printer.server import FakePrinter
from epay_desktop.services.printing import PrintingService
from tests.receipts.escpos_goldens import SHIFT_ANCHOR
from tests.receipts.escpos_goldens import shift_report


@pytest.fixture
def wide() -> Iterator[FakePrinter]:
    """An 80 mm network printer beside the 58 mm ``fake``."""
    with FakePrinter(576).start_in_thread() as printer:
        yield printer


@pytest.fixture
def printing(fake, wide, printing_with) -> PrintingService:
    """This register's default "front" (58 mm, KZ-1048) and a named 80 mm raster printer "office"."""
    return printing_with(
        make_profile("front", f"network:{fake.host}:{fake.port}", "58", "kz1048"),
        make_profile("office", f"network:{wide.host}:{wide.port}", "80", "raster"),
    )


def test_a_kazakh_z_report_prints_on_the_registers_printer_in_its_columns(printing, fake):
    outcome = asyncio.run(printing.print_shift_report(shift_report(), lang="kk"))

    assert outcome.outcome is Outcome.PRINTED and outcome.said == () and outcome.printer == "front"
    [job] = fake.wait_for_jobs(1)
    assert job.printout is not None and job.error is None and len(job.printout.cuts) == 1
    lines = job.printout.lines
    text = job.printout.text
    assert "Z-ЕСЕП" in text and "Ауысым жабылды" in text and "БАНКПЕН САЛЫСТЫРУ" in text
    assert "Айгерім Сәтбаева" in text and "Қасымұлы" in text and "?" not in text
    assert any(line.startswith("ТАЗА ТҮСІМ") and line.endswith("710 000,50 тг") for line in lines)
    assert SHIFT_ANCHOR in lines[next(i for i, line in enumerate(lines) if "бақылау белгісі" in line) + 1]
    assert max(len(line) for line in lines) <= 32  # the 58 mm printer's columns


def test_a_named_printer_prints_the_report_in_russian_as_an_image(printing, wide, fake):
    outcome = asyncio.run(printing.print_shift_report(shift_report(ReportKind.X), lang="ru", name="office"))

    assert outcome.outcome is Outcome.PRINTED and outcome.printer == "office"
    [job] = wide.wait_for_jobs(1)
    assert job.printout is not None and job.printout.image.width == 576 and len(job.printout.cuts) == 1
    assert job.printout.lines == []  # raster: no text line, every line drawn
    assert fake.jobs == []


def test_out_of_paper_under_the_report_is_said_and_the_reprint_is_the_whole_report(printing, fake):
    report = shift_report()
    fake.set_trouble(paper_out_after_bytes=600)

    first = asyncio.run(printing.print_shift_report(report, lang="kk"))

    assert first.outcome is Outcome.FAILED and first.after is not None
    assert first.after.paper is PaperState.OUT
    assert first.summary() == (
        "The printer is out of paper: load a new roll. The report may be incomplete; it is kept: print it "
        "again when the printer is ready."
    )
    [cut_short] = fake.wait_for_jobs(1)
    assert (
        cut_short.printout is not None and cut_short.printout.lost_bytes > 0 and not cut_short.printout.cuts
    )

    before_paper = asyncio.run(printing.print_shift_report(report, lang="kk"))
    assert before_paper.outcome is Outcome.FAILED and before_paper.sent == 0
    assert "Nothing was printed; the report is kept" in before_paper.summary()

    fake.load_paper()
    again = asyncio.run(printing.print_shift_report(report, lang="kk"))

    assert again.outcome is Outcome.PRINTED and again.said == ()
    whole = fake.wait_for_jobs(3)[2]
    assert whole.printout is not None and whole.printout.lost_bytes == 0 and len(whole.printout.cuts) == 1
    assert bytes(whole.data) == bytes(cut_short.data)  # the same report, printed again whole
    assert SHIFT_ANCHOR in whole.printout.text


def test_an_unknown_printer_is_refused_before_anything_is_sent(printing, fake, wide):
    with pytest.raises(PrinterError):
        asyncio.run(printing.print_shift_report(shift_report(), lang="kk", name="nowhere"))
    with pytest.raises(ValueError):
        asyncio.run(printing.print_shift_report(shift_report(), lang="de"))
    assert fake.jobs == [] and wide.jobs == []
