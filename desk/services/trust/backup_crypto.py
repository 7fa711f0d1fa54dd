"""Encrypted backups (a header, then 4 MiB chunks, each a Fernet token over its index and
last-flag; scrypt with bounded parameters) and the office's backup passphrase, which
encrypts every backup copied out of the data folder (see backup.py).
"""

from __future__ import annotations

import base64
import os
import struct
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desk.domain.errors import DomainError
from desk.domain.os_errors import os_reason
from desk.services.trust import audit
from desk.services.trust.actor import Actor
from desk.services.trust.backup_files import backup_dir, ensure_dir, secure_file
from desk.services.trust.roles import require

if TYPE_CHECKING:
    from desk.services.context import DeskContext


ENC_MAGIC = b"DESKBAK1"
CHUNK = 4 * 1024 * 1024
SCRYPT_N_LOG2, SCRYPT_R, SCRYPT_P = 15, 8, 1


KDF_MAX_MEMORY = 64 * 1024 * 1024  # scrypt needs 128·r·N bytes: ours 32 MiB (N=2^15, r=8)
KDF_MAX_WORK = 128 * 1024 * 1024  # memory × p: the passes scrypt runs one after another


def kdf_bounded(n_log2: int, r: int, p: int) -> bool:
    """Scrypt parameters a backup header may ask for: at most 64 MiB and twice our work (the
    header is read before the passphrase is checked: 4.2 GB was once asked for; issue 15)."""
    if not (10 <= n_log2 <= 20 and 1 <= r <= 32 and 1 <= p <= 4):
        return False
    memory = 128 * r * (1 << n_log2)
    return memory <= KDF_MAX_MEMORY and memory * p <= KDF_MAX_WORK


def fernet(passphrase: str, salt: bytes, n_log2: int, r: int, p: int) -> Any:
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
    f = fernet(passphrase, salt, SCRYPT_N_LOG2, SCRYPT_R, SCRYPT_P)
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
        f = fernet(passphrase, salt, n_log2, r, p)
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


# --- the office's backup passphrase ----------------------------------------------------------

PASSPHRASE_MIN = 10


def passphrase_path(ctx: DeskContext) -> Path:
    """Where the office's backup passphrase is kept: in the backup folder (0700), mode 0600,
    never inside the database (so never in a backup nor sent anywhere)."""
    return backup_dir(ctx) / ".passphrase"


def office_passphrase(ctx: DeskContext) -> str | None:
    try:
        value = passphrase_path(ctx).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return value or None


def set_passphrase(ctx: DeskContext, passphrase: str, actor: Actor) -> None:
    """An admin sets the passphrase that encrypts backups leaving the data folder (audited,
    without the passphrase)."""
    require(ctx, actor, "settings.change")
    value = passphrase.strip()
    if len(value) < PASSPHRASE_MIN:
        raise DomainError("backup.passphrase_short", min=PASSPHRASE_MIN)
    folder = ensure_dir(backup_dir(ctx))
    target = passphrase_path(ctx)
    tmp = folder / ".passphrase.part"
    had = target.is_file()
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # never readable
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(value + "\n")
        secure_file(tmp)
        os.replace(tmp, target)
    except OSError as e:
        raise DomainError("backup.write_failed", file=str(target),
                          error=os_reason(e)) from None
    audit.log(ctx, actor, audit.CHANGE, target_type="setting", target_id="backup.passphrase",
              detail={"replaced": had})
