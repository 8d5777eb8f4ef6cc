"""``epay_desktop.logs`` never puts a stack trace on the screen (issue 11, part 3; decision 0070)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from epay_desktop import logs


@pytest.fixture
def root_as_it_was() -> Iterator[logging.Logger]:
    root = logging.getLogger()
    before = (root.level, list(root.handlers))
    yield root
    for handler in list(root.handlers):
        if handler not in before[1]:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(before[0])


def _boom() -> BaseException:
    try:
        raise RuntimeError("boom deep inside")
    except RuntimeError as exc:
        return exc


def test_a_log_file_on_a_full_disk_prints_nothing_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, root_as_it_was: Any
) -> None:
    monkeypatch.setattr(logs._LogFile, "_open", lambda self: open("/dev/full", "a", encoding="utf-8"))  # noqa: SIM115
    logs.configure_logging(tmp_path)
    failures = logs._LogFile.failures
    logging.getLogger("t").error("event=x", exc_info=_boom())
    for handler in list(root_as_it_was.handlers):
        if isinstance(handler, logs._LogFile):
            root_as_it_was.removeHandler(handler)
            handler.close()  # the buffered lines cannot be written either: still nothing on the screen
    err = capsys.readouterr().err
    assert "Logging error" not in err and "Traceback" not in err
    assert logs._LogFile.failures > failures


def test_verbose_shows_a_trace_as_one_line_and_the_file_keeps_it_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], root_as_it_was: Any
) -> None:
    path = logs.configure_logging(tmp_path, verbose=True)
    logging.getLogger("t").error("event=y", exc_info=_boom())
    err = capsys.readouterr().err
    assert "event=y" in err and "(RuntimeError; the stack trace is in the log file)" in err
    assert "Traceback" not in err
    assert "Traceback" in path.read_text(encoding="utf-8")


def test_a_failure_before_the_log_is_open_is_written_to_it(tmp_path: Path, root_as_it_was: Any) -> None:
    handlers = list(root_as_it_was.handlers)
    path = logs.log_failure(tmp_path, "event=cli_open_failed command=x", _boom())
    assert path is not None and "boom deep inside" in path.read_text(encoding="utf-8")
    assert root_as_it_was.handlers == handlers  # nothing left attached


def test_without_a_log_attached_records_do_not_reach_stderr(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, root_as_it_was: Any
) -> None:
    monkeypatch.setattr(root_as_it_was, "handlers", [])  # as in a command after its log is detached
    logs.quiet_without_handlers()
    logs.quiet_without_handlers()  # once is enough
    assert len(root_as_it_was.handlers) == 1
    logging.getLogger("asyncio").error("Task exception was never retrieved", exc_info=_boom())
    assert capsys.readouterr().err == ""
