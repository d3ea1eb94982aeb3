"""Stack regression guard: signals and chart updates must not leak or drop references.

PySide6 6.12.0 drops a reference to ``True`` on every ``Signal.emit()``.  On
Python 3.11, where ``True`` is not immortal, a live chart then aborts the
interpreter (``bool_dealloc``) after about 1,100 ``setData`` calls.  The
project's dependency bounds exclude that release on 3.11; this test proves the
installed stack survives far more emits and updates than a session makes, and
fails early, with a readable message, on the drift itself rather than the crash.
"""

from __future__ import annotations

import gc
import sys

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.gui

ROUNDS = 20_000
CHECK_EVERY = 100
TOLERANCE = 200  # ordinary churn of objects holding True; the bug drifts by one per emit


class _Emitter(QObject):
    fired = Signal(bool)


def _true_refs(collect: bool = False) -> int:
    if collect:
        gc.collect()
    return sys.getrefcount(True)


def _assert_steady(baseline: int, done: int, what: str, collect: bool = False) -> None:
    drift = _true_refs(collect) - baseline
    assert abs(drift) < TOLERANCE, (
        f"the reference count of True drifted by {drift} after {done} {what}: this "
        "PySide6 build drops references on emit and will abort a long session"
    )


def test_signal_emits_keep_the_reference_count_of_true(qtbot: QtBot) -> None:
    emitter = _Emitter()
    received: list[bool] = []
    emitter.fired.connect(received.append)
    baseline = _true_refs(collect=True)
    for done in range(1, ROUNDS + 1):
        emitter.fired.emit(True)
        if done % CHECK_EVERY == 0:
            received.clear()
            _assert_steady(baseline, done, "signal emits")
    _assert_steady(baseline, ROUNDS, "signal emits", collect=True)


def test_chart_updates_keep_the_reference_count_of_true(qtbot: QtBot) -> None:
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    curve = plot.getPlotItem().plot()
    x = np.arange(8, dtype=float)
    baseline = _true_refs(collect=True)
    for done in range(1, ROUNDS + 1):
        curve.setData(x, x * (done % 7))
        if done % CHECK_EVERY == 0:
            _assert_steady(baseline, done, "chart updates")
    _assert_steady(baseline, ROUNDS, "chart updates", collect=True)
    assert list(curve.getData()[1]) == list(x * (ROUNDS % 7))
