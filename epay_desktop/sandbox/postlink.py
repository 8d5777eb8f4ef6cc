"""postLink / failurePostLink: the JSON the gateway POSTs to the shop when an attempt ends.

Deliveries run as background tasks on the sandbox's loop; a failure is logged and recorded
on the transaction, never raised. Only loopback targets are contacted: the sandbox must
never send traffic off the machine, so anything else is refused (and logged).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from epay_desktop.domain import PaymentStatus
from epay_desktop.domain.hosts import is_loopback_host
from epay_desktop.sandbox.amounts import to_decimal
from epay_desktop.sandbox.config import Clock
from epay_desktop.sandbox.ledger import Transaction
from epay_desktop.sandbox.render import dumps

__all__ = ["PostLinkSender", "build_body", "is_loopback_url"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Echo:
    """What the merchant gave that the postLink echoes back."""

    secret_hash: str
    terminal_id: str


def build_body(txn: Transaction, echo: Echo) -> dict[str, object]:
    """The postLink JSON of epay-api.md sections 4.2 (success) and 4.3 (failure)."""
    ok = txn.status in (PaymentStatus.AUTH, PaymentStatus.CHARGE)
    body: dict[str, object] = {
        "id": txn.id,
        "dateTime": txn.created.isoformat(timespec="microseconds"),
        "invoiceId": txn.invoice_id,
        "amount": to_decimal(txn.org_amount),
        "currency": txn.currency,
        "terminal": echo.terminal_id,
        "accountId": txn.order.account_id,
        "description": txn.order.description,
        "language": txn.order.language,
        "cardMask": txn.card.mask,
        "cardType": txn.card.type,
        "issuer": txn.card.issuer,
        "reference": txn.reference,
        "secure": "yes" if txn.secure else "no",
        "secureDetails": "",
        "code": "ok" if ok else "error",
        "reason": txn.reason,
        "reasonCode": txn.reason_code,
        "name": txn.order.name,
        "email": txn.order.email,
        "phone": txn.order.phone,
        "secret_hash": echo.secret_hash,
        "data": txn.order.data,
    }
    if ok:
        body["approvalCode"] = txn.approval_code
        body["cardId"] = txn.card_id
    else:
        body["invoiceIdAlt"] = ""
        body["tokenRecipient"] = ""
    return body


def is_loopback_url(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return False
    return is_loopback_host(host)


class PostLinkSender:
    def __init__(self, clock: Clock, timeout: float) -> None:
        self._clock = clock
        self._timeout = timeout
        self._tasks: set[asyncio.Task[None]] = set()
        #: Notified when a delivery ends: :meth:`wait_delivered` waits on it from any thread.
        self._ended = threading.Condition()

    def send(self, url: str, txn: Transaction, echo: Echo) -> None:
        """Queue a delivery of the postLink body for ``txn`` to ``url`` (no-op for an empty url)."""
        if not url:
            return
        entry: dict[str, object] = {"url": url, "time": self._clock().isoformat(), "result": "pending"}
        txn.postlinks.append(entry)
        if not is_loopback_url(url):
            entry["result"] = "refused: not a loopback address"
            log.warning("event=postlink_refused invoice=%s reason=not_loopback", txn.invoice_id)
            return
        payload = dumps(build_body(txn, echo)).encode("utf-8")
        task = asyncio.get_running_loop().create_task(self._deliver(url, payload, entry, txn.invoice_id))
        with self._ended:
            self._tasks.add(task)
        task.add_done_callback(self._ended_one)

    def _ended_one(self, task: asyncio.Task[None]) -> None:
        with self._ended:
            self._tasks.discard(task)
            self._ended.notify_all()

    async def _deliver(self, url: str, payload: bytes, entry: dict[str, object], invoice_id: str) -> None:
        try:
            # trust_env=False: no proxy may carry the callback off the machine; no redirects either.
            async with httpx.AsyncClient(timeout=self._timeout, trust_env=False) as client:
                response = await client.post(
                    url, content=payload, headers={"Content-Type": "application/json"}
                )
            entry["result"] = f"HTTP {response.status_code}"
            log.info("event=postlink_sent invoice=%s status=%s", invoice_id, response.status_code)
        except (httpx.HTTPError, OSError) as exc:
            entry["result"] = f"failed: {type(exc).__name__}"
            log.warning("event=postlink_failed invoice=%s error=%s", invoice_id, type(exc).__name__)

    async def drain(self, timeout: float = 5.0) -> None:
        """Wait for deliveries in flight (used on shutdown and by tests)."""
        pending = set(self._tasks)
        if pending:
            await asyncio.wait(pending, timeout=timeout)

    def wait_delivered(self, timeout: float = 5.0) -> bool:
        """Block the calling thread (not the sandbox's loop) until no delivery is in flight, at most
        ``timeout`` seconds; whether none is. For tests beside a sandbox served by ``start_in_thread``."""
        with self._ended:
            return self._ended.wait_for(lambda: not self._tasks, timeout)

    @property
    def pending(self) -> int:
        return len(self._tasks)
