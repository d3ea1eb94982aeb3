import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.domain.errors import ValidationError
from tracker.domain.serials import (
    CreditBatch,
    SerialBlock,
    SerialCover,
    Serials,
    free_ranges,
    parse_serial_block,
)

SAMPLES = [
    # text, prefix, start, end   (formats from shared/reference/domain.md §4)
    ("ACR-FR-1129-2025-2917-30932 to 35143", "ACR-FR-1129-2025-2917", 30932, 35143),
    ("CAR-1-US-1335-31-983-KS-2025-9205-1 to 5000", "CAR-1-US-1335-31-983-KS-2025-9205", 1, 5000),
    ("FCPF-CI-130-2023-20-1 to 46404", "FCPF-CI-130-2023-20", 1, 46404),
    ("GS1-1-KE-GS11603-16-2025-30256-110-5463", "GS1-1-KE-GS11603-16-2025-30256", 110, 5463),
    (
        "19385-941467007-941467431-VCS-VCU-1507-VER-ET-14-1340-01012020-31122020-1",
        "VCS-VCU-1507-VER-ET-14-1340-01012020-31122020-1",
        941467007,
        941467431,
    ),
    ("ISO-1-BSTORE-GBR-F5X7-2024-78177-81177", "ISO-1-BSTORE-GBR-F5X7-2024", 78177, 81177),
    (
        "PURO_PR_CORC100+_FI_577166_2020_6f1c2d3e-aaaa-bbbb-cccc-123456789abc_1-100",
        "PURO_PR_CORC100+_FI_577166_2020_6f1c2d3e-aaaa-bbbb-cccc-123456789abc",
        1,
        100,
    ),
]


@pytest.mark.parametrize(("text", "prefix", "start", "end"), SAMPLES)
def test_each_registry_format_parses_to_prefix_and_range(
    text: str, prefix: str, start: int, end: int
) -> None:
    block = parse_serial_block(text)
    assert (block.prefix, block.start, block.end) == (prefix, start, end)
    assert block.text == text


@pytest.mark.parametrize(("text", "prefix", "start", "end"), SAMPLES)
def test_sub_blocks_are_written_in_the_registry_format(
    text: str, prefix: str, start: int, end: int
) -> None:
    part = parse_serial_block(text).sub_block(start, start)
    reparsed = parse_serial_block(part.text)
    assert (reparsed.prefix, reparsed.start, reparsed.end) == (prefix, start, start)


def test_extra_whitespace_is_tolerated() -> None:
    assert parse_serial_block("  ACR-US-1-2025-1-1   to  50 ").size == 50


@pytest.mark.parametrize("text", ["", "hello", "ACR-US-1 to", "12345", "GS1-1-KE"])
def test_unreadable_blocks_are_refused_with_the_field_name(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_serial_block(text)
    assert caught.value.field == "serial_block"


def test_a_block_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"ends \(5\) before it starts \(10\)"):
        parse_serial_block("ACR-US-1-2025-1-10 to 5")


def test_overlap_needs_the_same_prefix() -> None:
    a = SerialBlock("P", 1, 100, "P-{start}-{end}")
    assert a.overlaps(SerialBlock("P", 100, 200, ""))
    assert not a.overlaps(SerialBlock("Q", 1, 100, ""))
    assert not a.overlaps(SerialBlock("P", 101, 200, ""))


def test_free_ranges_are_the_gaps_between_used_ranges() -> None:
    block = SerialBlock("P", 1, 100, "")
    assert free_ranges(block, []) == [(1, 100)]
    assert free_ranges(block, [(1, 10), (50, 60)]) == [(11, 49), (61, 100)]
    assert free_ranges(block, [(1, 100)]) == []


_BLOCKS = st.builds(
    lambda prefix, start, size: SerialBlock(prefix, start, start + size, "{start}-{end}"),
    st.sampled_from(["A", "B"]),
    st.integers(1, 60),
    st.integers(0, 30),
)
_SERIALS = st.one_of(_BLOCKS, st.builds(CreditBatch, st.sampled_from(["cb_1", "cb_2", "cb_3"])))


def _overlaps_one_by_one(block: Serials, others: list[Serials]) -> bool:
    return any(
        type(block) is type(other) and block.overlaps(other)  # type: ignore[arg-type]
        for other in others
    )


@given(st.lists(_SERIALS, max_size=12), _SERIALS)
def test_a_cover_answers_as_each_blocks_overlap_would(
    others: list[Serials], block: Serials
) -> None:
    assert SerialCover(others).overlaps(block) == _overlaps_one_by_one(block, others)


def test_a_cover_joins_touching_ranges_but_not_gaps() -> None:
    cover = SerialCover([SerialBlock("A", 1, 10, ""), SerialBlock("A", 11, 20, "")])
    assert cover.overlaps(SerialBlock("A", 20, 25, ""))
    assert not cover.overlaps(SerialBlock("A", 21, 25, ""))
    assert not cover.overlaps(SerialBlock("B", 1, 25, ""))
    assert not cover.overlaps(CreditBatch("A"))


def test_a_cover_keeps_a_range_whole_past_one_inside_it() -> None:
    cover = SerialCover([SerialBlock("A", 5, 8, ""), SerialBlock("A", 1, 20, "")])
    assert cover.overlaps(SerialBlock("A", 10, 12, ""))


def test_a_range_neither_contains_nor_overlaps_a_batch_id() -> None:
    """A ledger may hold a retirement named by a batch id on a delivery with a serial
    range (written by hand or by an older version): comparing them answers, never fails."""
    block = parse_serial_block("ACR-US-1-2025-1-1 to 100")
    batch = CreditBatch("ACR-US-1-2025-1")
    assert not block.contains(batch)
    assert not block.overlaps(batch)
    assert not batch.overlaps(block)
