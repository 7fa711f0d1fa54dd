"""A chip ID card scanned into the intake form (issue 17 §1): the scanner types the card's QR
text fast and ends with Enter; the applicant fills in at once, from any field."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input, Static

from desk.app import DeskApp
from desk.services.context import DeskContext
from desk.services.dossier.citizens import lookup
from desk.services.dossier.views import show
from desk.services.trust.audit import entries
from screens.intake import IntakeScreen
from screens.widgets.choice_bar import ChoiceBar
from tests.screens.conftest import intake, settle

# An invented person: Hà Nội (001), 20th century female (1), born 1992.
CARD = "001192004567||TRẦN THỊ THU HƯƠNG|07081992|Nữ|Số 5 ngõ 12 phố Huế, Hai Bà Trưng, Hà Nội|" \
       "15032022|"
PROCEDURE_TEXT = "xac nhan hon"


def scan(app: DeskApp, text: str, t0: float = 5000.0, gap: float = 0.004) -> None:
    """Keys as a keyboard-wedge scanner sends them: a few milliseconds apart, then Enter."""
    for i, ch in enumerate([*text, "enter"]):
        key = "enter" if ch == "enter" else ("vertical_line" if ch == "|" else ch)
        event = events.Key(key, "\r" if ch == "enter" else ch)
        event.time = t0 + i * gap
        app.post_message(event)


async def _to_applicant(pilot: Any) -> IntakeScreen:
    await settle(pilot)
    await pilot.press("f2")
    await settle(pilot)
    await pilot.press(*PROCEDURE_TEXT, "enter", "a", "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, IntakeScreen)
    return screen


def _values(screen: IntakeScreen) -> dict[str, str]:
    out = {f: screen.query_one(f"#{f}", Input).value
           for f in ("name", "id_number", "birth_date", "address", "lookup", "procedure")}
    out["sex"] = screen.query_one("#sex", ChoiceBar).value
    return out


async def test_a_scan_fills_a_new_citizen_in_one_go(app: DeskApp, demo_ctx: DeskContext) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _to_applicant(pilot)
        assert app.focused is screen.query_one("#lookup")
        scan(app, CARD)
        await settle(pilot)
        v = _values(screen)
        assert v["name"] == "Trần Thị Thu Hương" and v["id_number"] == "001192004567"
        assert v["birth_date"] == "07/08/1992" and v["sex"] == "F"
        assert v["address"] == "Số 5 ngõ 12 phố Huế, Hai Bà Trưng, Hà Nội"
        assert v["lookup"] == ""  # the scanned keys never landed in the field
        assert app.focused is screen.query_one("#phone")  # the one thing a card lacks
        assert "Trần Thị Thu Hương" in str(screen.query_one("#lookup-info", Static).render())
        await pilot.press(*"0987654321", "f8")
        await settle(pilot)
        code = screen.last_result["code"]  # type: ignore[index]
    assert show(demo_ctx, code)["applicant"]["id_number"] == "001192004567"
    [saved] = lookup(demo_ctx, "001192004567")
    assert (saved["name"], saved["sex"], saved["birth_date"], saved["phone"]) == (
        "Trần Thị Thu Hương", "F", "1992-08-07", "0987654321")
    [entry] = [e for e in entries(demo_ctx, action="scan")]
    assert "HƯƠNG" not in str(entry) and "Hương" not in str(entry.get("detail"))


async def test_a_scan_into_a_telex_field_leaves_it_as_it_was(
        app: DeskApp, demo_ctx: DeskContext) -> None:
    """The name field composes Telex ("ee" → "ê"): the card's keys must not reach it."""
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _to_applicant(pilot)
        screen.query_one("#address").focus()
        await pilot.press(*"xom")
        await settle(pilot)
        scan(app, CARD)
        await settle(pilot)
        v = _values(screen)
        assert v["address"] == "Số 5 ngõ 12 phố Huế, Hai Bà Trưng, Hà Nội"
        assert v["name"] == "Trần Thị Thu Hương"


async def test_a_returning_citizen_is_matched_by_number_and_differences_shown(
        app: DeskApp, demo_ctx: DeskContext) -> None:
    intake(demo_ctx, "Trần Thị Hương", id_number="001192004567", phone="0912000111")
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _to_applicant(pilot)
        scan(app, CARD)
        await settle(pilot)
        assert screen.query_one("#phone", Input).value == "0912000111"
        info = str(screen.query_one("#lookup-info", Static).render())
        assert "Trần Thị Hương" in info and "Xóm 3, xã Minh Châu" in info  # on file vs card
        assert app.focused is screen.query_one("#channel")


async def test_a_mismatched_card_is_shown_and_not_silently_accepted(
        app: DeskApp, demo_ctx: DeskContext) -> None:
    card = CARD.replace("|Nữ|", "|Nam|")  # the number says female
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _to_applicant(pilot)
        scan(app, card)
        await settle(pilot)
        err = str(screen.query_one("#err-id_number", Static).render())
        assert "giới tính nữ" in err and "thẻ ghi nam" in err
        await pilot.press(*"0987654321", "f8")
        await settle(pilot)
        assert screen.last_result is None  # refused until the clerk checks the card


async def test_typing_slowly_is_never_a_scan(app: DeskApp, demo_ctx: DeskContext) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _to_applicant(pilot)
        text = "040095000123|x"
        scan(app, text[:-1] + "", t0=6000.0, gap=0.2)  # a person: 200 ms a key, then Enter
        await settle(pilot)
        assert screen.query_one("#name", Input).value == ""


async def test_a_dossier_code_scan_still_opens_the_dossier(
        app: DeskApp, demo_ctx: DeskContext) -> None:
    from screens.dossier import DossierScreen

    code = intake(demo_ctx)["code"]
    async with app.run_test(size=(100, 40)) as pilot:
        await _to_applicant(pilot)
        scan(app, code)
        await settle(pilot)
        assert isinstance(app.screen, DossierScreen)


def test_a_card_prefix_typed_by_hand_is_given_back() -> None:
    """A burst that starts like a card is held from the field; if it slows down, it was a
    person, and the held keys are given back, none lost."""
    from screens.scanner import ScanBuffer

    buf = ScanBuffer()
    for i, ch in enumerate("001192004567|Tr"):
        buf.feed(ch, 100 + i * 0.004)
    assert buf.holding
    buf.held = list("|Tr")  # what the app kept from the field
    assert buf.starts_burst(101.0)  # a slow key next
    assert buf.release() == ["|", "T", "r"] and buf.release() == []
