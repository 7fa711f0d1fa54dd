"""A fake GSM modem on a serial port (a socat pty), answering AT commands like a real one.

    python -m tests.notify.fake_modem PORT --state FILE [--no-sim] [--no-signal]
        [--fail-every N] [--report-delay S]

What it answers (3GPP TS 27.005/27.007, in the shape of common USB sticks):
- AT, ATE0/ATE1, AT+CMEE=1, AT+CMGF=0, AT+CNMI=…, AT+CPMS=…, AT+CSCS=… → OK;
- AT+CPIN? → +CPIN: READY, or +CME ERROR: 10 (SIM not inserted) with --no-sim;
- AT+CSQ → +CSQ: 21,99 (or 99,99 with --no-signal), AT+CREG? → +CREG: 0,1 (or 0,0);
- AT+CMGW=<len> → "> ", the PDU and Ctrl-Z → +CMGW: <index> (stored unsent, on the "SIM");
- AT+CMSS=<index> → +CMSS: <mr>, the stored message marked sent; +CMS ERROR: 38 (network out
  of order) every N-th send with --fail-every N, +CMS ERROR: 331 without signal, 321 for an
  empty index;
- AT+CMGS=<len> → "> ", PDU, Ctrl-Z → +CMGS: <mr>;
- AT+CMGR=<index> → +CMGR: <stat>,,<len> and the PDU (stat 2 = stored unsent, 3 = sent);
- AT+CMGD=<index> → OK; AT+CMGL=<stat> lists;
- after each send, a delivery report `+CDS: <len>` and an SMS-STATUS-REPORT PDU.
Unknown commands → ERROR. The SIM's storage lives in the --state JSON file, so it survives the
modem being unplugged (the process killed), like a real SIM; every message that reached the
"network" is appended to <state>.sent.jsonl, which the tests and the benchmark count.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

import serial

from desk.domain.sms_pdu import decode_submit, encode_status_report

CTRL_Z = b"\x1a"
ESCAPE = b"\x1b"


class FakeModem:
    def __init__(self, port: str, state: Path, *, sim: bool = True, signal: bool = True,
                 fail_every: int = 0, report_delay: float = 0.05) -> None:
        self.ser = serial.Serial(port, 115200, timeout=0.05)
        self.state_path = state
        self.sent_log = state.with_suffix(".sent.jsonl")
        self.sim, self.signal = sim, signal
        self.fail_every = fail_every
        self.report_delay = report_delay
        self.echo = True
        self.sends = 0
        self.lock = threading.Lock()
        data = json.loads(state.read_text()) if state.exists() else {}
        self.storage: dict[str, dict[str, Any]] = data.get("storage", {})
        self.mr: int = data.get("mr", 0)

    # -- persistence (the SIM) ------------------------------------------------------------

    def _save(self) -> None:
        tmp = self.state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"storage": self.storage, "mr": self.mr}))
        tmp.replace(self.state_path)

    def _network(self, pdu: str) -> int:
        """The message leaves: a reference, a line in the sent log, a report later."""
        self.mr = (self.mr + 1) % 256
        info = decode_submit(pdu)
        with self.sent_log.open("a", encoding="utf-8") as f:
            f.write(json.dumps({"mr": self.mr, "pdu": pdu, **info}, ensure_ascii=False) + "\n")
        if info["status_report"]:
            mr, number = self.mr, str(info["number"])
            threading.Timer(self.report_delay, self._report, (mr, number)).start()
        return self.mr

    def _report(self, mr: int, number: str) -> None:
        pdu = encode_status_report(mr, number, 0, date(2026, 1, 1))
        self._write(f"\r\n+CDS: {len(pdu) // 2 - 1}\r\n{pdu}\r\n")

    # -- the line discipline --------------------------------------------------------------

    def _write(self, text: str) -> None:
        with self.lock, contextlib.suppress(serial.SerialException, OSError):
            self.ser.write(text.encode("ascii"))

    def _reply(self, *lines: str) -> None:
        self._write("".join(f"\r\n{line}\r\n" for line in lines))

    def _read_pdu(self) -> str | None:
        """After "> ": hex up to Ctrl-Z (or None on ESC, the sender's cancel)."""
        buf = b""
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            chunk = self.ser.read(512)
            buf += chunk
            if CTRL_Z in buf:
                return buf.split(CTRL_Z)[0].decode("ascii", "replace").strip()
            if ESCAPE in buf:
                return None
        return None

    def serve(self) -> None:
        line = b""
        while True:
            try:
                ch = self.ser.read(1)
            except (serial.SerialException, OSError):
                return
            if not ch:
                continue
            if self.echo:
                with self.lock:
                    self.ser.write(ch)
            if ch in (b"\r", b"\n"):
                cmd = line.decode("ascii", "replace").strip()
                line = b""
                if cmd:
                    self.command(cmd)
            else:
                line += ch

    def command(self, cmd: str) -> None:
        up = cmd.upper()
        if not up.startswith("AT"):
            self._reply("ERROR")
            return
        body = up[2:]
        if body in ("", "E0", "E1", "+CMEE=1", "+CMGF=0", "Z") or body.startswith(
                ("+CNMI=", "+CPMS=", "+CSCS=", "+CSMS=")):
            if body == "E0":
                self.echo = False
            elif body == "E1":
                self.echo = True
            self._reply("OK")
        elif body == "+CPIN?":
            self._reply("+CPIN: READY", "OK") if self.sim else self._reply("+CME ERROR: 10")
        elif body == "+CSQ":
            self._reply(f"+CSQ: {21 if self.signal else 99},99", "OK")
        elif body == "+CREG?":
            self._reply(f"+CREG: 0,{1 if self.signal and self.sim else 0}", "OK")
        elif body.startswith(("+CMGW=", "+CMGS=")):
            self._write("\r\n> ")
            pdu = self._read_pdu()
            if pdu is None:
                self._reply("OK")
                return
            if not self.sim:
                self._reply("+CMS ERROR: 310")
            elif body.startswith("+CMGW="):
                index = str(next(i for i in range(1, 1000) if str(i) not in self.storage))
                self.storage[index] = {"stat": 2, "pdu": pdu}
                self._save()
                self._reply(f"+CMGW: {index}", "OK")
            else:
                error = self._send_error()
                self._reply(error) if error else self._reply(f"+CMGS: {self._network(pdu)}",
                                                             "OK")
        elif body.startswith("+CMSS="):
            index = body.split("=", 1)[1].split(",")[0]
            msg = self.storage.get(index)
            error = "+CMS ERROR: 321" if msg is None else self._send_error()
            if error:
                self._reply(error)
                return
            assert msg is not None
            mr = self._network(msg["pdu"])
            msg["stat"] = 3
            self._save()
            self._reply(f"+CMSS: {mr}", "OK")
        elif body.startswith("+CMGR="):
            msg = self.storage.get(body.split("=", 1)[1])
            if msg is None:
                self._reply("+CMS ERROR: 321")
            else:
                self._reply(f"+CMGR: {msg['stat']},,{len(msg['pdu']) // 2 - 1}\r\n{msg['pdu']}",
                            "OK")
        elif body.startswith("+CMGD="):
            self.storage.pop(body.split("=", 1)[1].split(",")[0], None)
            self._save()
            self._reply("OK")
        elif body.startswith("+CMGL="):
            want = int(body.split("=", 1)[1])
            rows = [f"+CMGL: {i},{m['stat']},,{len(m['pdu']) // 2 - 1}\r\n{m['pdu']}"
                    for i, m in sorted(self.storage.items(), key=lambda kv: int(kv[0]))
                    if want == 4 or m["stat"] == want]
            self._reply(*rows, "OK")
        else:
            self._reply("ERROR")

    def _send_error(self) -> str | None:
        if not self.signal:
            return "+CMS ERROR: 331"  # no network service
        self.sends += 1
        if self.fail_every and self.sends % self.fail_every == 0:
            return "+CMS ERROR: 38"  # network out of order
        return None


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("port")
    p.add_argument("--state", required=True, type=Path)
    p.add_argument("--no-sim", action="store_true")
    p.add_argument("--no-signal", action="store_true")
    p.add_argument("--fail-every", type=int, default=0)
    p.add_argument("--report-delay", type=float, default=0.05)
    a = p.parse_args()
    modem = FakeModem(a.port, a.state, sim=not a.no_sim, signal=not a.no_signal,
                      fail_every=a.fail_every, report_delay=a.report_delay)
    a.state.with_suffix(".ready").touch()  # the port is open: the harness may go on
    modem.serve()


if __name__ == "__main__":
    main()
