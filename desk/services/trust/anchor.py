"""Comparing this PC's audit chain with the heads the province keeps (issue 15 §5).

The chain's own check (`audit.verify`) finds an edited or removed entry in the middle, but not
a removed tail, nor a chain edited and then recomputed from that row on. The district keeps the
heads this device pushed (desk/district/anchor.py). The local chain must still pass through
every head of the current epoch with the same hash:

- "behind": the province holds entry N, this PC stops before it — the tail was deleted;
- "diverged": entry N is here with another hash — the trail was edited and recomputed;
- "newer_epoch": the province saw a later epoch — an older copy of the file was put back
  without `desk restore`;
- "restore_gap": heads of an earlier epoch that the restore recorded in the trail does not
  cover (the entries after the backup were lost, or removed before the restore);
- "epoch": the epoch changed with no restore recorded in the trail;
- "new_pc" (not a failure, said): a restore onto a PC that had no database — the old PC's
  entries after the backup are not here, and no file was there to say how far it went.

A restore (desk/services/trust/backup_restore.py) raises the device epoch and records the head
the database had before (`previous_audit_head`): a head of an earlier epoch is explained when
that restore came after it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, bindparam, text


@dataclass(frozen=True)
class AnchorVerdict:
    status: str  # ok | none | new_pc | behind | diverged | newer_epoch | restore_gap | epoch
    checked: int = 0  # heads compared
    seq: int | None = None  # the province's entry that disagrees (or its newest, when ok)
    local_seq: int = 0  # this PC's last entry
    day: str = ""  # the day the province received that head
    have: int | None = None  # restore_gap: the entry the restore says the PC had

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "none", "new_pc")

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "checked": self.checked, "seq": self.seq,
                "local_seq": self.local_seq, "day": self.day, "have": self.have}


def _epoch(conn: Any) -> int:
    epoch = 1
    r = conn.execute(text("SELECT value FROM device_state WHERE key='device_epoch'")).first()
    if r and str(r[0]).isdigit():
        epoch = int(r[0])
    r = conn.execute(text("SELECT device_epoch FROM sync_state WHERE id=1")).first()
    if r and r[0] is not None:
        epoch = max(epoch, int(r[0]))
    return epoch


def local_head(engine: Engine) -> dict[str, Any] | None:
    """{"device", "epoch", "seq", "hash"} of this database; None before its first sync."""
    with engine.connect() as conn:
        st = conn.execute(text("SELECT device_id FROM sync_state WHERE id=1")).first()
        if st is None:
            return None
        last = conn.execute(text("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
                            ).first()
        seq, digest = (int(last[0]), str(last[1])) if last else (0, "0" * 64)
        return {"device": str(st[0]), "epoch": _epoch(conn), "seq": seq, "hash": digest}


def compare(engine: Engine, heads: list[dict[str, Any]]) -> AnchorVerdict:
    """The local chain against the province's heads (any order)."""
    with engine.connect() as conn:
        epoch = _epoch(conn)
        last = conn.execute(text("SELECT max(seq) FROM audit_log")).scalar()
        local_seq = int(last or 0)
        if not heads:
            return AnchorVerdict("none", local_seq=local_seq)
        newer = [h for h in heads if int(h["epoch"]) > epoch]
        if newer:
            h = max(newer, key=lambda h: (h["epoch"], h["seq"]))
            return AnchorVerdict("newer_epoch", len(heads), int(h["seq"]), local_seq,
                                 str(h.get("day", "")))
        current = sorted((h for h in heads if int(h["epoch"]) == epoch),
                         key=lambda h: int(h["seq"]))
        wanted = [int(h["seq"]) for h in current]
        found: dict[int, str] = {}
        if wanted:
            q = text("SELECT seq, hash FROM audit_log WHERE seq IN :seqs").bindparams(
                bindparam("seqs", expanding=True))
            for i in range(0, len(wanted), 500):
                found.update((int(s), str(h)) for s, h in conn.execute(
                    q, {"seqs": wanted[i:i + 500]}))
        restores = [(int(s), _detail(d)) for s, d in conn.execute(text(
            "SELECT seq, detail FROM audit_log WHERE action = 'restore' ORDER BY seq"))]
    for h in current:  # oldest first: the first disagreement is where the change begins
        seq = int(h["seq"])
        if seq == 0:
            continue
        if seq not in found:
            return AnchorVerdict("behind", len(heads), seq, local_seq, str(h.get("day", "")))
        if found[seq] != h["hash"]:
            return AnchorVerdict("diverged", len(heads), seq, local_seq, str(h.get("day", "")))
    older = [h for h in heads if int(h["epoch"]) < epoch]
    if older:
        h = max(older, key=lambda h: (int(h["epoch"]), int(h["seq"])))
        # the first restore that left the head's epoch must have known of its entries
        after = [d for _, d in restores if int(d.get("device_epoch") or 0) > int(h["epoch"])]
        if not after:
            return AnchorVerdict("epoch", len(heads), int(h["seq"]), local_seq,
                                 str(h.get("day", "")))
        prev = after[0].get("previous_audit_head") or [0, ""]
        have = int(prev[0] or 0)
        if have < int(h["seq"]) and not after[0].get("set_aside"):  # nothing to set aside
            return AnchorVerdict("new_pc", len(heads), int(h["seq"]), local_seq,
                                 str(h.get("day", "")), have)
        if have < int(h["seq"]):
            return AnchorVerdict("restore_gap", len(heads), int(h["seq"]), local_seq,
                                 str(h.get("day", "")), have)
    newest = max(heads, key=lambda h: (int(h["epoch"]), int(h["seq"])))
    return AnchorVerdict("ok", len(heads), int(newest["seq"]), local_seq,
                         str(newest.get("day", "")))


def _detail(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    return value if isinstance(value, dict) else {}
