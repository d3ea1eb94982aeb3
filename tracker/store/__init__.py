"""SQLite store through sqlite-utils: connection policy, migrations, row mapping."""

from tracker.store.sqlite_library import stop_memory_statistics

# Before this process opens its first connection: SQLite's allocation count would make
# connections in different threads queue on one mutex (see sqlite_library).
stop_memory_statistics()
