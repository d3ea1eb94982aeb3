"""Registry exports: read every registry's layout, preview, import and reconcile."""

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
