"""Texts of the counter screens' key plan, lock, dossier papers and confirmations."""

VI = {
    # the key plan (F1) — screens/keyplan.py
    "keyplan.title": "Phím dùng chung trên mọi màn hình",
    "keyplan.f1": "Bảng phím này",
    "keyplan.f6": "Tổng quan và báo cáo (lãnh đạo)",
    "keyplan.f8": "Lưu / xác nhận biểu mẫu đang mở",
    "keyplan.f9": "Đổi bộ gõ: Telex → VNI → tắt",
    "keyplan.f12": "Khoá máy, đổi cán bộ",
    "keyplan.palette": "Tìm lệnh",
    "keyplan.escape": "Quay lại; về màn hình chính",
    "keyplan.screen": "Phím của màn hình {screen}",
    "keyplan.screen_untitled": "Phím của màn hình này",
    "keyplan.none": "Màn hình này không có phím riêng.",
    "keyplan.close": "Đóng",
    "keyplan.close.tip": "Đóng bảng phím",
    "keyplan.lock": "Khoá máy",
    "keyplan.lock.tip": "Khoá máy và trở về màn hình đăng nhập để đổi cán bộ",
    "lock.done": "Đã khoá máy. Cán bộ đăng nhập để làm việc tiếp.",
    "lock.idle": "Máy đã tự khoá vì lâu không dùng. Đăng nhập để làm việc tiếp.",
    "apology.form.steps": "Enter: sang ô kế   F8: xem lại và phát hành   Esc: thôi",
    "apology.confirm.question": (
        "Phát hành văn bản xin lỗi cho hồ sơ {code} ({applicant})?\n\n"
        "Hẹn trả kết quả mới: {new}\nLý do: {reason}\n\n"
        "Văn bản được in và báo cho người dân; không thu hồi được."
    ),
    "apology.confirm.yes": "Phát hành",
    "apology.confirm.no": "Xem lại",
    "intake.escape": "Quay lại",  # not "Thoát": that is F10, which closes the desk
    "intake.escape.tip": (
        "Đóng danh sách đang mở, hoặc về màn hình chính (hỏi trước nếu có dữ liệu chưa lưu)"
    ),
    "intake.draft_banner": (
        "Bản nháp chưa lưu của {clerk}, từ {at}: kiểm tra lại rồi F8 để tiếp nhận, "
        "Ctrl+L để xoá."
    ),
    # timeline labels missing elsewhere (desk/services/dossier/views.event_label)
    "action.apology": "Văn bản xin lỗi, hẹn lại ngày trả",
    "action.superseded_other": "{action} (bị huyện thay thế)",
    "action.other": "Sự kiện khác",
    "dossier.return_unpaid": (
        "Hồ sơ {code} chưa nộp lệ phí ({amount}).\n\n"
        "Nên thu lệ phí trước khi trả kết quả: chọn «Quay lại» rồi nhấn P. "
        "Vẫn trả kết quả thì lệ phí vẫn ghi thu được sau."
    ),
    "dossier.return_unpaid.yes": "Vẫn trả kết quả",
    "dossier.return_unpaid.no": "Quay lại",
    "dossier.returned_unpaid": (
        "Lưu ý: hồ sơ {code} đã trả kết quả nhưng chưa nộp lệ phí ({amount}). "
        "Ghi thu bằng: desk dossier fee {code}"
    ),
    "papers.key": "In giấy tờ",
    "papers.key.tip": "In hoặc in lại giấy tờ của hồ sơ, theo các mẫu của bộ quy định của hồ sơ",
    "papers.key.cancel": "Thôi",
    "papers.key.cancel.tip": "Đóng, không in",
    "papers.title": "In giấy tờ của hồ sơ {code} (số hoặc ↑↓ rồi Enter)",
    "papers.none": "Chưa cấu hình máy in nào trong desk.toml.",
    "papers.form_label": "Mẫu {number}: {title}",
    "papers.kind.supplement": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    "papers.on_a4": "khổ A4, in ở {printer}",
    "papers.on_thermal": "phiếu nhiệt, in ở {printer}",
    "papers.queued": "Đã xếp vào hàng đợi in: {paper}. Xem tình trạng ở Ctrl+O.",
    "papers.queued_form": "{paper} của hồ sơ {code} đã xếp vào hàng đợi in.",
    "papers.not_queued": (
        "Chưa in được {paper} của hồ sơ {code}: kiểm tra máy in (Ctrl+O), rồi nhấn I để in lại."
    ),
    "papers.unknown": "Không có giấy tờ «{paper}» cho hồ sơ này.",
}
EN = {
    "keyplan.title": "Keys that work on every screen",
    "keyplan.f1": "This key list",
    "keyplan.f6": "Overview and reports (supervisors)",
    "keyplan.f8": "Save / confirm the open form",
    "keyplan.f9": "Vietnamese typing: Telex → VNI → off",
    "keyplan.f12": "Lock the desk, switch clerk",
    "keyplan.palette": "Find a command",
    "keyplan.escape": "Back; to the home screen",
    "keyplan.screen": "Keys of the {screen} screen",
    "keyplan.screen_untitled": "Keys of this screen",
    "keyplan.none": "This screen has no keys of its own.",
    "keyplan.close": "Close",
    "keyplan.close.tip": "Close the key list",
    "keyplan.lock": "Lock",
    "keyplan.lock.tip": "Lock the desk and return to the login to switch clerk",
    "lock.done": "The desk is locked. A clerk logs in to go on.",
    "lock.idle": "The desk locked itself after a while unused. Log in to go on.",
    "apology.form.steps": "Enter: next field   F8: review and issue   Esc: cancel",
    "apology.confirm.question": (
        "Issue the apology letter for dossier {code} ({applicant})?\n\n"
        "New appointment: {new}\nReason: {reason}\n\n"
        "The letter is printed and the citizen is told; it cannot be withdrawn."
    ),
    "apology.confirm.yes": "Issue",
    "apology.confirm.no": "Review",
    "intake.escape": "Back",
    "intake.escape.tip": "Close the open list, or go home (asks first when input is unsaved)",
    "intake.draft_banner": (
        "Unsaved draft of {clerk}, from {at}: check it, then F8 to receive, Ctrl+L to clear."
    ),
    "action.apology": "Apology letter, new appointment",
    "action.superseded_other": "{action} (superseded by the district)",
    "action.other": "Other event",
    "dossier.return_unpaid": (
        "Dossier {code} has an unpaid fee ({amount}).\n\n"
        "Collect the fee before returning the result: choose “Back”, then press P. "
        "If you return it anyway, the fee can still be recorded later."
    ),
    "dossier.return_unpaid.yes": "Return anyway",
    "dossier.return_unpaid.no": "Back",
    "dossier.returned_unpaid": (
        "Note: dossier {code} was returned with its fee unpaid ({amount}). "
        "Record it with: desk dossier fee {code}"
    ),
    "papers.key": "Print",
    "papers.key.tip": "Print or reprint a paper of this dossier, in the forms of its rule set",
    "papers.key.cancel": "Cancel",
    "papers.key.cancel.tip": "Close without printing",
    "papers.title": "Print a paper of dossier {code} (a digit, or ↑↓ and Enter)",
    "papers.none": "No printer is configured in desk.toml.",
    "papers.form_label": "Form {number}: {title}",
    "papers.kind.supplement": "The supplement request",
    "papers.on_a4": "A4, on the {printer}",
    "papers.on_thermal": "thermal slip, on the {printer}",
    "papers.queued": "Queued for printing: {paper}. See its state with Ctrl+O.",
    "papers.queued_form": "{paper} of dossier {code} is queued for printing.",
    "papers.not_queued": (
        "{paper} of dossier {code} was not queued: check the printer (Ctrl+O), then press I "
        "to print it again."
    ),
    "papers.unknown": "There is no paper “{paper}” for this dossier.",
}
