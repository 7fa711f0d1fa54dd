"""Texts of the terminal UI."""

VI = {
    "app.title": "Một Cửa Desk",
    "key.keys": "Phím tắt",
    "key.keys.tip": "Hiện hoặc ẩn các phím của màn hình này",
    "key.quit": "Thoát",
    "key.quit.tip": "Đóng Một Cửa Desk",
    "home.office_id": "Mã định danh",
    "home.today": "Hôm nay",
    "home.coming": "sắp có",
    "mode.intake": "Tiếp nhận hồ sơ",
    "mode.dossiers": "Tra cứu hồ sơ",
    "mode.queue": "Xếp hàng, gọi số",
    "mode.deadlines": "Hồ sơ sắp đến hạn, quá hạn",
    "mode.reports": "Báo cáo",
    "mode.sync": "Đồng bộ với cấp trên",
}
EN = {
    "app.title": "Một Cửa Desk",
    "key.keys": "Keys",
    "key.keys.tip": "Show or hide the keys of this screen",
    "key.quit": "Quit",
    "key.quit.tip": "Close Một Cửa Desk",
    "home.office_id": "Office identifier",
    "home.today": "Today",
    "home.coming": "coming",
    "mode.intake": "Intake",
    "mode.dossiers": "Find dossiers",
    "mode.queue": "Queue and calls",
    "mode.deadlines": "Due and overdue dossiers",
    "mode.reports": "Reports",
    "mode.sync": "Sync with the district",
}

VI.update({
    "mode.queue.key": "Gọi số",
    "mode.queue.tip": "Gọi số thứ tự đến quầy của bạn",
    "mode.deadlines.key": "Hạn",
    "mode.deadlines.tip": "Hồ sơ sắp đến hạn, quá hạn; phiếu xin lỗi",
    "mode.reports.key": "Báo cáo",
    "mode.reports.tip": "Bảng theo dõi trong ngày và báo cáo (lãnh đạo)",
    "mode.sync.key": "Đồng bộ",
    "mode.sync.tip": "Trạng thái đồng bộ với cấp trên, sự kiện chờ gửi, xung đột",
    "app.damaged": "CƠ SỞ DỮ LIỆU CÓ VẤN ĐỀ",
})
EN.update({
    "mode.queue.key": "Queue",
    "mode.queue.tip": "Call numbers to your counter",
    "mode.deadlines.key": "Deadlines",
    "mode.deadlines.tip": "Due and overdue dossiers; apology letters",
    "mode.reports.key": "Reports",
    "mode.reports.tip": "Today at a glance and reports (supervisors)",
    "mode.sync.key": "Sync",
    "mode.sync.tip": "Sync with the district: waiting events, conflicts",
    "app.damaged": "DATABASE PROBLEM",
})

VI.update({"mode.home.key": "Màn hình chính", "mode.home.tip": "Về màn hình chính"})
EN.update({"mode.home.key": "Home", "mode.home.tip": "Back to the home screen"})
