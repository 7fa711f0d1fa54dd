"""The declared shape of `desk form list --json`: a rule set and its forms (a contract
administrators script; tests/contracts checks the printed JSON against it)."""

from __future__ import annotations

from typing import Any, TypedDict


class FieldOut(TypedDict):
    key: str  # the value shown (`rows.column` in a table)
    label: str  # the printed words before it


class SignatureBlock(TypedDict, total=False):
    """One signer, as the rule file writes it (placeholders such as {clerk_name} unfilled)."""

    role: str
    note: str
    name: str


class SignatureOut(TypedDict):
    authority: str
    blocks: list[SignatureBlock]


class FormOut(TypedDict):
    number: str  # "01"…; "" for a paper that is not a numbered form
    key: str
    title: str
    symbol: str
    fields: list[FieldOut]
    signature: SignatureOut
    recipients: list[str]


class RuleSetOut(TypedDict):
    id: str
    effective_from: str
    name: str
    origin: str  # package, or the file it was read from
    sources: list[str]
    uncertain: list[str]
    steps: dict[str, str]
    report: dict[str, Any]
    forms: list[FormOut]
    papers: list[FormOut]


class FormListOut(RuleSetOut):
    """`desk form list [--set ID] --json`: `set` repeats the id."""

    set: str
