"""Issue 15 §5: an encrypted backup's header cannot demand unbounded scrypt work (a crafted
header once took 4.2 GB and was still running at 120 s): refused before any derivation."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from desk.domain.errors import DomainError
from desk.services.trust.backup import ENC_MAGIC, decrypt_file, kdf_bounded


@pytest.mark.parametrize("n_log2,r,p", [(20, 32, 16), (20, 8, 1), (17, 32, 1), (15, 8, 8)])
def test_a_costly_header_is_refused_at_once(tmp_path: Path, n_log2: int, r: int,
                                            p: int) -> None:
    crafted = tmp_path / "desk-20261123-090000-manual.sqlite3.enc"
    crafted.write_bytes(ENC_MAGIC + os.urandom(16) + bytes((n_log2, r, p)) + b"\0" * 64)
    started = time.process_time()
    with pytest.raises(DomainError) as e:
        decrypt_file(crafted, tmp_path / "out.sqlite3", "mat-khau")
    assert e.value.key == "restore.not_backup"
    assert time.process_time() - started < 1.0  # no key was derived


def test_our_own_parameters_are_within_bounds() -> None:
    from desk.services.trust.backup import SCRYPT_N_LOG2, SCRYPT_P, SCRYPT_R

    assert kdf_bounded(SCRYPT_N_LOG2, SCRYPT_R, SCRYPT_P)
