"""Messages for the dossier state machine: status and action labels, transition errors.

The labels are data in desk.domain.states (one source for screens and for the error params);
they are published here under the keys "status.<STATUS>" and "action.<action>".
"""

from desk.domain.states import LABELS_EN, LABELS_VI

VI = {
    **LABELS_VI,
    "dossier.illegal_transition": (
        "Không thể “{action_vi}”: hồ sơ đang ở trạng thái “{status_vi}”. "
        "Thao tác được phép lúc này: {allowed_vi}."
    ),
    "dossier.unknown_action": "Thao tác “{action}” không có trong quy trình hồ sơ.",
    "dossier.unknown_status": "Trạng thái “{status}” không có trong quy trình hồ sơ.",
    "dossier.resume_invalid": (
        "Không biết hồ sơ bổ sung phải trở về bước nào (nhận được: “{resume_to}”). "
        "Hồ sơ chỉ trở về “Đã tiếp nhận”, “Đã chuyển xử lý” hoặc “Đang xử lý”; "
        "hãy kiểm tra nhật ký của hồ sơ."
    ),
    "dossier.no_events": (
        "Hồ sơ chưa có sự kiện tiếp nhận nên không dựng lại được trạng thái. "
        "Hãy kiểm tra nhật ký của hồ sơ."
    ),
}

EN = {
    **LABELS_EN,
    "dossier.illegal_transition": (
        "Cannot “{action_en}”: the dossier is in state “{status_en}” ({status_vi}). "
        "Actions allowed now: {allowed_en}."
    ),
    "dossier.unknown_action": "“{action}” is not a step of the dossier workflow.",
    "dossier.unknown_status": "“{status}” is not a state of the dossier workflow.",
    "dossier.resume_invalid": (
        "Unknown step to return to after the supplement (got “{resume_to}”). A dossier can only "
        "return to Received, Transferred or Processing; check the dossier's event log."
    ),
    "dossier.no_events": (
        "The dossier has no receipt event, so its state cannot be rebuilt. "
        "Check the dossier's event log."
    ),
}
