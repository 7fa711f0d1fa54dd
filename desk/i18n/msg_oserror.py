"""Why the system refused a file (desk/domain/os_errors.py), as a reader says it."""

VI = {
    "oserror.ENOENT": "không có tệp hoặc thư mục này",
    "oserror.EACCES": "không có quyền truy cập",
    "oserror.EISDIR": "đây là một thư mục, không phải tệp",
    "oserror.ENOTDIR": "một phần của đường dẫn không phải thư mục",
    "oserror.EEXIST": "đã có tệp trùng tên",
}
EN = {
    "oserror.ENOENT": "no such file or folder",
    "oserror.EACCES": "permission denied",
    "oserror.EISDIR": "this is a folder, not a file",
    "oserror.ENOTDIR": "part of the path is not a folder",
    "oserror.EEXIST": "a file of that name already exists",
}
