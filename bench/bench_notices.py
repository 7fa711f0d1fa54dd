"""100 notices through the fake GSM modem (issue 17 §3), with the modem unplugged mid-run and
the desk (the `desk notify run` process) killed twice with SIGKILL.

The notices come from 100 dossiers received at the counter (the "received" template, in
Vietnamese with diacritics: over 70 characters, so two UCS-2 parts each). The fake modem logs
every part that reached the "network"; the figures: notices delivered, duplicated parts (must
be 0), notices lost (must be 0), bytes written to the serial port per notice, and the wall
time of the run.

    python -m bench.run notices
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.common import Row

REPO = Path(__file__).resolve().parent.parent
N = int(os.environ.get("BENCH_NOTICES", "100"))
TOML = """
[office]
name = "UBND xã Minh Châu"
[storage]
database = "office.sqlite3"
data_dir = "data"
[notify]
channels = ["modem"]
modem_port = "{port}"
retry_seconds = 1
max_attempts = 100
"""


def _desk(config: Path, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DESK_CONFIG": str(config), "PYTHONPATH": str(REPO),
           "DESK_NOW": "2026-11-23 09:00"}
    return subprocess.Popen([sys.executable, "-m", "desk.cli", *args], env=env,
                            cwd=config.parent, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)


def _wait_sent(rig: object, count: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while len(rig.sent()) < count and time.monotonic() < deadline:  # type: ignore[attr-defined]
        time.sleep(0.05)


def run() -> list[Row]:
    if shutil.which("socat") is None:
        return [Row("notices through the fake modem", 0, "", None, "socat missing")]
    from desk.config import load_settings
    from desk.domain.sms_pdu import decode_submit
    from desk.services.clock import fixed_clock
    from desk.services.context import DeskContext
    from desk.services.demo import seed_demo
    from desk.services.dossier.citizens import ApplicantIn
    from desk.services.dossier.intake import IntakeIn, receive
    from desk.services.notify.notices import list_notices
    from tests.conftest import local
    from tests.notify.harness import ModemRig

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rig = ModemRig(folder)
        config = folder / "desk.toml"
        config.write_text(TOML.format(port=rig.port), encoding="utf-8")
        ctx = DeskContext(load_settings(config), clock=fixed_clock(local(2026, 11, 23, 9, 0)))
        seed_demo(ctx, dossiers=False)
        codes = []
        for i in range(N):
            view = receive(ctx, IntakeIn(procedure_code="1.004873", applicant=ApplicantIn(
                name=f"Nguyễn Thị Hương {i}", phone=f"09{12000000 + i:08d}")),
                print_receipt=False)
            codes.append(view["code"])
        started = time.monotonic()
        rig.plug()
        desk = _desk(config, "notify", "run")
        kills = unplugs = 0
        try:
            _wait_sent(rig, N // 5 * 2, 120)  # ~20 notices (2 parts each)
            os.killpg(desk.pid, signal.SIGKILL)  # kill 1
            desk.wait()
            kills += 1
            desk = _desk(config, "notify", "run")
            _wait_sent(rig, N // 5 * 4, 120)
            rig.unplug()  # the USB stick pulled out mid-run
            unplugs += 1
            time.sleep(3)
            rig.plug()
            _wait_sent(rig, N // 5 * 6, 120)
            os.killpg(desk.pid, signal.SIGKILL)  # kill 2
            desk.wait()
            kills += 1
            desk = _desk(config, "notify", "run")
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline:
                rows = list_notices(ctx, limit=10 * N)
                if rows and all(r["status"] in ("sent", "delivered") for r in rows):
                    break
                time.sleep(0.5)
            time.sleep(3)  # the last delivery reports
        finally:
            if desk.poll() is None:
                os.killpg(desk.pid, signal.SIGTERM)
                desk.wait(10)
            rig.unplug()
        elapsed = time.monotonic() - started
        rows = list_notices(ctx, limit=10 * N)
        ctx.close()
        sent = rig.sent()
        per_part = Counter((str(decode_submit(str(p["pdu"]))["text"])[:0] + str(p["pdu"]))
                           for p in sent)
        duplicated = sum(n - 1 for n in per_part.values())
        texts: dict[str, str] = {}
        for p in sorted(sent, key=lambda p: (p["number"], p["ref"], p["seq"] or 0)):
            texts[f"{p['number']}/{p['ref']}"] = texts.get(f"{p['number']}/{p['ref']}", "") + \
                str(p["text"])
        arrived = sum(1 for code in codes if any(code in t for t in texts.values()))
        delivered = sum(1 for r in rows if r["status"] == "delivered")
        serial_bytes = sum(int(r["bytes"]) for r in rows)
        pdu_octets = sum(len(str(p["pdu"])) // 2 for p in sent)
    done = sum(1 for r in rows if r["status"] in ("sent", "delivered"))
    return [Row("notices written (100 dossiers received)", len(rows), ""),
            Row("notices sent (accepted by the network)", done, "", None,
                f"{kills} kills, {unplugs} unplug"),
            Row("notices with a delivery report", delivered, "", None,
                "reports sent while the desk was dead are not read back"),
            Row("notices whose whole text reached the network", arrived, ""),
            Row("parts sent twice (duplicates)", duplicated, "", 0),
            Row("notices lost", len(codes) - arrived, "", 0),
            Row("serial bytes written per notice", serial_bytes / max(1, len(rows)), "B"),
            Row("PDU octets on the air per notice", pdu_octets / max(1, len(rows)), "B"),
            Row("the whole run", elapsed, "s")]
