"""Two series as block-character bars, one line per row (hours of a day, days of a period):
the first in green (█), the second in yellow (▒), scaled to the larger of all values."""

from __future__ import annotations

from collections.abc import Sequence

BAR_WIDTH = 30


def pair_bars(rows: Sequence[tuple[str, int, int]], width: int = BAR_WIDTH,
              digits: int = 3) -> str:
    top = max([1, *(max(a, b) for _, a, b in rows)])
    lines = []
    for label, a, b in rows:
        na, nb = round(a / top * width), round(b / top * width)
        lines.append(f"{label} [green]{'█' * na:<{width}}[/] {a:>{digits}}   "
                     f"[yellow]{'▒' * nb:<{width}}[/] {b:>{digits}}")
    return "\n".join(lines)
