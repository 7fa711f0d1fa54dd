"""Making a backup: the online copy checked before it gets its name, its manifest, the copy
to a USB stick (encrypted unless asked otherwise), rotation, the daily automatic backup
(see backup.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desk.domain.errors import DomainError
from desk.domain.os_errors import os_reason
from desk.services.trust import audit
from desk.services.trust.actor import SYSTEM, Actor
from desk.services.trust.backup_crypto import encrypt_file, fernet, office_passphrase
from desk.services.trust.backup_files import (
    KINDS,
    BackupInfo,
    backup_dir,
    check_plain,
    ensure_dir,
    fsync_dir,
    fsync_file,
    list_backups,
    manifest_path,
    online_copy,
    secure_file,
    sha256_of,
)
from desk.services.trust.roles import require

if TYPE_CHECKING:
    from desk.services.context import DeskContext


KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
KEEP_MANUAL = 10


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
                  rotate_after: bool = True, plain: bool = False) -> BackupInfo:
    """Back the office database up into the backup folder (and copy it to `dest`).

    A copy that leaves the data folder (`dest`: a USB stick) is encrypted: with `passphrase`,
    else with the office's backup passphrase (`set_passphrase`); without either it is refused,
    unless `plain` asks for an unencrypted copy — which the audit entry records."""
    require(ctx, actor, "backup.create")
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    if dest is not None and not passphrase and not plain:
        passphrase = office_passphrase(ctx)
        if passphrase is None:
            raise DomainError("backup.dest_needs_passphrase", folder=str(dest))
    if passphrase is not None:
        fernet(passphrase, b"\0" * 16, 10, 1, 1)  # fail before copying: no package, empty
    folder = ensure_dir(backup_dir(ctx))
    stamp = ctx.local_now()
    final = _free_name(folder, stamp, kind, ".sqlite3.enc" if passphrase else ".sqlite3")
    part = folder / f".{final.name}.part"
    copy = folder / f".{final.name}.plain"  # the unencrypted snapshot, before it is sealed
    try:
        snap = online_copy(ctx.settings.database_path, copy)
        problems = check_plain(copy, counts=snap["counts"])
        if problems:
            raise DomainError("backup.verify_failed", file=str(final), problem=problems[0])
        if passphrase:
            encrypt_file(copy, part, passphrase)
            copy.unlink()
        else:
            fsync_file(copy)
            os.replace(copy, part)
        os.replace(part, final)
        fsync_dir(folder)
    except OSError as e:
        raise DomainError("backup.write_failed", file=str(final),
                          error=os_reason(e)) from None
    finally:
        for tmp in (copy, part):
            with contextlib.suppress(OSError):
                tmp.unlink()
    info = BackupInfo(path=final, kind=kind, created=stamp.replace(microsecond=0),
                      encrypted=bool(passphrase), size=final.stat().st_size,
                      revision=snap["revision"], counts=snap["counts"], sha256=sha256_of(final),
                      audit_head=snap["audit_head"], device_epoch=snap["device_epoch"])
    _write_manifest(info)
    if dest is not None:
        info.copied_to = copy_to(info, Path(dest))
    audit.log(ctx, actor, audit.BACKUP, target_type="backup", target_id=final.name,
              detail={"kind": kind, "encrypted": info.encrypted, "size": info.size,
                      "sha256": info.sha256, "copied_to": str(info.copied_to or ""),
                      "plain_copy": dest is not None and not info.encrypted})
    if rotate_after:
        rotate(ctx, folder)
    return info


def _write_manifest(info: BackupInfo) -> None:
    # the manifest names its file, not where it was then, nor where it was copied
    data: dict[str, Any] = {k: v for k, v in info.as_dict().items()
                            if k not in ("path", "copied_to")}
    data["file"] = info.path.name
    manifest = manifest_path(info.path)
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
        fsync_file(part)
        os.replace(part, target)
        fsync_dir(folder)
        manifest = manifest_path(info.path)
        if manifest.is_file():
            shutil.copyfile(manifest, manifest_path(target))
            secure_file(manifest_path(target))
    except OSError as e:
        with contextlib.suppress(OSError):
            part.unlink()
        raise DomainError("backup.dest_failed", folder=str(folder),
                          error=os_reason(e)) from None
    if sha256_of(target) != info.sha256:
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
            for p in (b.path, manifest_path(b.path)):
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
