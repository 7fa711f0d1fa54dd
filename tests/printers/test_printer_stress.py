"""The printer under stress (issue 14 §6): a slow printer is printed to once, interrupted
jobs come back at start-up in order, another process's job wakes the worker, and every
screen and command reads one state of the printer. Real bytes through sockets and ptys."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from desk.services.context import DeskContext
from desk.services.printing import spooler as printing
from desk.services.printing import worker as print_worker
from printers.escpos import PRESETS, decode_text
from printers.layouts import samples
from printers.layouts.receipt import build_receipt
from tests.printers.slow_fakes import SlowPtyPrinter, SlowTcpPrinter
from tests.printers.test_spool import make_ctx, wait_for  # noqa: F401  (fixture)
from tests.printers.test_transport import TcpPrinter

TITLE = "GIẤY TIẾP NHẬN HỒ SƠ"


def receipt(n: int) -> object:
    """Receipt number n, with its own dossier code (to tell copies apart on paper)."""
    return build_receipt(replace(samples.RECEIPT, dossier_code=f"000.17.22.H56-210531-{n:04d}"))


def copies(fake: object, n: int) -> int:
    return decode_text(bytes(fake.received), PRESETS["epson80"]).count(  # type: ignore[attr-defined]
        f"Mã hồ sơ: 000.17.22.H56-210531-{n:04d}")


@pytest.mark.parametrize("rate", [1000, 2000, 9600])
@pytest.mark.parametrize("kind", ["tcp", "pty"])
def test_slow_printer_prints_each_receipt_once(make_ctx: Callable[..., DeskContext],  # noqa: F811
                                               kind: str, rate: int) -> None:
    """At 1, 2 and 9.6 KB/s every receipt comes out once, none marked "BẢN IN LẠI", each
    sent once — with the worker's own timing (0.5 s status timeout)."""
    fake = SlowTcpPrinter(rate) if kind == "tcp" else SlowPtyPrinter(rate)
    pool = None
    try:
        url = fake.url if kind == "tcp" else f"serial:{fake.port}?baud=115200&flow=none"  # type: ignore[union-attr]
        ctx = make_ctx(url)
        ids = [printing.submit(ctx, receipt(n), kind="receipt", ref=str(n)) for n in (1, 2, 3)]
        pool = print_worker.start(ctx, ["receipt"], idle_poll=0.5)
        wait_for(lambda: all((printing.job(ctx, j) or {}).get("state") == "done" for j in ids),
                 timeout=90)
        time.sleep(1.0)  # anything sent twice would be arriving now
        text = decode_text(bytes(fake.received), PRESETS["epson80"])
        assert [copies(fake, n) for n in (1, 2, 3)] == [1, 1, 1]
        assert text.count(TITLE) == 3 and "BẢN IN LẠI" not in text
        assert [printing.job(ctx, j)["attempts"] for j in ids] == [1, 1, 1]  # type: ignore[index]
    finally:
        if pool is not None:
            pool.stop()
        fake.close()


WORKER = """
import json, sys, time
from desk.config import Settings
from desk.services.printing import worker as print_worker
from desk.services.context import DeskContext
ctx = DeskContext(Settings.from_dict(json.loads(sys.argv[1])))
pool = print_worker.start(ctx, ["receipt"], idle_poll=0.5)
print("started", flush=True)
time.sleep(600)
"""


def _settings(tmp_path: Path, transport: str) -> dict[str, object]:
    return {"storage": {"data_dir": str(tmp_path / "data"),
                        "database": str(tmp_path / "desk.sqlite3")},
            "printers": {"receipt": {"profile": "epson80", "transport": transport},
                         "a4": {"kind": "a4", "transport": "dir:"}}}


def test_kill_9_mid_job_recovers_at_start_in_order(make_ctx: Callable[..., DeskContext],  # noqa: F811
                                                   tmp_path: Path) -> None:
    """A worker process killed mid-job: the next worker sends the interrupted receipt at
    once (not after a 90 s lease), marked "BẢN IN LẠI", and before one queued later."""
    fake = SlowTcpPrinter(1000)
    pool = None
    proc = None
    try:
        ctx = make_ctx(fake.url)
        first = printing.submit(ctx, receipt(1), kind="receipt", ref="1")
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
        proc = subprocess.Popen([sys.executable, "-c", WORKER,
                                 json.dumps(_settings(tmp_path, fake.url))],
                                stdout=subprocess.PIPE, env=env, text=True)
        wait_for(lambda: len(fake.received) > 300, timeout=60)
        assert printing.job(ctx, first)["state"] == "sending"  # type: ignore[index]
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        later = printing.submit(ctx, receipt(2), kind="receipt", ref="2")
        t0 = time.monotonic()
        pool = print_worker.start(ctx, ["receipt"], idle_poll=0.5)
        wait_for(lambda: all((printing.job(ctx, j) or {}).get("state") == "done"
                             for j in (first, later)), timeout=60)
        took = time.monotonic() - t0
        assert took < 30  # both printed at 1 KB/s, long before a 90 s lease ran out
        again = decode_text(bytes(fake.sessions[-1]), PRESETS["epson80"])
        assert again.splitlines()[0] == "[C] **" + printing.REPRINT_MARK + "**"
        assert again.index("210531-0001") < again.index("210531-0002")
        assert again.count("BẢN IN LẠI") == 1
        job = printing.job(ctx, first)
        assert job is not None and job["attempts"] == 2
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
        if pool is not None:
            pool.stop()
        fake.close()


SUBMIT = """
import json, sys
from desk.config import Settings
from desk.services.printing import spooler as printing
from desk.services.context import DeskContext
from printers.layouts import samples
from printers.layouts.receipt import build_receipt
ctx = DeskContext(Settings.from_dict(json.loads(sys.argv[1])))
print(printing.submit(ctx, build_receipt(samples.RECEIPT), kind="receipt", ref="other"))
"""


def test_a_job_from_another_process_wakes_the_idle_worker(
        make_ctx: Callable[..., DeskContext], tmp_path: Path) -> None:  # noqa: F811
    """The worker polls its printer only every 60 s here; a receipt queued by another
    process (the CLI, a second counter) is printed at once all the same (data_version)."""
    ctx = make_ctx()
    pool = print_worker.start(ctx, ["receipt"], idle_poll=60)
    try:
        time.sleep(0.5)  # the worker is idle, asleep until its next poll
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
        out = subprocess.run([sys.executable, "-c", SUBMIT,
                              json.dumps(_settings(tmp_path, "dir:"))],
                             capture_output=True, text=True, env=env, check=True, timeout=120)
        jid = out.stdout.strip().splitlines()[-1]
        wait_for(lambda: (printing.job(ctx, jid) or {}).get("state") == "done", timeout=8)
    finally:
        pool.stop()
    assert (printing.printer_dir(ctx, "receipt") / f"{jid}.bin").is_file()


def test_status_command_reads_the_workers_state(make_ctx: Callable[..., DeskContext],  # noqa: F811
                                                tmp_path: Path) -> None:
    """While a worker drives the printer, `desk printer status` reports what the worker
    recorded and never opens a second connection to the printer."""
    fake = SlowTcpPrinter(100_000, mode="paper_out")
    pool = None
    try:
        ctx = make_ctx(fake.url)
        printing.submit(ctx, receipt(1), kind="receipt", ref="1")
        pool = print_worker.start(ctx, ["receipt"], idle_poll=0.5, backoff_base=0.2,
                                  backoff_cap=0.5)
        wait_for(lambda: printing.printer_states(ctx)[0]["state"] == "paper_out")
        connections = fake.connections
        result = printing.status_of(ctx, "receipt")
        assert result["source"] == "worker" and result["state"] == "paper_out"
        assert result["ok"] is False and result["queued"] == 1
        assert fake.connections == connections
        screen_row = printing.printer_states(ctx)[0]
        assert screen_row["state"] == result["state"] and screen_row["driven"]
        fake.come_back("ok")
        wait_for(lambda: printing.printer_states(ctx)[0]["queued"] == 0)
        wait_for(lambda: printing.status_of(ctx, "receipt")["state"] == "ok")
        row = printing.printer_states(ctx)[0]
        assert row["error"] == ""  # the job's old "paper_out" is history, not the state
    finally:
        if pool is not None:
            pool.stop()
        fake.close()
    probe = printing.status_of(ctx, "receipt")  # no worker now: the command asks itself
    assert probe["source"] == "probe"


def test_printers_screen_shows_no_stale_error_after_recovery(
        make_ctx: Callable[..., DeskContext]) -> None:  # noqa: F811
    fake = TcpPrinter("paper_out")
    try:
        ctx = make_ctx(fake.url)
        jid = printing.submit(ctx, receipt(1), kind="receipt", ref="1")
        print_worker.drain(ctx, 1.0, backoff_base=0.05, backoff_cap=0.2, status_timeout=0.3)
        row = printing.printer_states(ctx)[0]
        assert row["state"] == "paper_out" and row["error"]
        fake.come_back("ok")
        print_worker.drain(ctx, 10, backoff_base=0.05, backoff_cap=0.2, status_timeout=0.3)
        assert printing.job(ctx, jid)["last_error"]  # type: ignore[index]  (its history)
        row = printing.printer_states(ctx)[0]
        assert row["state"] == "ok" and row["error"] == ""
    finally:
        fake.close()


def test_intake_note_says_queued_and_the_printer_state(
        make_ctx: Callable[..., DeskContext]) -> None:  # noqa: F811
    """With the printer off, the clerk reads that the receipt waits and why — never that it
    was sent to the printer."""
    import socket

    s = socket.create_server(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    ctx = make_ctx(f"socket://127.0.0.1:{port}")
    jid = printing.submit(ctx, receipt(1), kind="receipt", ref="1")
    note = printing.job_note(ctx, jid)
    assert "hàng đợi" in note and "gửi tới máy in" not in note
    print_worker.drain(ctx, 1.0, backoff_base=0.05, backoff_cap=0.2)
    note = printing.job_note(ctx, jid)
    assert note == ("Giấy tiếp nhận đang chờ trong hàng đợi: máy in biên nhận ngoại tuyến. "
                    "Giấy sẽ tự in khi máy in sẵn sàng.")


def test_intake_note_once_printed(make_ctx: Callable[..., DeskContext]) -> None:  # noqa: F811
    ctx = make_ctx()
    done = printing.submit(ctx, receipt(2), kind="receipt", ref="2")
    print_worker.drain(ctx, 10)
    assert printing.job_note(ctx, done) == "Giấy tiếp nhận đã in xong trên máy in biên nhận."


async def test_intake_screen_says_the_receipt_waits_for_an_offline_printer(
        demo_ctx: DeskContext) -> None:
    """The intake screen's line under the new code, printer off: queued, and why."""
    from textual.widgets import Static

    from desk.app import DeskApp
    from desk.services.dossier.citizens import ApplicantIn
    from desk.services.dossier.intake import IntakeIn
    from desk.services.trust.auth import login
    from screens.intake import IntakeScreen
    from tests.screens.conftest import settle, wait_until

    printing.record_status(demo_ctx, "receipt", "offline", "cannot open socket://…")
    app = DeskApp(demo_ctx, background=False)  # no worker: the receipt stays queued
    app.actor = login(demo_ctx, "Nguyễn Thị Lan", "1234")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.switch_mode("intake")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, IntakeScreen)
        screen.receive(IntakeIn(procedure_code="1.004873", applicant=ApplicantIn(
            name="Nguyễn Văn Hiệp", id_number="040095000123", phone="0912345678",
            address="Xóm 3, xã Minh Châu")))
        await wait_until(pilot, lambda: screen.last_result is not None)
        shown = " ".join(str(screen.query_one("#intake-result", Static).render()).split())
    assert "đang chờ trong hàng đợi: máy in biên nhận ngoại tuyến" in shown
    assert "đã được gửi tới máy in" not in shown


async def test_printers_screen_error_column_clears_after_recovery(
        demo_ctx: DeskContext) -> None:
    """The printers screen shows the state `desk printer status` reports: once the printer
    printed the job that had hit "paper out", no error is left on the printer's row."""
    from textual.widgets import DataTable

    from desk.app import DeskApp
    from desk.services.trust.auth import login
    from screens.printers import PrintersScreen
    from storage.engine import write_session
    from storage.tables import PrintJob
    from tests.screens.conftest import settle, wait_until

    jid = printing.submit(demo_ctx, receipt(1), kind="receipt", ref="1")
    with write_session(demo_ctx.engine) as s:  # it failed once, then printed
        row = s.get(PrintJob, jid)
        assert row is not None
        row.state, row.attempts, row.last_error = "done", 2, "printer paper_out"
        s.add(row)
    printing.record_status(demo_ctx, "receipt", "ok")
    app = DeskApp(demo_ctx, background=False)
    app.actor = login(demo_ctx, "Nguyễn Thị Lan", "1234")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.switch_mode("printers")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PrintersScreen)
        await wait_until(pilot, lambda: screen.loaded > 0)
        table = screen.query_one("#pr-printers", DataTable)
        cells = [str(c) for c in table.get_row("receipt")]
    assert "sẵn sàng" in cells and not any("paper_out" in c for c in cells)
