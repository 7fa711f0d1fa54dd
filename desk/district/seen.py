"""What authentication records, without a write transaction per request (issues 15 and 19).

- **Nonces.** Every signed request's nonce is recorded so that a captured request replayed
  within the ±10-minute timestamp window is refused (`409 replay`) by every worker process,
  and by every server machine on the same database. One autocommit statement,
  `INSERT … ON CONFLICT DO NOTHING RETURNING`, into `nonce`, an UNLOGGED table on PostgreSQL
  (migration d0019): no WAL, no flush at commit, no BEGIN/COMMIT round trips. Rows older than
  the window are deleted once a minute per process, not on every request.
- **Last contact.** Kept in memory per process and written once every 30 s (one UPDATE for
  every office heard from), and when the server stops. `desk district status` may show it up
  to 30 s late.

Before: every request ran a write transaction (nonce looked up and inserted, old nonces
deleted, the office's last_contact updated) — 43 % of a steady request. docs/security.md
gives the trade-off against a nonce cache in memory.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, and_, bindparam, delete, or_, update
from sqlalchemy.dialects import postgresql, sqlite

from desk.district.db import is_postgres, single_statements
from desk.district.tables import Nonce, Office
from desk.sync import protocol as P
from storage.tables.common import table_of

KEEP = timedelta(seconds=3 * P.SKEW_SECONDS)  # a timestamp is valid ±SKEW: keep beyond both
PRUNE_EVERY = timedelta(seconds=60)
CONTACT_EVERY = timedelta(seconds=30)
NONCE = table_of(Nonce)
OFFICE = table_of(Office)


@dataclass
class _Book:
    """One process's bookkeeping for one district database."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    pruned: datetime | None = None
    flushed: datetime | None = None
    contacts: dict[str, datetime] = field(default_factory=dict)


_books: WeakKeyDictionary[Engine, _Book] = WeakKeyDictionary()
_books_lock = threading.Lock()


def _book(engine: Engine) -> _Book:
    with _books_lock:
        book = _books.get(engine)
        if book is None:
            book = _books[engine] = _Book()
        return book


def remember_nonce(engine: Engine, office_id: str, nonce: str, now: datetime) -> bool:
    """Record a request's nonce: True when it is new, False when it was seen (a replay)."""
    insert = postgresql.insert if is_postgres(engine) else sqlite.insert
    stmt = insert(NONCE).values(office_id=office_id, nonce=nonce, seen_at=now) \
        .on_conflict_do_nothing().returning(NONCE.c.nonce)
    book = _book(engine)
    with book.lock:
        prune = book.pruned is None or now - book.pruned >= PRUNE_EVERY or now < book.pruned
        if prune:
            book.pruned = now
    with single_statements(engine, write=True) as conn:
        fresh = conn.execute(stmt).first() is not None
        if prune:
            conn.execute(delete(NONCE).where(NONCE.c.seen_at < now - KEEP))
    return fresh


def touch(engine: Engine, office_id: str, now: datetime) -> None:
    """Note an office's contact; written with the others at most every 30 s."""
    book = _book(engine)
    with book.lock:
        book.contacts[office_id] = now
        if book.flushed is None:
            book.flushed = now  # the first contact of this process waits like the others
        if now - book.flushed < CONTACT_EVERY and now >= book.flushed:
            return
        pending, book.contacts, book.flushed = book.contacts, {}, now
    _write_contacts(engine, pending)


def flush_contacts(engine: Engine) -> None:
    """Write every pending last contact now (the server stops, or a test looks)."""
    book = _book(engine)
    with book.lock:
        pending, book.contacts = book.contacts, {}
    _write_contacts(engine, pending)


def _write_contacts(engine: Engine, pending: dict[str, datetime]) -> None:
    if not pending:
        return
    at = OFFICE.c.last_contact
    stmt = update(OFFICE).where(and_(OFFICE.c.id == bindparam("oid"), or_(
        at.is_(None), at < bindparam("at")))).values(last_contact=bindparam("at"))
    # one statement for every office; never an older time over another process's newer one
    with engine.execution_options(sqlite_immediate=True).begin() as conn:
        conn.execute(stmt, [{"oid": o, "at": t} for o, t in sorted(pending.items())])
