"""A fake network receipt printer: a TCP server (port 9100 on a real one) that prints what it is sent
through the :mod:`.interpreter` and answers ``DLE EOT n`` the way escpos.md section 3.3 describes.

Tell it what goes wrong (:meth:`FakePrinter.set_trouble`): the paper runs out now or after so many
bytes or printed lines, the paper is near its end, the cover is open, the printer is offline, it
drops the connection after so many bytes, or it never answers a status request (a write-only
printer). :meth:`FakePrinter.load_paper` puts a new roll in. It keeps each connection as a
:class:`Job`: the bytes received and the printout.

Start it on the running loop (``await printer.start()``) or on its own thread
(:meth:`FakePrinter.start_in_thread`, for the command line and synchronous tests); it listens on
127.0.0.1 and a free port unless told otherwise.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from collections.abc import Mapping
from contextlib import contextmanager
from contextlib import suppress
from dataclasses import dataclass
from dataclasses import field

from epay_desktop.sandbox.printer.interpreter import CODE_PAGES
from epay_desktop.sandbox.printer.interpreter import EscPosError
from epay_desktop.sandbox.printer.interpreter import Interpreter
from epay_desktop.sandbox.printer.interpreter import Paper
from epay_desktop.sandbox.printer.interpreter import Printout

__all__ = ["FakePrinter", "Job", "Trouble", "status_byte"]

#: Bits 1 and 4 are always on in a status byte, bits 0 and 7 always off (escpos.md section 3.3).
_FIXED = 0x12


@dataclass
class Trouble:
    """What is wrong with the printer now (besides the paper, see :class:`Paper`)."""

    cover_open: bool = False
    offline: bool = False  # off line for another reason (an error the printer reports)
    silent: bool = False  # never answers DLE EOT (a write-only link)
    drop_after_bytes: int | None = None  # closes the connection after this many bytes of a job


def status_byte(n: int, paper: Paper, trouble: Trouble) -> int:
    """The printer's answer to ``DLE EOT n``: 1 printer, 2 off-line cause, 3 errors, 4 paper sensor."""
    stopped = paper.ended or trouble.cover_open or trouble.offline
    bits = 0
    if n == 1:
        bits = 0x08 if stopped else 0
    elif n == 2:
        bits = (
            (0x04 if trouble.cover_open else 0)
            | (0x20 if paper.ended else 0)
            | (0x40 if trouble.offline else 0)
        )
    elif n == 4:
        bits = (0x0C if paper.near_end or paper.ended else 0) | (0x60 if paper.ended else 0)
    return _FIXED | bits


@dataclass
class Job:
    """One connection's bytes and what they printed (``printout`` once the connection closed)."""

    data: bytearray = field(default_factory=bytearray)
    printout: Printout | None = None
    error: str | None = None  # the interpreter's refusal (strict): the job's bytes were not ESC/POS
    dropped: bool = False  # the printer closed the connection itself


class FakePrinter:
    """A printer on a socket; ``width`` dots (576 = 80 mm, 384 = 58 mm)."""

    def __init__(
        self,
        width: int = 576,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        code_pages: Mapping[int, str] = CODE_PAGES,
    ) -> None:
        self.width = width
        self.host = host
        self.port = port
        self.code_pages = code_pages
        self.paper = Paper()
        self.trouble = Trouble()
        self.jobs: list[Job] = []
        self._lock = threading.Lock()  # the state is set from the test's thread, read on the loop's
        self._changed = threading.Condition(self._lock)
        self._server: asyncio.Server | None = None
        self._open: dict[asyncio.Task[None], asyncio.StreamWriter] = {}  # connections being served

    # -- what a test tells it ----------------------------------------------------------------------

    def set_trouble(
        self,
        *,
        paper_out: bool = False,
        paper_out_after_bytes: int | None = None,
        paper_out_after_lines: int | None = None,
        near_end: bool = False,
        cover_open: bool = False,
        offline: bool = False,
        silent: bool = False,
        drop_after_bytes: int | None = None,
    ) -> None:
        """Replace the printer's trouble (nothing given: a healthy printer with a full roll)."""
        with self._lock:
            self.paper.load()
            self.paper.ended = paper_out
            self.paper.near_end = near_end
            self.paper.bytes_left = paper_out_after_bytes
            self.paper.lines_left = paper_out_after_lines
            self.trouble = Trouble(cover_open, offline, silent, drop_after_bytes)

    def load_paper(self) -> None:
        """A new roll and the cover closed."""
        with self._lock:
            self.paper.load()
            self.trouble.cover_open = False

    def wait_for_jobs(self, count: int, timeout: float = 10.0) -> list[Job]:
        """Block until ``count`` jobs have ended (their connections closed); returns the jobs.
        Raises TimeoutError. For a thread other than the printer's loop."""
        with self._changed:
            if not self._changed.wait_for(
                lambda: sum(j.printout is not None for j in self.jobs) >= count, timeout
            ):
                raise TimeoutError(f"the fake printer got {len(self.jobs)} of {count} jobs")
            return list(self.jobs)

    # -- the server ------------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on the running loop; ``port`` is the one bound afterwards."""
        self._server = await asyncio.start_server(self._accepted, self.host, self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """Stop listening, close the connections still open and wait for their jobs to end."""
        if self._server is not None:
            self._server.close()
            for writer in self._open.values():
                writer.close()
            await asyncio.gather(*list(self._open), return_exceptions=True)
            await self._server.wait_closed()
            self._server = None

    @contextmanager
    def start_in_thread(self) -> Iterator[FakePrinter]:
        """Run the printer on a loop of its own thread while the ``with`` block runs. Wait for the
        jobs sent (:meth:`wait_for_jobs`) before leaving it: a connection the loop has not accepted by
        then is dropped unserved."""
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="fake-printer", daemon=True)
        thread.start()
        try:
            asyncio.run_coroutine_threadsafe(self.start(), loop).result(timeout=10)
            yield self
        finally:
            asyncio.run_coroutine_threadsafe(self.stop(), loop).result(timeout=10)
            asyncio.run_coroutine_threadsafe(self._settle(), loop).result(timeout=10)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=10)
            loop.close()

    async def _settle(self) -> None:
        """End every task of the printer's own loop: asyncio makes an accepted connection's transport
        in a task of its own, so a connection accepted just before the stop ends here, closed."""
        me = asyncio.current_task()
        while others := [task for task in asyncio.all_tasks() if task is not me]:
            for writer in list(self._open.values()):
                writer.close()
            await asyncio.gather(*others, return_exceptions=True)

    def _accepted(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """A connection: its job runs as a task kept until it ends (stop() waits for every one,
        also one accepted but not started yet)."""
        task = asyncio.get_running_loop().create_task(self._serve(reader, writer))
        self._open[task] = writer
        task.add_done_callback(lambda done: self._open.pop(done, None))

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        job = Job()
        with self._lock:
            self.jobs.append(job)

        def answer(n: int) -> None:  # under the lock: called from feed()
            if not self.trouble.silent:
                writer.write(bytes([status_byte(n, self.paper, self.trouble)]))

        interpreter = Interpreter(self.width, code_pages=self.code_pages, paper=self.paper, on_status=answer)
        try:
            while chunk := await reader.read(4096):
                with self._lock:
                    drop = self.trouble.drop_after_bytes
                    if drop is not None and len(job.data) + len(chunk) >= drop:
                        chunk = chunk[: max(0, drop - len(job.data))]
                        job.dropped = True
                    job.data += chunk
                    interpreter.feed(chunk)
                await writer.drain()
                if job.dropped:
                    writer.transport.abort()
                    break
        except EscPosError as exc:
            job.error = str(exc)
            writer.transport.abort()
        except ConnectionError:
            job.dropped = True
        finally:
            with self._changed:
                job.printout = interpreter.finish()
                self._changed.notify_all()
            writer.close()
            with suppress(ConnectionError):
                await writer.wait_closed()  # the socket is closed once the transport says it is
