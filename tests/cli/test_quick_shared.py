"""The quick `sqlite3` reads share the rules of the full stack instead of copying them
(issue 19 §1): the audit hash chain, the search box's terms and the deadline watch's rows
are each written once (tests/cli/test_quick_cli.py compares the two paths' output)."""

from __future__ import annotations

from pathlib import Path

import pytest

DESK = Path(__file__).resolve().parents[2] / "desk"

# A line that only the rule's own code has: it must appear in exactly one module.
RULES = {
    "audit hash": 'hashlib.sha256(f"{prev',
    "search words": 're.compile(r"[0-9a-z]+")',
    "receipt's day-number code": r're.compile(r"(\d{6})-(\d{1,4})")',
    "watch row": '"needs_letter": state == "overdue"',
    "watch window": "cal.next_working_start(cal.add_working_time(now, cal.hours_per_day))",
    "at-risk sentence": 'part += " " + t("deadline.summary.no_letter"',
    # the queue's writers (tickets.py, quick/queue_write.py): desk/services/queue/ticket_rules.py
    "daily ticket number": "(last or 0) + 1",
    "ticket state change": "t.last_called_at = now",
    "ticket event row": '"ticket_id": t.id if t else None',
    "next ticket to call": "rules.choose_next(",
    # and their outbox rows: desk/sync/outbox_wire.py
    "outbox seq and HLC tick": "tick(last, int(at.timestamp() * 1000)",
    "ticket event on the wire": 'p["n"], p["l"] =',
    # a printed ticket: desk/services/queue/ticket_paper.py, desk/services/printing/rendering.py
    "paper ticket": "build_ticket(TicketData(",
    "print job bytes": "return render(document, profile), to_text(",
    # the A4 papers of both paths (rule_forms / receipts and quick/papers.py)
    "fee's VietQR purpose": "if len(PREFIX + code) <= PURPOSE_MAX",
    "receipt's paper number": '.rsplit("-", 1)[-1] + "/TN"',
    "a form's fillers": '_FILLERS = {"supplement": _supplement',
    # the dossier's timeline of both paths (views.py, quick_read.py): dossier/view_model.py
    "an unnamed event's label": 't("action.superseded_other"',
    "a superseded event's prefix": '= "superseded."',
    # what an audit entry says happened, for every writer: trust/audit_chain.py
    "audit action names": 'PRINT = "print"',
    "a citizen's record shown": 'VIEW = "view"',
    # the quick twins' frame (open, refuse as the regular command, close): quick_run.py
    "quick twin's frame": "q = open_quick(context(args)",
    # a clerk's name as login and the PIN checked ahead look it up: domain/names.py
    "a clerk's name looked up": 'normalize("NFC", " ".join((name',
}


@pytest.mark.parametrize("rule", sorted(RULES))
def test_each_rule_is_written_once(rule: str) -> None:
    homes = sorted(str(p.relative_to(DESK)) for p in DESK.rglob("*.py")
                   if RULES[rule] in p.read_text(encoding="utf-8"))
    assert len(homes) == 1, f"{rule}: written in {homes}"


def test_the_quick_audit_entry_is_the_chains_own() -> None:
    """The quick path's entry verifies with the one hash function (no second canonical form)."""
    import sqlite3
    from datetime import UTC, datetime

    from desk.services.quick.audit import append
    from desk.services.trust.actor import SYSTEM
    from desk.services.trust.audit_chain import GENESIS, chain_hash

    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at TEXT, action TEXT,"
                 " actor_id TEXT, actor_name TEXT, actor_role TEXT, counter INTEGER,"
                 " target_type TEXT, target_id TEXT, citizen_id TEXT, detail TEXT,"
                 " prev_hash TEXT, hash TEXT)")
    at = datetime(2026, 11, 23, 2, 0, 0, 123456, tzinfo=UTC)
    for n in range(2):
        append(conn, SYSTEM, "view", at=at, target_type="dossier", target_id=f"X-{n}",
               citizen_id="c1")
    prev = GENESIS
    for seq, prev_hash, digest, target in conn.execute(
            "SELECT seq, prev_hash, hash, target_id FROM audit_log ORDER BY seq"):
        row = {"seq": seq, "at": at, "action": "view", "actor_id": "",
               "actor_name": SYSTEM.name, "actor_role": SYSTEM.role,
               "counter": SYSTEM.counter, "target_type": "dossier", "target_id": target,
               "citizen_id": "c1", "detail": {}}
        assert prev_hash == prev and digest == chain_hash(prev, row)
        prev = digest
