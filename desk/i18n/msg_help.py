"""Help texts: `desk --help`: the program, the shared options and the small command groups."""

VI = {
    "help.desk": (
        "Một Cửa Desk — phần mềm Bộ phận Tiếp nhận và Trả kết quả.\n"
        "Chạy `desk` không kèm lệnh để mở giao diện."
    ),
    "help.epilog": (
        "Ví dụ:\n"
        "  desk demo                       tạo văn phòng mẫu và mở giao diện\n"
        "  desk calendar due --received \"2026-02-13 10:00\" --limit \"3 working_days\"\n"
        "  desk validate id 040095000123 --birth 1995-05-01"
    ),
    "help.usage_error": "lỗi cú pháp lệnh",
    "help.config": "tệp cấu hình desk.toml (mặc định: DESK_CONFIG, ./desk.toml, thư mục cấu hình)",
    "help.json": "in kết quả dạng JSON",
    "help.demo": "tạo văn phòng mẫu (danh mục, lịch, cán bộ, quầy) rồi mở giao diện",
    "help.demo.no_tui": "chỉ tạo dữ liệu mẫu, không mở giao diện",
    "help.demo.no_dossiers": "không tạo các hồ sơ mẫu (chỉ danh mục, lịch, cán bộ, quầy)",
    "help.db": "cơ sở dữ liệu của văn phòng",
    "help.db.upgrade": "nâng cấp lược đồ cơ sở dữ liệu lên phiên bản mới nhất",
    "help.db.check": "kiểm tra toàn vẹn và phiên bản lược đồ",
    "help.catalog": "danh mục thủ tục hành chính",
    "help.catalog.import": "nhập danh mục từ tệp JSON hoặc CSV",
    "help.catalog.file": "tệp danh mục (.json hoặc .csv)",
    "help.catalog.list": "liệt kê các thủ tục đang áp dụng",
    "help.calendar": "lịch làm việc và thời hạn giải quyết",
    "help.calendar.due": "tính ngày hẹn trả kết quả",
    "help.calendar.received": "thời điểm tiếp nhận \"YYYY-MM-DD HH:MM\" (giờ văn phòng)",
    "help.calendar.limit": "thời hạn, ví dụ \"3 working_days\", \"same_day\", \"8 working_hours\"",
    "help.calendar.procedure": "mã thủ tục (lấy thời hạn từ danh mục)",
    "help.calendar.day": "cho biết một ngày có phải ngày làm việc không và vì sao",
    "help.calendar.date": "ngày YYYY-MM-DD",
    "help.calendar.day_date": "ngày YYYY-MM-DD (mặc định: hôm nay)",
    "help.calendar.import": "nhập ngày nghỉ bù / làm bù từ tệp CSV (date,kind,note)",
    "help.calendar.list": "liệt kê các ngày ngoại lệ của văn phòng",
    "help.calendar.set": "đặt một ngày ngoại lệ (OFF = nghỉ, WORK = làm bù)",
    "help.calendar.kind": "OFF hoặc WORK",
    "help.calendar.note": "ghi chú, ví dụ căn cứ pháp lý",
    "help.validate": "kiểm tra số định danh, số điện thoại",
    "help.validate.id": "kiểm tra số định danh cá nhân (12 số) hoặc CMND (9 số)",
    "help.validate.number": "số cần kiểm tra",
    "help.validate.birth": "ngày sinh YYYY-MM-DD để đối chiếu",
    "help.validate.sex": "giới tính M (nam) hoặc F (nữ) để đối chiếu",
    "help.validate.phone": "kiểm tra số điện thoại di động",
    "help.clerk": "tài khoản cán bộ",
    "help.clerk.add": "thêm cán bộ (mã PIN hỏi hai lần)",
    "help.clerk.name": "họ tên cán bộ",
    "help.clerk.role": "vai trò: clerk, supervisor, admin",
    "help.clerk.counter": "số quầy mặc định",
    "help.clerk.pin_stdin": "đọc mã PIN từ đầu vào chuẩn (cho kịch bản)",
    "help.clerk.list": "liệt kê cán bộ",
    "help.pin.ask": "Mã PIN (4–8 chữ số): ",
    "help.pin.again": "Nhập lại mã PIN: ",
    "help.auth.clerk": "tên lãnh đạo hoặc quản trị thực hiện (hoặc DESK_CLERK); cần mã PIN",
    "help.auth.pin": (
        "đọc mã PIN của người thực hiện từ dòng đầu của stdin (hoặc DESK_PIN, hoặc nhập khi được "
        "hỏi)"
    ),
    "help.clerk.unlock": "mở khóa tài khoản cán bộ bị khóa vì nhập sai PIN (cần quản trị)",
}
EN = {
    "help.desk": (
        "Một Cửa Desk — one-stop counter software.\n"
        "Run `desk` with no command to open the UI."
    ),
    "help.epilog": (
        "Examples:\n"
        "  desk demo                       seed the demo office and open the UI\n"
        "  desk calendar due --received \"2026-02-13 10:00\" --limit \"3 working_days\"\n"
        "  desk validate id 040095000123 --birth 1995-05-01"
    ),
    "help.usage_error": "usage error",
    "help.config": "desk.toml to use (default: DESK_CONFIG, ./desk.toml, user config dir)",
    "help.json": "print the result as JSON",
    "help.demo": "seed the demo office (catalog, calendar, clerks, counters) and open the UI",
    "help.demo.no_tui": "only seed the data; do not open the UI",
    "help.demo.no_dossiers": "do not seed the demo dossiers (catalog, calendar, clerks only)",
    "help.db": "the office database",
    "help.db.upgrade": "upgrade the database schema to the latest version",
    "help.db.check": "check integrity and the schema version",
    "help.catalog": "the procedure catalog",
    "help.catalog.import": "import a catalog from a JSON or CSV file",
    "help.catalog.file": "catalog file (.json or .csv)",
    "help.catalog.list": "list the procedures in force",
    "help.calendar": "working calendar and time limits",
    "help.calendar.due": "compute the appointment (due) date",
    "help.calendar.received": "moment of receipt \"YYYY-MM-DD HH:MM\" (office time)",
    "help.calendar.limit": "time limit, e.g. \"3 working_days\", \"same_day\", \"8 working_hours\"",
    "help.calendar.procedure": "procedure code (time limit from the catalog)",
    "help.calendar.day": "say whether a date is a working day, and why",
    "help.calendar.date": "date YYYY-MM-DD",
    "help.calendar.day_date": "date YYYY-MM-DD (default: today)",
    "help.calendar.import": "import swapped days off / make-up days from CSV (date,kind,note)",
    "help.calendar.list": "list the office's calendar exceptions",
    "help.calendar.set": "set one exception day (OFF or WORK)",
    "help.calendar.kind": "OFF or WORK",
    "help.calendar.note": "note, e.g. the legal basis",
    "help.validate": "check personal ID and phone numbers",
    "help.validate.id": "check a 12-digit personal ID or a 9-digit old ID card number",
    "help.validate.number": "the number to check",
    "help.validate.birth": "birth date YYYY-MM-DD to cross-check",
    "help.validate.sex": "sex M or F to cross-check",
    "help.validate.phone": "check a mobile phone number",
    "help.clerk": "clerk accounts",
    "help.clerk.add": "add a clerk (PIN asked twice)",
    "help.clerk.name": "the clerk's full name",
    "help.clerk.role": "role: clerk, supervisor, admin",
    "help.clerk.counter": "default counter number",
    "help.clerk.pin_stdin": "read the PIN from standard input (for scripts)",
    "help.clerk.list": "list clerks",
    "help.pin.ask": "PIN (4–8 digits): ",
    "help.pin.again": "PIN again: ",
    "help.auth.clerk": (
        "name of the supervisor or administrator doing it (or DESK_CLERK); their PIN is needed"
    ),
    "help.auth.pin": (
        "read that person's PIN from the first line of stdin (or DESK_PIN, or a prompt)"
    ),
    "help.clerk.unlock": "unlock a clerk locked out by wrong PINs (needs an administrator)",
}
