"""Words that leaked in English into the Vietnamese UI (issue 14 §5), the demo accounts on
the demo login, and the Telex conversion notice."""

VI = {
    "number.point": ",",
    "number.group": ".",
    "sex.M": "nam",
    "sex.F": "nữ",
    "value.na": "—",
    "telex.converted": (
        "Chữ gõ kiểu Telex khi bộ gõ đang tắt đã được chuyển thành: “{text}”. Bộ gõ Telex của "
        "Desk nay đã bật (F9 để đổi)."
    ),
    "cli.telex_converted": "Chữ gõ kiểu Telex đã được đọc thành: “{text}”.",
    "intake.name_too_long": (
        "Họ tên dài {length} ký tự, quá giới hạn {limit} ký tự. Hãy viết gọn lại (không cắt "
        "tự động để khỏi mất chữ)."
    ),
    "login.demo_accounts": "Văn phòng mẫu — tài khoản thử (tên · vai trò · mã PIN):",
    "login.demo_account": "  {name} · {role} · PIN {pin}",
    "syncscreen.kind.ticket": "Số thứ tự ({what})",
    "syncscreen.kind.rating": "Đánh giá hài lòng",
    "syncscreen.kind.other": "Sự kiện khác ({kind})",
    "ticket.event.issue": "phát số",
    "ticket.event.call": "gọi số",
    "ticket.event.recall": "gọi lại",
    "ticket.event.start": "bắt đầu phục vụ",
    "ticket.event.finish": "xong",
    "ticket.event.no_show": "vắng mặt",
    "ticket.event.hold": "tạm giữ",
    "ticket.event.transfer": "chuyển quầy",
    "ticket.event.other": "khác",
}
EN = {
    "number.point": ".",
    "number.group": ",",
    "sex.M": "male",
    "sex.F": "female",
    "value.na": "—",
    "telex.converted": (
        "Telex keys typed while typing was off were converted to: “{text}”. The desk's Telex "
        "is now on (F9 to change)."
    ),
    "cli.telex_converted": "Telex keys were read as: “{text}”.",
    "intake.name_too_long": (
        "The name is {length} characters long, over the limit of {limit}. Please shorten it "
        "(it is not cut automatically, so no letter is lost)."
    ),
    "login.demo_accounts": "Demo office — test accounts (name · role · PIN):",
    "login.demo_account": "  {name} · {role} · PIN {pin}",
    "syncscreen.kind.ticket": "Queue ticket ({what})",
    "syncscreen.kind.rating": "Satisfaction rating",
    "syncscreen.kind.other": "Other event ({kind})",
    "ticket.event.issue": "issued",
    "ticket.event.call": "called",
    "ticket.event.recall": "recalled",
    "ticket.event.start": "service started",
    "ticket.event.finish": "finished",
    "ticket.event.no_show": "no-show",
    "ticket.event.hold": "on hold",
    "ticket.event.transfer": "transferred",
    "ticket.event.other": "other",
}
