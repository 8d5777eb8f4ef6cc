"""What every repository is: one write or read transaction (:class:`~epay_desktop.store.tx.Tx`) and
its session. ``tx.payments``, ``tx.operations``... are made once per transaction (on first use; ``Tx``
names them) and never outlive it. Also what the repositories share: a row made into its frozen
record (its enums and amounts read as the record's field types say), the "there is no such row"
error."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import fields
from enum import Enum
from types import NoneType
from typing import TYPE_CHECKING
from typing import TypeVar
from typing import get_args
from typing import get_type_hints

from sqlalchemy import Select
from sqlalchemy import select

from epay_desktop.domain import Money
from epay_desktop.domain import NotFoundError
from epay_desktop.domain.i18n import msg
from epay_desktop.store.models import FiscalRecordRow
from epay_desktop.store.models import MoneyOpRow
from epay_desktop.store.models import PaymentRow
from epay_desktop.store.models import ReceiptRow

if TYPE_CHECKING:
    from _typeshed import DataclassInstance
    from sqlalchemy.orm import Session

    from epay_desktop.store.tx import Tx

__all__ = ["Repo", "not_found", "record_of", "with_currency"]

_R = TypeVar("_R", bound="DataclassInstance")
#: How one field is read from a row, given the currency of the row's amounts (None: not given).
_Reader = Callable[[object, str | None], object]
_OfPayment = TypeVar("_OfPayment", MoneyOpRow, ReceiptRow, FiscalRecordRow)
_Row = TypeVar("_Row")


class Repo:
    """A repository over one transaction: ``self._tx`` and its session ``self._s``."""

    def __init__(self, tx: Tx) -> None:
        self._tx = tx
        self._s: Session = tx.session

    def _currency(self, payment_id: int) -> str:
        """The currency of the payment (KZT when there is no such payment)."""
        currency = self._s.scalar(select(PaymentRow.currency).where(PaymentRow.id == payment_id))
        return currency or "KZT"

    def _get(self, model: type[_Row], key: object, template: str, /, **args: object) -> _Row:
        """The ``model`` row whose primary key is ``key``; when there is none, NotFoundError with
        ``template`` and ``args`` as for :func:`not_found`."""
        row = self._s.get(model, key)
        if row is None:
            raise not_found(template, **args)
        return row


def record_of(record: type[_R], row: object, currency: str | None = None, /, **converted: object) -> _R:
    """The frozen ``record`` (a dataclass) of ``row``: each field is read from the row's column of the
    same name, as the field's type says: an enum field is the member of the column's value, an amount
    (:class:`Money`) is the column ``<field>_minor`` in ``currency`` (the one of the row's payment), any
    other field the column as it is; None stays None where the field allows it. The fields given in
    ``converted`` are taken as given. TypeError for a name in ``converted`` that is no field of
    ``record``, or for an amount to read without a currency."""
    plan = _PLANS.get(record)
    if plan is None:
        plan = _PLANS.setdefault(record, _plan(record))
    if not converted.keys() <= plan.names:
        raise TypeError(f"{record.__name__} has no field {sorted(converted.keys() - plan.names)}")
    return record(
        **{name: converted[name] if name in converted else read(row, currency) for name, read in plan.readers}
    )


@dataclass(frozen=True, slots=True)
class _Plan:
    """How :func:`record_of` reads one record type: its field names, and each field's reader."""

    names: frozenset[str]
    readers: tuple[tuple[str, _Reader], ...]


_PLANS: dict[type, _Plan] = {}


def _plan(record: type[DataclassInstance]) -> _Plan:
    hints = get_type_hints(record)
    names = [field.name for field in fields(record)]
    return _Plan(frozenset(names), tuple((name, _reader(name, hints[name])) for name in names))


def _reader(name: str, hint: object) -> _Reader:
    """The reader of field ``name`` of type ``hint`` (``T`` or ``T | None``), as :func:`record_of` says."""
    kinds = [kind for kind in get_args(hint) if kind is not NoneType] or [hint]
    optional = NoneType in get_args(hint)
    kind = kinds[0] if len(kinds) == 1 else None
    if isinstance(kind, type) and issubclass(kind, Enum):
        member = kind

        def read_enum(row: object, currency: str | None) -> object:
            value = getattr(row, name)
            return None if value is None and optional else member(value)

        return read_enum
    if kind is Money:
        column = f"{name}_minor"

        def read_amount(row: object, currency: str | None) -> object:
            minor = getattr(row, column)
            if minor is None and optional:
                return None
            if currency is None:
                raise TypeError(f"{name} is an amount: give record_of the currency of the row's amounts")
            return Money(minor, currency)

        return read_amount

    def read_as_is(row: object, currency: str | None) -> object:
        return getattr(row, name)

    return read_as_is


def with_currency(model: type[_OfPayment]) -> Select[_OfPayment, str]:
    """``SELECT model, its payment's currency`` (the record's amounts are in it)."""
    return select(model, PaymentRow.currency).join(PaymentRow, PaymentRow.id == model.payment_id)


def not_found(template: str, /, **args: object) -> NotFoundError:
    """The error for a row that is not there; write ``template`` as ``QT_TRANSLATE_NOOP("store", ...)``."""
    return NotFoundError(msg("store", template, **args))
