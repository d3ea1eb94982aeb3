"""Flag review: open / acknowledged / reopened, and acknowledging with a reason.

An acknowledgement names the flag's key and fingerprint.  It applies only
while the fingerprint is unchanged: when the numbers behind the flag change,
the flag is *reopened* and needs a fresh review.  An acknowledgement written before
keys named records rather than English subjects (``migrated_from`` set by migration
``m005_flag_identity``) keeps the fingerprint of its old key: it is compared with the
flag's ``legacy_fingerprint``.
"""

from __future__ import annotations

import datetime as dt
from array import array
from dataclasses import dataclass
from enum import StrEnum

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import ValidationError
from tracker.domain.flags import Flag, Severity
from tracker.domain.messages import msg
from tracker.domain.text import parse_text
from tracker.services.audit.engine import evaluate
from tracker.store import change_log, flag_reviews
from tracker.store.ledger import Ledger
from tracker.store.unit_of_work import UnitOfWork


class FlagStatus(StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    REOPENED = "reopened"  # acknowledged once, but the numbers have changed since


@dataclass(frozen=True, slots=True)
class ReviewedFlag:
    flag: Flag
    status: FlagStatus
    acknowledged_by: str = ""
    acknowledged_on: str = ""
    reason: str = ""

    @property
    def is_open(self) -> bool:
        return self.status is not FlagStatus.ACKNOWLEDGED


@dataclass(frozen=True, slots=True)
class _Acknowledgement:
    fingerprint: str
    by: str
    on: str
    why: str
    migrated: bool

    def applies_to(self, flag: Flag) -> bool:
        """Unchanged numbers: the fingerprint matches (an old one, its old form)."""
        wanted = flag.legacy_fingerprint if self.migrated else flag.fingerprint
        return self.fingerprint == wanted


def _latest_acknowledgements(db: Ledger) -> dict[str, _Acknowledgement]:
    return {
        key: _Acknowledgement(fp, by, on, why, bool(old))
        for key, fp, by, on, why, old in flag_reviews.latest_acknowledgements(db)
    }


def review(db: Ledger, flags: list[Flag]) -> list[ReviewedFlag]:
    """Attach each flag's review status (the latest acknowledgement of its key decides)."""
    acks = _latest_acknowledgements(db)
    acked_rules = {key.partition("|")[0] for key in acks}  # a flag of another rule: open
    reviewed = []
    for f in flags:
        if f.rule not in acked_rules:
            reviewed.append(ReviewedFlag(f, FlagStatus.OPEN))
            continue
        ack = acks.get(f.key)
        if ack is None:
            reviewed.append(ReviewedFlag(f, FlagStatus.OPEN))
            continue
        status = FlagStatus.ACKNOWLEDGED if ack.applies_to(f) else FlagStatus.REOPENED
        reviewed.append(ReviewedFlag(f, status, ack.by, ack.on, ack.why))
    return reviewed


def reviewed_flags(
    db: Ledger, as_of: dt.date, contract_id: int | None = None
) -> list[ReviewedFlag]:
    return review(db, evaluate(db, as_of, contract_id=contract_id))


def open_flags(db: Ledger, as_of: dt.date) -> list[Flag]:
    """Flags not acknowledged (or reopened since), most severe first."""
    return [r.flag for r in reviewed_flags(db, as_of) if r.is_open]


def acknowledge(db: Ledger, flag: Flag, reason: str) -> ChangeSet:
    """Accept a flag for now, saying why; who and when are recorded and logged."""
    if not (reason or "").strip():
        raise ValidationError("reason", None, msg("error.reason_required"))
    why = parse_text({"reason": reason}, "reason", limit=2000)
    with UnitOfWork(db) as uow:
        uow.insert(
            "flag_acknowledgements",
            {
                "flag_key": flag.key,
                "fingerprint": flag.fingerprint,
                "acknowledged_by": uow.user,
                "acknowledged_on": change_log.now_utc(),
                "reason": why,
            },
            action="acknowledge",
        )
    return uow.changes


def open_critical(reviewed: list[ReviewedFlag]) -> list[ReviewedFlag]:
    return [r for r in reviewed if r.is_open and r.flag.severity is Severity.CRITICAL]


def counts_by_severity(reviewed: list[ReviewedFlag], open_only: bool = True) -> dict[Severity, int]:
    """How many flags of each severity (open ones only, by default)."""
    counts = dict.fromkeys(Severity, 0)
    for r in reviewed:
        if r.is_open or not open_only:
            counts[r.flag.severity] += 1
    return counts


def critical_contract_ids(reviewed: list[ReviewedFlag]) -> set[int]:
    """Contracts with at least one open critical flag (for the badge in the contract list)."""
    return {r.flag.contract_id for r in open_critical(reviewed) if r.flag.contract_id is not None}


def flagged_deliveries(reviewed: list[ReviewedFlag]) -> dict[int, Severity]:
    """Delivery id -> most severe open flag on it (for marked points on the chart)."""
    marked: dict[int, Severity] = {}
    for r in reviewed:
        f = r.flag
        if not r.is_open or f.subject_table != "deliveries" or f.subject_id is None:
            continue
        known = marked.get(f.subject_id)
        if known is None or f.severity.rank < known.rank:
            marked[f.subject_id] = f.severity
    return marked


@dataclass(frozen=True, slots=True)
class FlagDigest:
    """What the window's badges, counts and chart markers show of one evaluation, counted
    once (on the worker that evaluated the rules) rather than by every view."""

    open_counts: dict[int | None, dict[Severity, int]]  # by contract (None: no contract)
    all_counts: dict[int | None, dict[Severity, int]]
    # the deliveries with an open flag, by id: a hundred thousand of them are held as
    # 8-byte numbers (a dict of them by severity was ten times the size, and unread)
    flagged_deliveries: array[int]

    def counts(self, contract_id: int | None = None, open_only: bool = True) -> dict[Severity, int]:
        """Flags of each severity of one contract (None: the whole portfolio)."""
        by_contract = self.open_counts if open_only else self.all_counts
        if contract_id is not None:
            return dict(by_contract.get(contract_id) or dict.fromkeys(Severity, 0))
        total = dict.fromkeys(Severity, 0)
        for counts in by_contract.values():
            for severity, n in counts.items():
                total[severity] += n
        return total

    def open_critical_by_contract(self) -> dict[int, int]:
        """Contract id -> how many open critical flags it has (contracts with any)."""
        return {
            contract_id: counts[Severity.CRITICAL]
            for contract_id, counts in self.open_counts.items()
            if contract_id is not None and counts[Severity.CRITICAL]
        }


def digest(reviewed: list[ReviewedFlag]) -> FlagDigest:
    """Count ``reviewed`` by contract and severity, and mark flagged deliveries, in one pass."""
    open_counts: dict[int | None, dict[Severity, int]] = {}
    all_counts: dict[int | None, dict[Severity, int]] = {}
    marked: list[int] = []
    for r in reviewed:
        f = r.flag
        contract_id, severity = f.contract_id, f.severity
        counts = all_counts.get(contract_id)
        if counts is None:
            counts = all_counts[contract_id] = dict.fromkeys(Severity, 0)
            open_counts[contract_id] = dict.fromkeys(Severity, 0)
        counts[severity] += 1
        if not r.is_open:
            continue
        open_counts[contract_id][severity] += 1
        if f.subject_table == "deliveries" and f.subject_id is not None:
            marked.append(f.subject_id)
    return FlagDigest(open_counts, all_counts, array("q", sorted(set(marked))))
