"""Receipt printers: where each one is (its transport), how it prints (the render profile), what its
status bytes say, and one print job from start to end (decision 0105, docs/escpos.md sections 1.2,
3.3 and 5.6).

* :class:`PrinterProfile`: a named printer of the shop: a :class:`Transport` (network ``host:port``,
  USB ``vendor:product``, serial ``port`` + baud, a CUPS raw queue or a device file), the
  :class:`~epay_desktop.receipts.escpos_profile.RenderProfile` its receipts are drawn for, and whether
  it answers ``DLE EOT``. :class:`PrinterBook` is the shop's list and each register's default, kept as
  one shop setting (``receipt.printers``) in JSON.
* :func:`parse_status`: the ``DLE EOT 1/2/4`` bytes as a :class:`PrinterStatus`; its
  :meth:`~PrinterStatus.problems` say in plain, translatable words what is wrong and what to do.
* :func:`print_job`: probe, send the bytes in pieces, probe again; a :class:`PrintOutcome` that is
  ``printed``, ``unknown`` (a printer that cannot say) or ``failed``, with what was sent and why.

The transports are python-escpos's printer classes (``Usb``, ``Serial``, ``CupsPrinter``, ``File``),
imported when a printer is opened, never at start-up; we send our own bytes through their ``_raw`` and
read status through their ``_read`` (docs/escpos.md section 5.7). A network printer is a plain TCP
socket (:class:`_SocketConnection` says why). Nothing here touches the
receipt store: a print that fails leaves the issued receipt where it is, and a reprint is a duplicate.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import socket
import sys
import tempfile
from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Mapping
from contextlib import contextmanager
from contextlib import suppress
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from enum import StrEnum
from typing import TYPE_CHECKING
from typing import Any
from typing import Protocol

from epay_desktop.domain import ConsoleError
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Message
from epay_desktop.domain.i18n import msg
from epay_desktop.receipts.escpos_profile import Cutter
from epay_desktop.receipts.escpos_profile import RenderProfile
from epay_desktop.receipts.escpos_profile import TextMode
from epay_desktop.receipts.escpos_profile import render_profile

if TYPE_CHECKING:
    from escpos.escpos import Escpos

__all__ = [
    "DLE_EOT",
    "RECEIPT_WORDS",
    "Connection",
    "JobWords",
    "Outcome",
    "PaperState",
    "PrintOutcome",
    "PrinterBook",
    "PrinterError",
    "PrinterProfile",
    "PrinterStatus",
    "Transport",
    "TransportKind",
    "make_profile",
    "open_connection",
    "parse_status",
    "print_job",
    "probe_status",
]

#: ``DLE EOT n``: the real-time status request (n = 1 printer, 2 off-line cause, 4 paper sensor).
DLE_EOT = b"\x10\x04"
#: Bytes sent at a time: a cheap printer's input buffer is a few kilobytes (escpos.md section 2.4).
CHUNK_BYTES = 4096
#: How long a status answer is waited for, in seconds: a printer answers at once (escpos.md section 3.3
#: suggests 300-500 ms); one second leaves room for a busy network or USB hub. A printer that never
#: answers costs this once a probe: give it ``status=False`` (``printer add --no-status``).
PROBE_SECONDS = 1.0
#: How long connecting and each write may take, in seconds.
SEND_SECONDS = 10.0
_NAME = re.compile(r"[^\s/\\][^/\\]{0,39}")


class PrinterError(ConsoleError):
    """A printer profile or a printer that cannot be used; the message says what to do."""


# -- where the printer is ----------------------------------------------------------------------------


class TransportKind(StrEnum):
    NETWORK = "network"  # host:port (TCP 9100)
    USB = "usb"  # vendor:product, hexadecimal (pyusb; on Windows it needs WinUSB bound)
    SERIAL = "serial"  # port[@baud]
    CUPS = "cups"  # a raw CUPS queue
    FILE = "file"  # a device file such as /dev/usb/lp0


@dataclass(frozen=True, slots=True)
class Transport:
    """How the printer is reached: ``kind`` and ``address`` as the manager types it
    (``192.168.1.50:9100``, ``0416:5011``, ``/dev/ttyUSB0@115200``, ``Receipts``, ``/dev/usb/lp0``)."""

    kind: TransportKind
    address: str

    @classmethod
    def parse(cls, text: str) -> Transport:
        """``kind:address`` (``network:192.168.1.50:9100``); raises PrinterError saying the forms."""
        kind, _, address = text.strip().partition(":")
        try:
            transport = cls(TransportKind(kind.lower()), address.strip())
            transport.target()
        except ValueError:
            raise PrinterError(
                msg(
                    "printing",
                    QT_TRANSLATE_NOOP(
                        "printing",
                        "{text} is not a printer address; write network:HOST:PORT, usb:VENDOR:PRODUCT, "
                        "serial:PORT@BAUD, cups:QUEUE or file:DEVICE",
                    ),
                    text=repr(text),
                )
            ) from None
        return transport

    def target(self) -> tuple[str | int, int]:
        """The address split: (host, port), (vendor, product), (port, baud) or (name, 0).
        Raises ValueError when the address does not fit the kind."""
        address = self.address
        if not address:
            raise ValueError("no address")
        if self.kind is TransportKind.NETWORK:
            host, _, port = address.rpartition(":") if ":" in address else (address, "", "9100")
            if not host or not port.isdigit() or not 0 < int(port) < 65536:
                raise ValueError(address)
            return host, int(port)
        if self.kind is TransportKind.USB:
            vendor, _, product = address.partition(":")
            return int(vendor, 16), int(product, 16)
        if self.kind is TransportKind.SERIAL:
            port, _, baud = address.partition("@")
            if baud and not baud.isdigit():
                raise ValueError(address)
            return port, int(baud or 9600)
        return address, 0

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.address}"

    @property
    def reads_back(self) -> bool:
        """Whether the link can carry the printer's answers (escpos.md section 1.2): a CUPS queue and
        a device file cannot."""
        return self.kind in (TransportKind.NETWORK, TransportKind.USB, TransportKind.SERIAL)


# -- one printer, and the shop's list ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PrinterProfile:
    """A named receipt printer: where it is, how its receipts are drawn, whether it answers status
    requests (``status``; a CUPS queue or a device file never does)."""

    name: str
    transport: Transport
    render: RenderProfile
    status: bool = True

    def __post_init__(self) -> None:
        if not _NAME.fullmatch(self.name):
            raise PrinterError(
                msg(
                    "printing",
                    QT_TRANSLATE_NOOP(
                        "printing", "A printer's name is 1 to 40 characters, without slashes: {name} is not."
                    ),
                    name=repr(self.name),
                )
            )

    @property
    def probes(self) -> bool:
        """Whether a job asks the printer for its status before and after printing."""
        return self.status and self.transport.reads_back

    def as_json(self) -> dict[str, Any]:
        r = self.render
        return {
            "name": self.name,
            "transport": str(self.transport),
            "status": self.status,
            "head_dots": r.head_dots,
            "columns": r.columns,
            "mode": r.mode.value,
            "codec": r.codec,
            "code_page": r.code_page,
            "qr_native": r.qr_native,
            "cutter": r.cutter.value,
            "cancel_kanji": r.cancel_kanji,
        }

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> PrinterProfile:
        """The profile :meth:`as_json` wrote; raises PrinterError (ValueError/KeyError/TypeError inside)."""
        try:
            render = RenderProfile(
                head_dots=int(raw["head_dots"]),
                columns=int(raw["columns"]),
                mode=TextMode(raw["mode"]),
                codec=str(raw["codec"]),
                code_page=int(raw["code_page"]),
                qr_native=bool(raw["qr_native"]),
                cutter=Cutter(raw["cutter"]),
                cancel_kanji=bool(raw["cancel_kanji"]),
            )
            return cls(str(raw["name"]), Transport.parse(str(raw["transport"])), render, bool(raw["status"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise _unreadable(exc) from None


def make_profile(
    name: str,
    transport: str,
    width: str = "80",
    mode: str = TextMode.RASTER.value,
    *,
    codec: str | None = None,
    code_page: int | None = None,
    columns: int | None = None,
    status: bool = True,
    cancel_kanji: bool = False,
    cutter: str = Cutter.PARTIAL.value,
) -> PrinterProfile:
    """A profile from what a manager types (``printer add``; ``codec``: hybrid's text page, cp866 when
    None); raises PrinterError saying what is wrong."""
    try:
        render = render_profile(width, mode, codec=codec, code_page=code_page, columns=columns, cutter=cutter)
    except ValueError as exc:
        raise PrinterError(
            msg(
                "printing",
                QT_TRANSLATE_NOOP("printing", "The printer cannot print so: {reason}."),
                reason=exc,
            )
        ) from None
    return PrinterProfile(
        name.strip(), Transport.parse(transport), replace(render, cancel_kanji=cancel_kanji), status
    )


def _unreadable(exc: Exception) -> PrinterError:
    return PrinterError(
        msg(
            "printing",
            QT_TRANSLATE_NOOP(
                "printing",
                "The shop's printer list cannot be read ({reason}); add the printers again with "
                "epay-desktop printer add.",
            ),
            reason=exc,
        )
    )


@dataclass(frozen=True, slots=True)
class PrinterBook:
    """The shop's printers by name and each register's default (``receipt.printers``, decision 0105)."""

    printers: tuple[PrinterProfile, ...] = ()
    defaults: Mapping[str, str] = field(default_factory=dict)  # register id -> printer name

    @classmethod
    def from_text(cls, text: str) -> PrinterBook:
        """The book a stored setting holds (empty: no printers); raises PrinterError."""
        if not text.strip():
            return cls()
        try:
            raw = json.loads(text)
            printers = tuple(PrinterProfile.from_json(p) for p in raw["printers"])
            defaults = {str(k): str(v) for k, v in dict(raw["defaults"]).items()}
        except (KeyError, TypeError, ValueError) as exc:
            raise _unreadable(exc) from None
        return cls(printers, defaults)

    def as_text(self) -> str:
        return json.dumps(
            {"printers": [p.as_json() for p in self.printers], "defaults": dict(self.defaults)},
            ensure_ascii=False,
            sort_keys=True,
        )

    def get(self, name: str) -> PrinterProfile:
        """The printer called ``name``; raises PrinterError naming the printers there are."""
        for printer in self.printers:
            if printer.name == name:
                return printer
        raise PrinterError(
            msg(
                "printing",
                QT_TRANSLATE_NOOP("printing", "There is no printer {name}; the shop's printers: {known}."),
                name=repr(name),
                known=", ".join(p.name for p in self.printers) or "-",
            )
        )

    def default_for(self, register_id: str) -> PrinterProfile:
        """The register's default printer; raises PrinterError when it has none."""
        name = self.defaults.get(register_id)
        if name is None:
            raise PrinterError(
                msg(
                    "printing",
                    QT_TRANSLATE_NOOP(
                        "printing",
                        "Register {register} has no default printer: name one with --printer, or let a "
                        "manager set it with epay-desktop printer default NAME.",
                    ),
                    register=register_id,
                )
            )
        return self.get(name)

    def with_printer(self, printer: PrinterProfile) -> PrinterBook:
        """The book with ``printer`` added, or replacing the one of the same name."""
        kept = tuple(p for p in self.printers if p.name != printer.name)
        return replace(self, printers=(*kept, printer))

    def without(self, name: str) -> PrinterBook:
        """The book without printer ``name`` (and no register defaulting to it); PrinterError if unknown."""
        self.get(name)
        return PrinterBook(
            tuple(p for p in self.printers if p.name != name),
            {register: n for register, n in self.defaults.items() if n != name},
        )

    def with_default(self, register_id: str, name: str) -> PrinterBook:
        self.get(name)
        return replace(self, defaults={**self.defaults, register_id: name})


# -- what the printer says ---------------------------------------------------------------------------


class PaperState(StrEnum):
    OK = "ok"
    NEAR_END = "near end"
    OUT = "out"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    """The printer's state from its ``DLE EOT`` answers; ``answered`` False: it said nothing (a link
    that cannot read back, or no answer in time): the state is unknown, never assumed fine."""

    answered: bool
    online: bool | None = None
    cover_open: bool = False
    paper: PaperState = PaperState.UNKNOWN
    error: bool = False

    @property
    def can_print(self) -> bool:
        """Nothing the printer said stops a print (an unknown state does not)."""
        return self.problems(warnings=False) == []

    def problems(self, *, warnings: bool = True) -> list[Message]:
        """What is wrong, each in words saying what to do (``warnings``: also the paper near its end)."""
        said: list[Message] = []
        if self.paper is PaperState.OUT:
            said.append(
                msg(
                    "printing", QT_TRANSLATE_NOOP("printing", "The printer is out of paper: load a new roll.")
                )
            )
        if self.cover_open:
            said.append(
                msg("printing", QT_TRANSLATE_NOOP("printing", "The printer's cover is open: close it."))
            )
        if self.error:
            said.append(
                msg(
                    "printing",
                    QT_TRANSLATE_NOOP(
                        "printing",
                        "The printer reports an error: switch it off and on, and check the cutter.",
                    ),
                )
            )
        if self.online is False and not said:
            said.append(
                msg(
                    "printing",
                    QT_TRANSLATE_NOOP(
                        "printing", "The printer is offline: check that it is switched on and its cable."
                    ),
                )
            )
        if warnings and self.paper is PaperState.NEAR_END:
            said.append(
                msg(
                    "printing",
                    QT_TRANSLATE_NOOP("printing", "The paper is running out: have a new roll ready."),
                )
            )
        return said


def parse_status(printer: int | None, cause: int | None = None, paper: int | None = None) -> PrinterStatus:
    """The answers to ``DLE EOT 1``, ``2`` and ``4`` (None: not answered) as a :class:`PrinterStatus`.

    A byte whose fixed bits are wrong (``b & 0x93 != 0x12``) is not a status answer and counts as
    none (escpos.md section 3.3).
    """
    ok = [b if b is not None and b & 0x93 == 0x12 else None for b in (printer, cause, paper)]
    first, second, third = ok
    if first is None:
        return PrinterStatus(answered=False)
    paper_state = PaperState.UNKNOWN
    if third is not None:
        paper_state = (
            PaperState.OUT if third & 0x60 else PaperState.NEAR_END if third & 0x0C else PaperState.OK
        )
    if second is not None and second & 0x20:
        paper_state = PaperState.OUT
    return PrinterStatus(
        answered=True,
        online=not first & 0x08,
        cover_open=bool(second is not None and second & 0x04),
        paper=paper_state,
        error=bool(second is not None and second & 0x40),
    )


# -- talking to it ---------------------------------------------------------------------------------


class Connection(Protocol):
    """An open link to a printer."""

    def send(self, data: bytes) -> None: ...

    def ask(self, request: bytes, seconds: float) -> int | None:
        """Send a real-time request; the one-byte answer, or None when none came in ``seconds``."""
        ...

    def close(self) -> None: ...


class _EscposConnection:
    """A python-escpos printer object used as a :class:`Connection` (only ``_raw`` and ``_read``)."""

    def __init__(self, device: Escpos, reads_back: bool) -> None:
        self._device = device
        self._reads_back = reads_back

    def send(self, data: bytes) -> None:
        self._device._raw(data)

    def ask(self, request: bytes, seconds: float) -> int | None:
        if not self._reads_back:
            return None
        self._device._raw(request)
        link: Any = getattr(self._device, "device", None)
        try:
            if hasattr(link, "in_waiting"):  # pyserial: _read() would wait the time-out out for 16 bytes
                with _serial_timeout(link, seconds):
                    answer = link.read(1)
            else:
                answer = self._device._read()  # USB: one packet from the IN endpoint
        except TimeoutError:
            return None
        except OSError as exc:
            if (
                type(exc).__name__ == "USBTimeoutError"
            ):  # pyusb: no answer in time; other errors: a broken link
                return None
            raise
        return answer[-1] if answer else None

    def close(self) -> None:
        self._device.close()


class _SocketConnection:
    """A network printer spoken to directly (TCP, port 9100): python-escpos 3.1's ``Network`` leaves
    its socket open when the connection is refused, and one time-out (60 s by default) covers both the
    connection and every status answer (decision 0105)."""

    def __init__(self, host: str, port: int) -> None:
        self._socket = socket.create_connection((host, port), timeout=SEND_SECONDS)

    def send(self, data: bytes) -> None:
        self._socket.settimeout(SEND_SECONDS)
        self._socket.sendall(data)

    def ask(self, request: bytes, seconds: float) -> int | None:
        self.send(request)
        self._socket.settimeout(seconds)
        try:
            answer = self._socket.recv(16)
        except TimeoutError:
            return None
        if not answer:
            raise ConnectionResetError("the printer closed the connection")
        return answer[-1]

    def close(self) -> None:
        with suppress(OSError):
            self._socket.shutdown(socket.SHUT_RDWR)
        self._socket.close()


@contextmanager
def _serial_timeout(link: Any, seconds: float) -> Iterator[None]:
    """A short read time-out on a pyserial port for one status answer, its own restored afterwards."""
    old = link.timeout
    link.timeout = seconds
    try:
        yield
    finally:
        link.timeout = old


def _escpos_device(transport: Transport) -> Escpos:
    """The python-escpos printer object of a USB, serial, CUPS or file ``transport`` (not opened)."""
    printers = _escpos_printers()
    first, second = transport.target()
    if transport.kind is TransportKind.USB:
        return printers.Usb(int(first), second, timeout=int(SEND_SECONDS * 1000))
    if transport.kind is TransportKind.SERIAL:
        return printers.Serial(str(first), baudrate=second, timeout=SEND_SECONDS)
    if transport.kind is TransportKind.CUPS:
        return printers.CupsPrinter(str(first))
    return printers.File(str(first))


def _escpos_printers() -> Any:
    """``escpos.printer``, imported with its capabilities pickle in our cache folder (escpos.md section
    1.2). Another process writing that pickle at the same moment (a second console, the CLI) leaves
    it half written for us: then this process builds its own in a folder of its own."""
    os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", _cache_dir())
    try:
        import escpos.printer as printers
    except (EOFError, pickle.UnpicklingError):
        for name in [n for n in sys.modules if n == "escpos" or n.startswith("escpos.")]:
            del sys.modules[name]
        os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = tempfile.mkdtemp(prefix="escpos-", dir=_cache_dir())
        import escpos.printer as printers
    return printers


def _cache_dir() -> str:
    """The user's cache folder (made if missing) for python-escpos's capabilities pickle; a temporary
    folder when it cannot be made."""
    from platformdirs import user_cache_dir

    folder = user_cache_dir("epay-desktop")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return tempfile.mkdtemp(prefix="epay-desktop-escpos-")
    return folder


def open_connection(transport: Transport) -> Connection:
    """Open the printer at ``transport`` (blocking: run it off the GUI loop). Raises PrinterError
    saying the printer cannot be reached and what to check."""
    try:
        if transport.kind is TransportKind.NETWORK:
            host, port = transport.target()
            return _SocketConnection(str(host), port)
        device = _escpos_device(transport)
        device.open()
    except Exception as exc:  # python-escpos raises its own DeviceNotFoundError, pyusb/pyserial theirs
        raise PrinterError(
            msg(
                "printing",
                QT_TRANSLATE_NOOP(
                    "printing",
                    "The printer at {address} cannot be reached ({reason}): check that it is switched on, "
                    "its cable or network, and the printer's address in the settings.",
                ),
                address=str(transport),
                reason=_reason(exc),
            )
        ) from None
    return _EscposConnection(device, transport.reads_back)


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def probe_status(connection: Connection, seconds: float = PROBE_SECONDS) -> PrinterStatus:
    """Ask ``DLE EOT 1``, then ``2`` and ``4`` when the first is answered (the policy of escpos.md
    section 3.3: silence is "unknown", never "paper fine")."""
    first = connection.ask(DLE_EOT + b"\x01", seconds)
    if first is None:
        return PrinterStatus(answered=False)
    return parse_status(
        first, connection.ask(DLE_EOT + b"\x02", seconds), connection.ask(DLE_EOT + b"\x04", seconds)
    )


# -- one print job -----------------------------------------------------------------------------------


class Outcome(StrEnum):
    PRINTED = "printed"  # sent whole, and the printer said afterwards that nothing stopped it
    UNKNOWN = "unknown"  # sent whole, but the printer cannot say whether it printed
    FAILED = "failed"  # not sent, sent in part, or the printer stopped: the slip may be missing or cut


@dataclass(frozen=True, slots=True)
class PrintOutcome:
    """What happened to one job: the outcome, the status before and after, the bytes sent of all,
    and the messages saying why (the first is the reason when it failed)."""

    outcome: Outcome
    printer: str
    sent: int
    total: int
    before: PrinterStatus | None = None
    after: PrinterStatus | None = None
    said: tuple[Message, ...] = ()

    def summary(self) -> str:
        """One English line for the log and the CLI."""
        return " ".join(m.text() for m in self.said) or self.outcome.value


def print_job(
    printer: PrinterProfile,
    data: bytes,
    *,
    connect: Callable[[Transport], Connection] = open_connection,
    chunk: int = CHUNK_BYTES,
    probe_seconds: float = PROBE_SECONDS,
    words: JobWords | None = None,
) -> PrintOutcome:
    """Send one job's bytes to ``printer`` (blocking: run it in a thread) and say what happened.

    1. Connect; a printer that cannot be reached fails the job, nothing sent.
    2. Probe (``DLE EOT 1/2/4``) when the printer answers status requests: out of paper, cover open or
       offline fails the job before anything is sent; paper near its end is a warning.
    3. Send in pieces of ``chunk`` bytes; a link that breaks fails the job with the bytes sent.
    4. Probe again: the printer stopped (paper ran out, cover opened) -> failed, "the receipt may be
       incomplete"; no answer -> unknown; else printed.
    Never raises for the printer's sake: every failure is in the outcome. ``words``: what the
    outcome says about the paper (:data:`RECEIPT_WORDS` by default; a shift report has its own).
    """
    words = words or RECEIPT_WORDS
    total, sent = len(data), 0
    said: list[Message] = []

    def ended(
        outcome: Outcome, before: PrinterStatus | None = None, after: PrinterStatus | None = None
    ) -> PrintOutcome:
        return PrintOutcome(outcome, printer.name, sent, total, before, after, tuple(said))

    try:
        connection = connect(printer.transport)
    except PrinterError as exc:
        said.extend([exc.message] if exc.message else [])
        return ended(Outcome.FAILED)
    try:
        before = probe_status(connection, probe_seconds) if printer.probes else None
        if before is not None and not before.can_print:
            said.extend(before.problems())
            said.append(words.not_printed)
            return ended(Outcome.FAILED, before)
        if before is not None:
            said.extend(before.problems())  # the paper near its end: printed, with a warning
        try:
            for start in range(0, total, chunk):
                connection.send(data[start : start + chunk])
                sent = min(total, start + chunk)
        except OSError as exc:
            said.insert(0, words.broke(exc, sent, total))
            return ended(Outcome.FAILED, before)
        try:
            after = probe_status(connection, probe_seconds) if printer.probes else None
        except OSError as exc:  # the link broke: what reached the paper is not known
            said.insert(0, words.broke(exc, sent, total))
            return ended(Outcome.FAILED, before)
        if after is not None and not after.can_print:
            said[:0] = [*after.problems(warnings=False), words.incomplete]
            return ended(Outcome.FAILED, before, after)
        if after is None or not after.answered:
            said.append(words.unknown)
            return ended(Outcome.UNKNOWN, before, after)
        return ended(Outcome.PRINTED, before, after)
    except OSError as exc:
        said.insert(0, words.broke(exc, sent, total))
        return ended(Outcome.FAILED)
    finally:
        with suppress(Exception):  # a link that is gone cannot be closed; the outcome is known
            connection.close()


_NOT_PRINTED = msg(
    "printing",
    QT_TRANSLATE_NOOP("printing", "Nothing was printed; the receipt is kept: print it again when ready."),
)
_MAY_BE_INCOMPLETE = msg(
    "printing",
    QT_TRANSLATE_NOOP(
        "printing",
        "The receipt may be incomplete; it is kept: print it again (a duplicate) when the printer is ready.",
    ),
)
_UNKNOWN = msg(
    "printing",
    QT_TRANSLATE_NOOP(
        "printing",
        "Sent to the printer; it cannot say whether it printed: check the slip, and print a duplicate "
        "if not.",
    ),
)


_BROKE = QT_TRANSLATE_NOOP(
    "printing",
    "The connection to the printer broke after {sent} of {total} bytes ({reason}); the receipt is "
    "kept: print it again (a duplicate) when the printer is ready.",
)


@dataclass(frozen=True, slots=True)
class JobWords:
    """What a job's outcome says about what it was printing, when it failed or cannot be known:
    nothing printed, maybe incomplete, not known, and the link broke (``broken``: a "printing"
    template with ``{sent}``, ``{total}`` and ``{reason}``). A receipt is kept and reprinted as a
    duplicate (:data:`RECEIPT_WORDS`); a shift report says its own (``services.printing``)."""

    not_printed: Message
    incomplete: Message
    unknown: Message
    broken: str

    def broke(self, exc: OSError, sent: int, total: int) -> Message:
        return msg("printing", self.broken, sent=sent, total=total, reason=_reason(exc))


RECEIPT_WORDS = JobWords(_NOT_PRINTED, _MAY_BE_INCOMPLETE, _UNKNOWN, _BROKE)
