"""The demo portfolio.  Prices, deliveries and retirements are illustrative only.

The seed contract follows the public announcement of Microsoft's purchase of
500,000 t of direct-air-capture removal credits over six years from
1PointFive's Stratos plant; the other contracts show other methods and
registries.  None of the figures below are the parties' real terms.
"""

from __future__ import annotations

from tracker.domain.changes import ChangeSet
from tracker.services.contracts import add_contract
from tracker.services.deliveries import add_delivery
from tracker.services.invalidations import add_invalidation, find_delivery
from tracker.services.retirements import retire
from tracker.services.schedule import add_tranche
from tracker.store.ledger import Ledger
from tracker.store.unit_of_work import UnitOfWork

STRATOS = "MSFT-1PF-STRATOS-DAC"

_CONTRACTS: list[dict[str, str]] = [
    {
        "reference": STRATOS,
        "buyer": "Microsoft",
        "supplier": "1PointFive / Occidental",
        "project": "Stratos DAC, Ector County, Texas",
        "method": "dac",
        "credit_type": "removal",
        "registry": "isometric",
        "tonnes": "500000",
        "price_per_tonne": "650.00",
        "currency": "USD",
        "signed_on": "2025-07-10",
        "start_on": "2025-01-01",
        "end_on": "2030-12-31",
        "durability_years": "1000",
        "status": "active",
        "notes": "Illustrative terms for the demo portfolio; not the parties' real price.",
    },
    {
        "reference": "MSFT-EXERGI-BECCS",
        "buyer": "Microsoft",
        "supplier": "Stockholm Exergi",
        "project": "Beccs Stockholm, Värtaverket",
        "method": "beccs",
        "credit_type": "removal",
        "registry": "puro",
        "tonnes": "333000",
        "price_per_tonne": "310.00",
        "currency": "EUR",
        "signed_on": "2024-05-21",
        "start_on": "2028-01-01",
        "end_on": "2037-12-31",
        "durability_years": "1000",
        "status": "signed",
        "notes": "Illustrative: deliveries start once the capture plant is commissioned.",
    },
    {
        "reference": "MSFT-EXOMAD-BIOCHAR",
        "buyer": "Microsoft",
        "supplier": "Exomad Green",
        "project": "Concepción biochar, Bolivia",
        "method": "biochar",
        "credit_type": "removal",
        "registry": "puro",
        "tonnes": "12000",
        "price_per_tonne": "145.50",
        "currency": "USD",
        "signed_on": "2024-11-01",
        "start_on": "2025-01-01",
        "end_on": "2027-12-31",
        "durability_years": "100",
        "status": "active",
        "notes": "",
    },
    {
        "reference": "MSFT-ALT-ERW",
        "buyer": "Microsoft",
        "supplier": "Alt Carbon",
        "project": "Darjeeling enhanced rock weathering",
        "method": "enhanced-weathering",
        "credit_type": "removal",
        "registry": "isometric",
        # Alt Carbon's Darjeeling project as the public Isometric registry lists it.
        "registry_project_ids": "prj_1JYCV03BW1S0RTE5",
        "tonnes": "2500.5",
        "price_per_tonne": "380.00",
        "currency": "USD",
        "signed_on": "2025-02-14",
        "start_on": "2025-03-01",
        "end_on": "2028-02-29",
        "durability_years": "10000",
        "status": "active",
        "notes": "No tranches entered: the tracker spreads the tonnes evenly over the term.",
    },
    {
        "reference": "MSFT-BIOLITE-COOK",
        "buyer": "Microsoft",
        "supplier": "BioLite",
        "project": "Improved cookstoves programme, Uganda",
        "method": "cookstoves",
        "credit_type": "avoidance",
        "registry": "gold-standard",
        # BioLite's Uganda cookstove programme (GS11236, the demo deliveries' serials).
        "registry_project_ids": "GS11236",
        "tonnes": "30000",
        "price_per_tonne": "12.75",
        "currency": "USD",
        "signed_on": "2024-01-15",
        "start_on": "2024-01-01",
        "end_on": "2026-12-31",
        "durability_years": "",
        "status": "active",
        "notes": "Avoidance credits, reported separately from removals.",
    },
]

_TRANCHES: dict[str, list[tuple[str, str, str, str]]] = {
    # due_on, tonnes, vintage, price_per_tonne
    STRATOS: [
        ("2025-12-31", "20000", "2025", ""),
        ("2026-12-31", "60000", "2026", ""),
        ("2027-12-31", "90000", "2027", ""),
        ("2028-12-31", "110000", "2028", ""),
        ("2029-12-31", "110000", "2029", ""),
        ("2030-12-31", "110000", "2030", ""),
    ],
    "MSFT-EXOMAD-BIOCHAR": [
        ("2025-12-31", "3000", "2025", "145.50"),
        ("2026-12-31", "4000", "2026", "145.50"),
        ("2027-12-31", "5000", "2027", "150.00"),
    ],
    "MSFT-BIOLITE-COOK": [
        ("2024-12-31", "10000", "2024", ""),
        ("2025-12-31", "10000", "2025", ""),
        ("2026-12-31", "10000", "2026", ""),
    ],
}

_PURO_ISSUANCE = "PURO_PR_CORC100+_BO_612345_{year}_4b1d9f6e-2c1a-4e8b-9a77-0d2f3c4b5a6{n}"

_DELIVERIES: dict[str, list[dict[str, str]]] = {
    STRATOS: [
        {
            "delivered_on": "2025-09-30",
            "tonnes": "8000",
            "vintage": "2025",
            "serial_block": "ISO-1-STRATOS-USA-1PF1-2025-1-8000000",
            "verification_status": "verified",
            "verifier": "Isometric (registry)",
            "verified_on": "2025-10-20",
            "reference": "ISO-DLV-2025-001",
        },
        {
            "delivered_on": "2025-12-15",
            "tonnes": "10000",
            "vintage": "2025",
            "serial_block": "ISO-1-STRATOS-USA-1PF1-2025-8000001-18000000",
            "verification_status": "verified",
            "verifier": "Isometric (registry)",
            "verified_on": "2026-01-12",
            "reference": "ISO-DLV-2025-002",
        },
        {
            "delivered_on": "2026-06-30",
            "tonnes": "25000",
            "vintage": "2026",
            "serial_block": "ISO-1-STRATOS-USA-1PF1-2026-1-25000000",
            "verification_status": "verified",
            "verifier": "Isometric (registry)",
            "verified_on": "2026-07-28",
            "reference": "ISO-DLV-2026-001",
        },
        {
            "delivered_on": "2026-11-30",
            "tonnes": "20000",
            "vintage": "2026",
            "serial_block": "ISO-1-STRATOS-USA-1PF1-2026-25000001-45000000",
            "verification_status": "pending",
            "verifier": "",
            "verified_on": "",
            "reference": "ISO-DLV-2026-002",
        },
        {
            # Transferred with "serials to follow": counts as delivered, serials pending.
            "delivered_on": "2026-12-18",
            "tonnes": "5000",
            "vintage": "2026",
            "serial_block": "",
            "verification_status": "pending",
            "verifier": "",
            "verified_on": "",
            "reference": "ISO-DLV-2026-003",
        },
    ],
    "MSFT-EXOMAD-BIOCHAR": [
        {
            "delivered_on": "2025-11-20",
            "tonnes": "3000",
            "vintage": "2025",
            "serial_block": _PURO_ISSUANCE.format(year=2025, n=1) + "_1-3000",
            "verification_status": "verified",
            "verifier": "DNV",
            "verified_on": "2025-12-05",
            "reference": "PURO-TX-88120",
        },
        {
            "delivered_on": "2026-10-15",
            "tonnes": "2500",
            "vintage": "2026",
            "serial_block": _PURO_ISSUANCE.format(year=2026, n=2) + "_1-2500",
            "verification_status": "verified",
            "verifier": "DNV",
            "verified_on": "2026-11-02",
            "reference": "PURO-TX-90415",
        },
    ],
    "MSFT-ALT-ERW": [
        {
            "delivered_on": "2026-04-09",
            "tonnes": "531.25",
            "vintage": "2026",
            "serial_block": "ISO-1-ALTC-IND-DRJ1-2026-1-531250",
            "verification_status": "verified",
            "verifier": "Isometric (registry)",
            "verified_on": "2026-04-09",
            "reference": "ISO-DLV-ALT-01",
        },
        {
            # An Isometric credit batch: one id, counted in kilograms, no serial range.
            "delivered_on": "2026-10-22",
            "tonnes": "412.8",
            "vintage": "2026",
            "serial_block": "cb_01JBX4Q7M2R8T5V9W3Y6Z0A1C4",
            "verification_status": "verified",
            "verifier": "Isometric (registry)",
            "verified_on": "2026-10-22",
            "reference": "ISO-DLV-ALT-02",
        },
    ],
    "MSFT-BIOLITE-COOK": [
        {
            "delivered_on": "2025-03-10",
            "tonnes": "10000",
            "vintage": "2024",
            "serial_block": "GS1-1-UG-GS11236-16-2024-30307-1-10000",
            "verification_status": "verified",
            "verifier": "Earthood",
            "verified_on": "2025-03-28",
            "reference": "GS-TX-30307",
        },
        {
            "delivered_on": "2026-04-13",
            "tonnes": "9149",
            "vintage": "2025",
            "serial_block": "GS1-1-UG-GS11236-16-2025-31012-1-9149",
            "verification_status": "failed",
            "verifier": "Earthood",
            "verified_on": "2026-05-30",
            "reference": "GS-TX-31012",
        },
    ],
}

_RETIREMENTS: dict[str, list[dict[str, str]]] = {
    STRATOS: [
        {
            "retired_on": "2026-03-31",
            "tonnes": "15000",
            "serial_block": "",
            "beneficiary": "Microsoft",
            "purpose": "corporate-target",
            "claim_start": "2025-07-01",
            "claim_end": "2026-06-30",
            "registry_reference": "ISO-RET-2026-0007",
        },
        {
            "retired_on": "2026-12-01",
            "tonnes": "10000",
            "serial_block": "",
            "beneficiary": "Microsoft",
            "purpose": "public-claim",
            "claim_start": "2026-01-01",
            "claim_end": "2026-12-31",
            "registry_reference": "ISO-RET-2026-0031",
        },
    ],
    "MSFT-EXOMAD-BIOCHAR": [
        {
            "retired_on": "2026-02-01",
            "tonnes": "3000",
            "serial_block": "",
            "beneficiary": "Microsoft",
            "purpose": "corporate-target",
            "claim_start": "2025-07-01",
            "claim_end": "2026-06-30",
            "registry_reference": "PURO-RET-51234",
        },
    ],
    "MSFT-BIOLITE-COOK": [
        {
            "retired_on": "2025-06-30",
            "tonnes": "10000",
            "serial_block": "",
            "beneficiary": "Microsoft",
            "purpose": "corporate-target",
            "claim_start": "2024-07-01",
            "claim_end": "2025-06-30",
            "registry_reference": "GS-RET-77810",
        },
    ],
}


# A reversal at the biochar site: Puro cancelled part of the 2026 issuance.
_INVALIDATIONS: dict[str, list[tuple[str, dict[str, str]]]] = {
    "MSFT-EXOMAD-BIOCHAR": [
        (
            "PURO-TX-90415",
            {
                "invalidated_on": "2026-12-10",
                "tonnes": "150",
                "serial_block": _PURO_ISSUANCE.format(year=2026, n=2) + "_2351-2500",
                "reason": "reversal",
                "registry_reference": "PURO-REV-0042",
                "note": "Kiln fire at the pyrolysis site; Puro cancelled the affected CORCs.",
            },
        )
    ],
}


def load_demo(db: Ledger) -> ChangeSet:
    """Add the demo portfolio in one transaction.  Refused if a demo contract exists."""
    changes = ChangeSet()
    with UnitOfWork(db):
        ids: dict[str, int] = {}
        for data in _CONTRACTS:
            contract, change = add_contract(db, data)
            assert contract.id is not None
            ids[contract.reference] = contract.id
            changes |= change
        for reference, tranches in _TRANCHES.items():
            for due_on, tonnes, vintage, price in tranches:
                row = {
                    "due_on": due_on,
                    "tonnes": tonnes,
                    "vintage": vintage,
                    "price_per_tonne": price,
                }
                changes |= add_tranche(db, ids[reference], row)[1]
        for reference, deliveries in _DELIVERIES.items():
            for data in deliveries:
                changes |= add_delivery(db, ids[reference], data)[1]
        for reference, retirements in _RETIREMENTS.items():
            for data in retirements:
                changes |= retire(db, ids[reference], data)[1]
        for reference, invalidations in _INVALIDATIONS.items():
            for named, data in invalidations:
                delivery = find_delivery(db, ids[reference], named)
                assert delivery.id is not None
                changes |= add_invalidation(db, delivery.id, data)[1]
    return changes
