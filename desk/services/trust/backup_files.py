"""What a backup is on disk: its name, its manifest, file modes, and the checks of a plain
copy (integrity, counts, a revision this release knows, no object the migrations did not
create). Shared by backup_create, backup_restore and backup_health (see backup.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desk.domain.errors import DomainError
from desk.domain.os_errors import os_reason
from desk.services.trust.shapes import BackupOut

if TYPE_CHECKING:
    from desk.services.context import DeskContext


KINDS = ("auto", "manual")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
NAME_RE = re.compile(r"^desk-(\d{8})-(\d{6})(?:-\d+)?-(auto|manual)\.sqlite3(\.enc)?$")
SQLITE_MAGIC = b"SQLite format 3\x00"
COUNTED = ("citizen", "dossier", "dossier_event", "clerk", "procedure", "ticket", "ticket_event",
           "audit_log", "outbox_event", "print_job")
POSIX_MODES = os.name != "nt"
POSIX_MODES = os.name != "nt"


def secure_file(path: Path) -> None:
    """Owner read/write only (0600) where the OS has POSIX modes; silently skipped elsewhere."""
    if POSIX_MODES:
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)


def secure_store(ctx: DeskContext) -> None:
    """The database file and its -wal/-shm made 0600 (called by `quick_check` at start)."""
    db = ctx.settings.database_path
    for p in (db, side(db, "-wal"), side(db, "-shm")):
        if p.exists():
            secure_file(p)


def side(db: Path, suffix: str) -> Path:
    return db.with_name(db.name + suffix)


def fsync_dir(folder: Path) -> None:
    if not POSIX_MODES:
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def backup_dir(ctx: DeskContext) -> Path:
    """<data_dir>/backups; next to the database when only `storage.database` is configured."""
    s = ctx.settings
    base = s.data_dir if s.storage.data_dir is not None or s.storage.database is None \
        else s.database_path.parent
    return base / "backups"


def ensure_dir(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DomainError("backup.folder", folder=str(folder), error=os_reason(e)) \
            from None
    if POSIX_MODES:
        with contextlib.suppress(OSError):
            os.chmod(folder, 0o700)
    return folder


@dataclass
class BackupInfo:
    path: Path
    kind: str
    created: datetime  # office-local, from the file name
    encrypted: bool
    size: int = 0
    revision: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    sha256: str = ""
    audit_head: tuple[int, str] | None = None
    device_epoch: int | None = None
    copied_to: Path | None = None

    def as_dict(self) -> BackupOut:
        return {"path": str(self.path), "kind": self.kind,
                "created": self.created.isoformat(timespec="seconds"),
                "encrypted": self.encrypted, "size": self.size, "revision": self.revision,
                "counts": dict(self.counts), "sha256": self.sha256,
                "audit_head": list(self.audit_head) if self.audit_head else None,
                "device_epoch": self.device_epoch,
                "copied_to": str(self.copied_to) if self.copied_to else None}


def _parse_name(path: Path, tz: Any) -> BackupInfo | None:
    m = NAME_RE.match(path.name)
    if m is None:
        return None
    try:
        created = datetime.strptime(m.group(1) + m.group(2), "%Y%m%d%H%M%S").replace(tzinfo=tz)
    except ValueError:
        return None
    info = BackupInfo(path=path, kind=m.group(3), created=created, encrypted=bool(m.group(4)))
    with contextlib.suppress(OSError):
        info.size = path.stat().st_size
    manifest = manifest_path(path)
    if manifest.is_file():
        with contextlib.suppress(OSError, ValueError, TypeError, KeyError):
            data = json.loads(manifest.read_text(encoding="utf-8"))
            info.revision = str(data.get("revision", ""))
            info.counts = {str(k): int(v) for k, v in (data.get("counts") or {}).items()}
            info.sha256 = str(data.get("sha256", ""))
            head = data.get("audit_head")
            info.audit_head = (int(head[0]), str(head[1])) if head else None
            epoch = data.get("device_epoch")
            info.device_epoch = int(epoch) if epoch is not None else None
    return info


def manifest_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def list_backups(ctx: DeskContext, folder: Path | None = None) -> list[BackupInfo]:
    """The backups in `folder` (default: the office's backup folder), newest first."""
    folder = folder or backup_dir(ctx)
    if not folder.is_dir():
        return []
    found = [i for p in folder.iterdir() if (i := _parse_name(p, ctx.tz)) is not None]
    return sorted(found, key=lambda i: (i.created, i.path.name), reverse=True)


def read_manifest(path: Path) -> dict[str, Any] | None:
    """The manifest beside the backup at `path` checked against the file: its SHA-256 must be
    the file's (a backup altered or damaged after it was made is refused before anything
    else reads it). None when there is no manifest; DomainError when it disagrees."""
    manifest = manifest_path(path)
    if not manifest.is_file():
        return None
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        data = None
    digest = data.get("sha256") if isinstance(data, dict) else None
    if not isinstance(data, dict) or not isinstance(digest, str) or not SHA256_RE.match(digest):
        raise DomainError("restore.bad_manifest", file=str(path), manifest=manifest.name)
    got = sha256_of(path)
    if got != digest:
        raise DomainError("restore.digest_mismatch", file=str(path), manifest=manifest.name,
                          expected=digest[:16], got=got[:16])
    return data


# --- a plain copy and its check --------------------------------------------------------------

def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=10, isolation_level=None)
    conn.execute("PRAGMA busy_timeout=10000")
    return conn


def table_names(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    present = table_names(conn)
    return {t: int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
            for t in COUNTED if t in present}


def revisions(conn: sqlite3.Connection) -> list[str]:
    if "alembic_version" not in table_names(conn):
        return []
    return sorted(r[0] for r in conn.execute("SELECT version_num FROM alembic_version"))


def audit_head(conn: sqlite3.Connection) -> tuple[int, str] | None:
    if "audit_log" not in table_names(conn):
        return None
    r = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(r[0]), str(r[1])) if r else (0, "0" * 64)


def device_epoch(conn: sqlite3.Connection) -> int:
    tables, epoch = table_names(conn), 1
    if "device_state" in tables:
        r = conn.execute("SELECT value FROM device_state WHERE key='device_epoch'").fetchone()
        if r and str(r[0]).isdigit():
            epoch = max(epoch, int(r[0]))
    if "sync_state" in tables:
        r = conn.execute("SELECT device_epoch FROM sync_state WHERE id=1").fetchone()
        if r and r[0] is not None:
            epoch = max(epoch, int(r[0]))
    return epoch


def online_copy(src_path: Path, dst_path: Path) -> dict[str, Any]:
    """Copy the live database to `dst_path`; the counts etc. of the same snapshot."""
    if not src_path.is_file():
        raise DomainError("backup.no_database", path=str(src_path))
    src = connect(src_path)
    try:
        src.execute("BEGIN")  # one snapshot for the counts and the copy
        snap = {"counts": row_counts(src), "revision": "+".join(revisions(src)),
                "audit_head": audit_head(src), "device_epoch": device_epoch(src)}
        dst = sqlite3.connect(str(dst_path), isolation_level=None)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a standalone file, no -wal beside it
        finally:
            dst.close()
        src.execute("COMMIT")
    finally:
        src.close()
    secure_file(dst_path)
    return snap


def check_plain(path: Path, *, counts: dict[str, int] | None = None,
                 quick: bool = False) -> list[str]:
    """Problems of a plain SQLite backup file ([] when good)."""
    try:
        with open(path, "rb") as f:
            if f.read(16) != SQLITE_MAGIC:
                return ["not_sqlite"]
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    except (OSError, sqlite3.Error) as e:
        return [f"unreadable: {e}"]
    try:
        rows = [r[0] for r in conn.execute(
            "PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            return ["integrity: " + "; ".join(rows[:5])]
        if counts is not None:
            got = row_counts(conn)
            if got != counts:
                return [f"counts: {got} != {counts}"]
        revs = revisions(conn)
        if not revs:
            return ["not_desk"]
        from storage import migrate  # noqa: PLC0415 — Alembic, only to check a copy

        unknown = [r for r in revs if not migrate.is_known(r)]
        if unknown:
            return ["unknown_revision: " + ", ".join(unknown)]
        from storage import schema_check  # noqa: PLC0415 — migrates a scratch file: restore only

        extra = schema_check.problems(conn)
        if extra:  # a planted trigger, table or view: never restored (issue 15)
            return ["unknown_schema: " + "; ".join(extra[:5])]
    except sqlite3.DatabaseError as e:
        return [f"damaged: {e}"]
    finally:
        conn.close()
    return []
