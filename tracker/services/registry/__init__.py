"""Registry exports: read every registry's layout, preview, import and reconcile.

The names below are loaded from their modules when first used, so importing one module
of this package (``registry.text``, as the tracker CSV reader does) does not import the
importer, which itself reads tracker CSV files: no import cycle, whatever is imported first.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tracker.services.registry.detect import REGISTRY_CHOICES, detect_layout
    from tracker.services.registry.importer import (
        import_registry_file,
        preview_registry_file,
        run_import,
    )
    from tracker.services.registry.outcome import (
        Action,
        ImportCancelled,
        ImportOptions,
        ImportPreview,
        Progress,
        RowOutcome,
    )

_MODULE_OF = {
    "REGISTRY_CHOICES": "detect",
    "detect_layout": "detect",
    "import_registry_file": "importer",
    "preview_registry_file": "importer",
    "run_import": "importer",
    "Action": "outcome",
    "ImportCancelled": "outcome",
    "ImportOptions": "outcome",
    "ImportPreview": "outcome",
    "Progress": "outcome",
    "RowOutcome": "outcome",
}

__all__ = [
    "REGISTRY_CHOICES",
    "Action",
    "ImportCancelled",
    "ImportOptions",
    "ImportPreview",
    "Progress",
    "RowOutcome",
    "detect_layout",
    "import_registry_file",
    "preview_registry_file",
    "run_import",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
