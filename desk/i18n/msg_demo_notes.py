"""The sample dossiers' notes, in words (desk/services/dossier/note_text.py)."""

VI = {
    "demo.note": "Hồ sơ mẫu: {situation}",
    "demo.note_plain": "Hồ sơ mẫu",
    "demo.situation.ok": "còn trong hạn",
    "demo.situation.due_soon": "sắp đến hạn",
    "demo.situation.due_today": "đến hạn hôm nay",
    "demo.situation.overdue": "quá hạn",
    "demo.situation.overdue_2": "quá hạn",
    "demo.situation.overdue_3": "quá hạn",
    "demo.situation.overdue_letter": "quá hạn, quá cả ngày hẹn lại",
    "demo.situation.paused": "tạm dừng chờ bổ sung",
    "demo.situation.returned_early": "trả kết quả trước hạn",
    "demo.situation.returned_on_time": "trả kết quả đúng hạn",
    "demo.situation.returned_late": "trả kết quả quá hạn",
    "demo.situation.late_apologised": "quá hạn, đã xin lỗi và hẹn lại",
}
EN = {
    "demo.note": "Sample dossier: {situation}",
    "demo.note_plain": "Sample dossier",
    "demo.situation.ok": "within its time",
    "demo.situation.due_soon": "due soon",
    "demo.situation.due_today": "due today",
    "demo.situation.overdue": "overdue",
    "demo.situation.overdue_2": "overdue",
    "demo.situation.overdue_3": "overdue",
    "demo.situation.overdue_letter": "overdue, past its new date too",
    "demo.situation.paused": "paused for a supplement",
    "demo.situation.returned_early": "returned early",
    "demo.situation.returned_on_time": "returned on time",
    "demo.situation.returned_late": "returned late",
    "demo.situation.late_apologised": "late, apologised with a new date",
}
