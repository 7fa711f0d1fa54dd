"""The header with the office's clock: Textual's HeaderClock shows the machine's local time
(UTC on a server or a badly set PC), while everything else on screen is office time
([office] timezone, read through the desk's injected clock)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Header
from textual.widgets._header import HeaderClock, HeaderClockSpace, HeaderIcon, HeaderTitle


def office_time(app: Any, fmt: str = "%H:%M:%S") -> str:
    """The time on the office's clock (`app.ctx`), or '' for an app without one."""
    ctx = getattr(app, "ctx", None)
    return ctx.local_now().strftime(fmt) if ctx is not None else ""


class OfficeClock(HeaderClock):
    def render(self) -> Text:
        return Text(office_time(self.app, self.time_format))


class OfficeHeader(Header):
    """`Header(show_clock=True)` whose clock reads the office's clock."""

    def compose(self) -> ComposeResult:
        yield HeaderIcon().data_bind(Header.icon)
        yield HeaderTitle()
        yield (OfficeClock().data_bind(Header.time_format) if self._show_clock
               else HeaderClockSpace())
