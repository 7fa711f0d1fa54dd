"""Messages of the clock check (desk/services/deadlines/clock_check.py): a wrong office clock."""

VI = {
    "clock.skew_behind": (
        "Đồng hồ máy này đang chậm {span} so với máy chủ huyện (máy: {now}, huyện: {district}). "
        "Hãy chỉnh lại ngày giờ của máy tính."
    ),
    "clock.skew_ahead": (
        "Đồng hồ máy này đang nhanh {span} so với máy chủ huyện (máy: {now}, huyện: {district}). "
        "Hãy chỉnh lại ngày giờ của máy tính."
    ),
    "clock.backwards": (
        "Đồng hồ máy này đã lùi lại: bây giờ máy báo {now}, nhưng lần đồng bộ trước là {seen}. "
        "Hãy chỉnh lại ngày giờ của máy tính."
    ),
    "clock.behind_stored": (
        "Đồng hồ máy này đang lùi về {now}, trước hồ sơ đã tiếp nhận lúc {newest}. Không cấp mã "
        "hồ sơ mới vì ngày trên mã sẽ sai. Hãy chỉnh lại ngày giờ của máy tính rồi tiếp nhận lại."
    ),
    "clock.status": "⚠ Giờ máy sai",
    "clock.span_days": "{days} ngày {hours} giờ",
    "clock.span_hours": "{hours} giờ {minutes} phút",
    "clock.span_minutes": "{minutes} phút",
}
EN = {
    "clock.skew_behind": (
        "This computer's clock is {span} behind the district server (here: {now}, district: "
        "{district}). Please correct the computer's date and time."
    ),
    "clock.skew_ahead": (
        "This computer's clock is {span} ahead of the district server (here: {now}, district: "
        "{district}). Please correct the computer's date and time."
    ),
    "clock.backwards": (
        "This computer's clock went backwards: it says {now}, but the last sync was at {seen}. "
        "Please correct the computer's date and time."
    ),
    "clock.behind_stored": (
        "This computer's clock says {now}, before a dossier already received at {newest}. No new "
        "dossier code is issued, as its date would be wrong. Correct the computer's date and "
        "time, then receive the dossier again."
    ),
    "clock.status": "⚠ Clock wrong",
    "clock.span_days": "{days} days {hours} h",
    "clock.span_hours": "{hours} h {minutes} min",
    "clock.span_minutes": "{minutes} min",
}
