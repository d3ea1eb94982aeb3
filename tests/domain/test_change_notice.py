"""Change notices: merged in linear time; an import's notice has a bounded size."""

from __future__ import annotations

import sqlite_utils

from tests.factories import make_contract
from tracker.domain.changes import ChangeNotice, ChangeSet
from tracker.services.tracker_csv import import_text


def test_merge_keeps_every_part_in_order() -> None:
    parts = [
        ChangeSet(inserted=(("deliveries", n),), contracts=frozenset({n % 3}))
        for n in range(1, 2001)
    ]
    merged = ChangeSet.merge([*parts, ChangeSet(bulk=frozenset({"retirements"}))])
    assert merged.inserted == tuple(("deliveries", n) for n in range(1, 2001))
    assert merged.contracts == {0, 1, 2}
    assert merged.tables == {"deliveries", "retirements"}


def test_a_notice_names_tables_and_contracts_only() -> None:
    notice = ChangeNotice()
    for n in range(10_000):
        notice.add(ChangeSet(inserted=(("retirements", n),), contracts=frozenset({n % 4})))
    result = notice.result()
    assert result.size == 1 + 4
    assert result.touches("retirements")
    assert result.inserted == ()


def test_a_retirements_import_returns_a_bounded_notice(db: sqlite_utils.Database) -> None:
    make_contract(db)
    import_text(
        db,
        "deliveries",
        "contract,delivered_on,tonnes,vintage,registry,serial_block,verification_status,"
        "verifier,verified_on,reference\n"
        "C-1,2025-06-30,100,2025,,ACR-US-1-2025-1-1 to 100,verified,V,2025-07-01,A\n",
        "d.csv",
    )
    rows = "".join(
        f"C-1,2025-08-{day:02d},1,,Buyer Co,corporate-target,,,R-{day}\n" for day in range(1, 29)
    )
    result = import_text(
        db,
        "retirements",
        "contract,retired_on,tonnes,serial_block,beneficiary,purpose,claim_start,claim_end,"
        "registry_reference\n" + rows,
        "r.csv",
    )
    assert result.added == 28
    assert result.changes.size <= 3
    assert result.changes.touches("retirements")
