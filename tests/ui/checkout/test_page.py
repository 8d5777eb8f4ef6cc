"""The checkout page's locks, tried from inside a real page (and with fakes where Chromium needs a server)."""

from __future__ import annotations

import http.server
import shutil
import ssl
import subprocess
from collections.abc import Callable
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import SIGNAL
from PySide6.QtCore import QPoint
from PySide6.QtCore import Qt
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEngineDownloadRequest
from PySide6.QtWebEngineCore import QWebEngineLoadingInfo
from PySide6.QtWebEngineCore import QWebEngineProfile
from PySide6.QtWebEngineCore import QWebEngineSettings

from epay_desktop.ui.checkout.page import deny_permission
from epay_desktop.ui.checkout.page import reject_certificate
from epay_desktop.ui.checkout.policy import DEFAULT_RETURN_BASE
from epay_desktop.ui.checkout.profile import SETTINGS
from epay_desktop.ui.checkout.profile import harden_profile
from epay_desktop.ui.checkout.profile import reject_download
from epay_desktop.ui.checkout.view import CheckoutView
from tests.support.loopback import serving

pytestmark = pytest.mark.browser
MakeView = Callable[..., CheckoutView]
HERE = DEFAULT_RETURN_BASE + "/test"
PAGE = """<!doctype html><html><body style="margin:0">
<a id="blank" href="https://example.com/new" target="_blank"
   style="display:block;width:100vw;height:100vh">open in a new window</a></body></html>"""


class Recorder:
    """A fake Qt request/error object: records which of its methods were called."""

    def __init__(self, url: str = "https://127.0.0.1/") -> None:
        self.calls: list[str] = []
        self._url = url

    def url(self) -> QUrl:
        return QUrl(self._url)

    def permissionType(self) -> str:
        return "Geolocation"

    def __getattr__(self, name: str) -> Callable[[], None]:
        return lambda: self.calls.append(name)


@pytest.fixture
def view(make_view: MakeView, qtbot: Any) -> CheckoutView:
    """A checkout view showing a local test page on the console's origin."""
    v = make_view()
    with qtbot.waitSignal(v.page.loadFinished, timeout=10_000):
        v.page.show_local(PAGE, HERE)
    return v


def blocked(view: CheckoutView, qtbot: Any, drive: Any, script: str) -> str:
    with qtbot.waitSignal(view.page.navigation_blocked, timeout=10_000) as sig:
        drive.run_js(view.page, script)
    return str(sig.args[0])


def test_settings_profile_and_view_are_locked_down(view: CheckoutView, profile: QWebEngineProfile) -> None:
    assert profile.isOffTheRecord()
    for settings in (view.page.settings(), profile.settings()):
        for attribute, value in SETTINGS.items():
            assert settings.testAttribute(attribute) is value, attribute
        assert (
            settings.unknownUrlSchemePolicy()
            == QWebEngineSettings.UnknownUrlSchemePolicy.DisallowUnknownUrlSchemes
        )
    attr = QWebEngineSettings.WebAttribute
    for attribute in (
        attr.JavascriptCanOpenWindows,
        attr.LocalContentCanAccessFileUrls,
        attr.NavigateOnDropEnabled,
    ):
        assert view.page.settings().testAttribute(attribute) is False
    assert view.page.devToolsPage() is None
    assert view.web.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    assert not view.web.acceptDrops()
    assert profile.receivers(SIGNAL("downloadRequested(QWebEngineDownloadRequest*)")) == 1
    assert view.page.receivers(SIGNAL("certificateError(QWebEngineCertificateError)")) == 1
    assert view.page.receivers(SIGNAL("permissionRequested(QWebEnginePermission)")) == 1


def test_a_profile_on_disk_is_refused() -> None:
    class OnDisk:
        def isOffTheRecord(self) -> bool:
            return False

    with pytest.raises(ValueError, match="off the record"):
        harden_profile(OnDisk())  # type: ignore[arg-type]


def test_main_frame_stays_on_the_gateway_hosts(view: CheckoutView, qtbot: Any, drive: Any) -> None:
    assert (
        blocked(view, qtbot, drive, "location.href = 'https://example.com/'; true")
        == "https://example.com:443/"
    )
    qtbot.waitUntil(lambda: not view.page.isLoading())
    assert view.page.url().toString() == HERE
    assert blocked(view, qtbot, drive, f"location.href = '{DEFAULT_RETURN_BASE}/other'; true").endswith(
        "/other"
    )
    with qtbot.waitSignal(view.page.navigation_blocked, timeout=10_000):
        view.page.load(QUrl("https://evil.example/payform/"))  # not even the API may go there
    assert drive.run_js(view.page, "location.href") == HERE


def test_file_urls_are_blocked(view: CheckoutView, qtbot: Any, drive: Any) -> None:
    assert blocked(view, qtbot, drive, "location.href = 'file:///etc/passwd'; true") == "file:"
    with qtbot.waitSignal(view.page.navigation_blocked, timeout=10_000):
        view.page.load(QUrl("file:///etc/passwd"))
    # url() may still name the refused request for a moment; the document itself never changed.
    assert drive.run_js(view.page, "location.href + ' ' + document.body.textContent.trim()") == (
        HERE + " open in a new window"
    )


def test_other_schemes_never_load(view: CheckoutView, qtbot: Any, drive: Any) -> None:
    loaded: list[str] = []
    view.page.loadingChanged.connect(
        lambda info: (
            loaded.append(info.url().toString())
            if info.status() == QWebEngineLoadingInfo.LoadStatus.LoadSucceededStatus
            else None
        )
    )
    for url in ("data:text/html,<h1>x</h1>", "foo://bar", "blob:https://example.com/x"):
        drive.run_js(view.page, f"location.href = {url!r}; true")
        qtbot.waitUntil(lambda: not view.page.isLoading())
    assert drive.run_js(view.page, "location.href") == HERE
    assert loaded == []


def test_no_new_windows(view: CheckoutView, qtbot: Any, drive: Any) -> None:
    assert drive.run_js(view.page, "String(window.open('https://example.com/'))") == "null"
    assert view.page.createWindow(view.page.WebWindowType.WebBrowserTab) is None
    # A real click (a user gesture) on a target=_blank link still opens nothing.
    with qtbot.waitSignal(view.page.navigation_blocked, timeout=10_000) as sig:
        qtbot.mouseClick(view.web.focusProxy(), Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
    assert sig.args == ["window"]
    assert view.page.url().toString() == HERE


def test_sub_frames_are_https_only_except_allowed_loopback(
    view: CheckoutView, qtbot: Any, drive: Any, unused_port: int
) -> None:
    frame = "var f = document.createElement('iframe'); f.src = %r; document.body.appendChild(f); true"
    assert blocked(view, qtbot, drive, frame % "http://example.com/") == "http://example.com:80/"
    assert blocked(view, qtbot, drive, frame % f"http://127.0.0.1:{unused_port}/x").endswith(
        f"{unused_port}/x"
    )
    assert view.page.policy.decide(f"{drive.sandbox.base_url}/payform/", main_frame=False).value == "allow"


def test_permissions_are_denied(view: CheckoutView, qtbot: Any, drive: Any) -> None:
    fake = Recorder()
    deny_permission(fake)
    assert fake.calls == ["deny"]
    drive.run_js(
        view.page,
        "navigator.geolocation.getCurrentPosition(() => { window.geo = 'granted'; },"
        " (e) => { window.geo = 'error ' + e.code; }); true",
    )
    drive.wait_js(lambda: view.page, "window.geo === 'error 1'")  # PERMISSION_DENIED
    drive.run_js(
        view.page,
        "navigator.clipboard.readText().then(() => { window.clip = 'read'; },"
        " (e) => { window.clip = e.name; }); true",
    )
    drive.wait_js(lambda: view.page, "window.clip === 'NotAllowedError'")


def test_javascript_dialogs_do_not_block(view: CheckoutView, drive: Any) -> None:
    assert (
        drive.run_js(view.page, "alert('x'); String(confirm('y')) + ':' + String(prompt('z'))")
        == "false:null"
    )


def test_certificate_errors_are_rejected_never_accepted() -> None:
    fake = Recorder("https://epay.homebank.kz/payform/?params=secret")
    reject_certificate(fake)
    assert fake.calls == ["rejectCertificate"]


def test_downloads_are_cancelled() -> None:
    fake = Recorder()
    reject_download(fake)
    assert fake.calls == ["cancel"]


# -- against real servers on loopback ------------------------------------------------------------


class _Attachment(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"not for the till"
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Disposition", 'attachment; filename="x.bin"')
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def attachment_server() -> Iterator[http.server.ThreadingHTTPServer]:
    with serving(http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Attachment)) as server:
        yield server


def test_a_real_download_is_cancelled(
    make_view: MakeView, qtbot: Any, profile: QWebEngineProfile, attachment_server: Any
) -> None:
    """The request is cancelled inside ``downloadRequested`` (``isFinished()`` is true at once), but
    Chromium has already read the body and may report the item "in progress" once more before its
    own cancellation lands (a race: 3 of 80 runs here). So wait for Chromium's final word
    (cancelled by the user) instead of reading the state right after ``isFinished()``."""
    host = f"127.0.0.1:{attachment_server.server_address[1]}"
    view = make_view(allowed_hosts={host})
    requests: list[QWebEngineDownloadRequest] = []
    states: list[QWebEngineDownloadRequest.DownloadState] = []

    def requested(request: QWebEngineDownloadRequest) -> None:
        requests.append(request)
        states.append(request.state())  # after the profile's own handler: already cancelled
        request.stateChanged.connect(states.append)

    profile.downloadRequested.connect(requested)
    try:
        view.page.load(QUrl(f"http://{host}/x.bin"))
        qtbot.waitUntil(lambda: bool(requests), timeout=10_000)
        request = requests[0]
        assert states[0] == QWebEngineDownloadRequest.DownloadState.DownloadCancelled
        qtbot.waitUntil(
            lambda: (
                request.state() == QWebEngineDownloadRequest.DownloadState.DownloadCancelled
                and request.interruptReason()
                == QWebEngineDownloadRequest.DownloadInterruptReason.UserCanceled
            ),
            timeout=10_000,
        )
        assert request.receivedBytes() == 0
        assert QWebEngineDownloadRequest.DownloadState.DownloadCompleted not in states
        assert not (Path(request.downloadDirectory()) / request.downloadFileName()).exists()
    finally:
        profile.downloadRequested.disconnect(requested)


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[http.server.ThreadingHTTPServer]:
    """An https server with a self-signed certificate (a man in the middle, as the browser sees it)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a self-signed certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            key,
            "-out",
            cert,
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Attachment)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    with serving(server):
        yield server


def test_a_bad_certificate_fails_the_load(
    make_view: MakeView, qtbot: Any, tls_server: Any, drive: Any
) -> None:
    host = f"127.0.0.1:{tls_server.server_address[1]}"
    view = make_view(allowed_hosts={host})
    errors: list[Any] = []
    view.page.certificateError.connect(lambda error: errors.append(error.description()))
    checkout = drive.new_checkout("100")
    with qtbot.waitSignal(view.load_failed, timeout=15_000):
        view.start(checkout.payment_object, f"https://{host}/payform/payment-api.js", checkout.expires_at)
    assert errors  # Chromium asked, the page said no (see the fake above), and nothing loaded
