"""A receipt asked at one cash register and not answered, while the settings now name another (decision
0129): it may be registered at the first one, so it is never sent to the other by itself. It waits for a
person, who checks the first register's journal and either switches the settings back to it (the console
asks it again with the same number and gets its receipt) or, when it is not there, has a manager register
it at the current register (:meth:`~.service.FiscalService.register_here`: Needs attention, or
``epay-desktop fiscal register-here NUMBER``; audited as ``fiscal.register_here``)."""

from __future__ import annotations

from typing import Final

from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Message
from epay_desktop.domain.i18n import msg

__all__ = ["ASKED_ELSEWHERE", "asked_elsewhere", "elsewhere_message", "register_shown"]

#: ``last_error`` of a record held back because the settings name another register than it was asked at.
ASKED_ELSEWHERE: Final = "AskedAtAnotherRegister"


def asked_elsewhere(record: FiscalRecord) -> bool:
    """Whether ``record`` waits for a person because it was asked at another register than today's."""
    return record.state is FiscalState.NEEDS_PERSON and record.last_error == ASKED_ELSEWHERE


def register_shown(register: str | None) -> str:
    """A register's identity for people: ``webkassa:SWK00032685`` as ``webkassa SWK00032685``."""
    return (register or "").replace(":", " ", 1).strip()


def elsewhere_message(record: FiscalRecord) -> Message:
    """What happened and what to do, naming the register it was asked at and its number there."""
    return msg(
        "fiscal",
        QT_TRANSLATE_NOOP(
            "fiscal",
            "It was sent to the cash register {register} and no answer came; the fiscal settings name "
            "another register now, so it is not sent there by itself (it may be registered at {register} "
            "already). "
            "Look for the check {number} in the journal of {register}: if it is there, set the fiscal "
            "settings back to {register} until the console has its receipt; if not, a manager registers it "
            "at the current register (Needs attention, Register here; or epay-desktop fiscal register-here "
            "{number}).",
        ),
        register=register_shown(record.asked_at_register),
        number=record.external_number,
    )
