"""What every repository is: one write or read transaction (:class:`~epay_desktop.store.tx.Tx`) and
its session. ``tx.payments``, ``tx.operations``... are made once per transaction (``Tx``'s cached
properties) and never outlive it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from epay_desktop.store.tx import Tx

__all__ = ["Repo"]


class Repo:
    """A repository over one transaction: ``self._tx`` and its session ``self._s``."""

    def __init__(self, tx: Tx) -> None:
        self._tx = tx
        self._s: Session = tx.session
