"""Help texts: `desk report` --help."""

VI = {
    "help.report": "báo cáo tình hình tiếp nhận, giải quyết hồ sơ của một kỳ; sổ theo dõi hồ sơ",
    "help.report.what": (
        "báo cáo nào: summary (mặc định, bảng số liệu) hoặc book (sổ theo dõi hồ sơ, mẫu 07; mẫu "
        "06 trước 01/7/2025)"
    ),
    "help.report.from": "ngày đầu kỳ YYYY-MM-DD (tính cả ngày này)",
    "help.report.to": "ngày cuối kỳ YYYY-MM-DD (tính cả ngày này)",
    "help.report.format": (
        "định dạng: table (bảng trên màn hình), csv, xlsx, json, pdf; sổ theo dõi: xlsx hoặc pdf"
    ),
    "help.report.clerk": "họ tên cán bộ thực hiện (quyền được kiểm tra; mặc định: quản trị)",
    "help.report.out": (
        "tệp ghi ra (bắt buộc với xlsx và pdf; csv, json, table: mặc định in ra màn hình)"
    ),
    "help.report.epilog": (
        "Ví dụ:\n"
        "  desk report --from 2026-11-01 --to 2026-11-30\n"
        "  desk report --from 2026-11-01 --to 2026-11-30 --format xlsx --out bao-cao-11-2026.xlsx\n"
        "  desk report book --from 2026-11-01 --to 2026-11-30 --format pdf --out so-theo-doi.pdf"
    ),
}
EN = {
    "help.report": "report on dossiers received and resolved in a period; the dossier book",
    "help.report.what": (
        "which report: summary (default, the figures) or book (the dossier book, Form 07; Form 06 "
        "before 1 July 2025)"
    ),
    "help.report.from": "first day YYYY-MM-DD (included)",
    "help.report.to": "last day YYYY-MM-DD (included)",
    "help.report.format": "format: table (on screen), csv, xlsx, json, pdf; the book: xlsx or pdf",
    "help.report.clerk": "acting clerk's name (their role is checked; default: administrator)",
    "help.report.out": (
        "file to write (required for xlsx and pdf; csv, json, table: printed by default)"
    ),
    "help.report.epilog": (
        "Examples:\n"
        "  desk report --from 2026-11-01 --to 2026-11-30\n"
        "  desk report --from 2026-11-01 --to 2026-11-30 --format xlsx --out report-11-2026.xlsx\n"
        "  desk report book --from 2026-11-01 --to 2026-11-30 --format pdf --out book.pdf"
    ),
}
