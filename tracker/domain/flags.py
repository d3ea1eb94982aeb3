"""Audit flags: what the rule engine and registry reconciliation report."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from enum import StrEnum
from operator import itemgetter
from typing import TYPE_CHECKING

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


Words = tuple[Message, Message]  # a flag's subject and finding
Wording = Callable[..., Words]  # a flag's subject and finding from values it keeps


def worded(topic: Message, finding: Message) -> Words:
    """A flag's subject and finding, checked: messages (a code and parameters), never
    text."""
    for name, value in (("topic", topic), ("finding", finding)):
        if not isinstance(value, Message):
            raise TypeError(f"a flag's {name} is a Message (code and parameters), not text")
    return topic, finding


_FIELDS = (
    "rule", "severity", "contract_id", "contract", "subject_table", "subject_id",
    "evidence", "part",
)  # fmt: skip
_WORDS = len(_FIELDS)  # where the words (or what words them) are held


class Flag(tuple):  # type: ignore[type-arg]
    """One finding.  ``topic`` says which record it is about and ``finding`` what is
    wrong, as messages (a code and parameters) worded at display time;
    ``subject_table``/``subject_id`` point at the record for navigation and identity,
    ``part`` tells apart several findings of one rule on one record.  ``evidence``
    holds the numbers the finding quotes; when they change, an acknowledgement no
    longer applies.  Immutable.

    Held as one tuple, and its messages may be built when first read
    (``worded_later``): the rules find a hundred thousand flags or more in a large
    portfolio, of which a reader sees a page, while the counts, order, keys and
    fingerprints need none of the messages.  Building the two messages of every flag
    took most of the rules' Python time."""

    __slots__ = ()

    def __new__(
        cls,
        rule: str,
        severity: Severity,
        contract_id: int | None,
        contract: str,
        topic: Message,
        finding: Message,
        subject_table: str | None = None,
        subject_id: int | None = None,
        evidence: str = "",
        part: str = "",
    ) -> Flag:
        words = worded(topic, finding)
        fields = (rule, severity, contract_id, contract, subject_table, subject_id)
        return tuple.__new__(cls, (*fields, evidence, part, words))

    @classmethod
    def worded_later(
        cls,
        rule: str,
        severity: Severity,
        contract_id: int | None,
        contract: str,
        subject_table: str | None,
        subject_id: int | None,
        evidence: str,
        part: str,
        wording: Wording,
        *values: object,
    ) -> Flag:
        """A flag whose subject and finding are ``wording(*values)`` (which returns
        ``worded(...)``), built each time they are read.  The flag keeps the few values
        they quote in its own tuple: one object a flag, nothing more for the cycle
        collector to walk."""
        fields = (rule, severity, contract_id, contract, subject_table, subject_id)
        return tuple.__new__(cls, (*fields, evidence, part, wording, *values))

    if TYPE_CHECKING:
        rule: str
        severity: Severity
        contract_id: int | None
        contract: str
        subject_table: str | None
        subject_id: int | None
        evidence: str
        part: str
    else:  # read straight from the tuple (the sort reads six of them for every flag)
        rule = property(itemgetter(0))
        severity = property(itemgetter(1))
        contract_id = property(itemgetter(2))
        contract = property(itemgetter(3))
        subject_table = property(itemgetter(4))
        subject_id = property(itemgetter(5))
        evidence = property(itemgetter(6))
        part = property(itemgetter(7))

    @property
    def words(self) -> Words:
        """The subject and the finding."""
        held = tuple.__getitem__(self, _WORDS)
        if type(held) is tuple:
            return held
        found: Words = held(*tuple.__getitem__(self, slice(_WORDS + 1, None)))
        return found

    @property
    def topic(self) -> Message:
        return self.words[0]

    @property
    def finding(self) -> Message:
        return self.words[1]

    def _fields(self) -> tuple[object, ...]:
        return tuple.__getitem__(self, slice(0, _WORDS))

    # Equal when every field and both messages are (however they were built); never
    # equal to a plain tuple, never ordered (``engine.sort_key`` orders flags)
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Flag):
            return False
        return self._fields() == other._fields() and self.words == other.words

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash(self._fields())

    def __lt__(self, other: object) -> bool:
        raise TypeError("flags are ordered by engine.sort_key, not compared")

    __le__ = __gt__ = __ge__ = __lt__

    def __iter__(self) -> Iterator[object]:
        raise TypeError("a Flag is read through its fields, not iterated")

    def __len__(self) -> int:
        raise TypeError("a Flag is read through its fields, not measured")

    def __bool__(self) -> bool:
        return True

    def __reduce__(self) -> tuple[Callable[..., Flag], tuple[object, ...]]:
        topic, finding = self.words
        values = self._fields()
        return Flag, (*values[:4], topic, finding, *values[4:])  # copied as it is built

    def __repr__(self) -> str:
        named = ", ".join(f"{n}={v!r}" for n, v in zip(_FIELDS, self._fields(), strict=True))
        return f"Flag({named}, topic={self.topic!r}, finding={self.finding!r})"

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
