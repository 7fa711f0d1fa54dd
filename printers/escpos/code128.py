"""CODE128 with optimal code-set choice (B for text, C for digit pairs).

`plan(data)` finds by dynamic programming the shortest symbol sequence using code sets B
and C (data is printable ASCII, so code A is never needed). It yields both the ESC/POS
GS k m=73 payload ("{B"/"{C" prefixes, digit pairs as byte values 0..99) and the module
pattern for drawing the barcode ourselves (raster fallback and decoder preview).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Plan", "escpos_payload", "modules", "parse_payload", "plan"]

_START = {"B": 104, "C": 105}
_SWITCH = {"B": 100, "C": 99}  # value of "Code B" / "Code C" symbols


@dataclass(frozen=True)
class Plan:
    """Segments of (code set, text); `symbols` counts start + data + switches (no check)."""

    segments: tuple[tuple[str, str], ...]
    symbols: int


def plan(data: str) -> Plan:
    if not data or any(not 32 <= ord(c) < 127 for c in data):
        raise ValueError("CODE128 data must be non-empty printable ASCII")
    n = len(data)
    inf = 10**9
    # best[i][s]: (cost, back) to have encoded data[:i] and be in set s
    best: list[dict[str, tuple[int, tuple[int, str] | None]]] = [
        {"B": (inf, None), "C": (inf, None)} for _ in range(n + 1)]
    best[0] = {"B": (1, None), "C": (1, None)}  # the start symbol
    for i in range(n):
        for s in ("B", "C"):
            cost = best[i][s][0]
            if cost >= inf:
                continue
            for t in ("B", "C"):
                step = 2 if t == "C" else 1
                pair = data[i:i + 2]
                if t == "C" and not (len(pair) == 2 and pair.isdigit()):
                    continue
                c = cost + 1 + (0 if s == t else 1)
                if c < best[i + step][t][0]:
                    best[i + step][t] = (c, (i, s))
    end = min(("B", "C"), key=lambda s: (best[n][s][0], s != "B"))
    segs: list[tuple[str, str]] = []
    i, s = n, end
    while i > 0:
        back = best[i][s][1]
        assert back is not None
        j, prev = back
        if segs and segs[-1][0] == s:
            segs[-1] = (s, data[j:i] + segs[-1][1])
        else:
            segs.append((s, data[j:i]))
        i, s = j, prev
    segs.reverse()
    return Plan(tuple(segs), best[n][end][0])


def _values(p: Plan) -> list[int]:
    vals: list[int] = []
    for k, (cs, text) in enumerate(p.segments):
        vals.append(_START[cs] if k == 0 else _SWITCH[cs])
        if cs == "C":
            vals.extend(int(text[i:i + 2]) for i in range(0, len(text), 2))
        else:
            vals.extend(ord(c) - 32 for c in text)
    check = (vals[0] + sum(i * v for i, v in enumerate(vals) if i)) % 103
    return [*vals, check]


def modules(data: str) -> str:
    """The bar pattern as '1'/'0' modules, without quiet zones."""
    # python-barcode's package loads all its writers: only a drawn barcode needs its table
    from barcode.charsets.code128 import CODES, STOP  # noqa: PLC0415

    return "".join(str(CODES[v]) for v in _values(plan(data))) + str(STOP) + "11"


def escpos_payload(data: str) -> bytes:
    """Data bytes for GS k 73 n d1..dn."""
    out = bytearray()
    for cs, text in plan(data).segments:
        out += b"{" + cs.encode()
        if cs == "C":
            out += bytes(int(text[i:i + 2]) for i in range(0, len(text), 2))
        else:
            out += text.replace("{", "{{").encode("ascii")
    return bytes(out)


def parse_payload(payload: bytes) -> str:
    """Inverse of escpos_payload (for the decoder): recover the human-readable data."""
    out: list[str] = []
    cs = "B"
    i = 0
    while i < len(payload):
        b = payload[i]
        if b == 0x7B and i + 1 < len(payload):
            nxt = chr(payload[i + 1])
            if nxt in "ABC":
                cs = nxt
                i += 2
                continue
            if nxt == "{":
                out.append("{")
                i += 2
                continue
        out.append(f"{b:02d}" if cs == "C" else chr(b))
        i += 1
    return "".join(out)
