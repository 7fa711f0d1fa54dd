"""Printing: spooler, printers, forms."""

VI = {
    "print.unknown_printer": "Chưa khai báo máy in {printer} trong desk.toml (đang có: {known}).",
    "print.unknown_profile": "Máy in {printer} dùng cấu hình in {profile} không tồn tại "
                             "(có sẵn: {known}).",
    "print.bad_options": "Tùy chọn của máy in {printer} không hợp lệ: {problem}",
    "print.a4_needs_pdf": "Máy in {printer} là máy in A4: cần gửi tệp PDF, không gửi phiếu nhiệt.",
    "print.p.hex": "phải là các byte viết dạng hex, ví dụ \"1c2e\" (đã ghi {value!r})",
    "print.p.tcvn3_pages": "codepage_mode \"tcvn3\" cần tcvn3_pages",
    "print.p.cp1258_page": "codepage_mode \"cp1258\" cần cp1258_page",
    "print.bad_kind": "Loại bản in không hợp lệ: {kind} (dùng: {known}).",
    "print.no_job": "Không tìm thấy lệnh in {job}.",
    "print.no_dossier": "Không tìm thấy hồ sơ có mã {code}.",
    "print.bad_form": "Không có mẫu số {form}; chỉ có mẫu 01 đến 05.",
    "print.thermal_only": "Máy in {printer} là máy in A4, không in được trang thử phiếu nhiệt.",
    "print.queued": "Đã đưa vào hàng đợi in: {job} ({bytes} byte).",
    "print.done": "Đã in xong trên {printer}.",
    "print.waiting": "Chưa in được trên {printer} ({error}). Lệnh in vẫn được giữ và sẽ tự "
                     "in lại khi máy in sẵn sàng.",
    "print.saved": "Đã ghi {bytes} byte vào {file}.",
    "print.no_status": "Không đọc được trạng thái của {printer} ({transport}): máy chỉ "
                       "nhận dữ liệu một chiều.",
    "print.offline": "Không kết nối được {printer}: {error}",
    "print.status": "Trạng thái {printer}: {state}.",
    "print.queue_line": "Đang chờ in: {queued} lệnh; lỗi: {failed}.",
    "print.state.ok": "sẵn sàng",
    "print.state.near_end": "sẵn sàng, giấy sắp hết",
    "print.state.silent": "không phản hồi (tắt máy hoặc tuột cáp?)",
    "print.state.offline": "ngoại tuyến",
    "print.state.cover_open": "đang mở nắp",
    "print.state.paper_out": "hết giấy",
    "print.state.error": "báo lỗi",
    "print.state.unknown": "chưa rõ",
    "print.already_waiting": "Giấy này của {ref} đang chờ in ở {printer} (lệnh {job}); "
                             "không thêm bản thứ hai.",
    "print.as_reprint": "Đã in trước đây: bản này mang dòng \"BẢN IN LẠI\".",
    "print.checked": "Trạng thái do tiến trình đang điều khiển máy in ghi lúc {at}.",
    # a printer as the clerk names it (its desk.toml name is for the admin)
    "print.label.thermal": "máy in biên nhận",
    "print.label.a4": "máy in A4",
    "print.label.other": "{label} thứ {n}",
    "print.note.not_queued": "Chưa đưa được giấy tiếp nhận vào hàng đợi in: in lại từ màn "
                             "hình hồ sơ.",
    "print.note.done": "Giấy tiếp nhận đã in xong trên {printer}.",
    "print.note.sending": "Giấy tiếp nhận đang được gửi tới {printer}.",
    "print.note.queued": "Giấy tiếp nhận đã vào hàng đợi in của {printer} (tình trạng: "
                         "{state}).",
    "print.note.queued_problem": "Giấy tiếp nhận đang chờ trong hàng đợi: {printer} "
                                 "{state}. Giấy sẽ tự in khi máy in sẵn sàng.",
    "print.note.failed": "Giấy tiếp nhận không in được trên {printer}: in lại từ màn hình "
                         "máy in.",
}
EN = {
    "print.unknown_printer": "Printer {printer} is not set up in desk.toml (known: {known}).",
    "print.unknown_profile": "Printer {printer} uses an unknown profile {profile} "
                             "(known: {known}).",
    "print.bad_options": "Options of printer {printer} are not valid: {problem}",
    "print.a4_needs_pdf": "Printer {printer} is an A4 printer: send it a PDF, not a slip.",
    "print.p.hex": "must be bytes written in hex, e.g. \"1c2e\" (got {value!r})",
    "print.p.tcvn3_pages": "codepage_mode \"tcvn3\" needs tcvn3_pages",
    "print.p.cp1258_page": "codepage_mode \"cp1258\" needs cp1258_page",
    "print.bad_kind": "Unknown print job kind: {kind} (use: {known}).",
    "print.no_job": "No print job {job}.",
    "print.no_dossier": "No dossier with code {code}.",
    "print.bad_form": "There is no form {form}; forms are 01 to 05.",
    "print.thermal_only": "Printer {printer} is an A4 printer; the test sheet is for slips.",
    "print.queued": "Queued for printing: {job} ({bytes} bytes).",
    "print.done": "Printed on the {printer}.",
    "print.waiting": "The {printer} could not print yet ({error}). The job is kept and "
                     "will print by itself once the printer is ready.",
    "print.saved": "Wrote {bytes} bytes to {file}.",
    "print.no_status": "The {printer} ({transport}) cannot report its status "
                       "(write-only).",
    "print.offline": "Cannot reach the {printer}: {error}",
    "print.status": "State of the {printer}: {state}.",
    "print.queue_line": "Waiting jobs: {queued}; failed: {failed}.",
    "print.state.ok": "ready",
    "print.state.near_end": "ready, paper running low",
    "print.state.silent": "not answering (switched off or cable out?)",
    "print.state.offline": "offline",
    "print.state.cover_open": "cover open",
    "print.state.paper_out": "out of paper",
    "print.state.error": "in error",
    "print.state.unknown": "unknown",
    "print.already_waiting": "This paper for {ref} is already waiting for the {printer} "
                             "(job {job}); no second copy added.",
    "print.as_reprint": "Printed before: this copy carries the \"BẢN IN LẠI\" (reprint) line.",
    "print.checked": "State recorded at {at} by the process driving the printer.",
    "print.label.thermal": "receipt printer",
    "print.label.a4": "A4 printer",
    "print.label.other": "{label} no. {n}",
    "print.note.not_queued": "The receipt could not be queued: reprint it from the dossier "
                             "screen.",
    "print.note.done": "The receipt was printed on the {printer}.",
    "print.note.sending": "The receipt is being sent to the {printer}.",
    "print.note.queued": "The receipt is queued for the {printer} (state: {state}).",
    "print.note.queued_problem": "The receipt waits in the queue: the {printer} is "
                                 "{state}. It will print by itself once the printer is ready.",
    "print.note.failed": "The receipt could not be printed on the {printer}: reprint it from the "
                         "printers screen.",
}
