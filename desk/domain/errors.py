"""The one exception type the domain raises: a message key plus parameters.

The presentation layer (CLI, screens) renders it with desk.i18n in the configured language;
the domain itself knows no language. A parameter that names a word rather than a value (the
label of a status, an action, a sex) is a `MessageKey`, so the words stay in the catalogs.
"""

from __future__ import annotations

from typing import Any


class MessageKey(str):
    """A parameter that is itself a message key ("status.RECEIVED"): desk.i18n renders it in
    the reader's language (a tuple of them: joined with commas)."""

    __slots__ = ()


class DomainError(ValueError):
    """A rule was broken. `key` names the message in desk/i18n; `params` fill it in."""

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(key, params)

    def __str__(self) -> str:  # readable in logs even without i18n
        if not self.params:
            return self.key
        args = ", ".join(f"{k}={v!r}" for k, v in self.params.items())
        return f"{self.key}({args})"
