"""SQLModel tables. Importing this package registers every table on SQLModel.metadata."""

from storage.tables.catalog import CatalogVersion, Field, Procedure
from storage.tables.dossier import Dossier, DossierEvent, DossierSequence
from storage.tables.office import CalendarException, Clerk, Counter, Service
from storage.tables.people import Citizen

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
    "Procedure",
    "Service",
]
