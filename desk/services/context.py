"""The composition root: settings, the open store, the clock and the calendar, built once.

Screens and CLI commands get a `DeskContext` and pass it to service functions; tests build one
on a temporary SQLite file with a fixed clock.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from desk.config import Settings
from desk.services.clock import Clock, clock_from_env

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from desk.domain.calendar import WorkingCalendar


# Two threads importing SQLAlchemy for the first time at once can fail with "partially
# initialized module 'sqlalchemy.engine'" (the TUI's first workers did, and their counts were
# missing until the next refresh); the first import and the store's opening happen under one lock.
_STACK = threading.RLock()
_stack_loaded = False


def load_stack() -> None:
    """Import the database stack once, one thread at a time (cheap when already done)."""
    global _stack_loaded
    if _stack_loaded:
        return
    with _STACK:
        if not _stack_loaded:
            # The context is built before the first paint: the stack loads on first use.
            import sqlmodel  # noqa: F401, PLC0415 — the import is the point

            import storage.engine  # noqa: PLC0415
            import storage.tables  # noqa: F401, PLC0415

            _stack_loaded = True


@dataclass
class DeskContext:
    settings: Settings
    clock: Clock | None = None
    _engine: Engine | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.clock is None:
            self.clock = clock_from_env(self.settings.office.timezone)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.settings.office.timezone)

    def now(self) -> datetime:
        assert self.clock is not None
        return self.clock()

    def local_now(self) -> datetime:
        return self.now().astimezone(self.tz)

    @property
    def engine(self) -> Engine:
        """The office database, migrated to the latest schema on first use."""
        if self._engine is None:
            load_stack()
            with _STACK:  # two workers must not open (and migrate) the file twice
                if self._engine is None:
                    # after load_stack(): SQLAlchemy, Alembic and the sync load on first use
                    from desk.services.notify.notices import enable_notices  # noqa: PLC0415
                    from desk.services.store import open_store  # noqa: PLC0415
                    from desk.sync.outbox import enable_outbox  # noqa: PLC0415

                    engine = open_store(self.settings.database_path, clock=self.clock)
                    enable_outbox()  # each dossier event gets its outbox row in its transaction

                    enable_notices(engine, self.settings)  # and its notices (issue 17)
                    self._engine = engine
        return self._engine

    @cached_property
    def calendar(self) -> WorkingCalendar:
        from desk.services.deadlines.calendar import build_calendar  # noqa: PLC0415 — needs the stack

        return build_calendar(self)

    def refresh_calendar(self) -> None:
        self.__dict__.pop("calendar", None)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
