"""A local HTTP SMS/ZNS gateway: records every request, keeps idempotency keys, and fails on
purpose (a queue of status codes to answer first, or a dropped connection)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FakeGateway:
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.fail_with: list[int] = []  # answer these statuses first (0: drop the connection)
        self.keys: dict[str, str] = {}
        self.lock = threading.Lock()
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                gateway.handle(self)

            do_PUT = do_POST

            def log_message(self, *args: Any) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sms/send"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def handle(self, h: BaseHTTPRequestHandler) -> None:
        body = h.rfile.read(int(h.headers.get("Content-Length") or 0))
        with self.lock:
            self.requests.append({"path": h.path, "method": h.command,
                                  "headers": dict(h.headers.items()), "body": body})
            status = self.fail_with.pop(0) if self.fail_with else 200
            key = h.headers.get("Idempotency-Key") or ""
            seen = key in self.keys
            if status == 200 and not seen:
                self.keys[key] = f"msg-{len(self.keys) + 1}"
        if status == 0:
            h.connection.close()  # no answer at all
            return
        if status == 200 and seen:
            status = 409
        answer = json.dumps({"data": {"msg_id": self.keys.get(key, "")}, "error": status != 200})
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(answer)))
        h.end_headers()
        h.wfile.write(answer.encode())

    def delivered(self) -> int:
        """Messages the gateway accepted (one per idempotency key)."""
        return len(self.keys)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
