"""A fake modem on a socat pty pair, as a process that can be unplugged and plugged back."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


class ModemRig:
    """`port` is the desk's end; the fake modem owns the other. `unplug()` kills both (the
    port disappears, like a USB stick pulled out); `plug()` brings them back with the same
    SIM (its storage is a file)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = str(folder / "ttyDESK")
        self.modem_end = str(folder / "ttyMODEM")
        self.state = folder / "sim.json"
        self.procs: list[subprocess.Popen[bytes]] = []

    def plug(self, *flags: str) -> ModemRig:
        """Plug the modem in, answering as `flags` say (tests/notify/fake_modem.py)."""
        socat = subprocess.Popen(
            ["socat", f"pty,raw,echo=0,link={self.port}",
             f"pty,raw,echo=0,link={self.modem_end}"], start_new_session=True)
        deadline = time.monotonic() + 5
        while not (os.path.exists(self.port) and os.path.exists(self.modem_end)):
            if time.monotonic() > deadline:
                raise RuntimeError("socat made no pty")
            time.sleep(0.02)
        ready = self.state.with_suffix(".ready")
        ready.unlink(missing_ok=True)
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        modem = subprocess.Popen(
            [sys.executable, "-m", "tests.notify.fake_modem", self.modem_end,
             "--state", str(self.state), *flags], env=env, cwd=REPO,
            start_new_session=True)
        self.procs = [socat, modem]
        deadline = time.monotonic() + 30  # a loaded machine starts Python slowly
        while not ready.exists():
            if time.monotonic() > deadline or modem.poll() is not None:
                raise RuntimeError("the fake modem did not start")
            time.sleep(0.02)
        return self

    def unplug(self) -> None:
        for p in reversed(self.procs):
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
                p.wait(5)
        self.procs = []

    def sent(self) -> list[dict[str, object]]:
        """Every part that reached the "network", in order."""
        log = self.state.with_suffix(".sent.jsonl")
        if not log.exists():
            return []
        return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]

    def messages(self) -> dict[tuple[str, int | None], list[dict[str, object]]]:
        """Sent parts grouped per message (number + concatenation ref, or per part)."""
        out: dict[tuple[str, int | None], list[dict[str, object]]] = {}
        for i, p in enumerate(self.sent()):
            key = (str(p["number"]), p["ref"] if p["ref"] is not None else -i - 1)
            out.setdefault(key, []).append(p)  # type: ignore[arg-type]
        return out
