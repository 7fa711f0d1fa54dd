"""Backups and restores of the office database, and the start-up health check.

The public face of five modules, each with one job: backup_files (names, manifests, modes,
the checks of a plain copy), backup_crypto (encryption, the office's backup passphrase),
backup_create, backup_restore, backup_health.

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

Encryption (`passphrase`; by default for a copy that leaves the data folder)
    Needs the `cryptography` package. The key is derived with scrypt (n=2**15, r=8, p=1, a
    random 16-byte salt); the file is a header then the database in 4 MiB chunks, each a
    Fernet token (AES-128-CBC + HMAC-SHA256) over (index, last-flag, data), so the file streams,
    and a reordered, truncated or edited file is refused. Suffix `.enc`. A copy to `dest`
    (a USB stick) is encrypted with the office's backup passphrase (`set_passphrase`, an
    admin's) unless `plain` asks otherwise, which the audit entry records (issue 15).

Automatic backup (`auto_backup_if_due`)
    At most one automatic backup per office day; call it when the app starts (in a worker),
    and it may be called again at any time (e.g. at closing) — it does nothing when today's
    exists.

Restore (`restore`)
    The file is checked first: its manifest's SHA-256 (an altered or damaged file is refused
    before anything reads it; a file without its manifest only with `without_manifest`,
    audited), then decrypted, integrity_check, the manifest's counts, a schema revision this
    release knows and no object the migrations did not create. The current database (with
    its -wal/-shm) is renamed aside with a timestamp, never deleted; the backup takes its
    place and is migrated to this release's schema. Then, so that an older backup cannot
    break the district sync or reuse numbers:
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

from desk.services.trust.backup_create import (
    KEEP_DAILY,
    KEEP_MANUAL,
    KEEP_MONTHLY,
    KEEP_WEEKLY,
    auto_backup_if_due,
    copy_to,
    create_backup,
    rotate,
)
from desk.services.trust.backup_crypto import (
    ENC_MAGIC,
    PASSPHRASE_MIN,
    SCRYPT_N_LOG2,
    SCRYPT_P,
    SCRYPT_R,
    decrypt_file,
    encrypt_file,
    is_encrypted,
    kdf_bounded,
    office_passphrase,
    passphrase_path,
    set_passphrase,
)
from desk.services.trust.backup_files import (
    BackupInfo,
    backup_dir,
    list_backups,
    read_manifest,
    secure_file,
    secure_store,
)
from desk.services.trust.backup_health import HealthReport, quick_check
from desk.services.trust.backup_restore import RestoreInfo, check_backup, prepared, restore

__all__ = [
    "ENC_MAGIC", "KEEP_DAILY", "KEEP_MANUAL", "KEEP_MONTHLY", "KEEP_WEEKLY", "PASSPHRASE_MIN",
    "SCRYPT_N_LOG2", "SCRYPT_P", "SCRYPT_R", "BackupInfo", "HealthReport", "RestoreInfo",
    "auto_backup_if_due", "backup_dir", "check_backup", "copy_to", "create_backup",
    "decrypt_file", "encrypt_file", "is_encrypted", "kdf_bounded", "list_backups",
    "office_passphrase", "passphrase_path", "prepared", "quick_check", "read_manifest",
    "restore", "rotate", "secure_file", "secure_store", "set_passphrase",
]
