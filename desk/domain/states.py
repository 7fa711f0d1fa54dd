"""The dossier state machine (domain.md §1) and the projection of a dossier's events.

    RECEIVED → TRANSFERRED → PROCESSING → RESULT_READY → RETURNED
        ↘ SUPPLEMENT_REQUESTED (from RECEIVED / TRANSFERRED / PROCESSING; back to where it was)
        ↘ REFUSED, WITHDRAWN, STOPPED

Immediate-result procedures are received straight into RETURNED (still recorded). Terminal
states accept no action. Every transition is an event; the dossier row is `project(events)`.

The domain knows no language: a status's or an action's words are the catalogs' (keys
"status.RECEIVED", "action.transfer", …, desk/i18n/msg_dossier.py; `label_key`), and the
illegal-transition error carries those keys as `MessageKey` parameters.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any, Final, NamedTuple

from desk.domain.errors import DomainError, MessageKey


class DossierStatus(StrEnum):
    RECEIVED = "RECEIVED"
    TRANSFERRED = "TRANSFERRED"
    PROCESSING = "PROCESSING"
    SUPPLEMENT_REQUESTED = "SUPPLEMENT_REQUESTED"
    RESULT_READY = "RESULT_READY"
    RETURNED = "RETURNED"
    REFUSED = "REFUSED"
    WITHDRAWN = "WITHDRAWN"
    STOPPED = "STOPPED"


class Action(StrEnum):
    RECEIVE = "receive"
    TRANSFER = "transfer"
    START_PROCESSING = "start_processing"
    REQUEST_SUPPLEMENT = "request_supplement"
    SUPPLEMENT_RECEIVED = "supplement_received"
    REFUSE = "refuse"
    RESULT_READY = "result_ready"
    RETURN_RESULT = "return_result"
    WITHDRAW = "withdraw"
    STOP = "stop"


S = DossierStatus
A = Action

TERMINAL: Final[frozenset[DossierStatus]] = frozenset(
    {S.RETURNED, S.REFUSED, S.WITHDRAWN, S.STOPPED}
)
OPEN: Final[frozenset[DossierStatus]] = frozenset(S) - TERMINAL
# Where a supplement may be requested from, and so where `supplement_received` may resume to.
RESUMABLE: Final[frozenset[DossierStatus]] = frozenset({S.RECEIVED, S.TRANSFERRED, S.PROCESSING})

# Status → action → next status. `supplement_received` maps to None: the target is the status
# the dossier was in when the supplement was requested (`resume_to`). `receive` is not here:
# it creates the dossier (status None).
TRANSITIONS: Final[Mapping[DossierStatus, Mapping[Action, DossierStatus | None]]] = {
    S.RECEIVED: {
        A.TRANSFER: S.TRANSFERRED,
        A.REQUEST_SUPPLEMENT: S.SUPPLEMENT_REQUESTED,
        A.REFUSE: S.REFUSED,
        A.WITHDRAW: S.WITHDRAWN,
        A.STOP: S.STOPPED,
    },
    S.TRANSFERRED: {
        A.START_PROCESSING: S.PROCESSING,
        A.REQUEST_SUPPLEMENT: S.SUPPLEMENT_REQUESTED,
        A.REFUSE: S.REFUSED,
        A.WITHDRAW: S.WITHDRAWN,
        A.STOP: S.STOPPED,
    },
    S.PROCESSING: {
        A.RESULT_READY: S.RESULT_READY,
        A.REQUEST_SUPPLEMENT: S.SUPPLEMENT_REQUESTED,
        A.REFUSE: S.REFUSED,
        A.WITHDRAW: S.WITHDRAWN,
        A.STOP: S.STOPPED,
    },
    S.SUPPLEMENT_REQUESTED: {
        A.SUPPLEMENT_RECEIVED: None,
        A.WITHDRAW: S.WITHDRAWN,
        A.STOP: S.STOPPED,
    },
    S.RESULT_READY: {
        A.RETURN_RESULT: S.RETURNED,
    },
    S.RETURNED: {},
    S.REFUSED: {},
    S.WITHDRAWN: {},
    S.STOPPED: {},
}

def label_key(item: DossierStatus | Action) -> MessageKey:
    """The catalogs' key of a status's or an action's words: "status.RECEIVED", "action.refuse"."""
    prefix = "status" if isinstance(item, DossierStatus) else "action"
    return MessageKey(f"{prefix}.{item.value}")


def is_terminal(status: DossierStatus) -> bool:
    return status in TERMINAL


def allowed_actions(status: DossierStatus | None) -> list[Action]:
    """Actions legal in `status`, in the order a menu should show them. `None` is a dossier not
    yet created: only `receive`."""
    if status is None:
        return [A.RECEIVE]
    return list(TRANSITIONS[_status(status)])


def _status(value: DossierStatus | str) -> DossierStatus:
    try:
        return DossierStatus(value)
    except ValueError:
        raise DomainError("dossier.unknown_status", status=str(value)) from None


def _illegal(status: DossierStatus | None, action: Action) -> DomainError:
    """The illegal-transition error: the values, and the keys of their words (rendered in the
    reader's language): status_label, action_label, allowed_labels (the legal actions)."""
    allowed = allowed_actions(status)
    return DomainError(
        "dossier.illegal_transition", action=action.value,
        status=status.value if status else "",
        action_label=label_key(action),
        status_label=label_key(status) if status else MessageKey("dossier.no_status"),
        allowed_labels=tuple(label_key(a) for a in allowed) or (
            MessageKey("dossier.none_allowed"),),
    )


def next_status(
    status: DossierStatus | None,
    action: Action | str,
    *,
    resume_to: DossierStatus | None = None,
    immediate: bool = False,
) -> DossierStatus:
    """The status after `action` in `status`.

    - `receive` is only legal on a dossier not yet created (`status` None); with
      `immediate=True` (immediate-result procedure) it goes straight to RETURNED.
    - `supplement_received` goes back to `resume_to`, the status in which the supplement was
      requested (RECEIVED, TRANSFERRED or PROCESSING).

    Raises DomainError("dossier.illegal_transition", action=…, status=…, plus labels) when the
    action is not allowed in `status`; DomainError("dossier.resume_invalid") when `resume_to` is
    missing or not resumable; "dossier.unknown_action" / "dossier.unknown_status" for values
    that are not an Action / DossierStatus.
    """
    try:
        act = Action(action)
    except ValueError:
        raise DomainError("dossier.unknown_action", action=str(action)) from None
    if status is None:
        if act is A.RECEIVE:
            return S.RETURNED if immediate else S.RECEIVED
        raise _illegal(None, act)
    status = _status(status)
    table = TRANSITIONS[status]
    if act not in table:
        raise _illegal(status, act)
    target = table[act]
    if target is None:  # supplement_received
        if resume_to is None or resume_to not in RESUMABLE:
            raise DomainError(
                "dossier.resume_invalid", resume_to="" if resume_to is None else str(resume_to)
            )
        return DossierStatus(resume_to)
    return target


# ---------------------------------------------------------------------------------------------
# Projection: a dossier's events folded into its current row.


@dataclass(frozen=True, slots=True)
class Event:
    """One recorded fact about a dossier. `kind` is an Action (or its value) for transitions;
    other kinds (notes, printed forms, apology letters…) are kept in the log but do not change
    the status. Payload keys read here: `immediate` (receive), `restart` (request_supplement:
    the time limit restarts from zero when the supplement is complete)."""

    kind: Action | str
    at: datetime
    payload: Mapping[str, Any] = field(default_factory=dict)


class Pause(NamedTuple):
    """A supplement pause: the clock stops at `start`, runs again at `end` (None: still paused).
    `restarts`: the request came from the processing agency within 3 working days of receipt,
    so when the supplement is complete the time limit restarts from zero (the caller decides
    and records it in the request's payload as `restart`)."""

    start: datetime
    end: datetime | None
    restarts: bool = False


@dataclass(frozen=True, slots=True)
class DossierState:
    status: DossierStatus
    received_at: datetime
    resume_to: DossierStatus | None = None  # while SUPPLEMENT_REQUESTED: where it goes back to
    pauses: tuple[Pause, ...] = ()
    restart_at: datetime | None = None  # the time limit counts from here instead (latest restart)
    immediate: bool = False
    result_at: datetime | None = None
    returned_at: datetime | None = None
    closed_at: datetime | None = None  # when it reached a terminal status
    last_event_at: datetime | None = None
    transitions: int = 0

    @property
    def is_open(self) -> bool:
        return self.status not in TERMINAL

    @property
    def is_paused(self) -> bool:
        return self.status is S.SUPPLEMENT_REQUESTED

    @property
    def clock_start(self) -> datetime:
        """The moment the time limit counts from: the last restart, else receipt."""
        return self.restart_at or self.received_at


def _as_action(kind: Action | str) -> Action | None:
    try:
        return Action(kind)
    except ValueError:
        return None


def apply(state: DossierState | None, event: Event) -> DossierState | None:
    """`state` after `event` (one step of `project`). Non-transition events change nothing but
    `last_event_at`. Raises DomainError for an illegal transition."""
    act = _as_action(event.kind)
    at = event.at
    if act is None:
        return None if state is None else replace(state, last_event_at=at)
    payload = event.payload or {}
    if state is None:
        immediate = bool(payload.get("immediate", False))
        done = at if immediate else None
        return DossierState(
            status=next_status(None, act, immediate=immediate),
            received_at=at,
            immediate=immediate,
            result_at=done,
            returned_at=done,
            closed_at=done,
            last_event_at=at,
            transitions=1,
        )
    status = next_status(state.status, act, resume_to=state.resume_to)
    changes: dict[str, Any] = {
        "status": status,
        "last_event_at": at,
        "transitions": state.transitions + 1,
    }
    if act is A.REQUEST_SUPPLEMENT:
        changes["resume_to"] = state.status
        changes["pauses"] = (*state.pauses, Pause(at, None, bool(payload.get("restart", False))))
    elif state.status is S.SUPPLEMENT_REQUESTED:  # leaving the pause: resumed, withdrawn, stopped
        changes["resume_to"] = None
        *done_pauses, last = state.pauses
        changes["pauses"] = (*done_pauses, last._replace(end=at))
        if act is A.SUPPLEMENT_RECEIVED and last.restarts:
            changes["restart_at"] = at
    if act is A.RESULT_READY:
        changes["result_at"] = at
    elif act is A.RETURN_RESULT:
        changes["returned_at"] = at
    if status in TERMINAL:
        changes["closed_at"] = at
    return replace(state, **changes)


def project(events: Iterable[Event]) -> DossierState:
    """Fold a dossier's events, in log order, into its state. The first transition must be
    `receive`. Raises DomainError("dossier.no_events") if there is none, and the
    illegal-transition error if the log breaks the state machine."""
    state: DossierState | None = None
    for event in events:
        state = apply(state, event)
    if state is None:
        raise DomainError("dossier.no_events")
    return state
