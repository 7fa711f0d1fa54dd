"""HTTP to the district: signed requests, timeouts that fire on a silent link, and the rule
that only the API's own JSON envelope counts as an answer (a captive portal is "offline").

httpx timeouts are per operation: a link that trickles a byte every few seconds never trips
the read timeout. So every request also has a total deadline (`total_timeout`), enforced under
httpx by a network backend whose reads and writes never wait past it (`DeadlineBackend`).
"""

from __future__ import annotations

import secrets
import ssl
import threading
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpcore
import httpx

from desk import __version__
from desk.services.clock import wall_seconds
from desk.sync import protocol as P


def wall_clock() -> float:
    """This machine's clock (a commune PC may be off by a day): signed requests carry it, as
    the district checks them against its own. Tests replace it."""
    return wall_seconds()


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


class InsecureURL(SyncError):
    """An http:// server beyond this machine, and no `insecure_http` flag: nothing is sent."""

    code = "insecure"


LOOPBACK = ("localhost", "::1")


def link_security(url: str, insecure_http: bool = False) -> str:
    """"https", "loopback" (http to this machine), "insecure" (http allowed by the admin's flag)
    — or InsecureURL. A signature cannot be forged from what http shows, but every payload
    (citizens' names) can be read on the way: the district is reached over https (issue 15)."""
    parsed = urlsplit(url.strip())
    scheme, host = parsed.scheme.lower(), (parsed.hostname or "").lower()
    if scheme == "https":
        return "https"
    if scheme == "http" and (host in LOOPBACK or host.startswith("127.")):
        return "loopback"
    if scheme == "http" and insecure_http:
        return "insecure"
    raise InsecureURL(url)


@dataclass
class ClientConfig:
    server_url: str
    token: str
    office_id: str
    connect_timeout: float = 20.0
    read_timeout: float = 90.0
    total_timeout: float = 300.0  # a whole request, however slowly the bytes trickle in
    backoff_base: float = 5.0
    backoff_cap: float = 900.0
    app_v: str = ""
    schema_v: int = P.SCHEMA_V
    insecure_http: bool = False  # [sync] insecure_http: plain http beyond loopback (shown)
    ca_file: str = ""  # [sync] ca_file: trust this CA (a district with its own certificate)


class _Deadline(threading.local):
    at: float | None = None  # time.monotonic() by which the current request must be over

    def left(self, timeout: float | None, exc: type[Exception]) -> float | None:
        if self.at is None:
            return timeout
        left = self.at - time.monotonic()
        if left <= 0:
            raise exc("deadline")
        return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, deadline: _Deadline) -> None:
        self.inner, self.deadline = inner, deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, self.deadline.left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, self.deadline.left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self.inner.start_tls(
            ssl_context, server_hostname, self.deadline.left(timeout, httpcore.ConnectTimeout)),
            self.deadline)

    def get_extra_info(self, info: str) -> Any:
        return self.inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's socket backend, with every wait cut short at the request's deadline."""

    def __init__(self, deadline: _Deadline) -> None:
        self.inner = httpcore.SyncBackend()
        self.deadline = deadline

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        stream = self.inner.connect_tcp(host, port,
                                        self.deadline.left(timeout, httpcore.ConnectTimeout),
                                        local_address, socket_options)
        return _DeadlineStream(stream, self.deadline)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Any = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self.inner.connect_unix_socket(path, timeout, socket_options),
                               self.deadline)

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


def ssl_context(ca_file: str = "") -> ssl.SSLContext:
    """httpx's default trust (certifi), or only the district's own CA when one is given."""
    if ca_file:
        return ssl.create_default_context(cafile=ca_file)
    return httpx.create_ssl_context()


def _deadline_transport(deadline: _Deadline, ca_file: str = "") -> httpx.BaseTransport:
    t = httpx.HTTPTransport(verify=ssl_context(ca_file))
    # httpx has no public hook for the network backend; its pool is rebuilt with ours
    # (same defaults as httpx: TLS context, keep-alive) — without it only per-read timeouts.
    if isinstance(getattr(t, "_pool", None), httpcore.ConnectionPool):
        t._pool = httpcore.ConnectionPool(ssl_context=ssl_context(ca_file),
                                          max_connections=100, max_keepalive_connections=20,
                                          keepalive_expiry=5.0,
                                          network_backend=DeadlineBackend(deadline))
    return t


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Retry-After as seconds: a number of seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return max(0.0, when - (wall_clock() if now is None else now))


class Transport:
    def __init__(self, cfg: ClientConfig, transport: httpx.BaseTransport | None = None) -> None:
        self.cfg = cfg
        self.deadline = _Deadline()
        self.key = P.signing_key(cfg.token)
        self.offset = 0  # server clock − local clock, seconds (learnt from replies)
        self.server_ms: int | None = None
        self.app_v = cfg.app_v or __version__
        timeout = httpx.Timeout(connect=cfg.connect_timeout, read=cfg.read_timeout,
                                write=cfg.read_timeout, pool=cfg.connect_timeout)
        self.http = httpx.Client(base_url=cfg.server_url.rstrip("/"), timeout=timeout,
                                 transport=transport or _deadline_transport(self.deadline,
                                                                            cfg.ca_file),
                                 follow_redirects=False,
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
        r, data = self.send(method, path, body, params)
        return self._check(r, data)

    def send(self, method: str, path: str, body: bytes = b"",
             params: dict[str, Any] | None = None, *,
             content_type: str = "application/json", gzipped: bool = True
             ) -> tuple[httpx.Response, dict[str, Any]]:
        """One signed request under the total deadline; the reply must be the API's envelope
        (anything else is Offline). Non-200 replies are returned for the caller to judge
        (`_check`): the scan upload reads its 409/422 answers itself."""
        link_security(self.cfg.server_url, self.cfg.insecure_http)  # InsecureURL: nothing sent
        target = path + ("?" + urlencode(params) if params else "")
        ts, nonce, digest = str(int(wall_clock()) + self.offset), secrets.token_hex(12), \
            P.content_digest(body)
        # the secret never travels: a key id and a signature (issue 15)
        headers = {P.H_KEY: P.key_id(self.cfg.token), P.H_DIGEST: digest, P.H_TS: ts,
                   P.H_NONCE: nonce, P.H_APP: self.app_v,
                   P.H_SIG: P.signature(self.key, method, target, digest, ts, nonce),
                   "Accept": "application/json"}
        if body:
            headers["Content-Type"] = content_type
            if gzipped:
                headers["Content-Encoding"] = "gzip"
        deadline = self.deadline.at = time.monotonic() + self.cfg.total_timeout
        try:
            r = self.http.request(method, target, content=body, headers=headers)
        except httpx.TimeoutException as e:
            raise Offline("deadline" if time.monotonic() >= deadline
                          else f"timeout:{type(e).__name__}") from None
        except (httpx.TransportError, OSError) as e:  # DNS failure and refusal included
            raise Offline(type(e).__name__) from None
        finally:
            self.deadline.at = None
        if r.status_code in (429, 503):  # a proxy's or the API's "not now": honour Retry-After
            retry_after = parse_retry_after(r.headers.get("Retry-After"))
            if retry_after is not None:
                raise Offline(f"http:{r.status_code}", retry_after=retry_after)
        try:
            data = r.json()
        except ValueError:
            raise Offline(f"not_api:{r.status_code}") from None
        if not P.is_envelope(data):
            raise Offline(f"not_api:{r.status_code}")
        self._learn_clock(data)
        return r, data

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
            raise Offline(f"http:{code}:{err}",
                          retry_after=parse_retry_after(r.headers.get("Retry-After")))
        raise ProtocolError(f"http:{code}:{err}")
