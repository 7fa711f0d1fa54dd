"""Messages of issue 15 §5: the audit anchor kept by the province, backups copied out
(encrypted by default), the manifest checked before a restore, the queue's role checks."""

_BAD_VI = "Nhật ký truy cập trên máy KHÔNG khớp với mốc máy chủ tỉnh lưu: "
_BAD_EN = "The audit trail on this PC does NOT match the anchor the province server keeps: "

VI = {
    "anchor.ok": "Khớp với {checked} mốc máy chủ tỉnh lưu (mới nhất: mục số {seq}, nhận ngày "
                 "{day}).",
    "anchor.none": "Máy chủ tỉnh chưa lưu mốc nào của máy này: lần đồng bộ tới sẽ gửi mốc đầu "
                   "tiên.",
    "anchor.not_configured": "Máy này không đồng bộ với máy chủ tỉnh: chỉ so được với bản sao "
                             "lưu.",
    "anchor.never_synced": "Máy này chưa đồng bộ lần nào: máy chủ tỉnh chưa có mốc để so.",
    "anchor.unsupported": "Máy chủ tỉnh chưa lưu mốc nhật ký (phiên bản cũ): chỉ so được với "
                          "bản sao lưu.",
    "anchor.unreachable": (
        "CHƯA so được với mốc máy chủ tỉnh lưu: không kết nối được ({detail}). Chuỗi trên máy "
        "tự khớp, nhưng chưa chắc các mục cuối còn đủ. Hãy chạy lại khi có mạng."
    ),
    "anchor.behind": _BAD_VI + "tỉnh lưu mục số {seq} (nhận ngày {day}) nhưng máy này chỉ có "
                               "tới mục số {local} — các mục cuối đã bị xóa.",
    "anchor.diverged": _BAD_VI + "mục số {seq} khác với mốc tỉnh lưu (nhận ngày {day}) — nhật "
                                 "ký đã bị sửa rồi tính lại chuỗi băm.",
    "anchor.newer_epoch": _BAD_VI + "tỉnh đã nhận mục số {seq} (ngày {day}) sau một lần khôi "
                                    "phục mới hơn tệp này — tệp dữ liệu là một bản cũ bị chép "
                                    "đè, không qua lệnh desk restore.",
    "anchor.restore_gap": _BAD_VI + "tỉnh lưu mục số {seq} (ngày {day}) trước lần khôi phục, "
                                    "nhưng lúc khôi phục máy chỉ còn tới mục số {have} — các "
                                    "mục {first}–{seq} đã mất hoặc bị xóa trước khi khôi phục.",
    "anchor.new_pc": "Máy này được khôi phục từ bản sao lưu trên một máy chưa có dữ liệu: tỉnh "
                     "lưu tới mục số {seq} (ngày {day}) của máy cũ, các mục sau bản sao lưu "
                     "không có ở đây. Các mốc sau lần khôi phục đều khớp.",
    "anchor.epoch": _BAD_VI + "số lần khôi phục của máy đã đổi mà nhật ký không ghi lần khôi "
                              "phục nào (tỉnh lưu mục số {seq}, ngày {day}).",
    "backup.dest_needs_passphrase": (
        "Bản sao lưu chép ra ngoài thư mục dữ liệu ({folder}) phải được mã hóa, nhưng văn phòng "
        "chưa có mật khẩu sao lưu. Quản trị hãy đặt: desk backup passphrase --clerk \"HỌ TÊN\" "
        "(hoặc dùng --passphrase-stdin cho lần này). Chỉ khi chấp nhận rủi ro mới dùng --plain."
    ),
    "backup.passphrase_short": "Mật khẩu sao lưu phải dài ít nhất {min} ký tự.",
    "backup.new_passphrase": "Mật khẩu sao lưu mới: ",
    "backup.again_passphrase": "Nhập lại mật khẩu: ",
    "backup.passphrase_differs": "Hai lần nhập mật khẩu không giống nhau; chưa đổi gì.",
    "backup.passphrase_how": "Hãy nhập mật khẩu mới: dùng --passphrase-stdin, hoặc chạy lệnh "
                             "trong cửa sổ dòng lệnh để được hỏi.",
    "backup.passphrase_set": "Đã đặt mật khẩu sao lưu của văn phòng. Bản sao lưu chép ra ngoài "
                             "(--to) sẽ được mã hóa bằng mật khẩu này: hãy cất nó ở nơi an toàn.",
    "backup.plain_copy_note": "Lưu ý: bản chép sang {file} KHÔNG được mã hóa — ai cầm ổ đĩa đều "
                              "đọc được dữ liệu công dân. Việc này đã được ghi vào nhật ký.",
    "restore.bad_manifest": "Tệp kê khai {manifest} của bản sao lưu {file} không đọc được: "
                            "không kiểm được tệp. Không khôi phục gì.",
    "restore.digest_mismatch": (
        "Tệp sao lưu {file} không khớp mã băm trong tệp kê khai {manifest} (ghi {expected}…, "
        "tệp là {got}…): tệp đã bị sửa hoặc hỏng sau khi sao lưu. Không khôi phục gì; hãy "
        "chọn bản sao lưu khác."
    ),
    "restore.no_manifest": (
        "Không thấy tệp kê khai {manifest} đi kèm bản sao lưu {file}, nên không kiểm được tệp "
        "có nguyên vẹn không. Hãy chép cả tệp .json cùng tên; chỉ khi chắc chắn về nguồn gốc "
        "tệp mới dùng --without-manifest (được ghi vào nhật ký)."
    ),
    "queue.other_counter": "{name} chỉ gọi và xử lý số tại quầy của mình (quầy {own}), không "
                           "làm thay quầy {counter}. Hãy nhờ lãnh đạo nếu cần. Lần từ chối này "
                           "đã được ghi vào nhật ký.",
    "help.backup.plain": "chép ra ngoài KHÔNG mã hóa (chỉ khi chấp nhận rủi ro; được ghi vào "
                         "nhật ký)",
    "help.backup.passphrase": "đặt mật khẩu sao lưu của văn phòng (quản trị; mã hóa các bản "
                              "sao lưu chép ra ngoài bằng --to)",
    "help.backup.passphrase_new": "đọc mật khẩu mới từ dòng đầu của stdin (sau mã PIN nếu có "
                                  "--pin-stdin)",
    "help.backup.without_manifest": "chấp nhận tệp sao lưu không có tệp kê khai .json đi kèm "
                                    "(không kiểm được mã băm; được ghi vào nhật ký)",
}

EN = {
    "anchor.ok": "Matches the {checked} anchors the province server keeps (newest: entry "
                 "{seq}, received {day}).",
    "anchor.none": "The province server keeps no anchor of this PC yet: the next sync sends "
                   "the first.",
    "anchor.not_configured": "This PC does not sync with a province server: only the backups' "
                             "anchors could be compared.",
    "anchor.never_synced": "This PC never synced: the province server has no anchor to "
                           "compare.",
    "anchor.unsupported": "The province server keeps no audit anchors (an older release): "
                          "only the backups' anchors could be compared.",
    "anchor.unreachable": (
        "NOT compared with the province server's anchor: it could not be reached ({detail}). "
        "The chain on this PC is consistent, but its last entries may be missing. Run this "
        "again when online."
    ),
    "anchor.behind": _BAD_EN + "the province holds entry {seq} (received {day}) but this PC "
                               "stops at entry {local} — the last entries were deleted.",
    "anchor.diverged": _BAD_EN + "entry {seq} differs from the province's anchor (received "
                                 "{day}) — the trail was edited and its hashes recomputed.",
    "anchor.newer_epoch": _BAD_EN + "the province received entry {seq} ({day}) after a later "
                                    "restore than this file — an old copy of the data file "
                                    "was put back without desk restore.",
    "anchor.restore_gap": _BAD_EN + "the province holds entry {seq} ({day}) from before the "
                                    "restore, but at the restore this PC only had entry "
                                    "{have} — entries {first}–{seq} were lost or deleted "
                                    "before the restore.",
    "anchor.new_pc": "This PC was restored from a backup onto a machine with no data: the "
                     "province holds the old PC's entries up to {seq} ({day}); those after the "
                     "backup are not here. The anchors since the restore all match.",
    "anchor.epoch": _BAD_EN + "this PC's restore count changed with no restore in the trail "
                              "(the province holds entry {seq}, {day}).",
    "backup.dest_needs_passphrase": (
        "A backup copied out of the data folder ({folder}) must be encrypted, but the office "
        "has no backup passphrase yet. An admin sets it: desk backup passphrase --clerk "
        "\"NAME\" (or use --passphrase-stdin this once). Use --plain only if you accept the "
        "risk."
    ),
    "backup.passphrase_short": "The backup passphrase must be at least {min} characters long.",
    "backup.new_passphrase": "New backup passphrase: ",
    "backup.again_passphrase": "Type it again: ",
    "backup.passphrase_differs": "The two passphrases differ; nothing changed.",
    "backup.passphrase_how": "Give the new passphrase: use --passphrase-stdin, or run the "
                             "command in a terminal to be asked.",
    "backup.passphrase_set": "The office's backup passphrase is set. Backups copied out (--to) "
                             "are encrypted with it: keep it somewhere safe.",
    "backup.plain_copy_note": "Note: the copy {file} is NOT encrypted — whoever holds the drive "
                              "can read citizens' data. This is recorded in the audit trail.",
    "restore.bad_manifest": "The manifest {manifest} of backup {file} cannot be read: the file "
                            "cannot be checked. Nothing restored.",
    "restore.digest_mismatch": (
        "Backup {file} does not match the digest in its manifest {manifest} (says "
        "{expected}…, the file is {got}…): it was altered or damaged after the backup. "
        "Nothing restored; pick another backup."
    ),
    "restore.no_manifest": (
        "The manifest {manifest} of backup {file} is missing, so the file cannot be checked. "
        "Copy the .json file of the same name too; use --without-manifest only if you are sure "
        "where the file comes from (recorded in the audit trail)."
    ),
    "queue.other_counter": "{name} calls and serves numbers at their own counter only "
                           "(counter {own}), not for counter {counter}. Ask a supervisor if "
                           "needed. This refusal is recorded in the audit trail.",
    "help.backup.plain": "copy it out WITHOUT encryption (only if you accept the risk; "
                         "recorded in the audit trail)",
    "help.backup.passphrase": "set the office's backup passphrase (admin; encrypts the backups "
                              "copied out with --to)",
    "help.backup.passphrase_new": "read the new passphrase from stdin's first line (after the "
                                  "PIN with --pin-stdin)",
    "help.backup.without_manifest": "accept a backup without its .json manifest (its digest "
                                    "cannot be checked; recorded in the audit trail)",
}
