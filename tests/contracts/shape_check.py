"""Check printed JSON against a declared shape (a TypedDict, list[...], unions, plain types):
exactly the declared keys — a missing, renamed or undeclared key is a problem. A declared
`datetime` is what `desk.commands.base.emit` prints for one: its `str()`."""

from __future__ import annotations

import types
import typing
from datetime import datetime
from typing import Any, Union, get_args, get_origin, get_type_hints, is_typeddict


def problems(value: Any, shape: Any, where: str = "$") -> list[str]:
    """Where `value` does not have `shape`; empty when it does."""
    if shape is Any:
        return []
    origin = get_origin(shape)
    if origin in (Union, types.UnionType):
        tries = [problems(value, option, where) for option in get_args(shape)]
        return [] if any(not t for t in tries) else min(tries, key=len)
    if is_typeddict(shape):
        if not isinstance(value, dict):
            return [f"{where}: expected an object, got {type(value).__name__}"]
        hints = get_type_hints(shape)
        out = [f"{where}.{k}: missing" for k in shape.__required_keys__ if k not in value]
        out += [f"{where}.{k}: not declared in {shape.__name__}" for k in value
                if k not in hints]
        for k, v in value.items():
            if k in hints:
                out += problems(v, hints[k], f"{where}.{k}")
        return out
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: expected a list, got {type(value).__name__}"]
        (item,) = get_args(shape) or (Any,)
        return [p for i, v in enumerate(value) for p in problems(v, item, f"{where}[{i}]")]
    if origin is dict or shape is dict:
        if not isinstance(value, dict):
            return [f"{where}: expected an object"]
        _, item = get_args(shape) or (str, Any)  # the values of dict[str, X] are checked too
        return [p for k, v in value.items() for p in problems(v, item, f"{where}.{k}")]
    if shape is datetime:
        return [] if isinstance(value, str) and _is_datetime(value) else [
            f"{where}: expected a date-time, got {value!r}"]
    if shape is type(None):
        return [] if value is None else [f"{where}: expected null"]
    if shape is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return [] if ok else [f"{where}: expected a number, got {value!r}"]
    if shape is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return [] if ok else [f"{where}: expected an integer, got {value!r}"]
    if origin is typing.Literal:
        return [] if value in get_args(shape) else [f"{where}: {value!r} not in {shape}"]
    if isinstance(shape, type):
        return [] if isinstance(value, shape) else [
            f"{where}: expected {shape.__name__}, got {type(value).__name__}"]
    raise TypeError(f"shape_check cannot read {shape!r}")


def _is_datetime(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True
