"""Undo commands: every add, edit and delete is one service call, one transaction.

``perform(store, command)`` runs the command once *before* it goes on the undo
stack, so a refused input raises to the dialog and nothing is pushed; the
stack's first ``redo()`` is then a no-op.  After every step the store emits
``changed`` with the ChangeSet the service returned.

* add:    redo = the service's add (later: ``restore`` the same rows and ids);
          undo = ``take_back`` what the add inserted.
* edit:   redo = the service's update; undo = ``put_back`` the row as stored before.
* delete: redo = the service's delete; undo = ``restore`` the rows with their ids.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from tracker.domain.changes import ChangeSet
from tracker.services import contracts, deliveries, invalidations, retirements, schedule
from tracker.services.contracts import Removed, restore
from tracker.services.progress import Progress
from tracker.services.undo import put_back_all, record_as_stored, take_back
from tracker.store.ledger import Ledger
from tracker.store.unit_of_work import expecting
from tracker.ui import numbers
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.operations import ProgressWork

Data = Mapping[str, object]


AddCall = Callable[[Ledger], tuple[Any, ChangeSet]]
EditCall = Callable[[Ledger], tuple[Any, ChangeSet]]
DeleteCall = Callable[[Ledger], tuple[Removed, ChangeSet]]


class LedgerCommand(QUndoCommand):
    def __init__(self, store: LedgerStore, text: str) -> None:
        super().__init__(text)
        self.store = store
        self._performed_once = False
        self.result: Any = None

    def perform(self) -> None:
        """Do the change the first time; raises (and changes nothing) on refusal."""
        self.store.notify(self._do())
        self._performed_once = True

    def redo(self) -> None:
        if self._performed_once:
            self._performed_once = False  # the push after perform(): already done
            return
        self.store.notify(self._redo())

    def undo(self) -> None:
        self.store.notify(self._undo())

    def _do(self) -> ChangeSet:
        raise NotImplementedError

    def _redo(self) -> ChangeSet:
        return self._do()

    def _undo(self) -> ChangeSet:
        raise NotImplementedError


_CHECKED_TABLES = frozenset({"contracts", "tranches", "deliveries", "retirements"})


def rows_as_stored(
    db: Ledger, inserted: tuple[tuple[str, int], ...]
) -> dict[tuple[str, int], dict[str, Any]]:
    """The records an add inserted, as stored: undo refuses to take back one changed since.
    No Qt: a worker that applied an import reads them on its own connection."""
    return {key: record_as_stored(db, *key) for key in inserted if key[0] in _CHECKED_TABLES}


class AddCommand(LedgerCommand):
    def __init__(self, store: LedgerStore, text: str, call: AddCall) -> None:
        super().__init__(store, text)
        self._call = call
        self._inserted: tuple[tuple[str, int], ...] = ()
        self._removed: Removed | None = None
        self._rows: dict[tuple[str, int], dict[str, Any]] = {}

    def _do(self) -> ChangeSet:
        self.result, changes = self._call(self.store.db)
        self._inserted = changes.inserted
        self._remember_rows()
        return changes

    def _remember_rows(self) -> None:
        """The added rows as stored, so undo can tell when another window changed them."""
        self._rows = rows_as_stored(self.store.db, self._inserted)

    def _redo(self) -> ChangeSet:
        assert self._removed is not None
        changes = restore(self.store.db, self._removed)
        self._remember_rows()
        return changes

    def _undo(self) -> ChangeSet:
        with expecting(self._rows):  # refused when the record changed elsewhere since
            self._removed, changes = take_back(self.store.db, self._inserted)
        return changes


class EditCommand(LedgerCommand):
    """An edit; undo puts back every record it changed (the record itself and any
    dependent records the service rewrote, such as retirements receiving serials)."""

    def __init__(
        self,
        store: LedgerStore,
        text: str,
        table: str,
        record_id: int,
        call: EditCall,
        related: tuple[tuple[str, int], ...] = (),
    ) -> None:
        super().__init__(store, text)
        self._call = call
        self._table = table
        self._record_id = record_id
        self._before = [
            (t, record_as_stored(store.db, t, i)) for t, i in ((table, record_id), *related)
        ]
        self._after: dict[str, Any] | None = None

    def _do(self) -> ChangeSet:
        self.result, changes = self._call(self.store.db)
        if not changes:
            self.setObsolete(True)  # nothing changed: nothing to undo
        self._after = record_as_stored(self.store.db, self._table, self._record_id)
        return changes

    def _redo(self) -> ChangeSet:
        with expecting({(self._table, self._record_id): self._before[0][1]}):
            return self._do()

    def _undo(self) -> ChangeSet:
        expected = {(self._table, self._record_id): self._after} if self._after else {}
        with expecting(expected):  # refused when another window changed it since
            return put_back_all(self.store.db, self._before)


class DeleteCommand(LedgerCommand):
    """A delete; ``done`` is the outcome of a delete a worker already made with ``call``
    (the first ``perform`` then only tells the views; a redo calls ``call`` again)."""

    def __init__(
        self,
        store: LedgerStore,
        text: str,
        call: DeleteCall,
        done: tuple[Removed, ChangeSet] | None = None,
    ) -> None:
        super().__init__(store, text)
        self._call = call
        self._done = done
        self._removed: Removed | None = None

    def _do(self) -> ChangeSet:
        done, self._done = self._done, None
        self._removed, changes = done if done is not None else self._call(self.store.db)
        return changes

    def _undo(self) -> ChangeSet:
        assert self._removed is not None
        return restore(self.store.db, self._removed)


class ContractDeleteCommand(DeleteCommand):
    """A contract deleted with everything depending on it: thousands of records, or more
    for a contract fed by registry exports.  Its undo (putting them back) and redo
    (deleting them again) run on a worker (``ui.undo_actions``), behind a progress
    dialog: on the GUI thread they froze the window (in a ledger of a million
    deliveries, 2.3 s to put back a contract of 7,574 deliveries and 2,272 retirements,
    2.7 s to delete it again)."""

    # what the worker did, handed over by ``arm`` for the stack's next step
    _stepped: ChangeSet | tuple[Removed, ChangeSet] | None = None

    def work_beside(self, undo: bool) -> ProgressWork:
        """The undo (put the records back, counted, Cancel putting none back) or the redo
        (delete them again) as work for a worker's connection; the outcome goes to
        :meth:`arm`."""
        removed, call = self._removed, self._call

        def put_back(db: Ledger, progress: Progress) -> ChangeSet:
            assert removed is not None
            return restore(db, removed, progress)

        def delete_again(db: Ledger, _progress: Progress) -> tuple[Removed, ChangeSet]:
            return call(db)

        return put_back if undo else delete_again

    def arm(self, stepped: ChangeSet | tuple[Removed, ChangeSet]) -> None:
        """The worker did the step: the stack's ``undo``/``redo`` that follows only tells
        the views."""
        self._stepped = stepped

    def _undo(self) -> ChangeSet:
        stepped, self._stepped = self._stepped, None
        if stepped is None:
            return super()._undo()
        assert isinstance(stepped, ChangeSet)
        return stepped

    def _redo(self) -> ChangeSet:
        stepped, self._stepped = self._stepped, None
        if stepped is None:
            return super()._redo()
        assert not isinstance(stepped, ChangeSet)
        self._removed, changes = stepped
        return changes


def perform(store: LedgerStore, command: LedgerCommand) -> Any:
    """Run ``command`` now and put it on the undo stack; refusals raise, nothing pushed."""
    command.perform()
    if not command.isObsolete():
        store.undo_stack.push(command)
    return command.result


# --- one factory per use case: the text is what Edit → Undo shows --------------------------


def add_contract(store: LedgerStore, data: Data) -> LedgerCommand:
    text = QCoreApplication.translate("Commands", "Add contract {ref}").format(
        ref=data.get("reference", "")
    )
    return AddCommand(store, text, lambda db: contracts.add_contract(db, data))


def edit_contract(store: LedgerStore, contract_id: int, data: Data) -> LedgerCommand:
    text = QCoreApplication.translate("Commands", "Edit contract {ref}").format(
        ref=data.get("reference", "")
    )
    return EditCommand(
        store,
        text,
        "contracts",
        contract_id,
        lambda db: contracts.update_contract(db, contract_id, data),
    )


def delete_contract(store: LedgerStore, contract_id: int, reference: str) -> LedgerCommand:
    text = QCoreApplication.translate("Commands", "Delete contract {ref}").format(ref=reference)
    return ContractDeleteCommand(store, text, lambda db: contracts.delete_contract(db, contract_id))


def contract_deleted(
    store: LedgerStore, contract_id: int, reference: str, deleted: tuple[Removed, ChangeSet]
) -> LedgerCommand:
    """A contract a worker deleted (``contracts.delete_contract``'s outcome), as the step
    Edit → Undo takes back and Redo deletes again."""
    text = QCoreApplication.translate("Commands", "Delete contract {ref}").format(ref=reference)
    return ContractDeleteCommand(
        store, text, lambda db: contracts.delete_contract(db, contract_id), done=deleted
    )


def add_tranche(store: LedgerStore, contract_id: int, data: Data) -> LedgerCommand:
    text = QCoreApplication.translate("Commands", "Add tranche due {date}").format(
        date=numbers.day(str(data.get("due_on", "")))
    )
    return AddCommand(store, text, lambda db: schedule.add_tranche(db, contract_id, data))


def edit_tranche(store: LedgerStore, tranche_id: int, data: Data) -> LedgerCommand:
    text = QCoreApplication.translate("Commands", "Edit tranche due {date}").format(
        date=numbers.day(str(data.get("due_on", "")))
    )
    return EditCommand(
        store,
        text,
        "tranches",
        tranche_id,
        lambda db: schedule.update_tranche(db, tranche_id, data),
    )


def delete_tranche(store: LedgerStore, tranche_id: int) -> LedgerCommand:
    text = QCoreApplication.translate("Commands", "Delete tranche")
    return DeleteCommand(store, text, lambda db: schedule.delete_tranche(db, tranche_id))


def add_delivery(store: LedgerStore, contract_id: int, data: Data) -> LedgerCommand:
    text = QCoreApplication.translate("Commands", "Add delivery {block}").format(
        block=data.get("serial_block", "")
    )
    return AddCommand(store, text, lambda db: deliveries.add_delivery(db, contract_id, data))


def edit_delivery(store: LedgerStore, delivery_id: int, data: Data) -> LedgerCommand:
    text = QCoreApplication.translate("Commands", "Edit delivery {block}").format(
        block=data.get("serial_block", "")
    )
    drawn = tuple(("retirements", i) for i in deliveries.drawn_from(store.db, delivery_id))
    return EditCommand(
        store,
        text,
        "deliveries",
        delivery_id,
        lambda db: deliveries.update_delivery(db, delivery_id, data),
        related=drawn,
    )


def delete_delivery(store: LedgerStore, delivery_id: int) -> LedgerCommand:
    text = QCoreApplication.translate("Commands", "Delete delivery")
    return DeleteCommand(store, text, lambda db: deliveries.delete_delivery(db, delivery_id))


def retire(
    store: LedgerStore, contract_id: int, data: Data, verified_only: bool = False
) -> LedgerCommand:
    text = QCoreApplication.translate("Commands", "Retire {tonnes} t").format(
        tonnes=data.get("tonnes", "")
    )
    return AddCommand(
        store, text, lambda db: retirements.retire(db, contract_id, data, verified_only)
    )


def edit_retirement(store: LedgerStore, retirement_id: int, data: Data) -> LedgerCommand:
    text = QCoreApplication.translate("Commands", "Edit retirement")
    return EditCommand(
        store,
        text,
        "retirements",
        retirement_id,
        lambda db: retirements.update_retirement(db, retirement_id, data),
    )


def delete_retirement(store: LedgerStore, retirement_id: int) -> LedgerCommand:
    text = QCoreApplication.translate("Commands", "Delete retirement")
    return DeleteCommand(store, text, lambda db: retirements.delete_retirement(db, retirement_id))


def add_invalidation(store: LedgerStore, delivery_id: int, data: Data) -> LedgerCommand:
    text = QCoreApplication.translate("Commands", "Record invalidation of {tonnes} t").format(
        tonnes=data.get("tonnes", "")
    )
    return AddCommand(store, text, lambda db: invalidations.add_invalidation(db, delivery_id, data))


def edit_invalidation(store: LedgerStore, invalidation_id: int, data: Data) -> LedgerCommand:
    text = QCoreApplication.translate("Commands", "Edit invalidation")
    return EditCommand(
        store,
        text,
        "invalidations",
        invalidation_id,
        lambda db: invalidations.update_invalidation(db, invalidation_id, data),
    )


def delete_invalidation(store: LedgerStore, invalidation_id: int) -> LedgerCommand:
    text = QCoreApplication.translate("Commands", "Delete invalidation")
    return DeleteCommand(
        store, text, lambda db: invalidations.delete_invalidation(db, invalidation_id)
    )
