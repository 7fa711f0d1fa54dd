"""Syncing from inside the desk: the client's settings, and a background thread that syncs
whenever the server answers (and at once when asked), never blocking the counter."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desk import environment
from desk.services.context import DeskContext
from desk.services.daemon import Daemon
from desk.sync.client import SyncClient, backoff_delay, retry_delay
from desk.sync.transport import ClientConfig, InsecureURL, SyncError, link_security


def client_config(ctx: DeskContext) -> Any | None:
    """The client settings from `[sync]` or `DESK_SYNC_URL`/`DESK_SYNC_TOKEN`; None when
    the office has no district server configured."""
    url = environment.get(environment.SYNC_URL) or ctx.settings.sync.server_url
    token = environment.get(environment.SYNC_TOKEN) or ctx.settings.sync.token
    if not url or not token:
        return None
    sync = ctx.settings.sync
    cfg = ClientConfig(url, token, ctx.settings.office.id, insecure_http=sync.insecure_http,
                       ca_file=sync.ca_file)
    for attr, seconds in environment.sync_timeouts().items():
        setattr(cfg, attr, seconds)
    return cfg


def link_state(ctx: Any) -> str:
    """How the desk reaches its district, for the status line: "https", "loopback",
    "insecure" (http allowed by [sync] insecure_http), "refused" (http, not allowed) or ""."""
    cfg = client_config(ctx)
    if cfg is None:
        return ""
    try:
        return link_security(cfg.server_url, cfg.insecure_http)
    except InsecureURL:
        return "refused"


class BackgroundSync:
    """One daemon thread: sync, then wait the interval (or the backoff) or until `sync_now`.

    `on_result(ok: bool, detail: str)` is called from the thread after every attempt; the UI
    re-reads `sync_status` then.
    """

    def __init__(self, ctx: DeskContext,
                 on_result: Callable[[bool, str], None] | None = None) -> None:
        self.ctx = ctx
        self.on_result = on_result
        self._daemon = Daemon("desk-sync", self._loop)
        self._started = False
        self.online: bool | None = None

    @property
    def configured(self) -> bool:
        return client_config(self.ctx) is not None

    def start(self) -> None:
        if not self._started and self.configured:
            self._started = True
            self._daemon.start()

    def sync_now(self) -> None:
        self._daemon.wake()

    def stop(self) -> None:
        self._daemon.stop()

    def _loop(self, daemon: Daemon) -> None:
        attempt = 0
        while not daemon.stopping:
            cfg = client_config(self.ctx)
            if cfg is None:
                return
            client = SyncClient(self.ctx, cfg)
            try:
                client.sync_once()
                self.online, detail, attempt = True, "", 0
                delay = float(self.ctx.settings.sync.interval_seconds)
            except SyncError as e:
                self.online, detail = False, f"{e.code}:{e.detail}"
                delay = retry_delay(e, attempt, cfg.backoff_base, cfg.backoff_cap)
                attempt += 1
            except Exception as e:  # the counter keeps working whatever the link does
                self.online, detail = False, type(e).__name__
                delay = backoff_delay(attempt, cfg.backoff_base, cfg.backoff_cap)
                attempt += 1
            finally:
                client.close()
            if self.on_result:
                self.on_result(bool(self.online), detail)
            daemon.sleep(delay)
