import datetime as dt

from tracker.domain.allocation import Holding, available_kg, draw_oldest_first
from tracker.domain.serials import SerialBlock
from tracker.domain.vocab import Registry


def _holding(
    delivery_id: int, vintage: int, start: int, end: int, retired=(), registry=Registry.ACR
):
    block = SerialBlock("P", start, end, "P-{start} to {end}")
    return Holding(
        delivery_id, vintage, dt.date(2025, 1, delivery_id), registry, block, tuple(retired)
    )


def test_draws_the_oldest_vintage_first_whatever_the_delivery_order() -> None:
    newer = _holding(1, 2026, 1, 100)
    older = _holding(2, 2024, 101, 200)
    draws = draw_oldest_first([newer, older], 150_000)
    assert draws is not None
    assert [(d.delivery_id, d.block.start, d.block.end, d.tonnes_kg) for d in draws] == [
        (2, 101, 200, 100_000),
        (1, 1, 50, 50_000),
    ]


def test_skips_serials_already_retired() -> None:
    holding = _holding(1, 2025, 1, 100, retired=[(1, 10), (21, 30)])
    draws = draw_oldest_first([holding], 15_000)
    assert draws is not None
    assert [(d.block.start, d.block.end) for d in draws] == [(11, 20), (31, 35)]
    assert available_kg(holding) == 80_000


def test_returns_none_when_the_holdings_are_too_small() -> None:
    assert draw_oldest_first([_holding(1, 2025, 1, 10)], 11_000) is None


def test_whole_tonne_registries_cannot_draw_a_fraction() -> None:
    assert draw_oldest_first([_holding(1, 2025, 1, 10)], 1_500) is None


def test_kilogram_registries_draw_to_the_kilogram() -> None:
    holding = _holding(1, 2025, 1, 5_000, registry=Registry.ISOMETRIC)
    draws = draw_oldest_first([holding], 1_500)
    assert draws is not None
    assert [(d.block.start, d.block.end, d.tonnes_kg) for d in draws] == [(1, 1_500, 1_500)]
