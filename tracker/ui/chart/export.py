"""PNG export of a plot (pyqtgraph's SVG export is broken on this Qt, so PNG only)."""

from __future__ import annotations

import os
from pathlib import Path

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter

from tracker.store.targets import refuse_ledger_target

MIN_EXPORT_WIDTH = 600  # a plot never laid out is exported at EXPORT_WIDTH instead
EXPORT_WIDTH = 1200


def png_path(path: str | Path) -> Path:
    """``path`` with a ``.png`` suffix added when it has none."""
    target = Path(path)
    return target if target.suffix.lower() == ".png" else target.with_name(target.name + ".png")


def export_plot_png(plot_item: pg.PlotItem, path: str | Path) -> Path:
    """Render the plot (title, axes, legend, curves) at its on-screen size to a PNG file.

    Raises OSError naming the file when it cannot be written.
    """
    target = png_path(path)
    refuse_ledger_target(target)
    exporter = ImageExporter(plot_item)
    if exporter.parameters()["width"] < MIN_EXPORT_WIDTH:
        exporter.parameters()["width"] = EXPORT_WIDTH
    image = exporter.export(toBytes=True)
    if image is None or image.isNull() or not image.save(str(target), "PNG"):
        raise OSError(f"{target}: the chart could not be written as a PNG file")
    os.chmod(target, 0o600)
    return target
