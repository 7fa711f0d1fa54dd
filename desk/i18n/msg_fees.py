"""Messages for fees, digitised copies (attachments) and liên thông steps."""

VI = {
    # timeline labels of the facts
    "action.fee_paid": "Thu phí, lệ phí",
    "action.fee_exempted": "Miễn phí, lệ phí",
    "action.attachment_added": "Đính kèm bản số hóa",
    "action.handover": "Chuyển liên thông",
    "action.step_result": "Kết quả bước liên thông",
    # fees
    "fees.closed": "Hồ sơ {code} đã kết thúc ({status}), không ghi phí, lệ phí được nữa.",
    "fees.already_recorded": (
        "Hồ sơ {code} đã ghi phí, lệ phí lúc {at} ({what}). Không ghi lần hai; nếu ghi sai, "
        "hãy ghi đính chính kèm lý do (cần quyền lãnh đạo)."
    ),
    "fees.correction_reason": "Đính chính phí, lệ phí cần ghi rõ lý do.",
    "fees.bad_method": "Hình thức nộp “{method}” không hợp lệ; dùng một trong: {methods}.",
    "fees.no_fee_in_catalog": (
        "Thủ tục {procedure} không có mức lệ phí trong danh mục; hãy nhập số tiền "
        "hoặc ghi miễn lệ phí."
    ),
    "fees.bad_amount": "Số tiền “{amount}” không hợp lệ (phải là số đồng lớn hơn 0).",
    "fees.exempt_reason": (
        "Miễn phí, lệ phí cần ghi lý do (ví dụ: người có công, hộ nghèo, đăng ký đúng hạn)."
    ),
    "fee.status.paid": "Đã nộp lệ phí",
    "fee.status.exempt": "Miễn lệ phí",
    "fee.status.unpaid": "Chưa nộp lệ phí",
    "fee.status.free": "Không thu lệ phí",
    "fee.method.cash": "Tiền mặt",
    "fee.method.transfer": "Chuyển khoản",
    "fee.method.online": "Trực tuyến",
    "fee.mode.pay": "Thu lệ phí",
    "fee.mode.exempt": "Miễn lệ phí",
    "fee.cli.paid": "Đã ghi thu {amount} ({method}) cho hồ sơ {code}{receipt}.",
    "fee.cli.exempt": "Đã ghi miễn lệ phí cho hồ sơ {code}: {reason}.",
    "fee.cli.receipt": ", biên lai số {receipt}",
    # attachments
    "attach.not_a_file": "Không đọc được tệp “{path}” (không có hoặc không phải tệp).",
    "attach.copy_failed": "Không sao chép được tệp “{path}”: {error}.",
    "attach.verify_failed": (
        "Bản sao của “{path}” không khớp mã băm SHA-256; tệp chưa được đính kèm. "
        "Hãy kiểm tra ổ đĩa và thử lại."
    ),
    "attach.bad_kind": "Loại đính kèm “{kind}” không hợp lệ; dùng một trong: {kinds}.",
    "attach.closed": (
        "Hồ sơ {code} đã kết thúc ({status}): chỉ còn đính kèm được bản số hóa kết quả."
    ),
    "attach.kind.document": "Hồ sơ",
    "attach.kind.result": "Kết quả",
    "attach.cli.added": "Đã đính kèm “{name}” ({kind}, {size} byte) vào hồ sơ {code}.",
    "attach.cli.same": "“{name}” đã có trong hồ sơ {code}; không thêm lần nữa.",
    "attach.sha256": "SHA-256",
    # steps
    "steps.agency_required": "Cần ghi cơ quan nhận hồ sơ liên thông.",
    "steps.bad_days": "Số ngày làm việc “{days}” không hợp lệ (từ 1 đến {max}).",
    "steps.closed": "Hồ sơ {code} đã kết thúc ({status}), không chuyển liên thông được nữa.",
    "steps.step_open": (
        "Hồ sơ {code} đang ở bước liên thông tại “{agency}”: hãy ghi kết quả bước đó trước "
        "khi chuyển tiếp."
    ),
    "steps.deadline_past": "Hạn của bước liên thông đã qua; hãy ghi số ngày làm việc.",
    "steps.none_open": "Hồ sơ {code} không có bước liên thông nào đang chờ kết quả.",
    "steps.other_agency": (
        "Bước liên thông đang chờ kết quả là của “{open}”, không phải “{agency}”."
    ),
    "steps.result.early": "Trước hạn",
    "steps.result.on_time": "Đúng hạn",
    "steps.result.late": "Trễ hạn",
    "steps.open": "đang xử lý",
    "steps.cli.handed": "Đã chuyển hồ sơ {code} cho {agency}; hạn bước: {deadline}.",
    "steps.cli.result": "Bước tại {agency} của hồ sơ {code}: {result}.",
    # dossier screen
    "dossier.key.fee": "Lệ phí",
    "dossier.fee.tip": "Ghi thu lệ phí (mặc định theo danh mục × số bộ) hoặc miễn lệ phí",
    "dossier.key.attach": "Số hóa",
    "dossier.attach.tip": "Đính kèm bản quét từ thư mục máy quét",
    "dossier.key.step": "Liên thông",
    "dossier.step.tip": "Chuyển hồ sơ sang cơ quan khác, hoặc ghi kết quả bước đang chờ",
    "dossier.fee": "Lệ phí",
    "dossier.digitised": "Đã số hóa",
    "dossier.result_digitised": "Đã số hóa kết quả",
    "dossier.steps": "Liên thông",
    "dossier.step.due": "hạn",
    "form.fee_mode": "Thu hay miễn",
    "form.amount": "Số tiền (đồng)",
    "form.fee_method": "Hình thức nộp",
    "form.fee_receipt": "Số biên lai",
    "form.exempt_reason": "Lý do miễn (khi miễn lệ phí)",
    "form.exempt_reason.hint": "người có công; hộ nghèo; đăng ký đúng hạn…",
    "form.to_agency": "Chuyển cho cơ quan",
    "form.step_days": "Số ngày làm việc của bước (để trống: theo hạn hồ sơ)",
    "form.giver": "Người giao",
    "form.step_receiver": "Người nhận",
    "form.note": "Ghi chú",
    "form.amount_bad": "Số tiền phải là số nguyên đồng.",
    "form.days_bad": "Số ngày phải là số nguyên.",
    "step.result_title": "Kết quả bước liên thông tại {agency} — hồ sơ {code}",
    "attach.pick_title": "Đính kèm bản quét — hồ sơ {code}",
    "attach.pick_help": (
        "Chọn tệp bằng phím số 1–9 hoặc mũi tên và Enter. Phím K đổi loại: hồ sơ / kết quả. "
        "Esc: thôi."
    ),
    "attach.pick_kind": "Loại: {kind}",
    "attach.pick_empty": "Thư mục máy quét {folder} chưa có tệp nào.",
    "attach.done": "Đã đính kèm “{name}” vào hồ sơ {code}.",
    "attach.same": "“{name}” đã có trong hồ sơ {code}.",
    "attach.key.kind": "Đổi loại",
    "attach.key.kind.tip": "Đổi giữa bản số hóa hồ sơ và bản số hóa kết quả",
    "attach.key.cancel": "Thôi",
    "attach.key.cancel.tip": "Đóng, không đính kèm",
    "fee.done": "Đã ghi lệ phí cho hồ sơ {code}: {status}.",
    "step.done": "Đã ghi bước liên thông cho hồ sơ {code}.",
}

EN = {
    "action.fee_paid": "Fee collected",
    "action.fee_exempted": "Fee exempted",
    "action.attachment_added": "Digitised copy attached",
    "action.handover": "Inter-agency hand-over",
    "action.step_result": "Inter-agency step result",
    "fees.closed": "Dossier {code} is closed ({status}); no fee can be recorded now.",
    "fees.already_recorded": (
        "The fee of dossier {code} was recorded at {at} ({what}). It is not recorded twice; "
        "if it was wrong, record a correction with its reason (a supervisor's right)."
    ),
    "fees.correction_reason": "A fee correction needs its reason.",
    "fees.bad_method": "Payment method “{method}” is not valid; use one of: {methods}.",
    "fees.no_fee_in_catalog": (
        "Procedure {procedure} has no fee in the catalog; type the amount or record an "
        "exemption."
    ),
    "fees.bad_amount": "Amount “{amount}” is not valid (whole đồng, more than 0).",
    "fees.exempt_reason": (
        "An exemption needs its reason (e.g. người có công, hộ nghèo, đăng ký đúng hạn)."
    ),
    "fee.status.paid": "Fee paid",
    "fee.status.exempt": "Fee exempted",
    "fee.status.unpaid": "Fee not paid",
    "fee.status.free": "No fee",
    "fee.method.cash": "Cash",
    "fee.method.transfer": "Bank transfer",
    "fee.method.online": "Online",
    "fee.mode.pay": "Collect",
    "fee.mode.exempt": "Exempt",
    "fee.cli.paid": "Recorded {amount} ({method}) for dossier {code}{receipt}.",
    "fee.cli.exempt": "Recorded the fee exemption of dossier {code}: {reason}.",
    "fee.cli.receipt": ", receipt no. {receipt}",
    "attach.not_a_file": "Cannot read “{path}” (missing, or not a file).",
    "attach.copy_failed": "Could not copy “{path}”: {error}.",
    "attach.verify_failed": (
        "The copy of “{path}” does not match its SHA-256; nothing was attached. "
        "Check the disk and try again."
    ),
    "attach.bad_kind": "Attachment kind “{kind}” is not valid; use one of: {kinds}.",
    "attach.closed": "Dossier {code} is closed ({status}): only its result can be attached.",
    "attach.kind.document": "Dossier",
    "attach.kind.result": "Result",
    "attach.cli.added": "Attached “{name}” ({kind}, {size} bytes) to dossier {code}.",
    "attach.cli.same": "“{name}” is already attached to dossier {code}; not added again.",
    "attach.sha256": "SHA-256",
    "steps.agency_required": "The receiving agency of the hand-over is required.",
    "steps.bad_days": "“{days}” working days is not valid (1 to {max}).",
    "steps.closed": "Dossier {code} is closed ({status}); it cannot be handed over now.",
    "steps.step_open": (
        "Dossier {code} is still at “{agency}”: record that step's result before handing "
        "it on."
    ),
    "steps.deadline_past": "The step's deadline is already past; give its working days.",
    "steps.none_open": "Dossier {code} has no inter-agency step awaiting its result.",
    "steps.other_agency": "The step awaiting its result is at “{open}”, not “{agency}”.",
    "steps.result.early": "Early",
    "steps.result.on_time": "On time",
    "steps.result.late": "Late",
    "steps.open": "in progress",
    "steps.cli.handed": "Dossier {code} handed to {agency}; step due {deadline}.",
    "steps.cli.result": "Step at {agency} of dossier {code}: {result}.",
    "dossier.key.fee": "Fee",
    "dossier.fee.tip": "Record the fee collected (catalog × sets by default) or an exemption",
    "dossier.key.attach": "Scan",
    "dossier.attach.tip": "Attach a scanned file from the scanner folder",
    "dossier.key.step": "Hand-over",
    "dossier.step.tip": "Hand the dossier to another agency, or record the open step's result",
    "dossier.fee": "Fee",
    "dossier.digitised": "Digitised",
    "dossier.result_digitised": "Result digitised",
    "dossier.steps": "Inter-agency",
    "dossier.step.due": "due",
    "form.fee_mode": "Collect or exempt",
    "form.amount": "Amount (đồng)",
    "form.fee_method": "Payment method",
    "form.fee_receipt": "Receipt number",
    "form.exempt_reason": "Exemption reason (when exempted)",
    "form.exempt_reason.hint": "người có công; hộ nghèo; đăng ký đúng hạn…",
    "form.to_agency": "Hand to agency",
    "form.step_days": "Working days for the step (empty: the dossier's deadline)",
    "form.giver": "Handed by",
    "form.step_receiver": "Received by",
    "form.note": "Note",
    "form.amount_bad": "The amount must be a whole number of đồng.",
    "form.days_bad": "The days must be a whole number.",
    "step.result_title": "Result of the step at {agency} — dossier {code}",
    "attach.pick_title": "Attach a scan — dossier {code}",
    "attach.pick_help": (
        "Pick a file with keys 1–9, or the arrows and Enter. K switches the kind: dossier / "
        "result. Esc: cancel."
    ),
    "attach.pick_kind": "Kind: {kind}",
    "attach.pick_empty": "The scanner folder {folder} has no files yet.",
    "attach.done": "Attached “{name}” to dossier {code}.",
    "attach.same": "“{name}” is already attached to dossier {code}.",
    "attach.key.kind": "Kind",
    "attach.key.kind.tip": "Switch between a scan of the dossier and a scan of its result",
    "attach.key.cancel": "Cancel",
    "attach.key.cancel.tip": "Close without attaching",
    "fee.done": "Fee recorded for dossier {code}: {status}.",
    "step.done": "Inter-agency step recorded for dossier {code}.",
}
