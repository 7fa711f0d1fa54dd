"""TOML tables → frozen dataclasses, stopping at the first problem with its key.

Written by hand rather than with pydantic on purpose: importing pydantic and building the
settings models cost ~95 ms of every start of the desk (the TUI must start within 1.5× a bare
Textual app, docs/performance.md), while desk.toml is a dozen small tables. The types the
reader understands are the ones desk.config uses: str, int, bool, Path, Literal, `X | None`,
tuple[X, ...], tuple[X, Y], dict[str, X], Any and nested dataclasses (and the printer profiles,
printers/escpos/profiles.py); anything else goes through a field's
`convert` function. Field metadata: `ge`, `le`, `pattern`, `convert`. A class may define
`_check(self)` for rules across fields. Both raise a ValueError; one with `key` and `params`
(desk.domain.errors.DomainError) names its message, which the caller renders.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")
Loc = tuple[str | int, ...]


class Invalid(ValueError):
    """The first problem found: where (`loc`) and what (a message key with its parameters,
    or a ready message when `key` is empty)."""

    def __init__(self, loc: Loc, key: str, message: str = "", **params: Any) -> None:
        super().__init__(message or key)
        self.loc, self.key, self.message, self.params = loc, key, message, params


def _invalid(loc: Loc, error: ValueError) -> Invalid:
    """A converter's or a check's ValueError at `loc`: its message key when it has one."""
    key = getattr(error, "key", "")
    if key:
        return Invalid(loc, key, **getattr(error, "params", {}))
    return Invalid(loc, "", str(error))


def opt(default: Any = dataclasses.MISSING, *, factory: Any = dataclasses.MISSING,
        **meta: Any) -> Any:
    """A dataclass field with reader metadata (ge, le, pattern, convert)."""
    if factory is not dataclasses.MISSING:
        return dataclasses.field(default_factory=factory, metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def read(cls: type[T], data: Any, loc: Loc = ()) -> T:
    """An instance of dataclass `cls` from the mapping `data` (an instance passes as is)."""
    if isinstance(data, cls):
        return data
    if not isinstance(data, dict):
        raise Invalid(loc, "config.p.table", value=data)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    for key in data:
        if key not in fields:
            raise Invalid((*loc, key), "config.p.extra")
    hints = _hints(cls)
    values: dict[str, Any] = {}
    for name, f in fields.items():
        if name in data:
            values[name] = _field(f, hints[name], data[name], (*loc, name))
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise Invalid((*loc, name), "config.p.missing")
    obj = cls(**values)
    check = getattr(obj, "_check", None)
    if check is not None:
        try:
            check()
        except ValueError as e:
            raise _invalid(loc, e) from None
    return obj


def _field(f: dataclasses.Field[Any], hint: Any, value: Any, loc: Loc) -> Any:
    convert = f.metadata.get("convert")
    if convert is not None:
        try:
            return convert(value)
        except ValueError as e:
            raise _invalid(loc, e) from None
    out = _value(hint, value, loc)
    ge, le, pattern = f.metadata.get("ge"), f.metadata.get("le"), f.metadata.get("pattern")
    if ge is not None and out is not None and out < ge:
        raise Invalid(loc, "config.p.ge", ge=ge, value=value)
    if le is not None and out is not None and out > le:
        raise Invalid(loc, "config.p.le", le=le, value=value)
    if pattern is not None and not re.fullmatch(pattern, out):
        raise Invalid(loc, "config.p.pattern", value=value)
    return out


def _value(hint: Any, value: Any, loc: Loc) -> Any:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is Any:
        return value
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _value(inner, value, loc)
    if origin is Literal:
        if value not in args:
            raise Invalid(loc, "config.p.literal", value=value,
                          expected=" or ".join(repr(a) for a in args))
        return value
    if origin is tuple:
        if not isinstance(value, list | tuple):
            raise Invalid(loc, "config.p.list", value=value)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_value(args[0], v, (*loc, i)) for i, v in enumerate(value))
        if len(value) != len(args):  # tuple[X, Y]: that many items, each of its own type
            raise Invalid(loc, "config.p.items", count=len(args), value=value)
        pairs = enumerate(zip(args, value, strict=True))
        return tuple(_value(a, v, (*loc, i)) for i, (a, v) in pairs)
    if origin is dict:
        if not isinstance(value, dict):
            raise Invalid(loc, "config.p.table", value=value)
        return {str(k): _value(args[1], v, (*loc, k)) for k, v in value.items()}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return read(hint, value, loc)
    if hint is bool:
        if not isinstance(value, bool):
            raise Invalid(loc, "config.p.bool", value=value)
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid(loc, "config.p.int", value=value)
        return value
    if hint is str:
        if not isinstance(value, str):
            raise Invalid(loc, "config.p.string", value=value)
        return value
    if hint is Path:
        if not isinstance(value, str | Path):
            raise Invalid(loc, "config.p.string", value=value)
        return Path(value)
    raise TypeError(f"desk.tables_reader cannot read {hint!r}")  # a programming error
