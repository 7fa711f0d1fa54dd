"""The one frame of every quick twin (quick_read, quick_write, quick_print): open the office
file through `sqlite3`, run the twin's body, say a refusal as the regular command says it,
and close the connection whatever happens. None when the quick path is not possible (no file
yet, a schema to migrate): the regular handler then runs."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from desk.commands.base import fail
from desk.commands.context import context
from desk.domain.errors import DomainError
from desk.services.quick.context import QuickContext, open_quick


def run_quick(args: argparse.Namespace, body: Callable[[QuickContext], int], *,
              write: bool = False) -> int | None:
    q = open_quick(context(args), write=write)
    if q is None:
        return None
    try:
        return body(q)
    except DomainError as e:
        raise fail(e) from None
    finally:
        q.close()
