import datetime as dt

from tests.factories import contract_data
from tracker.domain.records import contract_from_input
from tracker.domain.schedule import due_by, even_schedule


def _contract(**overrides: str):
    from dataclasses import replace

    return replace(contract_from_input(contract_data(**overrides)), id=1)


def test_six_year_term_gets_six_annual_tranches() -> None:
    tranches = even_schedule(_contract(start_on="2025-01-01", end_on="2030-12-31", tonnes="500000"))
    assert [t.due_on for t in tranches] == [dt.date(y, 12, 31) for y in range(2025, 2031)]
    assert {t.tonnes_kg for t in tranches} == {83_333_334, 83_333_333}
    assert sum(t.tonnes_kg for t in tranches) == 500_000_000
    assert all(t.derived for t in tranches)


def test_even_split_is_exact_to_the_kilogram() -> None:
    tranches = even_schedule(_contract(tonnes="0.005", start_on="2025-01-01", end_on="2027-06-30"))
    assert [t.tonnes_kg for t in tranches] == [2, 2, 1]
    assert tranches[-1].due_on == dt.date(2027, 6, 30)


def test_a_short_term_has_one_tranche_due_at_its_end() -> None:
    tranches = even_schedule(_contract(start_on="2025-03-01", end_on="2025-09-30"))
    assert [(t.due_on, t.tonnes_kg) for t in tranches] == [(dt.date(2025, 9, 30), 1_000_000)]


def test_due_by_counts_tranches_due_on_or_before_the_date() -> None:
    tranches = even_schedule(_contract(tonnes="300", start_on="2025-01-01", end_on="2027-12-31"))
    assert due_by(tranches, dt.date(2025, 12, 30)) == 0
    assert due_by(tranches, dt.date(2025, 12, 31)) == 100_000
    assert due_by(tranches, dt.date(2030, 1, 1)) == 300_000
