"""The two ways a notice leaves the desk: a GSM modem on a serial port, an HTTP gateway.

ModemChannel — exactly once per part through the SIM's storage (see desk/notify/modem.py):
    each part's PDU is kept on the notice (so a retry sends the very same bytes), written to
    the SIM (AT+CMGW, index recorded), sent from there (AT+CMSS, reference recorded), deleted.
    A part with an index but no reference is asked about (AT+CMGR): "stored sent" means it
    left before the desk died, so it is recorded, not sent again.
HttpChannel — one request per notice, shaped by [notify.http] (URL, auth header, template id,
    body with placeholders). The notice's id goes in an idempotency header, so the gateway
    drops a repeat after a crash between its answer and our record; its message id is kept.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable
from typing import Any

from sqlmodel import col, select

from desk import environment
from desk.config import HttpGatewayConfig
from desk.domain.sms_pdu import StatusReport, encode_submit, unaccent
from desk.notify.base import Channel, SendError
from desk.notify.file_outbox import OUTBOX_NAME, FileChannel
from desk.notify.modem import STORED_SENT, GsmModem, ModemError
from desk.services.context import DeskContext
from storage.engine import read_session
from storage.tables.notice import Notice


def _ref_key(ref: str) -> str:
    return f",{ref},"


class ModemChannel:
    name = "modem"

    def __init__(self, ctx: DeskContext, port: str, *, baudrate: int = 115200,
                 gsm7: bool = False, timeout: float = 5.0) -> None:
        self.ctx = ctx
        self.port = port
        self.baudrate = baudrate
        self.gsm7 = gsm7
        self.timeout = timeout
        self.modem: GsmModem | None = None
        self._reports: list[StatusReport] = []
        self._lock = threading.Lock()

    # -- the port ---------------------------------------------------------------------------

    def _open(self) -> GsmModem:
        if self.modem is not None:
            return self.modem
        if not self.port:
            raise SendError("no modem port configured ([notify] modem_port)")
        try:
            modem = GsmModem(self.port, baudrate=self.baudrate, timeout=self.timeout,
                             on_report=self._on_report)
        except ModemError as e:
            raise SendError(f"modem absent: {e}") from None
        try:
            modem.setup()
            self._clean_orphans(modem)
        except ModemError as e:
            modem.close()
            raise SendError(f"modem not ready: {e}") from None
        self.modem = modem
        return modem

    def _drop(self) -> None:
        if self.modem is not None:
            self.modem.close()
            self.modem = None

    def _on_report(self, report: StatusReport) -> None:
        with self._lock:
            self._reports.append(report)

    def _clean_orphans(self, modem: GsmModem) -> None:
        """Stored-unsent messages no notice points at (the desk died between AT+CMGW's answer
        and recording the index): delete them, or they would never be sent nor freed."""
        known: set[int] = set()
        with read_session(self.ctx.engine) as s:
            for n in s.exec(select(Notice).where(
                    Notice.channel == self.name,
                    col(Notice.status).in_(("waiting", "sending", "failed")))):
                known |= {int(p["index"]) for p in n.parts
                          if p.get("index") is not None and p.get("state") != "sent"}
        for index in modem.stored_unsent():
            if index not in known:
                with contextlib.suppress(ModemError):
                    modem.delete(index)

    # -- sending ----------------------------------------------------------------------------

    def _parts(self, notice: Notice) -> list[dict[str, Any]]:
        if notice.parts:
            return [dict(p) for p in notice.parts]
        text = unaccent(notice.text) if self.gsm7 else notice.text
        ref = notice.id.int % 256  # the same on every try: the phone joins the parts by it
        return [{"seq": p.seq, "pdu": p.pdu, "len": p.tpdu_length, "state": "new",
                 "index": None, "ref": None}
                for p in encode_submit(notice.phone, text, gsm7=self.gsm7, ref=ref)]

    def send(self, notice: Notice, save: Callable[[Notice], None]) -> None:
        parts = self._parts(notice)
        if not notice.parts:
            notice.parts = parts
            save(notice)
        modem = self._open()
        before = modem.bytes_written
        try:
            for p in parts:
                if p["state"] == "sent":
                    continue
                self._send_part(modem, notice, parts, p, save)
        except ModemError as e:
            notice.bytes_sent += modem.bytes_written - before
            if not e.temporary:
                raise SendError(str(e), final=True) from None
            if e.code is None:  # the port itself failed: reopen next time
                self._drop()
            raise SendError(str(e)) from None
        notice.bytes_sent += modem.bytes_written - before
        save(notice)

    def _send_part(self, modem: GsmModem, notice: Notice, parts: list[dict[str, Any]],
                   p: dict[str, Any], save: Callable[[Notice], None]) -> None:
        if p["index"] is not None:
            stat = modem.stored_stat(int(p["index"]))
            if stat == STORED_SENT:  # it left before the desk died: record, do not resend
                p["state"] = "sent"
                p["ref"] = p["ref"] or "?"
                notice.parts = parts
                save(notice)
                with contextlib.suppress(ModemError):
                    modem.delete(int(p["index"]))
                return
            if stat is None:  # the SIM lost it (another SIM?): store it again
                p["index"] = None
        if p["index"] is None:
            p["index"] = modem.store(p["pdu"], int(p["len"]))
            p["state"] = "stored"
            notice.parts = parts
            save(notice)
        mr = modem.send_stored(int(p["index"]))
        p["state"], p["ref"] = "sent", f"m{mr}"
        notice.parts = parts
        notice.channel_ref = "," + ",".join(str(q["ref"]) for q in parts if q["ref"]) + ","
        save(notice)
        with contextlib.suppress(ModemError):
            modem.delete(int(p["index"]))

    def poll(self) -> list[tuple[str, bool]]:
        if self.modem is not None:
            try:
                self.modem.poll_reports(0.05)
            except ModemError:
                self._drop()
        with self._lock:
            reports, self._reports = self._reports, []
        return [(f"m{r.reference}", r.delivered) for r in reports if r.final]

    def close(self) -> None:
        self._drop()


def _field(data: Any, path: str) -> str:
    for key in path.split("."):
        if not isinstance(data, dict) or key not in data:
            return ""
        data = data[key]
    return str(data)


def _json_text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)[1:-1]


class HttpChannel:
    """[notify.http]: any gateway that takes one HTTP request per message."""

    name = "http"

    def __init__(self, config: HttpGatewayConfig, token: str = "") -> None:
        self.config = config
        self.token = token or config.auth_value

    def body(self, notice: Notice) -> str:
        text = unaccent(notice.text) if self.config.strip_accents else notice.text
        values = {"phone": notice.phone, "phone84": "84" + notice.phone[1:],
                  "text": text, "template_id": self.config.template_id,
                  "code": notice.dossier_code or "", "id": str(notice.id),
                  "template": notice.template}
        out = self.config.body
        for key, value in values.items():
            out = out.replace("{" + key + "}", _json_text(value))
        return out

    def send(self, notice: Notice, save: Callable[[Notice], None]) -> None:
        import httpx  # noqa: PLC0415 — only this channel needs it, ~40 ms to import

        cfg = self.config
        if not cfg.url:
            raise SendError("no gateway URL configured ([notify.http] url)", final=True)
        body = self.body(notice).encode("utf-8")
        headers = {"Content-Type": "application/json; charset=utf-8",
                   cfg.idempotency_header: str(notice.id)}
        if cfg.auth_header and self.token:
            headers[cfg.auth_header] = self.token
        try:
            r = httpx.request(cfg.method, cfg.url, content=body, headers=headers,
                              timeout=cfg.timeout_seconds)
        except httpx.HTTPError as e:
            raise SendError(f"gateway unreachable: {e.__class__.__name__}") from None
        notice.bytes_sent += len(body)
        if r.status_code == 409:  # it has this idempotency key already: it was sent
            save(notice)
            return
        if r.status_code in (408, 425, 429) or r.status_code >= 500:
            raise SendError(f"gateway HTTP {r.status_code}")
        if r.status_code >= 400:
            raise SendError(f"gateway refused: HTTP {r.status_code} {r.text[:200]}", final=True)
        with contextlib.suppress(ValueError):
            notice.channel_ref = _field(r.json(), cfg.id_field)
        save(notice)

    def poll(self) -> list[tuple[str, bool]]:
        return []

    def close(self) -> None:
        return None


def build_channels(ctx: DeskContext) -> dict[str, Channel]:
    cfg = ctx.settings.notify
    out: dict[str, Channel] = {}
    if "modem" in cfg.channels:
        out["modem"] = ModemChannel(ctx, cfg.modem_port, baudrate=cfg.modem_baud, gsm7=cfg.gsm7)
    if "http" in cfg.channels:
        out["http"] = HttpChannel(cfg.http, environment.get(environment.NOTIFY_TOKEN))
    if "file" in cfg.channels:  # no modem, no gateway: a file something else sends from
        out["file"] = FileChannel(ctx.settings.data_dir / OUTBOX_NAME, ctx.now,
                                  ctx.settings.office.timezone)
    return out
