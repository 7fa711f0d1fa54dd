"""Help texts of `desk district`."""

VI = {
    "district": "máy chủ huyện: nhận dữ liệu các xã, gửi quyết định xuống xã",
    "district.serve": "chạy máy chủ huyện (FastAPI/uvicorn)",
    "district.db": ("CSDL của huyện: postgresql://… hoặc đường dẫn tệp SQLite (mặc định: "
                    "[district] db trong desk.toml, biến DESK_DISTRICT_DB, rồi tệp trong thư mục "
                    "dữ liệu)"),
    "district.host": "địa chỉ lắng nghe (mặc định 127.0.0.1)",
    "district.port": "cổng (mặc định 8765)",
    "district.office": "quản lý các đơn vị cấp xã được phép đồng bộ",
    "district.office.add": "đăng ký một xã (hoặc cấp mã mới); in mã truy cập một lần",
    "district.office.revoke": "thu hồi mã truy cập của một xã",
    "district.office_id": "mã định danh đơn vị (ví dụ 000.00.00.H41)",
    "district.name": "tên đơn vị",
    "district.status": "thống kê theo xã: số sự kiện, hồ sơ theo trạng thái, lần liên lạc cuối",
    "district.only": "chỉ một đơn vị",
    "district.act": "ghi một quyết định của huyện về hồ sơ (gửi xuống xã ở lần đồng bộ tới)",
    "district.code": "mã hồ sơ",
    "district.action": "thao tác: start_processing, result_ready, refuse, stop, …",
    "district.reason": "lý do (bắt buộc khi từ chối, dừng)",
    "district.by": "người/cơ quan quyết định",
}
EN = {
    "district": "district server: receives the offices' data, sends decisions down",
    "district.serve": "run the district server (FastAPI/uvicorn)",
    "district.db": ("district database: postgresql://… or a SQLite file path (default: "
                    "desk.toml [district] db, DESK_DISTRICT_DB, then a file in the data dir)"),
    "district.host": "listen address (default 127.0.0.1)",
    "district.port": "port (default 8765)",
    "district.office": "manage the commune offices allowed to sync",
    "district.office.add": "register an office (or issue a new token); prints the token once",
    "district.office.revoke": "revoke an office's token",
    "district.office_id": "office id (e.g. 000.00.00.H41)",
    "district.name": "office name",
    "district.status": "per office: events stored, dossiers by state, last contact",
    "district.only": "one office only",
    "district.act": "record a district decision on a dossier (goes down at the next sync)",
    "district.code": "dossier code",
    "district.action": "action: start_processing, result_ready, refuse, stop, …",
    "district.reason": "reason (required to refuse or stop)",
    "district.by": "who decided",
}


def helps_for(base: dict[str, str]) -> dict[str, str]:
    return EN if base.get("usage_error") == "usage error" else VI
