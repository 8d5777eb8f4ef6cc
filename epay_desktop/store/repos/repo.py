"""What every repository is: one write or read transaction (:class:`~epay_desktop.store.tx.Tx`) and
its session. ``tx.payments``, ``tx.operations``... are made once per transaction (on first use; ``Tx``
names them) and never outlive it. Also what the repositories share: a row made into its frozen
record, an optional amount, the "there is no such row" error."""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING
from typing import TypeVar

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

__all__ = ["Repo", "money_or_none", "not_found", "record_of", "with_currency"]

_R = TypeVar("_R", bound="DataclassInstance")
_FIELD_NAMES: dict[type, frozenset[str]] = {}
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


def record_of(record: type[_R], row: object, **converted: object) -> _R:
    """The frozen ``record`` (a dataclass) of ``row``: each field is the row's attribute of the same
    name, but for the fields given in ``converted`` (enums, amounts, ...: a name that is no field of
    ``record`` raises TypeError)."""
    names = _FIELD_NAMES.get(record)
    if names is None:
        names = _FIELD_NAMES.setdefault(record, frozenset(field.name for field in fields(record)))
    if not converted.keys() <= names:
        raise TypeError(f"{record.__name__} has no field {sorted(converted.keys() - names)}")
    return record(**{name: converted[name] if name in converted else getattr(row, name) for name in names})


def with_currency(model: type[_OfPayment]) -> Select[_OfPayment, str]:
    """``SELECT model, its payment's currency`` (the record's amounts are in it)."""
    return select(model, PaymentRow.currency).join(PaymentRow, PaymentRow.id == model.payment_id)


def money_or_none(minor: int | None, currency: str) -> Money | None:
    """``Money(minor, currency)``, or None for a column that holds none."""
    return Money(minor, currency) if minor is not None else None


def not_found(template: str, /, **args: object) -> NotFoundError:
    """The error for a row that is not there; write ``template`` as ``QT_TRANSLATE_NOOP("store", ...)``."""
    return NotFoundError(msg("store", template, **args))
