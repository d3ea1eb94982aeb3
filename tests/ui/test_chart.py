"""The live chart, driven headless as the window and a user would drive it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
import sqlite_utils
from PySide6.QtCore import QEvent, QPoint, QPointF
from PySide6.QtGui import QContextMenuEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from tests.conftest import AS_OF
from tests.factories import delivery_data, make_contract, make_delivery, retirement_data
from tracker.services.deliveries import add_delivery
from tracker.services.retirements import retire
from tracker.services.series import epoch_seconds
from tracker.store.database import open_database
from tracker.ui.chart import ChartPanel
from tracker.ui.ledger_store import LedgerStore

pytestmark = pytest.mark.gui


def _epoch(day: str) -> float:
    return float(epoch_seconds(dt.date.fromisoformat(day)))


def _y(panel: ChartPanel, name: str) -> list[float]:
    return list(panel.curves[name].getData()[1])


def _last(panel: ChartPanel, name: str) -> float | None:
    """The curve's final height in tonnes, or None when it has no points."""
    y = panel.curves[name].getData()[1]
    return None if y is None or len(y) == 0 else float(y[-1])


@pytest.fixture
def ledger(db: sqlite_utils.Database) -> dict[str, int]:
    """C-1: 1000 t over 2025-2027 with 100 t delivered (verified) and 10 t retired;
    C-2: 500 t, nothing delivered."""
    first = make_contract(db, reference="C-1")
    second = make_contract(db, reference="C-2", tonnes="500", registry="verra")
    make_delivery(db, first)
    retire(db, first, retirement_data())
    return {"C-1": first, "C-2": second}


@pytest.fixture
def store(db: sqlite_utils.Database) -> LedgerStore:
    return LedgerStore(db, None, as_of=AS_OF)


@pytest.fixture
def panel(qtbot: QtBot, store: LedgerStore, ledger: dict[str, int]) -> ChartPanel:
    widget = ChartPanel(store)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _second_delivery(db: sqlite_utils.Database, contract_id: int, n: int = 0) -> dict[str, str]:
    start = 101 + 50 * n
    return delivery_data(
        delivered_on="2025-10-31",
        tonnes="50",
        serial_block=f"ACR-US-1-2025-1-{start} to {start + 49}",
        verification_status="pending",
        verified_on="",
        reference=f"TX-{n + 2}",
    )


def test_shows_the_portfolio_as_cumulative_steps(panel: ChartPanel) -> None:
    x, y = panel.curves["delivered"].getData()
    days = ["2025-01-01", "2025-06-30", "2025-06-30", AS_OF.isoformat()]  # term start to as-of
    assert list(x) == [_epoch(day) for day in days]
    assert list(y) == [0.0, 0.0, 100.0, 100.0]
    assert _last(panel, "verified") == 100.0
    assert _last(panel, "retired") == 10.0
    assert _last(panel, "scheduled") == 1500.0
    assert set(_y(panel, "contracted")) == {1500.0}


def test_records_end_at_the_as_of_date_while_the_schedule_runs_to_the_term_end(
    qtbot: QtBot, panel: ChartPanel, store: LedgerStore, ledger: dict[str, int]
) -> None:
    later = _second_delivery(store.db, ledger["C-1"]) | {"delivered_on": "2027-03-31"}
    store.notify(add_delivery(store.db, ledger["C-1"], later)[1])  # after the as-of date
    qtbot.waitUntil(lambda: panel.refresh_count > 1)
    as_of = _epoch(AS_OF.isoformat())
    for name in ("delivered", "verified", "retired"):
        assert panel.curves[name].getData()[0][-1] == as_of
    assert _last(panel, "delivered") == 100.0  # the March 2027 delivery is not known yet
    assert panel.curves["scheduled"].getData()[0][-1] == _epoch("2027-12-31")
    assert panel.curves["contracted"].getData()[0][-1] == _epoch("2027-12-31")
    store.set_as_of(dt.date(2027, 6, 30))
    qtbot.waitUntil(lambda: _last(panel, "delivered") == 150.0)
    assert panel.curves["delivered"].getData()[0][-1] == _epoch("2027-06-30")


def test_one_plot_item_per_series_reused_across_refreshes(panel: ChartPanel) -> None:
    before = dict(panel.curves)
    items_before = len(panel.plot_item.listDataItems())
    for _ in range(3):
        panel.refresh()
    assert panel.curves == before
    assert len(panel.plot_item.listDataItems()) == items_before
    assert all(curve.opts["clipToView"] for curve in panel.curves.values())
    assert all(curve.opts["autoDownsample"] for curve in panel.curves.values())


def test_updates_after_a_change_is_notified(
    qtbot: QtBot, panel: ChartPanel, store: LedgerStore, ledger: dict[str, int]
) -> None:
    _, changes = add_delivery(store.db, ledger["C-1"], _second_delivery(store.db, ledger["C-1"]))
    store.notify(changes)
    qtbot.waitUntil(lambda: _last(panel, "delivered") == 150.0)
    assert _last(panel, "verified") == 100.0  # the new delivery is pending


def test_a_burst_of_notices_gives_one_redraw(
    qtbot: QtBot, panel: ChartPanel, store: LedgerStore, ledger: dict[str, int]
) -> None:
    before = panel.refresh_count
    for n in range(100):
        _, changes = add_delivery(
            store.db, ledger["C-1"], _second_delivery(store.db, ledger["C-1"], n)
        )
        store.notify(changes)
    assert panel.refresh_count == before  # nothing redrawn inside the burst
    with qtbot.waitSignal(panel.refreshed, timeout=2000):
        pass
    qtbot.wait(20)
    assert panel.refresh_count == before + 1
    assert _last(panel, "delivered") == 100.0 + 100 * 50.0


def test_changes_to_another_contract_leave_a_single_contract_view_alone(
    qtbot: QtBot, panel: ChartPanel, store: LedgerStore, ledger: dict[str, int]
) -> None:
    panel.set_contract(ledger["C-2"])
    before = panel.refresh_count
    _, changes = add_delivery(store.db, ledger["C-1"], _second_delivery(store.db, ledger["C-1"]))
    store.notify(changes)
    qtbot.wait(20)
    assert panel.refresh_count == before
    assert _last(panel, "delivered") is None


def test_switching_contract_shows_its_own_figures(
    panel: ChartPanel, ledger: dict[str, int]
) -> None:
    panel.set_contract(ledger["C-2"])
    assert set(_y(panel, "contracted")) == {500.0}
    assert _last(panel, "scheduled") == 500.0
    assert _last(panel, "delivered") is None
    assert "C-2" in panel.plot_item.titleLabel.text
    panel.set_contract(ledger["C-1"])
    assert set(_y(panel, "contracted")) == {1000.0}
    assert _last(panel, "delivered") == 100.0
    panel.set_contract(None)
    assert set(_y(panel, "contracted")) == {1500.0}
    assert "All contracts" in panel.plot_item.titleLabel.text


def test_as_of_marker_follows_the_store(
    qtbot: QtBot, panel: ChartPanel, store: LedgerStore
) -> None:
    assert panel.as_of_line.value() == _epoch(AS_OF.isoformat())
    assert panel.as_of_line.label.format == "as of 1/1/2027"  # the window's date format
    store.set_as_of(dt.date(2026, 3, 15))
    qtbot.waitUntil(lambda: panel.as_of_line.value() == _epoch("2026-03-15"))
    assert "3/15/2026" in panel.as_of_line.label.format
    assert panel.readout_text.startswith("3/15/2026:")


def test_hover_reads_out_values_at_the_cursor_date(qtbot: QtBot, panel: ChartPanel) -> None:
    view_box = panel.plot_item.getViewBox()
    scene_point = view_box.mapViewToScene(QPointF(_epoch("2025-08-01"), 200.0))
    widget_point = panel.plot_widget.mapFromScene(scene_point)
    qtbot.mouseMove(panel.plot_widget.viewport(), QPoint(widget_point.x(), widget_point.y()))
    qtbot.waitUntil(lambda: panel.hover_line.isVisible())
    assert panel.readout_text.startswith(("7/", "8/"))
    assert "Delivered 100 t" in panel.readout_text
    assert "Retired 0 t" in panel.readout_text
    assert "Contracted 1,500 t" in panel.readout_text
    assert "Delivered" in panel.readout.text()
    QApplication.sendEvent(panel.plot_widget.viewport(), QEvent(QEvent.Type.Leave))
    assert not panel.hover_line.isVisible()
    assert panel.readout_text.startswith("1/1/2027:")  # AS_OF


def test_readout_at_a_date_shows_every_series(panel: ChartPanel) -> None:
    text = panel.show_readout_at(_epoch("2025-12-31"))
    assert text == (
        "12/31/2025: Scheduled 500.001 t, Contracted 1,500 t, Delivered 100 t, "
        "Verified 100 t, Retired 10 t"
    )
    assert panel.show_readout_at(None).startswith("1/1/2027:")  # AS_OF
    assert not panel.hover_line.isVisible()


def test_readout_after_the_as_of_date_shows_only_the_schedule(panel: ChartPanel) -> None:
    text = panel.show_readout_at(_epoch("2027-06-30"))
    assert text == (
        "6/30/2027: Scheduled 1,000.001 t, Contracted 1,500 t, Delivered —, Verified —, Retired —"
    )
    assert "Delivered 100 t" in panel.show_readout_at(_epoch(AS_OF.isoformat()) + 3600)


def test_a_refresh_reads_a_bounded_number_of_aggregates(
    panel: ChartPanel, store: LedgerStore
) -> None:
    seen: list[str] = []
    store.db.conn.set_trace_callback(seen.append)
    try:
        panel.refresh()
    finally:
        store.db.conn.set_trace_callback(None)
    assert len(seen) <= 6
    assert not any("select * from deliveries" in s.lower() for s in seen)


def test_export_png_writes_a_png(panel: ChartPanel, tmp_path: Path) -> None:
    written = panel.export_png(tmp_path / "chart")
    assert written == tmp_path / "chart.png"
    assert written.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(written))
    assert image.width() == round(panel.plot_item.sceneBoundingRect().width())
    assert image.height() == round(panel.plot_item.sceneBoundingRect().height())


def test_export_refuses_an_unwritable_place_with_a_clear_error(
    panel: ChartPanel, tmp_path: Path
) -> None:
    with pytest.raises(OSError, match="could not be written"):
        panel.export_png(tmp_path / "missing-folder" / "chart.png")


def test_context_menu_offers_png_export(
    panel: ChartPanel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "from-menu.png"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PNG images")
    )
    texts = [action.text() for action in panel.context_menu.actions()]
    assert texts == ["Show the whole period", "Export chart as PNG…"]
    panel.export_action.trigger()
    assert target.read_bytes()[:4] == b"\x89PNG"


def test_whole_period_undoes_a_zoom(qtbot: QtBot, panel: ChartPanel) -> None:
    view_box = panel.plot_item.getViewBox()
    view_box.setXRange(_epoch("2025-06-01"), _epoch("2025-07-01"), padding=0)
    assert view_box.viewRange()[0][1] == pytest.approx(_epoch("2025-07-01"))
    panel.whole_period_action.trigger()
    qtbot.waitUntil(lambda: view_box.viewRange()[0][0] <= _epoch("2025-01-01"))
    assert view_box.viewRange()[0][1] >= _epoch("2027-12-31")


def test_right_click_pops_up_the_context_menu_at_the_cursor(
    panel: ChartPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown_at: list[QPoint] = []
    monkeypatch.setattr(panel.context_menu, "popup", lambda pos, *_: shown_at.append(pos))
    viewport = panel.plot_widget.viewport()
    inside = QPoint(100, 100)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, inside, viewport.mapToGlobal(inside))
    QApplication.sendEvent(viewport, event)
    assert shown_at == [viewport.mapToGlobal(inside)]


def test_flagged_deliveries_are_marked_and_cleared(
    panel: ChartPanel, store: LedgerStore, ledger: dict[str, int]
) -> None:
    delivery_id, block = store.db.execute("select id, serial_block from deliveries").fetchone()
    panel.flag_deliveries([delivery_id])
    x, y = panel.flag_points.getData()
    assert list(x) == [_epoch("2025-06-30")]
    assert list(y) == [100.0]
    assert "Flagged deliveries" in [label.text for _, label in panel.legend.items]
    point = panel.flag_points.points()[0]
    tip = panel.flag_points.opts["tip"](x=point.pos().x(), y=point.pos().y(), data=point.data())
    assert tip == f"Flagged: {block}\n6/30/2025: 100 t delivered to date"
    panel.flag_deliveries([])
    assert len(panel.flag_points.getData()[0]) == 0
    assert "Flagged deliveries" not in [label.text for _, label in panel.legend.items]


def test_a_flagged_delivery_without_serials_is_named_by_its_reference(
    panel: ChartPanel, store: LedgerStore, ledger: dict[str, int]
) -> None:
    awaiting = make_delivery(
        store.db, ledger["C-1"], tonnes="50", serial_block="", reference="TX-77",
        delivered_on="2025-07-31", verified_on="2025-08-15",
    )  # fmt: skip
    panel.flag_deliveries([awaiting])
    point = panel.flag_points.points()[0]
    tip = panel.flag_points.opts["tip"](x=point.pos().x(), y=point.pos().y(), data=point.data())
    assert tip == "Flagged: TX-77 (serials to come)\n7/31/2025: 150 t delivered to date"


def test_deliveries_flagged_on_one_day_share_one_marker(
    panel: ChartPanel, store: LedgerStore, ledger: dict[str, int]
) -> None:
    make_delivery(  # a second delivery on the same day as the first
        store.db,
        ledger["C-1"],
        tonnes="50",
        serial_block="ACR-US-1-2025-1-101 to 150",
        reference="TX-2",
    )
    ids = [row[0] for row in store.db.execute("select id from deliveries")]
    panel.flag_deliveries(ids)
    x, y = panel.flag_points.getData()
    assert list(x) == [_epoch("2025-06-30")]
    assert list(y) == [150.0]
    point = panel.flag_points.points()[0]
    tip = panel.flag_points.opts["tip"](x=point.pos().x(), y=point.pos().y(), data=point.data())
    assert tip == "Flagged: 2 deliveries\n6/30/2025: 150 t delivered to date"


def test_flagged_delivery_ids_follow_the_contract_shown(
    panel: ChartPanel, store: LedgerStore, ledger: dict[str, int]
) -> None:
    delivery_id = store.db.execute("select id from deliveries").fetchone()[0]
    panel.flag_deliveries([delivery_id])
    assert list(panel.flag_points.getData()[1]) == [100.0]
    panel.set_contract(ledger["C-2"])
    assert len(panel.flag_points.getData()[0]) == 0


def test_opening_another_ledger_redraws_for_the_whole_portfolio(
    qtbot: QtBot, panel: ChartPanel, store: LedgerStore, ledger: dict[str, int]
) -> None:
    panel.set_contract(ledger["C-1"])
    other = open_database(":memory:")
    make_contract(other, reference="OTHER", tonnes="42")
    store.replace_database(other, None)
    qtbot.waitUntil(lambda: set(_y(panel, "contracted")) == {42.0})
    assert panel.contract_id is None
    assert _last(panel, "delivered") is None


def test_empty_ledger_draws_nothing_and_reads_zero(qtbot: QtBot) -> None:
    db = open_database(":memory:")
    widget = ChartPanel(LedgerStore(db, None, as_of=AS_OF))
    qtbot.addWidget(widget)
    assert all(_last(widget, name) is None for name in widget.curves)
    assert "Delivered 0 t" in widget.readout_text
    assert not np.isnan(widget.plot_item.getViewBox().viewRange()[1][1])


def _tonnes_labels(panel: ChartPanel) -> list[str]:
    """The value axis's labels as pyqtgraph would draw them now."""
    from PySide6.QtGui import QPainter

    axis = panel.plot_item.getAxis("left")
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    assert specs is not None
    return [text for _rect, _flags, text in specs[2]]


@pytest.mark.parametrize("tonnes", ["800", "290000000"])
def test_the_tonnes_axis_labels_every_tick_however_large(
    qtbot: QtBot, db: sqlite_utils.Database, tonnes: str
) -> None:
    """A portfolio of hundreds of millions of tonnes: the axis widens for its labels
    ("250,000,000") instead of showing "0" alone."""
    make_contract(db, reference="BIG", tonnes=tonnes)
    widget = ChartPanel(LedgerStore(db, None, as_of=AS_OF))
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    labels = _tonnes_labels(widget)
    assert len(labels) >= 3
    assert max(len(label) for label in labels) >= len(f"{int(tonnes) // 2:,}")


def test_many_flagged_days_are_drawn_small_so_the_line_shows(panel: ChartPanel) -> None:
    from PySide6.QtCore import Qt

    from tracker.services.series import ChartPoint
    from tracker.ui.chart import markers

    start = _epoch("2025-01-01")
    few = [(ChartPoint(int(start + n * 86_400), 1000 * n, f"B-{n}"), 1) for n in range(3)]
    panel._draw_flags(few)
    assert panel.flag_points.opts["size"] == markers.MARKER_SIZE
    many = [(ChartPoint(int(start + n * 86_400), 1000 * n, f"B-{n}"), 1) for n in range(400)]
    panel._draw_flags(many)
    assert panel.flag_points.opts["size"] == markers.DENSE_MARKER_SIZE
    assert panel.flag_points.opts["pen"].style() == Qt.PenStyle.NoPen
