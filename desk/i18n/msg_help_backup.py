"""Help texts: `desk backup`, `desk restore`, `desk audit`, `desk citizen` --help."""

VI = {
    "help.backup": "sao lưu cơ sở dữ liệu (trong khi các quầy vẫn làm việc), kiểm tra bản sao",
    "help.backup.to": "chép thêm bản sao lưu vào thư mục này (ví dụ ổ USB), mã hóa bằng mật "
                      "khẩu sao lưu của văn phòng",
    "help.backup.passphrase_stdin": "mã hóa bản sao lưu bằng mật khẩu đọc từ dòng đầu của stdin",
    "help.backup.list": "liệt kê các bản sao lưu (mới nhất trước)",
    "help.backup.check": "kiểm tra nhanh cơ sở dữ liệu khi khởi động; nếu hỏng, gợi ý bản sao lưu",
    "help.backup.verify": (
        "kiểm tra một tệp sao lưu (giải mã, toàn vẹn, phiên bản) mà không khôi phục"
    ),
    "help.backup.file": "tệp sao lưu (.sqlite3 hoặc .sqlite3.enc)",
    "help.backup.auto": "sao lưu tự động hằng ngày nếu hôm nay chưa có",
    "help.restore": "khôi phục cơ sở dữ liệu từ một bản sao lưu (bản hiện tại được giữ lại)",
    "help.restore.passphrase_stdin": "mật khẩu giải mã đọc từ dòng đầu của stdin",
    "help.audit": "nhật ký truy cập dữ liệu cá nhân (ai xem, ai sửa, đăng nhập, xuất, in, sao lưu)",
    "help.audit.verify": "kiểm tra chuỗi băm của nhật ký: phát hiện mục bị sửa hoặc xóa",
    "help.audit.list": "liệt kê các mục nhật ký (mới nhất trước)",
    "help.audit.citizen": "chỉ các mục về công dân này (số định danh hoặc mã công dân)",
    "help.audit.clerk": "chỉ các mục của cán bộ này (tên)",
    "help.audit.action": "chỉ loại thao tác này (view, change, login, export, print, backup, …)",
    "help.audit.limit": "số mục tối đa",
    "help.citizen": "dữ liệu cá nhân của công dân (theo Luật Bảo vệ dữ liệu cá nhân)",
    "help.citizen.export": "xuất toàn bộ dữ liệu của một công dân theo yêu cầu (JSON)",
    "help.citizen.id": "số định danh cá nhân (12 số), CMND (9 số) hoặc mã công dân",
    "help.citizen.out": "ghi vào tệp này (mặc định: in ra màn hình)",
    "help.citizen.clerk": "tên cán bộ thực hiện (phải là lãnh đạo hoặc quản trị)",
    "help.citizen.purge": "xóa thông tin liên hệ của công dân đã hết thời hạn lưu trữ",
    "help.citizen.before": "hồ sơ cuối cùng đã kết thúc trước ngày này (YYYY-MM-DD)",
    "help.citizen.dry_run": "chỉ cho biết sẽ xóa những gì, không xóa",
}
EN = {
    "help.backup": "back the database up (while the counters keep working) and check the copy",
    "help.backup.to": "also copy the backup into this folder (e.g. a USB stick), encrypted "
                      "with the office's backup passphrase",
    "help.backup.passphrase_stdin": (
        "encrypt the backup with a passphrase read from stdin's first line"
    ),
    "help.backup.list": "list the backups (newest first)",
    "help.backup.check": "quick start-up check of the database; offers a backup when it is damaged",
    "help.backup.verify": "check a backup file (decrypt, integrity, revision) without restoring it",
    "help.backup.file": "backup file (.sqlite3 or .sqlite3.enc)",
    "help.backup.auto": "make today's automatic backup if there is none yet",
    "help.restore": "restore the database from a backup (the current one is kept aside)",
    "help.restore.passphrase_stdin": "decryption passphrase read from stdin's first line",
    "help.audit": "personal data audit trail (views, changes, logins, exports, prints, backups)",
    "help.audit.verify": "check the trail's hash chain: finds edited or deleted entries",
    "help.audit.list": "list audit entries (newest first)",
    "help.audit.citizen": "only entries about this citizen (personal ID number or citizen id)",
    "help.audit.clerk": "only entries by this clerk (name)",
    "help.audit.action": "only this action (view, change, login, export, print, backup, …)",
    "help.audit.limit": "at most this many entries",
    "help.citizen": "a citizen's personal data (Personal Data Protection Law)",
    "help.citizen.export": "export everything stored about one citizen, on their request (JSON)",
    "help.citizen.id": "personal ID number (12 digits), old ID card (9 digits) or citizen id",
    "help.citizen.out": "write to this file (default: print it)",
    "help.citizen.clerk": "name of the clerk doing it (must be a supervisor or an administrator)",
    "help.citizen.purge": "remove contact details of citizens past the retention period",
    "help.citizen.before": "their last dossier was closed before this date (YYYY-MM-DD)",
    "help.citizen.dry_run": "only tell what would be removed",
}
