"""Controlled vocabularies: methods, credit types, statuses, purposes, registries, currencies."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from tracker.domain.errors import ValidationError
from tracker.domain.messages import msg


class Method(StrEnum):
    DAC = "dac"
    BECCS = "beccs"
    BIOCHAR = "biochar"
    ENHANCED_WEATHERING = "enhanced-weathering"
    MINERALISATION = "mineralisation"
    OCEAN_ALKALINITY = "ocean-alkalinity"
    BIOMASS_BURIAL = "biomass-burial"
    SOIL_CARBON = "soil-carbon"
    REFORESTATION = "reforestation"
    AVOIDED_DEFORESTATION = "avoided-deforestation"
    COOKSTOVES = "cookstoves"
    METHANE_CAPTURE = "methane-capture"
    INDUSTRIAL_GAS = "industrial-gas"
    RENEWABLE_ENERGY = "renewable-energy"
    OTHER = "other"


METHOD_LABELS = {
    Method.DAC: "Direct air capture (DAC)",
    Method.BECCS: "BECCS",
    Method.BIOCHAR: "Biochar",
    Method.ENHANCED_WEATHERING: "Enhanced weathering",
    Method.MINERALISATION: "Mineralisation",
    Method.OCEAN_ALKALINITY: "Ocean alkalinity enhancement",
    Method.BIOMASS_BURIAL: "Biomass burial",
    Method.SOIL_CARBON: "Soil carbon",
    Method.REFORESTATION: "Reforestation / ARR",
    Method.AVOIDED_DEFORESTATION: "Avoided deforestation (REDD+)",
    Method.COOKSTOVES: "Cookstoves",
    Method.METHANE_CAPTURE: "Methane capture",
    Method.INDUSTRIAL_GAS: "Industrial gas destruction",
    Method.RENEWABLE_ENERGY: "Renewable energy",
    Method.OTHER: "Other",
}


class CreditType(StrEnum):
    REMOVAL = "removal"
    AVOIDANCE = "avoidance"


class ContractStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"
    ACTIVE = "active"
    COMPLETED = "completed"
    TERMINATED = "terminated"


class VerificationStatus(StrEnum):
    PENDING = "pending"
    VERIFIED = "verified"
    FAILED = "failed"


class Purpose(StrEnum):
    CORPORATE_TARGET = "corporate-target"
    PUBLIC_CLAIM = "public-claim"
    INSETTING = "insetting"
    REGULATORY = "regulatory"
    OTHER = "other"


class Registry(StrEnum):
    VERRA = "verra"
    GOLD_STANDARD = "gold-standard"
    ACR = "acr"
    CAR = "car"
    ART = "art"
    ISOMETRIC = "isometric"
    PURO = "puro"
    OTHER = "other"


REGISTRY_LABELS = {
    Registry.VERRA: "Verra (VCS)",
    Registry.GOLD_STANDARD: "Gold Standard",
    Registry.ACR: "American Carbon Registry",
    Registry.CAR: "Climate Action Reserve",
    Registry.ART: "ART TREES",
    Registry.ISOMETRIC: "Isometric",
    Registry.PURO: "Puro.earth",
    Registry.OTHER: "Other",
}

# Registries whose serial numbers count kilograms rather than whole tonnes.
KILOGRAM_SERIAL_REGISTRIES = frozenset({Registry.ISOMETRIC})
# Registries that may name credits by one batch or certificate id instead of a range
# (Isometric ``cb_…`` credit batches, Puro certificates); "other" for anything else.
BATCH_REGISTRIES = frozenset({Registry.ISOMETRIC, Registry.PURO, Registry.OTHER})


class InvalidationReason(StrEnum):
    """Why a registry took delivered credits back."""

    REVERSAL = "reversal"
    REGISTRY_CANCELLATION = "registry-cancellation"
    BUFFER_CONTRIBUTION = "buffer-contribution"
    OTHER = "other"


INVALIDATION_REASON_LABELS = {
    InvalidationReason.REVERSAL: "Reversal",
    InvalidationReason.REGISTRY_CANCELLATION: "Registry cancellation",
    InvalidationReason.BUFFER_CONTRIBUTION: "Buffer contribution",
    InvalidationReason.OTHER: "Other",
}

_ALIASES = {
    "vcs": Registry.VERRA,
    "verra vcs": Registry.VERRA,
    "gold standard": Registry.GOLD_STANDARD,
    "gs": Registry.GOLD_STANDARD,
    "american carbon registry": Registry.ACR,
    "climate action reserve": Registry.CAR,
    "art trees": Registry.ART,
    "art-trees": Registry.ART,
    "puro.earth": Registry.PURO,
    "direct air capture": Method.DAC,
    "direct air capture (dac)": Method.DAC,
    "enhanced rock weathering": Method.ENHANCED_WEATHERING,
    "erw": Method.ENHANCED_WEATHERING,
    "mineralization": Method.MINERALISATION,
    "arr": Method.REFORESTATION,
    "redd+": Method.AVOIDED_DEFORESTATION,
    "corporate_targets": Purpose.CORPORATE_TARGET,
    "public_environmental_claims": Purpose.PUBLIC_CLAIM,
    "regulatory_requirement": Purpose.REGULATORY,
}


E = TypeVar("E", bound=StrEnum)


def parse_choice(enum: type[E], field: str, text: object) -> E:
    """Accept a code, its label or a known alias, case-insensitively."""
    raw = str(text or "").strip()
    key = raw.lower()
    try:
        return enum(key)  # the code itself: the common case, one lookup
    except ValueError:
        pass
    for member in enum:
        if (
            key == member.value
            or key == member.name.lower()
            or key == member.value.replace("-", " ")
        ):
            return member
    labels = {
        **{str(v).lower(): k for k, v in METHOD_LABELS.items()},
        **{str(v).lower(): k for k, v in REGISTRY_LABELS.items()},
    }
    for candidate in (labels.get(key), _ALIASES.get(key)):
        if isinstance(candidate, enum):
            return candidate
    allowed = ", ".join(m.value for m in enum)
    if not raw:
        raise ValidationError(field, text, msg("error.choice_required", allowed=allowed))
    raise ValidationError(field, text, msg("error.not_a_choice", allowed=allowed))


# ISO 4217 active codes (2026).
_ISO_4217_TEXT = """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP
    BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP
    GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR
    KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK
    MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR
    SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS
    UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG
"""
ISO_4217 = frozenset(_ISO_4217_TEXT.split())


def parse_currency(text: object, field: str = "currency") -> str:
    code = str(text or "").strip().upper()
    if not code:
        raise ValidationError(field, text, msg("error.currency_required"))
    if code not in ISO_4217:
        raise ValidationError(field, text, msg("error.not_a_currency"))
    return code
