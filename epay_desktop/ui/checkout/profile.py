"""The one browser profile of the console: off the record, no downloads, hardened settings.

The app creates it once (``make_checkout_profile(app)``) and keeps it for its whole life; every
checkout page uses it and must be deleted before it ("Release of profile requested but WebEnginePage
still not deleted" otherwise).
"""

from __future__ import annotations

import logging
from typing import Any
from typing import Final

from PySide6.QtCore import QObject
from PySide6.QtWebEngineCore import QWebEngineProfile
from PySide6.QtWebEngineCore import QWebEngineSettings

__all__ = ["SETTINGS", "apply_settings", "harden_profile", "make_checkout_profile", "reject_download"]

log = logging.getLogger(__name__)

_A = QWebEngineSettings.WebAttribute
#: Every attribute the checkout browser pins, on the profile and again on each page.
SETTINGS: Final[dict[QWebEngineSettings.WebAttribute, bool]] = {
    _A.JavascriptEnabled: True,  # the gateway's page needs it
    _A.JavascriptCanOpenWindows: False,
    _A.JavascriptCanAccessClipboard: False,
    _A.JavascriptCanPaste: False,
    _A.AllowWindowActivationFromJavaScript: False,
    _A.LocalContentCanAccessRemoteUrls: False,
    _A.LocalContentCanAccessFileUrls: False,
    _A.AllowRunningInsecureContent: False,
    _A.AllowGeolocationOnInsecureOrigins: False,
    _A.NavigateOnDropEnabled: False,
    _A.PluginsEnabled: False,
    _A.PdfViewerEnabled: False,
    _A.FullScreenSupportEnabled: False,
    _A.ScreenCaptureEnabled: False,
    _A.WebRTCPublicInterfacesOnly: True,
    _A.HyperlinkAuditingEnabled: False,
    _A.DnsPrefetchEnabled: False,
    _A.ErrorPageEnabled: False,  # we show our own message, not Chromium's
}
_HARDENED: Final = "epayCheckoutHardened"


def apply_settings(settings: QWebEngineSettings) -> None:
    for attribute, value in SETTINGS.items():
        settings.setAttribute(attribute, value)
    settings.setUnknownUrlSchemePolicy(QWebEngineSettings.UnknownUrlSchemePolicy.DisallowUnknownUrlSchemes)


def reject_download(request: Any) -> None:
    """``downloadRequested``: nothing is ever saved from the checkout page."""
    log.warning("event=checkout_download_blocked")
    request.cancel()


def harden_profile(profile: QWebEngineProfile) -> QWebEngineProfile:
    """Check the profile is off the record and pin its policies; safe to call more than once."""
    if not profile.isOffTheRecord():
        raise ValueError("the checkout profile must be off the record (no storage name)")
    if profile.property(_HARDENED):
        return profile
    profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
    profile.setPersistentCookiesPolicy(QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies)
    profile.setPersistentPermissionsPolicy(QWebEngineProfile.PersistentPermissionsPolicy.AskEveryTime)
    profile.setSpellCheckEnabled(False)
    apply_settings(profile.settings())
    profile.downloadRequested.connect(reject_download)
    profile.setProperty(_HARDENED, True)
    return profile


def make_checkout_profile(parent: QObject) -> QWebEngineProfile:
    """A new off-the-record profile owned by ``parent`` (give it the application's lifetime)."""
    return harden_profile(QWebEngineProfile(parent))
