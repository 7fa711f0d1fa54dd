"""An office with its waiting-room server, for every test of this folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.lobby.harness import Office
from tests.queue.conftest import clock, qctx  # noqa: F401  (the queue tests' office)


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
    o = Office(tmp_path)
    o.desk("db", "upgrade")
    yield o
    o.stop()
