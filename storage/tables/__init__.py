"""SQLModel tables. Importing this package registers every table on SQLModel.metadata."""

from storage.tables.appointment import Appointment  # noqa: F401  (issue 18)
from storage.tables.audit import AuditEntry  # noqa: F401  (issue 9)
from storage.tables.catalog import CatalogVersion, Field, Procedure
from storage.tables.device import DeviceState  # noqa: F401
from storage.tables.dossier import Dossier, DossierEvent, DossierSequence
from storage.tables.notice import Notice, NoticeOptOut  # noqa: F401  (issue 17)
from storage.tables.office import CalendarException, Clerk, Counter, Service
from storage.tables.people import Citizen
from storage.tables.printing import PrinterState, PrintJob
from storage.tables.queue import Ticket, TicketEvent, TicketSequence  # noqa: F401
from storage.tables.rating import Rating  # noqa: F401  (satisfaction, issue 8)
from storage.tables.sync import AppliedChange, OutboxEvent, SyncConflict, SyncState  # noqa: F401

__all__ = [
    "CalendarException",
    "CatalogVersion",
    "Citizen",
    "Clerk",
    "Counter",
    "Dossier",
    "DossierEvent",
    "DossierSequence",
    "Field",
    "PrintJob",
    "PrinterState",
    "Procedure",
    "Service",
]
