"""The counter's status line under the header: the four deadline counts and the sync state.

Shown on every screen of the counter app (not on the waiting-room display or the kiosk):
screens/base.DeskScreen mounts it after the Header when the app sets `show_status`.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import work

from desk.i18n import t
from desk.services.context import load_stack
from desk.services.deadlines.clock_check import describe_clock
from desk.services.deadlines.watch import counts
from desk.sync.runner import link_state
from desk.sync.status import sync_status
from screens.widgets.deadline_badge import ORDER, DeadlineBadge


class StatusLine(DeadlineBadge):
    def __init__(self) -> None:
        super().__init__(id="status-line")
        self.sync: dict[str, Any] | None = None
        self.clock_warning = ""

    @work(thread=True, exclusive=True, exit_on_error=False, group="status-line")
    def refresh_counts(self) -> None:
        load_stack()

        ctx = self.app.ctx  # type: ignore[attr-defined]
        c = counts(ctx).as_dict()
        sync = None
        runner = getattr(self.app, "background_sync", None)
        if runner is not None and runner.configured:
            st = sync_status(ctx, conflicts_limit=0)
            sync = {"online": runner.online, "pending": st["pending"],
                    "conflicts": st["conflicts"], "link": link_state(ctx)}
        clock = describe_clock(ctx)
        self.app.call_from_thread(self._show, c, sync, clock)

    def _show(self, counts: dict[str, Any], sync: dict[str, Any] | None,
              clock: tuple[str, str] = ("", "")) -> None:
        self.sync = sync
        self.clock_warning = clock[1]  # the whole sentence (tooltip, tests)
        extra = None
        if sync is not None:
            state = {True: t("status.online"), False: t("status.offline"),
                     None: t("status.checking")}[sync["online"]]
            extra = Text("   │ " + t("syncscreen.badge", state=state, pending=sync["pending"]))
            if sync["conflicts"]:
                extra.append(" · " + t("status.conflicts", n=sync["conflicts"]), style="bold")
            if sync.get("link") in ("insecure", "refused"):  # plain http: said, every time
                key = "status.insecure_http" if sync["link"] == "insecure" \
                    else "status.http_refused"
                extra.append(" · " + t(key), style="bold red")
        if clock[0]:  # a wrong office clock: the short word here, the sentence as tooltip
            extra = extra or Text()
            extra.append("   │ " + clock[0], style="bold red")
            self.tooltip = clock[1]
        self.show_counts(counts, extra)

__all__ = ["ORDER", "StatusLine"]
