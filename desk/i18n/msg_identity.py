"""Messages for personal ID numbers, phone numbers, dossier codes and spoken numbers."""

VI = {
    # Personal ID (căn cước / CMND)
    "id.digits": (
        "Số định danh chỉ gồm chữ số; có ký tự không hợp lệ “{char}”. Hãy nhập lại theo thẻ."
    ),
    "id.length": (
        "Số định danh phải có 12 chữ số (đã nhập {got}); CMND cũ có 9 chữ số. "
        "Hãy đối chiếu lại với thẻ."
    ),
    "id.province": (
        "Ba chữ số đầu “{code}” không phải mã tỉnh, thành phố nơi đăng ký khai sinh. "
        "Hãy kiểm tra lại số trên thẻ."
    ),
    "id.future": (
        "Số định danh cho năm sinh {year}, là năm chưa tới. "
        "Hãy kiểm tra lại chữ số thứ 4 đến thứ 6."
    ),
    "id.birth_mismatch": (
        "Số định danh cho năm sinh {id_year} nhưng ngày sinh đã nhập là năm {birth_year}. "
        "Hãy kiểm tra lại số định danh hoặc ngày sinh."
    ),
    "id.sex_mismatch": (
        "Chữ số thứ 4 của số định danh cho giới tính {id_sex_label} nhưng giới tính đã nhập là "
        "{given_sex_label}. Hãy kiểm tra lại số định danh hoặc giới tính."
    ),
    "id.sex.M": "nam",
    "id.sex.F": "nữ",
    # Mobile phone
    "phone.chars": (
        "Số điện thoại chỉ gồm chữ số (có thể có +84 ở đầu, dấu cách, dấu chấm, gạch ngang); "
        "có ký tự không hợp lệ “{char}”."
    ),
    "phone.length": (
        "Số điện thoại di động phải có 10 chữ số, bắt đầu bằng 0 (đã nhập {got}). "
        "Hãy hỏi lại công dân."
    ),
    "phone.prefix": (
        "Đầu số “{prefix}” không phải đầu số di động Việt Nam. Hãy nhập số di động "
        "(03x, 05x, 07x, 08x, 09x); số cố định không nhận được tin nhắn."
    ),
    # Dossier codes and office identifiers
    "code.office_empty": (
        "Chưa cấu hình mã định danh của cơ quan. Hãy nhập mã (ví dụ 000.17.22.H56)."
    ),
    "code.office_length": (
        "Mã định danh cơ quan dài tối đa {max} ký tự (đã nhập {got}). Hãy kiểm tra lại cấu hình."
    ),
    "code.office_chars": (
        "Mã định danh cơ quan chỉ gồm chữ số, chữ cái in hoa không dấu và dấu chấm; "
        "có ký tự không hợp lệ “{char}”."
    ),
    "code.office_dots": (
        "Mã định danh cơ quan “{office_id}” không được bắt đầu, kết thúc bằng dấu chấm hoặc có "
        "hai dấu chấm liền nhau. Hãy kiểm tra lại cấu hình."
    ),
    "code.sequence_exhausted": (
        "Đã dùng hết {max} số hồ sơ trong ngày của cơ quan. Hãy báo quản trị viên."
    ),
    "code.sequence_invalid": "Số thứ tự hồ sơ {seq} không hợp lệ (phải từ 0001 đến 9999).",
    "code.date_range": "Ngày {date} nằm ngoài khoảng 2000–2099 mà mã hồ sơ biểu diễn được.",
    "code.format": (
        "“{code}” không phải mã hồ sơ. Mã hồ sơ có dạng MÃCƠQUAN-YYMMDD-NNNN, "
        "ví dụ 000.17.22.H56-210531-0001."
    ),
    "code.date": "Mã hồ sơ “{code}” có ngày {yymmdd} không tồn tại. Hãy kiểm tra lại mã.",
    # Numbers spoken in queue calls
    "words.range": "Không đọc được số {number}: chỉ đọc được các số từ 0 đến {max}.",
    "words.label": "Không đọc được “{label}”: chỉ gồm chữ cái và chữ số (ký tự lỗi “{char}”).",
}

EN = {
    "id.digits": (
        "An ID number has digits only; “{char}” is not allowed. Re-enter it from the card."
    ),
    "id.length": (
        "An ID number has 12 digits ({got} entered); an old CMND has 9. Check it against the card."
    ),
    "id.province": (
        "The first three digits “{code}” are not a province code of birth registration. "
        "Check the number on the card."
    ),
    "id.future": (
        "The ID number gives birth year {year}, which is in the future. Check digits 4 to 6."
    ),
    "id.birth_mismatch": (
        "The ID number gives birth year {id_year} but the birth date entered is in {birth_year}. "
        "Check the ID number or the birth date."
    ),
    "id.sex_mismatch": (
        "Digit 4 of the ID number gives sex {id_sex_label} but {given_sex_label} was entered. "
        "Check the ID number or the sex."
    ),
    "id.sex.M": "male",
    "id.sex.F": "female",
    "phone.chars": (
        "A phone number has digits only (+84 at the start, spaces, dots and dashes are fine); "
        "“{char}” is not allowed."
    ),
    "phone.length": (
        "A mobile number has 10 digits starting with 0 ({got} entered). Ask the citizen again."
    ),
    "phone.prefix": (
        "“{prefix}” is not a Vietnamese mobile prefix. Enter a mobile number "
        "(03x, 05x, 07x, 08x, 09x); landlines cannot receive text messages."
    ),
    "code.office_empty": "The office identifier is not set. Enter it (e.g. 000.17.22.H56).",
    "code.office_length": (
        "An office identifier has at most {max} characters ({got} entered). Check the settings."
    ),
    "code.office_chars": (
        "An office identifier has digits, capital letters A–Z and dots only; "
        "“{char}” is not allowed."
    ),
    "code.office_dots": (
        "The office identifier “{office_id}” must not start or end with a dot or contain two "
        "dots in a row. Check the settings."
    ),
    "code.sequence_exhausted": (
        "All {max} dossier numbers of the day are used for this office. Tell the administrator."
    ),
    "code.sequence_invalid": "Dossier sequence number {seq} is invalid (must be 0001 to 9999).",
    "code.date_range": "The date {date} is outside 2000–2099, which a dossier code can hold.",
    "code.format": (
        "“{code}” is not a dossier code. A dossier code looks like OFFICE-YYMMDD-NNNN, "
        "e.g. 000.17.22.H56-210531-0001."
    ),
    "code.date": "The dossier code “{code}” has a date {yymmdd} that does not exist. Check it.",
    "words.range": "Cannot speak the number {number}: only 0 to {max} can be spoken.",
    "words.label": "Cannot speak “{label}”: letters and digits only (bad character “{char}”).",
}
