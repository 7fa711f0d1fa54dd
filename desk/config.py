"""desk.toml → validated settings.

Found via `--config`, `DESK_CONFIG`, `./desk.toml`, then the user config directory; without any
file the built-in defaults (the embedded demo office) apply. A bad file raises ConfigError whose
message names the file, the key and what is wrong, in the configured language.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Any, ClassVar, Literal, TypeVar, dataclass_transform
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from platformdirs import user_config_path, user_data_path, user_documents_path

from desk import environment, toml_file
from desk.domain.errors import DomainError
from desk.domain.os_errors import os_reason
from desk.domain.units import unit_of
from desk.i18n import set_language, t
from desk.tables_reader import Invalid, opt, read

ENV_CONFIG = environment.CONFIG
ENV_LANG = environment.LANG
EXPORTS_FOLDER = "Một Cửa Desk"  # under the user's Documents
FILE_NAME = "desk.toml"


class ConfigError(Exception):
    """A configuration problem, already phrased for the person who edits the file."""


class _Table:
    """Base of the settings tables: frozen dataclasses read by desk.tables_reader."""

    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]  # each is a dataclass

    @classmethod
    def from_dict(cls: type[_T], data: Any) -> _T:
        """The table from a mapping (as parsed from TOML), checked like a file: raises
        tables_reader.Invalid if wrong. Not pydantic: desk.tables_reader reads it."""
        return read(cls, data)


_T = TypeVar("_T", bound=_Table)


@dataclass_transform(frozen_default=True, kw_only_default=True)
def table(cls: type[_T]) -> type[_T]:
    """A settings table: a frozen, keyword-only dataclass (declared so to type checkers).
    Every table has a docstring: without one, dataclass() computes __doc__ with
    inspect.signature, a measurable part of the start for nine classes."""
    return dataclass(frozen=True, kw_only=True)(cls)


def _parse_hhmm(value: Any) -> time:
    if isinstance(value, time):
        return value
    if not isinstance(value, str):
        raise DomainError("config.p.time_form")
    try:
        hh, mm = value.strip().split(":")
        return time(int(hh), int(mm))
    except ValueError:
        raise DomainError("config.p.time_bad", value=value) from None


def _hours(v: Any) -> tuple[tuple[time, time], ...]:
    if not isinstance(v, list | tuple) or not v:
        raise DomainError("config.p.periods")
    periods: list[tuple[time, time]] = []
    for p in v:
        if not isinstance(p, list | tuple) or len(p) != 2:
            raise DomainError("config.p.period_pair")
        start, end = _parse_hhmm(p[0]), _parse_hhmm(p[1])
        if end <= start:
            raise DomainError("config.p.period_order", start=p[0], end=p[1])
        if periods and start < periods[-1][1]:
            raise DomainError("config.p.periods_overlap")
        periods.append((start, end))
    return tuple(periods)


def _slots(v: Any) -> tuple[time, ...]:
    if not isinstance(v, list | tuple):
        raise DomainError("config.p.slots")
    return tuple(sorted({_parse_hhmm(x) for x in v}))


def _timezone(v: Any) -> str:
    if not isinstance(v, str):
        raise DomainError("config.p.tz_type")
    try:
        ZoneInfo(v)
    except (ZoneInfoNotFoundError, ValueError):
        raise DomainError("config.p.tz_unknown", value=v) from None
    return v


def _office_id(v: Any) -> str:
    if not isinstance(v, str) or not re.fullmatch(r"[0-9A-Z.]{1,35}", v):
        raise DomainError("config.p.office_id")
    unit_of(v)  # a two-tier id (`40.16681`) names a real province (issue 16 §3)
    return v


DEMO_OFFICE = "UBND xã Minh Châu (văn phòng mẫu)"
DEMO_SIGNER = "Phạm Văn Đức"  # the demo office's chairman: its letters show a signer, not "…"


@table
class OfficeConfig(_Table):
    """[office]: who the office is, its hours, language and forms."""

    name: str = DEMO_OFFICE
    id: str = opt("000.00.00.H41", convert=_office_id)
    province: str = "Nghệ An"
    timezone: str = opt("Asia/Ho_Chi_Minh", convert=_timezone)
    hours: tuple[tuple[time, time], ...] = opt(
        ((time(7, 30), time(11, 30)), (time(13, 30), time(17, 0))), convert=_hours)
    cutoff: time = opt(time(15, 0), convert=_parse_hhmm)
    language: Literal["vi", "en"] = "vi"
    tone_style: Literal["old", "new"] = "old"  # Telex/VNI: hòa, thủy (old) or hoà, thuỷ (new)
    form_set: str = "auto"  # auto: the rule set of the receipt date (desk/rules)
    signer_title: str = "CHỦ TỊCH"
    signer_name: str = ""
    status_url: str = ""
    apology_extension_days: int | None = opt(None, ge=1, le=60)  # None: the limit
    idle_lock_minutes: int = opt(10, ge=0, le=480)  # lock the desk when idle; 0: never

    def __post_init__(self) -> None:
        # Only the demo office gets a made-up signer: a real office with no signer_name keeps
        # the blank ("…") for the hand-written name, never someone else's.
        if not self.signer_name and self.name == DEMO_OFFICE:
            object.__setattr__(self, "signer_name", DEMO_SIGNER)


@table
class StorageConfig(_Table):
    """[storage]: where the database and files are kept."""

    data_dir: Path | None = None  # default: platformdirs user data dir
    database: Path | None = None  # default: <data_dir>/desk.sqlite3
    scanner_dir: Path | None = None  # default: <data_dir>/scans/inbox (scanned files to attach)
    exports_dir: Path | None = None  # default: the user's Documents folder / "Một Cửa Desk"


@table
class PrinterConfig(_Table):
    """[printers.NAME]: one printer, its profile and transport."""

    profile: str = "epson80"  # a preset name from printers.escpos.profiles
    transport: str = "dir:"  # dir:PATH | file:PATH | serial:PORT | socket://host:9100 | device:PATH
    kind: Literal["thermal", "a4"] = "thermal"
    options: dict[str, Any] = opt(factory=dict)  # profile overrides
    label: str = ""  # the name a clerk reads ("máy in quầy 2"); default: from its kind


@table
class SyncConfig(_Table):
    """[sync]: the district server this desk syncs with."""

    server_url: str = ""  # https:// (http only to this machine, or with insecure_http)
    token: str = ""  # the office secret: signs requests, never sent (docs/security.md)
    interval_seconds: int = opt(60, ge=5)
    insecure_http: bool = False  # allow http:// beyond loopback; the status line warns
    ca_file: str = ""  # the district's own CA certificate (PEM), when not publicly trusted


@table
class SecurityConfig(_Table):
    """[security]: PIN length, `desk serve` sessions (docs/security.md)."""

    pin_min_length: int = opt(4, ge=4, le=12)  # new and changed PINs; 6 recommended
    serve_max_sessions: int = opt(4, ge=1, le=64)  # concurrent `desk serve` browser sessions


@table
class DistrictConfig(_Table):
    """[district]: the district server's own database and files."""

    db: str = ""
    files_dir: str = ""  # uploaded scans; default beside the SQLite file or in the data dir


@table
class ServiceConfig(_Table):
    """[[queue.services]]: one queue service and its ticket letter."""

    code: str
    name: str
    prefix: str = opt(pattern=r"[A-Z]")
    field: str = ""
    counters: tuple[int, ...] = ()
    wait_target_minutes: int = opt(15, ge=1)
    appointment_slots: tuple[time, ...] = opt((), convert=_slots)  # "HH:MM" starts (issue 18)
    appointment_capacity: int = opt(0, ge=0)  # bookings per slot; 0 = no appointments


@table
class CounterConfig(_Table):
    """[[queue.counters]]: one counter of the waiting room."""

    number: int = opt(ge=1)
    name: str = ""


def _default_services() -> tuple[ServiceConfig, ...]:
    return (
        ServiceConfig(code="HT", name="Hộ tịch", prefix="A", field="HT", counters=(1, 2)),
        ServiceConfig(code="CT", name="Chứng thực", prefix="B", field="CT", counters=(2, 3)),
        ServiceConfig(code="CU", name="Cư trú", prefix="C", field="CU", counters=(3,)),
        ServiceConfig(code="KT", name="Kinh tế", prefix="D", field="KT", counters=(1, 3)),
    )


def _default_counters() -> tuple[CounterConfig, ...]:
    return tuple(CounterConfig(number=n, name=f"Quầy {n}") for n in (1, 2, 3))


@table
class QueueConfig(_Table):
    """[queue]: services, counters and the priority rule."""

    services: tuple[ServiceConfig, ...] = opt(factory=_default_services)
    counters: tuple[CounterConfig, ...] = opt(factory=_default_counters)
    max_priority_in_row: int = opt(2, ge=1)
    clips_dir: Path | None = None  # recorded call clips (*.wav); else espeak-ng, else silent
    web_url: str = ""  # waiting-room pages as phones reach them; "" = http://<LAN address>:port
    web_port: int = opt(8080, ge=1, le=65535)  # `desk display --web` (and the tickets' QR)
    notices: tuple[str, ...] = ()  # the TV's ticker; empty: a default notice
    appointment_days_ahead: int = opt(6, ge=0, le=30)  # working days after today
    appointments_per_id: int = opt(2, ge=1)  # per ID number per day
    appointment_early_minutes: int = opt(30, ge=0)  # check-in opens before the slot
    appointment_late_minutes: int = opt(15, ge=0)  # after the slot start: a no-show

    def _check(self) -> None:
        prefixes = [s.prefix for s in self.services]
        if len(set(prefixes)) != len(prefixes):
            raise DomainError("config.p.prefix_twice")
        known = {c.number for c in self.counters}
        for s in self.services:
            missing = set(s.counters) - known
            if missing:
                raise DomainError("config.p.counters_unknown", service=s.code,
                                  counters=sorted(missing))


def _default_templates() -> dict[str, str]:
    """[notify.templates]: the notices' texts, in Vietnamese (issue 17)."""
    return {
        "received": "{office}: hồ sơ {code} của Ông/Bà đã được tiếp nhận. "
                    "Hẹn trả kết quả lúc {due}.",
        "supplement": "{office}: hồ sơ {code} cần bổ sung: {documents}. "
                      "Mời Ông/Bà đến bộ phận một cửa.",
        "apology": "{office} xin lỗi Ông/Bà: hồ sơ {code} chưa có kết quả đúng hẹn. "
                   "Hẹn lại lúc {new_due}.",
        "result": "{office}: hồ sơ {code} đã có kết quả. Mời Ông/Bà đến nhận.",
        "rating": "{office} cảm ơn Ông/Bà. Mời đánh giá sự hài lòng về hồ sơ {code} tại quầy "
                  "hoặc trên Cổng dịch vụ công.",
    }


@table
class BankConfig(_Table):
    """[bank]: the office's account that fees are transferred to (VietQR, issue 17)."""

    bin: str = opt("", pattern=r"(\d{6})?")  # NAPAS bank BIN, e.g. 970436
    account: str = opt("", pattern=r"([0-9A-Za-z]{1,19})?")
    name: str = ""  # the account's name as the bank shows it


@table
class HttpGatewayConfig(_Table):
    """[notify.http]: a brandname SMS / Zalo ZNS gateway and the shape of its request."""

    url: str = ""
    method: Literal["POST", "PUT"] = "POST"
    auth_header: str = "Authorization"
    auth_value: str = ""  # or $DESK_NOTIFY_TOKEN (desk/environment.py)
    template_id: str = ""
    body: str = ('{"phone": "{phone84}", "template_id": "{template_id}", '
                 '"params": {"text": "{text}", "code": "{code}"}}')
    idempotency_header: str = "Idempotency-Key"
    id_field: str = "id"  # where the gateway's message id is in its JSON answer (a.b.c)
    timeout_seconds: int = opt(10, ge=1)
    strip_accents: bool = False


@table
class NotifyConfig(_Table):
    """[notify]: notices to citizens' phones (issue 17)."""

    # "modem", "http" and/or "file" (<data dir>/sms_outbox.jsonl, for an office with neither:
    # the default); none: no notice is written
    channels: tuple[str, ...] = ("file",)
    modem_port: str = ""  # COM3, /dev/ttyUSB0 or a pyserial URL
    modem_baud: int = opt(115200, ge=300)
    gsm7: bool = False  # unaccented GSM-7 (cheaper single parts) instead of UCS-2
    max_attempts: int = opt(12, ge=1)
    retry_seconds: int = opt(30, ge=1)  # first retry after ~this, doubling up to an hour
    http: HttpGatewayConfig = opt(factory=HttpGatewayConfig)
    templates: dict[str, str] = opt(factory=_default_templates)


def _default_printers() -> dict[str, PrinterConfig]:
    return {
        "receipt": PrinterConfig(profile="epson80", transport="dir:"),
        "a4": PrinterConfig(kind="a4", transport="dir:"),
    }


@table
class Settings(_Table):
    """The whole desk.toml."""

    office: OfficeConfig = opt(factory=OfficeConfig)
    storage: StorageConfig = opt(factory=StorageConfig)
    printers: dict[str, PrinterConfig] = opt(factory=_default_printers)
    sync: SyncConfig = opt(factory=SyncConfig)
    district: DistrictConfig = opt(factory=DistrictConfig)
    security: SecurityConfig = opt(factory=SecurityConfig)
    queue: QueueConfig = opt(factory=QueueConfig)
    bank: BankConfig = opt(factory=BankConfig)
    notify: NotifyConfig = opt(factory=NotifyConfig)
    source: Path | None = dataclasses.field(default=None, compare=False)  # the file it came from

    @property
    def data_dir(self) -> Path:
        if self.storage.data_dir is not None:
            return self._relative(self.storage.data_dir)
        return user_data_path("desk", appauthor=False)

    @property
    def exports_dir(self) -> Path:
        """Where reports and lists are exported: a folder the clerk can find (Documents)."""
        if self.storage.exports_dir is not None:
            return self._relative(self.storage.exports_dir)
        return user_documents_path() / EXPORTS_FOLDER

    @property
    def database_path(self) -> Path:
        if self.storage.database is not None:
            return self._relative(self.storage.database)
        return self.data_dir / "desk.sqlite3"

    def _relative(self, p: Path) -> Path:
        p = p.expanduser()
        if not p.is_absolute() and self.source is not None:
            return self.source.parent / p
        return p


def env_language() -> str | None:
    """`DESK_LANG=vi|en`: the language of this process, over the desk.toml's
    [office] language (a clerk or a test may want English on a Vietnamese office)."""
    return environment.language()


def ui_language(settings: Settings) -> str:
    """The language to speak: DESK_LANG, else the office's."""
    return env_language() or settings.office.language


def find_config(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """The config file to use, by the documented order; None means built-in defaults."""
    if explicit:
        return Path(explicit)
    env = environment.config_file()
    if env is not None:
        return env
    local = Path.cwd() / FILE_NAME
    if local.is_file():
        return local
    user = user_config_path("desk", appauthor=False) / FILE_NAME
    return user if user.is_file() else None


def load_settings(explicit: str | os.PathLike[str] | None = None) -> Settings:
    path = find_config(explicit)
    if path is None:
        return Settings()
    return load_file(path)


def load_file(path: Path) -> Settings:
    try:
        data = toml_file.parse(path)
    except FileNotFoundError:
        raise ConfigError(_msg("config.missing", file=path)) from None
    except OSError as e:
        raise ConfigError(_msg("config.unreadable", file=path, error=os_reason(e))) from None
    except UnicodeDecodeError:
        raise ConfigError(_msg("config.encoding", file=path)) from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(_msg("config.syntax", file=path, error=str(e))) from None
    lang = data.get("office", {}).get("language") if isinstance(data.get("office"), dict) else None
    lang = env_language() or lang  # DESK_LANG wins over the file
    if lang in ("vi", "en"):  # speak the office's language even when the rest is wrong
        set_language(lang)
    try:
        return read(Settings, {**data, "source": path.resolve()})
    except Invalid as e:
        key = ".".join(str(p) for p in e.loc) or _msg("config.root")
        problem = _msg(e.key, **e.params) if e.key else e.message
        raise ConfigError(_msg("config.invalid", file=path, key=key, problem=problem)) from None


def _msg(msg_key: str, **params: Any) -> str:
    return t(msg_key, **params)
