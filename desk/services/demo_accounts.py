"""The demo office's clerks, as plain data: `desk demo` shows them on its login before the
database stack is loaded (the office is seeded behind the painted login)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # shapes only: this module loads before the database stack
    from desk.services.shapes import DemoClerk

DEMO_CLERKS = (
    ("Nguyễn Thị Lan", "clerk", "1234", 1),
    ("Trần Văn Minh", "supervisor", "2345", None),
    ("Lê Quốc Huy", "admin", "3456", None),
)


def demo_accounts() -> list[DemoClerk]:
    """What `desk demo` prints and its login lists: name, role, PIN."""
    return [{"name": n, "role": r, "pin": p} for n, r, p, _ in DEMO_CLERKS]
