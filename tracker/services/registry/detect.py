"""Which registry layout a file is, from its header."""

from __future__ import annotations

from tracker.domain.errors import ImportRefused, RowError
from tracker.domain.messages import msg, render
from tracker.domain.vocab import Registry
from tracker.services.registry import (
    acr,
    art,
    car,
    gold_standard,
    isometric,
    puro,
    tracker_files,
    verra,
)
from tracker.services.registry.model import Layout
from tracker.services.registry.text import Table

LAYOUTS: tuple[Layout, ...] = (
    *verra.LAYOUTS,
    *gold_standard.LAYOUTS,
    *acr.LAYOUTS,
    *car.LAYOUTS,
    *art.LAYOUTS,
    *isometric.LAYOUTS,
    *puro.LAYOUTS,
    *tracker_files.LAYOUTS,
)
REGISTRY_CHOICES = ("auto", *(r.value for r in Registry if r is not Registry.OTHER))


def detect_layout(table: Table, registry: str = "auto") -> Layout:
    """The most specific layout whose identifying columns are all in the header.

    ``registry`` other than ``auto`` restricts the choice to that registry's layouts
    (the tracker's own files are always accepted).
    """
    if registry not in REGISTRY_CHOICES:
        refused = f"{registry!r} "
        reason = msg("error.not_one_of", allowed=", ".join(REGISTRY_CHOICES))
        error = RowError(1, "--registry", refused + render(reason), reason, refused)
        raise ImportRefused(table.source, [error])
    keys = frozenset(table.keys)
    allowed = [
        layout
        for layout in LAYOUTS
        if registry == "auto" or layout.registry is None or layout.registry.value == registry
    ]
    matching = [layout for layout in allowed if layout.matches(keys)]
    if matching:
        return max(matching, key=lambda layout: len(layout.required))
    candidates = [layout for layout in allowed if layout.registry is not None]
    closest = min(candidates, key=lambda layout: len(layout.required - keys))
    missing = sorted(closest.required - keys)
    columns = ", ".join(repr(m) for m in missing)
    if registry == "auto":
        why = msg("error.not_a_registry_export", layout=closest.label, columns=columns)
    else:
        why = msg(
            "error.not_an_export_of", registry=registry, layout=closest.label, columns=columns
        )
    raise ImportRefused(table.source, [RowError(1, "header", render(why), why)])
