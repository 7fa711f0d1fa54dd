"""The counter's queue screen: who waits for which service, the ticket at the desk, the calls.

G call next (gọi) · L recall (gọi lại) · S call a number (số) · B start (bắt đầu) · X finish
(xong) · V no-show (vắng) · H hold (hoãn) · C transfer (chuyển) · P pause/reopen. Letters, not
F-keys: the F-keys keep their meaning on every screen (screens/keyplan.py). Every action is a
service call on a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.markup import escape
from textual import work
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Digits, Header, Input, Static

from desk.commands.crash import classify_exception
from desk.domain.errors import DomainError
from desk.i18n import render_error, t
from desk.services.queue import tickets as queue
from desk.services.queue.tickets import counter_state, waiting_summary
from screens.base import DeskScreen, translate_bindings
from screens.widgets.footer import DeskFooter

REFRESH_SECONDS = 1.0


class AskModal(ModalScreen[str | None]):
    """One line of input; Enter answers, Esc cancels (returns None)."""

    DEFAULT_CSS = """
    AskModal { align: center middle; }
    AskModal > Vertical {
        width: 72; height: auto; padding: 1 2; border: thick $primary; background: $surface;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "queue.key.cancel", id="ask.cancel",
                tooltip="queue.key.cancel.tip"),
    ]

    def __init__(self, prompt: str, value: str = "") -> None:
        super().__init__()
        self.prompt = prompt
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.prompt)
            yield Input(value=self.value, id="ask-input")

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translate_bindings(super().active_bindings)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


def minutes(seconds: float | None) -> str:
    return "—" if seconds is None else str(int(seconds // 60))


class CounterQueueScreen(DeskScreen):
    DEFAULT_CSS = """
    CounterQueueScreen #cq-head { height: 1; padding: 0 1; background: $boost; }
    CounterQueueScreen #cq-body { height: auto; padding: 1 1 0 1; }
    CounterQueueScreen #cq-current-box { width: 44; height: auto; border: round $primary;
        padding: 0 1; }
    CounterQueueScreen #cq-current { width: auto; color: $success; }
    CounterQueueScreen #cq-current.-priority { color: $warning; }
    CounterQueueScreen #cq-side { width: 1fr; height: auto; padding: 0 1; }
    CounterQueueScreen #cq-table { height: auto; max-height: 12; margin: 1 1 0 1; }
    CounterQueueScreen #cq-message { height: auto; padding: 1 1; color: $text-muted; }
    CounterQueueScreen #cq-message.-error { color: $error; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("g", "call_next", "queue.key.next", id="counter.next",
                tooltip="queue.key.next.tip"),
        Binding("l", "recall", "queue.key.recall", id="counter.recall",
                tooltip="queue.key.recall.tip"),
        Binding("s", "call_number", "queue.key.number", id="counter.number",
                tooltip="queue.key.number.tip"),
        Binding("b", "start", "queue.key.start", id="counter.start",
                tooltip="queue.key.start.tip"),
        Binding("x", "finish", "queue.key.finish", id="counter.finish",
                tooltip="queue.key.finish.tip"),
        Binding("v", "no_show", "queue.key.no_show", id="counter.no_show",
                tooltip="queue.key.no_show.tip"),
        Binding("h", "hold", "queue.key.hold", id="counter.hold",
                tooltip="queue.key.hold.tip"),
        Binding("c", "transfer", "queue.key.transfer", id="counter.transfer",
                tooltip="queue.key.transfer.tip"),
        Binding("p", "pause", "queue.key.pause", id="counter.pause",
                tooltip="queue.key.pause.tip"),
    ]

    def __init__(self, counter: int, *, clerk: str = "") -> None:
        super().__init__()
        self.counter = counter
        self.clerk = clerk
        self.state: Any = None
        self._feed: Any = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="cq-head")
        with Horizontal(id="cq-body"):
            with Vertical(id="cq-current-box"):
                yield Digits("", id="cq-current")
                yield Static(id="cq-current-info")
            with Vertical(id="cq-side"):
                yield Static(id="cq-here")
                yield Static(id="cq-held")
        yield DataTable(id="cq-table", cursor_type="none", zebra_stripes=True)
        yield Static(id="cq-message")
        yield DeskFooter()

    def on_mount(self) -> None:
        table = self.query_one("#cq-table", DataTable)
        for key in ("service", "waiting", "priority", "oldest", "target"):
            table.add_column(t(f"queue.counter.col.{key}"), key=key)
        self.reload()
        self.set_interval(REFRESH_SECONDS, self._tick)

    def on_unmount(self) -> None:
        if self._feed is not None:
            self._feed.close()

    def _tick(self) -> None:
        self.reload()

    # ------------------------------------------------------------ reading

    @work(thread=True, exclusive=True, group="counter-refresh", exit_on_error=False)
    def reload(self) -> None:
        state = counter_state(self.ctx, self.counter)
        waiting = waiting_summary(self.ctx)
        self.app.call_from_thread(self._show, state, waiting)

    def _show(self, state: Any, waiting: list[Any]) -> None:
        self.state = state
        names = {s.code: s.name for s in self.ctx.settings.queue.services}
        status = t("queue.counter.paused") if state.paused else t("queue.counter.open")
        colour = "red" if state.paused else "green"
        services = ", ".join(escape(names.get(c, c)) for c in state.services)
        self.query_one("#cq-head", Static).update(
            f"[b]{escape(t('queue.counter.title', name=state.name))}[/b]  ·  "
            f"{t('queue.counter.services', services=services)}  ·  [{colour}]{status}[/]")
        digits = self.query_one("#cq-current", Digits)
        info = self.query_one("#cq-current-info", Static)
        cur = state.current
        if cur is None:
            digits.update("")
            info.update(t("queue.counter.none"))
            digits.remove_class("-priority")
        else:
            digits.update(cur.label)
            digits.set_class(cur.priority, "-priority")
            wait = (cur.called_at - cur.issued_at).total_seconds() if cur.called_at else None
            text = t("queue.counter.current", state=t(f"queue.state.{cur.state}"),
                     service=escape(names.get(cur.service_code, cur.service_code)),
                     wait=minutes(wait), recalls=cur.recalls)
            if cur.priority_reason:
                text += "\n[b]" + t("queue.counter.priority",
                                    reason=t(f"queue.reason.{cur.priority_reason}")) + "[/b]"
            info.update(text)
        self.query_one("#cq-here", Static).update(
            t("queue.counter.waiting_here", n=state.waiting_here, served=state.served_today))
        held = ", ".join(h.label for h in state.held)
        self.query_one("#cq-held", Static).update(
            t("queue.counter.held", labels=held) if held else "")
        table = self.query_one("#cq-table", DataTable)
        table.clear()
        for w in waiting:
            if w.code not in state.services:
                continue
            late = w.oldest_wait_seconds is not None and \
                w.oldest_wait_seconds > w.wait_target_minutes * 60
            oldest = minutes(w.oldest_wait_seconds)
            table.add_row(f"{w.prefix} — {escape(w.name)}", str(w.waiting),
                          str(w.priority_waiting), f"[red]{oldest}[/]" if late else oldest,
                          str(w.wait_target_minutes), key=w.code)

    def message(self, text: str, *, error: bool = False) -> None:
        msg = self.query_one("#cq-message", Static)
        msg.update(text)
        msg.set_class(error, "-error")

    # ------------------------------------------------------------ acting

    @work(thread=True, group="counter-act", exit_on_error=False)
    def _run(self, fn: Callable[[], Any], done: Callable[[Any], str]) -> None:
        try:
            result = fn()
        except DomainError as e:
            self.app.call_from_thread(self.message, render_error(e), error=True)
        except Exception as e:  # e.g. a database locked for too long
            self.app.call_from_thread(self.message, classify_exception(e)[0], error=True)
        else:
            self.app.call_from_thread(self.message, done(result))
        self.app.call_from_thread(self.reload)

    def _actor(self) -> Any:
        """The signed-in clerk (the desk's login, or `desk queue counter --clerk` with a PIN):
        the queue service checks their role and counter (issue 15)."""
        return getattr(self.app, "actor", None)

    def _state_text(self, v: Any) -> str:
        return t("queue.counter.done", label=v.label, state=t(f"queue.state.{v.state}"))

    def action_call_next(self) -> None:
        def done(v: Any) -> str:
            if v is None:
                return t("queue.counter.nobody")
            return t("queue.counter.called", label=v.label, counter=self.counter)

        self._run(lambda: queue.call_next(self.ctx, self.counter, clerk=self.clerk,
                                          actor=self._actor()), done)

    def _act(self, action: str, **kw: Any) -> None:
        self._run(lambda: queue.act(self.ctx, action, counter=self.counter, clerk=self.clerk,
                                    actor=self._actor(), **kw), self._state_text)

    def action_recall(self) -> None:
        self._act("recall")

    def action_start(self) -> None:
        self._act("start")

    def action_no_show(self) -> None:
        self._act("no_show")

    def action_hold(self) -> None:
        self._act("hold")

    def action_call_number(self) -> None:
        def answered(label: str | None) -> None:
            if label:
                self._run(lambda: queue.call_number(self.ctx, self.counter, label,
                                                    clerk=self.clerk, actor=self._actor()),
                          lambda v: t("queue.counter.called", label=v.label,
                                      counter=self.counter))

        self.app.push_screen(AskModal(t("queue.counter.ask_number")), answered)

    def action_finish(self) -> None:
        def answered(code: str | None) -> None:
            if code is not None:
                self._act("finish", dossier_code=code or None)

        self.app.push_screen(AskModal(t("queue.counter.ask_dossier")), answered)

    def action_transfer(self) -> None:
        def answered(target: str | None) -> None:
            if not target:
                return
            if target.isdigit():
                kw: dict[str, Any] = {"to_counter": int(target)}
                where = t("queue.counter.to_counter", counter=target)
            else:
                kw = {"to_service": target}
                where = t("queue.counter.to_service", service=target.upper())
            self._run(lambda: queue.transfer(self.ctx, self.counter, clerk=self.clerk,
                                             actor=self._actor(), **kw),
                      lambda v: t("queue.counter.transferred", label=v.label, target=where))

        self.app.push_screen(AskModal(t("queue.counter.ask_transfer")), answered)

    def action_pause(self) -> None:
        paused = bool(self.state and self.state.paused)

        def toggle() -> bool:
            if paused:
                return queue.resume(self.ctx, self.counter, clerk=self.clerk, actor=self._actor())
            return queue.pause(self.ctx, self.counter, clerk=self.clerk, actor=self._actor())

        self._run(toggle, lambda _: t("queue.cli.resumed" if paused else "queue.cli.paused",
                                      counter=self.counter))
