"""ESC/POS real-time status (DLE EOT n) and its parsed form.

Each reply is one byte whose bits 0, 1, 4 and 7 are fixed (0, 1, 1, 0), so `0x12` is "all
clear" and a byte that breaks the pattern is not a status reply (an echo, line noise).
- n=1 printer status: bit 3 offline.
- n=2 offline cause: bit 2 cover open, bit 5 printing stopped by paper end, bit 6 error.
- n=3 error cause: bit 3 auto-cutter error, bit 5 unrecoverable, bit 6 auto-recoverable.
- n=4 paper roll sensor: bits 2-3 paper near end, bits 5-6 paper end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["QUERIES", "PrinterStatus", "is_status_byte", "parse_status", "query"]

QUERIES = (1, 2, 3, 4)


def query(n: int) -> bytes:
    """The DLE EOT n command (3 bytes)."""
    return bytes((0x10, 0x04, n))


def is_status_byte(b: int) -> bool:
    return b & 0x93 == 0x12


@dataclass(frozen=True)
class PrinterStatus:
    """What the printer said. `responding=False` means it said nothing in time."""

    responding: bool = True
    online: bool = True
    cover_open: bool = False
    paper_out: bool = False
    paper_near_end: bool = False
    error: bool = False
    raw: dict[int, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Ready to print (paper near end is only a warning)."""
        return (self.responding and self.online and not self.cover_open
                and not self.paper_out and not self.error)

    @property
    def state(self) -> str:
        """One word for screens and logs: ok, silent, cover_open, paper_out, error,
        offline or near_end (ok but paper running low)."""
        if not self.responding:
            return "silent"
        for name in ("cover_open", "paper_out", "error"):
            if getattr(self, name):
                return name
        if not self.online:
            return "offline"
        return "near_end" if self.paper_near_end else "ok"

    def as_dict(self) -> dict[str, object]:
        return {"state": self.state, "ok": self.ok, "responding": self.responding,
                "online": self.online, "cover_open": self.cover_open,
                "paper_out": self.paper_out, "paper_near_end": self.paper_near_end,
                "error": self.error, "raw": {str(k): f"0x{v:02x}" for k, v in self.raw.items()}}


SILENT = PrinterStatus(responding=False, online=False)


def parse_status(replies: dict[int, int]) -> PrinterStatus:
    """Combine the replies to DLE EOT 1..4 (any subset; a missing n means "not asked")."""
    valid = {n: b for n, b in replies.items() if is_status_byte(b)}
    if not valid:
        return SILENT
    s1, s2, s3, s4 = (valid.get(n, 0x12) for n in QUERIES)
    return PrinterStatus(
        responding=True,
        online=not s1 & 0x08,
        cover_open=bool(s2 & 0x04),
        paper_out=bool(s2 & 0x20) or bool(s4 & 0x60),
        paper_near_end=bool(s4 & 0x0C),
        error=bool(s2 & 0x40) or bool(s3 & 0x68),
        raw=valid,
    )
