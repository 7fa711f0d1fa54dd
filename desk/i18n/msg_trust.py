"""Messages of roles, the audit trail, personal data, backups and restores (issue 9)."""

_PERMS_VI = {
    "dossier.intake": "tiếp nhận hồ sơ",
    "dossier.act": "xử lý hồ sơ (chuyển, bổ sung, trả kết quả…)",
    "dossier.view": "xem hồ sơ",
    "queue.call": "gọi số tại quầy",
    "citizen.lookup": "tra cứu công dân",
    "dossier.all": "xem và xử lý hồ sơ của mọi quầy",
    "apology.issue": "ký phiếu xin lỗi và hẹn lại ngày trả kết quả",
    "report.view": "xem báo cáo",
    "report.export": "xuất báo cáo ra tệp",
    "dossier.correct": "sửa thông tin đã ghi",
    "citizen.export": "xuất dữ liệu cá nhân của công dân",
    "queue.manage": "tạm dừng / mở lại quầy",
    "clerk.manage": "quản lý tài khoản cán bộ",
    "settings.change": "thay đổi cấu hình",
    "backup.create": "sao lưu dữ liệu",
    "backup.restore": "khôi phục dữ liệu từ bản sao lưu",
    "audit.verify": "kiểm tra nhật ký truy cập",
    "audit.view": "xem nhật ký truy cập",
    "citizen.purge": "xóa dữ liệu cá nhân hết thời hạn lưu trữ",
}
_PERMS_EN = {
    "dossier.intake": "take in dossiers",
    "dossier.act": "act on dossiers (transfer, supplement, return…)",
    "dossier.view": "view dossiers",
    "queue.call": "call queue numbers",
    "citizen.lookup": "look citizens up",
    "dossier.all": "see and act on every counter's dossiers",
    "apology.issue": "sign apology letters",
    "report.view": "see reports",
    "report.export": "export reports",
    "dossier.correct": "correct recorded information",
    "citizen.export": "export a citizen's personal data",
    "queue.manage": "pause / resume counters",
    "clerk.manage": "manage clerk accounts",
    "settings.change": "change the settings",
    "backup.create": "back up the data",
    "backup.restore": "restore the data from a backup",
    "audit.verify": "check the audit trail",
    "audit.view": "see the audit trail",
    "citizen.purge": "remove personal data past its retention period",
}

_ACTIONS_VI = {"view": "xem", "change": "sửa", "login": "đăng nhập",
               "login_failed": "đăng nhập sai", "logout": "đăng xuất", "export": "xuất dữ liệu",
               "print": "in", "backup": "sao lưu", "restore": "khôi phục",
               "denied": "bị từ chối", "purge": "xóa dữ liệu", "verify": "kiểm tra nhật ký"}
_ACTIONS_EN = {"view": "view", "change": "change", "login": "login",
               "login_failed": "failed login", "logout": "logout", "export": "export",
               "print": "print", "backup": "backup", "restore": "restore", "denied": "refused",
               "purge": "purge", "verify": "trail check"}

VI = {
    **{f"perm.{k}": v for k, v in _PERMS_VI.items()},
    **{f"audit.action.{k}": v for k, v in _ACTIONS_VI.items()},
    "role.name.clerk": "cán bộ một cửa",  # as the login and `desk demo` name the role
    "role.name.supervisor": "lãnh đạo",
    "role.name.admin": "quản trị",
    "role.name.system": "hệ thống",
    "role.name.unknown": "chưa rõ",
    "role.denied": "{name} ({role}) không có quyền {action}. Việc này cần tài khoản {need} trở "
                   "lên — hãy nhờ người có quyền thực hiện. Lần từ chối này đã được ghi vào "
                   "nhật ký.",
    "role.other_counter": "{name} ({role}) chỉ xử lý hồ sơ của quầy mình (quầy {own}); hồ sơ "
                          "này thuộc quầy {counter}. Hãy chuyển cho cán bộ quầy {counter} hoặc "
                          "nhờ lãnh đạo. Lần từ chối này đã được ghi vào nhật ký.",
    "audit.ok": "Nhật ký truy cập nguyên vẹn: đã kiểm tra {count} mục, chuỗi băm khớp.",
    "audit.broken": "Nhật ký truy cập đã bị can thiệp: chuỗi băm gãy tại mục số {seq} ({problem})."
                    " {checked} mục trước đó vẫn nguyên vẹn. Hãy báo lãnh đạo và giữ nguyên "
                    "tệp dữ liệu cùng các bản sao lưu để đối chiếu.",
    "audit.problem.gap": "thiếu mục — có mục đã bị xóa",
    "audit.problem.prev_hash": "mục không nối với mục trước — có mục bị xóa hoặc chèn thêm",
    "audit.problem.hash": "nội dung mục không khớp mã băm — mục đã bị sửa",
    "audit.problem.anchor": "không khớp với bản sao lưu gần nhất — các mục cuối đã bị xóa hoặc "
                            "sửa",
    "audit.none": "Không có mục nhật ký nào phù hợp.",
    "citizen.not_found": "Không tìm thấy công dân {who}. Hãy nhập số định danh cá nhân (12 số), "
                         "số CMND (9 số) hoặc mã công dân.",
    "citizen.exported": "Đã xuất dữ liệu của công dân ({dossiers} hồ sơ) vào {file}. Tệp chứa "
                        "dữ liệu cá nhân: chỉ giao cho chính công dân.",
    "citizen.write_failed": "Không ghi được tệp {file}: {error}",
    "citizen.purge_dry": "Sẽ xóa thông tin liên hệ của {count} công dân (chưa xóa gì).",
    "citizen.purged": "Đã xóa thông tin liên hệ của {count} công dân; sổ theo dõi hồ sơ được "
                      "giữ nguyên.",
    "backup.folder": "Không tạo được thư mục sao lưu {folder}: {error}",
    "backup.no_database": "Chưa có cơ sở dữ liệu để sao lưu ({path}).",
    "backup.no_crypto": "Máy này thiếu gói \"cryptography\" nên không mã hóa / giải mã được bản "
                        "sao lưu. Cài bằng: pip install cryptography",
    "backup.empty_passphrase": "Mật khẩu mã hóa không được để trống.",
    "backup.ask_passphrase": "Mật khẩu giải mã: ",
    "backup.verify_failed": "Bản sao lưu {file} không qua kiểm tra ({problem}) nên đã bị bỏ. "
                            "Hãy chạy \"desk backup check\" rồi thử lại.",
    "backup.write_failed": "Không ghi được bản sao lưu {file}: {error}. Hãy kiểm tra ổ đĩa còn "
                           "chỗ trống.",
    "backup.dest_missing": "Không thấy thư mục {folder}. Hãy cắm ổ USB và kiểm tra đường dẫn. "
                           "Bản sao lưu trên máy vẫn được giữ.",
    "backup.dest_failed": "Không chép được sang {folder}: {error}. Bản sao lưu trên máy vẫn "
                          "được giữ.",
    "backup.dest_mismatch": "Bản chép sang {file} không khớp với bản gốc (ổ USB có thể bị lỗi). "
                            "Hãy thử ổ khác.",
    "backup.done": "Đã sao lưu và kiểm tra: {file} ({size}; {dossiers} hồ sơ, {citizens} công "
                   "dân).",
    "backup.encrypted_note": "Bản sao lưu đã được mã hóa: hãy cất mật khẩu ở nơi an toàn — mất "
                             "mật khẩu là mất bản sao lưu.",
    "backup.copied": "Đã chép sang: {file} (đã đọc lại và đối chiếu).",
    "backup.not_due": "Hôm nay đã có bản sao lưu tự động.",
    "backup.none": "Chưa có bản sao lưu nào trong {folder}.",
    "backup.kind.auto": "tự động",
    "backup.kind.manual": "thủ công",
    "backup.file_ok": "Tệp sao lưu {file} tốt: toàn vẹn, {dossiers} hồ sơ, phiên bản {revision}.",
    "restore.missing": "Không thấy tệp sao lưu {file}.",
    "restore.not_backup": "Tệp {file} không phải bản sao lưu của Một Cửa Desk.",
    "restore.bad_file": "Tệp sao lưu {file} bị hỏng ({problem}); không khôi phục. Hãy chọn bản "
                        "khác.",
    "restore.newer_schema": "Tệp sao lưu {file} được tạo bởi phiên bản phần mềm mới hơn "
                            "({problem}). Hãy cập nhật phần mềm trước khi khôi phục.",
    "restore.needs_passphrase": "Tệp {file} đã được mã hóa: hãy nhập mật khẩu "
                                "(--passphrase-stdin).",
    "restore.bad_passphrase": "Mật khẩu không đúng, hoặc tệp {file} đã bị sửa đổi. Không khôi "
                              "phục.",
    "restore.truncated": "Tệp sao lưu {file} bị thiếu phần cuối (chép chưa xong?). Không khôi "
                         "phục.",
    "restore.write_failed": "Không đặt được bản sao lưu vào chỗ {file}: {error}. Cơ sở dữ liệu "
                            "hiện tại được giữ nguyên.",
    "restore.close_others": "Lưu ý: hãy tắt Một Cửa Desk trên các quầy khác trước khi khôi phục.",
    "restore.done": "Đã khôi phục từ {file} ({dossiers} hồ sơ).",
    "restore.aside": "Cơ sở dữ liệu cũ được giữ lại tại: {file}",
    "restore.epoch": "Đồng bộ với cấp tỉnh sẽ tiếp tục ở thế hệ thiết bị {epoch}; các hồ sơ "
                     "nhận sau thời điểm sao lưu sẽ được lấy lại khi đồng bộ.",
    "health.ok": "Cơ sở dữ liệu {path} tốt.",
    "health.damaged": "Cơ sở dữ liệu {path} bị hỏng (có thể do mất điện đột ngột).",
    "health.offer": "Có bản sao lưu tốt lúc {when}: {file}. Để dùng lại, chạy: desk restore "
                    "\"{file}\"",
    "health.offer_encrypted": "Bản sao lưu mới nhất (đã mã hóa) lúc {when}: {file}. Để dùng "
                              "lại, chạy: desk restore \"{file}\" --passphrase-stdin",
    "health.no_backup": "Không tìm thấy bản sao lưu nào. Hãy gọi cán bộ kỹ thuật và đừng xóa "
                        "tệp nào trong {folder}.",
    "health.keep": "Khi khôi phục, tệp hiện tại được giữ lại, không mất gì thêm.",
}

EN = {
    **{f"perm.{k}": v for k, v in _PERMS_EN.items()},
    **{f"audit.action.{k}": v for k, v in _ACTIONS_EN.items()},
    "role.name.clerk": "counter clerk",
    "role.name.supervisor": "supervisor",
    "role.name.admin": "administrator",
    "role.name.system": "system",
    "role.name.unknown": "unknown",
    "role.denied": "{name} ({role}) may not {action}. This needs a {need} account or higher — "
                   "ask someone who may. The refusal has been recorded in the audit trail.",
    "role.other_counter": "{name} ({role}) handles only their own counter's dossiers (counter "
                          "{own}); this one belongs to counter {counter}. Hand it to counter "
                          "{counter} or a supervisor. The refusal has been recorded.",
    "audit.ok": "Audit trail intact: {count} entries checked, the hash chain matches.",
    "audit.broken": "The audit trail has been tampered with: the hash chain breaks at entry "
                    "{seq} ({problem}). The {checked} entries before it are intact. Tell a "
                    "supervisor and keep the data file and the backups for comparison.",
    "audit.problem.gap": "an entry is missing — deleted",
    "audit.problem.prev_hash": "entry does not follow the previous one — deleted or inserted",
    "audit.problem.hash": "entry content does not match its hash — edited",
    "audit.problem.anchor": "does not match the newest backup — the last entries were removed "
                            "or edited",
    "audit.none": "No matching audit entries.",
    "citizen.not_found": "No citizen {who}. Enter the personal ID number (12 digits), the old ID "
                         "card number (9 digits) or the citizen id.",
    "citizen.exported": "Exported the citizen's data ({dossiers} dossiers) to {file}. The file "
                        "holds personal data: hand it to the citizen only.",
    "citizen.write_failed": "Cannot write {file}: {error}",
    "citizen.purge_dry": "Would remove the contact details of {count} citizens (nothing removed).",
    "citizen.purged": "Removed the contact details of {count} citizens; the dossier register is "
                      "kept.",
    "backup.folder": "Cannot create the backup folder {folder}: {error}",
    "backup.no_database": "There is no database to back up yet ({path}).",
    "backup.no_crypto": "The \"cryptography\" package is missing, so backups cannot be encrypted "
                        "or decrypted. Install it: pip install cryptography",
    "backup.empty_passphrase": "The passphrase must not be empty.",
    "backup.ask_passphrase": "Passphrase: ",
    "backup.verify_failed": "The backup {file} failed its check ({problem}) and was discarded. "
                            "Run \"desk backup check\" and try again.",
    "backup.write_failed": "Cannot write the backup {file}: {error}. Check the free disk space.",
    "backup.dest_missing": "Folder {folder} not found. Plug the USB stick in and check the path. "
                           "The local backup is kept.",
    "backup.dest_failed": "Cannot copy to {folder}: {error}. The local backup is kept.",
    "backup.dest_mismatch": "The copy {file} differs from the original (faulty USB stick?). Try "
                            "another one.",
    "backup.done": "Backed up and checked: {file} ({size}; {dossiers} dossiers, {citizens} "
                   "citizens).",
    "backup.encrypted_note": "The backup is encrypted: keep the passphrase safe — without it "
                             "the backup is lost.",
    "backup.copied": "Copied to: {file} (read back and compared).",
    "backup.not_due": "Today's automatic backup already exists.",
    "backup.none": "No backups in {folder} yet.",
    "backup.kind.auto": "automatic",
    "backup.kind.manual": "manual",
    "backup.file_ok": "Backup {file} is good: intact, {dossiers} dossiers, revision {revision}.",
    "restore.missing": "Backup file {file} not found.",
    "restore.not_backup": "{file} is not a Một Cửa Desk backup.",
    "restore.bad_file": "Backup {file} is damaged ({problem}); nothing restored. Pick another.",
    "restore.newer_schema": "Backup {file} comes from a newer release ({problem}). Update the "
                            "software first.",
    "restore.needs_passphrase": "{file} is encrypted: give the passphrase (--passphrase-stdin).",
    "restore.bad_passphrase": "Wrong passphrase, or {file} was altered. Nothing restored.",
    "restore.truncated": "Backup {file} is cut short (copy not finished?). Nothing restored.",
    "restore.write_failed": "Cannot put the backup in place of {file}: {error}. The current "
                            "database is unchanged.",
    "restore.close_others": "Note: close Một Cửa Desk on the other counters before restoring.",
    "restore.done": "Restored from {file} ({dossiers} dossiers).",
    "restore.aside": "The previous database is kept at: {file}",
    "restore.epoch": "District sync continues at device epoch {epoch}; dossiers received after "
                     "the backup will be fetched back by the sync.",
    "health.ok": "Database {path} is fine.",
    "health.damaged": "Database {path} is damaged (perhaps by a power cut).",
    "health.offer": "A good backup from {when} exists: {file}. To use it run: desk restore "
                    "\"{file}\"",
    "health.offer_encrypted": "The newest backup (encrypted) is from {when}: {file}. To use it "
                              "run: desk restore \"{file}\" --passphrase-stdin",
    "health.no_backup": "No backup found. Call the technician and delete nothing in {folder}.",
    "health.keep": "A restore keeps the current file aside: nothing more is lost.",
}
