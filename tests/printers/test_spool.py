"""The spooler: jobs stored before sending, retry with backoff, recovery after a pulled
cable, expired tickets, the reprint mark, and `submit` staying instant throughout."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desk.config import Settings
from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.printing import spooler as printing
from desk.services.printing import worker as print_worker
from printers.escpos import PRESETS, decode_text, render
from printers.layouts.samples import sample_documents
from tests.conftest import local
from tests.printers.test_transport import PtyPrinter, TcpPrinter, make_fake, url_of

FAST = {"backoff_base": 0.05, "backoff_cap": 0.3, "write_timeout": 2.0, "status_timeout": 0.3}
DOCS = sample_documents()
INSTANT = 1.0  # seconds; typically 5–30 ms (render + one fsync'd insert), never the printer's


@pytest.fixture(params=["pty", "tcp"])
def fake_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


class MovableClock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def make_ctx(tmp_path: Path) -> Iterator[Callable[..., DeskContext]]:
    made: list[DeskContext] = []

    def make(transport: str = "dir:", profile: str = "epson80",
             options: dict[str, Any] | None = None) -> DeskContext:
        settings = Settings.from_dict({
            "storage": {"data_dir": str(tmp_path / "data"),
                        "database": str(tmp_path / "desk.sqlite3")},
            "printers": {"receipt": {"profile": profile, "transport": transport,
                                     "options": options or {}},
                         "a4": {"kind": "a4", "transport": "dir:"}}})
        ctx = DeskContext(settings, clock=MovableClock(local(2026, 11, 23, 9, 0)))
        _ = ctx.engine  # the app opens (and migrates) the store at start, not at first print
        made.append(ctx)
        return ctx

    yield make
    for c in made:
        c.close()


def wait_for(cond: Callable[[], bool], timeout: float = 15.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return
        time.sleep(0.02)
    raise AssertionError("condition not reached in time")


def timed_submit(ctx: DeskContext, name: str, kind: str = "receipt") -> tuple[str, float]:
    t0 = time.perf_counter()
    jid = printing.submit(ctx, DOCS[name], kind=kind, ref=name)
    return str(jid), time.perf_counter() - t0


def test_submit_stores_rendered_bytes_before_sending(make_ctx: Callable[..., DeskContext]) -> None:
    ctx = make_ctx("socket://127.0.0.1:9")  # nothing listens there; submit must not care
    jid, _ = timed_submit(ctx, "receipt")
    job = printing.job(ctx, jid)
    assert job is not None and job["state"] == "queued" and job["attempts"] == 0
    from sqlmodel import Session

    from storage.tables import PrintJob

    with Session(ctx.engine) as s:
        row = s.get(PrintJob, job and __import__("uuid").UUID(jid))
        assert row is not None and row.data == render(DOCS["receipt"], PRESETS["epson80"])
    assert "GIẤY TIẾP NHẬN HỒ SƠ" in job["transcript"]
    assert job["expires_at"] is None
    _, took = timed_submit(ctx, "receipt")
    assert took < INSTANT


def test_drain_to_the_demo_folder(make_ctx: Callable[..., DeskContext]) -> None:
    ctx = make_ctx()
    jid, _ = timed_submit(ctx, "receipt")
    result = print_worker.drain(ctx, 10)
    assert result["receipt"]["done"] == 1 and result["receipt"]["queued"] == 0
    folder = printing.printer_dir(ctx, "receipt")
    assert "Mã hồ sơ: 000.17.22.H56-210531-0001" in (folder / f"{jid}.txt").read_text("utf-8")
    states = {p["printer"]: p for p in printing.printer_states(ctx)}
    assert states["receipt"]["state"] == "ok" and states["receipt"]["queued"] == 0


def test_pdf_jobs_go_to_the_a4_printer(make_ctx: Callable[..., DeskContext]) -> None:
    ctx = make_ctx()
    jid = printing.submit(ctx, b"%PDF-1.7 fake", printer="a4", kind="form", ref="X")
    print_worker.drain(ctx, 10, ["a4"])
    assert (printing.printer_dir(ctx, "a4") / f"{jid}.pdf").read_bytes() == b"%PDF-1.7 fake"
    from desk.domain.errors import DomainError

    with pytest.raises(DomainError):
        printing.submit(ctx, DOCS["receipt"], printer="a4", kind="form")
    with pytest.raises(DomainError):
        printing.submit(ctx, DOCS["receipt"], printer="nope", kind="receipt")


def test_expired_tickets_are_not_printed(make_ctx: Callable[..., DeskContext]) -> None:
    ctx = make_ctx()
    old = printing.submit(ctx, DOCS["ticket"], kind="ticket", ref="A015")
    receipt = printing.submit(ctx, DOCS["receipt"], kind="receipt", ref="R")
    ctx.clock.at += timedelta(minutes=11)  # type: ignore[union-attr]
    fresh = printing.submit(ctx, DOCS["ticket"], kind="ticket", ref="A016")
    print_worker.drain(ctx, 10)
    states = {j["id"]: j["state"] for j in printing.jobs(ctx)}
    assert states == {str(old): "expired", str(receipt): "done", str(fresh): "done"}
    folder = printing.printer_dir(ctx, "receipt")
    assert not (folder / f"{old}.bin").exists()


def test_reprint_carries_the_mark(make_ctx: Callable[..., DeskContext]) -> None:
    ctx = make_ctx()
    first = printing.submit(ctx, DOCS["receipt"], kind="receipt", ref="R")
    again = printing.reprint(ctx, first)
    print_worker.drain(ctx, 10)
    job = printing.job(ctx, again)
    assert job is not None and job["reprint_of"] == str(first) and job["state"] == "done"
    printed = (printing.printer_dir(ctx, "receipt") / f"{again}.txt").read_text("utf-8")
    assert printed.splitlines()[0] == "[C] **" + printing.REPRINT_MARK + "**"
    assert "BẢN IN LẠI" not in (printing.printer_dir(ctx, "receipt")
                                / f"{first}.txt").read_text("utf-8")


def test_out_of_paper_keeps_the_job_then_prints_it(make_ctx: Callable[..., DeskContext],
                                                   fake_kind: str) -> None:
    fake = make_fake(fake_kind, "paper_out")
    try:
        ctx = make_ctx(url_of(fake))
        jid, took = timed_submit(ctx, "receipt")
        assert took < INSTANT
        t0 = time.monotonic()
        result = print_worker.drain(ctx, 1.0, **FAST)
        assert time.monotonic() - t0 < 6
        assert result["receipt"]["queued"] == 1 and "paper_out" in result["receipt"]["last_error"]
        assert {p["printer"]: p["state"] for p in printing.printer_states(ctx)}["receipt"] \
            == "paper_out"
        assert not fake.received  # nothing sent to a printer without paper
        fake.come_back("ok")
        print_worker.drain(ctx, 10, **FAST)
        job = printing.job(ctx, jid)
        assert job is not None and job["state"] == "done" and job["bytes_sent"] == job["bytes"]
        text = decode_text(bytes(fake.received), PRESETS["epson80"])
        assert "BẢN IN LẠI" not in text and "GIẤY TIẾP NHẬN HỒ SƠ" in text
    finally:
        fake.close()


def test_cable_pulled_mid_job_loses_nothing(make_ctx: Callable[..., DeskContext],
                                            fake_kind: str) -> None:
    fake: PtyPrinter | TcpPrinter = make_fake(fake_kind, "ok", cut_after=300)
    pool = None
    try:
        ctx = make_ctx(url_of(fake))
        pool = print_worker.start(ctx, ["receipt"], idle_poll=0.2, **FAST)
        first, took = timed_submit(ctx, "receipt")
        assert took < INSTANT
        wait_for(lambda: (printing.job(ctx, first) or {}).get("bytes_sent", 0) > 0
                 and printing.job(ctx, first)["state"] == "queued")  # type: ignore[index]
        assert 0 < len(fake.received) <= 300 + 256
        # the printer is dead: submitting more still returns at once, nothing is lost
        later = []
        for name in ("ticket", "guide", "receipt"):
            jid, took = timed_submit(ctx, name, "ticket" if name == "ticket" else "receipt")
            assert took < INSTANT
            later.append(jid)
        time.sleep(0.5)
        assert all(printing.job(ctx, j)["state"] == "queued" for j in later)  # type: ignore[index]
        fake.come_back("ok")
        wait_for(lambda: all(printing.job(ctx, j)["state"] == "done"  # type: ignore[index]
                             for j in [first, *later]))
        first_job = printing.job(ctx, first)
        assert first_job is not None and first_job["attempts"] >= 2
        assert first_job["transcript"].startswith(printing.REPRINT_MARK)
        text = decode_text(bytes(fake.sessions[-1]), PRESETS["epson80"])
        assert text.splitlines()[0] == "[C] **" + printing.REPRINT_MARK + "**"
        assert text.count("GIẤY TIẾP NHẬN HỒ SƠ") == 2 and "SỐ THỨ TỰ" in text
        assert text.count("BẢN IN LẠI") == 1  # only the interrupted job is marked
    finally:
        if pool is not None:
            pool.stop()
        fake.close()


def test_interrupted_sending_job_is_recovered(make_ctx: Callable[..., DeskContext]) -> None:

    from storage.engine import write_session
    from storage.tables import PrintJob

    ctx = make_ctx()
    jid = printing.submit(ctx, DOCS["receipt"], kind="receipt", ref="R")
    with write_session(ctx.engine) as s:  # a process died while sending it
        row = s.get(PrintJob, jid)
        assert row is not None
        row.state, row.attempts = "sending", 1
        row.next_attempt_at = ctx.now() - timedelta(seconds=1)  # the lease ran out
        s.add(row)
    print_worker.drain(ctx, 10)
    job = printing.job(ctx, jid)
    assert job is not None and job["state"] == "done" and job["attempts"] == 2
    printed = (printing.printer_dir(ctx, "receipt") / f"{jid}.txt").read_text("utf-8")
    assert "BẢN IN LẠI" in printed.splitlines()[0]


def test_backoff_is_full_jitter_and_capped(make_ctx: Callable[..., DeskContext]) -> None:
    ctx = make_ctx()
    w = print_worker.PrintWorker(ctx, "receipt", backoff_base=1.0, backoff_cap=8.0,
                                 rng=random.Random(7))
    delays = [w._backoff() for _ in range(8)]
    ceilings = [1, 2, 4, 8, 8, 8, 8, 8]
    assert all(0 <= d <= c for d, c in zip(delays, ceilings, strict=True))
    assert len(set(delays)) == len(delays)


def test_profile_options_override_the_preset(make_ctx: Callable[..., DeskContext]) -> None:
    ctx = make_ctx(options={"paper_columns": 32, "dots": 384, "baudrate": 19200})
    p = printing.printer_profile(ctx, "receipt")
    assert p is not None and p.paper_columns == 32 and p.baudrate == 19200
    with pytest.raises(DomainError):
        printing.printer_profile(make_ctx(options={"paper_columns": 99}), "receipt")


def test_profile_options_are_read_as_desk_toml_writes_them(
        make_ctx: Callable[..., DeskContext]) -> None:
    """TOML has lists, not tuples, and hex may be spaced; a wrong option names its key."""
    p = printing.printer_profile(make_ctx(options={"tcvn3_pages": [27, 28],
                                                   "init_bytes": "1C 2E"}), "receipt")
    assert p is not None and p.tcvn3_pages == (27, 28) and p.init == b"\x1b@\x1c\x2e"
    assert p == printing.printer_profile(make_ctx(options={"tcvn3_pages": [27, 28],
                                                           "init_bytes": "1c2e"}), "receipt")
    for options, key in (({"paper_columns": 99}, "paper_columns"),
                         ({"tcvn3_pages": [27]}, "tcvn3_pages"), ({"init_bytes": "zz"}, "zz"),
                         ({"codepage_mode": "cp1258", "cp1258_page": None}, "cp1258_page"),
                         ({"speed": 3}, "speed")):
        with pytest.raises(DomainError) as e:
            printing.printer_profile(make_ctx(options=options), "receipt")
        assert e.value.key == "print.bad_options" and key in e.value.params["problem"], options


def test_migration_head_includes_printing(make_ctx: Callable[..., DeskContext]) -> None:
    from storage import migrate

    ctx = make_ctx()
    assert "0002_printing" in migrate.current_revisions(ctx.engine)
