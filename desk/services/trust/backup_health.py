"""The start-up check: `PRAGMA quick_check` of the office database and, when it is damaged,
the newest backup that passes its own check (see backup.py).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desk.i18n import t
from desk.services.trust.backup_files import (
    BackupInfo,
    check_plain,
    connect,
    list_backups,
    secure_store,
)
from desk.services.trust.shapes import BackupCheckOut

if TYPE_CHECKING:
    from desk.services.context import DeskContext



@dataclass
class HealthReport:
    ok: bool
    database: Path
    problem: str = ""
    backup: BackupInfo | None = None  # the newest backup that passes its own check
    candidates: list[BackupInfo] = field(default_factory=list)  # encrypted: not checkable

    def as_dict(self) -> BackupCheckOut:
        """What `desk backup check --json` prints."""
        return {"ok": self.ok, "database": str(self.database), "problem": self.problem,
                "backup": self.backup.as_dict() if self.backup else None}

    def message(self) -> str:
        if self.ok:
            return t("health.ok", path=self.database)
        lines = [t("health.damaged", path=self.database)]
        if self.backup is not None:
            lines.append(t("health.offer", file=self.backup.path,
                           when=self.backup.created.strftime("%d/%m/%Y %H:%M")))
        elif self.candidates:
            lines.append(t("health.offer_encrypted", file=self.candidates[0].path,
                           when=self.candidates[0].created.strftime("%d/%m/%Y %H:%M")))
        else:
            lines.append(t("health.no_backup", folder=self.database.parent))
        lines.append(t("health.keep"))
        return "\n".join(lines)


def quick_check(ctx: DeskContext) -> HealthReport:
    """`PRAGMA quick_check` on the office database, without opening it through the app (a
    damaged file must not be migrated or written). Also makes the files 0600."""
    db = ctx.settings.database_path
    if not db.exists():
        return HealthReport(ok=True, database=db)
    secure_store(ctx)
    problem = ""
    try:
        conn = connect(db)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
        finally:
            conn.close()
        if rows != ["ok"]:
            problem = "; ".join(rows[:5])
    except sqlite3.DatabaseError as e:
        problem = str(e)
    if not problem:
        return HealthReport(ok=True, database=db)
    report = HealthReport(ok=False, database=db, problem=problem)
    for b in list_backups(ctx):
        if b.encrypted:
            report.candidates.append(b)
        elif not check_plain(b.path, quick=True):
            report.backup = b
            break
    return report
