"""Backups and restores of the office database, and the start-up health check.

Backup (`create_backup`)
    SQLite's online backup API (`sqlite3.Connection.backup`) copies the database inside one
    read transaction, so the counters keep working meanwhile (WAL: readers never block
    writers). In the same transaction the rows of the main tables are counted; the copy is then
    checked (`PRAGMA integrity_check`, the same counts, the schema revision) before it gets its
    final name. The copy is a standalone file (journal_mode=DELETE), mode 0600.

    Files live in `<data_dir>/backups` (or next to the database when the configuration names
    only a database file): `desk-YYYYMMDD-HHMMSS-{auto|manual}.sqlite3[.enc]`, each with a
    `.json` manifest (time, revision, counts, sha256, the audit trail's head, device epoch).
    Rotation keeps the newest automatic backup of each of the last 7 days, 4 ISO weeks and
    12 months, and the 10 newest manual ones (KEEP_* below — the hook for a future `[backup]`
    section of desk.toml). `dest` (a USB stick) gets a copy that is read back and compared.

Encryption (optional, `passphrase`)
    Needs the `cryptography` package. The key is derived with scrypt (n=2**15, r=8, p=1, a
    random 16-byte salt); the file is a header then the database in 4 MiB chunks, each a
    Fernet token (AES-128-CBC + HMAC-SHA256) over (index, last-flag, data), so the file streams,
    and a reordered, truncated or edited file is refused. Suffix `.enc`.

Automatic backup (`auto_backup_if_due`)
    At most one automatic backup per office day; call it when the app starts (in a worker),
    and it may be called again at any time (e.g. at closing) — it does nothing when today's
    exists.

Restore (`restore`)
    The file is checked first (decrypted, integrity_check, a schema revision this release
    knows). The current database (with its -wal/-shm) is renamed aside with a timestamp, never
    deleted; the backup takes its place and is migrated to this release's schema. Then, so that
    an older backup cannot break the district sync or reuse numbers:
      - `device_epoch` is raised above both the current and the backup's epoch (table
        `device_state`, and `sync_state.device_epoch` when the sync tables exist);
      - the sync identity is kept: `sync_state.device_id` stays the current one and
        `last_seq` / `hlc_last` never go backwards, so outbox seq numbers are never reused;
      - the dossier and ticket day sequences keep the highest number either file handed out,
        so a dossier code or ticket number printed after the backup is never issued again;
      - the next sync first gets back from the district this device's events numbered after
        the backup's last one (`sync_recover_after_seq` in `device_state`; desk/sync/recover.py)
        — on a new machine, where there is no current file to carry numbers from, that is
        also what raises the day's dossier sequence.
    Other counters must be closed during a restore; the command says so.

Start-up check (`quick_check`)
    `PRAGMA quick_check` (fast: no index cross-check); when the database is damaged, a plain
    message and the newest backup that passes its own check.

File modes: the database, its -wal/-shm, backups, manifests and exports are made 0600 and the
backup folder 0700 where the OS has POSIX modes (not on Windows, where the user profile's ACL
protects the data folder).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import shutil
import sqlite3
import struct
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.trust import audit
from desk.services.trust.actor import SYSTEM, Actor
from desk.services.trust.roles import require
from storage.engine import write_session

if TYPE_CHECKING:
    from desk.services.context import DeskContext

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
KEEP_MANUAL = 10

KINDS = ("auto", "manual")
NAME_RE = re.compile(r"^desk-(\d{8})-(\d{6})(?:-\d+)?-(auto|manual)\.sqlite3(\.enc)?$")
SQLITE_MAGIC = b"SQLite format 3\x00"
ENC_MAGIC = b"DESKBAK1"
CHUNK = 4 * 1024 * 1024
SCRYPT_N_LOG2, SCRYPT_R, SCRYPT_P = 15, 8, 1
COUNTED = ("citizen", "dossier", "dossier_event", "clerk", "procedure", "ticket", "ticket_event",
           "audit_log", "outbox_event", "print_job")
POSIX_MODES = os.name != "nt"


# --- files ------------------------------------------------------------------------------------

def secure_file(path: Path) -> None:
    """Owner read/write only (0600) where the OS has POSIX modes; silently skipped elsewhere."""
    if POSIX_MODES:
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)


def secure_store(ctx: DeskContext) -> None:
    """The database file and its -wal/-shm made 0600 (called by `quick_check` at start)."""
    db = ctx.settings.database_path
    for p in (db, _side(db, "-wal"), _side(db, "-shm")):
        if p.exists():
            secure_file(p)


def _side(db: Path, suffix: str) -> Path:
    return db.with_name(db.name + suffix)


def _fsync_dir(folder: Path) -> None:
    if not POSIX_MODES:
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def _sha256(path: Path) -> str:
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


def _ensure_dir(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DomainError("backup.folder", folder=str(folder), error=e.strerror or str(e)) \
            from None
    if POSIX_MODES:
        with contextlib.suppress(OSError):
            os.chmod(folder, 0o700)
    return folder


# --- what a backup is -------------------------------------------------------------------------

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

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["path"] = str(self.path)
        d["created"] = self.created.isoformat(timespec="seconds")
        d["copied_to"] = str(self.copied_to) if self.copied_to else None
        d["audit_head"] = list(self.audit_head) if self.audit_head else None
        return d


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
    manifest = _manifest_path(path)
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


def _manifest_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def list_backups(ctx: DeskContext, folder: Path | None = None) -> list[BackupInfo]:
    """The backups in `folder` (default: the office's backup folder), newest first."""
    folder = folder or backup_dir(ctx)
    if not folder.is_dir():
        return []
    found = [i for p in folder.iterdir() if (i := _parse_name(p, ctx.tz)) is not None]
    return sorted(found, key=lambda i: (i.created, i.path.name), reverse=True)


# --- the online copy and its check --------------------------------------------------------------

def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=10, isolation_level=None)
    conn.execute("PRAGMA busy_timeout=10000")
    return conn


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    present = _tables(conn)
    return {t: int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
            for t in COUNTED if t in present}


def _revisions(conn: sqlite3.Connection) -> list[str]:
    if "alembic_version" not in _tables(conn):
        return []
    return sorted(r[0] for r in conn.execute("SELECT version_num FROM alembic_version"))


def _audit_head(conn: sqlite3.Connection) -> tuple[int, str] | None:
    if "audit_log" not in _tables(conn):
        return None
    r = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(r[0]), str(r[1])) if r else (0, "0" * 64)


def _epoch(conn: sqlite3.Connection) -> int:
    tables, epoch = _tables(conn), 1
    if "device_state" in tables:
        r = conn.execute("SELECT value FROM device_state WHERE key='device_epoch'").fetchone()
        if r and str(r[0]).isdigit():
            epoch = max(epoch, int(r[0]))
    if "sync_state" in tables:
        r = conn.execute("SELECT device_epoch FROM sync_state WHERE id=1").fetchone()
        if r and r[0] is not None:
            epoch = max(epoch, int(r[0]))
    return epoch


def _online_copy(src_path: Path, dst_path: Path) -> dict[str, Any]:
    """Copy the live database to `dst_path`; the counts etc. of the same snapshot."""
    if not src_path.is_file():
        raise DomainError("backup.no_database", path=str(src_path))
    src = _connect(src_path)
    try:
        src.execute("BEGIN")  # one snapshot for the counts and the copy
        snap = {"counts": _counts(src), "revision": "+".join(_revisions(src)),
                "audit_head": _audit_head(src), "device_epoch": _epoch(src)}
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


def _check_plain(path: Path, *, counts: dict[str, int] | None = None,
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
            got = _counts(conn)
            if got != counts:
                return [f"counts: {got} != {counts}"]
        revs = _revisions(conn)
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


# --- encryption -------------------------------------------------------------------------------

KDF_MAX_MEMORY = 64 * 1024 * 1024  # scrypt needs 128·r·N bytes: ours 32 MiB (N=2^15, r=8)
KDF_MAX_WORK = 128 * 1024 * 1024  # memory × p: the passes scrypt runs one after another


def kdf_bounded(n_log2: int, r: int, p: int) -> bool:
    """Scrypt parameters a backup header may ask for: at most 64 MiB and twice our work (the
    header is read before the passphrase is checked: 4.2 GB was once asked for; issue 15)."""
    if not (10 <= n_log2 <= 20 and 1 <= r <= 32 and 1 <= p <= 4):
        return False
    memory = 128 * r * 2**n_log2
    return memory <= KDF_MAX_MEMORY and memory * p <= KDF_MAX_WORK


def _fernet(passphrase: str, salt: bytes, n_log2: int, r: int, p: int) -> Any:
    try:  # cryptography is heavy and only encrypted backups use it
        from cryptography.fernet import Fernet  # noqa: PLC0415
        from cryptography.hazmat.primitives.kdf.scrypt import Scrypt  # noqa: PLC0415
    except ImportError:
        raise DomainError("backup.no_crypto") from None
    if not passphrase:
        raise DomainError("backup.empty_passphrase")
    if not kdf_bounded(n_log2, r, p):  # a crafted header must not demand gigabytes
        raise DomainError("restore.not_backup", file="?")
    key = Scrypt(salt=salt, length=32, n=2**n_log2, r=r, p=p).derive(passphrase.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def encrypt_file(src: Path, dst: Path, passphrase: str) -> None:
    salt = os.urandom(16)
    f = _fernet(passphrase, salt, SCRYPT_N_LOG2, SCRYPT_R, SCRYPT_P)
    size = src.stat().st_size
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        secure_file(dst)
        fout.write(ENC_MAGIC + salt + bytes((SCRYPT_N_LOG2, SCRYPT_R, SCRYPT_P)))
        index, done = 0, 0
        while True:
            data = fin.read(CHUNK)
            done += len(data)
            last = done >= size
            token = f.encrypt(struct.pack(">QB", index, 1 if last else 0) + data)
            fout.write(struct.pack(">I", len(token)) + token)
            index += 1
            if last:
                break
        fout.flush()
        os.fsync(fout.fileno())


def is_encrypted(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(len(ENC_MAGIC)) == ENC_MAGIC
    except OSError:
        return False


def decrypt_file(src: Path, dst: Path, passphrase: str) -> None:
    """Decrypt `src` into `dst`; DomainError "restore.bad_passphrase" when the passphrase is
    wrong or the file was altered, "restore.truncated" when it was cut short."""
    # cryptography is heavy and only encrypted backups use it
    from cryptography.fernet import InvalidToken  # noqa: PLC0415

    with open(src, "rb") as fin:
        head = fin.read(len(ENC_MAGIC) + 19)
        if len(head) < len(ENC_MAGIC) + 19 or not head.startswith(ENC_MAGIC):
            raise DomainError("restore.not_backup", file=str(src))
        salt = head[len(ENC_MAGIC):len(ENC_MAGIC) + 16]
        n_log2, r, p = head[-3], head[-2], head[-1]
        f = _fernet(passphrase, salt, n_log2, r, p)
        with open(dst, "wb") as fout:
            secure_file(dst)
            index, finished = 0, False
            while True:
                size_b = fin.read(4)
                if not size_b:
                    break
                if finished or len(size_b) < 4:
                    raise DomainError("restore.truncated", file=str(src))
                (length,) = struct.unpack(">I", size_b)
                token = fin.read(length)
                if len(token) < length:
                    raise DomainError("restore.truncated", file=str(src))
                try:
                    plain = f.decrypt(token)
                except InvalidToken:
                    raise DomainError("restore.bad_passphrase", file=str(src)) from None
                got_index, last = struct.unpack(">QB", plain[:9])
                if got_index != index:
                    raise DomainError("restore.truncated", file=str(src))
                fout.write(plain[9:])
                index += 1
                finished = bool(last)
            if not finished:
                raise DomainError("restore.truncated", file=str(src))
            fout.flush()
            os.fsync(fout.fileno())


# --- creating backups -------------------------------------------------------------------------

def _free_name(folder: Path, stamp: datetime, kind: str, suffix: str) -> Path:
    base = f"desk-{stamp:%Y%m%d-%H%M%S}"
    path = folder / f"{base}-{kind}{suffix}"
    n = 2
    while path.exists():
        path = folder / f"{base}-{n}-{kind}{suffix}"
        n += 1
    return path


def create_backup(ctx: DeskContext, *, kind: str = "manual", dest: Path | None = None,
                  passphrase: str | None = None, actor: Actor = SYSTEM,
                  rotate_after: bool = True) -> BackupInfo:
    """Back the office database up into the backup folder (and copy it to `dest`)."""
    require(ctx, actor, "backup.create")
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    if passphrase is not None:
        _fernet(passphrase, b"\0" * 16, 10, 1, 1)  # fail before copying: no package, empty
    folder = _ensure_dir(backup_dir(ctx))
    stamp = ctx.local_now()
    final = _free_name(folder, stamp, kind, ".sqlite3.enc" if passphrase else ".sqlite3")
    part = folder / f".{final.name}.part"
    plain = folder / f".{final.name}.plain"
    try:
        snap = _online_copy(ctx.settings.database_path, plain)
        problems = _check_plain(plain, counts=snap["counts"])
        if problems:
            raise DomainError("backup.verify_failed", file=str(final), problem=problems[0])
        if passphrase:
            encrypt_file(plain, part, passphrase)
            plain.unlink()
        else:
            _fsync_file(plain)
            os.replace(plain, part)
        os.replace(part, final)
        _fsync_dir(folder)
    except OSError as e:
        raise DomainError("backup.write_failed", file=str(final),
                          error=e.strerror or str(e)) from None
    finally:
        for tmp in (plain, part):
            with contextlib.suppress(OSError):
                tmp.unlink()
    info = BackupInfo(path=final, kind=kind, created=stamp.replace(microsecond=0),
                      encrypted=bool(passphrase), size=final.stat().st_size,
                      revision=snap["revision"], counts=snap["counts"], sha256=_sha256(final),
                      audit_head=snap["audit_head"], device_epoch=snap["device_epoch"])
    _write_manifest(info)
    if dest is not None:
        info.copied_to = copy_to(info, Path(dest))
    audit.log(ctx, actor, audit.BACKUP, target_type="backup", target_id=final.name,
              detail={"kind": kind, "encrypted": info.encrypted, "size": info.size,
                      "sha256": info.sha256, "copied_to": str(info.copied_to or "")})
    if rotate_after:
        rotate(ctx, folder)
    return info


def _write_manifest(info: BackupInfo) -> None:
    data = info.as_dict()
    data.pop("path")
    data.pop("copied_to")
    data["file"] = info.path.name
    manifest = _manifest_path(info.path)
    tmp = manifest.with_name("." + manifest.name + ".part")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    secure_file(tmp)
    os.replace(tmp, manifest)


def copy_to(info: BackupInfo, folder: Path) -> Path:
    """Copy a finished backup (and its manifest) to `folder` — a USB stick — and read it back."""
    if not folder.is_dir():
        raise DomainError("backup.dest_missing", folder=str(folder))
    target = folder / info.path.name
    part = folder / f".{info.path.name}.part"
    try:
        shutil.copyfile(info.path, part)
        secure_file(part)
        _fsync_file(part)
        os.replace(part, target)
        _fsync_dir(folder)
        manifest = _manifest_path(info.path)
        if manifest.is_file():
            shutil.copyfile(manifest, _manifest_path(target))
            secure_file(_manifest_path(target))
    except OSError as e:
        with contextlib.suppress(OSError):
            part.unlink()
        raise DomainError("backup.dest_failed", folder=str(folder),
                          error=e.strerror or str(e)) from None
    if _sha256(target) != info.sha256:
        raise DomainError("backup.dest_mismatch", file=str(target))
    return target


def rotate(ctx: DeskContext, folder: Path | None = None) -> list[Path]:
    """Delete the backups the rotation no longer keeps; returns the deleted files."""
    backups = list_backups(ctx, folder)
    keep: set[Path] = {b.path for b in [b for b in backups if b.kind == "manual"][:KEEP_MANUAL]}
    auto = [b for b in backups if b.kind == "auto"]  # newest first
    for bucket, count in ((lambda d: d.date(), KEEP_DAILY),
                          (lambda d: d.isocalendar()[:2], KEEP_WEEKLY),
                          (lambda d: (d.year, d.month), KEEP_MONTHLY)):
        seen: list[Any] = []
        for b in auto:
            key = bucket(b.created)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(key)
            keep.add(b.path)
    deleted = []
    for b in backups:
        if b.path not in keep:
            for p in (b.path, _manifest_path(b.path)):
                with contextlib.suppress(OSError):
                    p.unlink()
            deleted.append(b.path)
    return deleted


def auto_backup_if_due(ctx: DeskContext, *, today: date | None = None) -> BackupInfo | None:
    """Today's automatic backup, made now if there is none yet; None when not due (or when
    the office has no database yet). Cheap when not due: one directory listing."""
    if not ctx.settings.database_path.is_file():
        return None
    day = today or ctx.local_now().date()
    if any(b.kind == "auto" and b.created.date() == day for b in list_backups(ctx)):
        return None
    return create_backup(ctx, kind="auto", actor=SYSTEM)


# --- restore ----------------------------------------------------------------------------------

@dataclass
class RestoreInfo:
    restored_from: Path
    database: Path
    set_aside: Path | None
    device_epoch: int
    revision: str
    counts: dict[str, int]

    def as_dict(self) -> dict[str, Any]:
        return {"restored_from": str(self.restored_from), "database": str(self.database),
                "set_aside": str(self.set_aside) if self.set_aside else None,
                "device_epoch": self.device_epoch, "revision": self.revision,
                "counts": self.counts}


@contextlib.contextmanager
def prepared(path: Path, passphrase: str | None, workdir: Path) -> Iterator[Path]:
    """The backup at `path` as a checked plain SQLite file in `workdir` (removed afterwards
    unless the caller moved it away)."""
    path = Path(path)
    if not path.is_file():
        raise DomainError("restore.missing", file=str(path))
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
        problems = _check_plain(plain)
        if problems:
            key = {"not_sqlite": "restore.not_backup", "not_desk": "restore.not_backup"}.get(
                problems[0], "restore.bad_file")
            if problems[0].startswith("unknown_revision"):
                key = "restore.newer_schema"
            if problems[0].startswith("unknown_schema"):
                key = "restore.unknown_schema"
            raise DomainError(key, file=str(path), problem=problems[0])
        yield plain
    finally:
        with contextlib.suppress(OSError):
            plain.unlink()


def check_backup(ctx: DeskContext, path: Path, passphrase: str | None = None) -> dict[str, Any]:
    """Check a backup file without restoring it: {"ok", "revision", "counts"}."""
    with prepared(path, passphrase, backup_dir(ctx)) as plain:
        conn = sqlite3.connect(f"file:{plain}?mode=ro", uri=True)
        try:
            return {"ok": True, "file": str(path), "revision": "+".join(_revisions(conn)),
                    "counts": _counts(conn)}
        finally:
            conn.close()


def _read_carry(db: Path) -> dict[str, Any] | None:
    """What must survive a restore, read from the current database (None if unreadable)."""
    if not db.is_file():
        return None
    try:
        conn = _connect(db)
    except sqlite3.Error:
        return None
    try:
        tables = _tables(conn)
        carry: dict[str, Any] = {"epoch": _epoch(conn), "sync": None, "dossier_seq": [],
                                 "ticket_seq": [], "audit_head": _audit_head(conn)}
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
            actor: Actor = SYSTEM) -> RestoreInfo:
    """Put the backup at `path` in place of the office database (see the module doc)."""
    require(ctx, actor, "backup.restore")
    db = ctx.settings.database_path
    with prepared(Path(path), passphrase, db.parent) as plain:
        carry = _read_carry(db)
        ctx.close()
        stamp = ctx.local_now().strftime("%Y%m%d-%H%M%S")
        aside = db.with_name(f"{db.name}.before-restore-{stamp}") if db.exists() else None
        moved: list[tuple[Path, Path]] = []
        try:
            if aside is not None:
                for suffix in ("", "-wal", "-shm"):
                    src = _side(db, suffix) if suffix else db
                    if src.exists():
                        dst = _side(aside, suffix) if suffix else aside
                        os.replace(src, dst)
                        moved.append((src, dst))
            _fsync_file(plain)
            os.replace(plain, db)
            _fsync_dir(db.parent)
        except OSError as e:
            for src, dst in reversed(moved):  # put the current database back as it was
                with contextlib.suppress(OSError):
                    os.replace(dst, src)
            raise DomainError("restore.write_failed", file=str(db),
                              error=e.strerror or str(e)) from None
    secure_store(ctx)
    epoch = _after_restore(ctx, Path(path), aside, carry, actor)
    from storage import migrate  # noqa: PLC0415 — Alembic, only when restoring

    conn = _connect(db)
    try:
        counts = _counts(conn)
    finally:
        conn.close()
    return RestoreInfo(restored_from=Path(path), database=db, set_aside=aside,
                       device_epoch=epoch, revision=migrate.current_revision(ctx.engine) or "",
                       counts=counts)


def _after_restore(ctx: DeskContext, source: Path, aside: Path | None,
                   carry: dict[str, Any] | None, actor: Actor) -> int:
    """Migrate the restored file, raise the epoch, keep numbers monotonic, audit."""
    engine = ctx.engine  # opens and migrates the restored file to this release's schema
    carry = carry or {}
    with write_session(engine) as s:
        conn = s.connection()
        raw = conn.connection.dbapi_connection
        assert raw is not None
        restored_epoch = _epoch(raw)  # type: ignore[arg-type]
        restored_head = _audit_head(raw)  # type: ignore[arg-type]
        epoch = max(restored_epoch, int(carry.get("epoch") or 1)) + 1
        s.execute(text("INSERT INTO device_state (key, value) VALUES ('device_epoch', :v) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value"), {"v": str(epoch)})
        for key, value in (("restored_from", source.name),
                           ("restored_at", ctx.now().isoformat(timespec="seconds"))):
            s.execute(text("INSERT INTO device_state (key, value) VALUES (:k, :v) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                      {"k": key, "v": value})
        tables = _tables(raw)  # type: ignore[arg-type]
        sync = carry.get("sync")
        row = s.execute(text("SELECT device_id, last_seq, hlc_last FROM sync_state WHERE id=1")
                        ).first() if "sync_state" in tables else None
        if "sync_state" in tables and (row is not None or sync is not None):
            device_id = (sync or row)[0]  # type: ignore[index]
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
                        "backup_audit_head": list(restored_head or (0, "")),
                        "previous_audit_head": list(carry.get("audit_head") or (0, ""))})
    return epoch


# --- the start-up check -------------------------------------------------------------------------

@dataclass
class HealthReport:
    ok: bool
    database: Path
    problem: str = ""
    backup: BackupInfo | None = None  # the newest backup that passes its own check
    candidates: list[BackupInfo] = field(default_factory=list)  # encrypted: not checkable

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
        conn = _connect(db)
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
        elif not _check_plain(b.path, quick=True):
            report.backup = b
            break
    return report
