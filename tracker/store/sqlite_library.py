"""The SQLite library's process-wide settings, made once before the first connection.

SQLite counts every allocation it makes for ``sqlite3_memory_used()`` and friends unless
told not to (``SQLITE_CONFIG_MEMSTATUS``).  The count sits behind one mutex for the whole
process, and builds that leave out the per-connection lookaside allocator (Debian's, which
Python uses here) take that mutex for nearly every row a statement reads.  Two
connections reading in two threads (the rules' second half, the integrity check beside
the change-log walk, the window's worker beside its GUI thread) then queue on it: two
pure-SQL reads in two threads took 1.6-1.7 s where one alone took 0.7 s, against 0.65 s
for both with the count off.  SQLite's own advice is to build with the count off
(``SQLITE_DEFAULT_MEMSTATUS=0``); the tracker never reads it.

The setting can only change while the library holds no connection, statement or other
object: :func:`stop_memory_statistics` makes sure of that first and otherwise leaves the
library as it is (every figure and result is the same either way; only the speed of
reading in parallel differs).
"""

from __future__ import annotations

import _sqlite3
import ctypes
import sqlite3
import threading
from pathlib import Path

SQLITE_OK = 0
SQLITE_CONFIG_MEMSTATUS = 9

_lock = threading.Lock()
_done = False


def _library() -> ctypes.CDLL | None:
    """The SQLite library Python's ``sqlite3`` module uses, through ctypes (None when it
    cannot be reached: the settings then stay as they are)."""
    file = getattr(_sqlite3, "__file__", None)
    # On Linux and macOS the module's own handle finds the library it links (or holds);
    # Windows keeps SQLite in sqlite3.dll beside the module; a module built into the
    # interpreter is found among the program's own symbols.
    candidates = [file, str(Path(file).with_name("sqlite3.dll"))] if file else [None]
    for candidate in candidates:
        try:
            library = ctypes.CDLL(candidate)
            library.sqlite3_config  # noqa: B018 - raises AttributeError when absent
        except (OSError, AttributeError, TypeError):
            continue
        library.sqlite3_memory_used.restype = ctypes.c_int64
        library.sqlite3_memory_used.argtypes = []
        library.sqlite3_config.argtypes = [ctypes.c_int, ctypes.c_int]
        return library
    return None


def stop_memory_statistics() -> bool:
    """Turn SQLite's allocation count off for this process, once, if no SQLite object
    exists yet.  True when the count is off (now or already)."""
    global _done
    with _lock:
        if _done:
            return True
        library = _library()
        if library is None:
            return False
        if library.sqlite3_memory_used() != 0:
            return False  # something holds SQLite memory: the count is on and in use
        probe = sqlite3.connect(":memory:")
        counted = library.sqlite3_memory_used() != 0
        probe.close()
        del probe
        if not counted:
            _done = True  # already off (a build or an earlier caller turned it off)
            return True
        if library.sqlite3_memory_used() != 0:
            return False  # the probe was not the only SQLite object after all
        if library.sqlite3_shutdown() != SQLITE_OK:
            return False
        turned_off = bool(library.sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK)
        library.sqlite3_initialize()
        _done = turned_off
        return turned_off


def memory_statistics_on() -> bool | None:
    """Whether SQLite counts its allocations (None when the library cannot be reached)."""
    library = _library()
    if library is None:
        return None
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("select 1").fetchall()
        return bool(library.sqlite3_memory_used() != 0)
    finally:
        probe.close()
