"""Audit flags: what the rule engine and registry reconciliation report."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from enum import StrEnum

from tracker.domain.messages import Message, render


class Severity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    WARN = "warn"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {severity: rank for rank, severity in enumerate(Severity)}  # most severe first


def flag_key(rule: str, table: str | None, record_id: int | None, part: str = "") -> str:
    """A finding's identity: ``RULE|table|id`` and, where one record can carry several
    findings of a rule, the part that tells them apart (``LATE_TRANCHE|contracts|3|
    2026-02-28`` for a tranche of an even schedule).  No words: it survives a change of
    language and of wording."""
    key = f"{rule}|{table or ''}|{'' if record_id is None else record_id}"
    return f"{key}|{part}" if part else key


# Keys written before flags carried codes: RULE|contract|table|id|English subject.
_LEGACY_KEY = re.compile(
    r"(?P<rule>[A-Z_]+)\|(?P<contract>.*?)\|"
    r"(?P<table>None|contracts|tranches|deliveries|retirements)\|(?P<id>None|\d+)\|"
    r"(?P<subject>.*)",
    re.DOTALL,
)
_EVEN_TRANCHE = re.compile(r"tranche due (\d{4}-\d{2}-\d{2}) \(even schedule\)")


def key_from_legacy(old: str) -> str | None:
    """The key of the finding an old key named (None when there is none): the
    subject's words are dropped, except the due date of a tranche of an even schedule,
    which tells that contract's tranches apart."""
    found = _LEGACY_KEY.fullmatch(old)
    if found is None or found["table"] == "None" or found["id"] == "None":
        return None  # not a key, or a registry row's (those are never acknowledged)
    table, record = found["table"], int(found["id"])
    even = _EVEN_TRANCHE.fullmatch(found["subject"])
    part = even[1] if even and table == "contracts" else ""
    return flag_key(found["rule"], table, record, part)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Flag:
    """One finding.  ``topic`` says which record it is about and ``finding`` what is
    wrong, as messages (a code and parameters) worded at display time;
    ``subject_table``/``subject_id`` point at the record for navigation and identity,
    ``part`` tells apart several findings of one rule on one record.  ``evidence``
    holds the numbers the finding quotes; when they change, an acknowledgement no
    longer applies."""

    rule: str
    severity: Severity
    contract_id: int | None
    contract: str
    topic: Message
    finding: Message
    subject_table: str | None = None
    subject_id: int | None = None
    evidence: str = ""
    part: str = ""

    def __post_init__(self) -> None:
        for name in ("topic", "finding"):
            if not isinstance(getattr(self, name), Message):
                raise TypeError(f"a flag's {name} is a Message (code and parameters), not text")

    @property
    def subject(self) -> str:
        """The record in English words ("delivery ISO-…-1-8000"): CLI and CSV."""
        return render(self.topic)

    @property
    def message(self) -> str:
        """The finding as an English sentence: CLI and CSV."""
        return render(self.finding)

    @property
    def key(self) -> str:
        """Stable identity of the finding: rule and record, not the numbers or words."""
        return flag_key(self.rule, self.subject_table, self.subject_id, self.part)

    @property
    def fingerprint(self) -> str:
        """Changes whenever the numbers behind the finding change."""
        return _digest(f"{self.key}|{self.evidence}")

    @property
    def legacy_key(self) -> str:
        """The identity acknowledgements were written under before flags carried codes:
        rule, contract, record and the English subject."""
        return f"{self.rule}|{self.contract}|{self.subject_table}|{self.subject_id}|{self.subject}"

    @property
    def legacy_fingerprint(self) -> str:
        """The fingerprint an acknowledgement written before then recorded for the same
        numbers (it cannot be recomputed from the ledger: evidence was never stored)."""
        return _digest(f"{self.legacy_key}|{self.evidence}")
