"""The live delivered-vs-contracted chart."""

from tracker.ui.chart.panel import ChartPanel

__all__ = ["ChartPanel"]
