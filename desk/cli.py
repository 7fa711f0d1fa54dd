"""`desk` — the command line, and its one lazy door. Importing this module stays cheap: no
Textual, no SQLAlchemy, no pydantic until a command needs them (`desk --help` must answer in
well under 150 ms). The parsers (desk/commands/parsers) name each command's handler by a string,
"desk.commands.queue:issue_"; only the chosen command's module is imported, here, and a quick
twin (desk/commands/quick.py) is tried before the regular module is even imported."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn, cast

from desk import __version__
from desk.commands.argparse_i18n import install as install_argparse_texts
from desk.commands.base import CommandError
from desk.commands.language import early_language, helps
from desk.commands.quick import quick_twin
from desk.i18n import render_error, set_language, t

EXIT_USAGE = 2
EXIT_INVALID = 1
EXIT_CRASH = 70

Handler = Callable[[argparse.Namespace], "int | None"]


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors in the user's language and exit code 2."""

    def error(self, message: str) -> NoReturn:
        h = helps()
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: {h['usage_error']}: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    h = helps()
    parser = _Parser(prog="desk", description=h["desk"], epilog=h["epilog"],
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", metavar="FILE", help=h["config"])
    # help given here: Python 3.11 fixes --version's help in English, past argparse's gettext
    parser.add_argument("--version", action="version", version=_version(),
                        help=t("argparse.version"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    # every group's parser, but not for plain `desk` (the TUI's short path, _tui_only)
    from desk.commands.registry import COMMAND_MODULES

    for module in COMMAND_MODULES:
        module.register(sub, h)
    return parser


def _tui_only(argv: list[str]) -> argparse.Namespace | None:
    """Plain `desk` or `desk --config FILE`: the TUI, without building the parser of every
    command group (~60 ms of the start)."""
    if not argv:
        return argparse.Namespace(config=None, command=None)
    if len(argv) == 2 and argv[0] == "--config" and not argv[1].startswith("-"):
        return argparse.Namespace(config=argv[1], command=None)
    if len(argv) == 1 and argv[0].startswith("--config=") and len(argv[0]) > len("--config="):
        return argparse.Namespace(config=argv[0].split("=", 1)[1], command=None)
    return None


def _version() -> str:
    return f"desk {__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(early_language(argv))  # commands that never load the config still speak it
    install_argparse_texts()  # "invalid choice", "usage:"… in that language too
    if not all(_readable(a) for a in argv):  # bytes that are not UTF-8 (surrogate-escaped)
        print(t("cli.bad_argument"), file=sys.stderr)
        return EXIT_USAGE
    args = _tui_only(argv) or build_parser().parse_args(argv)
    spec = getattr(args, "handler", None) or "desk.commands.tui:run_tui"  # plain `desk`: the TUI
    try:
        return _run(spec, args)
    except CommandError as e:
        print(e.message, file=sys.stderr)
        return e.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `desk … | head`: the reader has gone; nothing to report
        _quiet_stdout()
        return 141
    except Exception as e:  # the last guard: a clear sentence, the traceback in the log
        return _crash(e)


def handler_for(spec: str) -> Handler:
    """"desk.commands.queue:issue_" → that function; its module is imported now, and only it."""
    module, _, name = spec.partition(":")
    return cast(Handler, getattr(importlib.import_module(module), name))


def _run(spec: str, args: argparse.Namespace) -> int:
    twin = quick_twin(spec)  # the read-only commands scripted in loops: no database stack
    if twin is not None:
        done = handler_for(twin)(args)
        if done is not None:  # None: the quick read is not possible, the regular one answers
            return int(done)
    return int(handler_for(spec)(args) or 0)


def _readable(arg: str) -> bool:
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _quiet_stdout() -> None:
    """Point stdout at devnull so the interpreter's last flush cannot raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _crash(exc: BaseException) -> int:
    if getattr(exc, "key", None):  # a DomainError or ConfigError that escaped a handler
        print(render_error(exc), file=sys.stderr)
        return EXIT_INVALID
    from desk.commands.crash import classify_exception  # the crash path only

    message, code = classify_exception(exc)
    print(message, file=sys.stderr)
    return code


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    raise SystemExit(main())
