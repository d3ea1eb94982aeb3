"""A synthetic portfolio at any scale: ``carbon-tracker generate``.

Contracts across several registries and serial formats (Isometric kilogram serials
and credit batches, Puro certificates, Verra, Gold Standard, ACR/CAR/ART ranges),
one tranche per contract year, deliveries with serials — some awaiting theirs —
verification failures and pending verifications, invalidations, and retirements
drawn from verified blocks; plus the rule violations an auditor looks for
(overlapping serials, duplicate references, retirements of unverified credits or
before delivery, missing beneficiaries, late tranches, shortfalls, price anomalies).

Every record gets a global id (``uid``, a version-4 UUID) drawn from a stream of its
own, so the same seed gives the same uids and the same data as before uids existed.

Rows are generated contract by contract (bounded memory) and either written straight
into the ledger in one unit of work with the bulk writer (change log included), or
as the tracker's CSV files.  ``importable=True`` leaves out the violations an import
refuses (overlapping blocks, duplicate references, a retirement before its delivery,
tranches above the contract), so the files re-import.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from tracker.domain.vocab import Registry
from tracker.services.synthetic_plan import (
    BUYER,
    PROFILES,
    Profile,
    batch_id,
    kg_serials,
    letters,
    plus_days,
    project_id,
    serial_format,
    split,
    spread_dates,
    term,
)

Row = dict[str, Any]
DEFAULT_AS_OF = dt.date(2026, 6, 30)
PREFIX = "SYN"


@dataclass(frozen=True, slots=True)
class Spec:
    contracts: int = 200
    deliveries: int = 1_000_000
    retirements: int = 300_000
    seed: int = 1
    as_of: dt.date = DEFAULT_AS_OF  # nothing is dated after it
    importable: bool = False


@dataclass(slots=True)
class ContractRows:
    """Everything generated for one contract, ids assigned."""

    contract: Row
    tranches: list[Row] = field(default_factory=list)
    deliveries: list[Row] = field(default_factory=list)
    retirements: list[Row] = field(default_factory=list)
    invalidations: list[Row] = field(default_factory=list)


@dataclass(slots=True)
class NextIds:
    contracts: int = 1
    tranches: int = 1
    deliveries: int = 1
    retirements: int = 1
    invalidations: int = 1

    def take(self, table: str) -> int:
        value: int = getattr(self, table)
        setattr(self, table, value + 1)
        return value


def generate(spec: Spec, ids: NextIds | None = None) -> Iterator[ContractRows]:
    """The portfolio, one contract at a time (same seed, same portfolio)."""
    rng = random.Random(spec.seed)
    uid_rng = random.Random(f"uids-{spec.seed}")  # its own stream: the data stays the same
    ids = ids or NextIds()
    per_contract = split(spec.deliveries, spec.contracts, rng)
    retire_share = spec.retirements / spec.deliveries if spec.deliveries else 0.0
    left = spec.retirements
    for n, count in enumerate(per_contract):
        last = n == spec.contracts - 1
        wanted = left if last else min(left, round(count * retire_share))
        rows = _contract(spec, n, count, wanted, rng, ids)
        left -= len(rows.retirements)
        for row in (rows.contract, *rows.tranches, *rows.deliveries, *rows.retirements,
                    *rows.invalidations):  # fmt: skip
            row["uid"] = str(uuid.UUID(int=uid_rng.getrandbits(128), version=4))
        yield rows


def reference(n: int, profile: Profile) -> str:
    return f"{PREFIX}-{n + 1:04d}-{profile.registry.value.upper()}"


def _contract(
    spec: Spec, n: int, count: int, retirements: int, rng: random.Random, ids: NextIds
) -> ContractRows:
    profile = PROFILES[n % len(PROFILES)]
    start, end = term(rng, spec.as_of)
    project = project_id(profile, n, rng)
    cid = ids.take("contracts")
    status = "active"
    if n % 25 == 24:
        status = "completed"
    elif n % 40 == 39:
        status = "draft"
    price = rng.randint(*profile.price_units) * 10_000
    contract: Row = {
        "id": cid, "reference": reference(n, profile), "buyer": BUYER,
        "supplier": profile.supplier, "project": f"{profile.supplier} project {n + 1}",
        "method": profile.method, "credit_type": profile.credit_type,
        "registry": profile.registry.value, "tonnes_kg": 0, "price": price,
        "currency": profile.currency, "signed_on": (start - dt.timedelta(days=90)).isoformat(),
        "start_on": start.isoformat(), "end_on": end.isoformat(),
        "durability_years": profile.durability_years, "status": status,
        "notes": "synthetic", "registry_project_ids": project,
    }  # fmt: skip
    out = ContractRows(contract)
    out.deliveries = _deliveries(spec, n, count, profile, project, start, end, rng, ids, cid)
    delivered = sum(d["tonnes_kg"] for d in out.deliveries)
    elapsed = max(min(spec.as_of, end) - start, dt.timedelta(days=1)) / (end - start)
    tonnes = max(int(delivered / elapsed * rng.uniform(0.85, 1.3)) // 1000, 1) * 1000
    contract["tonnes_kg"] = tonnes
    out.tranches = _tranches(spec, n, contract, start, end, rng, ids)
    out.retirements = _retirements(spec, n, out, retirements, rng, ids)
    out.invalidations = _invalidations(spec, n, out, rng, ids)
    return out


def _tranches(
    spec: Spec, n: int, contract: Row, start: dt.date, end: dt.date, rng: random.Random,
    ids: NextIds,
) -> list[Row]:  # fmt: skip
    years = list(range(start.year, end.year + 1))
    each = contract["tonnes_kg"] // len(years) // 1000 * 1000 or 1000
    rows = []
    for i, year in enumerate(years):
        price = None
        if n % 10 == 3 and i == 1:  # PRICE_ANOMALY: a tranche 10 % above the contract
            price = contract["price"] * 11 // 10
        rows.append({
            "id": ids.take("tranches"), "contract_id": contract["id"],
            "due_on": dt.date(year, 12, 31).isoformat(), "tonnes_kg": each,
            "vintage": year if n % 5 == 1 else None, "price": price,
        })  # fmt: skip
    if n % 30 == 7 and not spec.importable:  # TRANCHES_EXCEED_CONTRACT
        rows[-1]["tonnes_kg"] += contract["tonnes_kg"]
    return rows


def _deliveries(
    spec: Spec, n: int, count: int, profile: Profile, project: str, start: dt.date,
    end: dt.date, rng: random.Random, ids: NextIds, cid: int,
) -> list[Row]:  # fmt: skip
    registry = profile.registry
    kg = kg_serials(registry)
    counters: dict[int, int] = {}
    rows: list[Row] = []
    last_day = min(end, spec.as_of)
    for i, day in enumerate(spread_dates(start, last_day, count, rng)):
        vintage = day.year if rng.random() < 0.8 else day.year - 1
        units = rng.randint(10_000, 250_000) if kg else rng.randint(10, 250)
        tonnes_kg = units if kg else units * 1000
        did = ids.take("deliveries")
        row: Row = {
            "id": did, "contract_id": cid, "delivered_on": day.isoformat(),
            "tonnes_kg": tonnes_kg, "vintage": vintage, "registry": registry.value,
            "serial_block": None, "serial_prefix": None, "serial_start": None,
            "serial_end": None, "serial_template": None, "verification_status": "verified",
            "verifier": profile.verifier, "verified_on": None,
            "reference": f"TX-{n + 1:04d}-{i + 1:07d}", "tranche_due_on": None,
        }  # fmt: skip
        roll = rng.random()
        if roll < 0.005:
            pass  # serials to follow (MISSING_SERIAL)
        elif roll < 0.005 + profile.batch_share:
            row["serial_block"] = batch_id(rng)
        else:
            issuance = i if registry is Registry.PURO else vintage
            fmt = serial_format(registry, project, vintage, issuance)
            first = 1 if registry is Registry.PURO else counters.get(vintage, 1 + 1000 * n)
            if n % 15 == 4 and i == count // 2 and not spec.importable and first > units:
                first -= 1  # SERIAL_OVERLAP with the block before
            last = first + units - 1
            counters[vintage] = last + 1
            row.update(
                serial_block=fmt.text(first, last), serial_prefix=fmt.prefix,
                serial_start=first, serial_end=last, serial_template=fmt.template,
            )  # fmt: skip
        _verification(row, day, spec.as_of, rng)
        if n % 17 == 6 and i == count // 3 and rows and not spec.importable:
            row["reference"] = rows[-1]["reference"]  # DUPLICATE_DELIVERY
        rows.append(row)
    return rows


def _verification(row: Row, day: dt.date, as_of: dt.date, rng: random.Random) -> None:
    roll = rng.random()
    recent = (as_of - day).days < 60
    if roll < 0.015:
        row["verification_status"] = "failed"
    elif roll < 0.05 or (recent and roll < 0.5):
        row["verification_status"] = "pending"
        row["verifier"] = ""
        return
    row["verified_on"] = plus_days(day, 5, 60, rng, as_of).isoformat()


def _retirements(
    spec: Spec, n: int, out: ContractRows, wanted: int, rng: random.Random, ids: NextIds
) -> list[Row]:
    eligible = [
        d for d in out.deliveries
        if d["verification_status"] == "verified" and d["serial_block"] is not None
    ]  # fmt: skip
    unverified = _unverified_target(out)
    wanted -= unverified is not None
    if not eligible or wanted <= 0:
        return []
    kg = kg_serials(Registry(out.contract["registry"]))
    per = -(-wanted // len(eligible))  # retirements per delivery, at most
    rows: list[Row] = []
    for j in range(wanted):
        d = eligible[j % len(eligible)]
        k = j // len(eligible)  # this delivery's k-th retirement
        units = d["tonnes_kg"] if kg else d["tonnes_kg"] // 1000
        piece = max(units // (2 * per), 1)
        if (k + 1) * piece > units:
            break
        day = plus_days(dt.date.fromisoformat(d["verified_on"]), 1, 200, rng, spec.as_of)
        claim_year = day.year - 1 if day.month < 4 else day.year
        if j % 3000 == 2999:
            claim_year -= 2  # LATE_RETIREMENT_FOR_CLAIM / VINTAGE_AGE candidates
        row: Row = {
            "id": ids.take("retirements"), "contract_id": d["contract_id"],
            "delivery_id": d["id"], "retired_on": day.isoformat(),
            "tonnes_kg": piece if kg else piece * 1000,
            "serial_block": d["serial_block"], "serial_prefix": None, "serial_start": None,
            "serial_end": None, "beneficiary": "" if n % 11 == 3 and j == wanted // 3 else BUYER,
            "purpose": "corporate-target" if j % 7 else "public-claim",
            "claim_start": f"{claim_year}-01-01", "claim_end": f"{claim_year}-12-31",
            "registry_reference": f"RET-{n + 1:04d}-{j + 1:07d}",
        }  # fmt: skip
        if d["serial_start"] is not None:
            first = d["serial_start"] + k * piece
            last = first + piece - 1
            template: str = d["serial_template"]
            row.update(
                serial_block=template.replace("{start}", str(first)).replace("{end}", str(last)),
                serial_prefix=d["serial_prefix"], serial_start=first, serial_end=last,
            )  # fmt: skip
        if n % 13 == 2 and j == wanted // 2 and not spec.importable:
            row["retired_on"] = _day_before(d["delivered_on"])  # RETIRED_BEFORE_DELIVERED
        rows.append(row)
    if unverified is not None:
        rows.append(_retire_unverified(unverified, ids))
    return rows


def _day_before(day: str) -> str:
    return (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()


def _unverified_target(out: ContractRows) -> Row | None:
    """RETIRED_UNVERIFIED: one retirement from a pending delivery in every 20th contract."""
    if out.contract["id"] % 20 != 5:
        return None
    pending = (
        d for d in out.deliveries
        if d["verification_status"] == "pending" and d["serial_start"] is not None
    )  # fmt: skip
    return next(pending, None)


def _retire_unverified(d: Row, ids: NextIds) -> Row:
    kg = kg_serials(Registry(d["registry"]))
    piece = 1000 if kg else 1
    first = d["serial_start"]
    template: str = d["serial_template"]
    return {
        "id": ids.take("retirements"), "contract_id": d["contract_id"], "delivery_id": d["id"],
        "retired_on": d["delivered_on"], "tonnes_kg": piece if kg else piece * 1000,
        "serial_block": template.replace("{start}", str(first)).replace(
            "{end}", str(first + piece - 1)),
        "serial_prefix": d["serial_prefix"], "serial_start": first,
        "serial_end": first + piece - 1, "beneficiary": BUYER, "purpose": "corporate-target",
        "claim_start": None, "claim_end": None,
        "registry_reference": f"RET-PENDING-{d['id']}",
    }  # fmt: skip


def _invalidations(
    spec: Spec, n: int, out: ContractRows, rng: random.Random, ids: NextIds
) -> list[Row]:
    """About 0.2 % of verified deliveries lose their last tenth to a reversal or buffer."""
    rows: list[Row] = []
    kg = kg_serials(Registry(out.contract["registry"]))
    for d in out.deliveries:
        if d["verification_status"] != "verified" or rng.random() >= 0.002:
            continue
        units = d["tonnes_kg"] if kg else d["tonnes_kg"] // 1000
        piece = max(units // 10, 1)
        day = plus_days(dt.date.fromisoformat(d["verified_on"]), 30, 400, rng, spec.as_of)
        rows.append({
            "id": ids.take("invalidations"), "contract_id": d["contract_id"],
            "delivery_id": d["id"], "invalidated_on": day.isoformat(),
            "tonnes_kg": piece if kg else piece * 1000, "serial_block": None,
            "serial_prefix": None, "serial_start": None, "serial_end": None,
            "reason": "reversal" if rng.random() < 0.5 else "buffer-contribution",
            "registry_reference": f"INV-{letters(6, rng)}", "note": "",
        })  # fmt: skip
    return rows
