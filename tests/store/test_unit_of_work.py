import pytest
import sqlite_utils

from tests.factories import contract_data, counts
from tracker.domain.errors import NotFoundError
from tracker.domain.records import contract_from_input
from tracker.store.rows import contract_row
from tracker.store.unit_of_work import UnitOfWork


def _row(reference: str = "C-1") -> dict:
    return contract_row(contract_from_input(contract_data(reference=reference)))


def test_all_writes_commit_together(db: sqlite_utils.Database) -> None:
    with UnitOfWork(db) as uow:
        uow.insert("contracts", _row("A"))
        uow.insert("contracts", _row("B"))
    assert counts(db)["contracts"] == 2
    assert uow.changes.tables == {"contracts"}
    assert len(uow.changes.inserted) == 2


def test_an_error_rolls_back_every_write(db: sqlite_utils.Database) -> None:
    def add_then_fail() -> None:
        with UnitOfWork(db) as uow:
            uow.insert("contracts", _row("A"))
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        add_then_fail()
    assert counts(db)["contracts"] == 0
    assert not db.conn.in_transaction


def test_update_reports_only_real_changes(db: sqlite_utils.Database) -> None:
    with UnitOfWork(db) as uow:
        row_id = uow.insert("contracts", _row())
    with UnitOfWork(db) as uow:
        before = uow.update("contracts", row_id, {"buyer": "Buyer Co"})
    assert before["buyer"] == "Buyer Co"
    assert not uow.changes


def test_delete_returns_the_row_so_it_can_be_restored(db: sqlite_utils.Database) -> None:
    with UnitOfWork(db) as uow:
        row_id = uow.insert("contracts", _row())
    with UnitOfWork(db) as uow:
        removed = uow.delete("contracts", row_id)
    with UnitOfWork(db) as uow:
        uow.insert("contracts", removed)
    assert db.execute("select id, reference from contracts").fetchall() == [(row_id, "C-1")]


def test_missing_records_are_reported(db: sqlite_utils.Database) -> None:
    with (
        pytest.raises(NotFoundError, match="contract 7 does not exist"),
        UnitOfWork(db) as uow,
    ):
        uow.delete("contracts", 7)
