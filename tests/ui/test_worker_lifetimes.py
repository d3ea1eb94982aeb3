"""Workers never free what the window made: results, work and garbage are let go of on
the GUI thread (Qt objects freed on another thread crash the application)."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject

from tracker.store.database import open_database
from tracker.store.ledger import Ledger
from tracker.ui import background
from tracker.ui.background import GATE, BackgroundJob, postbox, start_reading
from tracker.ui.ledger_store import LedgerStore

pytestmark = pytest.mark.gui
AS_OF = __import__("datetime").date(2026, 6, 30)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.db"
    open_database(path).close()
    return path


class Freed:
    """Records the thread it is freed on."""

    def __init__(self, seen: list[str]) -> None:
        self.seen = seen

    def __del__(self) -> None:
        self.seen.append(threading.current_thread().name)


def wait_for_tickets(qtbot: object) -> None:
    qtbot.waitUntil(lambda: postbox().outstanding == 0, timeout=10_000)  # type: ignore[attr-defined]


def test_the_collector_is_off_while_a_worker_runs_and_on_again_after(
    path: Path, qtbot: object
) -> None:
    assert gc.isenabled()
    during: list[bool] = []
    got: list[object] = []

    def work(_db: Ledger) -> int:
        during.append(gc.isenabled())
        return 7

    start_reading(path, work, 1, lambda _generation, result: got.append(result))
    wait_for_tickets(qtbot)
    assert got == [7]
    assert during == [False]
    qtbot.waitUntil(lambda: GATE.running == 0, timeout=5_000)  # type: ignore[attr-defined]
    postbox().settle()
    assert gc.isenabled()


def test_a_collector_switched_off_by_someone_else_stays_off(path: Path, qtbot: object) -> None:
    gc.disable()
    try:
        start_reading(path, lambda _db: None, 1, lambda _generation, _result: None)
        wait_for_tickets(qtbot)
        qtbot.waitUntil(lambda: GATE.running == 0, timeout=5_000)  # type: ignore[attr-defined]
        postbox().settle()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_work_and_its_result_are_freed_on_the_gui_thread(path: Path, qtbot: object) -> None:
    seen: list[str] = []
    started = threading.Event()
    release = threading.Event()

    class Work:
        def __init__(self) -> None:
            self.tag = Freed(seen)

        def __call__(self, _db: Ledger) -> Freed:
            started.set()
            release.wait(10)
            return Freed(seen)

    delivered: list[bool] = []
    start_reading(path, Work(), 1, lambda _generation, result: delivered.append(True))
    assert started.wait(10)  # the caller has already let go of its work
    release.set()
    wait_for_tickets(qtbot)
    assert delivered == [True]
    assert seen == [threading.main_thread().name] * 2  # the work's part, then the result


def test_a_result_handed_over_before_the_worker_goes_on_is_freed_on_the_gui_thread(
    path: Path, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The GUI thread may take the result and let go of it while the worker is still
    returning from posting it: the worker must not hold it by then."""
    seen: list[str] = []
    handed_over = threading.Event()
    real_post = background._Postbox.post

    def post_then_linger(box: object, number: int, outcome: list[object]) -> None:
        real_post(box, number, outcome)  # type: ignore[arg-type]
        handed_over.wait(5)  # the GUI thread hands it over and lets go meanwhile

    monkeypatch.setattr(background._Postbox, "post", post_then_linger)
    got: list[bool] = []

    def take(_generation: int, _result: object) -> None:
        got.append(True)
        handed_over.set()

    start_reading(path, lambda _db: Freed(seen), 1, take)
    wait_for_tickets(qtbot)
    qtbot.waitUntil(lambda: GATE.running == 0, timeout=5_000)  # type: ignore[attr-defined]
    assert got == [True]
    assert seen == [threading.main_thread().name]


def test_garbage_the_window_left_is_not_collected_by_a_busy_worker(
    path: Path, qtbot: object
) -> None:
    """The collector runs on whichever thread allocates: a worker building a hundred
    thousand objects would free the window's cyclic garbage (Qt objects among it) there."""
    seen: list[str] = []
    cycle: list[object] = [Freed(seen)]
    cycle.append(cycle)
    del cycle  # garbage now, freed only by the collector

    def busy(_db: Ledger) -> int:
        return len([[n] for n in range(200_000)])

    start_reading(path, busy, 1, lambda _generation, _result: None)
    wait_for_tickets(qtbot)
    qtbot.waitUntil(lambda: GATE.running == 0, timeout=5_000)  # type: ignore[attr-defined]
    postbox().settle()
    gc.collect()
    assert seen == [threading.main_thread().name]


def test_a_failure_arrives_as_the_exception(path: Path, qtbot: object) -> None:
    got: list[object] = []

    def work(_db: Ledger) -> None:
        raise ValueError("the page could not be read")

    start_reading(path, work, 3, lambda generation, result: got.append((generation, result)))
    wait_for_tickets(qtbot)
    [(generation, result)] = got
    assert generation == 3
    assert isinstance(result, ValueError)
    assert str(result) == "the page could not be read"


def test_a_result_for_a_deleted_receiver_is_let_go(path: Path, qtbot: object) -> None:
    import shiboken6

    class Receiver(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.got: list[object] = []

        def take(self, _generation: int, result: object) -> None:
            self.got.append(result)

    receiver = Receiver()
    release = threading.Event()
    start_reading(path, lambda _db: release.wait(10), 1, receiver.take)
    shiboken6.delete(receiver)  # the window closed while its read ran
    release.set()
    wait_for_tickets(qtbot)
    assert postbox().outstanding == 0


def test_many_short_reads_all_arrive_and_nothing_is_kept(path: Path, qtbot: object) -> None:
    """A soak of superseding requests: every one answered, the newest one applied."""
    db = open_database(path)
    store = LedgerStore(db, path, AS_OF)
    applied: list[int] = []
    job = BackgroundJob(store, applied.append)
    for n in range(300):
        job.request(lambda _reader, n=n: n)
        if n % 7 == 0:
            assert job.wait(10)
    assert job.wait(30)
    wait_for_tickets(qtbot)
    assert applied[-1] == 299
    assert applied == sorted(applied)
    assert job.dropped > 0  # superseded runs were answered and their results let go
    assert background.postbox().outstanding == 0
    db.close()
