"""`desk display --web` over real HTTP: the TV's state, its live stream and catch-up, the phone
page, and nothing that comes from outside the desk."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from html.parser import HTMLParser

import httpx

from tests.lobby.harness import Office

EXTERNAL = re.compile(r"(?:https?:)?//[\w-]+(?:\.[\w-]+)+", re.I)


def _events(office: Office, path: str, until: str, *, headers: dict[str, str] | None = None,
            timeout: float = 10) -> list[tuple[str, dict]]:
    """Read server-sent events from `path` until one of kind `until` arrives."""
    out: list[tuple[str, dict]] = []
    with httpx.stream("GET", office.url + path, headers=headers, timeout=timeout) as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        kind = ""
        for line in r.iter_lines():
            if line.startswith("event: "):
                kind = line[7:]
            elif line.startswith("data: "):
                out.append((kind, json.loads(line[6:])))
                if kind == until:
                    return out
    return out


def _state_when(office: Office, ready: Callable[[dict], bool], path: str = "",
                timeout: float = 3) -> dict:
    """`path`/state once it shows another process's commit: the server notices a commit at
    its next poll (every 0.1 s), not at the instant the other process exits."""
    deadline = time.monotonic() + timeout
    while True:
        st = httpx.get(office.url + path + "/state").json()
        if ready(st) or time.monotonic() > deadline:
            return st
        time.sleep(0.05)


def test_state_follows_calls_made_by_other_processes(office: Office) -> None:
    for _ in range(3):
        office.desk("queue", "issue", "HT", "--no-print")
    office.start()
    st = httpx.get(office.url + "/state").json()
    assert st["current"] is None and st["office"] == "UBND xã Quỳnh Lưu (thử nghiệm)"
    assert st["notices"][1] == "Thứ Bảy tiếp nhận hồ sơ đất đai."  # the ticker, from desk.toml
    assert st["now"].startswith("2026-11-23T09:00")  # the desk's clock (DESK_NOW) for the TV's
    assert {s["code"]: s["waiting"] for s in st["services"]} == {"HT": 3, "CT": 0, "CU": 0,
                                                                 "DD": 0}
    assert office.desk("queue", "call", "1").stdout.strip() == "A001"
    assert office.desk("queue", "call", "2").stdout.strip() == "A002"
    st = _state_when(office, lambda st: len(st["recent"]) == 1)
    assert (st["current"]["label"], st["current"]["counter"]) == ("A002", 2)
    assert st["current"]["words"] == "Mời số A hai đến quầy số hai"
    assert [c["label"] for c in st["recent"]] == ["A001"]
    # the TV bug of issue 18: a number transferred back to waiting is no longer "called"
    office.desk("queue", "act", "A002", "transfer", "--service", "CT")
    st = _state_when(office, lambda st: st["current"]["label"] != "A002")
    assert st["current"]["label"] == "A001"
    assert "A002" not in [c["label"] for c in st["recent"]]
    assert {s["code"]: s["waiting"] for s in st["services"]}["CT"] == 1


def test_stream_sends_new_calls_and_catches_up_after_a_drop(office: Office) -> None:
    for _ in range(4):
        office.desk("queue", "issue", "HT", "--no-print")
    office.start()
    first = _events(office, "/events", "state")
    assert [k for k, _ in first] == ["state"]  # a fresh page gets no backlog to speak
    seen = first[-1][1]["last_seq"]
    # the page is gone (cable pulled); two calls happen meanwhile
    office.desk("queue", "call", "1")
    office.desk("queue", "call", "2")
    _state_when(office, lambda st: (st["current"] or {}).get("label") == "A002")
    back = _events(office, f"/events?after={seen}", "state")
    calls = [d for k, d in back if k == "call"]
    assert [(c["label"], c["counter"]) for c in calls] == [("A001", 1), ("A002", 2)]
    assert all(c["fresh"] for c in calls)
    assert calls[0]["clips"][0] == "/static/audio/chime.opus"
    # EventSource's own reconnect sends Last-Event-ID instead of ?after
    again = _events(office, "/events", "state", headers={"Last-Event-ID": str(calls[0]["seq"])})
    assert [d["label"] for k, d in again if k == "call"] == ["A002"]


def test_phone_page_follows_its_ticket_without_personal_data(office: Office) -> None:
    office.desk("queue", "issue", "HT", "--no-print")
    issued = json.loads(office.desk("queue", "issue", "HT", "--no-print", "--json").stdout)
    url = issued["status_url"]
    assert url.startswith(office.url + "/t/") and issued["wait_minutes"] is not None
    office.start()
    path = url.removeprefix(office.url)
    page = httpx.get(url)
    assert page.status_code == 200 and "Số của bạn" in page.text
    st = httpx.get(office.url + path + "/state").json()
    assert (st["label"], st["state"], st["ahead"], st["serving"]) == ("A002", "WAITING", 1, None)
    assert set(st) == {"office", "now", "found", "label", "service", "state", "state_text",
                       "counter", "serving", "ahead", "wait_minutes", "wait_text"}
    office.desk("queue", "call", "1")
    st = _state_when(office, lambda st: st["serving"] is not None, path)
    assert (st["ahead"], st["serving"]) == (0, "A001")
    office.desk("queue", "call", "2")
    _state_when(office, lambda st: st["state"] == "CALLED", path)
    events = _events(office, path + "/events", "status")
    assert events[-1][1]["state_text"] == "Mời bạn đến quầy 2"
    # a transfer keeps the link working: it follows the ticket's new leg
    office.desk("queue", "act", "A002", "transfer", "--service", "CT")
    st = _state_when(office, lambda st: st["state"] == "WAITING", path)
    assert (st["state"], st["service"]) == ("WAITING", "Chứng thực")
    assert httpx.get(office.url + "/t/0123456789abcdef/state").json()["found"] is False


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.links.append(value)


def test_every_asset_comes_from_the_desk(office: Office) -> None:
    issued = json.loads(office.desk("queue", "issue", "HT", "--no-print", "--json").stdout)
    office.start()
    pages = ["/", issued["status_url"].removeprefix(office.url)]
    fetched: dict[str, str] = {}
    todo = list(pages)
    while todo:
        path = todo.pop()
        if path in fetched or path.startswith("data:"):
            continue
        r = httpx.get(office.url + path)
        assert r.status_code == 200, path
        text = r.text if not path.startswith("/fonts/") else ""
        fetched[path] = text
        assert not EXTERNAL.search(text), (path, EXTERNAL.search(text))
        if path.endswith(".css"):
            todo += re.findall(r"url\(\"?([^\")]+)\"?\)", text)
        elif not path.endswith(".js"):
            parser = _Links()
            parser.feed(text)
            todo += parser.links
    assert {"/static/lobby.css", "/static/display.css", "/static/live.js", "/static/display.js",
            "/static/phone.js", "/fonts/text.ttf", "/fonts/digits.ttf"} <= set(fetched)
    for path in [p for p in fetched if p.startswith("/fonts/")]:
        assert httpx.get(office.url + path).content[:4] == b"\x00\x01\x00\x00"  # TrueType
