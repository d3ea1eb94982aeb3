"""Every real registry sample, imported into a portfolio whose contracts carry the
file's own project ids and buyer names: each row is attributed to a contract, skipped
as another buyer's (counted by name), skipped as naming a project no contract carries,
or skipped as never a delivery of yours (cancellations, project issuance lists).  The
tonnes of all rows equal the file's own quantity column (summed here independently),
and importing the file a second time adds nothing."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest
import sqlite_utils

from tests.factories import counts, make_contract, make_delivery
from tracker.services.registry import Action, ImportOptions, import_registry_file

# Real registry export slices (CarbonPlan offsets-db-data test data, MIT licence: see
# tests/data/registries/LICENSE-offsets-db-data), kept in the repository so the suite
# runs on any machine.
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "registries"


@dataclass(frozen=True)
class Sample:
    quantity: str  # the file's quantity column
    unit: str  # "t" (credits) or "kg"
    label: str  # the layout the file is recognised as
    registry: str
    projects: str = ""  # the buyer's contract's registry project ids, as in the file
    buyer: str = "Nobody In This File"
    attributed: int = 0  # rows added to the buyer's contract
    other_buyers: int = 0
    top_other_buyers: list[tuple[str, int]] = field(default_factory=list)
    no_contract: int = 0
    not_deliveries: int = 0  # cancellations and project-level issuance lists


FILES = {
    "american-carbon-registry/retirements.csv": Sample(
        "Quantity of Credits", "t", "ACR retirements", "acr", "ACR1129", "AWS",
        attributed=3, other_buyers=96, no_contract=1,
        top_other_buyers=[("MidFirst Bank", 11)],
    ),
    "american-carbon-registry/cancellations.csv": Sample(
        "Quantity of Credits", "t", "ACR cancellations", "acr", not_deliveries=50
    ),
    "american-carbon-registry/issuances.csv": Sample(
        "Total Credits Issued", "t", "ACR project issuances", "acr", not_deliveries=100
    ),
    "climate-action-reserve/retirements.csv": Sample(
        "Quantity of Offset Credits", "t", "CAR retirements", "car", "CAR1624",
        "Ascend Performance Materials", attributed=6, other_buyers=90, no_contract=4,
        top_other_buyers=[("ClimateSeed", 4)],
    ),
    "climate-action-reserve/cancellations.csv": Sample(
        "Quantity of Offset Credits", "t", "CAR cancellations", "car", not_deliveries=50
    ),
    "climate-action-reserve/issuances.csv": Sample(
        "Total Offset Credits Issued", "t", "CAR project issuances", "car", not_deliveries=100
    ),
    "art-trees/retirements.csv": Sample(
        "Quantity of Credits", "t", "ART TREES retirements", "art", "ART130", "Chanel",
        attributed=4, other_buyers=4, top_other_buyers=[("Hess Climate Initiative LLC", 2)],
    ),
    "art-trees/cancellations.csv": Sample(
        "Quantity of Credits", "t", "ART TREES cancellations", "art", not_deliveries=3
    ),
    "art-trees/issuances.csv": Sample(
        "Credits Verified", "t", "ART TREES program issuances", "art", not_deliveries=11
    ),
    "gold-standard/issuances.csv": Sample(
        "Quantity", "t", "Gold Standard credits", "gold-standard", "GS4446",
        attributed=4, no_contract=96,
    ),
    "gold-standard/retirements.csv": Sample(
        "Quantity", "t", "Gold Standard credits", "gold-standard", "GS12065",
        "ENGIE Energía Chile", attributed=3, other_buyers=91, not_deliveries=6,
        top_other_buyers=[("(no name given)", 43), ("Not Disclosed", 19)],
    ),
    "isometric/issuances.csv": Sample(
        "credit_batch_size_total.credit_kgs", "kg", "Isometric issuances", "isometric",
        not_deliveries=100,
    ),
    "isometric/retirements.csv": Sample(
        "credit_batch_size_total.credit_kgs", "kg", "Isometric retirements", "isometric",
        "prj_1HHYZFVGW1S044ZY", "Workday", attributed=5, other_buyers=90, no_contract=5,
        top_other_buyers=[("JPMorganChase", 13), ("Shopify", 11)],
    ),
    "verra/transactions.csv": Sample(
        "Quantity Issued", "t", "Verra transactions", "verra", "513", "Rubim Produções",
        attributed=19, other_buyers=81, no_contract=100,
        top_other_buyers=[("No owner - contributing towards global emissions reductions", 16)],
    ),
}  # fmt: skip


def file_total_kg(path: Path, column: str, unit: str) -> int:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        total = sum(Decimal(row[column].replace(",", "")) for row in csv.DictReader(handle))
    return int(total * (1000 if unit == "t" else 1))


def _portfolio(db: sqlite_utils.Database, sample: Sample) -> None:
    contract = make_contract(
        db,
        reference="BUYER-1",
        buyer=sample.buyer,
        registry=sample.registry,
        registry_project_ids=sample.projects,
        tonnes="100000000",
        start_on="2010-01-01",
        end_on="2040-12-31",
    )
    if sample.registry == "isometric":  # retirements without serials draw from these
        make_delivery(
            db,
            contract,
            registry="isometric",
            serial_block="ISO-1-BUYER-2020-1-50000000",
            tonnes="50000",
            vintage="2020",
            delivered_on="2020-06-30",
            verified_on="2020-07-01",
        )
    make_contract(db, reference="OTHER-1", buyer=sample.buyer, registry=sample.registry)


@pytest.mark.parametrize("name", sorted(FILES))
def test_sample_rows_are_attributed_or_skipped_with_their_reason(
    db: sqlite_utils.Database, name: str
) -> None:
    sample = FILES[name]
    _portfolio(db, sample)

    result = import_registry_file(db, SAMPLES / name, ImportOptions(deliver_retired=True))

    assert result.layout == sample.label
    assert result.errors == []
    added = [o for o in result.outcomes if o.action in (Action.ADD, Action.PRESENT)]
    assert len(added) == sample.attributed
    assert {o.contract for o in added} <= {"BUYER-1"}
    other = result.skipped_as("other-buyer")
    assert sum(n for _, n in other) == sample.other_buyers
    assert other[: len(sample.top_other_buyers)] == sample.top_other_buyers
    assert sum(n for _, n in result.skipped_as("no-contract")) == sample.no_contract
    explained = [o for o in result.outcomes if o.action is Action.SKIP and not o.skip]
    assert len(explained) == sample.not_deliveries
    assert len(result.outcomes) == (
        sample.attributed + sample.other_buyers + sample.no_contract + sample.not_deliveries
    )
    assert result.kg() == file_total_kg(SAMPLES / name, sample.quantity, sample.unit)


@pytest.mark.parametrize("name", sorted(FILES))
def test_importing_a_sample_a_second_time_adds_nothing(
    db: sqlite_utils.Database, name: str
) -> None:
    sample = FILES[name]
    _portfolio(db, sample)
    import_registry_file(db, SAMPLES / name, ImportOptions(deliver_retired=True))
    after_first = counts(db)

    again = import_registry_file(db, SAMPLES / name, ImportOptions(deliver_retired=True))

    assert again.count(Action.ADD) == 0
    assert again.count(Action.PRESENT) == sample.attributed
    assert counts(db) == after_first
