"""Help texts of `desk printer …` and `desk print …` (merged into the main dicts)."""

VI = {
    "printer": "máy in: trang thử, trạng thái",
    "printer.test": "in trang thử: mọi chữ cái tiếng Việt ở mọi chế độ (TCVN-3, CP1258, ảnh)",
    "printer.status": "hỏi trạng thái máy in (DLE EOT): sẵn sàng, mở nắp, hết giấy…",
    "printer.name": "tên máy in trong desk.toml, ví dụ receipt",
    "printer.timeout": "số giây tối đa chờ máy in (mặc định 15)",
    "print": "in giấy tờ của hồ sơ",
    "print.receipt": "in Giấy tiếp nhận hồ sơ và hẹn trả kết quả (phiếu nhiệt)",
    "print.form": "in mẫu số N theo bộ quy định của hồ sơ (A4 hoặc phiếu nhiệt), "
                  "hoặc ghi ra tệp PDF",
    "print.code": "mã hồ sơ",
    "print.n": "số mẫu theo bộ quy định của hồ sơ — 2025: 1 tiếp nhận, 2 bổ sung, 3 từ chối, "
               "4 xin lỗi và gia hạn, 5 dừng giải quyết, 6 phiếu kiểm soát, 7 sổ theo dõi; "
               "2018: 5 phiếu kiểm soát, 6 sổ theo dõi",
    "print.printer": "tên máy in (mặc định receipt)",
    "print.out": "ghi dữ liệu in ra tệp thay vì đưa vào hàng đợi",
    "print.pdf": "tệp PDF cần tạo",
}
EN = {
    "printer": "printers: test sheet, status",
    "printer.test": "print the test sheet: every Vietnamese letter in every mode",
    "printer.status": "ask the printer's status (DLE EOT): ready, cover open, paper out…",
    "printer.name": "printer name in desk.toml, e.g. receipt",
    "printer.timeout": "seconds to wait for the printer at most (default 15)",
    "print": "print a dossier's papers",
    "print.receipt": "print the dossier receipt and appointment slip (thermal)",
    "print.form": "print Form N of the dossier's rule set (A4 or thermal slip), "
                  "or write it as a PDF",
    "print.code": "dossier code",
    "print.n": "form number in the dossier's rule set — 2025: 1 receipt, 2 supplement, "
               "3 refusal, 4 apology and extension, 5 stop notice, 6 control slip, 7 book; "
               "2018: 5 control slip, 6 book",
    "print.printer": "printer name (default receipt)",
    "print.out": "write the print data to a file instead of queuing it",
    "print.pdf": "the PDF file to write",
}
