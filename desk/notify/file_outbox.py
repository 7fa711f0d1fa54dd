"""Channel "file": notices written to a file that something else sends — for an office with
no modem and no SMS gateway of its own (a script beside a phone, a district's relay).

One JSON line per notice (UTF-8) appended to `<data dir>/sms_outbox.jsonl`:
`{"id", "at", "phone", "text", "code", "template"}`, `at` in office time. It is the file the
desk wrote before the notice outbox existed (services/sms.py), now filled by the one outbox
(desk/services/notices.py) and its worker, so it gets every notice, not the apology alone.

Exactly once: the line carries the notice's id. A retry after a crash between the write and
the record finds its id already in the file and only records it; a reader may also drop a
repeated id. A full disk or a read-only folder is a SendError: the notice waits and retries.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from desk.notify.base import SendError
from desk.services.clock import Clock
from storage.tables.notice import Notice

OUTBOX_NAME = "sms_outbox.jsonl"


class FileChannel:
    name = "file"
    _lock = threading.Lock()  # one line at a time from this process's threads

    def __init__(self, path: Path, clock: Clock, tz: str) -> None:
        self.path = path
        self.clock = clock
        self.tz = tz

    def _written(self, notice_id: str) -> bool:
        """Is this notice's line in the file already (a retry after a crash)?"""
        needle = f'"id": "{notice_id}"'
        try:
            with self.path.open(encoding="utf-8") as f:
                return any(needle in line for line in f)
        except FileNotFoundError:
            return False

    def send(self, notice: Notice, save: Callable[[Notice], None]) -> None:
        line = json.dumps({
            "id": str(notice.id), "at": self.clock().astimezone(ZoneInfo(self.tz)).isoformat(
                timespec="seconds"), "phone": notice.phone, "text": notice.text,
            "code": notice.dossier_code, "template": notice.template}, ensure_ascii=False)
        data = (line + "\n").encode("utf-8")
        try:
            with self._lock:
                if notice.attempts <= 1 or not self._written(str(notice.id)):
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    with self.path.open("ab") as f:  # one write: whole lines, even for readers
                        f.write(data)
                        f.flush()
                        os.fsync(f.fileno())
        except OSError as e:
            raise SendError(f"{self.path}: {e.strerror or e}") from None
        notice.channel_ref, notice.bytes_sent = self.path.name, len(data)
        save(notice)

    def poll(self) -> list[tuple[str, bool]]:
        return []  # a file reports no delivery

    def close(self) -> None:
        pass
