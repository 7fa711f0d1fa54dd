"""Command-line messages."""

VI = {
    "cli.db_busy": "Cơ sở dữ liệu đang bận (máy khác đang ghi). Hãy thử lại sau giây lát.",
    "cli.db_corrupt": "Tệp cơ sở dữ liệu bị hỏng hoặc không phải cơ sở dữ liệu của Một Cửa Desk. "
                      "Chạy `desk db check` và khôi phục từ bản sao lưu gần nhất.",
    "cli.permission": "Không có quyền truy cập tệp: {error}",
    "cli.crash": "Lỗi không mong đợi ({error}). Dữ liệu đã lưu không bị ảnh hưởng. "
                 "Chi tiết kỹ thuật ghi tại: {log}",
    "cli.bad_date": "Ngày {value!r} không hợp lệ; cần dạng YYYY-MM-DD.",
    "cli.bad_datetime": "Thời điểm {value!r} không hợp lệ; cần dạng \"YYYY-MM-DD HH:MM\".",
    "cli.file_missing": "Không tìm thấy tệp {file}.",
    "cli.no_procedure": "Không có thủ tục mã {code} trong danh mục. "
                        "Xem danh sách bằng `desk catalog list`.",
    "cli.catalog_empty": "Danh mục thủ tục đang trống. Nhập bằng `desk catalog import FILE` "
                         "hoặc chạy `desk demo`.",
    "cli.valid": "Hợp lệ",
    "cli.working": "ngày làm việc",
    "cli.not_working": "ngày nghỉ",
    "cli.db_ok": "Cơ sở dữ liệu {path}: toàn vẹn {integrity}; khoá ngoại {foreign_keys}; "
                 "lược đồ {revision} (mới nhất {head}).",
    "cli.no_tty": "Giao diện cần một cửa sổ dòng lệnh (terminal). Dùng `desk --help` để xem "
                  "các lệnh chạy không cần giao diện.",
}
EN = {
    "cli.db_busy": "The database is busy (another terminal is writing). Try again in a moment.",
    "cli.db_corrupt": "The database file is damaged or is not a Một Cửa Desk database. Run "
                      "`desk db check` and restore the newest backup.",
    "cli.permission": "Permission denied: {error}",
    "cli.crash": "Unexpected error ({error}). Saved data is not affected. "
                 "Technical details written to: {log}",
    "cli.bad_date": "Date {value!r} is not valid; use YYYY-MM-DD.",
    "cli.bad_datetime": "Moment {value!r} is not valid; use \"YYYY-MM-DD HH:MM\".",
    "cli.file_missing": "File {file} not found.",
    "cli.no_procedure": "No procedure with code {code} in the catalog. "
                        "See `desk catalog list`.",
    "cli.catalog_empty": "The procedure catalog is empty. Import one with "
                         "`desk catalog import FILE` or run `desk demo`.",
    "cli.valid": "Valid",
    "cli.working": "working day",
    "cli.not_working": "day off",
    "cli.db_ok": "Database {path}: integrity {integrity}; foreign keys {foreign_keys}; "
                 "schema {revision} (latest {head}).",
    "cli.no_tty": "The interface needs a terminal. See `desk --help` for the commands that "
                  "run without it.",
}
