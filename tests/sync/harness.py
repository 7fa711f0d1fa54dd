"""Test harness: a real uvicorn district server in a thread, a throwaway PostgreSQL cluster,
desk offices on temporary SQLite files, bulk history, and the Jepsen-style checker."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from glob import glob
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, text

OFFICE = "000.00.00.H41"
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class District:
    db_url: str
    engine: Engine
    port: int
    token: str
    server: Any = None
    thread: threading.Thread | None = None
    files_dir: Path | None = None  # uploaded scans (desk/district/attachments.py)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.server is not None:
            self.server.should_exit = True
        if self.thread is not None:
            self.thread.join(10)
        self.engine.dispose()


def start_district(db_url: str, files_dir: Path | None = None) -> District:
    import uvicorn

    from desk.district.app import create_app
    from desk.district.db import open_district
    from desk.district.offices import add_office

    engine = open_district(db_url)
    token = add_office(engine, OFFICE, "UBND xã Minh Châu")
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(engine, files_dir), host="127.0.0.1",
                                           port=port, log_level="error", timeout_keep_alive=30))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    return District(db_url, engine, port, token, server, thread, files_dir)


# -- PostgreSQL ---------------------------------------------------------------------------------
@dataclass
class PgCluster:
    bindir: Path
    datadir: Path
    port: int
    user: str | None
    dbs: list[str] = field(default_factory=list)

    def url(self, db: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{db}"

    def new_db(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        _as(self.user, [str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m", "immediate",
                        "stop"], check=False)


def pg_bindir() -> Path | None:
    found = sorted(glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as(user: str | None, cmd: list[str], check: bool = True) -> None:
    if user:
        cmd = ["su", user, "-s", "/bin/sh", "-c", " ".join(f"'{c}'" for c in cmd)]
    subprocess.run(cmd, check=check, capture_output=True, timeout=120)


def start_pg(tmp: Path) -> PgCluster:
    bindir = pg_bindir()
    assert bindir is not None
    user = None
    if os.geteuid() == 0:
        user = "postgres"
        pw = pwd.getpwnam(user)
        tmp.mkdir(parents=True, exist_ok=True)
        os.chown(tmp, pw.pw_uid, pw.pw_gid)
        os.chmod(tmp, 0o700)
    datadir, port = tmp / "data", free_port()
    _as(user, [str(bindir / "initdb"), "-D", str(datadir), "-U", "postgres", "--auth=trust",
               "-E", "UTF8", "--no-sync"])
    opts = f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off"
    _as(user, [str(bindir / "pg_ctl"), "-D", str(datadir), "-o", opts, "-w", "-l",
               str(tmp / "log"), "start"])
    return PgCluster(bindir, datadir, port, user)


# -- desk offices -------------------------------------------------------------------------------
DESK_NOW = datetime(2026, 11, 23, 9, 0, tzinfo=TZ)


def desk_ctx(tmp: Path, district: District | None = None, url: str | None = None,
             now: datetime = DESK_NOW) -> Any:
    import desk.sync  # noqa: F401  (the outbox hook)
    from desk.config import Settings
    from desk.services.clock import fixed_clock
    from desk.services.context import DeskContext
    from tests.office_template import seeded

    sync = {"server_url": url or (district.url if district else ""),
            "token": district.token if district else ""}
    settings = Settings.from_dict({"storage": {"database": str(tmp / "desk.sqlite3")},
                                        "sync": sync})
    ctx = DeskContext(settings, clock=fixed_clock(now))
    seeded(ctx)  # seed_demo(ctx, dossiers=False), built once per session and copied
    return ctx


def write_config(tmp: Path, url: str, token: str) -> Path:
    p = tmp / "desk.toml"
    p.write_text(f'[storage]\ndatabase = "{tmp / "desk.sqlite3"}"\n\n[sync]\n'
                 f'server_url = "{url}"\ntoken = "{token}"\n', encoding="utf-8")
    return p


def client(ctx: Any, url: str, token: str, **kw: Any) -> Any:
    from desk.sync.client import SyncClient
    from desk.sync.transport import ClientConfig

    # Generous by default: under CI's load (two cores, two test workers, the server in a thread)
    # a batch may take seconds; tests of timeouts pass their own.
    cfg = ClientConfig(url, token, OFFICE, connect_timeout=kw.pop("connect_timeout", 10.0),
                       read_timeout=kw.pop("read_timeout", 60.0), backoff_base=0.05,
                       backoff_cap=0.5, **kw)
    return SyncClient(ctx, cfg)


def intake(ctx: Any, n: int, name: str = "Nguyễn Văn") -> list[str]:
    from desk.services.dossier.citizens import ApplicantIn
    from desk.services.dossier.intake import IntakeIn, receive

    return [receive(ctx, IntakeIn(procedure_code="1.004873",
                                  applicant=ApplicantIn(name=f"{name} {i}")),
                    print_receipt=False)["code"] for i in range(n)]


def bulk_history(ctx: Any, days: int, per_day: int) -> int:
    """Many dossiers fast: one transaction per day, events through events.record (the hook)."""
    from desk.services.dossier.events import record
    from desk.services.trust.actor import Actor
    from storage.engine import write_session
    from storage.tables import Dossier

    clerk = Actor(id=None, name="Nguyễn Thị Lan")
    start = datetime(2026, 10, 1, 8, 0, tzinfo=TZ)
    n = 0
    for day in range(days):
        with write_session(ctx.engine) as s:
            for i in range(per_day):
                at = start + timedelta(days=day, minutes=i)
                d = Dossier(code=f"{OFFICE}-{at:%y%m%d}-{i + 1:04d}", office_id=OFFICE,
                            procedure_code="1.004873", applicant_name=f"Trần Thị Hoa {i}",
                            name_folded=f"tran thi hoa {i}", received_at=at, due_at=at,
                            time_limit_value=3)
                s.add(d)
                s.flush()
                record(s, d, "receive", at, clerk, payload={"procedure": "1.004873",
                                                            "channel": "direct", "sets": 1})
                record(s, d, "transfer", at + timedelta(minutes=30), clerk,
                       payload={"agency": "Phòng Tư pháp"})
                n += 2
                if i % 3 == 0:
                    record(s, d, "note", at + timedelta(minutes=40), clerk,
                           payload={"text": "Đã gọi điện hẹn công dân"})
                    n += 1
                d.status = "TRANSFERRED"  # what rebuild gives, without the calendar
    return n


# -- the checker --------------------------------------------------------------------------------
def local_states(ctx: Any) -> dict[str, str]:
    from sqlmodel import select

    from storage.engine import read_session
    from storage.tables import Dossier

    with read_session(ctx.engine) as s:
        return {d.code: d.status for d in s.exec(select(Dossier))}


def check(ctx: Any, engine: Engine) -> dict[str, int]:
    """After faults stop: every desk event exactly once on the server, every district change
    exactly once on the desk, the same dossier states on both sides, a sound SQLite file."""
    from sqlmodel import select

    from desk.district.changes import state_of
    from storage.engine import read_session
    from storage.tables import DossierEvent
    from storage.tables.sync import AppliedChange, OutboxEvent

    with read_session(ctx.engine) as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        applied = list(s.exec(select(AppliedChange)))
        pulled_ids = {a.local_event_id for a in applied if a.local_event_id}
        local_ids = {e.id.hex for e in s.exec(select(DossierEvent)) if e.id not in pulled_ids}
        outbox = list(s.exec(select(OutboxEvent)))
        events_total = len(list(s.exec(select(DossierEvent.id))))
    assert all(o.state == "acked" for o in outbox), Counter(o.state for o in outbox)
    assert {o.event_id.hex for o in outbox if o.entity_type == "dossier"} == local_ids
    with engine.connect() as c:
        server_ids = Counter(r[0] for r in c.execute(text(
            "SELECT event_id FROM event WHERE office_id = :o"), {"o": OFFICE}))
        changes = Counter(r[0] for r in c.execute(text(
            "SELECT change_id FROM change_log WHERE office_id = :o"), {"o": OFFICE}))
    assert set(server_ids) == local_ids, (len(server_ids), len(local_ids))
    assert max(server_ids.values(), default=1) == 1
    assert Counter(a.change_id for a in applied) == changes  # each change applied exactly once
    assert len(pulled_ids) == len([a for a in applied if a.kind == "decision"])
    assert events_total == len(local_ids) + len(pulled_ids)
    assert local_states(ctx) == state_of(engine, OFFICE)
    check_facts(ctx, engine)
    return {"events": len(local_ids), "changes": len(changes)}


def check_facts(ctx: Any, engine: Engine) -> dict[str, int]:
    """Queue ticket events and ratings (desk/sync/facts.py): each one queued once and stored
    exactly once on the district, in its own table, with the desk's kind, label and day."""
    from sqlmodel import select

    from storage.engine import read_session
    from storage.tables.queue import TicketEvent
    from storage.tables.rating import Rating
    from storage.tables.sync import OutboxEvent

    with read_session(ctx.engine) as s:
        tickets = {e.id.hex: (e.kind.lower(), e.label, e.day.isoformat())
                   for e in s.exec(select(TicketEvent))}
        ratings = {r.id.hex: r.level for r in s.exec(select(Rating))}
        queued = Counter((o.entity_type, o.event_id.hex) for o in s.exec(
            select(OutboxEvent).where(OutboxEvent.entity_type != "dossier")))
    assert set(queued) == {("ticket", i) for i in tickets} | {("rating", i) for i in ratings}
    with engine.connect() as c:
        server_t = [(r[0], (r[1], r[2], r[3])) for r in c.execute(text(
            "SELECT event_id, kind, label, day FROM ticket_fact WHERE office_id = :o"),
            {"o": OFFICE})]
        server_r = [(r[0], r[1]) for r in c.execute(text(
            "SELECT event_id, level FROM rating_fact WHERE office_id = :o"), {"o": OFFICE})]
    assert len(server_t) == len(dict(server_t)) and dict(server_t) == tickets
    assert len(server_r) == len(dict(server_r)) and dict(server_r) == ratings
    return {"tickets": len(tickets), "ratings": len(ratings)}


def shutil_which(name: str) -> bool:
    return shutil.which(name) is not None
