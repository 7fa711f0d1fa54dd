"""The footer's short labels of the global keys (screens/widgets/footer.py): all of them fit
at 120 columns. The full meanings are in F1, the palette and each key's tooltip."""

VI = {
    "footer.f1": "Phím",
    "footer.f2": "Nhận",
    "footer.f3": "Tìm",
    "footer.f4": "Gọi số",
    "footer.f5": "Hạn",
    "footer.f6": "Báo cáo",
    "footer.f7": "Đồng bộ",
    "footer.f9": "Gõ",
    "footer.f10": "Tắt",
    "footer.f11": "Tin",
    "footer.f12": "Khoá",
    "footer.ctrl+o": "In",
    "footer.f8.save": "Lưu",
    "footer.ctrl+p": "Lệnh",
}
EN = {
    "footer.f1": "Keys",
    "footer.f2": "Intake",
    "footer.f3": "Find",
    "footer.f4": "Queue",
    "footer.f5": "Due",
    "footer.f6": "Reports",
    "footer.f7": "Sync",
    "footer.f9": "Typing",
    "footer.f10": "Quit",
    "footer.f11": "SMS",
    "footer.f12": "Lock",
    "footer.ctrl+o": "Print",
    "footer.f8.save": "Save",
    "footer.ctrl+p": "Cmds",
}
