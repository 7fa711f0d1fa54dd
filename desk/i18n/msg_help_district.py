"""Help texts: `desk district` / `desk province` --help."""

VI = {
    "help.district": "máy chủ tỉnh: nhận dữ liệu các xã, gửi quyết định xuống xã",
    "help.district.serve": "chạy máy chủ tỉnh (FastAPI/uvicorn)",
    "help.district.db": (
        "CSDL của tỉnh: postgresql://… hoặc đường dẫn tệp SQLite (mặc định: [district] db trong "
        "desk.toml, biến DESK_DISTRICT_DB, rồi tệp trong thư mục dữ liệu)"
    ),
    "help.district.host": "địa chỉ lắng nghe (mặc định 127.0.0.1)",
    "help.district.port": "cổng (mặc định 8765)",
    "help.district.files": (
        "thư mục lưu bản quét các xã gửi lên (mặc định: [district] files_dir trong desk.toml, biến "
        "DESK_DISTRICT_FILES, rồi thư mục cạnh tệp SQLite hoặc trong thư mục dữ liệu)"
    ),
    "help.district.office": "quản lý các đơn vị cấp xã được phép đồng bộ",
    "help.district.office.add": "đăng ký một xã (hoặc cấp mã mới); in mã truy cập một lần",
    "help.district.office.revoke": "thu hồi mã truy cập của một xã",
    "help.district.office_id": "mã định danh đơn vị (ví dụ 000.00.00.H41)",
    "help.district.name": "tên đơn vị",
    "help.district.status": (
        "thống kê theo xã: số sự kiện, hồ sơ theo trạng thái, lần liên lạc cuối"
    ),
    "help.district.only": "chỉ một đơn vị",
    "help.district.act": "ghi một quyết định của tỉnh về hồ sơ (gửi xuống xã ở lần đồng bộ tới)",
    "help.district.code": "mã hồ sơ",
    "help.district.action": "thao tác: start_processing, result_ready, refuse, stop, …",
    "help.district.reason": "lý do (bắt buộc khi từ chối, dừng)",
    "help.district.by": "người/cơ quan quyết định",
    "help.district.catalog": "danh mục thủ tục gửi xuống các xã",
    "help.district.catalog.publish": (
        "công bố một phiên bản danh mục (JSON hoặc CSV như khi nhập danh mục); các xã nhận ở lần "
        "đồng bộ tới"
    ),
    "help.district.catalog.file": "tệp danh mục (có catalog_version)",
    "help.district.calendar": "ngày nghỉ/làm bù gửi xuống các xã",
    "help.district.calendar.publish": (
        "công bố một phiên bản ngày nghỉ/làm bù (CSV date,kind,note); các xã nhận ở lần đồng bộ tới"
    ),
    "help.district.calendar.file": "tệp CSV date,kind,note (kind: OFF hoặc WORK)",
    "help.district.tls.workers": "số tiến trình phục vụ (mặc định 1; một tỉnh: bằng số nhân CPU)",
    "help.district.tls.cert": "chứng chỉ TLS (PEM) để máy chủ tự phục vụ https",
    "help.district.tls.key": "khóa riêng của chứng chỉ TLS (PEM)",
    "district.tls_both": "Cần cả --tls-cert và --tls-key.",
}
EN = {
    "help.district": "province server: receives the offices' data, sends decisions down",
    "help.district.serve": "run the province server (FastAPI/uvicorn)",
    "help.district.db": (
        "district database: postgresql://… or a SQLite file path (default: desk.toml [district] "
        "db, DESK_DISTRICT_DB, then a file in the data dir)"
    ),
    "help.district.host": "listen address (default 127.0.0.1)",
    "help.district.port": "port (default 8765)",
    "help.district.files": (
        "folder for the scans offices upload (default: desk.toml [district] files_dir, "
        "DESK_DISTRICT_FILES, then beside the SQLite file or in the data dir)"
    ),
    "help.district.office": "manage the commune offices allowed to sync",
    "help.district.office.add": "register an office (or issue a new token); prints the token once",
    "help.district.office.revoke": "revoke an office's token",
    "help.district.office_id": "office id (e.g. 000.00.00.H41)",
    "help.district.name": "office name",
    "help.district.status": "per office: events stored, dossiers by state, last contact",
    "help.district.only": "one office only",
    "help.district.act": "record a province decision on a dossier (goes down at the next sync)",
    "help.district.code": "dossier code",
    "help.district.action": "action: start_processing, result_ready, refuse, stop, …",
    "help.district.reason": "reason (required to refuse or stop)",
    "help.district.by": "who decided",
    "help.district.catalog": "the procedure catalog sent down to the offices",
    "help.district.catalog.publish": (
        "publish a catalog version (JSON or CSV, as for a catalog import); offices get it at their "
        "next sync"
    ),
    "help.district.catalog.file": "catalog file (with catalog_version)",
    "help.district.calendar": "days off / make-up working days sent down to the offices",
    "help.district.calendar.publish": (
        "publish a version of the calendar exceptions (CSV date,kind,note); offices get it at "
        "their next sync"
    ),
    "help.district.calendar.file": "CSV file date,kind,note (kind: OFF or WORK)",
    "help.district.tls.workers": "server processes (default 1; a province: one per CPU core)",
    "help.district.tls.cert": "TLS certificate (PEM): serve https itself",
    "help.district.tls.key": "the TLS certificate's private key (PEM)",
    "district.tls_both": "Give both --tls-cert and --tls-key.",
}
