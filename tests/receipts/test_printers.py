"""Printer profiles, status bytes in words, and one print job against the fake network printer:
printed, unknown or failed, and always saying what happened (decision 0105)."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator

import pytest

from epay_desktop.receipts.escpos_profile import TextMode
from epay_desktop.receipts.printers import Outcome
from epay_desktop.receipts.printers import PaperState
from epay_desktop.receipts.printers import PrinterBook
from epay_desktop.receipts.printers import PrinterError
from epay_desktop.receipts.printers import PrinterStatus
from epay_desktop.receipts.printers import Transport
from epay_desktop.receipts.printers import TransportKind
from epay_desktop.receipts.printers import make_profile
from epay_desktop.receipts.printers import parse_status
from epay_desktop.receipts.printers import print_job
from epay_desktop.sandbox.printer.interpreter import Interpreter
from epay_desktop.sandbox.printer.interpreter import Paper
from epay_desktop.sandbox.printer.interpreter import Printout
from epay_desktop.sandbox.printer.server import FakePrinter
from epay_desktop.sandbox.printer.server import Trouble
from epay_desktop.sandbox.printer.server import status_byte

JOB = b"\x1b@" + b"".join(b"line %02d\n" % i for i in range(30)) + b"\x1dV\x01"


@pytest.fixture
def fake() -> Iterator[FakePrinter]:
    printer = FakePrinter(384)
    with printer.start_in_thread():
        yield printer


def _print(printer, data, **kwargs):
    """``print_job`` waiting long for status answers (a loaded machine is slow; silence is tested
    with its own short wait)."""
    return print_job(printer, data, **{"probe_seconds": 10.0, **kwargs})


def _profile(fake: FakePrinter, **kwargs: object):
    return make_profile("front", f"network:{fake.host}:{fake.port}", "58", **kwargs)  # type: ignore[arg-type]


# -- status bytes --------------------------------------------------------------------------------


def test_status_bytes_in_words():
    assert parse_status(0x12, 0x12, 0x12) == PrinterStatus(True, True, False, PaperState.OK, False)
    out = parse_status(0x1A, 0x32, 0x7E)
    assert (out.online, out.paper, out.can_print) == (False, PaperState.OUT, False)
    assert [m.text() for m in out.problems()] == ["The printer is out of paper: load a new roll."]
    cover = parse_status(0x1A, 0x16, 0x12)
    assert [m.text() for m in cover.problems()] == ["The printer's cover is open: close it."]
    offline = parse_status(0x1A, 0x12, 0x12)
    assert [m.text() for m in offline.problems()] == [
        "The printer is offline: check that it is switched on and its cable."
    ]
    near = parse_status(0x12, 0x12, 0x1E)
    assert near.can_print and near.paper is PaperState.NEAR_END
    assert [m.text() for m in near.problems()] == ["The paper is running out: have a new roll ready."]
    assert [m.context for m in near.problems()] == ["printing"]


def test_silence_or_a_byte_that_is_not_a_status_is_unknown_never_fine():
    assert parse_status(None) == PrinterStatus(answered=False)
    assert parse_status(0x41, 0x12, 0x12) == PrinterStatus(answered=False)  # "A": fixed bits wrong
    assert parse_status(0x12, None, None).paper is PaperState.UNKNOWN


# -- profiles and the shop's list ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("network:192.168.1.50:9100", TransportKind.NETWORK, ("192.168.1.50", 9100)),
        ("network:printer.local", TransportKind.NETWORK, ("printer.local", 9100)),
        ("usb:0416:5011", TransportKind.USB, (0x0416, 0x5011)),
        ("serial:/dev/ttyUSB0@115200", TransportKind.SERIAL, ("/dev/ttyUSB0", 115200)),
        ("serial:COM3", TransportKind.SERIAL, ("COM3", 9600)),
        ("cups:Receipts", TransportKind.CUPS, ("Receipts", 0)),
        ("FILE:/dev/usb/lp0", TransportKind.FILE, ("/dev/usb/lp0", 0)),
    ],
)
def test_printer_addresses(text, kind, target):
    transport = Transport.parse(text)
    assert (transport.kind, transport.target()) == (kind, target)
    assert Transport.parse(str(transport)) == transport


@pytest.mark.parametrize(
    "text", ["", "network:", "usb:04x6:1", "lpt:1", "network:host:99999", "serial:COM1@fast"]
)
def test_a_wrong_address_says_the_forms(text):
    with pytest.raises(PrinterError, match="write network:HOST:PORT, usb:VENDOR:PRODUCT"):
        Transport.parse(text)


def test_a_profile_that_cannot_print_says_why():
    with pytest.raises(PrinterError, match="cannot print so: ESC/POS prints on 58 or 80 mm rolls"):
        make_profile("x", "network:h:9100", "a4")
    with pytest.raises(PrinterError, match="1 to 40 characters"):
        make_profile("a/b", "network:h:9100")


def test_the_book_keeps_printers_and_register_defaults_through_its_text():
    front = make_profile("Касса 1", "network:10.0.0.5:9100", "80", "kz1048", cancel_kanji=True)
    back = make_profile("back", "usb:0416:5011", "58", "hybrid", code_page=59, status=False)
    book = PrinterBook().with_printer(front).with_printer(back).with_default("KASSA-1", "Касса 1")
    again = PrinterBook.from_text(book.as_text())
    assert again == book
    assert again.default_for("KASSA-1") == front
    assert again.get("back").render.mode is TextMode.HYBRID and again.get("back").render.code_page == 59
    assert not again.get("back").probes
    assert again.without("Касса 1").defaults == {}
    with pytest.raises(PrinterError, match=r"There is no printer 'nope'; the shop's printers: Касса 1, back"):
        book.get("nope")
    with pytest.raises(PrinterError, match="Register KASSA-2 has no default printer"):
        book.default_for("KASSA-2")
    with pytest.raises(PrinterError, match="The shop's printer list cannot be read"):
        PrinterBook.from_text('{"printers": [{"name": "x"}]}')


# -- one job --------------------------------------------------------------------------------------


def test_a_healthy_printer_prints_the_whole_job(fake):
    outcome = _print(_profile(fake), JOB, chunk=64)
    assert (outcome.outcome, outcome.sent, outcome.total, outcome.said) == (
        Outcome.PRINTED,
        len(JOB),
        len(JOB),
        (),
    )
    [job] = fake.wait_for_jobs(1)
    assert job.printout is not None and len(job.printout.lines) == 30 and job.printout.cuts


def test_out_of_paper_before_the_job_sends_nothing(fake):
    fake.set_trouble(paper_out=True)
    outcome = _print(_profile(fake), JOB)
    assert (outcome.outcome, outcome.sent) == (Outcome.FAILED, 0)
    assert outcome.summary() == (
        "The printer is out of paper: load a new roll. "
        "Nothing was printed; the receipt is kept: print it again when ready."
    )
    [job] = fake.wait_for_jobs(1)
    assert job.printout is not None and job.printout.lines == []


def test_paper_running_out_mid_job_fails_it_and_says_it_may_be_incomplete(fake):
    fake.set_trouble(paper_out_after_bytes=60)
    outcome = _print(_profile(fake), JOB, chunk=32)
    assert (outcome.outcome, outcome.sent) == (Outcome.FAILED, len(JOB))
    assert outcome.before is not None and outcome.before.paper is PaperState.OK
    assert outcome.after is not None and outcome.after.paper is PaperState.OUT
    assert outcome.summary().startswith(
        "The printer is out of paper: load a new roll. The receipt may be incomplete"
    )
    [job] = fake.wait_for_jobs(1)
    assert job.printout is not None and 0 < len(job.printout.lines) < 30 and not job.printout.cuts


def test_cover_open_and_offline_stop_the_job_before_it_starts(fake):
    fake.set_trouble(cover_open=True)
    assert _print(_profile(fake), JOB).said[0].text() == "The printer's cover is open: close it."
    fake.set_trouble(offline=True)
    offline = _print(_profile(fake), JOB)
    assert (offline.outcome, offline.sent) == (Outcome.FAILED, 0)
    assert offline.said[0].text().startswith("The printer reports an error")
    assert all(job.printout is not None and not job.printout.lines for job in fake.wait_for_jobs(2))


def test_paper_near_its_end_prints_with_a_warning(fake):
    fake.set_trouble(near_end=True)
    outcome = _print(_profile(fake), JOB)
    assert outcome.outcome is Outcome.PRINTED
    assert outcome.summary() == "The paper is running out: have a new roll ready."
    [job] = fake.wait_for_jobs(1)
    assert job.printout is not None and len(job.printout.lines) == 30


def test_a_printer_that_never_answers_makes_the_outcome_unknown(fake):
    fake.set_trouble(silent=True)
    outcome = print_job(_profile(fake), JOB, probe_seconds=0.2)
    assert (outcome.outcome, outcome.sent) == (Outcome.UNKNOWN, len(JOB))
    assert outcome.before == PrinterStatus(answered=False)
    assert "it cannot say whether it printed" in outcome.summary()
    unprobed = _print(_profile(fake, status=False), JOB)
    assert unprobed.outcome is Outcome.UNKNOWN and unprobed.before is None
    assert [bytes(job.data) for job in fake.wait_for_jobs(2)] == [
        b"\x10\x04\x01" + JOB + b"\x10\x04\x01",
        JOB,
    ]


def test_a_dropped_connection_fails_the_job_with_the_bytes_sent(fake):
    fake.set_trouble(drop_after_bytes=100)
    outcome = _print(_profile(fake), JOB * 50, chunk=256)
    assert outcome.outcome is Outcome.FAILED
    assert outcome.summary().startswith("The connection to the printer broke after ")
    assert "the receipt is kept: print it again (a duplicate)" in outcome.summary()
    [job] = fake.wait_for_jobs(1)
    assert job.dropped and len(job.data) == 100


def test_a_printer_that_cannot_be_reached_fails_plainly():
    with socket.socket() as spare:  # a port nobody listens on
        spare.bind(("127.0.0.1", 0))
        port = spare.getsockname()[1]
    outcome = _print(make_profile("gone", f"network:127.0.0.1:{port}"), JOB)
    assert (outcome.outcome, outcome.sent) == (Outcome.FAILED, 0)
    assert outcome.summary().startswith("The printer at network:127.0.0.1:")
    assert "cannot be reached" in outcome.summary() and "check that it is switched on" in outcome.summary()


# -- through python-escpos: a serial printer on a pseudo-terminal, a device file ---------------------


class _SerialPrinter:
    """The printer's end of a pseudo-terminal: prints what comes through the interpreter and answers
    status requests, on a thread, until the link is closed."""

    def __init__(self, paper: Paper) -> None:
        import os
        import pty
        import threading
        import tty

        self.master, slave = pty.openpty()
        tty.setraw(slave)
        self.port = os.ttyname(slave)
        self._slave = slave
        self.interpreter = Interpreter(384, paper=paper, on_status=self._answer)
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _answer(self, n: int) -> None:
        import os

        os.write(self.master, bytes([status_byte(n, self.interpreter.paper, Trouble())]))

    def _serve(self) -> None:
        import os

        while True:
            try:
                chunk = os.read(self.master, 4096)
            except OSError:  # the other end closed
                return
            if not chunk:
                return
            self.interpreter.feed(chunk)

    def close(self) -> Printout:
        import os

        os.close(self._slave)
        self._thread.join(timeout=10)
        os.close(self.master)
        return self.interpreter.finish()


def test_a_serial_printer_through_python_escpos_prints_and_answers():
    printer = _SerialPrinter(Paper())
    try:
        profile = make_profile("counter", f"serial:{printer.port}@115200", "58")
        outcome = _print(profile, JOB)
        assert (outcome.outcome, outcome.sent) == (Outcome.PRINTED, len(JOB))
        printer.interpreter.paper.ended = True
        stopped = _print(profile, JOB)
        assert stopped.outcome is Outcome.FAILED and stopped.sent == 0
    finally:
        printout = printer.close()
    assert len(printout.lines) == 30 and printout.cuts


def test_a_device_file_gets_the_bytes_and_cannot_say_more(tmp_path):
    device = tmp_path / "lp0"
    device.touch()
    outcome = _print(make_profile("usb-lp", f"file:{device}", "80"), JOB)
    assert (outcome.outcome, outcome.sent, outcome.before) == (Outcome.UNKNOWN, len(JOB), None)
    assert device.read_bytes() == JOB


def test_a_serial_port_that_is_not_there_fails_plainly(tmp_path):
    outcome = _print(make_profile("gone", f"serial:{tmp_path / 'ttyUSB9'}"), JOB)
    assert (outcome.outcome, outcome.sent) == (Outcome.FAILED, 0)
    assert "cannot be reached (DeviceNotFoundError: " in outcome.summary() and "ttyUSB9" in outcome.summary()


def test_a_half_written_capabilities_pickle_from_another_process_does_not_stop_a_print(tmp_path):
    """Two processes importing python-escpos at once: one finds the other's pickle still empty
    (EOFError at import); the print goes on with a pickle of its own (seen as a CI flake)."""
    import platform
    import subprocess
    import sys

    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / f"{platform.python_version()}.capabilities.pickle").write_bytes(b"")  # being written
    out = tmp_path / "receipt.bin"
    code = (
        "from epay_desktop.receipts.printers import make_profile, open_connection\n"
        f"link = open_connection(make_profile('file', 'file:{out}').transport)\n"
        "link.send(b'ok')\n"
        "link.close()\n"
    )
    env = {**os.environ, "ESCPOS_CAPABILITIES_PICKLE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().endswith(b"ok")
