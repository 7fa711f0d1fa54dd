"""Read models over the standard `sqlite3` module (storage/quick.py), for the read-only
CLI commands administrators script in loops: the same answers as the regular services
(tests/perf/test_quick_cli.py compares them), without importing SQLAlchemy, SQLModel,
pydantic or Alembic. Every function answers None when the quick read is not possible."""
