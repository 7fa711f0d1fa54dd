"""Help texts of `desk district`."""

VI = {
    "district": "máy chủ tỉnh: nhận dữ liệu các xã, gửi quyết định xuống xã",
    "district.serve": "chạy máy chủ tỉnh (FastAPI/uvicorn)",
    "district.db": ("CSDL của tỉnh: postgresql://… hoặc đường dẫn tệp SQLite (mặc định: "
                    "[district] db trong desk.toml, biến DESK_DISTRICT_DB, rồi tệp trong thư mục "
                    "dữ liệu)"),
    "district.host": "địa chỉ lắng nghe (mặc định 127.0.0.1)",
    "district.port": "cổng (mặc định 8765)",
    "district.files": ("thư mục lưu bản quét các xã gửi lên (mặc định: [district] files_dir "
                       "trong desk.toml, biến DESK_DISTRICT_FILES, rồi thư mục cạnh tệp SQLite "
                       "hoặc trong thư mục dữ liệu)"),
    "district.office": "quản lý các đơn vị cấp xã được phép đồng bộ",
    "district.office.add": "đăng ký một xã (hoặc cấp mã mới); in mã truy cập một lần",
    "district.office.revoke": "thu hồi mã truy cập của một xã",
    "district.office_id": "mã định danh đơn vị (ví dụ 000.00.00.H41)",
    "district.name": "tên đơn vị",
    "district.status": "thống kê theo xã: số sự kiện, hồ sơ theo trạng thái, lần liên lạc cuối",
    "district.only": "chỉ một đơn vị",
    "district.act": "ghi một quyết định của tỉnh về hồ sơ (gửi xuống xã ở lần đồng bộ tới)",
    "district.code": "mã hồ sơ",
    "district.action": "thao tác: start_processing, result_ready, refuse, stop, …",
    "district.reason": "lý do (bắt buộc khi từ chối, dừng)",
    "district.by": "người/cơ quan quyết định",
    "district.catalog": "danh mục thủ tục gửi xuống các xã",
    "district.catalog.publish": ("công bố một phiên bản danh mục (JSON hoặc CSV như khi nhập "
                                 "danh mục); các xã nhận ở lần đồng bộ tới"),
    "district.catalog.file": "tệp danh mục (có catalog_version)",
    "district.calendar": "ngày nghỉ/làm bù gửi xuống các xã",
    "district.calendar.publish": ("công bố một phiên bản ngày nghỉ/làm bù (CSV date,kind,note); "
                                  "các xã nhận ở lần đồng bộ tới"),
    "district.calendar.file": "tệp CSV date,kind,note (kind: OFF hoặc WORK)",
}
EN = {
    "district": "province server: receives the offices' data, sends decisions down",
    "district.serve": "run the province server (FastAPI/uvicorn)",
    "district.db": ("district database: postgresql://… or a SQLite file path (default: "
                    "desk.toml [district] db, DESK_DISTRICT_DB, then a file in the data dir)"),
    "district.host": "listen address (default 127.0.0.1)",
    "district.port": "port (default 8765)",
    "district.files": ("folder for the scans offices upload (default: desk.toml [district] "
                       "files_dir, DESK_DISTRICT_FILES, then beside the SQLite file or in the "
                       "data dir)"),
    "district.office": "manage the commune offices allowed to sync",
    "district.office.add": "register an office (or issue a new token); prints the token once",
    "district.office.revoke": "revoke an office's token",
    "district.office_id": "office id (e.g. 000.00.00.H41)",
    "district.name": "office name",
    "district.status": "per office: events stored, dossiers by state, last contact",
    "district.only": "one office only",
    "district.act": "record a province decision on a dossier (goes down at the next sync)",
    "district.code": "dossier code",
    "district.action": "action: start_processing, result_ready, refuse, stop, …",
    "district.reason": "reason (required to refuse or stop)",
    "district.by": "who decided",
    "district.catalog": "the procedure catalog sent down to the offices",
    "district.catalog.publish": ("publish a catalog version (JSON or CSV, as for a catalog "
                                 "import); offices get it at their next sync"),
    "district.catalog.file": "catalog file (with catalog_version)",
    "district.calendar": "days off / make-up working days sent down to the offices",
    "district.calendar.publish": ("publish a version of the calendar exceptions (CSV "
                                  "date,kind,note); offices get it at their next sync"),
    "district.calendar.file": "CSV file date,kind,note (kind: OFF or WORK)",
}


def helps_for(base: dict[str, str]) -> dict[str, str]:
    return EN if base.get("usage_error") == "usage error" else VI
