"""The rule engine: every named rule evaluated over the whole portfolio as of a date."""

from __future__ import annotations

import datetime as dt
import gc
import heapq
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from operator import itemgetter

from tracker.domain.flags import Flag, Severity
from tracker.services.audit import rules_contracts as rc
from tracker.services.audit import rules_deliveries as rd
from tracker.services.audit import rules_retirements as rr
from tracker.services.audit import rules_schedule as rsc
from tracker.services.audit import rules_serials as rs
from tracker.services.audit.context import RuleContext
from tracker.services.audit.settings import Thresholds, load_thresholds
from tracker.store import rule_inputs
from tracker.store.ledger import Ledger
from tracker.store.readers import snapshot, snapshot_beside
from tracker.store.serial_scope import serial_scope

Rule = Callable[[RuleContext], Iterator[Flag]]

# Rule code -> (severity, evaluator).  Severities follow domain.md §3.
RULES: dict[str, tuple[Severity, Rule]] = {
    "SERIAL_OVERLAP": (Severity.CRITICAL, rs.serial_overlap),
    "OVER_RETIREMENT": (Severity.CRITICAL, rs.over_retirement),
    "RETIRED_UNVERIFIED": (Severity.CRITICAL, rr.retired_unverified),
    "RETIRED_FROM_FAILED": (Severity.CRITICAL, rr.retired_from_failed),
    "RETIRED_INVALIDATED": (Severity.CRITICAL, rr.retired_invalidated),
    "CUMULATIVE_SHORTFALL": (Severity.CRITICAL, rc.cumulative_shortfall),
    "SERIAL_QTY_MISMATCH": (Severity.HIGH, rs.serial_qty_mismatch),
    "RETIRED_BEFORE_DELIVERED": (Severity.HIGH, rr.retired_before_delivered),
    "DUPLICATE_DELIVERY": (Severity.HIGH, rs.duplicate_delivery),
    "TRANCHES_EXCEED_CONTRACT": (Severity.HIGH, rc.tranches_exceed_contract),
    "VERIFIED_BEFORE_DELIVERED": (Severity.HIGH, rd.verified_before_delivered),
    "MISSING_SERIAL": (Severity.WARN, rd.missing_serial),  # high once overdue
    "LATE_TRANCHE": (Severity.WARN, rsc.late_tranche),
    "VINTAGE_MISMATCH": (Severity.WARN, rsc.vintage_mismatch),
    "VINTAGE_AGE": (Severity.WARN, rr.vintage_age),
    "LATE_RETIREMENT_FOR_CLAIM": (Severity.WARN, rr.late_retirement_for_claim),
    "PRICE_ANOMALY": (Severity.WARN, rsc.price_anomaly),
    "UNVERIFIED_STALE": (Severity.WARN, rd.unverified_stale),
    "DELIVERY_OUTSIDE_TERM": (Severity.WARN, rd.delivery_outside_term),
    "MISSING_BENEFICIARY": (Severity.WARN, rr.missing_beneficiary),
    "OVER_DELIVERY": (Severity.INFO, rc.over_delivery),
}


def sort_key(f: Flag) -> tuple[int, str, str, str, int, str]:
    """Most severe first, then by contract, rule and record (not by wording: no flag is
    worded to be sorted)."""
    return (f.severity.rank, f.contract, f.rule, f.subject_table or "", f.subject_id or 0, f.part)


# The rules that read the retirements and serial blocks, evaluated for the whole
# portfolio on a second connection beside the others (which read deliveries, tranches
# and the allocation): SQLite's work of the two halves on two cores, the same flags.
BESIDE = frozenset({
    "SERIAL_OVERLAP", "OVER_RETIREMENT", "RETIRED_UNVERIFIED", "RETIRED_FROM_FAILED",
    "RETIRED_INVALIDATED", "SERIAL_QTY_MISMATCH", "RETIRED_BEFORE_DELIVERED",
    "DUPLICATE_DELIVERY", "VINTAGE_AGE", "LATE_RETIREMENT_FOR_CLAIM", "MISSING_BENEFICIARY",
})  # fmt: skip


def evaluate(
    db: Ledger,
    as_of: dt.date,
    thresholds: Thresholds | None = None,
    contract_id: int | None = None,
    rules: tuple[str, ...] | None = None,
    beside: Ledger | None = None,
) -> list[Flag]:
    """All flags as of ``as_of``, most severe first (optionally one contract or some rules),
    every rule reading the ledger as it stood at one moment (``snapshot``).

    The whole portfolio's rules run in two halves on two threads (``BESIDE`` on a second
    connection reading the same commit: ``beside``, or one ``snapshot_beside`` opens),
    where a second connection can read the ledger; else one after the other."""
    whole = contract_id is None and rules is None
    with _reading(db, beside, whole) as other, without_cycle_collection():
        thresholds = thresholds or load_thresholds(db)
        ctx = RuleContext(db, as_of, thresholds)
        if other is None:
            found = [
                f
                for code in rules or tuple(RULES)
                for f in RULES[code][1](ctx)
                if contract_id is None or f.contract_id == contract_id
            ]
        else:
            found = _in_two_halves(ctx, RuleContext(other, as_of, thresholds))
    return in_order(found)


@contextmanager
def _reading(db: Ledger, beside: Ledger | None, whole: bool) -> Iterator[Ledger | None]:
    """The connection to read ``BESIDE`` on (None: read everything on ``db``), with
    ``db`` in its snapshot."""
    if beside is not None and whole:  # the caller's: both already in one snapshot
        yield beside
    elif whole:
        with snapshot_beside(db) as opened:
            yield opened
    else:
        with snapshot(db):
            yield None


def _in_two_halves(ctx: RuleContext, other: RuleContext) -> list[Flag]:
    """Every rule: ``BESIDE`` on a thread reading ``other``, the rest on this one."""
    beside: list[Flag] = []
    failed: list[BaseException] = []

    def run_beside() -> None:
        try:
            beside.extend(f for code in RULES if code in BESIDE for f in RULES[code][1](other))
        except BaseException as exc:  # raised on the caller's thread below
            failed.append(exc)

    thread = threading.Thread(target=run_beside, name="rules-beside")
    thread.start()
    try:
        found = [f for code in RULES if code not in BESIDE for f in RULES[code][1](ctx)]
    finally:
        thread.join()
    if failed:
        raise failed[0]
    return found + beside


# Rules whose flag on one contract's record may name another contract's (the same serials
# or reference on two contracts): evaluated for the whole portfolio after any change.
CROSS_CONTRACT = frozenset({"SERIAL_OVERLAP", "DUPLICATE_DELIVERY"})
WHOLE_SHARE = 4  # a change to more than a quarter of the contracts: evaluate them all


def evaluate_changed(
    db: Ledger,
    as_of: dt.date,
    previous: list[Flag],
    changed: frozenset[int],
    thresholds: Thresholds | None = None,
) -> list[Flag]:
    """The flags of ``evaluate`` after a change to the ``changed`` contracts, from the
    flags evaluated before it (``previous``, for the same date and thresholds, in the
    order ``evaluate`` gives).

    Each rule whose flags belong to one contract is evaluated again for the changed
    contracts only (and any contract sharing a record with them), the other contracts'
    flags kept as they were; the cross-contract rules for the serial partitions and keys
    of those contracts' records and of the records they flagged before
    (``serial_scope``).  The same flags as evaluating everything, for work that follows
    the size of the change: an edit to one delivery no longer allocates every contract's
    tranches nor orders every serial block.
    """
    if not changed:
        return previous
    with snapshot(db), without_cycle_collection():
        return _evaluate_changed(db, as_of, previous, changed, thresholds)


def _evaluate_changed(
    db: Ledger,
    as_of: dt.date,
    previous: list[Flag],
    changed: frozenset[int],
    thresholds: Thresholds | None,
) -> list[Flag]:
    scope = changed | rule_inputs.contracts_sharing_records(db, changed)
    contracts = len(rule_inputs.contract_statuses(db))
    unowned = any(f.contract_id is None for f in previous if f.rule not in CROSS_CONTRACT)
    if unowned or len(scope) * WHOLE_SHARE > contracts:
        return evaluate(db, as_of, thresholds)
    thresholds = thresholds or load_thresholds(db)
    scoped = RuleContext(db, as_of, thresholds, contracts=scope)
    flagged = _flagged_before(previous)
    serials = serial_scope(db, scope, *flagged)
    across = RuleContext(db, as_of, thresholds, serials=serials)
    kept = [f for f in previous if f.rule not in CROSS_CONTRACT and f.contract_id not in scope]
    found: list[Flag] = []
    for code, (_severity, rule) in RULES.items():
        if code in CROSS_CONTRACT:
            found.extend(rule(across))  # every flag there was is evaluated again
        else:
            found.extend(f for f in rule(scoped) if f.contract_id in scope)
    # ``previous`` is in order, and so what is kept of it: merged with the few found
    return list(heapq.merge(kept, in_order(found), key=sort_key))


def _flagged_before(previous: list[Flag]) -> tuple[set[int], set[int], set[int]]:
    """The deliveries and retirements overlapping others, and the deliveries duplicating
    others, that ``previous`` flagged."""
    overlapping: dict[str | None, set[int]] = {"deliveries": set(), "retirements": set()}
    duplicates: set[int] = set()
    for f in previous:
        if f.subject_id is None:
            continue
        if f.rule == "SERIAL_OVERLAP":
            overlapping.setdefault(f.subject_table, set()).add(f.subject_id)
        elif f.rule == "DUPLICATE_DELIVERY":
            duplicates.add(f.subject_id)
    return overlapping["deliveries"], overlapping["retirements"], duplicates


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while the rules build their flags.

    A portfolio's flags are a hundred thousand objects or more, none in a cycle; each
    collection the allocations set off walks every object alive, so building them took
    a collection after another (0.4–0.7 s of 3 s at 108k flags).  Reference counting
    still frees everything; the collector resumes as it was, whatever happens."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# What ``sort_key`` reads, straight from a flag's tuple: its group (severity, contract,
# rule), then its record within the group (table, id, part).
_GROUP = itemgetter(1, 3, 0)
_WITHIN = itemgetter(4, 5, 7)


def _group_order(group: tuple[Severity, str, str]) -> tuple[int, str, str]:
    severity, contract, rule = group
    return severity.rank, contract, rule


def in_order(flags: list[Flag]) -> list[Flag]:
    """``flags`` sorted by ``sort_key``, a severity, contract and rule at a time.

    The same order as one ``sorted`` call, but no single call runs long: a sort holds
    Python's interpreter lock until it ends (a sort of 128k flags, 0.2 s), and the rules
    run on a worker beside the window, whose thread would wait that long to draw.

    A group's records are compared as the flag holds them (no Python call a flag: half
    the time at 108k flags); a group where a record's table or id is missing beside one
    that has it (Python does not order None) is sorted by ``sort_key``, which reads a
    missing one as empty."""
    groups: dict[tuple[Severity, str, str], list[Flag]] = {}
    for f in flags:
        group = _GROUP(f)
        members = groups.get(group)
        if members is None:
            groups[group] = [f]
        else:
            members.append(f)
    ordered: list[Flag] = []
    for group in sorted(groups, key=_group_order):
        members = groups[group]
        try:
            members.sort(key=_WITHIN)
        except TypeError:
            members.sort(key=sort_key)
        ordered.extend(members)
    return ordered
