"""Fixtures: the district server on SQLite and (when installed) PostgreSQL, a desk office."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.sync.harness import District, PgCluster, desk_ctx, pg_bindir, start_district, start_pg

_counter = itertools.count()


@pytest.fixture(scope="session")
def pg_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PgCluster]:
    if pg_bindir() is None:
        pytest.skip("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin "
                    "(apt-get install postgresql)")
    base = Path(f"/tmp/desk-pg-{os.getpid()}")
    cluster = start_pg(base)
    yield cluster
    cluster.stop()


def _district(request: pytest.FixtureRequest, tmp_path: Path) -> District:
    if request.param == "postgres":
        cluster: PgCluster = request.getfixturevalue("pg_cluster")
        url = cluster.new_db(f"district_{os.getpid()}_{next(_counter)}")
    else:
        url = f"sqlite:///{tmp_path / 'district.sqlite3'}"
    return start_district(url, files_dir=tmp_path / "district-files")


@pytest.fixture(params=["sqlite", "postgres"])
def district(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[District]:
    d = _district(request, tmp_path)
    yield d
    d.stop()


@pytest.fixture(params=["sqlite"])
def district_sqlite(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[District]:
    d = _district(request, tmp_path)
    yield d
    d.stop()


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Any]:
    ctx = desk_ctx(tmp_path)
    yield ctx
    ctx.close()
