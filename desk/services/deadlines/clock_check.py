"""Does the desk's clock look wrong? Office PCs in mountain communes often have a dead CMOS
battery (the clock jumps back years) or the wrong time zone.

Two witnesses:

* the district: every sync reply carries its `server_time`; `note_server_time` keeps the
  difference and the desk's own time of that reply (DeviceState rows, so every process of the
  office and the next start see them);
* the office's own history: the newest dossier received here.

`check` says what is wrong: `skew` (the district disagrees by more than five minutes),
`backwards` (the clock is earlier than at the last sync), `behind_stored` (earlier than a
dossier already received: a new dossier code would carry the wrong day, so `guard_new_code`
refuses one). Warnings appear at login and in the status line; only a new code is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func
from sqlmodel import Session, select

from desk.domain.errors import DomainError
from desk.i18n import t
from storage.engine import read_session
from storage.tables import Dossier
from storage.tables.device import DeviceState

if TYPE_CHECKING:
    from desk.services.context import DeskContext

LIMIT = timedelta(minutes=5)  # beyond this, two clocks disagree
KEY_OFFSET = "clock.server_offset_ms"  # district time − desk time at the last sync reply
KEY_SEEN = "clock.seen_ms"  # the desk's time (epoch ms) at that reply


@dataclass(frozen=True, slots=True)
class ClockCheck:
    problem: str  # "" | "skew" | "backwards" | "behind_stored"
    now: datetime
    offset: timedelta | None = None  # district − desk at the last sync (None: never synced)
    seen: datetime | None = None  # the desk's time at the last sync reply
    newest: datetime | None = None  # the newest dossier received here

    @property
    def ok(self) -> bool:
        return not self.problem

    @property
    def blocks_new_code(self) -> bool:
        return self.problem == "behind_stored"


def _ms(at: datetime) -> int:
    return int(at.timestamp() * 1000)


def _from_ms(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC)


def note_server_time(s: Session, now: datetime, server_ms: Any) -> None:
    """Keep what a sync reply said about the clocks (inside the caller's write session)."""
    if not isinstance(server_ms, int) or isinstance(server_ms, bool):
        return
    for key, value in ((KEY_OFFSET, server_ms - _ms(now)), (KEY_SEEN, _ms(now))):
        row = s.get(DeviceState, key) or DeviceState(key=key)
        row.value = str(value)
        s.add(row)


def newest_received(s: Session) -> datetime | None:
    """The newest dossier received at this office (indexed: ix_dossier_received)."""
    top = s.exec(select(func.max(Dossier.received_at))).one()
    if top is None:
        return None
    if isinstance(top, str):  # SQLite's func.max() loses the column type
        top = datetime.fromisoformat(top)
    return top if top.tzinfo else top.replace(tzinfo=UTC)


def _stored_int(s: Session, key: str) -> int | None:
    row = s.get(DeviceState, key)
    try:
        return int(row.value) if row is not None else None
    except ValueError:
        return None


def check_in(s: Session, now: datetime) -> ClockCheck:
    offset_ms, seen_ms = _stored_int(s, KEY_OFFSET), _stored_int(s, KEY_SEEN)
    offset = timedelta(milliseconds=offset_ms) if offset_ms is not None else None
    seen = _from_ms(seen_ms) if seen_ms is not None else None
    newest = newest_received(s)
    problem = ""
    if newest is not None and now < newest - LIMIT:
        problem = "behind_stored"
    elif seen is not None and now < seen - LIMIT:
        problem = "backwards"
    elif offset is not None and abs(offset) > LIMIT:
        problem = "skew"
    return ClockCheck(problem, now, offset, seen, newest)


def check(ctx: DeskContext) -> ClockCheck:
    with read_session(ctx.engine) as s:
        return check_in(s, ctx.now())


def guard_new_code(s: Session, now: datetime, tz: Any) -> None:
    """Refuse a new dossier code while the clock is before a dossier already received."""
    newest = newest_received(s)
    if newest is not None and now < newest - LIMIT:
        raise DomainError("clock.behind_stored", now=_local(now, tz), newest=_local(newest, tz))


def _local(at: datetime, tz: Any) -> str:
    return at.astimezone(tz).strftime("%H:%M %d/%m/%Y")


def describe(c: ClockCheck, tz: Any) -> str:
    """One sentence for the login notice and the status line ('' when the clock looks right)."""
    if c.ok:
        return ""
    if c.problem == "behind_stored":
        assert c.newest is not None
        return t("clock.behind_stored", now=_local(c.now, tz), newest=_local(c.newest, tz))
    if c.problem == "backwards":
        assert c.seen is not None
        return t("clock.backwards", now=_local(c.now, tz), seen=_local(c.seen, tz))
    assert c.offset is not None
    minutes = round(abs(c.offset).total_seconds() / 60)
    key = "clock.skew_behind" if c.offset > timedelta(0) else "clock.skew_ahead"
    return t(key, now=_local(c.now, tz), district=_local(c.now + c.offset, tz),
             span=span(minutes))


def span(minutes: int) -> str:
    """'3 ngày 2 giờ' / '12 phút': how far apart the clocks are, roughly."""
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return t("clock.span_days", days=days, hours=hours)
    if hours:
        return t("clock.span_hours", hours=hours, minutes=mins)
    return t("clock.span_minutes", minutes=mins)


def status_word(c: ClockCheck) -> str:
    """The short status-line form."""
    return "" if c.ok else t("clock.status")


def describe_clock(ctx: DeskContext) -> tuple[str, str]:
    """(short status word, whole sentence) for the screens; ('', '') when the clock looks
    right or cannot be read."""
    try:
        c = check(ctx)
    except Exception:  # a busy or damaged file: the screens have their own ways to say that
        return "", ""
    return status_word(c), describe(c, ctx.tz)
