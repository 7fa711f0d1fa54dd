"""Restoring a backup: the manifest's digest checked first, the content checked (decrypted,
integrity, revision, schema), the current file set aside, numbers and the sync identity
carried over, the epoch raised, audited (see backup.py).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from desk.domain.errors import DomainError
from desk.domain.os_errors import os_reason
from desk.services.trust import audit
from desk.services.trust.actor import SYSTEM, Actor
from desk.services.trust.backup_crypto import decrypt_file, is_encrypted
from desk.services.trust.backup_files import (
    audit_head,
    backup_dir,
    check_plain,
    connect,
    device_epoch,
    fsync_dir,
    fsync_file,
    manifest_path,
    read_manifest,
    revisions,
    row_counts,
    secure_file,
    secure_store,
    side,
    table_names,
)
from desk.services.trust.roles import require
from desk.services.trust.shapes import BackupVerifyOut, RestoreOut
from storage.engine import sqlite_of, write_session

if TYPE_CHECKING:
    from desk.services.context import DeskContext



@dataclass
class RestoreInfo:
    restored_from: Path
    database: Path
    set_aside: Path | None
    device_epoch: int
    revision: str
    counts: dict[str, int]

    def as_dict(self) -> RestoreOut:
        return {"restored_from": str(self.restored_from), "database": str(self.database),
                "set_aside": str(self.set_aside) if self.set_aside else None,
                "device_epoch": self.device_epoch, "revision": self.revision,
                "counts": self.counts}




@contextlib.contextmanager
def prepared(path: Path, passphrase: str | None, workdir: Path, *,
             without_manifest: bool = False) -> Iterator[Path]:
    """The backup at `path` as a checked plain SQLite file in `workdir` (removed afterwards
    unless the caller moved it away). Its manifest's digest is checked first; a backup
    without a manifest is refused unless `without_manifest` (said, and audited, by the
    caller) — after its content was checked, so a bad file is named for what is wrong."""
    path = Path(path)
    if not path.is_file():
        raise DomainError("restore.missing", file=str(path))
    manifest = read_manifest(path)
    counts = None
    if manifest is not None and isinstance(manifest.get("counts"), dict):
        with contextlib.suppress(TypeError, ValueError):
            counts = {str(k): int(v) for k, v in manifest["counts"].items()}
    workdir.mkdir(parents=True, exist_ok=True)
    plain = workdir / f".restore-{os.getpid()}-{path.name}.sqlite3"
    try:
        if is_encrypted(path):
            if passphrase is None:
                raise DomainError("restore.needs_passphrase", file=str(path))
            decrypt_file(path, plain, passphrase)
        else:
            shutil.copyfile(path, plain)
            secure_file(plain)
        problems = check_plain(plain, counts=counts)
        if problems:
            key = {"not_sqlite": "restore.not_backup", "not_desk": "restore.not_backup"}.get(
                problems[0], "restore.bad_file")
            if problems[0].startswith("unknown_revision"):
                key = "restore.newer_schema"
            if problems[0].startswith("unknown_schema"):
                key = "restore.unknown_schema"
            raise DomainError(key, file=str(path), problem=problems[0])
        if manifest is None and not without_manifest:
            raise DomainError("restore.no_manifest", file=str(path),
                              manifest=manifest_path(path).name)
        yield plain
    finally:
        with contextlib.suppress(OSError):
            plain.unlink()


def check_backup(ctx: DeskContext, path: Path, passphrase: str | None = None, *,
                 without_manifest: bool = False) -> BackupVerifyOut:
    """Check a backup file without restoring it: {"ok", "file", "revision", "counts"}."""
    with prepared(path, passphrase, backup_dir(ctx), without_manifest=without_manifest) as plain:
        conn = sqlite3.connect(f"file:{plain}?mode=ro", uri=True)
        try:
            return {"ok": True, "file": str(path), "revision": "+".join(revisions(conn)),
                    "counts": row_counts(conn)}
        finally:
            conn.close()


def _read_carry(db: Path) -> dict[str, Any] | None:
    """What must survive a restore, read from the current database (None if unreadable)."""
    if not db.is_file():
        return None
    try:
        conn = connect(db)
    except sqlite3.Error:
        return None
    try:
        tables = table_names(conn)
        carry: dict[str, Any] = {"epoch": device_epoch(conn), "sync": None, "dossier_seq": [],
                                 "ticket_seq": [], "audit_head": audit_head(conn)}
        if "sync_state" in tables:
            r = conn.execute("SELECT device_id, last_seq, hlc_last FROM sync_state WHERE id=1"
                             ).fetchone()
            carry["sync"] = tuple(r) if r else None
        if "dossier_sequence" in tables:
            carry["dossier_seq"] = conn.execute(
                "SELECT office_id, day, last FROM dossier_sequence").fetchall()
        if "ticket_sequence" in tables:
            carry["ticket_seq"] = conn.execute(
                "SELECT day, service_code, last FROM ticket_sequence").fetchall()
        with contextlib.suppress(sqlite3.Error):
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return carry
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()


def restore(ctx: DeskContext, path: Path, *, passphrase: str | None = None,
            actor: Actor = SYSTEM, without_manifest: bool = False) -> RestoreInfo:
    """Put the backup at `path` in place of the office database (see the module doc)."""
    require(ctx, actor, "backup.restore")
    db = ctx.settings.database_path
    with prepared(Path(path), passphrase, db.parent,
                  without_manifest=without_manifest) as plain:
        carry = _read_carry(db)
        ctx.close()
        stamp = ctx.local_now().strftime("%Y%m%d-%H%M%S")
        aside = db.with_name(f"{db.name}.before-restore-{stamp}") if db.exists() else None
        moved: list[tuple[Path, Path]] = []
        try:
            if aside is not None:
                for suffix in ("", "-wal", "-shm"):
                    src = side(db, suffix) if suffix else db
                    if src.exists():
                        dst = side(aside, suffix) if suffix else aside
                        os.replace(src, dst)
                        moved.append((src, dst))
            fsync_file(plain)
            os.replace(plain, db)
            fsync_dir(db.parent)
        except OSError as e:
            for src, dst in reversed(moved):  # put the current database back as it was
                with contextlib.suppress(OSError):
                    os.replace(dst, src)
            raise DomainError("restore.write_failed", file=str(db),
                              error=os_reason(e)) from None
    secure_store(ctx)
    epoch = _after_restore(ctx, Path(path), aside, carry, actor, without_manifest)
    from storage import migrate  # noqa: PLC0415 — Alembic, only when restoring

    conn = connect(db)
    try:
        counts = row_counts(conn)
    finally:
        conn.close()
    return RestoreInfo(restored_from=Path(path), database=db, set_aside=aside,
                       device_epoch=epoch, revision=migrate.current_revision(ctx.engine) or "",
                       counts=counts)


def _after_restore(ctx: DeskContext, source: Path, aside: Path | None,
                   carry: dict[str, Any] | None, actor: Actor,
                   without_manifest: bool = False) -> int:
    """Migrate the restored file, raise the epoch, keep numbers monotonic, audit."""
    engine = ctx.engine  # opens and migrates the restored file to this release's schema
    carry = carry or {}
    with write_session(engine) as s:
        conn = s.connection()
        raw = sqlite_of(conn.connection.dbapi_connection)
        restored_epoch = device_epoch(raw)
        restored_head = audit_head(raw)
        epoch = max(restored_epoch, int(carry.get("epoch") or 1)) + 1
        s.execute(text("INSERT INTO device_state (key, value) VALUES ('device_epoch', :v) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value"), {"v": str(epoch)})
        for key, value in (("restored_from", source.name),
                           ("restored_at", ctx.now().isoformat(timespec="seconds"))):
            s.execute(text("INSERT INTO device_state (key, value) VALUES (:k, :v) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                      {"k": key, "v": value})
        tables = table_names(raw)
        sync = carry.get("sync")
        row = s.execute(text("SELECT device_id, last_seq, hlc_last FROM sync_state WHERE id=1")
                        ).first() if "sync_state" in tables else None
        if "sync_state" in tables and (kept := sync or row) is not None:
            device_id = kept[0]
            last_seq = max(int((row or (None, 0))[1] or 0), int((sync or (None, 0))[1] or 0))
            hlc = max(str((row or ("", 0, ""))[2] or ""), str((sync or ("", 0, ""))[2] or ""))
            if row is None:
                s.execute(text(
                    "INSERT INTO sync_state (id, device_id, device_epoch, last_seq, pull_cursor,"
                    " hlc_last, last_error) VALUES (1, :d, :e, :s, '', :h, '')"),
                    {"d": device_id, "e": epoch, "s": last_seq, "h": hlc})
            else:
                s.execute(text("UPDATE sync_state SET device_id=:d, device_epoch=:e,"
                               " last_seq=:s, hlc_last=:h WHERE id=1"),
                          {"d": device_id, "e": epoch, "s": last_seq, "h": hlc})
            # what this device pushed after the backup point comes back from the district
            # at the next sync (desk/sync/recover.py)
            for key, value in (("sync_recover_after_seq", str(int((row or (None, 0))[1] or 0))),
                               ("sync_recover_cursor", "")):
                s.execute(text("INSERT INTO device_state (key, value) VALUES (:k, :v) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                          {"k": key, "v": value})
        for office_id, day, last in (carry.get("dossier_seq") or []) \
                if "dossier_sequence" in tables else []:
            s.execute(text(
                "INSERT INTO dossier_sequence (office_id, day, last) VALUES (:o, :d, :l) "
                "ON CONFLICT (office_id, day) DO UPDATE SET last = max(last, excluded.last)"),
                {"o": office_id, "d": day, "l": last})
        for day, service, last in (carry.get("ticket_seq") or []) \
                if "ticket_sequence" in tables else []:
            s.execute(text(
                "INSERT INTO ticket_sequence (day, service_code, last) VALUES (:d, :s, :l) "
                "ON CONFLICT (day, service_code) DO UPDATE SET last = max(last, excluded.last)"),
                {"d": day, "s": service, "l": last})
        audit.write(s, actor, audit.RESTORE, target_type="backup", target_id=source.name,
                    at=ctx.now(), detail={
                        "set_aside": aside.name if aside else "", "device_epoch": epoch,
                        "without_manifest": without_manifest,
                        "backup_audit_head": list(restored_head or (0, "")),
                        "previous_audit_head": list(carry.get("audit_head") or (0, ""))})
    return epoch
