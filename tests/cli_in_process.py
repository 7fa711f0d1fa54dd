"""The `desk` command run inside the test process: `desk.cli.main(argv)` with its own stdin,
stdout, stderr, environment and working folder, as `python -m desk.cli` would have them, and
what a command may change for the whole process (language, logging, signal handlers, hooks)
put back afterwards. A command costs milliseconds here instead of a Python start (~1 s)."""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import os
import signal
import subprocess
import sys
import threading
import warnings
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import desk.cli
from desk.i18n import get_language, set_language
from desk.services import context as context_module
from desk.services.dossier import events

__all__ = ["run_cli"]

_SIGNALS = [s for s in ("SIGINT", "SIGTERM", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGPIPE")
            if hasattr(signal, s)]


def run_cli(argv: Sequence[str], *, env: Mapping[str, str], cwd: Path,
            stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """`desk ARGV` with exactly `env` as its environment, in `cwd`; the answer a finished
    `subprocess.run(..., capture_output=True, text=True)` gives."""
    out, err = _stream(), _stream()
    code = 0
    with _restored_process_state(env, cwd), _contexts_closed():
        sys.stdin = _stream(stdin or "")
        sys.stdout, sys.stderr = out, err
        try:
            code = desk.cli.main(list(argv))
        except SystemExit as e:  # argparse: --help, --version, a usage error
            code = _exit_code(e.code, err)
    return subprocess.CompletedProcess(["desk", *argv], code, _text(out), _text(err))


def _stream(text: str = "") -> io.TextIOWrapper:
    """A UTF-8 text stream over bytes, with `.buffer` like the real ones (not a terminal)."""
    return io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8",
                            write_through=True)


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    raw = stream.buffer.getvalue().decode("utf-8", errors="replace")  # type: ignore[attr-defined]
    return raw.replace("\r\n", "\n").replace("\r", "\n")  # text=True's universal newlines


def _exit_code(code: object, err: io.TextIOWrapper) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=err)  # SystemExit("message"): Python prints it and exits with 1
    return 1


@contextlib.contextmanager
def _restored_process_state(env: Mapping[str, str], cwd: Path) -> Iterator[None]:
    """Everything a command may change for the whole process, as it was before."""
    saved_env = dict(os.environ)
    saved_cwd = os.getcwd()
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    saved_signals = {name: signal.getsignal(getattr(signal, name)) for name in _SIGNALS}
    saved_hooks = sys.excepthook, threading.excepthook
    saved_umask = os.umask(0o022)
    os.umask(saved_umask)
    saved_logging = _logging_state()
    saved_events = list(events._hooks), list(events._fact_hooks)
    saved_language = get_language()
    saved_argparse = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    try:
        with warnings.catch_warnings():
            yield
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        for name, handler in saved_signals.items():
            if handler is not None:
                signal.signal(getattr(signal, name), handler)
        sys.excepthook, threading.excepthook = saved_hooks
        os.umask(saved_umask)
        _restore_logging(saved_logging)
        events._hooks[:], events._fact_hooks[:] = saved_events
        set_language(saved_language)
        argparse._, argparse.ngettext = saved_argparse  # type: ignore[attr-defined]


@contextlib.contextmanager
def _contexts_closed() -> Iterator[None]:
    """Close every DeskContext the command opened (a process ending would have): no SQLite
    file stays open into the next command or the test's own checks."""
    opened: list[Any] = []
    init = context_module.DeskContext.__post_init__

    def tracked(self: Any) -> None:
        init(self)
        opened.append(self)

    context_module.DeskContext.__post_init__ = tracked  # type: ignore[method-assign]
    try:
        yield
    finally:
        context_module.DeskContext.__post_init__ = init  # type: ignore[method-assign]
        for ctx in opened:
            ctx.close()


_Loggers = dict[str, tuple[int, list[logging.Handler], list[Any], bool, bool]]
_Filters = dict[logging.Handler, list[Any]]


def _loggers() -> dict[str, logging.Logger]:
    found = {"": logging.getLogger()}
    for name, lg in list(logging.Logger.manager.loggerDict.items()):
        if isinstance(lg, logging.Logger):
            found[name] = lg
    return found


def _logging_state() -> tuple[_Loggers, _Filters]:
    loggers: _Loggers = {}
    filters: _Filters = {}
    for name, lg in _loggers().items():
        loggers[name] = (lg.level, list(lg.handlers), list(lg.filters), lg.propagate,
                         lg.disabled)
        filters.update((h, list(h.filters)) for h in lg.handlers)
    return loggers, filters


def _restore_logging(state: tuple[_Loggers, _Filters]) -> None:
    """Loggers, their handlers and filters as before; a handler the command added is closed
    (the desk's log file), a filter it put on pytest's capture handlers is taken off."""
    loggers, filters = state
    for name, lg in _loggers().items():
        for h in lg.handlers:
            if h not in filters:
                h.close()
        if name in loggers:
            level, handlers, flt, propagate, disabled = loggers[name]
            lg.setLevel(level)
            lg.handlers[:] = handlers
            lg.filters[:] = flt
            lg.propagate, lg.disabled = propagate, disabled
        else:
            lg.setLevel(logging.NOTSET)
            lg.handlers.clear()
    for h, flt in filters.items():
        h.filters[:] = flt
    logging.Logger.manager._clear_cache()  # levels changed: the loggers' cached answers go
