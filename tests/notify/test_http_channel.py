"""Notices through an HTTP gateway (issue 17 §3): the request shape from desk.toml, against a
local server that records requests and fails on purpose."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator

import pytest

from desk.config import HttpGatewayConfig, NotifyConfig
from desk.notify.channels import HttpChannel
from desk.services.context import DeskContext
from desk.services.notify import notices
from desk.services.notify.worker import NoticeWorker, drain
from tests.notify.fake_gateway import FakeGateway
from tests.notify.test_modem_channel import _due_now


@pytest.fixture
def gateway() -> Iterator[FakeGateway]:
    g = FakeGateway()
    yield g
    g.close()


def _cfg(gateway: FakeGateway, **kw: object) -> HttpGatewayConfig:
    return HttpGatewayConfig(
        url=gateway.url, auth_header="X-Api-Key", auth_value="k-123", template_id="T42",
        body='{"to": "{phone84}", "tpl": "{template_id}", "data": {"msg": "{text}", '
             '"ma": "{code}"}}', id_field="data.msg_id", timeout_seconds=2, **kw)  # type: ignore[arg-type]


@pytest.fixture
def hctx(ctx: DeskContext, gateway: FakeGateway) -> DeskContext:
    ctx.settings = dataclasses.replace(ctx.settings, notify=NotifyConfig(
        channels=("http",), http=_cfg(gateway), max_attempts=3))
    return ctx


def test_the_request_has_the_configured_shape(hctx: DeskContext, gateway: FakeGateway) -> None:
    notices.send(hctx, "0912345678", 'Hồ sơ "A" đã có kết quả', channel="http")
    drain(hctx, 10, {"http": HttpChannel(_cfg(gateway))})
    [req] = gateway.requests
    assert req["headers"]["X-Api-Key"] == "k-123"
    assert json.loads(req["body"]) == {"to": "84912345678", "tpl": "T42",
                                       "data": {"msg": 'Hồ sơ "A" đã có kết quả', "ma": ""}}
    [n] = notices.list_notices(hctx)
    assert n["status"] == "sent" and req["headers"]["Idempotency-Key"] == n["id"]


def test_500_and_a_dropped_connection_are_retried_then_sent_once(
        hctx: DeskContext, gateway: FakeGateway) -> None:
    gateway.fail_with = [500, 0]
    notices.send(hctx, "0912345678", "x", channel="http")
    for _ in range(3):
        drain(hctx, 10, {"http": HttpChannel(_cfg(gateway))})
        _due_now(hctx)
    assert len(gateway.requests) == 3 and gateway.delivered() == 1
    assert notices.list_notices(hctx)[0]["status"] == "sent"


def test_a_refusal_fails_for_good_and_resend_puts_it_back(
        hctx: DeskContext, gateway: FakeGateway) -> None:
    gateway.fail_with = [400]
    notices.send(hctx, "0912345678", "x", channel="http")
    drain(hctx, 10, {"http": HttpChannel(_cfg(gateway))})
    [n] = notices.list_notices(hctx)
    assert n["status"] == "failed" and "400" in n["last_error"]
    assert notices.list_notices(hctx, "failed")
    notices.resend(hctx, n["id"])
    drain(hctx, 10, {"http": HttpChannel(_cfg(gateway))})
    assert notices.list_notices(hctx)[0]["status"] == "sent"


def test_a_crash_after_the_gateway_answered_is_not_a_second_message(
        hctx: DeskContext, gateway: FakeGateway) -> None:
    notices.send(hctx, "0912345678", "x", channel="http")
    worker = NoticeWorker(hctx, {"http": HttpChannel(_cfg(gateway))})
    worker._save = lambda n: (_ for _ in ()).throw(KeyboardInterrupt)  # type: ignore[method-assign]
    with pytest.raises(KeyboardInterrupt):
        worker.run_once()
    drain(hctx, 10, {"http": HttpChannel(_cfg(gateway))})
    assert len(gateway.requests) == 2 and gateway.delivered() == 1
    assert notices.list_notices(hctx)[0]["status"] == "sent"


def test_unaccented_option(hctx: DeskContext, gateway: FakeGateway) -> None:
    notices.send(hctx, "0912345678", "Đã nhận hồ sơ", channel="http")
    drain(hctx, 10, {"http": HttpChannel(_cfg(gateway, strip_accents=True))})
    assert json.loads(gateway.requests[0]["body"])["data"]["msg"] == "Da nhan ho so"
