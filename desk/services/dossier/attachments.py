"""Digitised copies (số hóa): scanned documents and results attached to a dossier.

Files are picked from the office's scanner folder (`storage.scanner_dir`, default
<data_dir>/scans/inbox) or given by path. Each is copied — never moved — to
<data_dir>/attachments/<dossier code>/<sha256><suffix>, the copy verified by its hash and made
readable by its owner only (0600 where the OS supports it). The store is content-addressed:
the same file twice is kept once, and attaching it again to the same dossier records nothing.
Each attachment is the fact "attachment_added" {name, sha256, size, kind: document|result}.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.dossier.citizens import clean_text
from desk.services.dossier.fact_log import is_closed, record_fact
from desk.services.dossier.shapes import Attached, AttachOutput
from desk.services.dossier.views import get_dossier, show
from desk.services.trust.actor import SYSTEM, Actor
from desk.services.trust.roles import require
from storage.engine import read_session
from storage.tables import Dossier

KINDS = ("document", "result")
CHUNK = 1 << 20
_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_SUFFIX = re.compile(r"^\.[A-Za-z0-9]{1,10}$")


def scanner_dir(ctx: DeskContext) -> Path:
    """The scanner folder: `storage.scanner_dir` (relative to the config file), else
    <data_dir>/scans/inbox."""
    settings = ctx.settings
    configured = settings.storage.scanner_dir
    if configured is None:
        return settings.data_dir / "scans" / "inbox"
    p = configured.expanduser()
    if not p.is_absolute() and settings.source is not None:
        p = settings.source.parent / p
    return p


def attachments_root(ctx: DeskContext) -> Path:
    return ctx.settings.data_dir / "attachments"


def list_scans(ctx: DeskContext) -> list[dict[str, Any]]:
    """The files waiting in the scanner folder, newest first: {name, path, size, modified}."""
    folder = scanner_dir(ctx)
    if not folder.is_dir():
        return []
    out = []
    for p in folder.iterdir():
        if p.name.startswith(".") or not p.is_file():
            continue
        st = p.stat()
        out.append({"name": p.name, "path": str(p), "size": st.st_size,
                    "modified": datetime.fromtimestamp(st.st_mtime, ctx.tz)})
    out.sort(key=lambda f: (f["modified"], f["name"]), reverse=True)
    return out


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _dossier_folder(ctx: DeskContext, code: str) -> Path:
    name = code if _SAFE.match(code) and ".." not in code else hashlib.sha256(
        code.encode()).hexdigest()[:32]
    return attachments_root(ctx) / name


def _private(path: Path, mode: int) -> None:
    with contextlib.suppress(OSError):  # a file system without modes (FAT, Windows)
        os.chmod(path, mode)


def store(ctx: DeskContext, code: str, source: Path) -> tuple[Path, str, int]:
    """Copy `source` into the dossier's folder; returns (stored path, sha256, size).

    The copy is written beside its final name, hashed again from disk and only then renamed
    into place; a copy already there with the right content is kept."""
    try:
        if not source.is_file():
            raise DomainError("attach.not_a_file", path=str(source))
    except OSError:
        raise DomainError("attach.not_a_file", path=str(source)) from None
    folder = _dossier_folder(ctx, code)
    folder.mkdir(parents=True, exist_ok=True)
    _private(folder, 0o700)
    suffix = source.suffix.lower() if _SUFFIX.match(source.suffix) else ""
    fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=folder)
    tmp = Path(tmp_name)
    try:
        _private(tmp, 0o600)
        h = hashlib.sha256()
        size = 0
        try:
            with source.open("rb") as src, os.fdopen(fd, "wb") as dst:
                while chunk := src.read(CHUNK):
                    h.update(chunk)
                    dst.write(chunk)
                    size += len(chunk)
                dst.flush()
                os.fsync(dst.fileno())
        except OSError as e:
            raise DomainError("attach.copy_failed", path=str(source), error=str(e)) from None
        digest = h.hexdigest()
        if sha256_of(tmp) != digest:
            raise DomainError("attach.verify_failed", path=str(source))
        final = folder / f"{digest}{suffix}"
        if final.is_file() and sha256_of(final) == digest:
            tmp.unlink()
        else:
            os.replace(tmp, final)
        _private(final, 0o600)
        return final, digest, size
    finally:
        if tmp.exists():
            tmp.unlink()


def attach(ctx: DeskContext, code: str, path: str | os.PathLike[str],
           actor: Actor = SYSTEM, *, kind: str = "document",
           name: str | None = None) -> AttachOutput:
    """Attach the file at `path` to dossier `code` as a scanned document or its result.

    Returns the dossier view, with "attached": {name, sha256, size, kind, added} — `added` is
    False when the same file was already attached to the dossier as the same kind. Documents
    are refused on a closed dossier; results may be attached at any time.
    """
    if kind not in KINDS:
        raise DomainError("attach.bad_kind", kind=kind, kinds=", ".join(KINDS))
    source = Path(path).expanduser()
    label = clean_text(name or source.name, 200) or "scan"
    require(ctx, actor, "dossier.act", target=code)
    with read_session(ctx.engine) as s:  # check before copying anything
        d = get_dossier(s, code)
        if d is None:
            raise DomainError("dossier.not_found", code=code)
        real_code = d.code
        if kind == "document" and is_closed(d):
            raise DomainError("attach.closed", code=real_code, status=d.status)
    stored, digest, size = store(ctx, real_code, source)
    info = {"name": label, "sha256": digest, "size": size, "kind": kind}
    duplicate: dict[str, Any] = {}

    def build(s: Session, d: Dossier, events: list[Any]) -> dict[str, Any]:
        for e in events:
            p = e.payload or {}
            if e.kind == "attachment_added" and p.get("sha256") == digest \
                    and p.get("kind") == kind:
                duplicate.update(p)
                raise _AlreadyAttached
        return dict(info)

    shown: str = label  # the name it is attached under (the first one, for a duplicate)
    try:
        view = record_fact(ctx, real_code, "attachment_added", actor, build)
        added = True
    except _AlreadyAttached:
        view = show(ctx, real_code, actor)
        added = False
        shown = duplicate.get("name", label)
    attached: Attached = {"name": shown, "sha256": digest, "size": size, "kind": kind,
                          "added": added, "path": str(stored)}
    return {**view, "attached": attached}


class _AlreadyAttached(Exception):
    """The same content is already attached to the dossier (the transaction rolls back)."""


def stored_path(ctx: DeskContext, code: str, sha256: str) -> Path | None:
    """Where the attachment with `sha256` of dossier `code` is kept (None if missing)."""
    folder = _dossier_folder(ctx, code)
    if not folder.is_dir():
        return None
    return next((p for p in folder.glob(f"{sha256}*") if p.is_file()), None)
