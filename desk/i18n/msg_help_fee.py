"""Help texts: `desk fee`, `desk notify` and `desk citizen read-qr` --help (issue 17)."""

VI = {
    "help.fee": "lệ phí nộp qua ngân hàng: mã VietQR, đối soát sao kê",
    "help.fee.qr": (
        "mã VietQR nộp lệ phí của một hồ sơ (số tiền còn phải nộp, nội dung là mã hồ sơ)"
    ),
    "help.fee.code": "mã hồ sơ",
    "help.fee.slip": "in phiếu nộp lệ phí (mã VietQR, tài khoản, nội dung chuyển khoản)",
    "help.fee.printer": "tên máy in (mặc định receipt)",
    "help.fee.vietqr": "dựng chuỗi VietQR trần để kiểm tra (không cần cơ sở dữ liệu)",
    "help.fee.bin": "mã BIN 6 chữ số của ngân hàng (NAPAS), ví dụ 970436",
    "help.fee.account": "số tài khoản nhận",
    "help.fee.amount": "số tiền (đồng); có số tiền thì mã là động (thẻ 01 = 12)",
    "help.fee.purpose": "nội dung chuyển khoản: chữ không dấu, tối đa 25 ký tự",
    "help.fee.reconcile": (
        "đối soát sao kê ngân hàng (CSV): ghi lệ phí đã nộp, liệt kê giao dịch chưa khớp"
    ),
    "help.fee.file": "tệp sao kê CSV xuất từ ngân hàng (xem docs/fees.md)",
    "help.notify": "tin nhắn báo cho công dân: hàng đợi, gửi, trạng thái",
    "help.notify.send": "đưa một tin nhắn vào hàng đợi và gửi ngay",
    "help.notify.phone": "số điện thoại di động",
    "help.notify.text": "nội dung tin nhắn",
    "help.notify.channel": ("kênh gửi: modem (USB GSM), http (cổng tin nhắn) hoặc file (tệp "
                            "sms_outbox.jsonl cho chương trình khác gửi)"),
    "help.notify.list": "liệt kê tin nhắn (mới nhất trước)",
    "help.notify.status_filter": (
        "chỉ tin ở trạng thái này: waiting, sending, sent, delivered, failed"
    ),
    "help.notify.status": "tổng số tin theo trạng thái và kênh",
    "help.notify.wait": "số giây tối đa chờ gửi (mặc định 30)",
    "help.notify.opt_out": "ghi số điện thoại không muốn nhận tin nữa",
    "help.notify.resend": "gửi lại một tin đã thất bại",
    "help.notify.id": "mã tin nhắn (trong desk notify list)",
    "help.notify.run": "chạy bộ gửi tin nhắn (không mở giao diện) cho đến khi dừng",
    "help.notify.run_for": "dừng sau số giây này (mặc định: chạy mãi)",
    "help.citizen.read_qr": (
        "đọc chuỗi mã QR của thẻ căn cước (kiểm tra số định danh, ngày sinh, giới tính)"
    ),
    "help.citizen.qr_text": "chuỗi quét được từ mã QR (các trường cách nhau bởi |)",
}
EN = {
    "help.fee": "fees paid by bank transfer: VietQR codes, statement reconciliation",
    "help.fee.qr": (
        "the VietQR to pay a dossier's fee (the amount due, the dossier code as purpose)"
    ),
    "help.fee.code": "dossier code",
    "help.fee.slip": "print the fee slip (VietQR, account, transfer message)",
    "help.fee.printer": "printer name (default receipt)",
    "help.fee.vietqr": "build a bare VietQR payload for checking (no database needed)",
    "help.fee.bin": "the bank's 6-digit NAPAS BIN, e.g. 970436",
    "help.fee.account": "the receiving account number",
    "help.fee.amount": "amount in đồng; with an amount the QR is dynamic (tag 01 = 12)",
    "help.fee.purpose": "transfer message: plain ASCII, at most 25 characters",
    "help.fee.reconcile": (
        "reconcile a bank statement (CSV): record fees paid, list what did not match"
    ),
    "help.fee.file": "the bank's CSV statement export (see docs/fees.md)",
    "help.notify": "notices to citizens' phones: queue, send, status",
    "help.notify.send": "queue one message and send it now",
    "help.notify.phone": "mobile phone number",
    "help.notify.text": "message text",
    "help.notify.channel": ("channel: modem (USB GSM stick), http (SMS/ZNS gateway) or file "
                            "(sms_outbox.jsonl, sent by another program)"),
    "help.notify.list": "list notices (newest first)",
    "help.notify.status_filter": (
        "only notices in this state: waiting, sending, sent, delivered, failed"
    ),
    "help.notify.status": "how many notices per state and channel",
    "help.notify.wait": "seconds to wait for the sending at most (default 30)",
    "help.notify.opt_out": "record that a phone number wants no more messages",
    "help.notify.resend": "send a failed notice again",
    "help.notify.id": "notice id (from desk notify list)",
    "help.notify.run": "run the notice sender (no TUI) until stopped",
    "help.notify.run_for": "stop after this many seconds (default: run until stopped)",
    "help.citizen.read_qr": (
        "read the text of a chip ID card's QR code (checks number, birth date, sex)"
    ),
    "help.citizen.qr_text": "the scanned QR text (fields separated by |)",
}
