"""Pick one paper of a dossier to print (or print again): digits or ↑↓ and Enter; Esc closes.
Returns the paper's id (desk.services.printing.papers.Paper.id) or None."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from desk.i18n import t
from desk.services.printing.spooler import printer_label
from screens.base import translate_bindings


def paper_label(ctx: Any, paper: Any) -> str:
    where = t("papers.on_a4" if paper.kind == "a4" else "papers.on_thermal",
              printer=printer_label(ctx, paper.printer))  # the clerk's name, not the toml key
    title = paper.title[:1] + paper.title[1:].lower()  # the set's title, not shouted
    if not paper.number:  # a paper of the set that is not a numbered form (the guide slip)
        return f"{title} — {where}"
    return f"{t('papers.form_label', number=paper.number, title=title)} — {where}"


class PaperPicker(ModalScreen[str | None]):
    DEFAULT_CSS = """
    PaperPicker { align: center middle; }
    PaperPicker > Vertical { width: 76; max-width: 98%; height: auto; max-height: 90%;
                             border: thick $accent; background: $surface; padding: 0 1; }
    PaperPicker #papers-title { text-style: bold; margin-bottom: 1; }
    PaperPicker OptionList { height: auto; max-height: 12; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "papers.key.cancel", id="papers.cancel",
                tooltip="papers.key.cancel.tip"),
        *[Binding(str(n), f"pick({n - 1})", show=False) for n in range(1, 10)],
    ]

    def __init__(self, ctx: Any, code: str, papers: list[Any]) -> None:
        super().__init__()
        self.ctx = ctx
        self.code = code
        self.papers = papers

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translate_bindings(super().active_bindings)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(t("papers.title", code=self.code)), id="papers-title")
            if not self.papers:
                yield Static(Text(t("papers.none")))
            yield OptionList(*[Option(Text(f"{i}. {paper_label(self.ctx, p)}"), id=p.id)
                               for i, p in enumerate(self.papers, 1)], id="papers")

    def on_mount(self) -> None:
        self.query_one("#papers", OptionList).focus()

    def action_pick(self, index: int) -> None:
        if 0 <= index < len(self.papers):
            self.dismiss(self.papers[index].id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_pick(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)
