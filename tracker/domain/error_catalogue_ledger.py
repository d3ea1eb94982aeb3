"""The English templates of refusals about the ledger itself rather than a value: a
record that does not exist or changed elsewhere, a ledger busy, read-only or on a full
disk, a file that cannot be read.  Part of ``error_catalogue.ERROR_TEMPLATES`` (context
``Errors``); raised as ``TrackerError(msg(...))`` so the window words them in its
language (see ``tracker.domain.errors``).
"""

from __future__ import annotations

from tracker.domain.translation_marks import QT_TRANSLATE_NOOP

LEDGER_ERROR_TEMPLATES: dict[str, str] = {
    # --- a stored record, as a refusal names it --------------------------------------
    "error.record_contract": QT_TRANSLATE_NOOP("Errors", "contract {id}"),
    "error.record_tranche": QT_TRANSLATE_NOOP("Errors", "tranche {id}"),
    "error.record_delivery": QT_TRANSLATE_NOOP("Errors", "delivery {id}"),
    "error.record_retirement": QT_TRANSLATE_NOOP("Errors", "retirement {id}"),
    "error.record_invalidation": QT_TRANSLATE_NOOP("Errors", "invalidation {id}"),
    "error.record_verification": QT_TRANSLATE_NOOP("Errors", "verification record {id}"),
    "error.record_other": QT_TRANSLATE_NOOP("Errors", "{table} record {id}"),
    # --- records that went or changed ------------------------------------------------
    "error.not_found": QT_TRANSLATE_NOOP("Errors", "{record} does not exist"),
    "error.changed_elsewhere": QT_TRANSLATE_NOOP(
        "Errors",
        "{record} was changed elsewhere since you opened it ({fields}); reload and make "
        "your edit again",
    ),
    # --- the ledger file: busy, read-only, out of space ------------------------------
    "error.ledger_busy": QT_TRANSLATE_NOOP(
        "Errors",
        "the ledger is busy: another program (an import or another window) kept it locked "
        "for more than 5 seconds; nothing was changed, try again when it is done",
    ),
    "error.ledger_read_only": QT_TRANSLATE_NOOP(
        "Errors",
        "the ledger is open read-only (another window holds it, or the file or folder is "
        "read-only); nothing was changed",
    ),
    "error.disk_full": QT_TRANSLATE_NOOP(
        "Errors",
        "the disk is full (or the ledger reached its size limit); nothing was changed, free "
        "some space and try again",
    ),
    "error.rolled_back": QT_TRANSLATE_NOOP(
        "Errors",
        "the database rolled the change back (the disk may be full or failing); nothing was "
        "changed",
    ),
    "error.number_beyond_ledger": QT_TRANSLATE_NOOP(
        "Errors", "a number is beyond the largest the ledger can hold; nothing was changed"
    ),
    # --- files read: the system's own reason -----------------------------------------
    "error.file_unreadable": QT_TRANSLATE_NOOP("Errors", "{file}: cannot be read ({reason})"),
}
