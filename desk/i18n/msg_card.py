"""Messages for the chip ID card's QR (issue 17 §1)."""

VI = {
    "qr.not_card": (
        "Đây không phải mã QR của thẻ căn cước (cần 12 chữ số định danh, dấu “|” và các "
        "trường thông tin). Hãy quét lại mặt trước của thẻ."
    ),
    "qr.no_name": "Mã QR của thẻ không có họ tên. Hãy nhập họ tên theo thẻ.",
    "qr.repaired_text": "Mã quét bị sai bảng mã (UTF-8 đọc nhầm); đã sửa lại dấu tiếng Việt.",
    "qr.old_id_shape": "Số CMND cũ “{value}” không đủ 9 chữ số; đã ghi như trên thẻ.",
    "qr.unknown_field": "Trường “{value}” trong mã QR không rõ nghĩa; đã bỏ qua.",
    "qr.bad_date": "Ngày “{value}” ({field_label}) trong mã QR không phải ngày có thật.",
    "qr.missing": "Mã QR không có {field_label}; hãy nhập theo thẻ.",
    "qr.province": (
        "Ba chữ số đầu “{code}” của số định danh không phải mã tỉnh, thành phố. "
        "Hãy đối chiếu số trên thẻ."
    ),
    "qr.birth_year": (
        "Số định danh cho năm sinh {id_year} nhưng thẻ ghi năm sinh {birth_year}. "
        "Hãy đối chiếu thẻ trước khi tiếp nhận."
    ),
    "qr.sex": (
        "Chữ số thứ 4 của số định danh cho giới tính {id_sex_label} nhưng thẻ ghi "
        "{card_sex_label}. Hãy đối chiếu thẻ trước khi tiếp nhận."
    ),
    "qr.future": "Ngày {field_label} {value} là ngày chưa tới. Hãy đối chiếu thẻ.",
    "qr.issued_before_birth": "Ngày cấp thẻ trước ngày sinh. Hãy đối chiếu thẻ.",
    "qr.field.birth": "ngày sinh",
    "qr.field.issued": "ngày cấp",
    "qr.field.expires": "ngày hết hạn",
    "qr.field.sex": "giới tính",
    "qr.field.address": "nơi thường trú",
    "qr.sex.M": "nam",
    "qr.sex.F": "nữ",
    "qr.scanned": "Đã đọc thẻ căn cước: {name}, {number}.",
    "qr.scanned_returning": "Đã đọc thẻ căn cước; công dân đã có hồ sơ: {line}.",
    "qr.scanned_warnings": "Cần đối chiếu: {warnings}",
    "qr.kiosk_hello": "Xin chào {name}. Mời chọn dịch vụ.",
    "qr.label.id_number": "Số định danh",
    "qr.label.old_id": "Số CMND cũ",
    "qr.label.name": "Họ và tên",
    "qr.label.birth_date": "Ngày sinh",
    "qr.label.sex": "Giới tính",
    "qr.label.address": "Nơi thường trú",
    "qr.label.issued_on": "Ngày cấp",
    "audit.action.scan": "quét thẻ căn cước",
    "qr.differs": "{field} trên hồ sơ cũ: {file}; trên thẻ: {card}",
    "intake.sex": "Giới tính",
    "intake.sex.unknown": "Không ghi",
    "intake.sex.M": "Nam",
    "intake.sex.F": "Nữ",
    "qr.scan_at_intake": "Đã quét thẻ căn cước. Bấm F2 (tiếp nhận) rồi quét lại để điền thông tin.",
}

EN = {
    "qr.not_card": (
        "This is not the QR code of a chip ID card (it needs the 12-digit number, “|” and the "
        "fields). Scan the front of the card again."
    ),
    "qr.no_name": "The card's QR code has no name. Type the name from the card.",
    "qr.repaired_text": "The scan came in the wrong encoding (UTF-8 read as Latin-1); the "
                        "Vietnamese letters were repaired.",
    "qr.old_id_shape": "The old ID number “{value}” is not 9 digits; kept as on the card.",
    "qr.unknown_field": "The QR field “{value}” is not understood; ignored.",
    "qr.bad_date": "The date “{value}” ({field_label}) in the QR code is not a real date.",
    "qr.missing": "The QR code has no {field_label}; type it from the card.",
    "qr.province": (
        "The first three digits “{code}” of the ID number are not a province code. "
        "Check the number on the card."
    ),
    "qr.birth_year": (
        "The ID number gives birth year {id_year} but the card says {birth_year}. "
        "Check the card before receiving the dossier."
    ),
    "qr.sex": (
        "Digit 4 of the ID number gives sex {id_sex_label} but the card says {card_sex_label}. "
        "Check the card before receiving the dossier."
    ),
    "qr.future": "The {field_label} {value} is in the future. Check the card.",
    "qr.issued_before_birth": "The card was issued before the birth date. Check the card.",
    "qr.field.birth": "birth date",
    "qr.field.issued": "issue date",
    "qr.field.expires": "expiry date",
    "qr.field.sex": "sex",
    "qr.field.address": "address",
    "qr.sex.M": "male",
    "qr.sex.F": "female",
    "qr.scanned": "ID card read: {name}, {number}.",
    "qr.scanned_returning": "ID card read; a returning citizen: {line}.",
    "qr.scanned_warnings": "To check: {warnings}",
    "qr.kiosk_hello": "Hello {name}. Please choose a service.",
    "qr.label.id_number": "ID number",
    "qr.label.old_id": "Old ID number",
    "qr.label.name": "Full name",
    "qr.label.birth_date": "Birth date",
    "qr.label.sex": "Sex",
    "qr.label.address": "Address",
    "qr.label.issued_on": "Issued on",
    "audit.action.scan": "ID card scan",
    "qr.differs": "{field} on file: {file}; on the card: {card}",
    "intake.sex": "Sex",
    "intake.sex.unknown": "Not given",
    "intake.sex.M": "Male",
    "intake.sex.F": "Female",
    "qr.scan_at_intake": "An ID card was scanned. Press F2 (intake) and scan again to fill it in.",
}
