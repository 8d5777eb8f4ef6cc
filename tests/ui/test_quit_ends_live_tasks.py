"""Quitting: the console's own tasks (a detail loading, the badge's count) end before the store closes.

Seen as a teardown error: the attention badge's count read the store after it had closed, and the crash
handler got a bug where nothing was wrong. ``_shutdown`` now lets them end first (``end_live_tasks``)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import shiboken6

from epay_desktop.ui.app.crash import CrashHandler
from epay_desktop.ui.app.main import _shutdown
from epay_desktop.ui.common.asyncqt import end_live_tasks
from epay_desktop.ui.common.asyncqt import spawn


def test_a_count_still_reading_at_quit_ends_before_the_store_closes(
    real_console: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, controller = real_console.ctx, real_console.controller
    release = asyncio.Event()
    counted: list[int] = []

    async def count_when_released() -> None:  # the badge's count, caught between its two reads
        await release.wait()
        counted.append(await ctx.queries.attention_count(10))

    count = spawn(count_when_released(), name="attention_count")
    still_running_at_close: list[bool] = []
    close_context = ctx.aclose

    async def aclose() -> None:
        still_running_at_close.append(not count.done())
        await close_context()

    monkeypatch.setattr(ctx, "aclose", aclose)
    with qtbot.capture_exceptions() as crashes:
        quitting = asyncio.ensure_future(_shutdown(controller, None, ctx, CrashHandler(lambda: None)))
        qtbot.waitUntil(lambda: not shiboken6.isValid(controller.window))  # the windows are gone
        release.set()  # the count reads now
        qtbot.waitUntil(quitting.done)
    assert quitting.exception() is None
    assert still_running_at_close == [False]
    assert counted == [0]
    assert crashes == []


def test_a_task_waiting_for_a_person_is_cancelled_after_the_grace(qtbot: Any, aloop: Any) -> None:
    never = asyncio.Event()
    waiting = spawn(never.wait(), name="waits_for_a_dialog_that_is_gone")
    ended = asyncio.ensure_future(end_live_tasks(grace_s=0.05))
    with qtbot.capture_exceptions() as crashes:
        qtbot.waitUntil(ended.done)
    assert waiting.cancelled()
    assert crashes == []
