"""Reads beside a writer see one state of the ledger: a worker's rule evaluation or chart
read never mixes the records before an edit with those after it."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from tests.audit_factories import raw_delivery
from tests.factories import make_contract, make_delivery
from tracker.domain.flags import Flag
from tracker.services.audit import engine
from tracker.services.audit.context import RuleContext
from tracker.services.audit.engine import evaluate
from tracker.store.database import open_database
from tracker.store.readers import open_reader, snapshot, snapshot_beside
from tracker.store.unit_of_work import UnitOfWork

AS_OF = dt.date(2026, 6, 30)


@pytest.fixture
def writer(db_path: Path) -> Iterator[sqlite_utils.Database]:
    db = open_database(db_path)
    yield db
    db.close()


@pytest.fixture
def reader(db_path: Path, writer: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    db = open_reader(db_path)
    yield db
    db.close()


def _count(db: sqlite_utils.Database) -> int:
    return int(db.execute("select count(*) from deliveries").fetchone()[0])


def test_a_snapshot_keeps_reading_the_state_it_began_with(
    writer: sqlite_utils.Database, reader: sqlite_utils.Database
) -> None:
    contract = make_contract(writer)
    with snapshot(reader):
        before = _count(reader)
        make_delivery(writer, contract)  # committed beside the reader
        assert _count(reader) == before
    assert _count(reader) == before + 1
    assert not reader.conn.in_transaction


def test_inside_a_transaction_the_snapshot_is_the_callers(writer: sqlite_utils.Database) -> None:
    contract = make_contract(writer)
    with UnitOfWork(writer) as uow:
        uow.insert("tranches", {"contract_id": contract, "due_on": "2026-12-31",
                                "tonnes_kg": 1_000})  # fmt: skip
        with snapshot(writer):
            assert writer.execute("select count(*) from tranches").fetchone()[0] == 1
        assert writer.conn.in_transaction  # the unit of work's, still open
    assert writer.execute("select count(*) from tranches").fetchone()[0] == 1


def test_the_rules_read_one_state_though_a_record_is_added_while_they_run(
    writer: sqlite_utils.Database,
    reader: sqlite_utils.Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An import commits a repeated block while the rules run on a worker: the rules
    after that moment do not see it (the evaluation asked after the import will)."""
    contract = make_contract(writer)
    raw_delivery(writer, contract, 1, 100, prefix="ACR-US-5-2025-1")
    first_rule = next(iter(engine.RULES))
    severity, evaluated_first = engine.RULES[first_rule]

    def import_meanwhile(ctx: RuleContext) -> Iterator[Flag]:
        yield from evaluated_first(ctx)
        raw_delivery(writer, contract, 1, 100, prefix="ACR-US-5-2025-1")  # the same block

    monkeypatch.setitem(engine.RULES, first_rule, (severity, import_meanwhile))
    flags = evaluate(reader, AS_OF)
    assert [f for f in flags if f.rule in ("DUPLICATE_DELIVERY", "SERIAL_OVERLAP")] == []
    assert _count(reader) == 2  # committed, and seen once the evaluation ended
    repeated = evaluate(reader, AS_OF)
    assert {f.rule for f in repeated} >= {"DUPLICATE_DELIVERY", "SERIAL_OVERLAP"}


def test_a_second_connection_reads_the_same_state_as_the_first(
    writer: sqlite_utils.Database, reader: sqlite_utils.Database
) -> None:
    contract = make_contract(writer)
    with snapshot_beside(reader) as beside:
        assert beside is not None
        before = _count(reader)
        make_delivery(writer, contract)  # committed once both read
        assert _count(beside) == _count(reader) == before
    assert not reader.conn.in_transaction
    assert _count(reader) == before + 1


def _commit_between_the_starts(
    reader: sqlite_utils.Database, writer: sqlite_utils.Database, times: int
) -> list[int]:
    """The first ``times`` times ``reader`` begins a transaction (after the second
    connection has begun its own), a delivery is committed."""
    contract = make_contract(writer)
    committed: list[int] = []

    def on_statement(sql: str) -> None:
        if sql.startswith("BEGIN") and len(committed) < times:
            start = (len(committed) + 1) * 1000
            committed.append(raw_delivery(writer, contract, start, start + 99))

    reader.conn.set_trace_callback(on_statement)
    return committed


def test_a_commit_between_the_two_starts_is_seen_and_both_start_again(
    writer: sqlite_utils.Database, reader: sqlite_utils.Database
) -> None:
    committed = _commit_between_the_starts(reader, writer, times=1)
    with snapshot_beside(reader) as beside:
        assert beside is not None
        assert len(committed) == 1
        assert _count(beside) == _count(reader) == 1  # both after that commit


def test_commits_each_time_leave_one_connection(
    writer: sqlite_utils.Database, reader: sqlite_utils.Database
) -> None:
    committed = _commit_between_the_starts(reader, writer, times=99)
    with snapshot_beside(reader) as beside:
        assert beside is None
        assert reader.conn.in_transaction  # still one snapshot for the work
        assert _count(reader) == len(committed)
    assert len(committed) == 4  # three tries, then the snapshot of one connection


def test_no_second_connection_for_memory_nor_inside_a_transaction(
    writer: sqlite_utils.Database,
) -> None:
    memory = open_database(":memory:")
    with snapshot_beside(memory) as beside:
        assert beside is None
    with UnitOfWork(writer), snapshot_beside(writer) as beside:
        assert beside is None


def test_the_whole_portfolios_rules_run_in_two_halves_with_the_same_flags(
    writer: sqlite_utils.Database, reader: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.services.synthetic import Spec
    from tracker.services.synthetic_write import write_ledger

    write_ledger(writer, Spec(contracts=4, deliveries=400, retirements=120, seed=2))
    threads: dict[str, set[str]] = {}
    for code, (severity, rule) in list(engine.RULES.items()):

        def watched(ctx: RuleContext, rule: engine.Rule = rule, code: str = code) -> Iterator[Flag]:
            threads.setdefault(code, set()).add(threading.current_thread().name)
            yield from rule(ctx)

        monkeypatch.setitem(engine.RULES, code, (severity, watched))

    in_halves = evaluate(reader, AS_OF)
    with snapshot(reader):  # inside a transaction: one connection, one thread
        in_turn = evaluate(reader, AS_OF)

    assert in_halves == in_turn
    assert len(in_halves) > 50
    beside = {code for code, names in threads.items() if "rules-beside" in names}
    assert beside == engine.BESIDE
