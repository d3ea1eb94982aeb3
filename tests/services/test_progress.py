"""A cancel reaches the work at its next check, and at once whatever it runs inside
``interrupting``."""

from __future__ import annotations

import pytest

from tracker.services.progress import Cancelled, Progress


def test_a_cancel_calls_the_interrupt_of_the_work_running() -> None:
    progress = Progress()
    calls: list[str] = []
    with progress.interrupting(lambda: calls.append("interrupted")):
        progress.cancel()
        assert calls == ["interrupted"]
        with pytest.raises(Cancelled):
            progress.check()


def test_an_interrupt_is_not_called_once_the_work_left_it() -> None:
    progress = Progress()
    calls: list[str] = []
    with progress.interrupting(lambda: calls.append("first")):
        pass
    with progress.interrupting(lambda: calls.append("second")):
        progress.cancel()
    assert calls == ["second"]


def test_nested_interrupts_are_all_called() -> None:
    progress = Progress()
    calls: list[str] = []
    with (
        progress.interrupting(lambda: calls.append("outer")),
        progress.interrupting(lambda: calls.append("inner")),
    ):
        progress.cancel()
    assert calls == ["outer", "inner"]


def test_work_cancelled_before_it_began_is_not_begun() -> None:
    progress = Progress()
    progress.cancel()
    calls: list[str] = []
    with pytest.raises(Cancelled), progress.interrupting(lambda: calls.append("interrupted")):
        calls.append("began")
    assert calls == []
