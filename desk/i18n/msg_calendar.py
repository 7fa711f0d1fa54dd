"""Messages of the working-time calendar and deadlines (desk.domain.calendar, .deadline)."""

VI = {
    # Why a day is (not) a working day: DayInfo.reason_key, rendered with note=
    "calendar.weekday": "Ngày làm việc",
    "calendar.weekend": "Nghỉ cuối tuần",
    "calendar.holiday": "Nghỉ lễ, Tết: {note}",
    "calendar.exception_off": "Ngày nghỉ theo lịch của cơ quan: {note}",
    "calendar.exception_work": "Ngày làm việc bù: {note}",
    # Time limits
    "calendar.unit.working_days": "{value} ngày làm việc",
    "calendar.unit.working_hours": "{value} giờ làm việc",
    "calendar.unit.same_day": "Trong ngày",
    "calendar.unit.calendar_days": "{value} ngày",
    # Result classification and deadline warnings
    "calendar.result.early": "Trước hạn",
    "calendar.result.on_time": "Đúng hạn",
    "calendar.result.late": "Quá hạn",
    "calendar.state.ok": "Trong hạn",
    "calendar.state.due_soon": "Sắp đến hạn",
    "calendar.state.due_today": "Đến hạn hôm nay",
    "calendar.state.overdue": "Quá hạn",
    # Errors
    "calendar.bad_limit": (
        "Thời hạn «{text}» không hợp lệ. Ví dụ hợp lệ: «3 working_days», «4 working_hours», "
        "«same_day», «10 calendar_days»."
    ),
    "calendar.bad_hours": (
        "Giờ làm việc {start}–{end} không hợp lệ: mỗi buổi phải kết thúc sau khi bắt đầu, "
        "các buổi theo thứ tự và không chồng lên nhau."
    ),
    "calendar.bad_timezone": "Múi giờ «{tz}» không tồn tại. Dùng ví dụ «Asia/Ho_Chi_Minh».",
    "calendar.bad_exception": (
        "Ngày ngoại lệ {date}: loại «{kind}» không hợp lệ, chỉ dùng OFF (nghỉ) "
        "hoặc WORK (làm việc)."
    ),
    "calendar.negative_duration": "Khoảng thời gian không được âm.",
    "calendar.no_working_time": (
        "Lịch làm việc không còn ngày làm việc nào sau {since}. Kiểm tra bảng ngày nghỉ."
    ),
    "calendar.bad_pause": "Khoảng tạm dừng kết thúc ({end}) trước khi bắt đầu ({start}).",
    "calendar.clock_bad_event": (
        "Sự kiện thứ {index} «{kind}» không hợp lệ; chỉ dùng pause, resume hoặc restart."
    ),
    "calendar.clock_out_of_order": (
        "Sự kiện thứ {index} ({kind}) sớm hơn sự kiện trước hoặc trước lúc tiếp nhận hồ sơ."
    ),
    "calendar.clock_already_paused": (
        "Sự kiện thứ {index}: hồ sơ đang tạm dừng, không thể dừng lại lần nữa."
    ),
    "calendar.clock_not_paused": (
        "Sự kiện thứ {index}: hồ sơ không tạm dừng nên không thể tiếp tục."
    ),
    "calendar.exceptions_header": (
        "Dòng {line}: thiếu dòng tiêu đề «date,kind,note» trong bảng ngày nghỉ, làm bù."
    ),
    "calendar.exceptions_bad_row": "Dòng {line}: thiếu cột; cần «date,kind,note».",
    "calendar.exceptions_bad_date": (
        "Dòng {line}: ngày «{value}» không hợp lệ; viết theo dạng NNNN-TT-NN, ví dụ 2026-08-31."
    ),
    "calendar.exceptions_bad_kind": (
        "Dòng {line}: loại «{value}» không hợp lệ; chỉ dùng OFF (nghỉ) hoặc WORK (làm bù)."
    ),
    "calendar.exceptions_duplicate": "Dòng {line}: ngày {date} đã có ở dòng trước.",
}

EN = {
    "calendar.weekday": "Working day",
    "calendar.weekend": "Weekend",
    "calendar.holiday": "Public holiday: {note}",
    "calendar.exception_off": "Office day off: {note}",
    "calendar.exception_work": "Make-up working day: {note}",
    "calendar.unit.working_days": "{value} working days",
    "calendar.unit.working_hours": "{value} working hours",
    "calendar.unit.same_day": "Same day",
    "calendar.unit.calendar_days": "{value} days",
    "calendar.result.early": "Early",
    "calendar.result.on_time": "On time",
    "calendar.result.late": "Late",
    "calendar.state.ok": "Not yet due",
    "calendar.state.due_soon": "Due soon",
    "calendar.state.due_today": "Due today",
    "calendar.state.overdue": "Overdue",
    "calendar.bad_limit": (
        "Invalid time limit “{text}”. Valid examples: “3 working_days”, “4 working_hours”, "
        "“same_day”, “10 calendar_days”."
    ),
    "calendar.bad_hours": (
        "Invalid office hours {start}–{end}: each period must end after it starts, and periods "
        "must be in order without overlapping."
    ),
    "calendar.bad_timezone": "Unknown time zone “{tz}”. Use e.g. “Asia/Ho_Chi_Minh”.",
    "calendar.bad_exception": (
        "Calendar exception {date}: kind “{kind}” is invalid; use OFF (day off) or WORK."
    ),
    "calendar.negative_duration": "A duration cannot be negative.",
    "calendar.no_working_time": (
        "The calendar has no working day after {since}. Check the days-off table."
    ),
    "calendar.bad_pause": "A pause ends ({end}) before it starts ({start}).",
    "calendar.clock_bad_event": (
        "Clock event {index} “{kind}” is invalid; use pause, resume or restart."
    ),
    "calendar.clock_out_of_order": (
        "Clock event {index} ({kind}) is earlier than the previous event or the receipt."
    ),
    "calendar.clock_already_paused": "Clock event {index}: the dossier is already paused.",
    "calendar.clock_not_paused": "Clock event {index}: the dossier is not paused, cannot resume.",
    "calendar.exceptions_header": (
        "Line {line}: the days-off table needs a “date,kind,note” header line."
    ),
    "calendar.exceptions_bad_row": "Line {line}: missing columns; expected “date,kind,note”.",
    "calendar.exceptions_bad_date": (
        "Line {line}: invalid date “{value}”; write it as YYYY-MM-DD, e.g. 2026-08-31."
    ),
    "calendar.exceptions_bad_kind": (
        "Line {line}: invalid kind “{value}”; use OFF (day off) or WORK (make-up working day)."
    ),
    "calendar.exceptions_duplicate": "Line {line}: date {date} already appears above.",
}
