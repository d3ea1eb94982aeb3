"""The English templates of the ledger's health reports: Check database (``check.``) and
the change-log check, verify-log (``log.``).

A report carries each finding as a message (a code and parameters); the command line
words it in English from these templates, exactly as it always printed it, the window
in its language (context ``Reports``).  Counts are :class:`~tracker.domain.messages.Number`
(ungrouped on the command line, in the locale's format in the window); SQLite's own
error text, hashes, table names and stored values stay plain parameters.
"""

from __future__ import annotations

from tracker.domain.translation_marks import QT_TRANSLATE_NOOP

REPORT_CONTEXT = "Reports"

REPORT_TEMPLATES: dict[str, str] = {
    # --- Check database: the file ----------------------------------------------------
    "check.unreadable": QT_TRANSLATE_NOOP("Reports", "the file cannot be read at all ({reason})"),
    "check.damaged": QT_TRANSLATE_NOOP(
        "Reports", "the file is damaged (SQLite integrity check: {problems})"
    ),
    "check.integrity_ok": QT_TRANSLATE_NOOP("Reports", "the file passes SQLite's integrity check"),
    "check.part_unreadable": QT_TRANSLATE_NOOP(
        "Reports", "part of the ledger cannot be read ({reason})"
    ),
    # --- Check database: links, the change log, derived data -------------------------
    "check.broken_links": QT_TRANSLATE_NOOP(
        "Reports",
        "{count} record(s) point to records that do not exist "
        "(first: {table} row {row} → {parent})",
    ),
    "check.links_ok": QT_TRANSLATE_NOOP(
        "Reports", "every record's links (contract, delivery) lead to a record"
    ),
    "check.log_ok": QT_TRANSLATE_NOOP(
        "Reports",
        "the change log is intact and matches the tables ({entries} entries, head {head})",
    ),
    "check.log_mismatch": QT_TRANSLATE_NOOP(
        "Reports", "the change log does not match the ledger: {problem}"
    ),
    "check.stale_status": QT_TRANSLATE_NOOP(
        "Reports",
        "{count} deliveries whose verification status is not their latest verification "
        "record's (ids {ids})",
    ),
    "check.retirement_contract": QT_TRANSLATE_NOOP(
        "Reports",
        "{count} retirements recorded under another contract than their delivery (ids {ids})",
    ),
    "check.stale_totals": QT_TRANSLATE_NOOP(
        "Reports",
        "{count} contracts whose kept totals differed from their records (ids {ids}): {done}",
    ),
    "check.stale_delivery_totals": QT_TRANSLATE_NOOP(
        "Reports",
        "{count} deliveries whose kept retired or invalidated tonnes differed from their "
        "records (ids {ids}): {done}",
    ),
    "check.stale_contract_fills": QT_TRANSLATE_NOOP(
        "Reports",
        "{count} contracts whose kept tranche allocation differed from their deliveries "
        "(ids {ids}): {done}",
    ),
    "check.unnoted_delivery_clashes": QT_TRANSLATE_NOOP(
        "Reports",
        "{count} deliveries sharing serials or a registry reference with another delivery "
        "were missing from the kept list the audit rules read (ids {ids}): {done}",
    ),
    "check.unnoted_retirement_clashes": QT_TRANSLATE_NOOP(
        "Reports",
        "{count} retirements sharing serials with another retirement were missing from "
        "the kept list the audit rules read (ids {ids}): {done}",
    ),
    "check.unnoted_nul_texts": QT_TRANSLATE_NOOP(
        "Reports",
        "{count} deliveries holding a NUL character in a text were missing from the kept "
        "list the export reads (ids {ids}): {done}",
    ),
    "check.recomputed": QT_TRANSLATE_NOOP("Reports", "recomputed from the records now"),
    "check.recompute_later": QT_TRANSLATE_NOOP(
        "Reports", "open the ledger for writing and run check-db again to recompute them"
    ),
    "check.recompute_later_window": QT_TRANSLATE_NOOP(
        "Reports", "open the ledger for writing and check it again to recompute them"
    ),
    "check.derived_ok": QT_TRANSLATE_NOOP(
        "Reports",
        "derived data (verification status, retirement links, kept totals, allocations and "
        "lists) agrees",
    ),
    # --- Check database: the verdict -------------------------------------------------
    "check.healthy": QT_TRANSLATE_NOOP("Reports", "The ledger is healthy: nothing to do."),
    "check.problems": QT_TRANSLATE_NOOP("Reports", "{count} problem(s) found. {advice}"),
    "check.restore_advice": QT_TRANSLATE_NOOP(
        "Reports",
        "Restore the newest good backup: `carbon-tracker restore` lists them, "
        "`carbon-tracker restore newest` puts the newest in place (the current file is "
        "kept aside).",
    ),
    "check.restore_advice_window": QT_TRANSLATE_NOOP(
        "Reports",
        "Restore the newest good backup: File → Restore from backup… puts it in place (the "
        "current file is kept aside).",
    ),
    # --- the change log: the file ----------------------------------------------------
    "log.damaged": QT_TRANSLATE_NOOP("Reports", "damaged: {problem}"),
    "log.integrity_failed": QT_TRANSLATE_NOOP(
        "Reports", "the ledger file fails its integrity check: {problems}"
    ),
    "log.integrity_unreadable": QT_TRANSLATE_NOOP(
        "Reports", "the ledger file cannot be read to check it ({reason})"
    ),
    "log.unreadable": QT_TRANSLATE_NOOP(
        "Reports", "the change log or a table cannot be read ({reason})"
    ),
    "log.damage_advice": QT_TRANSLATE_NOOP(
        "Reports",
        "run `carbon-tracker check-db`, then restore the newest good backup "
        "(`carbon-tracker restore`)",
    ),
    "log.damage_advice_window": QT_TRANSLATE_NOOP(
        "Reports",
        "run Tools → Check database…, then restore the newest good backup (File → Restore "
        "from backup…)",
    ),
    # --- the change log: a head recorded elsewhere -----------------------------------
    "log.anchor": QT_TRANSLATE_NOOP("Reports", "anchor: {problem}"),
    "log.anchor_removed": QT_TRANSLATE_NOOP(
        "Reports",
        "the log has {total} entries but held at least {count} when the head was recorded: "
        "the newest entries were removed (restore the newest good backup)",
    ),
    "log.anchor_rewritten": QT_TRANSLATE_NOOP(
        "Reports",
        "entry {count} now has hash {found}, not {recorded} as recorded: the log was "
        "rewritten (re-hashed) since (restore the newest good backup)",
    ),
    # --- the change log: the hash chain ----------------------------------------------
    "log.chain_broken": QT_TRANSLATE_NOOP("Reports", "chain broken at entry {seq}: {problem}"),
    "log.entry_missing": QT_TRANSLATE_NOOP(
        "Reports", "entry {seq} is missing (deleted from the log)"
    ),
    "log.entries_missing": QT_TRANSLATE_NOOP(
        "Reports", "entries {first}–{last} are missing (deleted from the log)"
    ),
    "log.unlinked": QT_TRANSLATE_NOOP(
        "Reports",
        "it does not link to the entry before it (that entry was deleted or altered)",
    ),
    "log.entry_edited": QT_TRANSLATE_NOOP(
        "Reports",
        "its contents do not match its hash (the entry was edited outside the app)",
    ),
    # --- the change log against the tables -------------------------------------------
    "log.mismatch": QT_TRANSLATE_NOOP("Reports", "mismatch: {record}: {problem}"),
    "log.more_mismatches": QT_TRANSLATE_NOOP("Reports", "… and {count} more mismatches"),
    "log.record": QT_TRANSLATE_NOOP("Reports", "{table} record {id}"),
    "log.record_contracts": QT_TRANSLATE_NOOP("Reports", "contracts record {id}"),
    "log.record_tranches": QT_TRANSLATE_NOOP("Reports", "tranches record {id}"),
    "log.record_deliveries": QT_TRANSLATE_NOOP("Reports", "deliveries record {id}"),
    "log.record_retirements": QT_TRANSLATE_NOOP("Reports", "retirements record {id}"),
    "log.record_verifications": QT_TRANSLATE_NOOP("Reports", "verifications record {id}"),
    "log.record_invalidations": QT_TRANSLATE_NOOP("Reports", "invalidations record {id}"),
    "log.record_settings": QT_TRANSLATE_NOOP("Reports", "settings record {id}"),
    "log.record_flag_acknowledgements": QT_TRANSLATE_NOOP(
        "Reports", "flag_acknowledgements record {id}"
    ),
    "log.not_logged": QT_TRANSLATE_NOOP("Reports", "is in the table but not in the change log"),
    "log.not_in_table": QT_TRANSLATE_NOOP(
        "Reports", "is in the change log but missing from the table"
    ),
    "log.entry_not_json": QT_TRANSLATE_NOOP(
        "Reports",
        "differs from the change log, whose entry for it is damaged (not valid JSON)",
    ),
    "log.entry_damaged": QT_TRANSLATE_NOOP(
        "Reports", "differs from the change log, whose entry for it is damaged"
    ),
    "log.differs": QT_TRANSLATE_NOOP("Reports", "differs from the change log: {differences}"),
    "log.field_differs": QT_TRANSLATE_NOOP("Reports", "{field} is {value}, the log says {logged}"),
    "log.and": QT_TRANSLATE_NOOP("Reports", "{first}; {rest}"),
    # --- the change log: all well ----------------------------------------------------
    "log.intact": QT_TRANSLATE_NOOP(
        "Reports",
        "change log intact: {entries} entries, the tables match the log (head hash {hash})",
    ),
    "log.head": QT_TRANSLATE_NOOP(
        "Reports",
        "head: {head} (keep it elsewhere; `verify-log --expect-head {head}` proves later "
        "that no entry was removed or rewritten)",
    ),
}
