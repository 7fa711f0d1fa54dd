"""Why the system refused a file, as a message key: the OS's own words (`strerror`) are
English whatever the desk speaks. desk/i18n/msg_oserror.py says them in the reader's
language; a reason not named here keeps the system's words."""

from __future__ import annotations

from typing import Final

from desk.domain.errors import MessageKey

# the OSError subclasses Python raises for these errno values (no errno import: pure domain)
KNOWN: Final[dict[type[OSError], str]] = {
    FileNotFoundError: "ENOENT", PermissionError: "EACCES", IsADirectoryError: "EISDIR",
    NotADirectoryError: "ENOTDIR", FileExistsError: "EEXIST",
}


def os_reason(e: OSError) -> str:
    """A message-key parameter for the reason of `e` ("oserror.ENOENT"), or the system's words."""
    name = next((n for cls, n in KNOWN.items() if isinstance(e, cls)), None)
    return MessageKey(f"oserror.{name}") if name else (e.strerror or str(e))
