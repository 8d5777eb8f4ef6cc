"""The checkout page: a QWebEnginePage that obeys :class:`NavigationPolicy` and says no to everything else.

Back links never load: they become ``back_link_reached(invoice, success_hint)``. The only way to
another host is the card issuer's 3-D Secure page, entered by a form POST during a payment
(docs/decisions/0040): ``acceptNavigationRequest`` asks the policy with the navigation's kind and the
page it starts on, and a request interceptor then checks the entry really is a POST. New windows,
permissions, file-system access, protocol handlers, full screen, screen sharing, WebAuthn and
certificate errors are all refused (no override UI), and each refusal is logged.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtCore import QUrl
from PySide6.QtCore import Signal
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineCore import QWebEngineProfile
from PySide6.QtWebEngineCore import QWebEngineUrlRequestInfo
from PySide6.QtWebEngineCore import QWebEngineUrlRequestInterceptor

from epay_desktop.ui.checkout.policy import Decision
from epay_desktop.ui.checkout.policy import Navigation
from epay_desktop.ui.checkout.policy import NavigationPolicy
from epay_desktop.ui.checkout.policy import NavKind
from epay_desktop.ui.checkout.policy import safe_for_log
from epay_desktop.ui.checkout.profile import apply_settings
from epay_desktop.ui.checkout.profile import harden_profile

__all__ = ["CheckoutPage", "deny_permission", "reject_certificate"]

log = logging.getLogger(__name__)
_Nav = QWebEnginePage.NavigationType
_KINDS = {
    _Nav.NavigationTypeLinkClicked: NavKind.LINK,
    _Nav.NavigationTypeTyped: NavKind.TYPED,
    _Nav.NavigationTypeFormSubmitted: NavKind.FORM,
    _Nav.NavigationTypeBackForward: NavKind.BACK_FORWARD,
    _Nav.NavigationTypeReload: NavKind.RELOAD,
    _Nav.NavigationTypeRedirect: NavKind.REDIRECT,
}
_MAIN_FRAME = QWebEngineUrlRequestInfo.ResourceType.ResourceTypeMainFrame


def reject_certificate(error: Any) -> None:
    """``certificateError``: always reject, never accept, never ask the cashier."""
    log.warning("event=checkout_certificate_rejected url=%s", safe_for_log(error.url().toString()))
    error.rejectCertificate()


def deny_permission(permission: Any) -> None:
    """``permissionRequested``: camera, microphone, location, notifications, clipboard... all denied."""
    log.warning("event=checkout_permission_denied type=%s", permission.permissionType())
    permission.deny()


def _reject(what: str) -> Any:
    def handler(request: Any) -> None:
        log.warning("event=checkout_request_denied what=%s", what)
        if hasattr(request, "reject"):
            request.reject()
        else:
            request.cancel()

    return handler


class _EntryCheck(QWebEngineUrlRequestInterceptor):
    """Sees each request's HTTP method (acceptNavigationRequest does not); runs on the GUI thread (Qt 6)."""

    def __init__(self, page: CheckoutPage) -> None:
        super().__init__(page)
        self._page = page

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        if info.resourceType() == _MAIN_FRAME:
            self._page.check_request(info)


class CheckoutPage(QWebEnginePage):
    """One page on the shared off-the-record profile (which must outlive it)."""

    #: The customer reached a back link: (invoice id from the link, True for backLink).
    back_link_reached = Signal(str, bool)
    #: Our shell page could not find halyk (payment-api.js did not load).
    gateway_unavailable = Signal()
    #: A navigation or window was refused; the URL without its query.
    navigation_blocked = Signal(str)

    def __init__(self, profile: QWebEngineProfile, policy: NavigationPolicy, parent: QObject | None = None):
        harden_profile(profile)
        super().__init__(profile, parent)
        self.policy = policy
        self._local_loads = 0  # setHtml loads we started ourselves (they arrive as data: URLs)
        #: A payment is running (the view says so): only then may the issuer's 3-D Secure page open.
        self.payment_active = False
        #: ``host:port`` of the issuer's page this payment entered ("" none); reset by the view.
        self.issuer = ""
        #: The issuer entry accepted but not yet seen by the interceptor: (url, issuer before, from).
        self._entry: tuple[str, str, str] | None = None
        #: The last entry the interceptor refused (not a POST); the view names it when the load fails.
        self.refused_entry = ""
        self._entry_check = _EntryCheck(self)
        self.setUrlRequestInterceptor(self._entry_check)
        apply_settings(self.settings())
        self.certificateError.connect(reject_certificate)
        self.permissionRequested.connect(deny_permission)
        self.fileSystemAccessRequested.connect(_reject("file-system"))
        self.registerProtocolHandlerRequested.connect(_reject("protocol-handler"))
        self.fullScreenRequested.connect(_reject("full-screen"))
        self.desktopMediaRequested.connect(_reject("desktop-media"))
        self.webAuthUxRequested.connect(_reject("webauthn"))

    def show_local(self, html: str, base_url: str) -> None:
        """Load our own HTML (the shell or an info page) with ``base_url`` as its origin."""
        self._local_loads += 1
        self.setHtml(html, QUrl(base_url))

    def acceptNavigationRequest(
        self, url: QUrl | str, type: QWebEnginePage.NavigationType, isMainFrame: bool
    ) -> bool:
        text = url.toString() if isinstance(url, QUrl) else str(url)
        if (
            text.startswith("data:")
            and isMainFrame
            and type == _Nav.NavigationTypeTyped
            and self._local_loads
        ):
            self._local_loads -= 1  # only the API can start a "typed" load; a script cannot
            return True
        here = self.url().toString()
        if isMainFrame:
            self._entry = None  # a newer main-frame navigation: an entry not yet requested is dropped
        navigation = Navigation(
            text, isMainFrame, _KINDS.get(type, NavKind.OTHER), here, self.payment_active, self.issuer
        )
        decision = self.policy.decide_navigation(navigation)
        if decision is Decision.ALLOW:
            return True
        if decision is Decision.ISSUER:
            issuer = self.policy.netloc_of(text)
            if issuer != self.issuer or not self.policy.is_issuer_page(here, self.issuer):
                log.info(
                    "event=checkout_issuer_page url=%s kind=%s from=%s",
                    safe_for_log(text),
                    navigation.kind.value,
                    safe_for_log(here),
                )
            if navigation.kind is NavKind.FORM:
                self._entry = (text, self.issuer, here)
            self.issuer = issuer
            return True
        if decision in (Decision.BACK_OK, Decision.BACK_FAIL):
            invoice = self.policy.invoice_of(text) or ""
            log.info("event=checkout_back_link success_hint=%s", decision is Decision.BACK_OK)
            self.back_link_reached.emit(invoice, decision is Decision.BACK_OK)
        elif decision is Decision.UNAVAILABLE:
            log.warning("event=checkout_gateway_script_missing")
            self.gateway_unavailable.emit()
        else:
            where = safe_for_log(text)
            log.warning(
                "event=checkout_navigation_blocked url=%s main_frame=%s type=%s", where, isMainFrame, type
            )
            self.navigation_blocked.emit(where)
        return False

    def reset_issuer(self) -> None:
        """A new payment (or none): no issuer's page entered yet."""
        self.issuer, self._entry, self.refused_entry = "", None, ""

    def check_request(self, info: QWebEngineUrlRequestInfo) -> None:
        """The interceptor's half of the issuer rule: the entering form submission must be a POST."""
        entry = self._entry
        url = info.requestUrl().toString()
        if entry is None or url != entry[0]:
            return
        self._entry = None
        _url, before, here = entry
        method = bytes(info.requestMethod().data()).decode("ascii", "replace")
        navigation = Navigation(url, True, NavKind.FORM, here, self.payment_active, before, method)
        if self.policy.decide_navigation(navigation) in (Decision.ALLOW, Decision.ISSUER):
            return
        info.block(True)
        self.issuer, self.refused_entry = before, url
        where = safe_for_log(url)
        log.warning("event=checkout_navigation_blocked url=%s main_frame=True method=%s", where, method)
        self.navigation_blocked.emit(where)

    # JavaScript dialogs and file pickers would open modal Qt dialogs (a nested event loop inside the
    # qasync loop) over the customer's page; the gateway's page never needs them at a counter.
    def javaScriptAlert(self, securityOrigin: QUrl | str, msg: str) -> None:
        log.info("event=checkout_js_dialog_suppressed kind=alert")

    def javaScriptConfirm(self, securityOrigin: QUrl | str, msg: str) -> bool:
        log.info("event=checkout_js_dialog_suppressed kind=confirm")
        return False

    def javaScriptPrompt(
        self,
        securityOrigin: QUrl | str,
        msg: str,
        defaultValue: str,
    ) -> tuple[bool, str]:
        log.info("event=checkout_js_dialog_suppressed kind=prompt")
        return False, ""

    def chooseFiles(self, mode: Any, oldFiles: Any, acceptedMimeTypes: Any) -> list[str]:
        log.warning("event=checkout_file_chooser_denied")
        return []

    def javaScriptConsoleMessage(self, level: Any, message: str, lineNumber: int, sourceID: str) -> None:
        # Qt's default prints every message; keep them at debug, short, and behind the redaction filter.
        log.debug("event=checkout_console level=%s message=%.200s", getattr(level, "name", level), message)

    def createWindow(self, type: QWebEnginePage.WebWindowType) -> QWebEnginePage | None:  # type: ignore[override]
        log.warning("event=checkout_window_denied type=%s", type)
        self.navigation_blocked.emit("window")
        return None
