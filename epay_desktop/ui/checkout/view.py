"""CheckoutView: the customer pays in the gateway's own page; the cashier sees a countdown and a status.

``start()`` loads a shell page that includes the gateway's payment-api.js and calls ``halyk.pay``
(redirect mode) or ``halyk.showPaymentWidget`` (widget mode). Either way the customer's "done" comes
back as a navigation to a back link, which the page intercepts. That is a HINT only: the payment's
outcome comes from status polling, never from the page.

``start_issuer_check()`` opens the card issuer's 3-D Secure page for a saved-card payment the gateway
answered with ``secure3D``: a local page posts MD/PaReq/TermUrl to the issuer, as the gateway's own page
does. While the page is on the issuer's host, a strip above it names that host (docs/decisions/0040).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC
from datetime import datetime
from typing import TYPE_CHECKING
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtCore import QUrl
from PySide6.QtCore import Signal
from PySide6.QtCore import Slot
from PySide6.QtWebEngineCore import QWebEngineLoadingInfo
from PySide6.QtWebEngineCore import QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.ui.checkout.page import CheckoutPage
from epay_desktop.ui.checkout.policy import DEFAULT_RETURN_BASE
from epay_desktop.ui.checkout.policy import NavigationPolicy
from epay_desktop.ui.checkout.policy import could_be_issuer
from epay_desktop.ui.checkout.policy import display_host
from epay_desktop.ui.checkout.policy import safe_for_log
from epay_desktop.ui.checkout.shell import Mode
from epay_desktop.ui.checkout.shell import info_page
from epay_desktop.ui.checkout.shell import issuer_page
from epay_desktop.ui.checkout.shell import shell_page
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.widgets.form_parts import text_label

if TYPE_CHECKING:
    from epay_desktop.services.payments.saved_cards import Secure3DForm

__all__ = ["CheckoutView", "format_remaining"]

log = logging.getLogger(__name__)
_Status = QWebEngineLoadingInfo.LoadStatus
_Domain = QWebEngineLoadingInfo.ErrorDomain
_COUNTDOWN_STYLE = "QLabel { font-weight: 600; padding: 0 8px; }"


def format_remaining(seconds: float) -> str:
    """``mm:ss`` (minutes keep counting past 59: a payment token lives at most a few hours)."""
    whole = max(0, int(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"


class CheckoutView(QWidget):
    """The checkout browser plus its countdown, status line and Cancel button."""

    customer_finished = Signal(str, bool)  # invoice id, success hint (never the outcome)
    load_failed = Signal(str)  # a message for people
    expired = Signal()
    cancelled = Signal()

    def __init__(
        self,
        profile: QWebEngineProfile,
        allowed_hosts: frozenset[str] | set[str],
        *,
        return_base: str = DEFAULT_RETURN_BASE,
        clock: Callable[[], datetime] | None = None,
        tick_ms: int = 1000,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock or (lambda: datetime.now(UTC))
        self._policy = NavigationPolicy(allowed_hosts, return_base)
        self._invoice = ""
        self._expires_at: datetime | None = None
        self._active = False  # between start() and finished / cancelled / failed
        self._expired = False
        #: Why the page could not load, in the browser's own words (for the payment's record, not people).
        self.failure_detail = ""

        self.countdown_label = QLabel()
        self.countdown_label.setObjectName("countdown")
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.countdown_label.setStyleSheet(_COUNTDOWN_STYLE)
        self.status_label.setWordWrap(True)
        #: Shown while the page is on the card issuer's host (3-D Secure): which host, plainly.
        self.issuer_label = text_label("issuer_host", "issuer_note", hidden=True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.web = QWebEngineView()
        self.web.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # no "Inspect", no "Save page"
        self.web.setAcceptDrops(False)
        self.page = CheckoutPage(profile, self._policy, self.web)
        self.web.setPage(self.page)

        bar = QHBoxLayout()
        bar.addWidget(self.status_label, 1)
        bar.addWidget(self.countdown_label)
        bar.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.issuer_label)
        layout.addWidget(self.web, 1)

        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.update_countdown)
        self.cancel_button.clicked.connect(self.on_cancel_button_clicked)
        self.page.back_link_reached.connect(self._on_back_link)
        self.page.gateway_unavailable.connect(self._on_gateway_unavailable)
        self.page.loadingChanged.connect(self._on_loading_changed)
        self.page.urlChanged.connect(self._on_url_changed)
        # "Time left: 19:59" is composed: said again in the new words after a language switch
        on_language_change(self, lambda: self.update_countdown() if self._timer.isActive() else None)

    @property
    def invoice_id(self) -> str:
        return self._invoice

    def start(
        self,
        payment_object: dict[str, Any],
        widget_url: str,
        token_expires_at: datetime,
        mode: Mode = "redirect",
    ) -> None:
        """Open the gateway's payment page for ``payment_object`` (which holds the token: never logged)."""
        invoice = payment_object.get("invoiceId")
        if not isinstance(invoice, str) or not invoice:
            raise ValueError("the payment object has no invoiceId")
        if not self._policy.is_allowed_host(widget_url):
            raise ValueError("the widget URL is not on an allowed gateway host")
        if token_expires_at.tzinfo is None:
            raise ValueError("token_expires_at must be timezone-aware")
        for key in ("backLink", "failureBackLink"):
            link = payment_object.get(key)
            if link and not str(link).startswith(self._policy.return_base + "/"):
                log.warning("event=checkout_foreign_back_link field=%s", key)
        self._begin(invoice, token_expires_at)
        html = shell_page(
            payment_object,
            widget_url,
            mode=mode,
            ok_url=self._policy.back_link("ok", invoice),
            fail_url=self._policy.back_link("fail", invoice),
            unavailable_url=self._policy.back_link("unavailable", invoice),
            message=self.tr("Opening the payment page\u2026"),
        )
        log.info("event=checkout_started invoice=%s mode=%s", invoice, mode)
        self.status_label.setText(self.tr("Opening the payment page\u2026"))
        self.page.show_local(html, self._policy.return_base + "/checkout")
        self.update_countdown()
        self._timer.start()

    def start_issuer_check(self, invoice_id: str, form: Secure3DForm, token_expires_at: datetime) -> None:
        """Open the card issuer's 3-D Secure page for a saved-card payment the gateway answered ``secure3D``.

        A local page (on the console's own made-up origin) posts MD/PaReq/TermUrl to ``form.action``; from
        there the policy is the gateway page's: the issuer's host, then back through TermUrl. The outcome
        still comes from status polling only. Raises ValueError on an action that could never be an
        issuer's page (not https, or http off loopback) or a naive expiry.
        """
        if not invoice_id:
            raise ValueError("no invoice id")
        if token_expires_at.tzinfo is None:
            raise ValueError("token_expires_at must be timezone-aware")
        if not could_be_issuer(form.action):
            raise ValueError("the 3-D Secure action is not an https page (or http on loopback)")
        self._begin(invoice_id, token_expires_at)
        message = self.tr("Opening the card issuer's verification page\u2026")
        html = issuer_page(form, message=message, button=self.tr("Continue"))
        log.info(
            "event=checkout_issuer_check_started invoice=%s action=%s", invoice_id, safe_for_log(form.action)
        )
        self.status_label.setText(message)
        self.page.show_local(html, self._policy.launcher_url())
        self.update_countdown()
        self._timer.start()

    def _begin(self, invoice: str, token_expires_at: datetime) -> None:
        self._invoice, self._expires_at = invoice, token_expires_at
        self._active, self._expired = True, False
        self.page.reset_issuer()
        self.page.payment_active = True
        self.failure_detail = ""
        self._show_issuer("")
        self.countdown_label.setStyleSheet(_COUNTDOWN_STYLE)
        self.cancel_button.setEnabled(True)

    def stop(self, title: str = "", text: str = "") -> None:
        """Stop the countdown and replace the gateway's page with a local one (nothing more to type)."""
        self._active = False
        self.page.payment_active = False
        self._timer.stop()
        self.cancel_button.setEnabled(False)
        self._show_issuer("")
        html = info_page(title, text)
        # Deferred: this may run inside acceptNavigationRequest, which must not start a load itself.
        QTimer.singleShot(
            0, self.page, lambda: self.page.show_local(html, self._policy.return_base + "/done")
        )

    @Slot()
    def update_countdown(self) -> None:
        if self._expires_at is None:
            self.countdown_label.clear()
            return
        left = (self._expires_at - self._clock()).total_seconds()
        if left > 0:
            self.countdown_label.setText(self.tr("Time left: %1").replace("%1", format_remaining(left)))
            return
        self._timer.stop()
        self.countdown_label.setStyleSheet(_COUNTDOWN_STYLE + theme.style("countdown_expired"))
        self.countdown_label.setText(self.tr("expired \u2014 start a new payment"))
        # The page stays: a payment submitted in the last second may still finish (and its back link
        # still counts). The owner decides what to do on expired().
        if self._active and not self._expired:
            self._expired = True
            log.info("event=checkout_token_expired invoice=%s", self._invoice)
            self.status_label.setText(self.tr("The payment time is over. Start a new payment."))
            self.expired.emit()

    @Slot()
    def on_cancel_button_clicked(self) -> None:
        if not self._active:
            return
        log.info("event=checkout_cancelled invoice=%s", self._invoice)
        self.status_label.setText(self.tr("Cancelled."))
        self.stop(self.tr("Payment cancelled"), self.tr("The cashier cancelled this payment."))
        self.countdown_label.clear()
        self.cancelled.emit()

    @Slot(str, bool)
    def _on_back_link(self, invoice: str, success_hint: bool) -> None:
        if not self._active or invoice != self._invoice:
            log.warning("event=checkout_back_link_ignored active=%s", self._active)
            return
        self.status_label.setText(
            self.tr("The customer has finished. Checking the result with the bank\u2026")
        )
        self.stop(self.tr("Thank you"), self.tr("Checking the result with the bank\u2026"))
        self.countdown_label.clear()
        self.customer_finished.emit(invoice, success_hint)

    @Slot()
    def _on_gateway_unavailable(self) -> None:
        if self._active:
            self.failure_detail = "the gateway's payment-api.js did not load"
            self._fail(self.tr("The payment page could not be loaded from the bank. Try again in a minute."))

    @Slot(QWebEngineLoadingInfo)
    def _on_loading_changed(self, info: QWebEngineLoadingInfo) -> None:
        status = info.status()
        if not self._active:
            return
        if status == _Status.LoadFailedStatus and info.errorDomain() == _Domain.HttpStatusCodeDomain:
            # The gateway answered with an HTTP error page (e.g. 422 for a form with a mistake): the
            # page shows its own message and the customer corrects it. Not a dead page.
            log.info("event=checkout_page_http_error invoice=%s code=%s", self._invoice, info.errorCode())
            if not self._expired:
                self.status_label.setText(
                    self.tr("The payment page asks the customer to correct something; the sale stays open.")
                )
        elif status == _Status.LoadFailedStatus and self.page.refused_entry == info.url().toString():
            # The page tried to enter another host by something other than a form POST (decision 0040).
            where = display_host(self.page.refused_entry)
            self.failure_detail = (
                f"blocked: the page tried to leave for {safe_for_log(self.page.refused_entry)}"
            )
            self._fail(
                self.tr("The payment page tried to open %1, which the console does not allow.").replace(
                    "%1", where
                )
            )
        elif status == _Status.LoadFailedStatus:
            detail = info.errorString() or str(info.errorCode())
            self.failure_detail = f"{getattr(info.errorDomain(), 'name', info.errorDomain())}: {detail}"
            self._fail(
                self.tr("The payment page could not be loaded (%1). Try again in a minute.").replace(
                    "%1", detail
                )
            )
        elif status == _Status.LoadSucceededStatus and not self._expired:
            if self._policy.is_issuer_page(info.url().toString(), self.page.issuer):
                self.status_label.setText(
                    self.tr("The customer is confirming the payment with the card issuer\u2026")
                )
            else:
                self.status_label.setText(self.tr("Waiting for the customer to pay\u2026"))

    @Slot(QUrl)
    def _on_url_changed(self, url: QUrl) -> None:
        text = url.toString()
        on_issuer = self._active and self._policy.is_issuer_page(text, self.page.issuer)
        self._show_issuer(display_host(text) if on_issuer else "")

    def _show_issuer(self, host: str) -> None:
        """The strip above the page: the issuer's host while the page is on it, hidden otherwise."""
        if host:
            self.issuer_label.setText(
                self.tr("Card issuer's verification page: %1 \u2014 the payment continues after it").replace(
                    "%1", host
                )
            )
            if self.issuer_label.isHidden():
                log.info("event=checkout_issuer_shown invoice=%s host=%s", self._invoice, host)
            self.issuer_label.show()
        else:
            self.issuer_label.hide()
            self.issuer_label.clear()

    def _fail(self, message: str) -> None:
        log.warning("event=checkout_load_failed invoice=%s", self._invoice)
        self.status_label.setText(message)
        self.stop(self.tr("The payment page is not available"), message)
        self.load_failed.emit(message)
