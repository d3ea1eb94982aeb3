"""A registry preview or import as a worker runs it, and the undo step it becomes.

``ImportJob`` runs on a worker's connection (no Qt): the backup before an import, the
import in its one transaction, and the records it added as stored, read right after the
commit.  ``ImportCommand`` puts the finished import on the undo stack on the GUI thread
without reading them again there; its undo and redo can run on a worker too
(``work_beside``, then ``arm``: ``ui.undo_actions``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.domain.changes import ChangeSet
from tracker.services.contracts import Removed, restore
from tracker.services.progress import Progress as WorkProgress
from tracker.services.registry import ImportOptions, ImportPreview, Progress, run_import
from tracker.services.undo import take_back
from tracker.store import backups
from tracker.store.ledger import Ledger
from tracker.store.unit_of_work import expecting
from tracker.ui.commands import AddCommand, rows_as_stored
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.operations import ProgressWork


@dataclass(frozen=True)
class ImportRun:
    """What the worker hands back: the preview (or the applied import) and, once
    applied, the records it added as stored (for the undo step)."""

    preview: ImportPreview
    stored: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportJob:
    """A preview or an import of one file, run on a worker's connection (no Qt)."""

    source: str
    data: bytes
    options: ImportOptions
    apply: bool
    backup_of: Path | None = None  # the ledger file to back up first (an import)

    def __call__(self, db: Ledger, progress: WorkProgress) -> ImportRun:
        if self.apply and self.backup_of is not None:
            backups.make_backup(db, self.backup_of, "before-import")
        preview = run_import(
            db, self.source, self.data, self.options, self.apply, _reporting_to(progress)
        )
        if not preview.applied:
            return ImportRun(preview)
        return ImportRun(preview, rows_as_stored(db, preview.changes.inserted))


def _reporting_to(progress: WorkProgress) -> Progress:
    """The import's row count shown by the operation's progress dialog; False (stop,
    nothing written) once its Cancel was pressed."""

    def report(done: int, expected: int) -> bool:
        progress.total = max(expected, done)
        progress.done = done
        return not progress.cancel_requested

    return report


class ImportCommand(AddCommand):
    """An import a worker applied, on the undo stack: undo takes back the records it
    added.  The store is told of the changes either way; an import that changed existing
    records (which taking back cannot undo) stays off the stack."""

    def __init__(self, store: LedgerStore, text: str, run: ImportRun) -> None:
        super().__init__(store, text, lambda _db: (run.preview, run.preview.changes))
        self._stored: dict[tuple[str, int], dict[str, Any]] | None = run.stored
        self._stepped: Stepped | None = None

    def _do(self) -> ChangeSet:
        changes = super()._do()
        if changes.updated or changes.deleted or not changes.inserted:
            self.setObsolete(True)
        return changes

    def _remember_rows(self) -> None:
        if self._stored is None:  # redo after an undo without a worker: read them again
            super()._remember_rows()
        else:  # read on the worker, right after its commit
            self._rows, self._stored = self._stored, None

    # --- undo and redo on a worker (``ui.undo_actions``) -----------------------------

    def work_beside(self, undo: bool) -> ProgressWork:
        """Taking the import back (or putting it back) as work for a worker's connection,
        holding plain data only; its outcome is handed to :meth:`arm`."""
        inserted, rows, removed = self._inserted, self._rows, self._removed

        def take(db: Ledger, progress: WorkProgress) -> Stepped:
            with expecting(rows):  # refused when a record changed elsewhere since
                gone, changes = take_back(db, inserted, progress)
            return Stepped(changes, gone, {})

        def put(db: Ledger, progress: WorkProgress) -> Stepped:
            assert removed is not None
            changes = restore(db, removed, progress)
            return Stepped(changes, removed, rows_as_stored(db, inserted))

        return take if undo else put

    def arm(self, stepped: Stepped) -> None:
        """The worker did the step: the stack's ``undo``/``redo`` that follows only tells
        the views (and keeps what the next step needs)."""
        self._stepped = stepped

    def _undo(self) -> ChangeSet:
        stepped, self._stepped = self._stepped, None
        if stepped is None:
            return super()._undo()
        self._removed = stepped.removed
        return stepped.changes

    def _redo(self) -> ChangeSet:
        stepped, self._stepped = self._stepped, None
        if stepped is None:
            return super()._redo()
        self._rows = stepped.stored
        return stepped.changes


@dataclass(frozen=True)
class Stepped:
    """An undo or redo a worker did: what changed, the records taken back (to put back),
    the records put back as stored (to check before the next undo)."""

    changes: ChangeSet
    removed: Removed
    stored: dict[tuple[str, int], dict[str, Any]]
