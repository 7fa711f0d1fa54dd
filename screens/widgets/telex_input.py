"""An Input that types Vietnamese with Telex or VNI when the terminal has no input method.

One setting for the whole app cycles Telex → VNI → off (F9, `cycle_input_method`); every
`TelexInput` reads it on each key, and `InputMethodIndicator` shows it. With the method off
(the default: most counters have Unikey/EVKey) the widget is a plain Input.

What a clerk expects when no input method was on and they typed Telex anyway ("Phongf Taif
chinhs" in an apology reason, which then went onto the official letter): Vietnamese. So when
such a field is left with text that is plainly raw Telex (no Vietnamese letter in it, and words
that Telex makes into Vietnamese syllables: `desk.domain.telex.untelex`), the field shows the
converted text at once, the app's Telex is switched on for the next fields, and a notice says
so (F9 turns it off). What is saved and printed is what the field shows.

The tone of an open oa/oe/uy follows `[office] tone_style` (old: hòa, thủy — the default).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.screen import Screen
from textual.signal import Signal
from textual.widgets import Input, Static

from desk.i18n import t

if TYPE_CHECKING:
    from desk.domain.telex import Composer

CYCLE = ("off", "telex", "vni")
_ATTR = "desk_input_method"
_SIGNAL = "desk_input_method_signal"


def current_method(app: App[Any]) -> str:
    return str(getattr(app, _ATTR, "off"))


def method_signal(app: App[Any]) -> Signal[str]:
    signal: Signal[str] | None = getattr(app, _SIGNAL, None)
    if signal is None:
        signal = Signal(app, "input-method")
        setattr(app, _SIGNAL, signal)
    return signal


def set_method(app: App[Any], method: str) -> None:
    if method not in CYCLE:
        raise ValueError(method)
    setattr(app, _ATTR, method)
    method_signal(app).publish(method)


def cycle_method(app: App[Any]) -> str:
    """Telex → VNI → off → Telex; returns the new method."""
    now = current_method(app)
    new = CYCLE[(CYCLE.index(now) + 1) % len(CYCLE)]
    set_method(app, new)
    return new


def tone_style(app: App[Any]) -> str:
    """[office] tone_style: where the tone of an open oa/oe/uy goes (old: hòa, thủy)."""
    ctx = getattr(app, "ctx", None)
    return str(getattr(getattr(getattr(ctx, "settings", None), "office", None), "tone_style",
                       "old"))


def method_label(method: str) -> str:
    return t(f"telex.method.{method}")


class TelexInput(Input):
    """Input whose letters and digits pass through the Telex/VNI composer when it is on.

    Keys are composed into the text before the cursor; text after the cursor is kept.
    `compose_keys=False` makes it a plain Input (numbers, PINs)."""

    def __init__(self, *args: Any, compose_keys: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.compose_keys = compose_keys
        self._composer: Composer | None = None

    def _composer_for(self, method: str) -> Composer | None:
        if not self.compose_keys or method not in ("telex", "vni"):
            return None
        style = tone_style(self.app)
        if self._composer is None or self._composer.method != method \
                or self._composer.tone_style != style:
            # at the first key, not before the login's first paint
            from desk.domain.telex import Composer  # noqa: PLC0415

            self._composer = Composer(method, style)  # type: ignore[arg-type]
        return self._composer

    async def on_key(self, event: events.Key) -> None:
        char = event.character
        if not event.is_printable or char is None:
            return
        composer = self._composer_for(current_method(self.app))
        if composer is None or not self.selection.is_empty:
            return
        cursor = self.cursor_position
        head, tail = self.value[:cursor], self.value[cursor:]
        new_head = composer.feed(head, char)
        if self.max_length and len(new_head) + len(tail) > self.max_length:
            return
        event.stop()
        event.prevent_default()  # Input._on_key must not insert the key again
        self.value = new_head + tail
        self.cursor_position = len(new_head)

    def finish_word(self) -> None:
        """The word before the cursor is over: a held circumflex applies (khongo → không)."""
        if self._composer is None:
            return
        cursor = self.cursor_position
        head, tail = self.value[:cursor], self.value[cursor:]
        done = self._composer.finish(head)
        if done != head:
            self.value = done + tail
            self.cursor_position = len(done)

    async def action_submit(self) -> None:
        self.finish_word()  # Enter ends the word as a space would
        await super().action_submit()

    def on_blur(self, _event: events.Blur) -> None:
        self.end_typing()

    def end_typing(self) -> None:
        """The field is done with: a held word finished, raw Telex converted (as on leaving)."""
        if self._composer is not None:
            self.finish_word()
            self._composer.reset()
        self.convert_raw_telex()

    def convert_raw_telex(self) -> bool:
        """Raw Telex typed with the method off → Vietnamese, and Telex on (see the module)."""
        if not self.compose_keys or current_method(self.app) != "off":
            return False
        if not self.value or not self.value.isascii():
            return False  # nothing typed, or an input method was on
        # the first such field, not before the login's first paint
        from desk.domain.telex import untelex  # noqa: PLC0415

        fixed = untelex(self.value, tone_style(self.app))
        if fixed == self.value:
            return False
        self.value = fixed
        set_method(self.app, "telex")
        self.app.notify(t("telex.converted", text=fixed), timeout=8, markup=False)
        return True


def end_typing(screen: Screen[Any]) -> None:
    """F8 reads the form while a field still has the focus: that field first ends its typing,
    so what is saved is what the clerk reads once the field is left."""
    focused = screen.focused
    if isinstance(focused, TelexInput):
        focused.end_typing()


class InputMethodIndicator(Static):
    """`Bộ gõ: Telex (F9)` — the app's input method, updated when it changes."""

    DEFAULT_CSS = """
    InputMethodIndicator {
        width: auto;
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }
    InputMethodIndicator.-on {
        color: $text;
        background: $accent 30%;
    }
    """

    def on_mount(self) -> None:
        method_signal(self.app).subscribe(self, self._show)
        self._show(current_method(self.app))

    def on_unmount(self) -> None:
        # Textual forgets dead subscribers only when the signal fires (F9): until then the
        # callback would keep this closed indicator, and its modal's widgets, alive.
        method_signal(self.app).unsubscribe(self)

    def _show(self, method: str) -> None:
        self.update(t("telex.indicator", method=method_label(method)))
        self.set_class(method != "off", "-on")
