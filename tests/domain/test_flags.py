"""A flag is one immutable record; its subject and finding may be worded when read."""

from __future__ import annotations

import copy
import pickle

import pytest

from tracker.domain.flags import Flag, Severity, Words, worded
from tracker.domain.messages import Day, Message, Tonnes, msg

TOPIC = msg("subject.delivery", block="VCS-1-100")
FINDING = msg("flag.missing_beneficiary", tonnes=Tonnes(1_000), day=Day("2026-01-01"))
FIELDS = ("MISSING_BENEFICIARY", Severity.WARN, 7, "C-7")


def eager(evidence: str = "1000") -> Flag:
    return Flag(*FIELDS, TOPIC, FINDING, "retirements", 3, evidence, "")


class Wording:
    """A wording that counts how often it is asked."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, topic: Message, finding: Message) -> Words:
        self.calls += 1
        return worded(topic, finding)


def later(
    wording: Wording, evidence: str = "1000", words: tuple[object, object] = (TOPIC, FINDING)
) -> Flag:
    return Flag.worded_later(*FIELDS, "retirements", 3, evidence, "", wording, *words)


def test_a_flag_worded_later_reads_as_one_worded_at_once() -> None:
    flag = later(Wording())
    assert (flag.topic, flag.finding) == (TOPIC, FINDING)
    assert flag.subject == eager().subject
    assert flag.message == eager().message
    assert flag == eager()
    assert hash(flag) == hash(eager())


def test_its_identity_order_and_fingerprint_need_no_words() -> None:
    wording = Wording()
    flag = later(wording)
    facts = (flag.rule, flag.severity, flag.contract_id, flag.contract, flag.subject_table,
             flag.subject_id, flag.evidence, flag.part, flag.key, flag.fingerprint)  # fmt: skip
    assert facts == (*FIELDS, "retirements", 3, "1000", "", eager().key, eager().fingerprint)
    assert wording.calls == 0


def test_flags_differing_in_a_field_or_a_word_differ() -> None:
    assert later(Wording(), evidence="2000") != eager()
    other = msg("flag.missing_beneficiary", tonnes=Tonnes(2_000), day=Day("2026-01-01"))
    assert later(Wording(), words=(TOPIC, other)) != eager()


def test_text_handed_as_words_is_refused_when_read() -> None:
    flag = later(Wording(), words=(TOPIC, "no beneficiary"))
    with pytest.raises(TypeError, match="finding is a Message"):
        _ = flag.finding


def test_a_flag_is_a_record_not_a_sequence() -> None:
    flag = eager()
    assert flag != (*FIELDS, "retirements", 3, "1000", "", (TOPIC, FINDING))
    with pytest.raises(TypeError):
        list(flag)
    with pytest.raises(TypeError):
        _ = flag < eager()
    with pytest.raises(AttributeError):
        flag.rule = "OTHER"  # type: ignore[misc]


def test_a_flag_copies_and_pickles_with_its_words() -> None:
    flag = later(Wording())
    assert copy.copy(flag) == flag
    assert pickle.loads(pickle.dumps(flag)) == flag
