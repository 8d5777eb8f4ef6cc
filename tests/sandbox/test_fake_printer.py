"""The fake network printer on a real socket: it prints what it gets and answers ``DLE EOT n`` with
the bits of escpos.md section 3.3 for each trouble it is told to have (decision 0106)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator

import pytest

from epay_desktop.sandbox.printer.server import FakePrinter

ASK = {n: b"\x10\x04" + bytes([n]) for n in (1, 2, 3, 4)}


@pytest.fixture
def printer() -> Iterator[FakePrinter]:
    fake = FakePrinter(384)
    with fake.start_in_thread():
        yield fake


def _ask_all(printer: FakePrinter) -> dict[int, int]:
    """The four status bytes, asked on one connection."""
    with socket.create_connection((printer.host, printer.port), timeout=5) as link:
        answers = {}
        for n, request in ASK.items():
            link.sendall(request)
            answers[n] = link.recv(1)[0]
    return answers


@pytest.mark.parametrize(
    ("trouble", "expected"),
    [
        ({}, {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12}),
        ({"paper_out": True}, {1: 0x1A, 2: 0x32, 3: 0x12, 4: 0x7E}),
        ({"near_end": True}, {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1E}),
        ({"cover_open": True}, {1: 0x1A, 2: 0x16, 3: 0x12, 4: 0x12}),
        ({"offline": True}, {1: 0x1A, 2: 0x52, 3: 0x12, 4: 0x12}),
    ],
)
def test_status_answers_carry_the_bits_of_each_trouble(printer, trouble, expected):
    printer.set_trouble(**trouble)
    answers = _ask_all(printer)
    assert answers == expected
    assert all(b & 0x93 == 0x12 for b in answers.values())  # the fixed bits of a status byte


def test_it_prints_the_job_and_keeps_bytes_and_paper(printer):
    job = b"\x1b@\x1bt\x35" + "Қазақ тілі\n".encode("kz1048") + b"\x1dV\x01"
    with socket.create_connection((printer.host, printer.port), timeout=5) as link:
        link.sendall(job)
    [done] = printer.wait_for_jobs(1)
    assert bytes(done.data) == job
    assert done.printout is not None and done.printout.lines == ["Қазақ тілі"]
    assert done.printout.cuts and done.error is None


def test_paper_running_out_after_some_lines_stops_printing_until_a_new_roll(printer):
    printer.set_trouble(paper_out_after_lines=2)
    with socket.create_connection((printer.host, printer.port), timeout=5) as link:
        link.sendall(b"\x1b@one\ntwo\nthree\n" + ASK[4])
        assert link.recv(1)[0] == 0x7E
    printer.load_paper()
    assert _ask_all(printer)[4] == 0x12
    first, _asking = printer.wait_for_jobs(2)
    assert first.printout is not None and first.printout.lines == ["one", "two"]


def test_a_silent_printer_never_answers(printer):
    printer.set_trouble(silent=True)
    with socket.create_connection((printer.host, printer.port), timeout=5) as link:
        link.sendall(ASK[1])
        link.settimeout(0.2)
        with pytest.raises(TimeoutError):
            link.recv(1)


def test_it_drops_the_connection_after_the_bytes_it_was_told(printer):
    printer.set_trouble(drop_after_bytes=10)
    with socket.create_connection((printer.host, printer.port), timeout=5) as link:
        link.sendall(b"\x1b@" + b"x" * 30 + b"\n")
        assert link.recv(16) == b""  # closed by the printer
    [job] = printer.wait_for_jobs(1)
    assert job.dropped and len(job.data) == 10


def test_bytes_that_are_not_esc_pos_end_the_job_with_the_reason(printer):
    with socket.create_connection((printer.host, printer.port), timeout=5) as link:
        link.sendall(b"\x1b@\x1bZ\x00")
    [job] = printer.wait_for_jobs(1)
    assert job.error is not None and "unknown command 1B 5A" in job.error


def test_it_runs_on_the_callers_loop_too():
    async def scenario() -> bytes:
        fake = FakePrinter(576)
        await fake.start()
        try:
            reader, writer = await asyncio.open_connection(fake.host, fake.port)
            writer.write(ASK[1])
            answer = await reader.readexactly(1)
            writer.close()
            await writer.wait_closed()
            return answer
        finally:
            await fake.stop()

    assert asyncio.run(scenario()) == b"\x12"
