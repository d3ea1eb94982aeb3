"""Check database: the file, its foreign keys, the change log and derived data.

Read-only and safe to run any number of times.  Every finding is in plain
words, with what to do about it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

import sqlite_utils

from tracker.domain.messages import Message, Number, msg, render
from tracker.store import contract_fills, delivery_totals, nul_texts, positions, serial_clashes
from tracker.store.interrupts import was_interrupted
from tracker.store.log_verify import Step, verify_log

RESTORE_ADVICE = "check.restore_advice"  # what to do when anything is found (the CLI's words)

# Derived data: a value stored for speed that must follow other rows (the message code
# naming the rows that do not).
_DERIVED = (
    (
        "check.stale_status",
        """select d.id from deliveries d
           join verifications v on v.id = (
               select id from verifications where delivery_id = d.id
               order by verified_on desc, id desc limit 1)
           where d.verification_status != v.outcome""",
    ),
    (
        "check.retirement_contract",
        """select r.id from retirements r join deliveries d on d.id = r.delivery_id
           where r.contract_id != d.contract_id""",
    ),
)


@dataclass(slots=True)
class CheckReport:
    """What Check database found, as messages: worded in English by :meth:`describe` for
    the command line, in the window's language by ``tracker.ui.messages.check_report``."""

    findings: list[Message] = field(default_factory=list)
    checks: list[Message] = field(default_factory=list)
    stale_contracts: list[int] = field(default_factory=list)  # kept totals found wrong
    stale_deliveries: list[int] = field(default_factory=list)  # kept delivery totals, wrong
    unnoted_deliveries: list[int] = field(default_factory=list)  # clashing, not noted
    unnoted_retirements: list[int] = field(default_factory=list)  # clashing, not noted
    stale_fills: list[int] = field(default_factory=list)  # kept allocations, wrong
    unnoted_nuls: list[int] = field(default_factory=list)  # holding a NUL, not noted

    @property
    def ok(self) -> bool:
        return not self.findings

    def verdict(self, advice: str = RESTORE_ADVICE) -> Message:
        """The last line: healthy, or how many problems and what to do (``advice``, a
        message code: the window names its own menu)."""
        if self.ok:
            return msg("check.healthy")
        return msg("check.problems", count=Number(len(self.findings)), advice=msg(advice))

    def describe(self) -> str:
        lines = [f"✓ {render(c)}" for c in self.checks]
        lines += [f"✗ {render(f)}" for f in self.findings]
        lines.append(render(self.verdict()))
        return "\n".join(lines)


def check_database(
    db: sqlite_utils.Database,
    *,
    repair: bool = True,
    step: Step | None = None,
) -> CheckReport:
    """The ledger's health.  Kept totals found wrong are recomputed on ``db`` when
    ``repair`` (a check on a read-only connection leaves that to :func:`repair_stale` on
    one that can write); ``step`` hears of the change log's walk and may stop it.  A
    statement interrupted on the caller's cancel (``store.interrupts``) is raised, never
    reported as damage."""
    report = CheckReport()
    try:
        integrity = [r[0] for r in db.execute("PRAGMA integrity_check(20)")]
    except sqlite3.DatabaseError as exc:
        if was_interrupted(exc):
            raise
        report.findings.append(msg("check.unreadable", reason=str(exc)))
        return report
    if integrity != ["ok"]:
        report.findings.append(msg("check.damaged", problems="; ".join(integrity[:5])))
        return report  # nothing else can be trusted
    report.checks.append(msg("check.integrity_ok"))
    try:
        _foreign_keys(db, report)
        _change_log(db, report, step)
        _derived(db, report, repair)
    except sqlite3.DatabaseError as exc:
        if was_interrupted(exc):
            raise
        report.findings.append(msg("check.part_unreadable", reason=str(exc)))
    return report


def _foreign_keys(db: sqlite_utils.Database, report: CheckReport) -> None:
    broken = db.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, row, parent = broken[0][:3]
        report.findings.append(
            msg(
                "check.broken_links",
                count=Number(len(broken)),
                table=table,
                row=row,
                parent=parent,
            )
        )
    else:
        report.checks.append(msg("check.links_ok"))


def _change_log(db: sqlite_utils.Database, report: CheckReport, step: Step | None) -> None:
    log = verify_log(db, integrity=False, step=step)
    if log.ok:
        report.checks.append(msg("check.log_ok", entries=Number(log.entries), head=log.head))
    else:
        first = log.problems()[0]
        report.findings.append(msg("check.log_mismatch", problem=first))


def _refresh_positions(db: sqlite_utils.Database, contract_ids: list[int]) -> None:
    positions.note(db, contract_ids)
    positions.refresh(db)


@dataclass(frozen=True, slots=True)
class _KeptTotals:
    """Derived rows kept for speed that a check recomputes when they differ from their
    records: the finding's message code, what finds the wrong ones (their ids), what
    recomputes them (inside a transaction), and the report's list of them."""

    code: str
    find: Callable[[sqlite_utils.Database], list[int]]
    fix: Callable[[sqlite_utils.Database, list[int]], None]
    listed_as: str  # the CheckReport field


_KEPT = (
    _KeptTotals("check.stale_totals", positions.disagreeing, _refresh_positions,
                "stale_contracts"),
    _KeptTotals("check.stale_delivery_totals", delivery_totals.disagreeing,
                delivery_totals.recount, "stale_deliveries"),
    _KeptTotals("check.stale_contract_fills", contract_fills.disagreeing,
                contract_fills.recompute, "stale_fills"),
    _KeptTotals("check.unnoted_delivery_clashes", serial_clashes.missing_deliveries,
                serial_clashes.rebuild_deliveries, "unnoted_deliveries"),
    _KeptTotals("check.unnoted_retirement_clashes", serial_clashes.missing_retirements,
                serial_clashes.rebuild_retirements, "unnoted_retirements"),
    _KeptTotals("check.unnoted_nul_texts", nul_texts.missing, nul_texts.note,
                "unnoted_nuls"),
)  # fmt: skip


def _recompute(db: sqlite_utils.Database, kept: _KeptTotals, ids: list[int]) -> Message:
    """Recompute kept rows found wrong (derived data: no record changes, nothing is
    logged); what was done, in words."""
    try:
        with db.conn:
            kept.fix(db, ids)
    except sqlite3.Error:
        return msg("check.recompute_later")
    return msg("check.recomputed")


def _stale_finding(kept: _KeptTotals, stale: list[int], done: Message) -> Message:
    return msg(kept.code, count=Number(len(stale)), ids=_ids(stale), done=done)


def repair_stale(db: sqlite_utils.Database, report: CheckReport) -> None:
    """Recompute the kept totals a check found wrong, on ``db`` (a connection that can
    write), and say so in the report's findings."""
    repaired: dict[str, Message] = {}
    for kept in _KEPT:
        stale: list[int] = getattr(report, kept.listed_as)
        if stale:
            repaired[kept.code] = _stale_finding(kept, stale, _recompute(db, kept, stale))
    report.findings = [repaired.get(finding.code, finding) for finding in report.findings]


def _ids(ids: list[int]) -> str:
    """The first few ids, as the report lists them ('3, 8, 12')."""
    return ", ".join(str(i) for i in ids[:5])


def _derived(db: sqlite_utils.Database, report: CheckReport, repair: bool = True) -> None:
    clean = True
    for code, sql in _DERIVED:
        ids = [r[0] for r in db.execute(sql)]
        if ids:
            clean = False
            report.findings.append(msg(code, count=Number(len(ids)), ids=_ids(ids)))
    for kept in _KEPT:
        stale = kept.find(db)
        if stale:
            clean = False
            setattr(report, kept.listed_as, stale)
            done = _recompute(db, kept, stale) if repair else msg("check.recompute_later")
            report.findings.append(_stale_finding(kept, stale, done))
    if clean:
        report.checks.append(msg("check.derived_ok"))
