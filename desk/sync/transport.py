"""HTTP to the district: signed requests, timeouts that fire on a silent link, and the rule
that only the API's own JSON envelope counts as an answer (a captive portal is "offline")."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx

from desk.sync import protocol as P


def wall_clock() -> float:
    """This machine's clock (a commune PC may be off by a day); tests replace it."""
    return time.time()


class SyncError(Exception):
    """Base: `code` is a short machine word, the message key is sync.<code>."""

    code = "error"

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or self.code)
        self.detail = detail


class Offline(SyncError):
    code = "offline"

    def __init__(self, detail: str = "", retry_after: float | None = None) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class AuthFailed(SyncError):
    code = "auth"


class UpgradeRequired(SyncError):
    code = "upgrade"


class TooLarge(SyncError):
    code = "too_large"


class ProtocolError(SyncError):
    code = "protocol"


@dataclass
class ClientConfig:
    server_url: str
    token: str
    office_id: str
    connect_timeout: float = 20.0
    read_timeout: float = 90.0
    backoff_base: float = 5.0
    backoff_cap: float = 900.0
    app_v: str = ""
    schema_v: int = P.SCHEMA_V


class Transport:
    def __init__(self, cfg: ClientConfig, transport: httpx.BaseTransport | None = None) -> None:
        from desk import __version__

        self.cfg = cfg
        self.key = P.signing_key(cfg.token)
        self.offset = 0  # server clock − local clock, seconds (learnt from replies)
        self.server_ms: int | None = None
        self.app_v = cfg.app_v or __version__
        timeout = httpx.Timeout(connect=cfg.connect_timeout, read=cfg.read_timeout,
                                write=cfg.read_timeout, pool=cfg.connect_timeout)
        self.http = httpx.Client(base_url=cfg.server_url.rstrip("/"), timeout=timeout,
                                 transport=transport, follow_redirects=False,
                                 headers={"User-Agent": f"mot-cua-desk/{self.app_v}"})

    def close(self) -> None:
        self.http.close()

    def office_path(self, tail: str) -> str:
        return f"/v1/offices/{self.cfg.office_id}/{tail}"

    def call(self, method: str, path: str, body: bytes = b"",
             params: dict[str, Any] | None = None) -> dict[str, Any]:
        try:
            return self._call(method, path, body, params)
        except AuthFailed as e:
            if e.detail != "clock_skew":
                raise
            return self._call(method, path, body, params)  # offset corrected from the reply

    def _call(self, method: str, path: str, body: bytes,
              params: dict[str, Any] | None) -> dict[str, Any]:
        target = path + ("?" + urlencode(params) if params else "")
        ts, nonce, digest = str(int(wall_clock()) + self.offset), secrets.token_hex(12), \
            P.content_digest(body)
        headers = {"Authorization": f"Bearer {self.cfg.token}", P.H_DIGEST: digest,
                   P.H_TS: ts, P.H_NONCE: nonce, P.H_APP: self.app_v,
                   P.H_SIG: P.signature(self.key, method, target, digest, ts, nonce),
                   "Accept": "application/json"}
        if body:
            headers["Content-Type"] = "application/json"
            headers["Content-Encoding"] = "gzip"
        try:
            r = self.http.request(method, target, content=body, headers=headers)
        except httpx.TimeoutException as e:
            raise Offline(f"timeout:{type(e).__name__}") from None
        except (httpx.TransportError, OSError) as e:
            raise Offline(type(e).__name__) from None
        try:
            data = r.json()
        except ValueError:
            raise Offline(f"not_api:{r.status_code}") from None
        if not P.is_envelope(data):
            raise Offline(f"not_api:{r.status_code}")
        self._learn_clock(data)
        return self._check(r, data)

    def _learn_clock(self, data: dict[str, Any]) -> None:
        ms = data.get("server_time")
        if isinstance(ms, int):
            self.server_ms = ms
            self.offset = round(ms / 1000 - wall_clock())

    def _check(self, r: httpx.Response, data: dict[str, Any]) -> dict[str, Any]:
        code, err = r.status_code, str(data.get("error", ""))
        if code == 200:
            return data
        if code in (401, 403):
            raise AuthFailed(err or str(code))
        if code == 426:
            raise UpgradeRequired(err)
        if code == 413:
            raise TooLarge(err)
        if code in (429, 503) or code >= 500 or code == 409:
            ra = r.headers.get("Retry-After")
            raise Offline(f"http:{code}:{err}",
                          retry_after=float(ra) if ra and ra.isdigit() else None)
        raise ProtocolError(f"http:{code}:{err}")
