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


def _logged_users(db: sqlite_utils.Database) -> list[str]:
    query = "select user from change_log where table_name = 'contracts' order by seq"
    return [r[0] for r in db.execute(query)]


def _set_user(db: sqlite_utils.Database, name: str) -> None:
    db.execute("insert or replace into settings (key, value) values ('user_name', ?)", [name])
    db.conn.commit()


def test_units_nested_in_one_transaction_read_the_user_and_schema_once(
    db: sqlite_utils.Database,
) -> None:
    """A registry import nests a unit of work for each row: they take who is logging and
    which tables carry uids from the outermost, not from a query each."""
    _set_user(db, "Erin Auditor")
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    with UnitOfWork(db):
        for n in range(20):
            with UnitOfWork(db) as nested:
                nested.insert("contracts", _row(f"C-{n}"))
    db.conn.set_trace_callback(None)
    assert len([s for s in statements if "from settings" in s]) == 1
    assert len([s for s in statements if "table_info" in s.lower()]) == 1
    assert _logged_users(db) == ["Erin Auditor"] * 20
    assert all(r[0] for r in db.execute("select uid from contracts"))


def test_each_transaction_reads_the_user_afresh(db: sqlite_utils.Database) -> None:
    _set_user(db, "First Name")
    with UnitOfWork(db), UnitOfWork(db) as nested:
        nested.insert("contracts", _row("A"))
    _set_user(db, "Second Name")
    with UnitOfWork(db), UnitOfWork(db) as nested:
        nested.insert("contracts", _row("B"))
    assert _logged_users(db) == ["First Name", "Second Name"]


def test_a_unit_on_another_ledger_reads_its_own_user(db: sqlite_utils.Database, tmp_path) -> None:
    from tracker.store.database import open_database

    other = open_database(tmp_path / "other.db")
    _set_user(db, "Here")
    _set_user(other, "There")
    with UnitOfWork(db) as uow:
        uow.insert("contracts", _row("A"))
        with UnitOfWork(other) as elsewhere:  # its own transaction, its own ledger
            elsewhere.insert("contracts", _row("B"))
            with UnitOfWork(other) as nested:
                nested.insert("contracts", _row("C"))
    assert _logged_users(db) == ["Here"]
    assert _logged_users(other) == ["There", "There"]
    other.close()


def test_a_unit_that_could_not_begin_leaves_no_outer_behind(
    db: sqlite_utils.Database, tmp_path
) -> None:
    """A write lock not obtained: the next transaction reads its user itself."""
    from tracker.store import unit_of_work

    _set_user(db, "Later")
    db.execute("begin")  # a transaction not opened by a unit of work
    with UnitOfWork(db) as inside:
        inside.insert("contracts", _row("A"))
    db.conn.commit()
    assert unit_of_work._OUTERMOST.get() is None
    assert _logged_users(db) == ["Later"]
