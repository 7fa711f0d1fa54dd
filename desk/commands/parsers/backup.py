"""`desk backup [list|check|verify|passphrase|auto]`, `desk restore FILE`: the options;
desk/commands/backup.py answers."""

from __future__ import annotations

from typing import Any

from desk.commands.parsers.options import add_pin_options


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("backup", help=h["backup"], description=h["backup"])
    p.add_argument("--to", metavar="DIR", help=h["backup.to"])
    how = p.add_mutually_exclusive_group()
    how.add_argument("--passphrase-stdin", action="store_true", help=h["backup.passphrase_stdin"])
    how.add_argument("--plain", action="store_true", help=h["backup.plain"])
    p.add_argument("--json", action="store_true", help=h["json"])
    p.set_defaults(handler="desk.commands.backup:backup_")
    bsub = p.add_subparsers(dest="backup_command", metavar="ACTION", required=False)
    ls = bsub.add_parser("list", help=h["backup.list"], description=h["backup.list"])
    ls.add_argument("--json", action="store_true", help=h["json"])
    ls.set_defaults(handler="desk.commands.backup:list_")
    ck = bsub.add_parser("check", help=h["backup.check"], description=h["backup.check"])
    ck.add_argument("--json", action="store_true", help=h["json"])
    ck.set_defaults(handler="desk.commands.backup:check_")
    vf = bsub.add_parser("verify", help=h["backup.verify"], description=h["backup.verify"])
    vf.add_argument("file", metavar="FILE", help=h["backup.file"])
    vf.add_argument("--passphrase-stdin", action="store_true",
                    help=h["restore.passphrase_stdin"])
    vf.add_argument("--without-manifest", action="store_true", help=h["backup.without_manifest"])
    vf.add_argument("--json", action="store_true", help=h["json"])
    vf.set_defaults(handler="desk.commands.backup:verify_")
    pw = bsub.add_parser("passphrase", help=h["backup.passphrase"],
                         description=h["backup.passphrase"])
    pw.add_argument("--passphrase-stdin", action="store_true", help=h["backup.passphrase_new"])
    add_pin_options(pw)  # an admin's name and PIN (settings.change; issue 15)
    pw.set_defaults(handler="desk.commands.backup_admin:passphrase_")
    au = bsub.add_parser("auto", help=h["backup.auto"], description=h["backup.auto"])
    au.add_argument("--json", action="store_true", help=h["json"])
    au.set_defaults(handler="desk.commands.backup:auto_")

    r = sub.add_parser("restore", help=h["restore"], description=h["restore"])
    r.add_argument("file", metavar="FILE", help=h["backup.file"])
    r.add_argument("--passphrase-stdin", action="store_true", help=h["restore.passphrase_stdin"])
    r.add_argument("--without-manifest", action="store_true", help=h["backup.without_manifest"])
    add_pin_options(r)  # an admin's name and PIN (issue 15); with --pin-stdin, the PIN first
    r.add_argument("--json", action="store_true", help=h["json"])
    r.set_defaults(handler="desk.commands.backup_admin:restore_")
