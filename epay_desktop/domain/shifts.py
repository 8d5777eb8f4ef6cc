"""A shift at one register (cash desk), and its X and Z reports as plain values (decisions 0107, 0108).

A shift is opened by anyone signed in at the register and closed by a manager (or by a cashier with
a manager signing in to close it); at most one is open per register (the database enforces it).
What belongs to a shift: the payments created at its register between its opening and its close,
and the money operations (charge, cancel, refund) on payments of that register whose intent was
made in that time. What moved at the register while none of its shifts was open is shown by its next
shift's reports beside their figures (:class:`OutsideShifts`, decision 0145).

The reports are data, not drawings: :class:`ShiftReport` holds the totals (overall, per cashier,
per card brand), the bank check's differences and the audit anchor, and its sentences as
:class:`Note` values (a key and values beside the English text); the CLI, the CSV and PDF writers
and the thermal printer draw it in the reader's language from one layout (``receipts.shift_layout``,
decision 0114). :meth:`ShiftReport.to_json` /
:meth:`ShiftReport.from_json` keep a Z report so it can be printed again. Standard library only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from enum import StrEnum
from typing import Any
from typing import Final

from epay_desktop.domain.errors import RuleViolation
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Message
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.money import Money
from epay_desktop.domain.records import OpKind
from epay_desktop.domain.settings_catalog import SHIFT_BANK_CHECK
from epay_desktop.domain.settings_catalog import SHIFT_CASHIER_CLOSE
from epay_desktop.domain.settings_catalog import SHIFT_FOR_PAYMENT
from epay_desktop.domain.settings_catalog import SHIFT_WARN_HOURS
from epay_desktop.domain.settings_catalog import KeyValues
from epay_desktop.domain.words import KIND_WORDS

__all__ = [
    "SHIFT_REQUIRED",
    "SHIFT_REQUIRED_FOR_MONEY",
    "SHIFT_WARN_AFTER",
    "BankCheck",
    "BankDifference",
    "BankFigures",
    "Figure",
    "FigureKind",
    "FiscalCheck",
    "FiscalMismatch",
    "FoundEarlier",
    "GroupTotals",
    "MismatchKind",
    "NoOpenShift",
    "Note",
    "OutsideOperation",
    "OutsideShifts",
    "RegisterFigures",
    "ReportKind",
    "Shift",
    "ShiftAlreadyOpen",
    "ShiftLine",
    "ShiftReport",
    "ShiftRequired",
    "ShiftRules",
    "Totals",
    "chain_note",
    "group_totals",
    "overdue_warning",
]

#: A shift open this long is flagged unless the shop's rules say otherwise (:attr:`ShiftRules.warn_after`).
SHIFT_WARN_AFTER: Final = timedelta(hours=SHIFT_WARN_HOURS.default)
_CURRENCY: Final = "KZT"  # the console takes tenge only; a shift's figures are in tenge


class NoOpenShift(RuleViolation):
    """The register has no open shift (open one first)."""

    def __init__(self, user_message: str | Message, register_id: str = "") -> None:
        super().__init__(user_message)
        self.register_id = register_id  # the register found with none open ("": not said)

    @classmethod
    def at(cls, register_id: str) -> NoOpenShift:
        return cls(
            msg(
                "shifts",
                QT_TRANSLATE_NOOP(
                    "shifts", "Register {register_id} has no open shift: open one first (shift open)."
                ),
                register_id=register_id,
            ),
            register_id,
        )


class ShiftAlreadyOpen(RuleViolation):
    """A shift is already open at the register; close it before opening another."""

    @classmethod
    def at(cls, register_id: str, number: int) -> ShiftAlreadyOpen:
        return cls(
            msg(
                "shifts",
                QT_TRANSLATE_NOOP(
                    "shifts",
                    "Shift {number} is already open at register {register_id}: close it before "
                    "opening another.",
                ),
                register_id=register_id,
                number=number,
            )
        )


class ShiftRequired(NoOpenShift):
    """The shop takes payments and moves money only during a shift (:attr:`ShiftRules.payment_needs_shift`)
    and the register has none open: nothing was started, nothing sent (decisions 0117, 0132)."""

    @classmethod
    def at(cls, register_id: str, kind: OpKind | None = None) -> ShiftRequired:
        """Refused at ``register_id``: a new payment (``kind`` None, :data:`SHIFT_REQUIRED`), or a
        charge, cancel or refund (:data:`SHIFT_REQUIRED_FOR_MONEY`)."""
        if kind is None:
            return cls(msg("shifts", SHIFT_REQUIRED, register_id=register_id), register_id)
        words = msg("shifts", SHIFT_REQUIRED_FOR_MONEY, register_id=register_id, kind=KIND_WORDS[kind])
        return cls(words, register_id)


#: Why a payment was refused: no open shift where the rules want one (:class:`ShiftRequired`).
SHIFT_REQUIRED: Final = QT_TRANSLATE_NOOP(
    "shifts",
    "No shift is open at register {register_id}, and this shop takes payments only during a shift: "
    "open a shift first (Shift → Open shift).",
)
#: Why a charge, cancel or refund was refused before anything was sent (:class:`ShiftRequired`).
SHIFT_REQUIRED_FOR_MONEY: Final = QT_TRANSLATE_NOOP(
    "shifts",
    "No shift is open at register {register_id}, and this shop moves money only during a shift: open a "
    "shift first (Shift → Open shift), then make this {kind}. Nothing was sent to the bank.",
)


@dataclass(frozen=True, slots=True)
class ShiftRules:
    """The shop's shift rules (Settings → Shifts, shared by every counter; decision 0117), each a
    declared shop setting (domain/settings_catalog.py):

    * ``warn_after_hours``: a shift open this long or longer is warned about (default 24);
    * ``cashier_may_close``: a cashier closes with a manager signing in (default); False: only a
      manager closes;
    * ``bank_check_required``: the Z report's bank check runs at every close (default); False: the
      one closing may skip it and the Z report says it was not checked with the bank;
    * ``payment_needs_shift``: a new payment, and a charge, cancel or refund at the register, is
      refused while no shift is open there (default False; decisions 0117, 0132).
    """

    warn_after_hours: int = SHIFT_WARN_HOURS.default
    cashier_may_close: bool = SHIFT_CASHIER_CLOSE.default == "yes"
    bank_check_required: bool = SHIFT_BANK_CHECK.default == "yes"
    payment_needs_shift: bool = SHIFT_FOR_PAYMENT.default == "yes"

    @property
    def warn_after(self) -> timedelta:
        return timedelta(hours=self.warn_after_hours)

    @classmethod
    def read_from(cls, values: KeyValues) -> ShiftRules:
        """The rules as stored (the shop database's ``tx.settings``); a declared default where none is."""
        return cls(
            warn_after_hours=SHIFT_WARN_HOURS.read_from(values),
            cashier_may_close=SHIFT_CASHIER_CLOSE.read_from(values) == "yes",
            bank_check_required=SHIFT_BANK_CHECK.read_from(values) == "yes",
            payment_needs_shift=SHIFT_FOR_PAYMENT.read_from(values) == "yes",
        )


@dataclass(frozen=True, slots=True)
class Shift:
    """One shift of one register; ``number`` counts the register's shifts 1, 2, 3... without gaps."""

    id: int
    register_id: str
    number: int
    opened_at: datetime
    opened_by: int
    closed_at: datetime | None
    closed_by: int | None  # the manager who closed it
    close_requested_by: int | None  # the cashier who asked a manager to close it, if one did

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def label(self) -> str:
        """``till-1/7``: the register and the shift's number, as printed."""
        return f"{self.register_id}/{self.number}"

    def overdue(self, now: datetime, after: timedelta = SHIFT_WARN_AFTER) -> bool:
        """Open ``after`` or longer (the shop's :attr:`ShiftRules.warn_after`)."""
        return self.is_open and now - self.opened_at >= after


class Note(str):
    """A sentence a report carries (a warning, why a payment was not checked, why the audit chain is
    not intact), as English text with the ``key`` and ``values`` it was made from, so every renderer
    words it in the report's language (``receipts.shift_texts``; decision 0114).

    It is the English ``str`` itself (logs, the CLI's stderr, comparisons and older readers are
    unchanged). A note read back from a report kept before notes had keys has the key ``""``: its
    text is printed as it was written.
    """

    key: str
    values: Mapping[str, str]

    def __new__(cls, text: str, key: str = "", values: Mapping[str, object] | None = None) -> Note:
        note = super().__new__(cls, text)
        note.key = key
        note.values = {name: str(value) for name, value in (values or {}).items()}
        return note

    @classmethod
    def of(cls, key: str, template: str, /, **values: object) -> Note:
        """The note ``key`` whose English text is ``template`` filled with ``values``."""
        return cls(template.format(**values), key, values)

    def __reduce__(self) -> tuple[type[Note], tuple[str, str, dict[str, str]]]:
        return (Note, (str(self), self.key, dict(self.values)))

    def as_json(self) -> dict[str, Any]:
        return {"text": str(self), "key": self.key, "values": dict(self.values)}

    @classmethod
    def from_json(cls, data: str | dict[str, Any]) -> Note:
        """A note as :meth:`as_json` wrote it, or the plain text an older report kept."""
        if isinstance(data, str):
            return cls(data)
        return cls(data["text"], data.get("key", ""), data.get("values") or {})


def overdue_warning(shift: Shift, now: datetime, after: timedelta) -> Note | None:
    """The warning for a shift open ``after`` (the shop's :attr:`ShiftRules.warn_after`) or longer
    (None otherwise)."""
    if not shift.overdue(now, after):
        return None
    hours = int((now - shift.opened_at).total_seconds() // 3600)
    text = msg(
        "shifts",
        QT_TRANSLATE_NOOP(
            "shifts", "Shift {shift} has been open for {hours} hours: close it with a Z report."
        ),
        shift=shift.label,
        hours=hours,
    ).text()
    return Note(text, "overdue", {"shift": shift.label, "hours": hours})


def chain_note(problem: str, entry: int | None) -> Note:
    """Why a Z report has no audit anchor: the chain is not intact at ``entry``. ``problem`` says how
    in English (kept whole: the English report prints it); the other languages name the entry."""
    text = problem or "the audit chain is not intact"
    return Note(text, "chain_broken" if entry is not None else "", {"entry": entry} if entry else {})


class ReportKind(StrEnum):
    X = "X"  # during the shift: nothing is changed
    Z = "Z"  # at the close: stored with the shift


class FigureKind(StrEnum):
    """What a report counts. ``sales``: payments paid in one step; ``holds``: payments authorised on
    a two-step terminal (held); ``charges``, ``cancels``, ``refunds``: the console's money operations
    that succeeded. Net = sales + charges - refunds (what the shop took)."""

    SALES = "sales"
    HOLDS = "holds"
    CHARGES = "charges"
    CANCELS = "cancels"
    REFUNDS = "refunds"


@dataclass(frozen=True, slots=True)
class ShiftLine:
    """One group the database summed: a kind, a cashier, a card brand ("" unknown), count and total."""

    kind: FigureKind
    cashier_id: int | None
    brand: str
    count: int
    total_minor: int


@dataclass(frozen=True, slots=True)
class Figure:
    kind: FigureKind
    count: int
    total: Money


@dataclass(frozen=True, slots=True)
class Totals:
    """A count and a total for every :class:`FigureKind`, in that order, and the net."""

    figures: tuple[Figure, ...]

    @classmethod
    def of(cls, lines: Iterable[ShiftLine]) -> Totals:
        counts = dict.fromkeys(FigureKind, 0)
        totals = dict.fromkeys(FigureKind, 0)
        for line in lines:
            counts[line.kind] += line.count
            totals[line.kind] += line.total_minor
        return cls(tuple(Figure(kind, counts[kind], Money(totals[kind], _CURRENCY)) for kind in FigureKind))

    def __getitem__(self, kind: FigureKind) -> Figure:
        return self.figures[list(FigureKind).index(kind)]

    @property
    def net_minor(self) -> int:
        """What the shop took, in tiyn: sales and charges less refunds (below zero when the refunds
        of a shift exceed what it took)."""
        taken = self[FigureKind.SALES].total.minor + self[FigureKind.CHARGES].total.minor
        return taken - self[FigureKind.REFUNDS].total.minor

    def net_text(self) -> str:
        """The net as decimal text with a dot and, below zero, a minus: ``3600.00``, ``-300.00``."""
        sign = "-" if self.net_minor < 0 else ""
        return sign + Money(abs(self.net_minor), _CURRENCY).plain()


@dataclass(frozen=True, slots=True)
class GroupTotals:
    """The totals of one cashier or one card brand; ``name`` as printed."""

    name: str
    totals: Totals


def group_totals(lines: list[ShiftLine], key: str, names: Mapping[Any, str]) -> tuple[GroupTotals, ...]:
    """The lines' totals per ``key`` (``cashier_id`` or ``brand``), named by ``names`` (the key itself
    when missing), sorted by name."""
    keys = sorted({getattr(line, key) for line in lines}, key=lambda k: names.get(k, str(k)))
    return tuple(
        GroupTotals(names.get(k, str(k)), Totals.of(line for line in lines if getattr(line, key) == k))
        for k in keys
    )


@dataclass(frozen=True, slots=True)
class BankDifference:
    """The console and the bank disagree about one payment: ``what`` is ``status``, ``charged`` or
    ``refunded``; the two values as printed (a status name, or an amount ``1234.56``)."""

    invoice_id: str
    what: str
    console: str
    bank: str


@dataclass(frozen=True, slots=True)
class BankFigures:
    """The bank's totals for the shift's payments, from the check-status answers (decision 0118), in
    tiyn: ``charged`` (its sales and the holds it charged) and ``refunded``, of the ``payments`` it
    answered about. A payment begun before the shift counts what the bank did to it beyond what the
    console had counted by the shift's opening. Set beside the console's by :meth:`beside`."""

    charged_minor: int
    refunded_minor: int
    payments: int

    @property
    def net_minor(self) -> int:
        return self.charged_minor - self.refunded_minor

    def beside(self, totals: Totals) -> tuple[tuple[str, int, int], ...]:
        """``(what, console, bank)`` in tiyn for ``charged``, ``refunded`` and ``net``: the console's
        side is ``totals`` in the same terms (its sales and charges; its own refunds; its net)."""
        charged = totals[FigureKind.SALES].total.minor + totals[FigureKind.CHARGES].total.minor
        return (
            ("charged", charged, self.charged_minor),
            ("refunded", totals[FigureKind.REFUNDS].total.minor, self.refunded_minor),
            ("net", totals.net_minor, self.net_minor),
        )


@dataclass(frozen=True, slots=True)
class FoundEarlier:
    """A difference an earlier bank check of the shift found (an X report's, or a close that was
    stopped: ``by`` is ``X`` or ``Z``) at ``found_at``; the check took the bank's answer then, so a
    later check no longer finds it. Every report of the shift lists it (decision 0118)."""

    difference: BankDifference
    found_at: datetime
    by: str = "X"


@dataclass(frozen=True, slots=True)
class BankCheck:
    """Check-status for every payment of the shift: how many were asked (``checked`` of ``total``),
    every difference the check found, the payments that could not be checked (one line each, why),
    and the differences the console's books hold open for the shift's payments after the check (found
    now or earlier, e.g. by an X report's check: ``what`` is the discrepancy's kind, such as
    ``external_refund``; a manager resolves them). ``figures``: the bank's totals for the payments
    it answered about (None in a report kept before they were added)."""

    total: int
    checked: int
    differences: tuple[BankDifference, ...] = ()
    unchecked: tuple[Note, ...] = ()
    open_in_books: tuple[BankDifference, ...] = ()
    figures: BankFigures | None = None


class MismatchKind(StrEnum):
    """What the three-way check found wrong with one receipt (decision 0126).

    ``missing``: the bank confirmed a sale or refund, the register holds no receipt for it (and the
    journal has none pending); ``pending``: its receipt is being registered (asked again by itself);
    ``needs_person``: the register refused it for a reason only a person removes; ``unexplained``: the
    register holds a receipt no confirmed bank operation explains; ``amount``: the receipt's total is
    not what the bank took."""

    MISSING = "missing"
    PENDING = "pending"
    NEEDS_PERSON = "needs_person"
    UNEXPLAINED = "unexplained"
    AMOUNT = "amount"


@dataclass(frozen=True, slots=True)
class FiscalMismatch:
    """One receipt the console, the bank and the fiscal register do not agree on. ``operation`` is
    ``sale`` or ``return``; ``bank`` and ``fiscal`` the amounts as kept (``1234.56``; ``-`` none);
    ``invoice_id`` empty for a receipt no payment of ours explains; ``check_number`` the register's
    fiscal sign (empty: it holds none); ``todo`` what to do, worded in the report's language."""

    kind: str
    external_number: str
    invoice_id: str
    operation: str
    bank: str
    fiscal: str
    todo: Note
    check_number: str = ""


@dataclass(frozen=True, slots=True)
class RegisterFigures:
    """The fiscal register's own report of its shift: its Z report when this close closed it
    (``closed``), else its X report; sales and returns as counts and tiyn."""

    shift_number: int
    closed: bool
    documents: int
    sales_count: int
    sales_minor: int
    returns_count: int
    returns_minor: int

    @property
    def net_minor(self) -> int:
        return self.sales_minor - self.returns_minor


@dataclass(frozen=True, slots=True)
class FiscalCheck:
    """The fiscal side of a report (decision 0126): the console's confirmed sales and refunds of the
    shift (``expected``) set against the receipts the register holds (``receipts``, of the shifts of
    the register the shift overlaps), every mismatch with what to do, and the register's report
    (None: it could not be read). ``problem``: why the fiscal part could not be checked (the register
    unreachable: the console's shift closed all the same); ``notes``: what else the reader must know
    (the register's shift left open for the counters still open)."""

    provider: str
    expected: int
    receipts: int
    mismatches: tuple[FiscalMismatch, ...] = ()
    register: RegisterFigures | None = None
    problem: Note | None = None
    notes: tuple[Note, ...] = ()

    @property
    def checked(self) -> bool:
        return self.problem is None


@dataclass(frozen=True, slots=True)
class OutsideOperation:
    """A charge, cancel or refund asked at the register while none of its shifts was open (decision
    0145): the payment, the kind (:class:`~epay_desktop.domain.records.OpKind` value), the amount in
    tiyn, when it was asked, by whom, and its state (``SUCCEEDED``, or an outcome not known yet)."""

    invoice_id: str
    kind: str
    amount_minor: int
    at: datetime
    by_name: str
    state: str

    @property
    def settled(self) -> bool:
        """Whether the bank's outcome is known (it succeeded); else it is still being learned."""
        return self.state == "SUCCEEDED"


@dataclass(frozen=True, slots=True)
class OutsideShifts:
    """What moved at the register while it had no shift open, in ``[since, until)``: from the close of
    its previous shift (for its first shift: the opening of the shop's first shift) to this shift's
    opening (decision 0145). ``totals``: the payments taken and the operations that succeeded then, as a
    shift's figures; ``operations``: each charge, cancel and refund asked then (succeeded or not known
    yet), oldest first. Not in the shift's own figures: printed beside them, so nothing is lost."""

    since: datetime
    until: datetime
    totals: Totals
    operations: tuple[OutsideOperation, ...] = ()

    @property
    def unresolved(self) -> int:
        """How many of :attr:`operations` have no known outcome yet."""
        return sum(1 for op in self.operations if not op.settled)

    @property
    def empty(self) -> bool:
        """Nothing moved then: no report shows the section."""
        return not self.operations and not any(f.count for f in self.totals.figures)


@dataclass(frozen=True, slots=True)
class ShiftReport:
    """An X or Z report: a plain value any renderer (CLI, CSV, PDF, thermal printer, the report window)
    draws, in the reader's language (``receipts.shift_layout`` and ``receipts.shift_texts``, decision 0114).

    ``until`` ends the time the figures cover (the close for a Z report, the moment of an X report);
    ``anchor`` is the audit chain's anchor line (``audit 1234 3f2a-...``) of a Z report, or None with
    ``anchor_problem`` saying why (the chain is not intact). ``found_earlier``: the differences an
    earlier bank check of the shift found that this report's check (if any) did not find again.
    """

    kind: ReportKind
    shift: Shift
    made_at: datetime
    until: datetime
    totals: Totals
    by_cashier: tuple[GroupTotals, ...]
    by_brand: tuple[GroupTotals, ...]
    unresolved: int  # money operations of the shift whose outcome is not known yet
    opened_by_name: str
    closed_by_name: str | None = None
    bank: BankCheck | None = None
    anchor: str | None = None
    anchor_problem: Note | None = None
    warnings: tuple[Note, ...] = ()
    found_earlier: tuple[FoundEarlier, ...] = ()
    fiscal: FiscalCheck | None = None  # None: no fiscal register configured (decision 0126)
    outside: OutsideShifts | None = None  # None: nothing moved at the register outside a shift (0145)

    def to_json(self) -> str:
        """The report as JSON text (kept with a closed shift); :meth:`from_json` reads it back."""
        return json.dumps(_plain(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ShiftReport:
        data = json.loads(text)
        shift = data["shift"]
        return cls(
            kind=ReportKind(data["kind"]),
            shift=Shift(
                **{
                    **shift,
                    "opened_at": _when(shift["opened_at"]),
                    "closed_at": _when(shift["closed_at"]) if shift["closed_at"] else None,
                }
            ),
            made_at=_when(data["made_at"]),
            until=_when(data["until"]),
            totals=_totals(data["totals"]),
            by_cashier=tuple(GroupTotals(g["name"], _totals(g["totals"])) for g in data["by_cashier"]),
            by_brand=tuple(GroupTotals(g["name"], _totals(g["totals"])) for g in data["by_brand"]),
            unresolved=data["unresolved"],
            opened_by_name=data["opened_by_name"],
            closed_by_name=data["closed_by_name"],
            bank=_bank(data["bank"]) if data["bank"] is not None else None,
            anchor=data["anchor"],
            anchor_problem=Note.from_json(data["anchor_problem"]) if data["anchor_problem"] else None,
            warnings=tuple(Note.from_json(w) for w in data["warnings"]),
            found_earlier=tuple(_found(f) for f in data.get("found_earlier", ())),  # none in older ones
            fiscal=_fiscal(data["fiscal"]) if data.get("fiscal") else None,
            outside=_outside(data["outside"]) if data.get("outside") else None,  # none in older ones
        )


def _plain(value: object) -> Any:
    """JSON-ready: dataclasses as dicts, tuples as lists, Money as tiyn, datetimes as ISO text."""
    if isinstance(value, Money):
        return value.minor
    if isinstance(value, Note):
        return value.as_json()
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    return value


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _totals(data: dict[str, Any]) -> Totals:
    return Totals(
        tuple(
            Figure(FigureKind(f["kind"]), f["count"], Money(f["total"], _CURRENCY)) for f in data["figures"]
        )
    )


def _bank(data: dict[str, Any]) -> BankCheck:
    return BankCheck(
        data["total"],
        data["checked"],
        tuple(BankDifference(**d) for d in data["differences"]),
        tuple(Note.from_json(n) for n in data["unchecked"]),
        tuple(BankDifference(**d) for d in data["open_in_books"]),
        BankFigures(**data["figures"]) if data.get("figures") else None,  # none in older reports
    )


def _fiscal(data: dict[str, Any]) -> FiscalCheck:
    mismatches = tuple(FiscalMismatch(**{**m, "todo": Note.from_json(m["todo"])}) for m in data["mismatches"])
    return FiscalCheck(
        data["provider"],
        data["expected"],
        data["receipts"],
        mismatches,
        RegisterFigures(**data["register"]) if data["register"] else None,
        Note.from_json(data["problem"]) if data["problem"] else None,
        tuple(Note.from_json(n) for n in data["notes"]),
    )


def _found(data: dict[str, Any]) -> FoundEarlier:
    return FoundEarlier(BankDifference(**data["difference"]), _when(data["found_at"]), data.get("by", "X"))


def _outside(data: dict[str, Any]) -> OutsideShifts:
    return OutsideShifts(
        _when(data["since"]),
        _when(data["until"]),
        _totals(data["totals"]),
        tuple(OutsideOperation(**{**op, "at": _when(op["at"])}) for op in data["operations"]),
    )
