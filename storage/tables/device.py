"""Small facts about this database file that must survive restores: `device_epoch`, …

`device_epoch` is raised by every restore of a backup, so that what this desk sends after a
restore can never be mistaken for what it sent before it (see desk/services/trust/backup.py).
"""

from __future__ import annotations

from sqlmodel import Field as Col
from sqlmodel import SQLModel


class DeviceState(SQLModel, table=True):
    __tablename__ = "device_state"
    key: str = Col(primary_key=True, max_length=60)
    value: str = ""
