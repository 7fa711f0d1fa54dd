"""Help texts: `desk deadlines` and `desk apology` --help."""

VI = {
    "help.deadlines": "hồ sơ đến hạn, sắp đến hạn, quá hạn và chưa có văn bản xin lỗi",
    "help.deadlines.sort": "sắp xếp: due (theo hạn trả), field (lĩnh vực), agency (cơ quan xử lý)",
    "help.deadlines.limit": "số hồ sơ tối đa trong danh sách",
    "help.apology": "lập văn bản xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) cho một hồ sơ",
    "help.apology.code": "mã hồ sơ",
    "help.apology.reason": "lý do chậm trả kết quả (bắt buộc)",
    "help.apology.new_date": (
        "ngày hẹn trả mới YYYY-MM-DD (phải là ngày làm việc; mặc định: phần mềm đề xuất theo thời "
        "hạn của thủ tục)"
    ),
    "help.apology.pdf": "lưu thêm văn bản xin lỗi khổ A4 vào tệp PDF này",
    "help.apology.clerk": "họ tên lãnh đạo ký văn bản (mặc định: quản trị dòng lệnh)",
    "help.apology.no_print": "không đưa văn bản và phiếu hẹn vào hàng đợi in",
    "help.apology.no_sms": "không nhắn tin báo cho công dân",
}
EN = {
    "help.deadlines": "dossiers due today, due soon, overdue and without an apology letter",
    "help.deadlines.sort": "order: due (due time), field, agency (handling agency)",
    "help.deadlines.limit": "maximum dossiers listed",
    "help.apology": "issue the apology letter with a new appointment date (Form 04) for a dossier",
    "help.apology.code": "dossier code",
    "help.apology.reason": "reason for the delay (required)",
    "help.apology.new_date": (
        "new appointment date YYYY-MM-DD (a working day; default: proposed from the procedure's "
        "time limit)"
    ),
    "help.apology.pdf": "also save the A4 letter to this PDF file",
    "help.apology.clerk": "name of the signing supervisor (default: command-line administrator)",
    "help.apology.no_print": "do not queue the letter and the slip for printing",
    "help.apology.no_sms": "do not text the citizen",
}
