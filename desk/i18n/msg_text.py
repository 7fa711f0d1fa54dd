"""Messages of Vietnamese text handling (search folding, Telex/VNI input)."""

VI = {
    "text.input_method_unknown": (
        "Kiểu gõ “{method}” không được hỗ trợ. Hãy chọn một trong các kiểu: {known}."
    ),
    "text.tone_style_unknown": (
        "Kiểu đặt dấu “{style}” không có. Hãy chọn: {known} (old: hòa, thủy; new: hoà, thuỷ)."
    ),
}
EN = {
    "text.input_method_unknown": (
        "Input method “{method}” is not supported. Choose one of: {known}."
    ),
    "text.tone_style_unknown": (
        "Tone placement “{style}” does not exist. Choose: {known} (old: hòa, thủy; new: hoà, thuỷ)."
    ),
}
