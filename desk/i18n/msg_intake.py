"""Intake and lifecycle messages."""

VI = {
    "intake.no_name": "Cần nhập họ tên người nộp hồ sơ.",
    "intake.no_procedure": "Không có thủ tục mã {code} đang áp dụng. Chọn thủ tục trong danh mục.",
    "intake.incomplete": "Hồ sơ chưa đủ thành phần, không tiếp nhận: thiếu {missing}. "
                         "Hãy lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02).",
    "intake.bad_channel": "Hình thức nộp {channel!r} không hợp lệ; chọn: {channels}.",
    "intake.bad_sets": "Số bộ hồ sơ phải từ 1 đến 99 (đã nhập {sets}).",
    "intake.future": "Thời điểm tiếp nhận {at} ở tương lai.",
    "dossier.not_found": "Không tìm thấy hồ sơ mã {code}.",
    "lifecycle.reason_required": "Cần ghi lý do cho thao tác này.",
    "lifecycle.bad_return_method": "Hình thức trả {method!r} không hợp lệ; chọn: {methods}.",
    "lifecycle.receiver_required": "Cần ghi họ tên người nhận kết quả tại quầy.",
    "lifecycle.tracking_required": "Cần ghi số hiệu bưu gửi khi trả kết quả qua bưu chính.",
    "lifecycle.use_intake": "Hồ sơ mới được tiếp nhận ở màn hình Tiếp nhận.",
    "lifecycle.bad_time": "Thời điểm thao tác không hợp lệ (trước khi tiếp nhận hoặc ở tương lai).",
}
EN = {
    "intake.no_name": "Enter the applicant's name.",
    "intake.no_procedure": "No procedure {code} in force. Pick one from the catalog.",
    "intake.incomplete": "The dossier is incomplete and cannot be received: missing {missing}. "
                         "Issue a supplement request (Form 02) instead.",
    "intake.bad_channel": "Channel {channel!r} is not valid; choose: {channels}.",
    "intake.bad_sets": "Number of sets must be 1 to 99 (got {sets}).",
    "intake.future": "Receipt time {at} is in the future.",
    "dossier.not_found": "No dossier with code {code}.",
    "lifecycle.reason_required": "This action needs a reason.",
    "lifecycle.bad_return_method": "Return method {method!r} is not valid; choose: {methods}.",
    "lifecycle.receiver_required": "Enter the name of the person who received the result.",
    "lifecycle.tracking_required": "Enter the postal tracking number.",
    "lifecycle.use_intake": "New dossiers are received on the Intake screen.",
    "lifecycle.bad_time": "The action time is not valid (before receipt or in the future).",
}

VI["search.bad_scope"] = "Bộ lọc {scope!r} không hợp lệ; dùng today, due_soon hoặc overdue."
EN["search.bad_scope"] = "Filter {scope!r} is not valid; use today, due_soon or overdue."

VI.update({
    "dossier.cli_actor": "quản trị (dòng lệnh)",
    "dossier.no_clerk": "Không có cán bộ tên {name}. Xem danh sách bằng `desk clerk list`.",
    "dossier.received_at": "Tiếp nhận",
    "dossier.due_at": "Hẹn trả",
})
EN.update({
    "dossier.cli_actor": "administrator (command line)",
    "dossier.no_clerk": "No clerk named {name}. See `desk clerk list`.",
    "dossier.received_at": "Received",
    "dossier.due_at": "Due",
})
