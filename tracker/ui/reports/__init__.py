"""Reports menu widgets: registry import wizard, save-report dialog, reconcile dialog."""

from tracker.ui.reports.reconcile_dialog import ReconcileDialog
from tracker.ui.reports.registry_import import RegistryImportDialog
from tracker.ui.reports.save_report import SaveReportDialog

__all__ = ["ReconcileDialog", "RegistryImportDialog", "SaveReportDialog"]
