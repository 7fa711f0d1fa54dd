"""A GSM/3G USB modem on a serial port, driven with AT commands in PDU mode (3GPP TS 27.005).

Exactly once, even if the desk dies between the send and its record: a part is first written
to the SIM's storage (AT+CMGW → index, recorded), then sent from there (AT+CMSS → reference).
The modem itself marks a stored message "sent" (stat 3) when it leaves, so after a crash the
worker asks the SIM (AT+CMGR) instead of guessing: sent → record it, unsent → send it now.

Every call has a timeout; a port that vanished (modem unplugged), a SIM missing or no signal
raises ModemError, which the worker turns into a retry later: the desk never waits on it.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

import serial

from desk.domain.sms_pdu import StatusReport, decode_status_report

CTRL_Z = b"\x1a"
ESC = b"\x1b"
_FINAL = re.compile(r"^(OK|ERROR|\+CMS ERROR: ?\d+|\+CME ERROR: ?.+)$")
STORED_UNSENT, STORED_SENT = 2, 3
# +CMS errors worth a later retry (network, signal, busy); others mean this PDU is refused.
TEMPORARY_CMS = frozenset({38, 41, 42, 47, 98, 111, 301, 302, 310, 314, 320, 322, 331, 332,
                           500, 512, 513, 514, 515})


class ModemError(Exception):
    """The modem could not do it now (absent, no SIM, no signal, a timeout...)."""

    def __init__(self, message: str, *, code: int | None = None, temporary: bool = True) -> None:
        super().__init__(message)
        self.code = code
        self.temporary = temporary


@dataclass(frozen=True, slots=True)
class ModemStatus:
    present: bool
    sim: bool = False
    signal: int | None = None  # 0–31, None when unknown (99)
    error: str = ""


class GsmModem:
    """One open modem. Not thread-safe: one worker owns it."""

    def __init__(self, port: str, *, baudrate: int = 115200, timeout: float = 5.0,
                 on_report: Callable[[StatusReport], None] | None = None) -> None:
        self.timeout = timeout
        self.on_report = on_report
        self.bytes_written = 0
        try:
            self.ser = serial.serial_for_url(port, baudrate=baudrate, timeout=0.05,
                                             write_timeout=timeout)
        except (serial.SerialException, OSError, ValueError) as e:
            raise ModemError(f"cannot open {port}: {e}") from None
        self._pending = ""

    def close(self) -> None:
        with contextlib.suppress(serial.SerialException, OSError):
            self.ser.close()

    # -- the line protocol ----------------------------------------------------------------

    def _send(self, data: bytes) -> None:
        try:
            self.ser.write(data)
            self.bytes_written += len(data)
        except (serial.SerialException, OSError) as e:
            raise ModemError(f"write failed: {e}") from None

    def _read_some(self) -> str:
        try:
            chunk: bytes = self.ser.read(512)  # pyserial has no type information
            return chunk.decode("ascii", "replace")
        except (serial.SerialException, OSError) as e:
            raise ModemError(f"read failed: {e}") from None

    def _lines_until(self, done: Callable[[str], bool], timeout: float) -> list[str]:
        """Lines up to one `done` says is last; unsolicited +CDS reports are taken out."""
        deadline = time.monotonic() + timeout
        lines: list[str] = []
        while True:
            while "\n" in self._pending:
                line, self._pending = self._pending.split("\n", 1)
                line = line.strip()
                if not line:
                    continue
                if line.startswith("+CDS:"):
                    self._take_report()
                    continue
                lines.append(line)
                if done(line):
                    return lines
            if done(self._pending.strip()) and self._pending.strip():
                lines.append(self._pending.strip())
                self._pending = ""
                return lines
            if time.monotonic() > deadline:
                raise ModemError("no answer from the modem")
            self._pending += self._read_some()

    def _take_report(self) -> None:
        """The PDU line after +CDS: <len>."""
        deadline = time.monotonic() + self.timeout
        while "\n" not in self._pending.lstrip("\r\n"):
            if time.monotonic() > deadline:
                return
            self._pending += self._read_some()
        self._pending = self._pending.lstrip("\r\n")
        pdu, self._pending = self._pending.split("\n", 1)
        with contextlib.suppress(Exception):  # a garbled report is dropped, never fatal
            report = decode_status_report(pdu.strip())
            if self.on_report is not None:
                self.on_report(report)

    def command(self, cmd: str, timeout: float | None = None) -> list[str]:
        """Send one AT command; its answer lines without the echo and the final OK."""
        self._send(cmd.encode("ascii") + b"\r")
        lines = self._lines_until(lambda s: bool(_FINAL.match(s)), timeout or self.timeout)
        lines = [ln for ln in lines if ln != cmd]  # the echo, if ATE0 was not yet taken
        final = lines[-1]
        if final == "OK":
            return lines[:-1]
        raise _error(final)

    def _with_pdu(self, cmd: str, pdu: str) -> list[str]:
        self._send(cmd.encode("ascii") + b"\r")
        self._lines_until(lambda s: s.startswith(">") or bool(_FINAL.match(s)), self.timeout)
        self._send(pdu.encode("ascii") + CTRL_Z)
        lines = self._lines_until(lambda s: bool(_FINAL.match(s)), self.timeout * 6)
        if lines[-1] != "OK":
            raise _error(lines[-1])
        return lines[:-1]

    # -- what the worker uses -------------------------------------------------------------

    def setup(self) -> None:
        """Echo off, numeric errors, PDU mode, SIM present, delivery reports on."""
        self.command("ATE0")
        self.command("AT+CMEE=1")
        self.command("AT+CMGF=0")
        try:
            answer = self.command("AT+CPIN?")
        except ModemError as e:  # +CME ERROR: 10 on most sticks
            raise ModemError(f"no SIM card ({e})", code=e.code) from None
        if not any("READY" in ln for ln in answer):
            raise ModemError(f"SIM not ready: {' '.join(answer)}")
        self.command("AT+CNMI=2,1,0,1,0")  # status reports straight to us as +CDS

    def status(self) -> ModemStatus:
        try:
            self.command("AT")
            sim = any("READY" in ln for ln in self.command("AT+CPIN?"))
            csq = next((ln for ln in self.command("AT+CSQ") if ln.startswith("+CSQ:")), "")
        except ModemError as e:
            return ModemStatus(present=True, error=str(e))
        rssi = int(csq.split(":")[1].split(",")[0]) if csq else 99
        return ModemStatus(present=True, sim=sim, signal=None if rssi == 99 else rssi)

    def store(self, pdu: str, tpdu_length: int) -> int:
        lines = self._with_pdu(f"AT+CMGW={tpdu_length},2", pdu)
        return _number(lines, "+CMGW:")

    def send_stored(self, index: int) -> int:
        return _number(self.command(f"AT+CMSS={index}", self.timeout * 6), "+CMSS:")

    def stored_stat(self, index: int) -> int | None:
        """2 stored unsent, 3 stored sent, None when the index is empty."""
        try:
            lines = self.command(f"AT+CMGR={index}")
        except ModemError as e:
            if e.code == 321:  # invalid memory index: nothing there
                return None
            raise
        head = next((ln for ln in lines if ln.startswith("+CMGR:")), None)
        return int(head.split(":")[1].split(",")[0]) if head else None

    def delete(self, index: int) -> None:
        self.command(f"AT+CMGD={index}")

    def stored_unsent(self) -> list[int]:
        lines = self.command(f"AT+CMGL={STORED_UNSENT}")
        return [int(ln.split(":")[1].split(",")[0]) for ln in lines if ln.startswith("+CMGL:")]

    def poll_reports(self, seconds: float = 0.1) -> None:
        """Read what the modem said on its own (delivery reports) for a moment."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self._pending += self._read_some()
            while "+CDS:" in self._pending:
                _, after = self._pending.split("+CDS:", 1)
                if "\n" not in after:
                    break
                _, self._pending = after.split("\n", 1)
                self._take_report()


def _number(lines: list[str], prefix: str) -> int:
    line = next((ln for ln in lines if ln.startswith(prefix)), None)
    if line is None:
        raise ModemError(f"no {prefix} in the answer")
    return int(line.split(":")[1].strip().split(",")[0])


def _error(final: str) -> ModemError:
    m = re.search(r"(\d+)$", final)
    code = int(m.group(1)) if m else None
    if final.startswith("+CMS ERROR") and code is not None:
        return ModemError(final, code=code, temporary=code in TEMPORARY_CMS)
    return ModemError(final, code=code)
