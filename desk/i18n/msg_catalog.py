"""Catalog import messages."""

VI = {
    "catalog.unreadable": "Không đọc được tệp danh mục {file}: {error}.",
    "catalog.bad_json": "Tệp danh mục {file} không phải JSON hợp lệ: {error}",
    "catalog.bad_encoding": "Tệp danh mục {file} phải lưu dạng UTF-8.",
    "catalog.csv_columns": "Tệp CSV {file} thiếu cột: {columns}.",
    "catalog.csv_versions": "Tệp CSV {file} có nhiều số phiên bản khác nhau ({versions}); "
                            "mỗi tệp chỉ một phiên bản.",
    "catalog.bad_entry": "Tệp danh mục {file} bị từ chối toàn bộ: mục {entry} (mã {code}), "
                         "trường `{key}`: {problem}",
    "catalog.duplicate": "Tệp danh mục {file} bị từ chối: mã thủ tục {code} xuất hiện hai lần.",
    "catalog.unknown_field": "Tệp danh mục {file} bị từ chối: thủ tục thứ {index} (mã {code}) "
                             "thuộc lĩnh vực {field} chưa khai báo trong mục fields.",
    "catalog.version_reused": "Phiên bản danh mục {version} đã được nhập với nội dung khác. "
                              "Một phiên bản đã ban hành không được sửa: hãy tăng số phiên bản.",
    "catalog.older": "Phiên bản danh mục {version} cũ hơn phiên bản đang dùng ({current}).",
    "catalog.imported": "Đã nhập danh mục phiên bản {version}: {procedures} thủ tục.",
    "catalog.unchanged": "Danh mục phiên bản {version} đã có sẵn, không thay đổi gì.",
}
EN = {
    "catalog.unreadable": "Cannot read catalog file {file}: {error}.",
    "catalog.bad_json": "Catalog file {file} is not valid JSON: {error}",
    "catalog.bad_encoding": "Catalog file {file} must be saved as UTF-8.",
    "catalog.csv_columns": "CSV file {file} lacks columns: {columns}.",
    "catalog.csv_versions": "CSV file {file} mixes catalog versions ({versions}); one per file.",
    "catalog.bad_entry": "Catalog file {file} rejected whole: entry {entry} (code {code}), "
                         "field `{key}`: {problem}",
    "catalog.duplicate": "Catalog file {file} rejected: procedure code {code} appears twice.",
    "catalog.unknown_field": "Catalog file {file} rejected: procedure {index} (code {code}) "
                             "names field {field}, which is not declared under fields.",
    "catalog.version_reused": "Catalog version {version} was already imported with other "
                              "content. A published version is never edited: raise the version.",
    "catalog.older": "Catalog version {version} is older than the one in use ({current}).",
    "catalog.imported": "Imported catalog version {version}: {procedures} procedures.",
    "catalog.unchanged": "Catalog version {version} is already present; nothing changed.",
}
