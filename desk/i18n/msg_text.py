"""Messages of Vietnamese text handling (search folding, Telex/VNI input)."""

VI = {
    "text.input_method_unknown": (
        "Kiểu gõ “{method}” không được hỗ trợ. Hãy chọn một trong các kiểu: {known}."
    ),
}
EN = {
    "text.input_method_unknown": (
        "Input method “{method}” is not supported. Choose one of: {known}."
    ),
}
