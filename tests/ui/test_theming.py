"""Light and dark: palettes, status colours and the chart, each with enough contrast."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication

from tracker.cli.main import main
from tracker.ui import settings, theming
from tracker.ui.chart import style
from tracker.ui.chart.panel import ChartPanel
from tracker.ui.ledger_store import LedgerStore

pytestmark = pytest.mark.gui

TEXT_AA = 4.5
GRAPHICS_AA = 3.0


def _surfaces(app: QApplication) -> list[str]:
    palette = app.palette()
    return [palette.color(role).name() for role in (QPalette.Window, QPalette.Base)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_status_colours_pass_wcag_aa_on_the_scheme(
    qapp: QApplication, restore_theme: None, scheme: str
) -> None:
    assert theming.apply(qapp, scheme) == scheme
    assert theming.is_dark() is (scheme == "dark")
    failing = [
        (role, theming.colour(role), surface, round(theming.contrast_ratio(c, surface), 2))
        for role in theming.COLOURS
        for c in [theming.colour(role)]
        for surface in _surfaces(qapp)
        if theming.contrast_ratio(c, surface) < TEXT_AA
    ]
    assert failing == []
    text = qapp.palette().color(QPalette.WindowText).name()
    assert all(theming.contrast_ratio(text, s) >= 7 for s in _surfaces(qapp))


@pytest.mark.parametrize("colours", [style.LIGHT, style.DARK], ids=["light", "dark"])
def test_chart_lines_and_texts_have_contrast_on_their_background(
    colours: style.ChartScheme,
) -> None:
    ground = colours.background
    for text in (colours.foreground, colours.as_of):
        assert theming.contrast_ratio(text, ground) >= TEXT_AA, text
    lines = [s.colour for s in colours.series.values()] + [colours.flag]
    lines += list(colours.setbacks.values())
    for line in lines:
        assert theming.contrast_ratio(line, ground) >= GRAPHICS_AA, line


def test_the_chart_follows_the_theme(
    store: LedgerStore, qtbot: object, qapp: QApplication, restore_theme: None
) -> None:
    theming.apply(qapp, "light")
    chart = ChartPanel(store)
    qtbot.addWidget(chart)  # type: ignore[attr-defined]
    assert chart.colours is style.LIGHT
    theming.apply(qapp, "dark")
    chart.apply_theme()
    assert chart.colours is style.DARK
    assert chart.plot_widget.backgroundBrush().color().name() == style.DARK.background
    pen = chart.curves["delivered"].opts["pen"]
    assert pen.color().name() == style.DARK.series["delivered"].colour


def test_gui_theme_dark_renders_a_dark_window(
    tmp_path: Path, qapp: QApplication, restore_theme: None
) -> None:
    ledger, png = tmp_path / "demo.db", tmp_path / "dark.png"
    assert main(["--db", str(ledger), "demo"]) == 0
    args = ["--db", str(ledger), "--as-of", "2027-01-01", "gui", "--screenshot", str(png)]
    assert main([*args, "--theme", "dark"]) == 0
    image = QImage(str(png))
    assert image.pixelColor(640, 780).lightness() < 80  # the status bar is dark
    assert theming.is_dark()


def test_the_theme_chosen_in_the_view_menu_is_kept_and_applied(
    window: object, qapp: QApplication, restore_theme: None
) -> None:
    window.preferences.theme_actions["dark"].trigger()  # type: ignore[attr-defined]
    assert settings.theme() == "dark"
    assert theming.is_dark()
    assert window.chart.colours is style.DARK  # type: ignore[attr-defined]
    window.preferences.language_actions["zh_CN"].trigger()  # type: ignore[attr-defined]
    assert settings.language() == "zh_CN"
    assert "next time" in window.statusBar().currentMessage()  # type: ignore[attr-defined]
