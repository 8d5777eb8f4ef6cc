"""The ESC/POS byte goldens: which receipts, and a reader that splits a job into what it prints.

Cases: a sale and a refund receipt with every Kazakh letter (ә ғ қ ң ө ұ ү һ і) in the shop's name
and address, in kk, ru and en, on 58 and 80 mm, in each mode (kz1048, hybrid with cp866, raster);
the fiscal receipts (decision 0125): the Kazakh sale (registered offline) and the Russian return, on 58
and 80 mm in each mode; and a shift's Z report in Kazakh (cashiers' names with Kazakh letters, the bank's
differences, a payment not checked, the audit anchor) on 58 and 80 mm in each mode (decision 0114).
Each case has ``goldens/<case>.bin`` (the exact bytes) and ``goldens/<case>.txt`` (what the bytes
print, one entry a line: text as decoded, images as their size; for review in a diff).

Regenerate them after a deliberate change (then read the .txt diff)::

    .venv-dev/bin/python -m tests.receipts.escpos_goldens
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import replace
from datetime import UTC
from datetime import datetime
from pathlib import Path

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import shifts
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.fiscal.models import vat_included
from epay_desktop.receipts.data import FiscalPart
from epay_desktop.receipts.data import ReceiptData
from epay_desktop.receipts.escpos import render_escpos
from epay_desktop.receipts.escpos_profile import RenderProfile
from epay_desktop.receipts.escpos_profile import TextMode
from epay_desktop.receipts.escpos_profile import render_profile
from epay_desktop.receipts.shift_layout import render_shift_escpos
from epay_desktop.services.shifts.fiscal_check import WHAT_TO_DO

GOLDENS = Path(__file__).parent / "goldens"
SHOP_NAME = "ЖШС «Әлем Ғажайып Қоңыр Өнім»"
SHOP_ADDRESS = "Алматы қ., Ұлы Дала даңғылы 1, Үй Шаһар"
KAZAKH_LETTERS = "әғқңөұүһі"


def receipt(kind: ReceiptKind, language: ReceiptLanguage) -> ReceiptData:
    """A fixed production receipt (no test banner) of ``kind`` in ``language``."""
    refund = kind is ReceiptKind.REFUND
    return ReceiptData(
        shop_name=SHOP_NAME,
        shop_bin="131240010479",
        shop_address=SHOP_ADDRESS,
        register_id="KASSA-1",
        number=43 if refund else 42,
        kind=kind,
        cashier="Айгерім Сәтбаева",
        when=datetime(2025, 3, 1, 19, 30, tzinfo=UTC),
        invoice_id=InvoiceId("000123456"),
        paid=Money(1_250_050),
        status=ConsoleStatus.CHARGE,
        language=language,
        card_mask="440563...5096",
        card_type="VISA",
        approval_code="A1B2C3",
        rrn="406112345678",
        refunded=Money(250_000) if refund else None,
        this_refund=Money(250_000) if refund else None,
        remaining=Money(1_000_050) if refund else None,
        refund_id="3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b" if refund else None,
        refund_reason="goods_returned" if refund else None,
        approved_by="Ерлан Нұрланұлы" if refund else None,
    )


class OnARoll:
    """A golden printed on a roll (``width``) in a mode: the printer profile it is drawn for."""

    __slots__ = ()
    width: ReceiptWidth
    mode: TextMode

    @property
    def profile(self) -> RenderProfile:
        return render_profile(self.width, self.mode)


@dataclass(frozen=True, slots=True)
class Case(OnARoll):
    kind: ReceiptKind
    language: ReceiptLanguage
    width: ReceiptWidth
    mode: TextMode

    @property
    def name(self) -> str:
        return f"{self.kind.value}-{self.language.value}-{self.width.value}-{self.mode.value}"

    @property
    def data(self) -> ReceiptData:
        return receipt(self.kind, self.language)

    def render(self) -> bytes:
        return render_escpos(self.data, self.profile)


CASES = [
    Case(kind, language, width, mode)
    for kind in (ReceiptKind.SALE, ReceiptKind.REFUND)
    for language in ReceiptLanguage
    for width in (ReceiptWidth.MM58, ReceiptWidth.MM80)
    for mode in TextMode
]

#: The fiscal sale's registration (decision 0125): an offline one, so the mark prints too.
FISCAL_SIGN, SALE_SIGN = "2026000007", "2026000003"
TICKET_URL = "http://ctest.wofd.kz/consumer?i={sign}&f=032600000001&s={total}&t=20250301T193005"


def fiscal_part(kind: ReceiptKind) -> FiscalPart:
    """The fixed fiscal part of a sale (12 500,50 ₸, registered offline) or of its 2 500,00 ₸ return."""
    refund = kind is ReceiptKind.REFUND
    amount = Money(250_000 if refund else 1_250_050)
    sign = FISCAL_SIGN if refund else SALE_SIGN
    return FiscalPart(
        fiscal_sign=sign,
        registration_number="032600000001",
        cashbox_number="SWK00000001",
        shift_number=12,
        order_number=7 if refund else 3,
        registered_at=datetime(2025, 3, 1, 14, 30, 5, tzinfo=UTC),
        ofd_name='ТОО "Smartcontract" (WOFD)',
        ticket_url=TICKET_URL.format(sign=sign, total=amount.to_decimal()),
        offline=not refund,
        vat_percent=16,
        vat=vat_included(amount, 16),
        sale_sign=SALE_SIGN if refund else None,
    )


@dataclass(frozen=True, slots=True)
class FiscalCase(Case):
    """A fiscal receipt (``fiscal-sale-kk-58-kz1048``): the Kazakh sale and the Russian return."""

    @property
    def name(self) -> str:
        return f"fiscal-{self.kind.value}-{self.language.value}-{self.width.value}-{self.mode.value}"

    @property
    def data(self) -> ReceiptData:
        return replace(receipt(self.kind, self.language), fiscal=fiscal_part(self.kind))


FISCAL_CASES = [
    FiscalCase(kind, language, width, mode)
    for kind, language in ((ReceiptKind.SALE, ReceiptLanguage.KK), (ReceiptKind.REFUND, ReceiptLanguage.RU))
    for width in (ReceiptWidth.MM58, ReceiptWidth.MM80)
    for mode in TextMode
]

#: The anchor of the sample Z report (printed whole, wrapped on no width: 30 characters).
SHIFT_ANCHOR = "audit 1234 3f2a-9c01-77be-0d4c"


def shift_report(kind: shifts.ReportKind = shifts.ReportKind.Z) -> shifts.ShiftReport:
    """A fixed Z (or X) report of shift KASSA-1/12: two cashiers with Kazakh names, VISA and
    Mastercard, a hold, a refund, two differences the bank check found, a payment taken during the
    check, a refund made outside the console, and the audit anchor."""
    opened = datetime(2025, 3, 1, 4, 0, tzinfo=UTC)
    closed = datetime(2025, 3, 1, 15, 30, tzinfo=UTC)
    z = kind is shifts.ReportKind.Z
    shift = shifts.Shift(7, "KASSA-1", 12, opened, 1, closed if z else None, 2 if z else None, None)
    kinds = shifts.FigureKind
    lines = [
        shifts.ShiftLine(kinds.SALES, 1, "VISA", 3, 1_250_050),
        shifts.ShiftLine(kinds.REFUNDS, 1, "VISA", 1, 250_000),
        shifts.ShiftLine(kinds.SALES, 3, "MASTERCARD", 2, 70_000_000),
        shifts.ShiftLine(kinds.HOLDS, 3, "MASTERCARD", 1, 50_000),
    ]
    names = {1: "Айгерім Сәтбаева", 3: "Ержан Қасымұлы"}
    late = "payment {invoice}: taken during the bank check; check it with the bank"
    bank = shifts.BankCheck(
        6,
        4,
        (
            shifts.BankDifference("000123456", "refunded", "0.00", "2500.00"),
            shifts.BankDifference("000123457", "status", "AUTH", "CHARGE"),
        ),
        (shifts.Note.of("late", late, invoice="000123460"),),
        (shifts.BankDifference("000123458", "external_refund", "-", "500.00"),),
    )
    figures = (
        shifts.Totals.of(lines),
        shifts.group_totals(lines, "cashier_id", names),
        shifts.group_totals(lines, "brand", {}),
    )
    report = shifts.ShiftReport(kind, shift, closed, closed, *figures, unresolved=1, opened_by_name=names[1])
    if not z:
        return report
    return replace(report, closed_by_name="Данияр Әбілқайыр", bank=bank, anchor=SHIFT_ANCHOR)


@dataclass(frozen=True, slots=True)
class ShiftCase(OnARoll):
    """A Kazakh Z report on one roll in one mode (the golden's name: ``shift-z-kk-58-kz1048``)."""

    width: ReceiptWidth
    mode: TextMode
    language: ReceiptLanguage = ReceiptLanguage.KK

    @property
    def name(self) -> str:
        return f"shift-z-{self.language.value}-{self.width.value}-{self.mode.value}"

    def render(self) -> bytes:
        return render_shift_escpos(shift_report(), self.profile, self.language)


SHIFT_CASES = [
    ShiftCase(width, mode) for width in (ReceiptWidth.MM58, ReceiptWidth.MM80) for mode in TextMode
]


def _mismatch(
    what: shifts.MismatchKind, number: str, invoice: str, bank: str, held: str, sign: str = ""
) -> shifts.FiscalMismatch:
    operation = "return" if number.startswith("epd-ret-") else "sale"
    return shifts.FiscalMismatch(what.value, number, invoice, operation, bank, held, WHAT_TO_DO[what], sign)


def fiscal_check() -> shifts.FiscalCheck:
    """The sample Z report's three-way check (decision 0126): one mismatch of each kind, with what to
    do, and the fiscal register's Z report of its shift 31."""
    kind = shifts.MismatchKind
    mismatches = (
        _mismatch(kind.MISSING, "epd-sale-000123461", "000123461", "3000.00", "-"),
        _mismatch(kind.PENDING, "epd-ret-7d9c1e4a-0b6f-4c55-9d1e-2f0a6b8c4e31", "000123456", "250.00", "-"),
        _mismatch(kind.NEEDS_PERSON, "epd-sale-000123462", "000123462", "1560.00", "-"),
        _mismatch(kind.UNEXPLAINED, "webkassa-manual-0001", "", "-", "5000.00", "2026000014"),
        _mismatch(kind.AMOUNT, "epd-sale-000123455", "000123455", "2340.00", "2430.00", "2026000003"),
    )
    register = shifts.RegisterFigures(31, True, 14, 12, 71_240_050, 2, 275_000)
    return shifts.FiscalCheck("Webkassa", 14, 13, mismatches, register)


@dataclass(frozen=True, slots=True)
class ShiftFiscalCase(ShiftCase):
    """The Z report with the fiscal register's check, in Russian (``shift-z-fiscal-ru-58-hybrid``)."""

    language: ReceiptLanguage = ReceiptLanguage.RU

    @property
    def name(self) -> str:
        return f"shift-z-fiscal-{self.language.value}-{self.width.value}-{self.mode.value}"

    def render(self) -> bytes:
        report = replace(shift_report(), fiscal=fiscal_check())
        return render_shift_escpos(report, self.profile, self.language)


#: The three-way close's goldens (decision 0126); the Z reports without a fiscal register are SHIFT_CASES'.
SHIFT_FISCAL_CASES = [
    ShiftFiscalCase(ReceiptWidth.MM58, TextMode.HYBRID),
    ShiftFiscalCase(ReceiptWidth.MM80, TextMode.KZ1048),
]


@dataclass(frozen=True, slots=True)
class Printed:
    """One thing a job prints: a text line (raw bytes, with the styles on) or a ``GS v 0`` image."""

    text: bytes | None = None
    bold: bool = False
    tall: bool = False
    image_bytes_wide: int = 0
    image_rows: int = 0
    image_data: bytes = b""


@dataclass(frozen=True, slots=True)
class Job:
    printed: list[Printed]
    commands: list[bytes]  # every command, in order, without text or image data

    def texts(self, codec: str) -> list[str]:
        return [p.text.decode(codec) for p in self.printed if p.text is not None]

    def images(self) -> list[Printed]:
        return [p for p in self.printed if p.text is None]


_FIXED = {b"\x1b@": 0, b"\x1c.": 0, b"\x1b3": 1, b"\x1bt": 1, b"\x1bE": 1, b"\x1bJ": 1, b"\x1bd": 1}
_FIXED |= {b"\x1ba": 1, b"\x1d!": 1, b"\x1dV": 1}


def read_job(job: bytes) -> Job:
    """Split ``job`` into what it prints. Raises AssertionError on any byte it does not expect, so a
    stray control byte or an unknown command fails the test that reads it."""
    printed: list[Printed] = []
    commands: list[bytes] = []
    bold = tall = False
    i, line = 0, bytearray()
    while i < len(job):
        two = job[i : i + 2]
        if two in _FIXED:
            cmd = job[i : i + 2 + _FIXED[two]]
            commands.append(cmd)
            bold = cmd[2] == 1 if two == b"\x1bE" else bold
            tall = cmd[2] == 1 if two == b"\x1d!" else tall
            i += len(cmd)
        elif job[i : i + 4] == b"\x1dv0\x00":
            wide, rows = (
                int.from_bytes(job[i + 4 : i + 6], "little"),
                int.from_bytes(job[i + 6 : i + 8], "little"),
            )
            data = job[i + 8 : i + 8 + wide * rows]
            assert len(data) == wide * rows, f"GS v 0 at {i}: {len(data)} of {wide * rows} bytes"
            printed.append(Printed(image_bytes_wide=wide, image_rows=rows, image_data=data))
            commands.append(job[i : i + 8])
            i += 8 + wide * rows
        elif two == b"\x1d(":
            size = int.from_bytes(job[i + 3 : i + 5], "little")
            commands.append(job[i : i + 5 + size])
            i += 5 + size
        elif job[i] == 0x0A:
            printed.append(Printed(text=bytes(line), bold=bold, tall=tall))
            line.clear()
            i += 1
        else:
            assert job[i] >= 0x20, f"control byte {job[i]:#04x} at {i}: {job[i : i + 8]!r}"
            line += job[i : i + 1]
            i += 1
    assert not line, f"text never ended by LF: {bytes(line)!r}"
    return Job(printed, commands)


def dump(case: Case | ShiftCase, job: bytes) -> str:
    """What ``job`` prints, for the .txt golden: decoded text lines, images by size."""
    codec = case.profile.text_codec
    out = [f"# {case.name}: {len(job)} bytes, {case.profile.columns} columns, codec {codec or '-'}"]
    for p in read_job(job).printed:
        if p.text is None:
            out.append(f"[image {p.image_bytes_wide * 8}x{p.image_rows}]")
        else:
            style = ("B" if p.bold else "-") + ("T" if p.tall else "-")
            out.append(f"{style}|{p.text.decode(codec or 'ascii')}")
    return "\n".join(out) + "\n"


def main() -> None:
    GOLDENS.mkdir(exist_ok=True)
    cases = [*CASES, *FISCAL_CASES, *SHIFT_CASES, *SHIFT_FISCAL_CASES]
    for case in cases:
        write_golden(case)
    print(f"wrote {len(cases)} ESC/POS goldens to {GOLDENS}")


def write_golden(case: Case | ShiftCase) -> None:
    """The case's bytes and what they print (``.bin``, ``.txt``)."""
    job = case.render()
    (GOLDENS / f"{case.name}.bin").write_bytes(job)
    (GOLDENS / f"{case.name}.txt").write_text(dump(case, job), encoding="utf-8")


if __name__ == "__main__":
    main()
