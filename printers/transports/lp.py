"""`lp:NAME`: hand a job (a PDF for A4 printers) to CUPS with `lp -d NAME`."""

from __future__ import annotations

import shutil
import subprocess

from printers.transports.base import Transport, TransportError

__all__ = ["LpTransport"]


class LpTransport(Transport):
    def __init__(self, url: str, destination: str) -> None:
        self.url, self.destination = url, destination
        exe = shutil.which("lp")
        if exe is None:
            raise TransportError("the `lp` command (CUPS) is not installed")
        self.exe = exe

    def write(self, data: bytes, timeout: float, *, name: str | None = None,
              stall: float | None = None) -> int:
        cmd = [self.exe, "-d", self.destination]
        if name:
            cmd += ["-t", name]
        try:
            done = subprocess.run(cmd, input=data, capture_output=True, timeout=timeout,
                                  check=False)
        except subprocess.TimeoutExpired:
            raise TransportError(f"lp -d {self.destination} timed out") from None
        except OSError as e:
            raise TransportError(f"lp failed: {e.strerror}") from None
        if done.returncode != 0:
            err = done.stderr.decode("utf-8", "replace").strip()
            raise TransportError(f"lp -d {self.destination}: {err or done.returncode}")
        return len(data)
