"""`desk db upgrade|check`."""

from __future__ import annotations

import argparse
from typing import Any

from desk.commands.base import CommandError, context, emit, say
from desk.i18n import t


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("db", help=h["db"], description=h["db"])
    dsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = dsub.add_parser("upgrade", help=h["db.upgrade"], description=h["db.upgrade"])
    up.add_argument("--json", action="store_true", help=h["json"])
    up.set_defaults(handler=upgrade)
    ck = dsub.add_parser("check", help=h["db.check"], description=h["db.check"])
    ck.add_argument("--json", action="store_true", help=h["json"])
    ck.set_defaults(handler=check)


def upgrade(args: argparse.Namespace) -> int:
    from desk.services.store import open_store
    from storage import migrate

    ctx = context(args)
    path = ctx.settings.database_path
    engine = open_store(path, upgrade=False)
    before, after = migrate.upgrade(engine)
    engine.dispose()
    data = {"database": str(path), "before": before, "after": after, "changed": before != after}
    if args.json:
        emit(data, True)
    else:
        say("db.upgraded" if before != after else "db.up_to_date", path=path,
            before=before or "∅", after=after)
    return 0


def check(args: argparse.Namespace) -> int:
    from desk.services.store import check as run_check
    from desk.services.store import open_store

    ctx = context(args)
    path = ctx.settings.database_path
    if not path.is_file():
        raise CommandError(t("cli.file_missing", file=path), 1)
    engine = open_store(path, upgrade=False)  # a check never changes the file
    result = {"database": str(path), **run_check(engine)}
    engine.dispose()
    if args.json:
        emit(result, True)
    else:
        say("cli.db_ok", path=result["database"], **result)
        for problem in result["schema"]:
            print(t("db.schema_problem", problem=problem))
    return 0 if result["ok"] else 1
