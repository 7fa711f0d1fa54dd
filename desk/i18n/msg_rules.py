"""Rule sets by effective date and their forms (desk/rules, issue 16)."""

VI = {
    "rules.no_form": "Bộ quy định {set} không có mẫu số {form}. Các mẫu: {forms}.",
    "rules.no_set": "Không có bộ quy định {set} (đang có: {sets}).",
    "rules.bad_file": "Tệp bộ quy định {file} không đúng định dạng: {error}",
    "rules.form_line": "Mẫu {number}: {title} ({fields} trường)",
    "rules.set_line": "Bộ quy định {id}, áp dụng từ {date}: {name}",
    "help.form": "các mẫu giấy tờ của bộ quy định (2018, 2025…)",
    "help.form.list": "liệt kê các mẫu của một bộ quy định: số, tên, trường, chữ ký",
    "help.form.set": "mã bộ quy định, ví dụ 2025 (mặc định: bộ đang có hiệu lực hôm nay)",
    "help.calendar.year": "mọi ngày nghỉ lễ, nghỉ hoán đổi, làm bù của năm, kèm nguồn",
    "calendar.source.statutory": "Bộ luật Lao động 2019, Điều 112 (thư viện holidays {release})",
    "calendar.source.office": "Lịch của cơ quan",
    "intake.online_only": ("Thủ tục «{procedure}» chỉ nộp trực tuyến: hãy giúp công dân nộp trên "
                           "Cổng Dịch vụ công quốc gia (đăng nhập VNeID), rồi ghi mã hồ sơ của "
                           "Cổng (ô «Mã hồ sơ Cổng»; lệnh: --portal-code)."),
    "intake.bad_portal_code": ("Mã hồ sơ trên Cổng «{code}» không hợp lệ: 5–60 ký tự, chỉ gồm "
                               "chữ, số, dấu chấm và gạch ngang."),
    "intake.portal_code_taken": "Mã hồ sơ trên Cổng {code} đã được ghi cho một hồ sơ khác.",
    "channel.online_assisted": "Trực tuyến (hỗ trợ tại quầy)",
    "help.dossier.portal_code": ("mã hồ sơ trên Cổng Dịch vụ công quốc gia: nộp trực tuyến có hỗ "
                                 "trợ tại quầy (bắt buộc với thủ tục chỉ nộp trực tuyến)"),
    "intake.portal_code": "Mã hồ sơ Cổng",
    "intake.portal_code.placeholder": "mã do Cổng Dịch vụ công quốc gia cấp khi nộp xong",
    "intake.assisted_info": ("Thủ tục chỉ nộp trực tuyến — hình thức: trực tuyến (hỗ trợ tại "
                             "quầy). Giúp công dân nộp trên Cổng Dịch vụ công quốc gia (đăng nhập "
                             "VNeID), rồi nhập mã hồ sơ Cổng cấp. Không lấy số giấy tiếp nhận; "
                             "in phiếu hướng dẫn thay cho giấy tiếp nhận."),
    "intake.guide_note": ("Phiếu hướng dẫn nộp trực tuyến đã vào hàng đợi in của {printer} "
                           "(tình trạng máy in: Ctrl+O)."),
    "intake.guide_not_queued": ("Chưa in được phiếu hướng dẫn nộp trực tuyến (xem máy in: "
                                "Ctrl+O): hãy ghi mã hồ sơ Cổng cho công dân."),
    "dash.official": "Tháng {month}: mẫu {template} và chỉ số Quyết định 766 (tỉnh được chấm)",
    "dash.t.received": "Tiếp nhận: {n}",
    "dash.t.received.online": "trực tuyến: {n}",
    "dash.t.received.assisted": "(hỗ trợ tại quầy: {n})",
    "dash.t.received.direct_postal": "trực tiếp, bưu chính: {n}",
    "dash.t.received.carried_over": "kỳ trước chuyển qua: {n}",
    "dash.t.resolved": "Đã giải quyết: {n}",
    "dash.t.resolved.early": "trước hạn: {n}",
    "dash.t.resolved.on_time": "đúng hạn: {n}",
    "dash.t.resolved.late": "quá hạn: {n}",
    "dash.t.in_progress": "Đang giải quyết: {n}",
    "dash.t.in_progress.within_time": "trong hạn: {n}",
    "dash.t.in_progress.overdue": "quá hạn: {n}",
    "dash.i.on_time": "Đúng hạn",
    "dash.i.online": "Nộp trực tuyến",
    "dash.i.digitised": "Số hóa hồ sơ",
    "dash.i.online_fees": "Phí trả trực tuyến",
    "dash.i.satisfaction": "Hài lòng",
    "help.district.routes": ("hồ sơ tiếp nhận cho cư dân xã khác trong tỉnh và xã mà máy chủ tỉnh "
                             "chuyển đến"),
    "help.district.routes.to": "chỉ các hồ sơ chuyển đến đơn vị này",
    "district.no_routes": "Không có hồ sơ nào tiếp nhận cho xã khác.",
    "district.route_line": "{code}  tiếp nhận tại {office}, xã {commune} → {to}  ({status})",
    "district.route_unmatched": "chưa có đơn vị khớp: cần người chuyển",
    "units.no_province": ("Mã đơn vị {office_id}: không có tỉnh mã {province} từ 01/07/2025 "
                          "(34 tỉnh, thành phố theo {source})."),
    "units.no_commune": "Mã đơn vị {office_id}: mã xã 00000 không tồn tại.",
    "district.legacy_id": ("Lưu ý: {office} là mã cũ (trước 01/07/2025); đơn vị mới nên dùng "
                           "mã tỉnh.mã xã theo Quyết định 19/2025/QĐ-TTg, ví dụ 40.16681."),
}
EN = {
    "rules.no_form": "Rule set {set} has no form {form}. Its forms: {forms}.",
    "rules.no_set": "There is no rule set {set} (known: {sets}).",
    "rules.bad_file": "The rule-set file {file} is not valid: {error}",
    "rules.form_line": "Form {number}: {title} ({fields} fields)",
    "rules.set_line": "Rule set {id}, in force from {date}: {name}",
    "help.form": "the forms of a rule set (2018, 2025…)",
    "help.form.list": "list the forms of a rule set: number, title, fields, signature",
    "help.form.set": "rule set id, e.g. 2025 (default: the set in force today)",
    "help.calendar.year": "every holiday, swapped day off and make-up day of the year, "
                          "with its source",
    "calendar.source.statutory": "Labour Code 2019, Art. 112 (holidays library {release})",
    "calendar.source.office": "The office's own calendar",
    "intake.online_only": ("Procedure «{procedure}» is online only: help the citizen submit it on "
                           "the national portal (VNeID login), then record the portal's dossier "
                           "code (field «Portal code»; command: --portal-code)."),
    "intake.bad_portal_code": ("Portal dossier code «{code}» is not valid: 5–60 letters, digits, "
                               "dots and hyphens."),
    "intake.portal_code_taken": ("Portal dossier code {code} is already recorded for another "
                                 "dossier."),
    "channel.online_assisted": "Online (assisted at the counter)",
    "help.dossier.portal_code": ("the national portal's dossier code: an online submission "
                                 "assisted at the counter (required for online-only procedures)"),
    "intake.portal_code": "Portal code",
    "intake.portal_code.placeholder": "the code the national portal gives on submission",
    "intake.assisted_info": ("Online-only procedure — channel: online (assisted at the "
                             "counter). Help the citizen submit it on the national portal (VNeID "
                             "login), then type the code the portal gives. No paper receipt "
                             "number is taken; a guide slip is printed instead of the receipt."),
    "intake.guide_note": ("The online submission guide slip is queued for the {printer} "
                           "(printers: Ctrl+O)."),
    "intake.guide_not_queued": ("The online submission guide slip was not printed (see the "
                                "printers: Ctrl+O): write the portal code down for the citizen."),
    "dash.official": "{month}: template {template} and the Decision 766 indicators (the "
                     "province's score)",
    "dash.t.received": "Received: {n}",
    "dash.t.received.online": "online: {n}",
    "dash.t.received.assisted": "(assisted at the counter: {n})",
    "dash.t.received.direct_postal": "direct, postal: {n}",
    "dash.t.received.carried_over": "carried over: {n}",
    "dash.t.resolved": "Resolved: {n}",
    "dash.t.resolved.early": "early: {n}",
    "dash.t.resolved.on_time": "on time: {n}",
    "dash.t.resolved.late": "late: {n}",
    "dash.t.in_progress": "In progress: {n}",
    "dash.t.in_progress.within_time": "within time: {n}",
    "dash.t.in_progress.overdue": "overdue: {n}",
    "dash.i.on_time": "On time",
    "dash.i.online": "Submitted online",
    "dash.i.digitised": "Digitised",
    "dash.i.online_fees": "Fees paid online",
    "dash.i.satisfaction": "Satisfied",
    "help.district.routes": ("dossiers received for residents of another commune of the "
                             "province, and the commune the province server routes each to"),
    "help.district.routes.to": "only the dossiers routed to this office",
    "district.no_routes": "No dossier was received for another commune.",
    "district.route_line": "{code}  received at {office}, commune {commune} → {to}  ({status})",
    "district.route_unmatched": "no office matches: route it by hand",
    "units.no_province": ("Office id {office_id}: there is no province {province} since "
                          "1 July 2025 (34 provinces under {source})."),
    "units.no_commune": "Office id {office_id}: commune code 00000 does not exist.",
    "district.legacy_id": ("Note: {office} is an old id (before 1 July 2025); a new office "
                           "should use province.commune under Decision 19/2025/QĐ-TTg, e.g. "
                           "40.16681."),
}
