"""The rule engine as a whole: every rule registered, ordering, and set-based evaluation."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
from collections.abc import Iterator

import pytest
import sqlite_utils

from tests.audit_factories import raw_delivery, raw_retirement, raw_tranche
from tests.factories import make_contract, make_delivery
from tracker.domain.flags import Flag, Severity
from tracker.services.audit.context import RuleContext
from tracker.services.audit.engine import RULES, evaluate, in_order, sort_key

AS_OF = dt.date(2027, 1, 1)
REQUIRED = {
    "SERIAL_OVERLAP", "SERIAL_QTY_MISMATCH", "OVER_RETIREMENT", "RETIRED_UNVERIFIED",
    "RETIRED_FROM_FAILED", "RETIRED_BEFORE_DELIVERED", "UNVERIFIED_STALE", "LATE_TRANCHE",
    "CUMULATIVE_SHORTFALL", "OVER_DELIVERY", "DELIVERY_OUTSIDE_TERM", "VINTAGE_MISMATCH",
    "VINTAGE_AGE", "LATE_RETIREMENT_FOR_CLAIM", "MISSING_BENEFICIARY", "PRICE_ANOMALY",
    "DUPLICATE_DELIVERY", "TRANCHES_EXCEED_CONTRACT", "MISSING_SERIAL", "RETIRED_INVALIDATED",
    "VERIFIED_BEFORE_DELIVERED",
}  # fmt: skip


def test_every_rule_of_the_issue_is_registered() -> None:
    assert set(RULES) == REQUIRED


def test_flags_come_most_severe_first(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    delivery = raw_delivery(db, contract, 1, 1001, status="pending")
    raw_retirement(db, delivery, 1, 10, beneficiary="")
    ranks = [f.severity.rank for f in evaluate(db, AS_OF)]
    assert ranks == sorted(ranks)
    assert {Severity.CRITICAL, Severity.WARN, Severity.INFO} <= {
        f.severity for f in evaluate(db, AS_OF)
    }


def test_flags_can_be_limited_to_one_contract(db: sqlite_utils.Database) -> None:
    first = make_contract(db, reference="C-A")
    make_contract(db, reference="C-B")
    found = evaluate(db, AS_OF, contract_id=first)
    assert found
    assert {f.contract for f in found} == {"C-A"}


def _queries_to_evaluate(db: sqlite_utils.Database) -> int:
    seen: list[str] = []
    with db.tracer(lambda sql, params: seen.append(sql)):
        evaluate(db, AS_OF)
    return len(seen)


def test_evaluation_runs_a_fixed_number_of_queries_whatever_the_data_size(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db, tonnes="100000")
    raw_delivery(db, contract, 1, 10, status="pending")
    small = _queries_to_evaluate(db)
    for n in range(1, 200):
        delivery = raw_delivery(db, contract, n * 100 + 1, n * 100 + 90, status="pending")
        raw_retirement(db, delivery, n * 100 + 1, n * 100 + 95, beneficiary="")
    assert _queries_to_evaluate(db) == small


def test_vintage_mismatches_are_named_in_one_query_however_many(
    db: sqlite_utils.Database,
) -> None:
    """Each flagged delivery's facts are read together, not one query per flag."""
    contracts = [make_contract(db, reference=f"C-{n}", tonnes="100000") for n in range(3)]
    for contract in contracts:
        raw_tranche(db, contract, "2025-12-31", 50_000_000, vintage=2025)
    raw_delivery(db, contracts[0], 1, 10, vintage=2024)
    small = _queries_to_evaluate(db)
    for n in range(1, 60):
        raw_delivery(db, contracts[n % 3], n * 100 + 1, n * 100 + 10, vintage=2023)
    assert _queries_to_evaluate(db) == small
    flagged = [f for f in evaluate(db, AS_OF) if f.rule == "VINTAGE_MISMATCH"]
    assert len(flagged) == 60
    assert {f.contract for f in flagged} == {"C-0", "C-1", "C-2"}


def test_each_flag_has_the_severity_its_rule_is_registered_with(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)
    first = raw_delivery(db, contract, 1, 100, status="failed", delivered_on="2024-12-01")
    raw_delivery(db, contract, 50, 1200, tonnes_kg=1, reference="R", status="pending")
    raw_delivery(db, contract, 50, 1200, reference="R", vintage=2010)
    raw_retirement(db, first, 1, 200, retired_on="2024-11-01", beneficiary="", claim_end=None)
    found = evaluate(db, AS_OF)
    assert len({f.rule for f in found}) >= 10
    assert all(f.severity is RULES[f.rule][0] for f in found)


def test_flags_are_put_in_order_a_group_at_a_time_in_the_order_of_one_sort(
    db: sqlite_utils.Database,
) -> None:
    """Sorted by severity, contract and rule first, then within: one long sort would hold
    the interpreter lock (and the window drawing beside the rules) until it ends."""
    import random

    for reference in ("C-B", "C-A"):
        contract = make_contract(db, reference=reference)
        first = raw_delivery(db, contract, 1, 100, status="failed", delivered_on="2024-12-01")
        raw_delivery(db, contract, 50, 1200, tonnes_kg=1, reference="R", status="pending")
        raw_retirement(db, first, 1, 200, retired_on="2024-11-01", beneficiary="")
    found = evaluate(db, AS_OF)
    assert len({(f.severity, f.contract, f.rule) for f in found}) > 8
    shuffled = found[:]
    random.Random(7).shuffle(shuffled)
    assert in_order(shuffled) == sorted(shuffled, key=sort_key) == found


def test_the_rules_keep_the_allocation_folded(db: sqlite_utils.Database) -> None:
    """The rules hold each tranche's parts in one (the same figures), not a part per
    delivery: at a million deliveries those are hundreds of megabytes."""
    from tracker.services.audit.context import RuleContext
    from tracker.services.audit.settings import load_thresholds
    from tracker.services.fulfilment import fulfilments

    contract = make_contract(db, tonnes="100000")
    raw_tranche(db, contract, "2025-12-31", 50_000_000, vintage=2025)
    for n in range(30):
        raw_delivery(db, contract, n * 100 + 1, n * 100 + 10, vintage=2024 if n % 3 else 2025)
    ctx = RuleContext(db, AS_OF, load_thresholds(db))
    [(_contract, kept)] = ctx.fulfilment().values()
    [(_same, full)] = fulfilments(db, AS_OF)
    assert [len(f.parts) for f in kept.fills] == [1]
    assert len(full.fills[0].parts) == 30
    assert kept.fills[0].delivered_kg == full.fills[0].delivered_kg
    assert len(ctx.vintage_mismatches()) == 20  # taken while the parts were there


def test_the_cycle_collector_pauses_while_rules_run_and_resumes_after(
    db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw_delivery(db, make_contract(db), status="pending", verified_on=None)
    seen: list[bool] = []
    rule = RULES["UNVERIFIED_STALE"]

    def watched(ctx: RuleContext) -> Iterator[Flag]:
        seen.append(gc.isenabled())
        yield from rule[1](ctx)

    monkeypatch.setitem(RULES, "UNVERIFIED_STALE", (rule[0], watched))

    flags = evaluate(db, AS_OF)

    assert seen == [False]
    assert gc.isenabled()
    assert any(f.rule == "UNVERIFIED_STALE" for f in flags)


def test_the_cycle_collector_resumes_when_a_rule_fails(
    db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(ctx: RuleContext) -> Iterator[Flag]:
        raise RuntimeError("rule failed")
        yield

    monkeypatch.setitem(RULES, "UNVERIFIED_STALE", (Severity.WARN, failing))

    with pytest.raises(RuntimeError):
        evaluate(db, AS_OF)
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused(db: sqlite_utils.Database) -> None:
    gc.disable()
    try:
        evaluate(db, AS_OF)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_rules_finding_many_flags_word_them_only_when_read(
    db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stale, awaiting-serial and vintage flags come by the ten thousand in a large
    portfolio: evaluating them builds no message; reading one builds its own."""
    from tracker.domain import messages
    from tracker.services.audit import context, rules_deliveries, rules_schedule

    contract = make_contract(db, tonnes="100000")
    raw_tranche(db, contract, "2025-12-31", 50_000_000, vintage=2025)
    raw_delivery(db, contract, 1, 10, status="pending", vintage=2023, delivered_on="2025-01-10")
    make_delivery(db, contract, serial_block="", delivered_on="2025-02-10")
    built: list[str] = []

    def counted(code: str, **params: object) -> messages.Message:
        built.append(code)
        return messages.msg(code, **params)

    for module in (context, rules_deliveries, rules_schedule):
        monkeypatch.setattr(module, "msg", counted)
    rules = ("UNVERIFIED_STALE", "MISSING_SERIAL", "VINTAGE_MISMATCH")
    found = evaluate(db, AS_OF, rules=rules)
    assert {f.rule for f in found} == set(rules)
    assert built == []
    stale = next(f for f in found if f.rule == "UNVERIFIED_STALE")
    assert stale.finding.code == "flag.unverified_stale"
    assert built == ["subject.delivery", "flag.unverified_stale"]


def test_the_rules_finding_flags_by_the_ten_thousand_keep_the_evidence_acknowledged(
    db: sqlite_utils.Database,
) -> None:
    """Their evidence (which an acknowledgement's fingerprint holds) is the numbers each
    quotes joined by "|", as it was when each flag worded its own: an acknowledgement
    recorded before still applies."""
    contract = make_contract(db, tonnes="100000")
    raw_tranche(db, contract, "2025-12-31", 50_000_000, vintage=2025)
    raw_tranche(db, contract, "2026-06-30", 50_000_000, vintage=2026)
    raw_delivery(db, contract, 1, 10, status="pending", vintage=2023, delivered_on="2025-01-10")
    make_delivery(db, contract, serial_block="", delivered_on="2025-02-10")
    make_delivery(
        db, contract, serial_block="", delivered_on="2026-12-20", verified_on="2026-12-21"
    )

    found = evaluate(db, AS_OF, rules=("UNVERIFIED_STALE", "MISSING_SERIAL", "VINTAGE_MISMATCH"))

    evidence = sorted((f.rule, f.evidence) for f in found)
    assert evidence == [
        ("MISSING_SERIAL", "False"),
        ("MISSING_SERIAL", "True"),
        ("UNVERIFIED_STALE", "90"),
        ("VINTAGE_MISMATCH", "2023|2025"),
    ]
    [vintage] = [f for f in found if f.rule == "VINTAGE_MISMATCH"]
    expected = hashlib.sha256(f"{vintage.key}|2023|2025".encode()).hexdigest()[:16]
    assert vintage.fingerprint == expected
