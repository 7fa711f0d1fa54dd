"""Messages for VietQR fees and statement reconciliation (issue 17 §2)."""

VI = {
    "vietqr.bin": "Mã BIN ngân hàng “{value}” phải gồm đúng 6 chữ số (ví dụ 970436).",
    "vietqr.account": "Số tài khoản “{value}” chỉ gồm chữ và số, tối đa {max} ký tự.",
    "vietqr.amount": "Số tiền “{value}” không hợp lệ (số đồng lớn hơn 0).",
    "vietqr.purpose": (
        "Nội dung chuyển khoản “{value}” phải là chữ không dấu, tối đa {max} ký tự."
    ),
    "vietqr.too_long": "Trường {tag} của mã VietQR dài quá 99 ký tự.",
    "vietqr.malformed": "Chuỗi VietQR hỏng ở vị trí {at}.",
    "feeqr.no_bank": (
        "Chưa khai báo tài khoản nhận lệ phí: thêm mục [bank] với bin, account, name vào "
        "desk.toml."
    ),
    "feeqr.nothing_due": "Hồ sơ {code} không còn lệ phí phải nộp ({status}).",
    "feeqr.no_code": "Nội dung chuyển khoản không có mã hồ sơ nào đang mở.",
    "feeqr.amount_differs": "Hồ sơ {code}: số tiền chuyển {paid} khác lệ phí phải nộp {due}.",
    "feeqr.same_reference": "Hồ sơ {code} đã ghi giao dịch này.",
    "feeqr.cli.amount": "Số tiền: {amount} đ",
    "feeqr.cli.slip": "Đã đưa phiếu nộp lệ phí của hồ sơ {code} vào hàng đợi in ({job}).",
    "feeqr.cli.purpose": "Nội dung: {purpose}",
    "feeqr.cli.matched": "Khớp: {code} — {amount} (giao dịch {reference}), đã ghi nộp lệ phí.",
    "feeqr.cli.already": "Đã ghi từ trước: {code} (giao dịch {reference}).",
    "feeqr.cli.unmatched": "Chưa khớp, dòng {line}: {amount} “{description}” — {reason}",
    "feeqr.cli.summary": "Khớp {matched}, đã ghi từ trước {already}, chưa khớp {unmatched}.",
    "feeqr.slip_title": "PHIẾU NỘP LỆ PHÍ",
    "feeqr.scan_to_pay": "Quét mã bằng ứng dụng ngân hàng để nộp {amount}",
    "statement.no_header": (
        "Không nhận ra tệp sao kê: không có dòng tiêu đề với các cột ngày giao dịch, số tiền "
        "ghi có và nội dung (xem docs/fees.md)."
    ),
    "statement.bad_row": "Dòng {line} của tệp sao kê không đọc được (ngày hoặc số tiền sai).",
    "statement.encoding": "Không đọc được bảng mã của tệp sao kê {file}.",
    "statement.no_file": "Không có tệp sao kê “{file}”.",
}

EN = {
    "vietqr.bin": "The bank BIN “{value}” must be exactly 6 digits (e.g. 970436).",
    "vietqr.account": "The account number “{value}” is letters and digits, at most {max}.",
    "vietqr.amount": "The amount “{value}” is not valid (whole đồng above 0).",
    "vietqr.purpose": "The transfer message “{value}” must be plain ASCII, at most {max} "
                      "characters.",
    "vietqr.too_long": "Field {tag} of the VietQR payload is longer than 99 characters.",
    "vietqr.malformed": "The VietQR payload is broken at position {at}.",
    "feeqr.no_bank": (
        "No account for fees is set: add a [bank] table with bin, account, name to desk.toml."
    ),
    "feeqr.nothing_due": "Dossier {code} has no fee left to pay ({status}).",
    "feeqr.no_code": "The transfer message names no open dossier.",
    "feeqr.amount_differs": "Dossier {code}: {paid} transferred but the fee due is {due}.",
    "feeqr.same_reference": "Dossier {code} has this transfer recorded already.",
    "feeqr.cli.amount": "Amount: {amount} đ",
    "feeqr.cli.slip": "The fee slip of dossier {code} is queued for printing ({job}).",
    "feeqr.cli.purpose": "Purpose: {purpose}",
    "feeqr.cli.matched": "Matched: {code} — {amount} (transfer {reference}), fee recorded.",
    "feeqr.cli.already": "Recorded before: {code} (transfer {reference}).",
    "feeqr.cli.unmatched": "Not matched, line {line}: {amount} “{description}” — {reason}",
    "feeqr.cli.summary": "Matched {matched}, recorded before {already}, not matched {unmatched}.",
    "feeqr.slip_title": "FEE PAYMENT SLIP",
    "feeqr.scan_to_pay": "Scan with a banking app to pay {amount}",
    "statement.no_header": (
        "Not a statement this desk reads: no header row with transaction date, credit amount "
        "and description columns (see docs/fees.md)."
    ),
    "statement.bad_row": "Line {line} of the statement cannot be read (date or amount).",
    "statement.encoding": "The statement {file} is in an unknown encoding.",
    "statement.no_file": "No statement file “{file}”.",
}
