"""The addresses phones and TVs use: the waiting-room server as the office LAN reaches it."""

from __future__ import annotations

import socket

from desk.config import Settings


def lan_address() -> str:
    """This PC's address on the LAN (the interface of the default route), without sending a
    packet: connecting a UDP socket only picks a route. 127.0.0.1 when there is no network."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere real
            return str(s.getsockname()[0])
        except OSError:
            return "127.0.0.1"


def base_url(settings: Settings) -> str:
    """[queue] web_url, or http://<this PC's LAN address>:<web_port>."""
    configured = settings.queue.web_url.strip().rstrip("/")
    return configured or f"http://{lan_address()}:{settings.queue.web_port}"


def status_url(settings: Settings, ticket_id: str) -> str:
    """The phone page of a ticket (the same link as the QR on its paper ticket)."""
    return f"{base_url(settings)}/t/{ticket_id.replace('-', '').lower()}"
