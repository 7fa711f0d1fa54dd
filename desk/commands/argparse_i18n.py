"""argparse's own sentences ("usage:", "invalid choice", "the following arguments are
required"…) in the desk's language. argparse looks them up through the module's gettext
functions `_` and `ngettext`; `install()` points those at desk/i18n (msg_argparse.py)."""

from __future__ import annotations

import argparse

from desk.i18n import t

# argparse's message ids (Python 3.11–3.13) → desk message keys
MSGIDS = {
    "usage: ": "argparse.usage",
    "options": "argparse.options",
    "positional arguments": "argparse.positional",
    "show this help message and exit": "argparse.help",
    "show program's version number and exit": "argparse.version",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "the following arguments are required: %s": "argparse.required",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "expected one argument": "argparse.expected_one",
    "expected at most one argument": "argparse.expected_at_most_one",
    "expected at least one argument": "argparse.expected_at_least_one",
    "expected %s argument": "argparse.expected_n",
    "expected %s arguments": "argparse.expected_n",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "not allowed with argument %s": "argparse.not_allowed_with",
    "one of the arguments %s is required": "argparse.one_required",
    "ignored explicit argument %r": "argparse.ignored",
    "can't open '%(filename)s': %(error)s": "argparse.cannot_open",
}


def gettext(message: str) -> str:
    key = MSGIDS.get(message)
    return t(key) if key else message


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


def install() -> None:
    """From now on argparse speaks the language set by desk.i18n.set_language."""
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
