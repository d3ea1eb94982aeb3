"""Write a synthetic portfolio into the ledger or as the tracker's CSV files."""

from __future__ import annotations

import csv
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import TrackerError
from tracker.domain.quantities import format_price, format_tonnes_short
from tracker.services.csv_safe import Number, neutralise
from tracker.services.synthetic import PREFIX, NextIds, Row, Spec, generate
from tracker.services.tracker_csv_columns import header
from tracker.store import lookups
from tracker.store.ledger import Ledger
from tracker.store.unit_of_work import UnitOfWork

TABLES = ("contracts", "tranches", "deliveries", "retirements", "invalidations")


@dataclass(frozen=True, slots=True)
class Generated:
    counts: dict[str, int]
    changes: ChangeSet

    def describe(self) -> str:
        parts = ", ".join(f"{n:,} {t}" for t, n in self.counts.items())
        return f"Generated a synthetic portfolio: {parts}."


def write_ledger(db: Ledger, spec: Spec) -> Generated:
    """Every generated row, in one transaction, with its change-log entries."""
    taken = lookups.generated_contracts(db, PREFIX)
    if taken:
        raise TrackerError(
            f"the ledger already holds {taken} generated contract(s) ({PREFIX}-…); "
            "generate into a new ledger file"
        )
    counts = dict.fromkeys(TABLES, 0)
    with UnitOfWork(db) as uow:
        writer = uow.bulk()
        ids = NextIds(**{t: writer.next_id(t) for t in TABLES})
        for rows in generate(spec, ids):
            writer.insert("contracts", [rows.contract])
            for table in TABLES[1:]:
                counts[table] += writer.insert(table, getattr(rows, table))
            counts["contracts"] += 1
        uow.log_event("generate", "portfolio", {"seed": spec.seed, **counts})
    return Generated(counts, uow.changes)


# --- CSV ----------------------------------------------------------------------------------


def _t(kg: int) -> Number:
    return Number(format_tonnes_short(kg))


def _n(value: int | None) -> object:
    return "" if value is None else Number(str(value))


def _contract_line(c: Row) -> list[object]:
    return [
        c["reference"], c["buyer"], c["supplier"], c["project"], c["method"], c["credit_type"],
        c["registry"], _t(c["tonnes_kg"]), Number(format_price(c["price"])), c["currency"],
        c["signed_on"], c["start_on"], c["end_on"], _n(c["durability_years"]), c["status"],
        c["notes"], c["registry_project_ids"], c["uid"],
    ]  # fmt: skip


def _tranche_line(t: Row, ref: str) -> list[object]:
    price = "" if t["price"] is None else Number(format_price(t["price"]))
    return [ref, t["due_on"], _t(t["tonnes_kg"]), _n(t["vintage"]), price, t["uid"]]


def _delivery_line(d: Row, ref: str) -> list[object]:
    return [
        ref, d["delivered_on"], _t(d["tonnes_kg"]), _n(d["vintage"]), d["registry"],
        d["serial_block"], d["verification_status"], d["verifier"], d["verified_on"],
        d["reference"], d["tranche_due_on"], d["uid"],
    ]  # fmt: skip


def _retirement_line(r: Row, ref: str) -> list[object]:
    return [
        ref, r["retired_on"], _t(r["tonnes_kg"]), r["serial_block"], r["beneficiary"],
        r["purpose"], r["claim_start"], r["claim_end"], r["registry_reference"], r["uid"],
    ]  # fmt: skip


def _invalidation_line(i: Row, ref: str, delivery: Row) -> list[object]:
    return [
        ref, delivery["serial_block"] or delivery["reference"], i["invalidated_on"],
        _t(i["tonnes_kg"]), i["serial_block"], i["reason"], i["registry_reference"], i["note"],
        i["uid"],
    ]  # fmt: skip


FILES = {
    "contracts": "contracts.csv",
    "schedule": "schedule.csv",
    "deliveries": "deliveries.csv",
    "retirements": "retirements.csv",
    "invalidations": "invalidations.csv",
}


def write_csv(folder: Path | str, spec: Spec) -> Generated:
    """The portfolio as tracker CSV files in ``folder``; all files or none are written."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    temps: dict[str, tuple[str, TextIO]] = {}
    counts = dict.fromkeys(TABLES, 0)
    try:
        writers: dict[str, Any] = {}
        for kind, name in FILES.items():
            fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=target)
            os.chmod(temp, 0o600)  # private like every file the tracker writes
            out = os.fdopen(fd, "w", encoding="utf-8", newline="")
            temps[kind] = (temp, out)
            writers[kind] = csv.writer(out, lineterminator="\r\n")
            writers[kind].writerow(header(kind))
        for rows in generate(spec):
            ref = rows.contract["reference"]
            by_id = {d["id"]: d for d in rows.deliveries}
            lines = {
                "contracts": [_contract_line(rows.contract)],
                "schedule": [_tranche_line(t, ref) for t in rows.tranches],
                "deliveries": [_delivery_line(d, ref) for d in rows.deliveries],
                "retirements": [_retirement_line(r, ref) for r in rows.retirements],
                "invalidations": [
                    _invalidation_line(i, ref, by_id[i["delivery_id"]]) for i in rows.invalidations
                ],
            }
            for kind, found in lines.items():
                writers[kind].writerows([neutralise(c) for c in line] for line in found)
            for table, kind in zip(TABLES, FILES, strict=True):
                counts[table] += len(lines[kind])
        for _temp, written in temps.values():
            written.flush()
            os.fsync(written.fileno())
            written.close()
        for kind, (temp, _out) in temps.items():
            os.replace(temp, target / FILES[kind])
    except BaseException:
        for temp, unfinished in temps.values():
            unfinished.close()
            Path(temp).unlink(missing_ok=True)
        raise
    return Generated(counts, ChangeSet())
