"""`desk` — the command line. Importing this module stays cheap: no Textual, no SQLAlchemy,
no pydantic until a command needs them (`desk --help` must answer in well under 150 ms)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from desk import __version__
from desk.commands.argparse_i18n import install as install_argparse_texts
from desk.commands.base import CommandError, classify_exception, early_language, helps
from desk.i18n import render_error, set_language, t

EXIT_USAGE = 2
EXIT_INVALID = 1
EXIT_CRASH = 70


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors in the user's language and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        h = helps()
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: {h['usage_error']}: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    h = helps()
    parser = _Parser(prog="desk", description=h["desk"], epilog=h["epilog"],
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", metavar="FILE", help=h["config"])
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
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
    handler = getattr(args, "handler", None)
    if handler is None:  # plain `desk`: the TUI
        from desk.commands.tui import run_tui

        handler = run_tui
    else:  # the read-only commands scripted in loops answer without the database stack
        from desk.commands.quick import wrap

        handler = wrap(handler)
    try:
        return int(handler(args) or 0)
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
    message, code = classify_exception(exc)
    print(message, file=sys.stderr)
    return code


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    raise SystemExit(main())
