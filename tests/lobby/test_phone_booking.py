"""Booking an appointment from the citizen's phone (issue 18 §5): the form the desk serves,
posted over real HTTP and filled in a real headless Chromium from the ticket's status page;
the rules refuse in Vietnamese and keep what was typed; the code checks in at the kiosk."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from tests.lobby.harness import (
    BROWSER_ARGS,
    CHROMIUM,
    Office,
    fonts_not_from_the_desk,
    needs_chromium,
    screenshots_dir,
)

ID = "001099012345"
OTHER = "001199054321"
SLOTS = 'appointment_slots = ["09:30", "10:00"]\nappointment_capacity = 1\n'


@pytest.fixture
def booking_office(office: Office) -> Office:
    text = office.config.read_text(encoding="utf-8")
    office.config.write_text(text.replace('prefix = "A"\n', 'prefix = "A"\n' + SLOTS, 1),
                             encoding="utf-8")
    return office


def _code(html: str) -> str:
    m = re.search(r'id="code"[^>]*>([A-Z0-9]{6})<', html)
    assert m, html
    return m.group(1)


def test_the_phone_books_over_http_and_the_rules_answer(booking_office: Office) -> None:
    office = booking_office
    office.start()
    form = httpx.get(office.url + "/book")
    assert form.status_code == 200 and "Đặt lịch hẹn" in form.text
    assert '<option value="HT">Hộ tịch</option>' in form.text
    assert '<option value="2026-11-23">23/11/2026</option>' in form.text  # today (Monday)
    # + 6 working days of the office calendar: 24/11 is the Vietnamese Culture Day (off)
    assert '<option value="2026-12-02">02/12/2026</option>' in form.text
    assert "2026-11-24" not in form.text and "2026-12-03" not in form.text
    done = httpx.post(office.url + "/book", data={"service": "HT", "date": "2026-11-23",
                                                   "time": "09:30", "id": ID})
    assert done.status_code == 200, done.text
    code = _code(done.text)
    assert "Hộ tịch, ngày 23/11/2026 lúc 09:30" in done.text
    assert "từ 09:00 đến 09:45" in done.text
    assert ID not in done.text  # the number is not shown back once booked
    listed = json.loads(office.desk("appointment", "list", "--json").stdout)
    assert [(a["code"], a["channel"], a["time"]) for a in listed] == [(code, "phone", "09:30")]
    # the slot is full: refused in Vietnamese, what was typed is kept in the form
    full = httpx.post(office.url + "/book", data={"service": "HT", "date": "2026-11-23",
                                                   "time": "09:30", "id": OTHER})
    assert full.status_code == 422
    assert "Khung giờ 09:30 đã đủ người. Còn trống: 10:00." in full.text
    assert f'value="{OTHER}"' in full.text
    assert '<option value="09:30" selected>' in full.text
    bad = httpx.post(office.url + "/book", data={"service": "HT", "date": "2026-11-23",
                                                  "id": "12345"})
    assert bad.status_code == 422 and "12 chữ số" in bad.text
    empty = httpx.post(office.url + "/book", content=b"date=garbage",
                       headers={"content-type": "application/x-www-form-urlencoded"})
    assert empty.status_code == 422
    assert "Hãy chọn lĩnh vực, ngày và nhập số định danh." in empty.text
    r = office.desk("appointment", "checkin", code, "--no-print")
    assert "Số thứ tự: A001" in r.stdout


@pytest.fixture
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield b
        b.close()


@needs_chromium
def test_a_citizen_books_from_the_phone_page(booking_office: Office, browser: Any,
                                            tmp_path: Path) -> None:
    office = booking_office
    issued = json.loads(office.desk("queue", "issue", "CT", "--json", "--no-print").stdout)
    office.start()
    out = screenshots_dir(tmp_path)
    page = browser.new_page(viewport={"width": 390, "height": 844})
    hosts: list[str] = []
    page.on("request", lambda r: hosts.append(urlsplit(r.url).netloc or r.url[:5]))
    page.goto(issued["status_url"])
    page.click("text=Đặt lịch hẹn")
    page.wait_for_url(office.url + "/book")
    page.select_option("#date", "2026-11-25")
    page.select_option("#time", "10:00")
    page.fill("#id", "0010 9901 2345")  # spaces as people copy it from the card
    page.screenshot(path=str(out / "lobby-book-390x844.png"))
    assert fonts_not_from_the_desk(page) == []
    page.click("#submit")
    page.wait_for_selector("#code")
    assert page.text_content("#when") == "Hộ tịch, ngày 25/11/2026 lúc 10:00"
    page.screenshot(path=str(out / "lobby-booked-390x844.png"))
    assert fonts_not_from_the_desk(page) == []
    code = page.text_content("#code")
    listed = json.loads(office.desk("appointment", "list", "--date", "2026-11-25",
                                    "--json").stdout)
    assert [(a["code"], a["channel"]) for a in listed] == [(code, "phone")]
    page.click("text=Đặt lịch khác")  # the same person, the same slot: refused, kept
    page.select_option("#date", "2026-11-25")
    page.select_option("#time", "10:00")
    page.fill("#id", ID)
    page.click("#submit")
    page.wait_for_selector("#error")
    assert "Khung giờ 10:00 đã đủ người" in (page.text_content("#error") or "")
    assert page.input_value("#id") == ID
    page.screenshot(path=str(out / "lobby-book-refused-390x844.png"))
    assert set(hosts) == {f"127.0.0.1:{office.port}"}
