"""Messages about the office set-up: clerks, calendar, database, demo."""

VI = {
    "clerk.bad_pin": "Mã PIN phải gồm {min} đến {max} chữ số.",
    "clerk.no_name": "Cần nhập họ tên cán bộ.",
    "clerk.bad_role": "Vai trò {role!r} không hợp lệ; chọn một trong: {roles}.",
    "clerk.exists": "Đã có cán bộ tên {name}.",
    "clerk.pin_mismatch": "Hai lần nhập mã PIN không khớp.",
    "calendar.unreadable": "Không đọc được tệp lịch {file}: {error}",
    "calendar.bad_kind": "Loại ngày {kind!r} không hợp lệ; dùng OFF (nghỉ) hoặc WORK (làm bù).",
    "db.newer_schema": "Cơ sở dữ liệu {path} được tạo bởi phiên bản phần mềm mới hơn "
                       "(lược đồ {revision}). Hãy cập nhật Một Cửa Desk.",
    "db.upgraded": "Đã nâng cấp cơ sở dữ liệu {path}: {before} → {after}.",
    "db.up_to_date": "Cơ sở dữ liệu {path} đã ở phiên bản mới nhất ({after}).",
    "demo.seeded": "Đã tạo văn phòng mẫu {office} trong {path}.",
    "demo.clerks": "Tài khoản mẫu (tên — vai trò — mã PIN):",
}
EN = {
    "clerk.bad_pin": "The PIN must be {min} to {max} digits.",
    "clerk.no_name": "Enter the clerk's name.",
    "clerk.bad_role": "Role {role!r} is not valid; choose one of: {roles}.",
    "clerk.exists": "A clerk named {name} already exists.",
    "clerk.pin_mismatch": "The two PINs do not match.",
    "calendar.unreadable": "Cannot read calendar file {file}: {error}",
    "calendar.bad_kind": "Day kind {kind!r} is not valid; use OFF or WORK.",
    "db.newer_schema": "Database {path} was written by a newer release (schema {revision}). "
                       "Update Một Cửa Desk.",
    "db.upgraded": "Upgraded database {path}: {before} → {after}.",
    "db.up_to_date": "Database {path} is at the latest schema ({after}).",
    "demo.seeded": "Demo office {office} seeded into {path}.",
    "demo.clerks": "Demo accounts (name — role — PIN):",
}
