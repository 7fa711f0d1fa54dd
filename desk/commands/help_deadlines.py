"""Help texts of `desk deadlines` and `desk apology`."""

VI = {
    "deadlines": "hồ sơ đến hạn, sắp đến hạn, quá hạn và chưa có văn bản xin lỗi",
    "deadlines.sort": "sắp xếp: due (theo hạn trả), field (lĩnh vực), agency (cơ quan xử lý)",
    "deadlines.limit": "số hồ sơ tối đa trong danh sách",
    "apology": "lập văn bản xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) cho một hồ sơ",
    "apology.code": "mã hồ sơ",
    "apology.reason": "lý do chậm trả kết quả (bắt buộc)",
    "apology.new_date": "ngày hẹn trả mới YYYY-MM-DD (phải là ngày làm việc; mặc định: "
                        "phần mềm đề xuất theo thời hạn của thủ tục)",
    "apology.pdf": "lưu thêm văn bản xin lỗi khổ A4 vào tệp PDF này",
    "apology.clerk": "họ tên lãnh đạo ký văn bản (mặc định: quản trị dòng lệnh)",
    "apology.no_print": "không đưa văn bản và phiếu hẹn vào hàng đợi in",
    "apology.no_sms": "không nhắn tin báo cho công dân",
}
EN = {
    "deadlines": "dossiers due today, due soon, overdue and without an apology letter",
    "deadlines.sort": "order: due (due time), field, agency (handling agency)",
    "deadlines.limit": "maximum dossiers listed",
    "apology": "issue the apology letter with a new appointment date (Form 04) for a dossier",
    "apology.code": "dossier code",
    "apology.reason": "reason for the delay (required)",
    "apology.new_date": "new appointment date YYYY-MM-DD (a working day; default: proposed "
                        "from the procedure's time limit)",
    "apology.pdf": "also save the A4 letter to this PDF file",
    "apology.clerk": "name of the signing supervisor (default: command-line administrator)",
    "apology.no_print": "do not queue the letter and the slip for printing",
    "apology.no_sms": "do not text the citizen",
}


def helps_for(base: dict[str, str]) -> dict[str, str]:
    """The help texts in the language `base` (the main help dict) is in."""
    return EN if base.get("usage_error") == "usage error" else VI
