"""Notices through a GSM modem (issue 17 §3): the real AT/PDU bytes over a socat pty to a fake
modem that answers like a real one, errors and all."""

from __future__ import annotations

import dataclasses
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.config import NotifyConfig
from desk.domain.sms_pdu import decode_submit
from desk.notify.channels import ModemChannel
from desk.services.context import DeskContext
from desk.services.notify import notices
from desk.services.notify.worker import NoticeWorker, drain
from tests.notify.harness import ModemRig

pytestmark = pytest.mark.skipif(shutil.which("socat") is None, reason="needs socat")

LONG_VI = ("Hồ sơ H41-261123-0001 của Ông/Bà đã được tiếp nhận tại UBND xã Minh Châu. "
           "Hẹn trả kết quả lúc 09:00 ngày 30/11/2026.")


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[ModemRig]:
    r = ModemRig(tmp_path)
    yield r
    r.unplug()


@pytest.fixture
def mctx(ctx: DeskContext, rig: ModemRig) -> DeskContext:
    notify = NotifyConfig(channels=("modem",), modem_port=rig.port, max_attempts=5)
    ctx.settings = dataclasses.replace(ctx.settings, notify=notify)
    return ctx


def _channel(ctx: DeskContext, rig: ModemRig, **kw: object) -> ModemChannel:
    return ModemChannel(ctx, rig.port, timeout=5.0, **kw)  # type: ignore[arg-type]


def _due_now(ctx: DeskContext) -> None:
    """Backoff pushed the notices out; the test moves them back instead of sleeping."""
    from sqlmodel import select

    from storage.engine import write_session
    from storage.tables.notice import Notice

    with write_session(ctx.engine) as s:
        for n in s.exec(select(Notice)):
            n.next_at = n.created_at.replace(year=2000)
            s.add(n)


def test_vietnamese_over_70_chars_goes_as_two_ucs2_parts_and_is_delivered(
        mctx: DeskContext, rig: ModemRig) -> None:
    rig.plug()
    notices.send(mctx, "0912345678", LONG_VI)
    ch = _channel(mctx, rig)
    assert drain(mctx, 20, {"modem": ch}) == 1
    parts = rig.sent()
    assert len(parts) == 2 and all(p["ucs2"] for p in parts)
    assert "".join(str(p["text"]) for p in parts) == LONG_VI
    assert {p["number"] for p in parts} == {"84912345678"}
    worker = NoticeWorker(mctx, {"modem": _channel(mctx, rig)})
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        worker.run_once()  # reads the +CDS reports
        if notices.list_notices(mctx)[0]["status"] == "delivered":
            break
    [n] = notices.list_notices(mctx)
    assert n["status"] == "delivered" and n["parts"] == 2 and n["bytes"] > 0


def test_gsm7_option_sends_one_unaccented_part(mctx: DeskContext, rig: ModemRig) -> None:
    rig.plug()
    notices.send(mctx, "0912345678", LONG_VI)
    drain(mctx, 20, {"modem": _channel(mctx, rig, gsm7=True)})
    [part] = rig.sent()
    assert not part["ucs2"] and str(part["text"]).startswith("Ho so H41-261123-0001 cua Ong/Ba")


def test_cms_error_38_is_retried_later_and_sent_once(mctx: DeskContext, rig: ModemRig) -> None:
    rig.plug("--fail-every", "2")  # the 2nd, 4th… send gets +CMS ERROR: 38
    notices.send(mctx, "0912345678", LONG_VI)
    drain(mctx, 20, {"modem": _channel(mctx, rig)})
    [n] = notices.list_notices(mctx)
    assert n["status"] == "waiting" and "+CMS ERROR: 38" in n["last_error"]
    assert len(rig.sent()) == 1  # part 1 left, part 2 refused
    _due_now(mctx)
    drain(mctx, 20, {"modem": _channel(mctx, rig)})
    assert notices.list_notices(mctx)[0]["status"] in ("sent", "delivered")
    assert "".join(str(p["text"]) for p in rig.sent()) == LONG_VI  # part 1 not sent again


def test_no_sim_and_no_modem_never_block_nor_lose(mctx: DeskContext, rig: ModemRig) -> None:
    notices.send(mctx, "0912345678", "Thử")
    started = time.monotonic()
    drain(mctx, 20, {"modem": _channel(mctx, rig)})  # nothing plugged in
    assert time.monotonic() - started < 5
    [n] = notices.list_notices(mctx)
    assert n["status"] == "waiting" and "absent" in n["last_error"]
    rig.plug("--no-sim")
    _due_now(mctx)
    drain(mctx, 20, {"modem": _channel(mctx, rig)})
    [n] = notices.list_notices(mctx)
    assert n["status"] == "waiting" and "SIM" in n["last_error"] and rig.sent() == []
    rig.unplug()
    rig.plug()
    _due_now(mctx)
    drain(mctx, 20, {"modem": _channel(mctx, rig)})
    assert notices.list_notices(mctx)[0]["status"] in ("sent", "delivered") and len(rig.sent()) == 1


def test_a_crash_between_send_and_record_does_not_send_twice(
        mctx: DeskContext, rig: ModemRig) -> None:
    """The desk dies right after AT+CMSS answered, before it wrote the reference: the SIM
    says "stored sent", so the retry records it and sends only what is left."""
    rig.plug()
    notices.send(mctx, "0912345678", LONG_VI)
    ch = _channel(mctx, rig)
    worker = NoticeWorker(mctx, {"modem": ch})
    real_save = worker._save

    def dying_save(notice: object) -> None:
        parts = notice.parts  # type: ignore[attr-defined]
        if parts and parts[0]["state"] == "sent":
            raise KeyboardInterrupt  # the process is gone before this write
        real_save(notice)  # type: ignore[arg-type]

    worker._save = dying_save  # type: ignore[method-assign]
    with pytest.raises(KeyboardInterrupt):
        worker.run_once()
    ch.close()
    assert len(rig.sent()) == 1
    drain(mctx, 20, {"modem": _channel(mctx, rig)})  # a new desk: recover() + send
    sent = rig.sent()
    assert [decode_submit(str(p["pdu"]))["seq"] for p in sent] == [1, 2]
    assert notices.list_notices(mctx)[0]["status"] in ("sent", "delivered")


def test_an_orphan_on_the_sim_is_deleted_not_sent(mctx: DeskContext, rig: ModemRig) -> None:
    """AT+CMGW answered but the desk died before recording the index."""
    rig.plug()
    notices.send(mctx, "0912345678", "Tin nhắn ngắn")
    ch = _channel(mctx, rig)
    worker = NoticeWorker(mctx, {"modem": ch})
    real_save = worker._save

    def dying_save(notice: object) -> None:
        parts = notice.parts  # type: ignore[attr-defined]
        if parts and parts[0]["state"] == "stored":
            raise KeyboardInterrupt
        real_save(notice)  # type: ignore[arg-type]

    worker._save = dying_save  # type: ignore[method-assign]
    with pytest.raises(KeyboardInterrupt):
        worker.run_once()
    ch.close()
    import json

    assert len(json.loads(rig.state.read_text())["storage"]) == 1  # the orphan
    drain(mctx, 20, {"modem": _channel(mctx, rig)})
    assert len(rig.sent()) == 1
    assert json.loads(rig.state.read_text())["storage"] == {}


def test_opted_out_phone_gets_nothing(mctx: DeskContext) -> None:
    notices.opt_out(mctx, "+84 912 345 678")
    from desk.domain.errors import DomainError

    with pytest.raises(DomainError) as e:
        notices.send(mctx, "0912345678", "x")
    assert e.value.key == "notify.opted_out"
