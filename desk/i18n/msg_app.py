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
