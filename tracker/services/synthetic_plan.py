"""The shape of a synthetic portfolio: registries, serial formats, contract terms.

Pure functions of a seeded ``random.Random``: the same seed gives the same
portfolio.  Serial blocks are built in each registry's own format, with the
prefix and template the tracker's parser derives from the text
(:func:`tracker.domain.serials.parse_serials`), so stored columns and the text
agree exactly (tests parse a sample back).
"""

from __future__ import annotations

import datetime as dt
import random
import string
from dataclasses import dataclass

from tracker.domain.vocab import KILOGRAM_SERIAL_REGISTRIES, Registry


@dataclass(frozen=True, slots=True)
class Profile:
    registry: Registry
    method: str
    credit_type: str
    supplier: str
    price_units: tuple[int, int]  # whole currency units per tonne
    currency: str
    durability_years: int | None
    verifier: str
    batch_share: float = 0.0  # share of deliveries named by one batch id


PROFILES = (
    Profile(Registry.ISOMETRIC, "dac", "removal", "Stratos DAC Holdings", (450, 700), "USD",
            1000, "Isometric", 0.2),
    Profile(Registry.PURO, "biochar", "removal", "Carbofex Oy", (120, 180), "EUR", 100,
            "Puro.earth"),
    Profile(Registry.VERRA, "reforestation", "removal", "Mombak Gestora", (35, 60), "USD", 40,
            "SCS Global Services"),
    Profile(Registry.GOLD_STANDARD, "cookstoves", "avoidance", "BioLite Energy", (8, 14), "USD",
            None, "Earthood"),
    Profile(Registry.ACR, "methane-capture", "avoidance", "Anew Climate", (10, 18), "USD", None,
            "Ruby Canyon Environmental"),
    Profile(Registry.CAR, "soil-carbon", "removal", "Indigo Ag", (30, 45), "USD", 10, "SCS Global"),
    Profile(Registry.ART, "avoided-deforestation", "avoidance", "Guyana LCDS", (15, 25), "USD",
            None, "Aster Global"),
    Profile(Registry.ISOMETRIC, "enhanced-weathering", "removal", "UNDO Carbon", (250, 400),
            "GBP", 1000, "Isometric", 0.0),
)  # fmt: skip

BUYER = "Synthetic Buyer Inc."
_B32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def kg_serials(registry: Registry) -> bool:
    return registry in KILOGRAM_SERIAL_REGISTRIES


def project_id(profile: Profile, n: int, rng: random.Random) -> str:
    """The contract's project id as its registry writes it."""
    match profile.registry:
        case Registry.VERRA:
            return str(1000 + n)
        case Registry.GOLD_STANDARD:
            return f"GS{11000 + n}"
        case Registry.ACR:
            return f"ACR{1100 + n}"
        case Registry.CAR:
            return f"CAR{1300 + n}"
        case Registry.ART:
            return f"ART{100 + n}"
        case Registry.ISOMETRIC:
            return "prj_" + "".join(rng.choice(_B32) for _ in range(16))
        case _:
            return str(577000 + n)


@dataclass(frozen=True, slots=True)
class SerialFormat:
    """One registry block family: ``template`` holds ``{start}``/``{end}``."""

    prefix: str
    template: str

    def text(self, start: int, end: int) -> str:
        return self.template.replace("{start}", str(start)).replace("{end}", str(end))


def serial_format(registry: Registry, project: str, vintage: int, issuance: int) -> SerialFormat:
    """The block family of a contract's vintage (Puro: of one issuance)."""
    digits = "".join(c for c in project if c.isdigit()) or "1"
    match registry:
        case Registry.VERRA:
            rest = f"VCS-VCU-{digits}-VER-BR-14-{digits}-0101{vintage}-3112{vintage}-0"
            return SerialFormat(rest, f"{9000 + issuance}-{{start}}-{{end}}-{rest}")
        case Registry.GOLD_STANDARD:
            prefix = f"GS1-1-KE-GS{digits}-16-{vintage}-{30000 + issuance}"
        case Registry.ISOMETRIC:
            code = project[4:8].upper() if project.startswith("prj_") else "F5X7"
            prefix = f"ISO-1-BSTORE-GBR-{code}-{vintage}"
        case Registry.PURO:
            prefix = f"PURO_PR_CORC100+_FI_{digits}_{vintage}_{100000 + issuance}"
            return SerialFormat(prefix, f"{prefix}_{{start}}-{{end}}")
        case _:
            code = {Registry.ACR: "US", Registry.CAR: "US", Registry.ART: "GY"}[registry]
            prefix = f"{registry.value.upper()}-{code}-{digits}-{vintage}-{2900 + issuance}"
            return SerialFormat(prefix, f"{prefix}-{{start}} to {{end}}")
    return SerialFormat(prefix, f"{prefix}-{{start}}-{{end}}")


def batch_id(rng: random.Random) -> str:
    """An Isometric credit batch id (``cb_01J…``), counted in kilograms."""
    return "cb_01J" + "".join(rng.choice(_B32) for _ in range(20))


def split(total: int, parts: int, rng: random.Random) -> list[int]:
    """``total`` spread over ``parts`` with random weights, summing exactly."""
    if parts <= 0:
        return []
    weights = [rng.uniform(0.5, 1.5) for _ in range(parts)]
    scale = total / sum(weights)
    counts = [int(w * scale) for w in weights]
    for i in range(total - sum(counts)):
        counts[i % parts] += 1
    return counts


def term(rng: random.Random, as_of: dt.date) -> tuple[dt.date, dt.date]:
    start_year = rng.randint(as_of.year - 5, as_of.year - 2)
    return dt.date(start_year, 1, 1), dt.date(start_year + rng.randint(5, 8), 12, 31)


def spread_dates(start: dt.date, end: dt.date, count: int, rng: random.Random) -> list[dt.date]:
    """``count`` dates between ``start`` and ``end`` in order."""
    days = max((end - start).days, 0)
    return sorted(start + dt.timedelta(days=rng.randint(0, days)) for _ in range(count))


def plus_days(day: dt.date, low: int, high: int, rng: random.Random, cap: dt.date) -> dt.date:
    return min(day + dt.timedelta(days=rng.randint(low, high)), max(cap, day))


def letters(n: int, rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(n))
