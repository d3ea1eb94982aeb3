"""A flag's identity is its rule and record, never words: one key per distinct finding."""

from __future__ import annotations

import datetime as dt
import re

import sqlite_utils

from tests.audit_factories import raw_delivery, raw_retirement
from tests.factories import make_contract
from tracker.domain.flags import key_from_legacy
from tracker.services.audit.engine import evaluate
from tracker.services.demo import load_demo

KEY = re.compile(r"[A-Z_]+\|(contracts|tranches|deliveries|retirements)\|\d+(\|\d{4}-\d{2}-\d{2})?")


def test_keys_name_rule_and_record_without_words(db: sqlite_utils.Database) -> None:
    load_demo(db)
    flags = evaluate(db, dt.date(2028, 6, 30))
    assert flags
    assert [f.key for f in flags if not KEY.fullmatch(f.key)] == []


def test_every_finding_has_its_own_key(db: sqlite_utils.Database) -> None:
    load_demo(db)
    contract = make_contract(db, reference="C-X")
    delivery = raw_delivery(db, contract, 1, 100)
    raw_retirement(db, delivery, 1, 100)
    raw_retirement(db, delivery, 50, 120, retired_on="2025-10-01")  # overlaps, lies outside
    for day in (dt.date(2026, 1, 1), dt.date(2027, 1, 1), dt.date(2028, 6, 30)):
        keys = [f.key for f in evaluate(db, day)]
        assert len(keys) == len(set(keys)), day


def test_a_tranche_of_an_even_schedule_is_its_contract_and_due_date(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)
    late = [f.key for f in evaluate(db, dt.date(2027, 1, 1)) if f.rule == "LATE_TRANCHE"]
    assert late == [
        f"LATE_TRANCHE|contracts|{contract}|2025-12-31",
        f"LATE_TRANCHE|contracts|{contract}|2026-12-31",
    ]


def test_old_keys_map_to_the_same_findings() -> None:
    assert key_from_legacy(
        "LATE_TRANCHE|C-1|contracts|3|tranche due 2026-02-28 (even schedule)"
    ) == ("LATE_TRANCHE|contracts|3|2026-02-28")
    assert key_from_legacy("LATE_TRANCHE|A|B|tranches|12|tranche due 2026-02-28") == (
        "LATE_TRANCHE|tranches|12"
    )
    assert key_from_legacy("MISSING_BENEFICIARY|C-1|retirements|7|retirement X on 2025-01-02") == (
        "MISSING_BENEFICIARY|retirements|7"
    )
    assert key_from_legacy("MISSING_LOCALLY||None|None|registry row 3: X") is None
    assert key_from_legacy("not a key") is None
