"""A retirement from a given serial block reads the delivery holding it, not every
delivery of the contract: importing a registry's retirements stays linear in their
number however large the contract grows."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlite_utils

from tracker.domain.serials import SerialBlock
from tracker.domain.vocab import KILOGRAM_SERIAL_REGISTRIES
from tracker.services import retirements
from tracker.services.retirements import holdings, retire
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger
from tracker.store import queries


def _ledger(db: sqlite_utils.Database, deliveries: int) -> int:
    write_ledger(db, Spec(contracts=1, deliveries=deliveries, retirements=deliveries // 4, seed=2))
    return int(db.execute("select id from contracts").fetchone()[0])


def test_one_delivery_s_holding_is_its_holding_among_all(db: sqlite_utils.Database) -> None:
    contract = _ledger(db, 60)
    some_retirement = db.execute("select id from retirements limit 1").fetchone()[0]
    for exclude in (None, some_retirement):
        for as_of in (dt.date(2024, 1, 1), dt.date(2030, 1, 1)):
            every = holdings(db, contract, as_of, exclude)
            for h in every:
                assert holdings(db, contract, as_of, exclude, delivery_id=h.delivery_id) == [h]
    assert any(h.retired_kg for h in every)


def _a_block_to_retire(db: sqlite_utils.Database, contract: int) -> dict[str, str]:
    """A retirement of the last serial of the last ranged delivery nothing was retired
    from."""
    for d in reversed(queries.deliveries(db, contract)):
        block = d.block
        if isinstance(block, SerialBlock) and not d.rejected:
            held = holdings(db, contract, delivery_id=d.id)
            if held and held[0].retired_kg == 0:
                part = block.sub_block(block.end, block.end)
                one = "0.001" if d.registry in KILOGRAM_SERIAL_REGISTRIES else "1"
                data = {"retired_on": "2030-01-01", "tonnes": one, "serial_block": part.text,
                        "purpose": "other"}  # fmt: skip
                return data
    pytest.fail("no delivery to retire from")


@pytest.mark.parametrize("deliveries", [20, 400])
def test_retiring_a_block_builds_one_delivery_s_holding(
    db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch, deliveries: int
) -> None:
    contract = _ledger(db, deliveries)
    data = _a_block_to_retire(db, contract)
    built: list[int] = []
    original = retirements.delivery_from_row

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        built.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(retirements, "delivery_from_row", counted)

    retired, _ = retire(db, contract, data)

    assert len(retired) == 1
    assert len(built) <= 2  # the delivery named by the block, then its holding
