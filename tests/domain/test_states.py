"""The dossier state machine and event projection (desk.domain.states)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.domain.errors import DomainError
from desk.domain.states import (
    RESUMABLE,
    TERMINAL,
    TRANSITIONS,
    Action,
    DossierState,
    DossierStatus,
    Event,
    Pause,
    allowed_actions,
    label_key,
    next_status,
    project,
)
from desk.i18n import render_error, t

S = DossierStatus
A = Action

LEGAL = [
    (S.RECEIVED, A.TRANSFER, S.TRANSFERRED),
    (S.RECEIVED, A.REQUEST_SUPPLEMENT, S.SUPPLEMENT_REQUESTED),
    (S.RECEIVED, A.REFUSE, S.REFUSED),
    (S.RECEIVED, A.WITHDRAW, S.WITHDRAWN),
    (S.RECEIVED, A.STOP, S.STOPPED),
    (S.TRANSFERRED, A.START_PROCESSING, S.PROCESSING),
    (S.TRANSFERRED, A.REQUEST_SUPPLEMENT, S.SUPPLEMENT_REQUESTED),
    (S.TRANSFERRED, A.REFUSE, S.REFUSED),
    (S.TRANSFERRED, A.WITHDRAW, S.WITHDRAWN),
    (S.TRANSFERRED, A.STOP, S.STOPPED),
    (S.PROCESSING, A.RESULT_READY, S.RESULT_READY),
    (S.PROCESSING, A.REQUEST_SUPPLEMENT, S.SUPPLEMENT_REQUESTED),
    (S.PROCESSING, A.REFUSE, S.REFUSED),
    (S.PROCESSING, A.WITHDRAW, S.WITHDRAWN),
    (S.PROCESSING, A.STOP, S.STOPPED),
    (S.SUPPLEMENT_REQUESTED, A.WITHDRAW, S.WITHDRAWN),
    (S.SUPPLEMENT_REQUESTED, A.STOP, S.STOPPED),
    (S.RESULT_READY, A.RETURN_RESULT, S.RETURNED),
]


@pytest.mark.parametrize(("status", "action", "target"), LEGAL)
def test_legal_transitions(status: S, action: A, target: S) -> None:
    assert next_status(status, action) == target
    assert next_status(status, action.value) == target  # plain strings work too
    assert action in allowed_actions(status)


def test_table_has_exactly_the_legal_transitions() -> None:
    table = {(s, a) for s, acts in TRANSITIONS.items() for a in acts}
    expected = {(s, a) for s, a, _ in LEGAL} | {(S.SUPPLEMENT_REQUESTED, A.SUPPLEMENT_RECEIVED)}
    assert table == expected
    assert set(TRANSITIONS) == set(S)


@pytest.mark.parametrize("origin", sorted(RESUMABLE))
def test_supplement_returns_to_where_it_was(origin: S) -> None:
    paused = next_status(origin, A.REQUEST_SUPPLEMENT)
    assert paused is S.SUPPLEMENT_REQUESTED
    assert next_status(paused, A.SUPPLEMENT_RECEIVED, resume_to=origin) is origin


@pytest.mark.parametrize("resume_to", [None, S.RESULT_READY, S.RETURNED, S.SUPPLEMENT_REQUESTED])
def test_supplement_received_needs_a_resumable_target(resume_to: S | None) -> None:
    with pytest.raises(DomainError) as exc:
        next_status(S.SUPPLEMENT_REQUESTED, A.SUPPLEMENT_RECEIVED, resume_to=resume_to)
    assert exc.value.key == "dossier.resume_invalid"


def test_receive_creates_the_dossier() -> None:
    assert allowed_actions(None) == [A.RECEIVE]
    assert next_status(None, A.RECEIVE) is S.RECEIVED
    assert next_status(None, A.RECEIVE, immediate=True) is S.RETURNED
    with pytest.raises(DomainError) as exc:
        next_status(None, A.TRANSFER)
    assert exc.value.key == "dossier.illegal_transition"
    assert "Chưa tiếp nhận" in render_error(exc.value, "vi")


@pytest.mark.parametrize("status", list(S))
def test_receive_is_illegal_on_an_existing_dossier(status: S) -> None:
    with pytest.raises(DomainError) as exc:
        next_status(status, A.RECEIVE)
    assert exc.value.key == "dossier.illegal_transition"


@pytest.mark.parametrize("status", sorted(TERMINAL))
def test_terminal_states_accept_nothing(status: S) -> None:
    assert allowed_actions(status) == []
    for action in A:
        with pytest.raises(DomainError):
            next_status(status, action)


ILLEGAL = [
    (S.RECEIVED, A.START_PROCESSING, "Đã tiếp nhận"),
    (S.RECEIVED, A.RESULT_READY, "Đã tiếp nhận"),
    (S.RECEIVED, A.RETURN_RESULT, "Đã tiếp nhận"),
    (S.RECEIVED, A.SUPPLEMENT_RECEIVED, "Đã tiếp nhận"),
    (S.TRANSFERRED, A.TRANSFER, "Đã chuyển xử lý"),
    (S.TRANSFERRED, A.RETURN_RESULT, "Đã chuyển xử lý"),
    (S.PROCESSING, A.RETURN_RESULT, "Đang xử lý"),
    (S.PROCESSING, A.START_PROCESSING, "Đang xử lý"),
    (S.SUPPLEMENT_REQUESTED, A.REQUEST_SUPPLEMENT, "Chờ bổ sung hồ sơ"),
    (S.SUPPLEMENT_REQUESTED, A.RESULT_READY, "Chờ bổ sung hồ sơ"),
    (S.SUPPLEMENT_REQUESTED, A.REFUSE, "Chờ bổ sung hồ sơ"),
    (S.RESULT_READY, A.WITHDRAW, "Đã có kết quả, chờ trả"),
    (S.RESULT_READY, A.REQUEST_SUPPLEMENT, "Đã có kết quả, chờ trả"),
    (S.RETURNED, A.TRANSFER, "Đã trả kết quả"),
    (S.REFUSED, A.START_PROCESSING, "Từ chối giải quyết"),
    (S.WITHDRAWN, A.SUPPLEMENT_RECEIVED, "Công dân đã rút hồ sơ"),
    (S.STOPPED, A.RETURN_RESULT, "Đã dừng giải quyết"),
]


@pytest.mark.parametrize(("status", "action", "vi_state"), ILLEGAL)
def test_illegal_transitions_name_the_state_in_vietnamese(
    status: S, action: A, vi_state: str
) -> None:
    with pytest.raises(DomainError) as exc:
        next_status(status, action, resume_to=S.PROCESSING)
    err = exc.value
    assert err.key == "dossier.illegal_transition"
    assert err.params["action"] == action.value
    assert err.params["status"] == status.value
    vi = render_error(err, "vi")
    assert f"“{vi_state}”" in vi
    assert t(label_key(action), "vi") in vi
    for allowed in allowed_actions(status):
        assert t(label_key(allowed), "vi") in vi
    en = render_error(err, "en")
    assert t(label_key(status), "en") in en and vi_state in en
    assert "{" not in vi and "{" not in en


def test_illegal_message_on_closed_dossier_says_so() -> None:
    with pytest.raises(DomainError) as exc:
        next_status(S.RETURNED, A.WITHDRAW)
    assert "hồ sơ đã kết thúc" in render_error(exc.value, "vi")


def test_unknown_action_or_status() -> None:
    with pytest.raises(DomainError) as exc:
        next_status(S.RECEIVED, "teleport")
    assert exc.value.key == "dossier.unknown_action"
    with pytest.raises(DomainError) as exc:
        next_status("LOST", A.TRANSFER)  # type: ignore[arg-type]
    assert exc.value.key == "dossier.unknown_status"
    with pytest.raises(DomainError) as exc:
        allowed_actions("LOST")  # type: ignore[arg-type]
    assert exc.value.key == "dossier.unknown_status"
    with pytest.raises(DomainError) as exc:
        next_status(S.SUPPLEMENT_REQUESTED, A.SUPPLEMENT_RECEIVED, resume_to="LOST")  # type: ignore[arg-type]
    assert exc.value.key == "dossier.resume_invalid"
    assert next_status("PROCESSING", "result_ready") is S.RESULT_READY  # type: ignore[arg-type]


def test_every_status_and_action_has_words_in_both_languages() -> None:
    keys = {label_key(s) for s in S} | {label_key(a) for a in A}
    assert len(keys) == len(S) + len(A)
    assert t("status.RECEIVED", "vi") == "Đã tiếp nhận"
    assert t("action.transfer", "en") == "Transfer for processing"
    for key in keys:
        vi, en = t(key, "vi"), t(key, "en")
        assert key not in (vi, en) and vi != en, key


# ----------------------------------------------------------------------------- projection

T0 = datetime(2025, 9, 1, 9, 0)


def ev(kind: A | str, hours: float, **payload: object) -> Event:
    return Event(kind, T0 + timedelta(hours=hours), payload)


def test_project_happy_path() -> None:
    state = project(
        [
            ev(A.RECEIVE, 0),
            ev("note", 0.5, text="đã scan"),
            ev(A.TRANSFER, 1),
            ev(A.START_PROCESSING, 2),
            ev(A.RESULT_READY, 30),
            ev(A.RETURN_RESULT, 50),
        ]
    )
    assert state.status is S.RETURNED
    assert state.received_at == T0
    assert state.result_at == T0 + timedelta(hours=30)
    assert state.returned_at == state.closed_at == T0 + timedelta(hours=50)
    assert state.pauses == () and state.restart_at is None and state.resume_to is None
    assert state.clock_start == T0
    assert state.transitions == 5
    assert not state.is_open


def test_project_supplement_pause_and_resume() -> None:
    events = [
        ev(A.RECEIVE, 0),
        ev(A.TRANSFER, 1),
        ev(A.START_PROCESSING, 2),
        ev(A.REQUEST_SUPPLEMENT, 3),
    ]
    paused = project(events)
    assert paused.status is S.SUPPLEMENT_REQUESTED and paused.is_paused and paused.is_open
    assert paused.resume_to is S.PROCESSING
    assert paused.pauses == (Pause(T0 + timedelta(hours=3), None),)
    resumed = project([*events, ev(A.SUPPLEMENT_RECEIVED, 27)])
    assert resumed.status is S.PROCESSING
    assert resumed.resume_to is None
    assert resumed.pauses == (Pause(T0 + timedelta(hours=3), T0 + timedelta(hours=27)),)
    assert resumed.restart_at is None and resumed.clock_start == T0


def test_project_supplement_with_restart() -> None:
    state = project(
        [
            ev(A.RECEIVE, 0),
            ev(A.TRANSFER, 1),
            ev(A.REQUEST_SUPPLEMENT, 5, restart=True),
            ev(A.SUPPLEMENT_RECEIVED, 48),
            ev(A.START_PROCESSING, 49),
            ev(A.REQUEST_SUPPLEMENT, 60),
            ev(A.SUPPLEMENT_RECEIVED, 70),
        ]
    )
    assert state.status is S.PROCESSING
    assert [p.restarts for p in state.pauses] == [True, False]
    assert state.restart_at == state.clock_start == T0 + timedelta(hours=48)
    assert all(p.end is not None for p in state.pauses)


def test_project_withdraw_while_paused_closes_the_pause() -> None:
    state = project([ev(A.RECEIVE, 0), ev(A.REQUEST_SUPPLEMENT, 1), ev(A.WITHDRAW, 10)])
    assert state.status is S.WITHDRAWN
    assert state.pauses[-1].end == state.closed_at == T0 + timedelta(hours=10)


def test_project_immediate_result() -> None:
    state = project([ev("receive", 0, immediate=True)])
    assert state.status is S.RETURNED and state.immediate
    assert state.received_at == state.result_at == state.returned_at == state.closed_at == T0


def test_project_plain_string_kinds() -> None:
    state = project([ev("receive", 0), ev("transfer", 1), ev("refuse", 2)])
    assert state.status is S.REFUSED and state.closed_at == T0 + timedelta(hours=2)


def test_project_rejects_broken_logs() -> None:
    with pytest.raises(DomainError) as exc:
        project([])
    assert exc.value.key == "dossier.no_events"
    with pytest.raises(DomainError) as exc:
        project([ev("note", 0)])
    assert exc.value.key == "dossier.no_events"
    with pytest.raises(DomainError) as exc:
        project([ev(A.TRANSFER, 0)])
    assert exc.value.key == "dossier.illegal_transition"
    with pytest.raises(DomainError) as exc:
        project([ev(A.RECEIVE, 0), ev(A.RECEIVE, 1)])
    assert exc.value.key == "dossier.illegal_transition"
    with pytest.raises(DomainError) as exc:
        project([ev(A.RECEIVE, 0), ev(A.RETURN_RESULT, 1)])
    assert exc.value.params["status"] == "RECEIVED"


@st.composite
def legal_histories(draw: st.DrawFn) -> list[Event]:
    """A random legal event log: walk the machine choosing among allowed actions."""
    events = [ev(A.RECEIVE, 0, immediate=draw(st.booleans()) and draw(st.booleans()))]
    status = next_status(None, A.RECEIVE, immediate=bool(events[0].payload["immediate"]))
    resume: S | None = None
    for i in range(1, draw(st.integers(0, 12)) + 1):
        choices = allowed_actions(status)
        if not choices:
            break
        action = draw(st.sampled_from(choices))
        restart = draw(st.booleans())
        events.append(ev(action, i, restart=restart))
        if action is A.REQUEST_SUPPLEMENT:
            resume = status
        status = next_status(status, action, resume_to=resume)
    return events


@given(legal_histories())
def test_projection_is_deterministic_and_matches_the_walk(events: list[Event]) -> None:
    state = project(events)
    assert project(list(events)) == state
    assert isinstance(state, DossierState)
    assert state.transitions == len(events)
    assert state.is_open == (state.status not in TERMINAL)
    assert (state.status is S.SUPPLEMENT_REQUESTED) == (state.resume_to is not None)
    open_pauses = [p for p in state.pauses if p.end is None]
    assert len(open_pauses) == (1 if state.status is S.SUPPLEMENT_REQUESTED else 0)
    assert (state.closed_at is not None) == (state.status in TERMINAL)
    # Replaying any prefix never fails: every intermediate log is also legal.
    for k in range(1, len(events)):
        project(events[:k])
