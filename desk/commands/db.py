"""`desk db upgrade|check`."""

from __future__ import annotations

import argparse

from desk.commands.base import CommandError, emit, say
from desk.commands.context import context
from desk.i18n import t
from desk.services.shapes import DbCheckOut, DbUpgradeOut
from desk.services.store import check as run_check
from desk.services.store import open_store
from storage import migrate


def upgrade(args: argparse.Namespace) -> int:
    ctx = context(args)
    path = ctx.settings.database_path
    engine = open_store(path, upgrade=False)
    before, after = migrate.upgrade(engine)
    engine.dispose()
    data: DbUpgradeOut = {"database": str(path), "before": before, "after": after,
                          "changed": before != after}
    if args.json:
        emit(data, True)
    else:
        say("db.upgraded" if before != after else "db.up_to_date", path=path,
            before=before or "∅", after=after)
    return 0


def check(args: argparse.Namespace) -> int:
    ctx = context(args)
    path = ctx.settings.database_path
    if not path.is_file():
        raise CommandError(t("cli.file_missing", file=path), 1)
    engine = open_store(path, upgrade=False)  # a check never changes the file
    result: DbCheckOut = {"database": str(path), **run_check(engine)}
    engine.dispose()
    if args.json:
        emit(result, True)
    else:
        say("cli.db_ok", path=result["database"], **result)
        for problem in result["schema"]:
            print(t("db.schema_problem", problem=problem))
    return 0 if result["ok"] else 1
