"""Help texts: `desk printer` and `desk print` --help."""

VI = {
    "help.printer": "máy in: trang thử, trạng thái",
    "help.printer.test": "in trang thử: mọi chữ cái tiếng Việt ở mọi chế độ (TCVN-3, CP1258, ảnh)",
    "help.printer.status": "hỏi trạng thái máy in (DLE EOT): sẵn sàng, mở nắp, hết giấy…",
    "help.printer.name": "tên máy in trong desk.toml, ví dụ receipt",
    "help.printer.timeout": "số giây tối đa chờ máy in (mặc định 15)",
    "help.print": "in giấy tờ của hồ sơ",
    "help.print.receipt": "in Giấy tiếp nhận hồ sơ và hẹn trả kết quả (phiếu nhiệt)",
    "help.print.form": (
        "in mẫu số N theo bộ quy định của hồ sơ (A4 hoặc phiếu nhiệt), hoặc ghi ra tệp PDF"
    ),
    "help.print.code": "mã hồ sơ",
    "help.print.n": (
        "số mẫu theo bộ quy định của hồ sơ — 2025: 1 tiếp nhận, 2 bổ sung, 3 từ chối, 4 xin lỗi và "
        "gia hạn, 5 dừng giải quyết, 6 phiếu kiểm soát, 7 sổ theo dõi; 2018: 5 phiếu kiểm soát, 6 "
        "sổ theo dõi"
    ),
    "help.print.printer": "tên máy in (mặc định receipt)",
    "help.print.out": "ghi dữ liệu in ra tệp thay vì đưa vào hàng đợi",
    "help.print.pdf": "tệp PDF cần tạo",
}
EN = {
    "help.printer": "printers: test sheet, status",
    "help.printer.test": "print the test sheet: every Vietnamese letter in every mode",
    "help.printer.status": "ask the printer's status (DLE EOT): ready, cover open, paper out…",
    "help.printer.name": "printer name in desk.toml, e.g. receipt",
    "help.printer.timeout": "seconds to wait for the printer at most (default 15)",
    "help.print": "print a dossier's papers",
    "help.print.receipt": "print the dossier receipt and appointment slip (thermal)",
    "help.print.form": (
        "print Form N of the dossier's rule set (A4 or thermal slip), or write it as a PDF"
    ),
    "help.print.code": "dossier code",
    "help.print.n": (
        "form number in the dossier's rule set — 2025: 1 receipt, 2 supplement, 3 refusal, 4 "
        "apology and extension, 5 stop notice, 6 control slip, 7 book; 2018: 5 control slip, 6 book"
    ),
    "help.print.printer": "printer name (default receipt)",
    "help.print.out": "write the print data to a file instead of queuing it",
    "help.print.pdf": "the PDF file to write",
}
