"""Benchmark the tracker at scale against sqlite3 doing the same raw work.

Not collected by pytest (the file name does not start with ``test_``).  Run:

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_scale.py          # 1M
    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_scale.py --small  # 100k

It builds a synthetic portfolio (``carbon-tracker generate``), then measures each
operation three times together with its anchor — the sqlite3 command-line shell
(``.import``, ``-csv``) when it is installed, else Python's sqlite3 — and prints one
table of medians with the ratio.  Machines are shared and noisy: read the ratios.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tracker.services import csv_safe, tracker_csv  # noqa: E402
from tracker.services.audit.engine import evaluate  # noqa: E402
from tracker.services.summary import portfolio_summary  # noqa: E402
from tracker.services.synthetic import Spec  # noqa: E402
from tracker.services.synthetic_write import FILES, write_csv, write_ledger  # noqa: E402
from tracker.store import backups  # noqa: E402
from tracker.store.database import open_database  # noqa: E402
from tracker.store.log_verify import verify_log  # noqa: E402

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

AS_OF = dt.date(2026, 6, 30)
SQLITE3 = shutil.which("sqlite3")
Timing = tuple[float, float | None]  # seconds measured, seconds of the anchor (None: n/a)


@dataclass
class Row:
    measure: str
    anchor: str
    runs: list[Timing]
    note: str = ""

    def medians(self) -> tuple[float, float | None]:
        measured = statistics.median(t for t, _ in self.runs)
        anchors = [a for _, a in self.runs if a is not None]
        return measured, statistics.median(anchors) if anchors else None


def timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def run(cmd: list[str], timeout: float | None = None, stdout: object = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, timeout=timeout, stdout=stdout or subprocess.DEVNULL)
    return time.perf_counter() - start


# --- building the portfolio ---------------------------------------------------------------


def build(work: Path, spec: Spec) -> tuple[Path, Path, Path]:
    """The generated ledger, a ledger holding only its contracts and schedule, the CSVs."""
    csv_dir, ledger, base = work / "csv", work / "portfolio.db", work / "base.db"
    t = timed(lambda: write_csv(csv_dir, dataclasses.replace(spec, importable=True)))
    print(f"  wrote the CSV files in {t:.1f} s", file=sys.stderr)
    db = open_database(ledger)
    t = timed(lambda: write_ledger(db, spec))
    # Today's backup, as on every opening but a day's first: else the first window opened
    # copies the ledger (a gigabyte and more) on a worker beside the measures that follow.
    backups.make_backup(db, ledger, "daily")
    db.close()
    print(f"  generated the ledger in {t:.1f} s", file=sys.stderr)
    db = open_database(base)
    for kind in ("contracts", "schedule"):
        tracker_csv.import_file(db, kind, csv_dir / FILES[kind])
    db.close()
    return ledger, base, csv_dir


# --- measures -----------------------------------------------------------------------------

_IMPORT_CHILD = """
import sys, time
from tracker.services import tracker_csv
from tracker.store.database import open_database
db = open_database(sys.argv[1])
start = time.perf_counter()
tracker_csv.import_file(db, "deliveries", sys.argv[2])
print(time.perf_counter() - start)
"""


def measure_import(base: Path, csv_file: Path, work: Path, budget: float) -> Timing:
    target = work / "import.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copy(base, target)
    try:
        out = subprocess.run(
            [sys.executable, "-c", _IMPORT_CHILD, str(target), str(csv_file)],
            check=True, capture_output=True, text=True, timeout=budget, cwd=ROOT,
        )  # fmt: skip
        measured = float(out.stdout.strip().splitlines()[-1])
    except subprocess.TimeoutExpired:
        measured = float("inf")
    bare = work / "bare.db"
    bare.unlink(missing_ok=True)
    if SQLITE3:
        anchor = run([SQLITE3, str(bare), ".import --csv " + str(csv_file) + " bare"])
    else:
        anchor = timed(lambda: _python_import(bare, csv_file))
    return measured, anchor


def _python_import(bare: Path, csv_file: Path) -> None:
    con = sqlite3.connect(bare)
    with csv_file.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        names = next(reader)
        con.execute(f"create table bare ({', '.join(names)})")
        con.executemany(f"insert into bare values ({', '.join('?' for _ in names)})", reader)
    con.commit()
    con.close()


EXPORT_SQL = (
    "select c.reference, d.delivered_on, d.tonnes_kg / 1000.0, d.vintage, d.registry, "
    "d.serial_block, d.verification_status, d.verifier, d.verified_on, d.reference, "
    "d.tranche_due_on from deliveries d join contracts c on c.id = d.contract_id "
    "order by c.reference, d.delivered_on, d.id"
)


def measure_export(ledger: Path, work: Path) -> Timing:
    from tracker.cli import kinds

    db = open_database(ledger)
    kind = kinds.EXPORTS["deliveries"]
    options = kinds.ExportOptions(AS_OF, None, None, None)
    out = work / "export.csv"
    measured = timed(lambda: csv_safe.write_file(out, kind.header, kind.rows(db, options)))
    db.close()
    if SQLITE3:
        with (work / "anchor.csv").open("w") as sink:
            anchor = run([SQLITE3, "-csv", "-header", str(ledger), EXPORT_SQL], stdout=sink)
    else:
        anchor = timed(lambda: _python_export(ledger, work / "anchor.csv"))
    return measured, anchor


def _python_export(ledger: Path, out: Path) -> None:
    con = sqlite3.connect(ledger)
    with out.open("w", newline="") as f:
        csv.writer(f).writerows(con.execute(EXPORT_SQL))
    con.close()


GROUP_BY = "select contract_id, sum(tonnes_kg) from deliveries group by contract_id"


def bare_group_by(ledger: Path) -> float:
    con = sqlite3.connect(ledger)
    t = timed(lambda: con.execute(GROUP_BY).fetchall())
    con.close()
    return t


def measure_in_process(ledger: Path, call: Callable[..., object]) -> Timing:
    db = open_database(ledger)
    measured = timed(lambda: call(db))
    db.close()
    return measured, bare_group_by(ledger)


def measure_verify_log(ledger: Path) -> Timing:
    db = open_database(ledger)
    measured = timed(lambda: verify_log(db))
    db.close()
    con = sqlite3.connect(ledger)
    anchor = timed(lambda: sum(1 for _ in con.execute("select * from change_log order by seq")))
    con.close()
    return measured, anchor


def measure_window(ledger: Path) -> Timing:
    """Open the ledger and show the main window (until its first paint is processed); the
    flags, figures, chart and schedule fills arrive later from workers and are waited for
    outside the timing."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    from tracker.ui.ledger_store import LedgerStore
    from tracker.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    holder: list[MainWindow] = []

    def open_window() -> None:
        window = MainWindow(LedgerStore(open_database(ledger), ledger, AS_OF))
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        holder.append(window)

    measured = timed(open_window)
    window = holder[0]
    jobs = (window.overview.job, window.chart.job, window.audit.watcher)
    for job in (*jobs, *window.schedule.model.background_jobs()):
        job.wait()  # let the reads off the GUI thread finish before the next measure
    window.close()
    window.store.db.close()

    def bare() -> None:
        plain = QMainWindow()
        plain.resize(1280, 800)
        plain.show()
        app.processEvents()
        plain.close()

    return measured, timed(bare)


def settle(app: QCoreApplication, passes: int = 5, pause: float = 0.02) -> None:
    """Handle every pending event, and those they post in turn, until a few passes a
    moment apart: one ``processEvents`` left the chart's repaint (about 30 ms, posted
    while it drew the flags' marks) to the next, which then fell in the edit's time."""
    for _ in range(passes):
        app.processEvents()
        time.sleep(pause)


def measure_edit(ledger: Path) -> tuple[Timing, Timing, Timing]:
    """Edit one delivery's tonnes in the open window as its dialog does (an undo command):
    the time the GUI thread is busy (the service's write and the change notice handled),
    then until the Overview's totals and the chart are first drawn again from their
    workers, and until the flags are (each measured from the edit).  The edit is undone
    afterwards (outside the timing)."""
    from PySide6.QtWidgets import QApplication

    from tracker.services.form_data import delivery_input
    from tracker.store import queries
    from tracker.ui import commands
    from tracker.ui.ledger_store import LedgerStore
    from tracker.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow(LedgerStore(open_database(ledger), ledger, AS_OF))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    figures = (window.overview.job, window.chart.job)
    for job in (*figures, window.audit.watcher):
        job.wait()
    app.processEvents()
    for job in figures:
        job.wait()  # the flags marked on the chart, read once they arrived
    settle(app)  # and drawn: the edit starts on a quiet window
    store = window.store
    found = store.db.execute(
        "select id from deliveries where serial_block is null order by id limit 1 offset 100"
    ).fetchone()
    delivery = queries.delivery(store.db, found[0])
    data = {**delivery_input(delivery), "contract": str(delivery.contract_id)}
    data["tonnes"] = str((delivery.tonnes_kg + 1_000) / 1000)
    shown: dict[str, float] = {}  # what was drawn again first, and when

    def timing(name: str, apply: Callable[[object], None]) -> Callable[[object], None]:
        def applied(result: object) -> None:
            apply(result)
            shown.setdefault(name, time.perf_counter())

        return applied

    for name, job in zip(("totals", "chart"), figures, strict=True):
        job.apply = timing(name, job.apply)  # type: ignore[method-assign]
    window.audit.watcher.updated.connect(
        lambda _flags: shown.setdefault("flags", time.perf_counter())
    )
    start = time.perf_counter()
    commands.perform(store, commands.edit_delivery(store, found[0], data))
    app.processEvents()  # the change notice: tables, totals, chart and flags asked again
    gui_thread = time.perf_counter() - start
    while len(shown) < 3 and time.perf_counter() - start < 600:
        app.processEvents()
        time.sleep(0.002)
    redrawn = max(shown["totals"], shown["chart"]) - start
    flagged = shown["flags"] - start
    for job in (*figures, window.audit.watcher):
        job.wait()
    store.undo_stack.undo()
    app.processEvents()
    for job in (*figures, window.audit.watcher):
        job.wait()
    window.close()
    store.db.close()
    return (gui_thread, None), (redrawn, None), (flagged, None)


WINDOW_RSS = """
import resource, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from tracker.store.database import open_database
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.main_window import MainWindow
ledger = Path(sys.argv[1])
app = QApplication(sys.argv[:1])
window = MainWindow(LedgerStore(open_database(ledger), ledger))
window.resize(1280, 800)
window.show()
app.processEvents()
for job in (window.overview.job, window.chart.job, window.audit.watcher):
    job.wait()
app.processEvents()
window.chart.job.wait()  # the flags marked on the chart, read once they arrived
for name in ("deliveries", "retirements", "flags", "history"):
    window.show_tab(name)
    app.processEvents()
    for panel in window.record_panels:
        for job in panel.model.background_jobs():
            job.wait()
# The peak of this process's own memory: Linux keeps in ru_maxrss the resident size of the
# process it was forked from (the benchmark, grown by the windows it opened), not so the
# high-water mark of the memory this program mapped (VmHWM, KiB).
status = Path("/proc/self/status")
peak = [line.split()[1] for line in status.read_text().splitlines()
        if line.startswith("VmHWM:")] if status.exists() else []
print(int(peak[0]) // 1024 if peak else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def window_peak_rss(ledger: Path) -> int:
    """Peak resident memory (MiB) of a process that opens the window, waits for its flags,
    figures and chart (and the flags marked on it), and shows the large tabs in turn."""
    found = subprocess.run(
        [sys.executable, "-c", WINDOW_RSS, str(ledger)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return int(found.stdout.split()[-1])


def measure_sort(ledger: Path, key: str) -> tuple[Timing, Timing, Timing]:
    """Sort the deliveries table by ``key`` and read its first page; then read its last
    row (the view dragged to the bottom); then locate the last record (a flag followed
    to it).  Reads a window makes on a worker are timed here on the caller's thread."""
    from PySide6.QtWidgets import QApplication

    from tracker.ui.ledger_store import LedgerStore
    from tracker.ui.models.ledger_tables import DeliveriesModel

    _app = QApplication.instance() or QApplication(sys.argv[:1])
    db = open_database(ledger)
    model = DeliveriesModel(LedgerStore(db, ledger, AS_OF))
    column = model.column_of(key)
    sort = timed(lambda: (model.set_sort(column), model.raw(0, key)))
    con = sqlite3.connect(ledger)
    anchor_sql = f"select id, {key} from deliveries order by {key}, id limit 200"
    if key == "retired_kg":  # the kept totals, read in their own order
        anchor_sql = (
            "select delivery_id as id, retired_kg from delivery_totals "
            "order by retired_kg, id limit 200"
        )
    elif key == "contract":  # the contract's reference
        anchor_sql = (
            "select d.id as id, c.reference as contract from deliveries d "
            "join contracts c on c.id = d.contract_id order by contract, id limit 200"
        )
    sort_anchor = timed(lambda: con.execute(anchor_sql).fetchall())
    last_sql = anchor_sql.replace(", id limit 200", " desc, id desc limit 1")
    last_anchor = timed(lambda: con.execute(last_sql).fetchone())
    con.close()
    last_row = model.rowCount() - 1
    jump = timed(lambda: model.record_id(last_row))
    last_id = model.record_id(last_row)
    assert last_id is not None
    model.reload()  # forget the pages read
    found: list[int | None] = []
    locate = timed(lambda: found.append(model.locate(last_id)))
    assert found == [last_row], found
    db.close()
    return (sort, sort_anchor), (jump, last_anchor), (locate, last_anchor)


# --- the table ------------------------------------------------------------------------------


def fmt(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds == float("inf"):
        return "> budget"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def table(rows: list[Row], spec: Spec, runs: int) -> str:
    anchor_tool = f"sqlite3 {SQLITE3 and _sqlite_version()}" if SQLITE3 else "Python sqlite3"
    head = [
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {platform.node()}: {platform.platform()},"
        f" {os.cpu_count()} cores, Python {platform.python_version()}, SQLite"
        f" {sqlite3.sqlite_version}; anchors by {anchor_tool}",
        f"{spec.deliveries:,} deliveries, {spec.retirements:,} retirements, {spec.contracts}"
        f" contracts; median of {runs} run{'s' if runs != 1 else ''}",
        "",
        "| measure | time | anchor | anchor time | ratio | note |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        measured, anchor = r.medians()
        ratio = "—" if not anchor or measured == float("inf") else f"×{measured / anchor:.1f}"
        head.append(
            f"| {r.measure} | {fmt(measured)} | {r.anchor} | {fmt(anchor)} | {ratio} | {r.note} |"
        )
    return "\n".join(head)


def _sqlite_version() -> str:
    assert SQLITE3
    out = subprocess.run([SQLITE3, "--version"], capture_output=True, text=True, check=True)
    return out.stdout.split()[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="100k deliveries, 30k retirements")
    parser.add_argument("--deliveries", type=int)
    parser.add_argument("--retirements", type=int)
    parser.add_argument("--contracts", type=int)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--budget", type=float, default=900, help="seconds an import may take")
    parser.add_argument("--work", type=Path, help="folder for the files (default: a temp dir)")
    args = parser.parse_args()
    size = (100_000, 30_000, 50) if args.small else (1_000_000, 300_000, 200)
    spec = Spec(
        contracts=args.contracts or size[2],
        deliveries=args.deliveries or size[0],
        retirements=args.retirements or size[1],
        as_of=AS_OF,
    )
    work = args.work or Path(tempfile.mkdtemp(prefix="tracker-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"building in {work} …", file=sys.stderr)
    ledger, base, csv_dir = build(work, spec)
    rows = [
        Row("validated import of the deliveries CSV", "`.import` into a bare table", []),
        Row("export deliveries", "`sqlite3 -csv` of the same rows", []),
        Row("portfolio summary", "bare `GROUP BY contract`", []),
        Row("all audit rules", "bare `GROUP BY contract`", []),
        Row("verify-log", "read the whole log", []),
        Row("open the main window (flags follow)", "bare PySide6 window", []),
        Row("edit one delivery: the GUI thread", "—", []),
        Row("… totals and chart redrawn", "—", []),
        Row("… flags follow", "—", []),
        Row("sort deliveries by tonnes", "`ORDER BY … LIMIT 200`", []),
        Row("… show its last row", "`ORDER BY … DESC LIMIT 1`", []),
        Row("… find the last record", "`ORDER BY … DESC LIMIT 1`", []),
        Row("sort deliveries by Retired (kept)", "`ORDER BY … LIMIT 200` of the totals", []),
        Row("… show its last row", "`ORDER BY … DESC LIMIT 1` of the totals", []),
        Row("… find the last record", "`ORDER BY … DESC LIMIT 1` of the totals", []),
        Row("sort deliveries by contract", "`ORDER BY` reference `LIMIT 200`", []),
        Row("… show its last row", "`ORDER BY` reference `DESC LIMIT 1`", []),
        Row("… find the last record", "`ORDER BY` reference `DESC LIMIT 1`", []),
    ]
    deliveries_csv = csv_dir / FILES["deliveries"]
    for n in range(args.runs):
        print(f"run {n + 1} of {args.runs} …", file=sys.stderr)
        rows[0].runs.append(measure_import(base, deliveries_csv, work, args.budget))
        rows[1].runs.append(measure_export(ledger, work))
        rows[2].runs.append(measure_in_process(ledger, lambda db: portfolio_summary(db, AS_OF)))
        rows[3].runs.append(measure_in_process(ledger, lambda db: evaluate(db, AS_OF)))
        rows[4].runs.append(measure_verify_log(ledger))
        rows[5].runs.append(measure_window(ledger))
        rows[5].note = f"peak RSS {window_peak_rss(ledger)} MiB"
        for n, timing in enumerate(measure_edit(ledger)):
            rows[6 + n].runs.append(timing)
        for first, key in ((9, "tonnes_kg"), (12, "retired_kg"), (15, "contract")):
            for n, timing in enumerate(measure_sort(ledger, key)):
                rows[first + n].runs.append(timing)
        for r in rows:
            last, anchor = r.runs[-1]
            print(f"  {r.measure}: {fmt(last)} (anchor {fmt(anchor)})", file=sys.stderr)
    print(table(rows, spec, args.runs))
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
