"""The cash register's state in memory: session tokens, shifts, offline mode and the receipts (kept in a
file as well when :func:`epay_desktop.sandbox.fiscal.kept.keep_in` says so: the demo's, decision 0138).

Rules (fiscal.md §1.2, §1.6, §1.8, §1.10; decision 0121):

* A token lives :data:`TOKEN_TTL` on the register's clock; afterwards error 2, an unknown one error 3.
* A shift opens implicitly with the first receipt and is closed by a Z report; a receipt more than
  :data:`SHIFT_LIMIT` after the shift opened is refused with error 11 until the Z report.
* Offline (the OFD unreachable, set by the control API) receipts are still registered, marked
  ``OfflineMode``; their fiscal sign is the last 3 digits of the identity number and the time of day in
  tenths of a second. More than :data:`OFFLINE_LIMIT` offline, receipts are refused with error 18.
* An ``ExternalCheckNumber`` is registered once per cashbox; again it is error 14 with the stored receipt.
* Fiscal signs online are a counter (deterministic); the clock is the real time plus an offset the
  control API moves (or a clock a test passes).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta
from decimal import Decimal
from enum import IntEnum
from typing import Final

from epay_desktop.sandbox.config import KZ_TZ
from epay_desktop.sandbox.fiscal.account import IDENTITY_NUMBER
from epay_desktop.sandbox.fiscal.account import LOGIN
from epay_desktop.sandbox.fiscal.account import PASSWORD
from epay_desktop.sandbox.fiscal.account import REGISTRATION_NUMBER

__all__ = [
    "OFFLINE_LIMIT",
    "OPERATION_RETURNED",
    "SHIFT_LIMIT",
    "TOKEN_TTL",
    "Basis",
    "ErrorCode",
    "FiscalError",
    "Line",
    "Receipt",
    "Register",
    "Shift",
    "validation_error",
]

TOKEN_TTL: Final = timedelta(hours=24)
SHIFT_LIMIT: Final = timedelta(hours=24)
OFFLINE_LIMIT: Final = timedelta(hours=72)
#: The operation a return operation takes back: buy-return 1 -> buy 0, sale-return 3 -> sale 2.
OPERATION_RETURNED: Final = {1: 0, 3: 2}
_FIRST_FISCAL_SIGN: Final = 2_026_000_001


class ErrorCode(IntEnum):
    """``Errors[].Code`` (fiscal.md §1.9)."""

    UNKNOWN = -1
    WRONG_CREDENTIALS = 1
    TOKEN_EXPIRED = 2
    NOT_AUTHORIZED = 3
    CASHBOX_NOT_FOUND = 6
    VALIDATION = 9
    SHIFT_OVER_24_HOURS = 11
    SHIFT_ALREADY_CLOSED = 12
    SHIFT_NOT_FOUND = 13
    DUPLICATE_EXTERNAL_CODE = 14
    CHECK_NOT_FOUND = 16
    OFFLINE_OVER_72_HOURS = 18
    EXTERNAL_NUMBER_NOT_FOUND = 19


class FiscalError(Exception):
    """A refusal: ``Errors: [{Code, Text}]``, with ``data`` (``Data`` beside it) for error 14."""

    def __init__(self, code: ErrorCode, text: str, *, http_status: int = 200) -> None:
        super().__init__(text)
        self.code = code
        self.text = text
        self.http_status = http_status
        self.data: dict[str, object] | None = None


def validation_error(text: str) -> FiscalError:
    """Error 9; answered with HTTP 400 as a public client observed (fiscal.md §1.2, decision 0121)."""
    return FiscalError(ErrorCode.VALIDATION, f"Ошибка валидации: {text}", http_status=400)


@dataclass(frozen=True)
class Line:
    """A position as registered: its sum after discount/markup and rounding, and its VAT."""

    name: str
    count: Decimal
    price: Decimal
    total: Decimal
    tax: Decimal
    tax_percent: Decimal
    tax_type: int
    unit_code: int
    discount: Decimal
    markup: Decimal


@dataclass(frozen=True)
class Basis:
    """A return's ``ReturnBasisDetails`` as checked against the original receipt."""

    fiscal_sign: str
    registration_number: str
    at: datetime
    total: Decimal
    offline: bool


@dataclass
class Receipt:
    """One registered receipt (a sale, a return, a buy or a buy-return)."""

    operation: int
    external: str
    fiscal_sign: str
    at: datetime
    offline: bool
    shift: int
    order: int
    lines: tuple[Line, ...]
    payments: dict[int, Decimal]  # PaymentType -> sum paid with it (cash before change)
    total: Decimal
    change: Decimal
    round_type: int
    paper_kind: int
    basis: Basis | None = None

    @property
    def vat(self) -> Decimal:
        return sum((line.tax for line in self.lines if line.tax_type == 100), Decimal(0))

    @property
    def discount(self) -> Decimal:
        return sum((line.discount for line in self.lines), Decimal(0))

    @property
    def markup(self) -> Decimal:
        return sum((line.markup for line in self.lines), Decimal(0))


@dataclass
class Shift:
    number: int
    opened: datetime
    #: The non-resettable totals per operation type when the shift opened.
    start_totals: dict[int, Decimal]
    closed: datetime | None = None
    receipts: list[Receipt] = field(default_factory=list)
    #: The ReportNumber of its Z report (0 while open).
    z_number: int = 0


class Register:
    """The cashbox: everything the API routes change, behind one lock (the control API and tests may
    call from other threads)."""

    def __init__(self, clock: Callable[[], datetime] | None = None) -> None:
        self._clock = clock or (lambda: datetime.now(KZ_TZ))
        self.lock = threading.RLock()
        #: Called under :attr:`lock` after every change (the demo's register writes its file:
        #: :func:`epay_desktop.sandbox.fiscal.kept.keep_in`); None keeps the state in memory only.
        self.keep: Callable[[], None] | None = None
        self.reset()

    def reset(self) -> None:
        """Forget every token, shift and receipt; online; the clock's offset (and a backdating) back to
        none."""
        with self.lock:
            self.offset = timedelta(0)
            #: The time the register's clock reads while a start gives it receipts made earlier
            #: (:meth:`backdate`); None: its own clock. Never kept: it lasts one receipt's request.
            self.backdated: datetime | None = None
            self.tokens: dict[str, datetime] = {}
            self.shifts: list[Shift] = []
            self.receipts: list[Receipt] = []
            self.by_external: dict[str, Receipt] = {}
            self.offline_since: datetime | None = None
            self.reports = 0
            self.issued = 0  # tokens issued so far: the next one differs from every earlier one
            #: The demo database this register serves (decision 0148: the demo's own mark of it), kept
            #: with the register; None: not said (a test's register, or one kept before 0148).
            self.database: str | None = None
            self._changed()

    def belong_to(self, database: str | None) -> None:
        """Say which demo database this register serves (kept with it, decision 0148)."""
        with self.lock:
            self.database = database
            self._changed()

    def _changed(self) -> None:
        if self.keep is not None:
            self.keep()

    # -- the clock -------------------------------------------------------------------------------

    def now(self) -> datetime:
        """The register's time, Kazakhstan's offset, to the second (as the receipts show it)."""
        moment = self.backdated if self.backdated is not None else self._clock() + self.offset
        return moment.astimezone(KZ_TZ).replace(microsecond=0)

    def backdate(self, at: datetime | None) -> None:
        """The register's clock reads ``at`` (aware) until called with None: a receipt registered meanwhile
        carries that time and a shift it opens opens then. The demo gives its register the morning's
        receipts at the times their sales were made (decision 0126), one request at a time."""
        with self.lock:
            self.backdated = at

    def advance(self, delta: timedelta) -> datetime:
        with self.lock:
            self.offset += delta
            self._changed()
            return self.now()

    # -- sessions --------------------------------------------------------------------------------

    def authorize(self, login: str, password: str) -> str:
        """A new session token (32 hex digits) for the demo cashier; error 1 for anyone else."""
        if login.strip().lower() != LOGIN or password != PASSWORD:
            raise FiscalError(ErrorCode.WRONG_CREDENTIALS, "Неверный логин или пароль")
        with self.lock:
            self.issued += 1
            token = hashlib.md5(f"fiscal-sandbox-token-{self.issued}".encode(), usedforsecurity=False)
            self.tokens[token.hexdigest()] = self.now()
            self._changed()
            return token.hexdigest()

    def check_token(self, token: object) -> None:
        """Error 3 without a known token, error 2 when it has expired."""
        with self.lock:
            issued = self.tokens.get(token) if isinstance(token, str) else None
            if issued is None:
                raise FiscalError(ErrorCode.NOT_AUTHORIZED, "Необходимо пройти авторизацию")
            if self.now() - issued > TOKEN_TTL:
                raise FiscalError(ErrorCode.TOKEN_EXPIRED, "Срок действия сессии истек")

    def expire_tokens(self) -> int:
        """Every token issued so far expires now (error 2 from now on); how many."""
        with self.lock:
            for token in self.tokens:
                self.tokens[token] = self.now() - TOKEN_TTL - timedelta(seconds=1)
            return len(self.tokens)

    # -- shift and offline -----------------------------------------------------------------------

    @property
    def open_shift(self) -> Shift | None:
        last = self.shifts[-1] if self.shifts else None
        return last if last is not None and last.closed is None else None

    @property
    def offline(self) -> bool:
        return self.offline_since is not None

    def set_offline(self, offline: bool, since: timedelta = timedelta(0)) -> None:
        """The OFD unreachable (since ``since`` ago) or reachable again."""
        with self.lock:
            self.offline_since = self.now() - since if offline else None
            self._changed()

    def expire_shift(self) -> Shift:
        """The open shift as if opened just over 24 h ago; error 13 when none is open."""
        with self.lock:
            shift = self.open_shift
            if shift is None:
                raise FiscalError(ErrorCode.SHIFT_NOT_FOUND, "Открытая смена не найдена")
            shift.opened = self.now() - SHIFT_LIMIT - timedelta(seconds=1)
            self._changed()
            return shift

    def may_register(self) -> None:
        """Error 11 (the open shift is older than 24 h) or 18 (offline longer than 72 h)."""
        now = self.now()
        shift = self.open_shift
        if shift is not None and now - shift.opened > SHIFT_LIMIT:
            raise FiscalError(
                ErrorCode.SHIFT_OVER_24_HOURS,
                "Смена открыта более 24 часов. Закройте смену (Z-отчет) и повторите операцию",
            )
        if self.offline_since is not None and now - self.offline_since > OFFLINE_LIMIT:
            raise FiscalError(
                ErrorCode.OFFLINE_OVER_72_HOURS,
                "Касса работает в автономном режиме более 72 часов; операции заблокированы до связи с ОФД",
            )

    def totals(self) -> dict[int, Decimal]:
        """The non-resettable totals per operation type: every receipt ever registered."""
        sums = dict.fromkeys(range(4), Decimal(0))
        for receipt in self.receipts:
            sums[receipt.operation] += receipt.total
        return sums

    def _shift_for_receipt(self, now: datetime) -> Shift:
        shift = self.open_shift
        if shift is None:
            number = self.shifts[-1].number + 1 if self.shifts else 1
            shift = Shift(number, now, self.totals())
            self.shifts.append(shift)
        return shift

    # -- receipts --------------------------------------------------------------------------------

    def duplicate(self, external: str) -> None:
        """Error 14 with the stored receipt when ``external`` is registered already (fiscal.md §1.6)."""
        receipt = self.by_external.get(external) if external else None
        if receipt is not None:
            raise FiscalError(
                ErrorCode.DUPLICATE_EXTERNAL_CODE,
                f"Чек с внешним номером {external} уже присутствует в системе: {receipt.fiscal_sign}",
            )

    def original(self, basis: Basis, operation: int) -> Receipt:
        """The receipt a return refers to, every detail of ``basis`` matching it (error 9 otherwise)."""
        if basis.registration_number != REGISTRATION_NUMBER:
            raise validation_error(
                f"ReturnBasisDetails.RegistrationNumber {basis.registration_number}: чек-основание "
                f"не найден (в песочнице одна касса, РНМ {REGISTRATION_NUMBER})"
            )
        wanted = OPERATION_RETURNED[operation]
        found = [r for r in self.receipts if r.fiscal_sign == basis.fiscal_sign and r.operation == wanted]
        if not found:
            raise validation_error(
                f"ReturnBasisDetails.CheckNumber {basis.fiscal_sign}: чек-основание не найден"
            )
        original = found[0]
        if original.at != basis.at:
            raise validation_error(
                f"ReturnBasisDetails.DateTime не совпадает с временем чека-основания "
                f"({original.at.isoformat()})"
            )
        if original.total != basis.total:
            raise validation_error(
                f"ReturnBasisDetails.Total {basis.total} не совпадает с итогом чека-основания "
                f"{original.total}"
            )
        if original.offline != basis.offline:
            raise validation_error(
                f"ReturnBasisDetails.IsOffline {str(basis.offline).lower()} не совпадает с чеком-основанием"
            )
        return original

    def returned_before(self, original: Receipt) -> Decimal:
        """What returns already took back of ``original``."""
        return sum(
            (
                r.total
                for r in self.receipts
                if r.basis is not None and r.basis.fiscal_sign == original.fiscal_sign
            ),
            Decimal(0),
        )

    def register(self, make: Callable[[Shift, int, str, datetime, bool], Receipt]) -> Receipt:
        """Record the receipt ``make(shift, order, fiscal_sign, now, offline)`` builds, opening a shift
        when none is open. Call under :attr:`lock` after :meth:`duplicate` and :meth:`may_register`."""
        now = self.now()
        shift = self._shift_for_receipt(now)
        offline = self.offline
        receipt = make(shift, len(shift.receipts) + 1, self._fiscal_sign(now, offline), now, offline)
        shift.receipts.append(receipt)
        self.receipts.append(receipt)
        if receipt.external:
            self.by_external[receipt.external] = receipt
        self._changed()
        return receipt

    def _fiscal_sign(self, now: datetime, offline: bool) -> str:
        """Online: the next of a counter. Offline: ``IDENTITY_NUMBER[-3:]`` + tenths of a second of the
        day (fiscal.md §1.10), the next free one when two fall in the same tenth."""
        if not offline:
            return str(_FIRST_FISCAL_SIGN + sum(not r.offline for r in self.receipts))
        used = {r.fiscal_sign for r in self.receipts}
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        tenths = (now - midnight) // timedelta(milliseconds=100)
        while (sign := f"{IDENTITY_NUMBER[-3:]}{tenths}") in used:
            tenths += 1
        return sign

    # -- reports ---------------------------------------------------------------------------------

    def report_shift(self, *, close: bool, at: datetime | None = None) -> Shift:
        """The shift an X report (``close`` False) or a Z report (True) is about; Z closes it, now or
        ``at`` (a Z made earlier at the register: the demo's evening close, decision 0147).

        X: the open shift, else the last closed one; error 13 before any shift. Z: error 12 when no
        shift is open."""
        with self.lock:
            shift = self.open_shift
            if shift is None:
                if close:
                    raise FiscalError(ErrorCode.SHIFT_ALREADY_CLOSED, "Смена уже закрыта")
                if not self.shifts:
                    raise FiscalError(ErrorCode.SHIFT_NOT_FOUND, "Открытая смена не найдена")
                shift = self.shifts[-1]
            self.reports += 1
            if close:
                shift.closed = self.now() if at is None else at
                shift.z_number = self.reports
            self._changed()
            return shift

    def shift(self, number: object) -> Shift:
        """The shift numbered ``number``; error 13 when there is none."""
        for shift in self.shifts:
            if shift.number == number:
                return shift
        raise FiscalError(ErrorCode.SHIFT_NOT_FOUND, f"Смена {number} не найдена")
