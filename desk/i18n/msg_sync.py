"""Messages of the district sync (desk sync, desk district)."""

VI = {
    "sync.not_configured": (
        "Chưa cấu hình đồng bộ. Ghi server_url và token vào mục [sync] của desk.toml "
        "(hoặc đặt biến DESK_SYNC_URL, DESK_SYNC_TOKEN)."
    ),
    "sync.done": (
        "Đồng bộ xong: gửi {sent} sự kiện ({batches} lô, {bytes} byte), "
        "nhận {pulled} thay đổi."
    ),
    "sync.offline": (
        "Không kết nối được máy chủ tỉnh ({detail}). Dữ liệu vẫn được lưu trong hàng đợi "
        "và sẽ gửi lại khi có mạng."
    ),
    "sync.auth": (
        "Máy chủ tỉnh từ chối mã truy cập của xã ({detail}). Hàng đợi vẫn được giữ nguyên; "
        "hãy xin mã mới từ quản trị tỉnh và ghi vào [sync] token."
    ),
    "sync.upgrade": (
        "Phiên bản phần mềm quá cũ, máy chủ tỉnh không nhận dữ liệu. Dữ liệu vẫn được giữ; "
        "hãy cập nhật phần mềm rồi đồng bộ lại."
    ),
    "sync.busy": "Một tiến trình khác đang đồng bộ. Thử lại sau ít phút.",
    "sync.local_store": (
        "Cơ sở dữ liệu của xã không ghi được lúc đồng bộ ({detail}: đang bị khóa hoặc đầy đĩa). "
        "Không mất dữ liệu nào; lần đồng bộ sau sẽ làm lại."
    ),
    "sync.recovered": "Đã lấy lại {count} sự kiện của xã từ máy chủ tỉnh sau khi khôi phục.",
    "sync.protocol": "Máy chủ tỉnh trả lời không đúng giao thức ({detail}).",
    "sync.status": (
        "Chờ gửi: {pending}   Đã nhận: {acked}   Bị từ chối: {rejected}   Xung đột: {conflicts}\n"
        "Lần đồng bộ thành công gần nhất: {last_sync}"
    ),
    "sync.never": "chưa lần nào",
    "sync.conflict_line": (
        "  {dossier}: thao tác «{local}» của xã bị thay thế — trạng thái ở tỉnh: {server}"
    ),
    "sync.retry_in": "Mất kết nối ({detail}); thử lại sau {seconds:.0f} giây.",
    "district.token": (
        "Đã đăng ký đơn vị {office}. Mã truy cập (chỉ hiện một lần, hãy ghi vào [sync] token "
        "của xã):\n{token}"
    ),
    "district.revoked": "Đã thu hồi mã truy cập của đơn vị {office}.",
    "district.no_office": "Không có đơn vị {office} trên máy chủ tỉnh.",
    "district.serving": (
        "Máy chủ tỉnh đang chạy tại http://{host}:{port} (CSDL: {db}). Ctrl+C để dừng."
    ),
    "district.need_server": (
        "Máy này chưa cài phần máy chủ tỉnh (thiếu gói {package}). Cài bằng lệnh: {command}"
    ),
    "district.decided": "Hồ sơ {code}: {status} (phiên bản {version}).",
    "district.status_line": (
        "{office}  {name}  sự kiện: {events}  hồ sơ: {dossiers}  liên lạc gần nhất: {last}{revoked}"
    ),
    "district.revoked_mark": "  [ĐÃ THU HỒI]",
    "district.catalog_published": (
        "Đã công bố danh mục phiên bản {version} ({procedures} thủ tục); các xã nhận ở lần "
        "đồng bộ tới."
    ),
    "district.catalog_unchanged": (
        "Danh mục phiên bản {version} đã được công bố, không có thay đổi."
    ),
    "district.calendar_published": (
        "Đã công bố ngày nghỉ/làm bù phiên bản {version} ({days} ngày); các xã nhận ở lần "
        "đồng bộ tới."
    ),
    "district.calendar_unchanged": (
        "Ngày nghỉ/làm bù này trùng phiên bản {version} đã công bố, không có thay đổi."
    ),
    "district.unreadable": "Không đọc được tệp {file}: {error}",
    "action.superseded.transfer": "Chuyển xử lý (bị tỉnh thay thế)",
    "action.superseded.start_processing": "Bắt đầu xử lý (bị tỉnh thay thế)",
    "action.superseded.request_supplement": "Yêu cầu bổ sung (bị tỉnh thay thế)",
    "action.superseded.supplement_received": "Nhận hồ sơ bổ sung (bị tỉnh thay thế)",
    "action.superseded.refuse": "Từ chối giải quyết (bị tỉnh thay thế)",
    "action.superseded.result_ready": "Ghi nhận có kết quả (bị tỉnh thay thế)",
    "action.superseded.return_result": "Trả kết quả (bị tỉnh thay thế)",
    "action.superseded.withdraw": "Rút hồ sơ (bị tỉnh thay thế)",
    "action.superseded.stop": "Dừng giải quyết (bị tỉnh thay thế)",
}
EN = {
    "sync.not_configured": (
        "Sync is not configured. Put server_url and token in the [sync] section of desk.toml "
        "(or set DESK_SYNC_URL, DESK_SYNC_TOKEN)."
    ),
    "sync.done": (
        "Synced: sent {sent} events ({batches} batches, {bytes} bytes), "
        "pulled {pulled} changes."
    ),
    "sync.offline": (
        "Cannot reach the province server ({detail}). Everything stays queued and is sent when "
        "the link is back."
    ),
    "sync.auth": (
        "The province server refused this office's token ({detail}). The outbox is kept; ask "
        "the province administrator for a new token and put it in [sync] token."
    ),
    "sync.upgrade": (
        "This release is too old for the province server. Data is kept; update the software "
        "and sync again."
    ),
    "sync.busy": "Another process is syncing. Try again in a few minutes.",
    "sync.local_store": (
        "The office database could not be written while syncing ({detail}: locked or disk "
        "full). Nothing is lost; the next sync does it again."
    ),
    "sync.recovered": "Got back {count} of this office's events from the province after the "
                      "restore.",
    "sync.protocol": "The province server answered outside the protocol ({detail}).",
    "sync.status": (
        "Pending: {pending}   Acknowledged: {acked}   Rejected: {rejected}   Conflicts: "
        "{conflicts}\nLast successful sync: {last_sync}"
    ),
    "sync.never": "never",
    "sync.conflict_line": (
        "  {dossier}: this office's «{local}» was superseded — province state: {server}"
    ),
    "sync.retry_in": "Link down ({detail}); retrying in {seconds:.0f} s.",
    "district.token": (
        "Office {office} registered. Token (shown only once; put it in the office's [sync] "
        "token):\n{token}"
    ),
    "district.revoked": "Token of office {office} revoked.",
    "district.no_office": "No office {office} on the province server.",
    "district.serving": "Province server on http://{host}:{port} (database: {db}). Ctrl+C stops.",
    "district.need_server": (
        "The province server is not installed here (package {package} is missing). "
        "Install it with: {command}"
    ),
    "district.decided": "Dossier {code}: {status} (version {version}).",
    "district.status_line": (
        "{office}  {name}  events: {events}  dossiers: {dossiers}  last contact: {last}{revoked}"
    ),
    "district.revoked_mark": "  [REVOKED]",
    "district.catalog_published": (
        "Catalog version {version} published ({procedures} procedures); offices get it at "
        "their next sync."
    ),
    "district.catalog_unchanged": "Catalog version {version} was already published; no change.",
    "district.calendar_published": (
        "Calendar exceptions version {version} published ({days} days); offices get it at "
        "their next sync."
    ),
    "district.calendar_unchanged": (
        "These calendar exceptions equal published version {version}; no change."
    ),
    "district.unreadable": "Cannot read {file}: {error}",
    "action.superseded.transfer": "Transfer (superseded by the province)",
    "action.superseded.start_processing": "Start processing (superseded by the province)",
    "action.superseded.request_supplement": "Request supplement (superseded by the province)",
    "action.superseded.supplement_received": "Supplement received (superseded by the province)",
    "action.superseded.refuse": "Refuse (superseded by the province)",
    "action.superseded.result_ready": "Result ready (superseded by the province)",
    "action.superseded.return_result": "Return result (superseded by the province)",
    "action.superseded.withdraw": "Withdraw (superseded by the province)",
    "action.superseded.stop": "Stop (superseded by the province)",
}
