"""Messages of issue 15: who runs a command, PINs, the link to the district."""

VI = {
    "cli.pin_prompt": "Mã PIN của {name}: ",
    "cli.pin_needed": (
        "Cần mã PIN của {name}: dùng --pin-stdin (dòng đầu của stdin), biến DESK_PIN, "
        "hoặc chạy lệnh trong cửa sổ dòng lệnh để được hỏi."
    ),
    "cli.need_signin": (
        "Việc «{action}» cần lãnh đạo hoặc quản trị xác nhận: thêm --clerk \"HỌ TÊN\" "
        "(hoặc biến DESK_CLERK) và mã PIN của người đó."
    ),
    "cli.bad_argument": (
        "Tham số dòng lệnh không đọc được (không phải UTF-8 hợp lệ). Hãy gõ lại, hoặc kiểm "
        "tra bảng mã của cửa sổ dòng lệnh."
    ),
    "clerk.first_admin": "Văn phòng chưa có quản trị viên: {name} là quản trị viên đầu tiên.",
    "clerk.need_admin_first": (
        "Văn phòng chưa có quản trị viên. Hãy tạo quản trị viên trước: "
        "desk clerk add \"HỌ TÊN\" --role admin"
    ),
    "clerk.unlocked": "Đã mở khóa tài khoản {name}.",
    "clerk.name_too_long": "Tên cán bộ dài quá {max} ký tự (đã nhập {got}).",
    "clerk.not_locked": "Tài khoản {name} không bị khóa; đã xóa số lần nhập sai.",
    "sync.insecure": (
        "Địa chỉ máy chủ huyện {detail} dùng http không mã hóa: dữ liệu công dân sẽ đi qua mạng "
        "dạng đọc được. Hãy dùng https://, hoặc (chỉ khi quản trị chấp nhận rủi ro) đặt "
        "insecure_http = true trong mục [sync]. Không gửi gì; hàng đợi vẫn được giữ."
    ),
    "status.insecure_http": "⚠ http không mã hóa",
    "restore.unknown_schema": (
        "Tệp sao lưu {file} chứa đối tượng không do phần mềm tạo ra ({problem}): có thể đã bị "
        "sửa để lấy cắp dữ liệu. Không khôi phục; hãy chọn bản sao lưu khác."
    ),
    "db.schema_problem": "  Lược đồ khác với phần mềm: {problem}",
    "status.http_refused": "⚠ http bị từ chối",
}

EN = {
    "cli.pin_prompt": "PIN of {name}: ",
    "cli.pin_needed": (
        "{name}'s PIN is needed: use --pin-stdin (first line of stdin), the DESK_PIN variable, "
        "or run the command in a terminal to be asked."
    ),
    "cli.need_signin": (
        "“{action}” needs a supervisor or administrator: add --clerk \"FULL NAME\" "
        "(or DESK_CLERK) and that person's PIN."
    ),
    "cli.bad_argument": (
        "A command-line argument cannot be read (not valid UTF-8). Type it again, or check "
        "the terminal's encoding."
    ),
    "clerk.first_admin": "The office had no administrator: {name} is the first one.",
    "clerk.need_admin_first": (
        "The office has no administrator yet. Create one first: "
        "desk clerk add \"FULL NAME\" --role admin"
    ),
    "clerk.unlocked": "{name}'s account is unlocked.",
    "clerk.name_too_long": "A clerk's name may have at most {max} characters (got {got}).",
    "clerk.not_locked": "{name}'s account was not locked; the wrong-PIN count is cleared.",
    "sync.insecure": (
        "The district server address {detail} uses plain http: citizens' data would cross the "
        "network readable. Use https://, or (only if the administrator accepts the risk) set "
        "insecure_http = true in [sync]. Nothing was sent; the outbox is kept."
    ),
    "status.insecure_http": "⚠ plain http",
    "restore.unknown_schema": (
        "Backup {file} holds objects the desk never creates ({problem}): it may have been "
        "altered to siphon data off. Nothing restored; pick another backup."
    ),
    "db.schema_problem": "  Schema differs from the desk's: {problem}",
    "status.http_refused": "⚠ http refused",
}
