"""Audit flags: what the rule engine and registry reconciliation report."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    WARN = "warn"
    INFO = "info"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


@dataclass(frozen=True, slots=True)
class Flag:
    """One finding.  ``subject`` names the record in words ("delivery ISO-…-1-8000"),
    ``subject_table``/``subject_id`` point at it for navigation.  ``evidence`` holds the
    numbers the message quotes; when they change, an acknowledgement no longer applies."""

    rule: str
    severity: Severity
    contract_id: int | None
    contract: str
    subject: str
    message: str
    subject_table: str | None = None
    subject_id: int | None = None
    evidence: str = ""

    @property
    def key(self) -> str:
        """Stable identity of the finding: rule and subject, not the numbers."""
        return f"{self.rule}|{self.contract}|{self.subject_table}|{self.subject_id}|{self.subject}"

    @property
    def fingerprint(self) -> str:
        """Changes whenever the numbers behind the finding change."""
        return hashlib.sha256(f"{self.key}|{self.evidence}".encode()).hexdigest()[:16]
