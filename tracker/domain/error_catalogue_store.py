"""The English templates of refusals about ledger files: a file that is not a ledger, is
damaged, newer or cannot be opened or created; a ledger another program holds (its lock);
a backup or copy that cannot be written; a report or copy that would overwrite a ledger.
Part of ``error_catalogue.ERROR_TEMPLATES`` (context ``Errors``); raised as
``TrackerError(msg(...))`` by ``tracker.store`` so the window words them in its language
while the command line keeps this English wording.
"""

from __future__ import annotations

from tracker.domain.translation_marks import QT_TRANSLATE_NOOP

STORE_ERROR_TEMPLATES: dict[str, str] = {
    # --- opening a ledger file (tracker.store.database) ------------------------------
    "error.ledger_permission_denied": QT_TRANSLATE_NOOP(
        "Errors", "{file}: cannot be read (permission denied); check the file's permissions"
    ),
    "error.ledger_is_folder": QT_TRANSLATE_NOOP("Errors", "{file}: is a folder, not a ledger file"),
    "error.ledger_empty_file": QT_TRANSLATE_NOOP(
        "Errors",
        "{file}: is an empty file (0 bytes), not a Carbon Tracker ledger; it was left as it "
        "is. To start a new ledger there, run `carbon-tracker new {file}`",
    ),
    "error.ledger_not_sqlite": QT_TRANSLATE_NOOP(
        "Errors",
        "{file}: not a tracker ledger file (not an SQLite database); it was left untouched. "
        "Check the path, or restore the ledger from a backup",
    ),
    "error.ledger_cannot_open": QT_TRANSLATE_NOOP("Errors", "{file}: cannot be opened ({reason})"),
    "error.ledger_damaged_or_foreign": QT_TRANSLATE_NOOP(
        "Errors",
        "{file}: the file is damaged or is not a tracker ledger ({reason}); it was left "
        "untouched. Restore the newest good backup (`carbon-tracker restore`)",
    ),
    "error.ledger_of_other_application": QT_TRANSLATE_NOOP(
        "Errors",
        "{file}: is another application's SQLite database, not a Carbon Tracker ledger; it "
        "was left untouched. Check the path",
    ),
    "error.ledger_of_other_application_id": QT_TRANSLATE_NOOP(
        "Errors",
        "{file}: is another application's SQLite database (application id {app_id}), not a "
        "Carbon Tracker ledger; it was left untouched. Check the path",
    ),
    "error.ledger_newer_migration": QT_TRANSLATE_NOOP(
        "Errors",
        "{file}: written by a newer version of the tracker (unknown schema migration "
        "'{migration}'); upgrade the tracker to open it. The file was left untouched",
    ),
    "error.ledger_newer_schema": QT_TRANSLATE_NOOP(
        "Errors",
        "{file}: written by a newer version of the tracker (schema {version}); upgrade the "
        "tracker to open it. The file was left untouched",
    ),
    "error.ledger_damaged": QT_TRANSLATE_NOOP(
        "Errors",
        "{file}: the ledger is damaged (quick_check: {detail}); it was left untouched. "
        "Restore the newest good backup (`carbon-tracker restore`)",
    ),
    "error.ledger_folder_not_created": QT_TRANSLATE_NOOP(
        "Errors", "{folder}: the folder cannot be created ({reason})"
    ),
    "error.ledger_not_created": QT_TRANSLATE_NOOP(
        "Errors",
        "{file}: a new ledger cannot be created here ({reason}); choose a folder you can write to",
    ),
    "error.ledger_exists": QT_TRANSLATE_NOOP(
        "Errors",
        "{file}: already exists; a new ledger never replaces a file. Choose another name, or "
        "open it",
    ),
    "error.ledger_missing": QT_TRANSLATE_NOOP(
        "Errors",
        "{file}: no such ledger file; check the path, or create a new ledger with "
        "`carbon-tracker new {file}`",
    ),
    "error.ledger_file_read_only": QT_TRANSLATE_NOOP(
        "Errors",
        "{file}: the file is read-only; change its permissions to edit it, or use a "
        "read-only command (summary, export, check)",
    ),
    "error.ledger_folder_read_only": QT_TRANSLATE_NOOP(
        "Errors",
        "{folder}: the folder is read-only, and a ledger needs to write its journal beside "
        "the file; move the ledger to a folder you can write to",
    ),
    "error.ledger_cannot_write": QT_TRANSLATE_NOOP(
        "Errors", "{file}: cannot be opened for writing ({reason})"
    ),
    # --- the ledger's lock (tracker.store.lock) --------------------------------------
    "error.lock_holder": QT_TRANSLATE_NOOP(
        "Errors", "{name} ({program}, process {pid} on {host}) since {since}"
    ),
    "error.ledger_locked": QT_TRANSLATE_NOOP(
        "Errors",
        "{file}: is open for writing by {holder}; close it there first, or open the ledger "
        "read-only",
    ),
    "error.ledger_locked_elsewhere": QT_TRANSLATE_NOOP(
        "Errors",
        "{file}: is open for writing by {holder}; close it there first, or open the ledger "
        "read-only. If {host} crashed and nobody uses the ledger there, delete {lock} to "
        "free it",
    ),
    "error.lock_not_written": QT_TRANSLATE_NOOP(
        "Errors",
        "{lock}: the lock file cannot be written ({reason}); the folder must be writable to "
        "edit the ledger, or open it read-only",
    ),
    # --- backups and copies (tracker.store.backups) ----------------------------------
    "error.copy_not_written": QT_TRANSLATE_NOOP(
        "Errors", "{file}: the copy could not be written ({reason}); nothing was changed"
    ),
    "error.copy_disk_full": QT_TRANSLATE_NOOP(
        "Errors", "the disk is full; free some space and try again"
    ),
    "error.copy_permission_denied": QT_TRANSLATE_NOOP(
        "Errors", "the folder cannot be written (permission denied); choose a writable folder"
    ),
    "error.backups_folder_not_created": QT_TRANSLATE_NOOP(
        "Errors", "{folder}: the backups folder cannot be created ({reason})"
    ),
    "error.cannot_restore": QT_TRANSLATE_NOOP("Errors", "cannot restore: {reason}"),
    # --- a save target that is a ledger (tracker.store.targets) ----------------------
    "error.target_is_open_ledger": QT_TRANSLATE_NOOP(
        "Errors",
        "{file}: is the open ledger ({ledger}); writing there would destroy your records. "
        "Choose another file name",
    ),
    "error.target_of_open_ledger": QT_TRANSLATE_NOOP(
        "Errors",
        "{file}: belongs to the open ledger ({ledger}); writing there would destroy your "
        "records. Choose another file name",
    ),
    "error.target_is_ledger": QT_TRANSLATE_NOOP(
        "Errors",
        "{file}: is a Carbon Tracker ledger; a report or copy never replaces a ledger. "
        "Choose another file name",
    ),
    "error.target_of_ledger": QT_TRANSLATE_NOOP(
        "Errors",
        "{file}: belongs to the Carbon Tracker ledger {ledger}; a report or copy never "
        "replaces a ledger. Choose another file name",
    ),
}
