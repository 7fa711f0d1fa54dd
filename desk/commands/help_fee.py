"""Help texts of `desk fee …`, `desk notify …` and `desk citizen read-qr` (issue 17)."""

from desk.commands import base

VI = {
    "fee": "lệ phí nộp qua ngân hàng: mã VietQR, đối soát sao kê",
    "fee.qr": "mã VietQR nộp lệ phí của một hồ sơ (số tiền còn phải nộp, nội dung là mã hồ sơ)",
    "fee.code": "mã hồ sơ",
    "fee.slip": "in phiếu nộp lệ phí (mã VietQR, tài khoản, nội dung chuyển khoản)",
    "fee.printer": "tên máy in (mặc định receipt)",
    "fee.vietqr": "dựng chuỗi VietQR trần để kiểm tra (không cần cơ sở dữ liệu)",
    "fee.bin": "mã BIN 6 chữ số của ngân hàng (NAPAS), ví dụ 970436",
    "fee.account": "số tài khoản nhận",
    "fee.amount": "số tiền (đồng); có số tiền thì mã là động (thẻ 01 = 12)",
    "fee.purpose": "nội dung chuyển khoản: chữ không dấu, tối đa 25 ký tự",
    "fee.reconcile": "đối soát sao kê ngân hàng (CSV): ghi lệ phí đã nộp, liệt kê giao dịch "
                     "chưa khớp",
    "fee.file": "tệp sao kê CSV xuất từ ngân hàng (xem docs/fees.md)",
    "notify": "tin nhắn báo cho công dân: hàng đợi, gửi, trạng thái",
    "notify.send": "đưa một tin nhắn vào hàng đợi và gửi ngay",
    "notify.phone": "số điện thoại di động",
    "notify.text": "nội dung tin nhắn",
    "notify.channel": "kênh gửi: modem (USB GSM) hoặc http (cổng tin nhắn)",
    "notify.list": "liệt kê tin nhắn (mới nhất trước)",
    "notify.status_filter": "chỉ tin ở trạng thái này: waiting, sending, sent, delivered, failed",
    "notify.status": "tổng số tin theo trạng thái và kênh",
    "notify.wait": "số giây tối đa chờ gửi (mặc định 30)",
    "notify.opt_out": "ghi số điện thoại không muốn nhận tin nữa",
    "notify.resend": "gửi lại một tin đã thất bại",
    "notify.id": "mã tin nhắn (trong desk notify list)",
    "notify.run": "chạy bộ gửi tin nhắn (không mở giao diện) cho đến khi dừng",
    "notify.run_for": "dừng sau số giây này (mặc định: chạy mãi)",
    "citizen.read_qr": "đọc chuỗi mã QR của thẻ căn cước (kiểm tra số định danh, ngày sinh, "
                       "giới tính)",
    "citizen.qr_text": "chuỗi quét được từ mã QR (các trường cách nhau bởi |)",
}
EN = {
    "fee": "fees paid by bank transfer: VietQR codes, statement reconciliation",
    "fee.qr": "the VietQR to pay a dossier's fee (the amount due, the dossier code as purpose)",
    "fee.code": "dossier code",
    "fee.slip": "print the fee slip (VietQR, account, transfer message)",
    "fee.printer": "printer name (default receipt)",
    "fee.vietqr": "build a bare VietQR payload for checking (no database needed)",
    "fee.bin": "the bank's 6-digit NAPAS BIN, e.g. 970436",
    "fee.account": "the receiving account number",
    "fee.amount": "amount in đồng; with an amount the QR is dynamic (tag 01 = 12)",
    "fee.purpose": "transfer message: plain ASCII, at most 25 characters",
    "fee.reconcile": "reconcile a bank statement (CSV): record fees paid, list what did not match",
    "fee.file": "the bank's CSV statement export (see docs/fees.md)",
    "notify": "notices to citizens' phones: queue, send, status",
    "notify.send": "queue one message and send it now",
    "notify.phone": "mobile phone number",
    "notify.text": "message text",
    "notify.channel": "channel: modem (USB GSM stick) or http (SMS/ZNS gateway)",
    "notify.list": "list notices (newest first)",
    "notify.status_filter": "only notices in this state: waiting, sending, sent, delivered, failed",
    "notify.status": "how many notices per state and channel",
    "notify.wait": "seconds to wait for the sending at most (default 30)",
    "notify.opt_out": "record that a phone number wants no more messages",
    "notify.resend": "send a failed notice again",
    "notify.id": "notice id (from desk notify list)",
    "notify.run": "run the notice sender (no TUI) until stopped",
    "notify.run_for": "stop after this many seconds (default: run until stopped)",
    "citizen.read_qr": "read the text of a chip ID card's QR code (checks number, birth date, sex)",
    "citizen.qr_text": "the scanned QR text (fields separated by |)",
}


def helps_for(h: dict[str, str]) -> dict[str, str]:
    return {**h, **(EN if base._lang == "en" else VI)}
