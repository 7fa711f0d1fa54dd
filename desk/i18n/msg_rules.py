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
                           "Cổng (--portal-code)."),
    "intake.bad_portal_code": ("Mã hồ sơ trên Cổng «{code}» không hợp lệ: 5–60 ký tự, chỉ gồm "
                               "chữ, số, dấu chấm và gạch ngang."),
    "intake.portal_code_taken": "Mã hồ sơ trên Cổng {code} đã được ghi cho một hồ sơ khác.",
    "channel.online_assisted": "Trực tuyến (hỗ trợ tại quầy)",
    "help.dossier.portal_code": ("mã hồ sơ trên Cổng Dịch vụ công quốc gia: nộp trực tuyến có hỗ "
                                 "trợ tại quầy (bắt buộc với thủ tục chỉ nộp trực tuyến)"),
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
                           "code (--portal-code)."),
    "intake.bad_portal_code": ("Portal dossier code «{code}» is not valid: 5–60 letters, digits, "
                               "dots and hyphens."),
    "intake.portal_code_taken": ("Portal dossier code {code} is already recorded for another "
                                 "dossier."),
    "channel.online_assisted": "Online (assisted at the counter)",
    "help.dossier.portal_code": ("the national portal's dossier code: an online submission "
                                 "assisted at the counter (required for online-only procedures)"),
}
