"""Check database: the file, its foreign keys, the change log and derived data.

Read-only and safe to run any number of times.  Every finding is in plain
words, with what to do about it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

import sqlite_utils

from tracker.store import positions
from tracker.store.log_verify import verify_log

RESTORE_ADVICE = (
    "Restore the newest good backup: `carbon-tracker restore` lists them, "
    "`carbon-tracker restore newest` puts the newest in place (the current file is kept aside)."
)

# Derived data: a value stored for speed that must follow other rows.
_DERIVED = (
    (
        "deliveries whose verification status is not their latest verification record's",
        """select d.id from deliveries d
           join verifications v on v.id = (
               select id from verifications where delivery_id = d.id
               order by verified_on desc, id desc limit 1)
           where d.verification_status != v.outcome""",
    ),
    (
        "retirements recorded under another contract than their delivery",
        """select r.id from retirements r join deliveries d on d.id = r.delivery_id
           where r.contract_id != d.contract_id""",
    ),
)


@dataclass(slots=True)
class CheckReport:
    findings: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings

    def describe(self) -> str:
        lines = [f"✓ {c}" for c in self.checks]
        lines += [f"✗ {f}" for f in self.findings]
        if self.ok:
            lines.append("The ledger is healthy: nothing to do.")
        else:
            lines.append(f"{len(self.findings)} problem(s) found. {RESTORE_ADVICE}")
        return "\n".join(lines)


def check_database(db: sqlite_utils.Database) -> CheckReport:
    report = CheckReport()
    try:
        integrity = [r[0] for r in db.execute("PRAGMA integrity_check(20)")]
    except sqlite3.DatabaseError as exc:
        report.findings.append(f"the file cannot be read at all ({exc})")
        return report
    if integrity != ["ok"]:
        report.findings.append(
            "the file is damaged (SQLite integrity check: " + "; ".join(integrity[:5]) + ")"
        )
        return report  # nothing else can be trusted
    report.checks.append("the file passes SQLite's integrity check")
    try:
        _foreign_keys(db, report)
        _change_log(db, report)
        _derived(db, report)
    except sqlite3.DatabaseError as exc:
        report.findings.append(f"part of the ledger cannot be read ({exc})")
    return report


def _foreign_keys(db: sqlite_utils.Database, report: CheckReport) -> None:
    broken = db.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        first = broken[0]
        report.findings.append(
            f"{len(broken)} record(s) point to records that do not exist "
            f"(first: {first[0]} row {first[1]} → {first[2]})"
        )
    else:
        report.checks.append("every record's links (contract, delivery) lead to a record")


def _change_log(db: sqlite_utils.Database, report: CheckReport) -> None:
    log = verify_log(db, integrity=False)
    if log.ok:
        report.checks.append(
            f"the change log is intact and matches the tables ({log.entries} entries, "
            f"head {log.entries}:{log.head_hash})"
        )
    else:
        first = log.describe().splitlines()[0]
        report.findings.append(f"the change log does not match the ledger: {first}")


def _recompute(db: sqlite_utils.Database, contract_ids: list[int]) -> str:
    """Recompute kept totals found wrong (derived data: no record changes, nothing is
    logged); what was done, in words."""
    try:
        with db.conn:
            positions.note(db, contract_ids)
            positions.refresh(db)
    except sqlite3.Error:
        return "open the ledger for writing and run check-db again to recompute them"
    return "recomputed from the records now"


def _derived(db: sqlite_utils.Database, report: CheckReport) -> None:
    clean = True
    for what, sql in _DERIVED:
        ids = [r[0] for r in db.execute(sql)]
        if ids:
            clean = False
            shown = ", ".join(str(i) for i in ids[:5])
            report.findings.append(f"{len(ids)} {what} (ids {shown})")
    stale = positions.disagreeing(db)
    if stale:
        clean = False
        shown = ", ".join(str(i) for i in stale[:5])
        report.findings.append(
            f"{len(stale)} contracts whose kept totals differed from their records "
            f"(ids {shown}): {_recompute(db, stale)}"
        )
    if clean:
        report.checks.append(
            "derived data (verification status, retirement links, kept contract totals) agrees"
        )
