"""One writer per ledger: a lock file beside it naming who holds it.

``ledger.db.lock`` holds JSON: the holder's name, process id, host and since
when (UTC).  A lock whose process no longer runs on this host is stale (the
holder crashed) and is taken over.  A live holder is named in the refusal, so
the user knows which window to close.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from tracker.domain.errors import TrackerError
from tracker.domain.messages import Message, Moment, msg, render
from tracker.store.change_log import os_login


@dataclass(frozen=True, slots=True)
class Holder:
    name: str
    pid: int
    host: str
    since: str
    program: str = "Carbon Tracker"

    def message(self) -> Message:
        """ "alice (Carbon Tracker, process 4242 on laptop) since 2026-11-29T01:26:51Z"."""
        return msg(
            "error.lock_holder",
            name=self.name,
            program=self.program,
            pid=self.pid,
            host=self.host,
            since=Moment(self.since),
        )

    def describe(self) -> str:
        return render(self.message())


class LockHeld(TrackerError):
    """Another process is writing to the ledger."""

    def __init__(self, ledger: Path, holder: Holder) -> None:
        self.ledger = ledger
        self.holder = holder
        if holder.host != socket.gethostname():
            refusal = msg(
                "error.ledger_locked_elsewhere",
                file=str(ledger),
                holder=holder.message(),
                host=holder.host,
                lock=str(lock_path(ledger)),
            )
        else:
            refusal = msg("error.ledger_locked", file=str(ledger), holder=holder.message())
        super().__init__(refusal)


def lock_path(ledger: Path) -> Path:
    return ledger.with_name(ledger.name + ".lock")


def _alive_windows(pid: int) -> bool:
    """Is process ``pid`` running (Windows: os.kill would send it a signal)."""
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":
        return _alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def read_holder(ledger: Path) -> Holder | None:
    """Who holds the lock (None when there is none or it is unreadable)."""
    try:
        data = json.loads(lock_path(ledger).read_text(encoding="utf-8"))
        return Holder(
            str(data["name"]), int(data["pid"]), str(data["host"]), str(data["since"]),
            str(data.get("program", "Carbon Tracker")),
        )  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_stale(holder: Holder | None) -> bool:
    """A lock from a process that is gone (on this host), or one that cannot be read."""
    if holder is None:
        return True
    return holder.host == socket.gethostname() and not _alive(holder.pid)


class LedgerLock:
    """``with LedgerLock(path, program):`` holds the ledger's write lock."""

    def __init__(self, ledger: Path, program: str = "Carbon Tracker") -> None:
        self.ledger = Path(ledger)
        self.program = program
        self.held = False
        self.took_over: Holder | None = None

    def _me(self) -> Holder:
        since = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        return Holder(os_login(), os.getpid(), socket.gethostname(), since.replace("+00:00", "Z"),
                      self.program)  # fmt: skip

    def _write_new(self, holder: Holder) -> bool:
        path = lock_path(self.ledger)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return False
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(_as_dict(holder), out)
        return True

    def acquire(self) -> LedgerLock:
        """Take the lock, taking over a stale one; raise LockHeld naming a live holder."""
        if self.held:
            return self
        me = self._me()
        path = lock_path(self.ledger)
        for _attempt in range(3):
            try:
                if self._write_new(me):
                    self.held = True
                    return self
            except OSError as exc:
                reason = exc.strerror or str(exc)
                raise TrackerError(
                    msg("error.lock_not_written", lock=str(path), reason=reason)
                ) from None
            holder = read_holder(self.ledger)
            if holder is not None and holder.pid == os.getpid() and holder.host == me.host:
                raise LockHeld(self.ledger, holder)  # another window of this process
            if not is_stale(holder):
                assert holder is not None
                raise LockHeld(self.ledger, holder)
            self.took_over = holder
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        holder = read_holder(self.ledger)
        raise LockHeld(self.ledger, holder or me)

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        holder = read_holder(self.ledger)
        if holder is not None and (
            holder.pid != os.getpid() or holder.host != socket.gethostname()
        ):
            return  # someone took it over; not ours to remove
        with contextlib.suppress(FileNotFoundError):
            lock_path(self.ledger).unlink()

    def __enter__(self) -> LedgerLock:
        return self.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _as_dict(holder: Holder) -> dict[str, object]:
    return {
        "name": holder.name,
        "pid": holder.pid,
        "host": holder.host,
        "since": holder.since,
        "program": holder.program,
    }
