"""Texts of the sync screen and the status badge."""

VI = {
    "syncscreen.key.now": "Đồng bộ ngay",
    "syncscreen.key.now.tip": "Gửi các thay đổi lên tỉnh và nhận thay đổi về ngay bây giờ",
    "syncscreen.key.refresh": "Làm mới",
    "syncscreen.key.refresh.tip": "Đọc lại trạng thái đồng bộ",
    "syncscreen.waiting": "Sự kiện chờ gửi",
    "syncscreen.rejected": "Sự kiện bị từ chối",
    "syncscreen.conflicts": "Xung đột cần xem xét (cả hai phiên bản được giữ)",
    "syncscreen.col.seq": "STT",
    "syncscreen.col.dossier": "Hồ sơ",
    "syncscreen.col.type": "Loại",
    "syncscreen.col.at": "Thời điểm",
    "syncscreen.col.note": "Ghi chú",
    "syncscreen.col.local": "Tại xã",
    "syncscreen.col.server": "Tại tỉnh",
    "syncscreen.started": "Đang đồng bộ…",
    "syncscreen.link.none": "chưa cấu hình máy chủ tỉnh",
    "syncscreen.link.unknown": "đang kiểm tra",
    "syncscreen.link.online": "[green]trực tuyến[/green]",
    "syncscreen.link.offline": "[red]mất kết nối[/red] (vẫn làm việc bình thường)",
    "syncscreen.state": "Kết nối: {link}\nChờ gửi: {pending} · Đã nhận: {acked} · "
                        "Bị từ chối: {rejected} · Xung đột: {conflicts}\n"
                        "Lần đồng bộ thành công gần nhất: {last} · Lỗi gần nhất: {error}",
    "syncscreen.badge": "Đồng bộ: {state} · chờ {pending}",
}
EN = {
    "syncscreen.key.now": "Sync now",
    "syncscreen.key.now.tip": "Push changes to the province and pull theirs now",
    "syncscreen.key.refresh": "Refresh",
    "syncscreen.key.refresh.tip": "Re-read the sync state",
    "syncscreen.waiting": "Events waiting to be sent",
    "syncscreen.rejected": "Rejected events",
    "syncscreen.conflicts": "Conflicts to review (both versions kept)",
    "syncscreen.col.seq": "No.",
    "syncscreen.col.dossier": "Dossier",
    "syncscreen.col.type": "Type",
    "syncscreen.col.at": "When",
    "syncscreen.col.note": "Note",
    "syncscreen.col.local": "Commune",
    "syncscreen.col.server": "District",
    "syncscreen.started": "Syncing…",
    "syncscreen.link.none": "no province server configured",
    "syncscreen.link.unknown": "checking",
    "syncscreen.link.online": "[green]online[/green]",
    "syncscreen.link.offline": "[red]offline[/red] (work goes on as usual)",
    "syncscreen.state": "Link: {link}\nWaiting: {pending} · Acknowledged: {acked} · "
                        "Rejected: {rejected} · Conflicts: {conflicts}\n"
                        "Last successful sync: {last} · Last error: {error}",
    "syncscreen.badge": "Sync: {state} · {pending} waiting",
}

VI.update({"status.online": "trực tuyến", "status.offline": "mất kết nối",
           "status.checking": "đang kiểm tra", "status.conflicts": "{n} xung đột"})
EN.update({"status.online": "online", "status.offline": "offline",
           "status.checking": "checking", "status.conflicts": "{n} conflicts"})
