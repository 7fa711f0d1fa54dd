"""The paper ticket's QR and `desk queue issue --json` carry the same phone link, and the
ticket tells the estimate."""

from __future__ import annotations

import pytest
from sqlmodel import select

from desk.config import Settings
from desk.lobby.urls import status_url
from desk.services.context import DeskContext
from desk.services.queue import tickets as queue
from printers.document import to_text
from printers.escpos import PRESETS, decode_image
from printers.layouts.ticket import TicketData, build_ticket
from storage.engine import read_session
from storage.tables import PrintJob
from tests.conftest import local
from tests.queue.conftest import COUNTERS, SERVICES

zxingcpp = pytest.importorskip("zxingcpp", reason="pip install zxing-cpp to read barcodes")


@pytest.fixture
def lctx(tmp_path) -> DeskContext:  # type: ignore[no-untyped-def]
    settings = Settings.from_dict({
        "storage": {"database": str(tmp_path / "q.sqlite3"), "data_dir": str(tmp_path)},
        "queue": {"services": SERVICES, "counters": COUNTERS,
                  "web_url": "http://192.168.1.20:8080/"}})
    c = DeskContext(settings, clock=lambda: local(2026, 11, 23, 9, 0))
    yield c
    c.close()


def test_ticket_qr_is_the_status_url(lctx: DeskContext) -> None:
    queue.issue(lctx, "HT", print_ticket=False)
    issued = queue.issue(lctx, "HT")
    assert issued.status_url == status_url(lctx.settings, issued.ticket.id.hex)
    assert issued.status_url == f"http://192.168.1.20:8080/t/{issued.ticket.id.hex}"
    assert issued.wait_minutes is not None
    with read_session(lctx.engine) as s:
        job = s.exec(select(PrintJob).where(PrintJob.ref == "A002")).one()
    profile = PRESETS[job.profile]
    found = zxingcpp.read_barcodes(decode_image(job.data, profile))
    assert [r.text for r in found if r.format == zxingcpp.BarcodeFormat.QRCode] == \
        [issued.status_url]
    assert f"khoảng {issued.wait_minutes} phút" in job.transcript


def test_ticket_without_link_prints_as_before() -> None:
    data = TicketData("UBND xã A", "Hộ tịch", "A015", local(2026, 11, 23, 9, 0), 3)
    text = to_text(build_ticket(data), 42)
    assert "Quét mã" not in text and "dự kiến" not in text
