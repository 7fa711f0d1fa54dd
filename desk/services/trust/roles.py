"""Who may do what (PDP Law 91/2025: restrict personal data by role).

Three roles, each with everything of the one before it:

- clerk (cán bộ tiếp nhận): their own counter's work — take in dossiers, act on the dossiers
  of their counter, call queue numbers at their counter, look dossiers up;
- supervisor (lãnh đạo / người giám sát): every dossier of the office, apology letters,
  reports, corrections, exports (a citizen's data export included);
- admin (quản trị): clerk accounts, settings, backups, restores, the audit trail.

The actor `SYSTEM` (role "system": background jobs, the sync, the printer worker) may do
everything. So may the command line's own actor (role "admin"), because whoever runs `desk`
commands on the office PC is its administrator.

`require(ctx, actor, permission, target=None)` raises DomainError("role.denied", …) with a
sentence that names the action, the actor's role and who can do it — and first records the
refusal in the audit trail. `allowed(actor, permission)` only answers (for hiding buttons).

`target`: for a clerk, counter-scoped permissions also look at what is acted on: a dossier
code (its receiving counter), or a counter number (int). A dossier taken in without a counter
(the command line, the sync) is anyone's.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from desk.domain.errors import DomainError
from desk.i18n import has, t
from desk.services.trust import audit
from desk.services.trust.actor import Actor

if TYPE_CHECKING:
    from desk.services.context import DeskContext

ROLES = ("clerk", "supervisor", "admin")

# permission → what it allows (the message key "perm.<name>" names it for people)
CLERK_PERMISSIONS = frozenset({
    "dossier.intake",  # intake.receive
    "dossier.act",  # lifecycle.act on a dossier of the clerk's counter
    "dossier.view",  # views.show, search
    "queue.call",  # call / recall / start / finish numbers at the clerk's counter
    "citizen.lookup",  # a returning citizen's details at intake
})
SUPERVISOR_PERMISSIONS = CLERK_PERMISSIONS | {
    "dossier.all",  # any counter's dossiers
    "apology.issue",  # apology letters (Phiếu xin lỗi và hẹn lại ngày trả kết quả)
    "report.view",  # reports, the dossier book
    "report.export",  # reports to files
    "dossier.correct",  # corrections of recorded events
    "citizen.export",  # a citizen's data, on their request
    "queue.manage",  # pause / resume counters, statistics
}
ADMIN_PERMISSIONS = SUPERVISOR_PERMISSIONS | {
    "clerk.manage",  # add / disable clerks, reset PINs
    "settings.change",
    "backup.create",
    "backup.restore",
    "audit.verify",
    "audit.view",
    "citizen.purge",  # retention
}
PERMISSIONS: dict[str, frozenset[str]] = {
    "clerk": CLERK_PERMISSIONS,
    "supervisor": SUPERVISOR_PERMISSIONS,
    "admin": ADMIN_PERMISSIONS,
}
ALL_PERMISSIONS = ADMIN_PERMISSIONS

# For a clerk these also need the target to be of their own counter. "dossier.view" is not
# scoped: a citizen may ask about their dossier at any counter, and every view is audited.
COUNTER_SCOPED = frozenset({"dossier.act", "queue.call"})


def lowest_role(permission: str) -> str | None:
    """The first role that has `permission` ("clerk", "supervisor", "admin")."""
    return next((r for r in ROLES if permission in PERMISSIONS[r]), None)


def allowed(actor: Actor, permission: str) -> bool:
    """Whether `actor`'s role has `permission` (no target check, no audit)."""
    if actor.role == "system":
        return True
    return permission in PERMISSIONS.get(actor.role, frozenset())


def _target_counter(ctx: DeskContext, target: Any) -> tuple[bool, int | None]:
    """(known, counter) of a target: an int is a counter; a str is a dossier code."""
    if isinstance(target, bool) or target is None:
        return False, None
    if isinstance(target, int):
        return True, target
    if isinstance(target, str):
        with ctx.engine.connect() as conn:
            row = conn.execute(text("SELECT counter_number FROM dossier WHERE code = :c"),
                               {"c": target.strip().upper()}).first()
        if row is None:
            return False, None  # unknown dossier: the service reports "not found" itself
        return row[0] is not None, row[0]
    counter = getattr(target, "counter_number", None)
    return counter is not None, counter


def denial_reason(ctx: DeskContext, actor: Actor, permission: str,
                  target: Any = None) -> str | None:
    """None when allowed; else "role" (the role lacks it) or "counter" (another counter's)."""
    if actor.role == "system":
        return None
    if permission not in ALL_PERMISSIONS:
        raise ValueError(f"unknown permission {permission!r}")
    if not allowed(actor, permission):
        return "role"
    if actor.role == "clerk" and permission in COUNTER_SCOPED and target is not None:
        known, counter = _target_counter(ctx, target)
        if known and counter != actor.counter:
            return "counter"
    return None


def role_name(role: str) -> str:
    """The role as a clerk reads it; one the desk does not name (a bad row, a newer desk's
    role) as it is written."""
    key = f"role.name.{role}"
    return t(key) if has(key) else role


def require(ctx: DeskContext, actor: Actor, permission: str, target: Any = None) -> None:
    """Refuse (DomainError "role.denied" / "role.other_counter") unless `actor` may do
    `permission` on `target`; a refusal is recorded in the audit trail first."""
    reason = denial_reason(ctx, actor, permission, target)
    if reason is None:
        return
    need = lowest_role(permission) or "admin"
    _audit_denial(ctx, actor, permission, target, reason)
    params = {"name": actor.name, "role": role_name(actor.role),
              "action": t(f"perm.{permission}"), "need": role_name(need),
              "permission": permission}
    if reason == "counter":
        _, counter = _target_counter(ctx, target)
        raise DomainError("role.other_counter", counter=counter, own=actor.counter or "—",
                          **params)
    raise DomainError("role.denied", **params)


def _audit_denial(ctx: DeskContext, actor: Actor, permission: str, target: Any,
                  reason: str) -> None:
    target_id = target if isinstance(target, str | int) else getattr(target, "code", "")
    try:
        audit.log(ctx, actor, audit.DENIED, target_type="permission", target_id=permission,
                  detail={"permission": permission, "reason": reason,
                          "target": str(target_id) if target_id is not None else ""})
    except Exception:  # the refusal stands even when the entry cannot be written
        logging.getLogger("desk.roles").exception("audit entry for a refusal not written")
