"""Issue 17 §3: one outbox. The old SMS file (services/sms.py) is retired; an office without a
modem or a gateway gets the "file" channel of the notice outbox (the default): every notice
as one JSON line in <data dir>/sms_outbox.jsonl, exactly once, never blocking the desk."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from sqlmodel import select

from desk.notify.base import SendError
from desk.notify.file_outbox import OUTBOX_NAME, FileChannel
from desk.services.context import DeskContext
from desk.services.notify import notices
from desk.services.notify import worker as notice_worker
from storage.engine import write_session
from storage.tables.notice import Notice
from tests.screens.conftest import intake


def _lines(ctx: DeskContext) -> list[dict[str, str]]:
    path = ctx.settings.data_dir / OUTBOX_NAME
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def test_there_is_one_outbox_and_the_file_is_its_default_channel(demo_ctx: DeskContext) -> None:
    assert importlib.util.find_spec("desk.services.sms") is None  # the old path is gone
    assert demo_ctx.settings.notify.channels == ("file",)
    code = intake(demo_ctx)["code"]
    [waiting] = notices.list_notices(demo_ctx)
    assert waiting["channel"] == "file" and waiting["status"] == "waiting"
    assert notice_worker.flush_files(demo_ctx) == 1
    [line] = _lines(demo_ctx)
    assert line["id"] == waiting["id"] and line["phone"] == "0912345678"
    assert line["code"] == code and "Hẹn trả kết quả lúc 09:00 27/11/2026" in line["text"]
    assert line["at"] == "2026-11-23T09:00:00+07:00"  # office time, the desk's clock
    [sent] = notices.list_notices(demo_ctx)
    assert sent["status"] == "sent" and sent["bytes"] == len(
        (json.dumps(line, ensure_ascii=False) + "\n").encode())
    assert notice_worker.flush_files(demo_ctx) == 0  # nothing twice


def test_a_retry_after_a_crash_between_write_and_record_writes_no_second_line(
        demo_ctx: DeskContext) -> None:
    intake(demo_ctx)
    channel = FileChannel(demo_ctx.settings.data_dir / OUTBOX_NAME, demo_ctx.now,
                          demo_ctx.settings.office.timezone)
    with write_session(demo_ctx.engine) as s:
        n = s.exec(select(Notice)).one()
        s.expunge(n)
    n.attempts = 1
    channel.send(n, lambda _n: None)  # written; the desk dies before recording it
    n.attempts = 2  # the worker takes it again after the restart
    channel.send(n, lambda _n: None)
    assert len(_lines(demo_ctx)) == 1


def test_a_folder_that_cannot_be_written_keeps_the_notice_waiting(demo_ctx: DeskContext,
                                                                  tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    channel = FileChannel(blocker / OUTBOX_NAME, demo_ctx.now, demo_ctx.settings.office.timezone)
    intake(demo_ctx)
    assert notice_worker.drain(demo_ctx, 2.0, channels={"file": channel}) == 1
    [n] = notices.list_notices(demo_ctx)
    assert n["status"] == "waiting" and "not-a-folder" in n["last_error"]
    try:
        channel.send(Notice(source="x", template="manual", channel="file", phone="0912345678",
                            text="t", next_at=demo_ctx.now(), created_at=demo_ctx.now()),
                     lambda _n: None)
    except SendError as e:
        assert not e.final
    else:
        raise AssertionError("no SendError")
