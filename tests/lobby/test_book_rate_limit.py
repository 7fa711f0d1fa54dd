"""The phone's booking form is rate-limited per client address (docs/security.md): a hostile
neighbour on the office Wi-Fi cannot fill the day's slots with made-up ID numbers. Over real
HTTP, against the `desk display --web` server in its own process."""

from __future__ import annotations

import json

import httpx

from desk.lobby.booking import BOOK_BURST, BOOK_EVERY
from desk.lobby.ratelimit import RateLimit
from tests.lobby.harness import Office

SLOTS = 'appointment_slots = ["09:30", "10:00"]\nappointment_capacity = 40\n'


def _made_up(i: int) -> str:
    return f"0010990{i:05d}"  # well-formed 12-digit numbers, each allowed 2 bookings a day


def _book(client: httpx.Client, office: Office, i: int) -> httpx.Response:
    return client.post(office.url + "/book", data={"service": "HT", "date": "2026-11-23",
                                                   "time": "09:30", "id": _made_up(i)})


def test_one_address_cannot_fill_the_slots(office: Office) -> None:
    text = office.config.read_text(encoding="utf-8")
    office.config.write_text(text.replace('prefix = "A"\n', 'prefix = "A"\n' + SLOTS, 1),
                             encoding="utf-8")
    office.start()
    with httpx.Client() as neighbour:
        for i in range(BOOK_BURST):
            assert _book(neighbour, office, i).status_code == 200
        refused = _book(neighbour, office, 99)
        assert refused.status_code == 429
        assert 1 <= int(refused.headers["retry-after"]) <= BOOK_EVERY
        assert "Thiết bị này đã gửi quá nhiều yêu cầu đặt lịch" in refused.text
        assert "thử lại sau 10 phút" in refused.text
        assert f'value="{_made_up(99)}"' in refused.text  # what was typed is kept
        assert _book(neighbour, office, 100).status_code == 429  # still refused
    # another phone on the same Wi-Fi (another address) books as usual
    other = httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.2"))
    with other:
        assert _book(other, office, 200).status_code == 200
    listed = json.loads(office.desk("appointment", "list", "--json").stdout)
    assert len(listed) == BOOK_BURST + 1


def test_the_bucket_refills_one_request_per_interval() -> None:
    now = [0.0]
    limit = RateLimit(3, 60.0, clock=lambda: now[0])
    assert [limit.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limit.take("a") == 60.0  # the fourth waits one interval
    assert limit.take("b") == 0.0  # addresses are counted apart
    now[0] = 59.0
    assert limit.take("a") == 1.0
    now[0] = 60.0
    assert limit.take("a") == 0.0 and limit.take("a") == 60.0
