"""Issue 15 §2: the office secret never travels; https (or loopback, or an explicit flag);
a real TLS sync with a certificate made here; rotating the secret keeps the outbox."""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from desk.config import Settings
from desk.district.app import create_app
from desk.district.changes import decide
from desk.district.offices import add_office
from desk.sync import protocol as P
from desk.sync.status import sync_status
from desk.sync.transport import AuthFailed, InsecureURL, Offline
from tests.sync.harness import OFFICE, check, client, free_port, intake


def real_now_s() -> int:
    """The real clock: the district's signature window and OpenSSL's certificate validity are
    judged against it, not against a pinned test date."""
    return calendar.timegm(time.gmtime())


class Recorder:
    """A TCP relay on loopback that keeps every byte both ways (what a sniffer on http sees)."""

    def __init__(self, target_port: int) -> None:
        self.target = target_port
        self.seen = bytearray()
        self.lock = threading.Lock()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while True:
            try:
                down, _ = self.sock.accept()
            except OSError:
                return
            up = socket.create_connection(("127.0.0.1", self.target))
            for a, b in ((down, up), (up, down)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                with self.lock:
                    self.seen += data
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self.sock.close()


def test_a_whole_sync_cycle_on_http_shows_nothing_to_sign_with(district: Any,
                                                               office: Any) -> None:
    codes = intake(office, 3, name="Lê Thị Nghe Lén")
    rec = Recorder(district.port)
    try:
        c = client(office, rec.url, district.token)
        c.run(until_idle=True, max_seconds=30)
        decide(district.engine, OFFICE, codes[0], "refuse", actor="Phòng Tư pháp",
               reason="thiếu giấy tờ")
        c.run(until_idle=True, max_seconds=30)
        c.close()
    finally:
        rec.close()
    check(office, district.engine)
    wire = bytes(rec.seen)
    assert b"events:batch" in wire and b"/changes" in wire  # a whole cycle went through
    key = P.signing_key(district.token)
    for secret in (district.token, key):
        assert secret.encode() not in wire
    # what a sniffer has — the key id and old signatures — signs nothing new
    kid = P.key_id(district.token)
    assert kid.encode() in wire
    target = f"/v1/offices/{OFFICE}/changes"
    ts, nonce = str(real_now_s()), "n" * 16
    for guess in (kid, kid[:32]):
        headers = {P.H_KEY: kid, P.H_DIGEST: P.content_digest(b""), P.H_TS: ts,
                   P.H_NONCE: nonce + guess[:4],
                   P.H_SIG: P.signature(guess, "GET", target, P.content_digest(b""), ts,
                                        nonce + guess[:4])}
        r = httpx.get(district.url + target, headers=headers)
        assert (r.status_code, r.json()["error"]) == (401, "bad_signature")


def test_a_desk_that_still_sends_its_secret_is_told_to_upgrade(district_sqlite: Any) -> None:
    r = httpx.get(f"{district_sqlite.url}/v1/offices/{OFFICE}/changes",
                  headers={"Authorization": f"Bearer {district_sqlite.token}"})
    assert (r.status_code, r.json()["error"]) == (426, "upgrade_required")


def test_http_beyond_this_machine_is_refused_unless_flagged(
        district_sqlite: Any, office: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.sync.runner import link_state

    intake(office, 1)
    url = "http://desk-district.invalid:8765"  # never resolves: nothing leaves this machine
    c = client(office, url, district_sqlite.token)
    with pytest.raises(InsecureURL):
        c.sync_once()
    c.close()
    flagged = client(office, url, district_sqlite.token, insecure_http=True)
    with pytest.raises(Offline, match="ConnectError"):  # allowed: it did try to connect
        flagged.sync_once()
    flagged.close()
    assert sync_status(office)["pending"] == 1
    for server_url, flag, state in ((url, False, "refused"), (url, True, "insecure"),
                                    ("https://huyen.example.vn", False, "https"),
                                    ("http://127.0.0.1:8765", False, "loopback")):
        sync = {"server_url": server_url, "token": "x", "insecure_http": flag}
        monkeypatch.setattr(office, "settings", Settings.from_dict(
            {"storage": {"database": str(office.settings.database_path)}, "sync": sync}))
        assert link_state(office) == state


def test_rotating_the_secret_keeps_the_outbox(district: Any, office: Any) -> None:
    intake(office, 2)
    old = client(office, district.url, district.token)
    old.run(until_idle=True, max_seconds=30)
    intake(office, 3)
    new_token = add_office(district.engine, OFFICE, "")  # rotate: the old secret stops at once
    with pytest.raises(AuthFailed):
        old.sync_once()
    old.close()
    assert sync_status(office)["pending"] == 3  # nothing dropped while the desk waits
    fresh = client(office, district.url, new_token)
    fresh.run(until_idle=True, max_seconds=30)
    fresh.close()
    assert sync_status(office)["pending"] == 0
    check(office, district.engine)


# -- real TLS ----------------------------------------------------------------------------------
def _certificates(tmp: Path) -> tuple[Path, Path, Path]:
    """A CA, and a server certificate it signs for 127.0.0.1 / localhost: (ca, cert, key)."""
    now = dt.datetime.fromtimestamp(real_now_s(), dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Sở TT-TT thử nghiệm")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=2))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False,
                                       encipher_only=False, decipher_only=False), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
            .issuer_name(ca_name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([
                x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                critical=False)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .sign(ca_key, hashes.SHA256()))
    paths = tmp / "ca.pem", tmp / "server.pem", tmp / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return paths


@pytest.fixture
def tls_district(district_sqlite: Any, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    ca, cert, key = _certificates(tmp_path)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(district_sqlite.engine,
                                                      district_sqlite.files_dir),
                                           host="127.0.0.1", port=port, log_level="error",
                                           ssl_certfile=str(cert), ssl_keyfile=str(key)))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn (TLS) did not start"
        time.sleep(0.02)
    yield f"https://127.0.0.1:{port}", ca
    server.should_exit = True
    thread.join(10)


def test_sync_through_real_tls(district_sqlite: Any, office: Any,
                               tls_district: tuple[str, Path]) -> None:
    url, ca = tls_district
    intake(office, 2)
    untrusted = client(office, url, district_sqlite.token)  # the public trust store only
    with pytest.raises(Offline, match="ConnectError"):
        untrusted.sync_once()
    untrusted.close()
    assert sync_status(office)["pending"] == 2
    trusted = client(office, url, district_sqlite.token, ca_file=str(ca))
    trusted.run(until_idle=True, max_seconds=30)
    trusted.close()
    check(office, district_sqlite.engine)
