"""Configuration messages."""

VI = {
    "config.missing": "Không tìm thấy tệp cấu hình {file}.",
    "config.unreadable": "Không đọc được tệp cấu hình {file}: {error}.",
    "config.encoding": "Tệp cấu hình {file} phải lưu dạng UTF-8.",
    "config.syntax": "Tệp cấu hình {file} sai cú pháp TOML: {error}",
    "config.invalid": "Tệp cấu hình {file}, mục `{key}`: {problem}",
    "config.p.missing": "thiếu giá trị bắt buộc",
    "config.p.extra": "mục không được hỗ trợ (kiểm tra chính tả)",
    "config.p.string": "phải là chuỗi ký tự trong ngoặc kép",
    "config.p.int": "phải là số nguyên (đã ghi {value!r})",
    "config.p.bool": "phải là true hoặc false",
    "config.p.literal": "chỉ nhận một trong các giá trị {expected} (đã ghi {value!r})",
    "config.p.pattern": "giá trị {value!r} không đúng dạng yêu cầu",
    "config.p.ge": "phải lớn hơn hoặc bằng {ge} (đã ghi {value!r})",
}
EN = {
    "config.missing": "Configuration file {file} not found.",
    "config.unreadable": "Cannot read configuration file {file}: {error}.",
    "config.encoding": "Configuration file {file} must be saved as UTF-8.",
    "config.syntax": "Configuration file {file} is not valid TOML: {error}",
    "config.invalid": "Configuration file {file}, key `{key}`: {problem}",
    "config.p.missing": "a required value is missing",
    "config.p.extra": "unknown key (check the spelling)",
    "config.p.string": "must be a quoted string",
    "config.p.int": "must be a whole number (got {value!r})",
    "config.p.bool": "must be true or false",
    "config.p.literal": "must be one of {expected} (got {value!r})",
    "config.p.pattern": "value {value!r} has the wrong form",
    "config.p.ge": "must be at least {ge} (got {value!r})",
}
