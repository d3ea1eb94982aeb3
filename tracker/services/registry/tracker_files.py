"""The tracker's own CSV files, accepted by the registry import too.

Each row carries its contract in the ``contract`` column (``reference`` for contracts),
so ``--contract`` is not needed.  Derived report columns (see ``tracker_csv``) are
ignored, as ``import KIND`` does.
"""

from __future__ import annotations

from collections.abc import Mapping

from tracker.domain.vocab import Registry
from tracker.services import tracker_csv_columns as tracker_csv
from tracker.services.registry.model import Layout, RegistryRow, RowKind
from tracker.services.tracker_csv_columns import required


def _layout(kind: str) -> Layout:
    def parse(line: int, cells: Mapping[str, str], decimal_comma: bool) -> RegistryRow:
        return RegistryRow(
            line=line,
            kind=RowKind.TRACKER,
            registry=Registry.OTHER,
            tonnes_kg=0,
            columns={c: c for c in tracker_csv.COLUMNS[kind]},
            tracker_kind=kind,
            tracker_cells=dict(cells),  # already restored by tracker_rows
        )

    return Layout(f"tracker-{kind}", None, frozenset(required(kind)), parse, f"tracker {kind}")


LAYOUTS = tuple(_layout(kind) for kind in tracker_csv.IMPORT_KINDS)
