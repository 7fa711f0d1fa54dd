"""Help texts of `desk backup`, `desk restore`, `desk audit`, `desk citizen` (plain dicts)."""

from desk.commands.help_text import EN as BASE_EN

VI = {
    "backup": "sao lưu cơ sở dữ liệu (trong khi các quầy vẫn làm việc), kiểm tra bản sao",
    "backup.to": "chép thêm bản sao lưu vào thư mục này (ví dụ ổ USB)",
    "backup.passphrase_stdin": "mã hóa bản sao lưu bằng mật khẩu đọc từ dòng đầu của stdin",
    "backup.list": "liệt kê các bản sao lưu (mới nhất trước)",
    "backup.check": "kiểm tra nhanh cơ sở dữ liệu khi khởi động; nếu hỏng, gợi ý bản sao lưu",
    "backup.verify": "kiểm tra một tệp sao lưu (giải mã, toàn vẹn, phiên bản) mà không khôi phục",
    "backup.file": "tệp sao lưu (.sqlite3 hoặc .sqlite3.enc)",
    "backup.auto": "sao lưu tự động hằng ngày nếu hôm nay chưa có",
    "restore": "khôi phục cơ sở dữ liệu từ một bản sao lưu (bản hiện tại được giữ lại)",
    "restore.passphrase_stdin": "mật khẩu giải mã đọc từ dòng đầu của stdin",
    "audit": "nhật ký truy cập dữ liệu cá nhân (ai xem, ai sửa, đăng nhập, xuất, in, sao lưu)",
    "audit.verify": "kiểm tra chuỗi băm của nhật ký: phát hiện mục bị sửa hoặc xóa",
    "audit.list": "liệt kê các mục nhật ký (mới nhất trước)",
    "audit.citizen": "chỉ các mục về công dân này (số định danh hoặc mã công dân)",
    "audit.clerk": "chỉ các mục của cán bộ này (tên)",
    "audit.action": "chỉ loại thao tác này (view, change, login, export, print, backup, …)",
    "audit.limit": "số mục tối đa",
    "citizen": "dữ liệu cá nhân của công dân (theo Luật Bảo vệ dữ liệu cá nhân)",
    "citizen.export": "xuất toàn bộ dữ liệu của một công dân theo yêu cầu (JSON)",
    "citizen.id": "số định danh cá nhân (12 số), CMND (9 số) hoặc mã công dân",
    "citizen.out": "ghi vào tệp này (mặc định: in ra màn hình)",
    "citizen.clerk": "tên cán bộ thực hiện (phải là lãnh đạo hoặc quản trị)",
    "citizen.purge": "xóa thông tin liên hệ của công dân đã hết thời hạn lưu trữ",
    "citizen.before": "hồ sơ cuối cùng đã kết thúc trước ngày này (YYYY-MM-DD)",
    "citizen.dry_run": "chỉ cho biết sẽ xóa những gì, không xóa",
}
EN = {
    "backup": "back the database up (while the counters keep working) and check the copy",
    "backup.to": "also copy the backup into this folder (e.g. a USB stick)",
    "backup.passphrase_stdin": "encrypt the backup with a passphrase read from stdin's first "
                               "line",
    "backup.list": "list the backups (newest first)",
    "backup.check": "quick start-up check of the database; offers a backup when it is damaged",
    "backup.verify": "check a backup file (decrypt, integrity, revision) without restoring it",
    "backup.file": "backup file (.sqlite3 or .sqlite3.enc)",
    "backup.auto": "make today's automatic backup if there is none yet",
    "restore": "restore the database from a backup (the current one is kept aside)",
    "restore.passphrase_stdin": "decryption passphrase read from stdin's first line",
    "audit": "personal data audit trail (views, changes, logins, exports, prints, backups)",
    "audit.verify": "check the trail's hash chain: finds edited or deleted entries",
    "audit.list": "list audit entries (newest first)",
    "audit.citizen": "only entries about this citizen (personal ID number or citizen id)",
    "audit.clerk": "only entries by this clerk (name)",
    "audit.action": "only this action (view, change, login, export, print, backup, …)",
    "audit.limit": "at most this many entries",
    "citizen": "a citizen's personal data (Personal Data Protection Law)",
    "citizen.export": "export everything stored about one citizen, on their request (JSON)",
    "citizen.id": "personal ID number (12 digits), old ID card (9 digits) or citizen id",
    "citizen.out": "write to this file (default: print it)",
    "citizen.clerk": "name of the clerk doing it (must be a supervisor or an administrator)",
    "citizen.purge": "remove contact details of citizens past the retention period",
    "citizen.before": "their last dossier was closed before this date (YYYY-MM-DD)",
    "citizen.dry_run": "only tell what would be removed",
}


def helps_for(h: dict[str, str]) -> dict[str, str]:
    return {**h, **(EN if h is BASE_EN else VI)}
