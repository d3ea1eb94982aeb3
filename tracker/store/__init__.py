"""SQLite store through sqlite-utils: connection policy, migrations, row mapping."""
