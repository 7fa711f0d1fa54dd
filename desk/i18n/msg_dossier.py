"""Messages for the dossier state machine: status and action labels, transition errors.

The words of desk.domain.states: "status.<STATUS>" and "action.<action>" (`label_key`).
"""

VI = {
    "status.RECEIVED": "Đã tiếp nhận",
    "status.TRANSFERRED": "Đã chuyển xử lý",
    "status.PROCESSING": "Đang xử lý",
    "status.SUPPLEMENT_REQUESTED": "Chờ bổ sung hồ sơ",
    "status.RESULT_READY": "Đã có kết quả, chờ trả",
    "status.RETURNED": "Đã trả kết quả",
    "status.REFUSED": "Từ chối giải quyết",
    "status.WITHDRAWN": "Công dân đã rút hồ sơ",
    "status.STOPPED": "Đã dừng giải quyết",
    "action.receive": "Tiếp nhận hồ sơ",
    "action.transfer": "Chuyển xử lý",
    "action.start_processing": "Bắt đầu xử lý",
    "action.request_supplement": "Yêu cầu bổ sung hồ sơ",
    "action.supplement_received": "Nhận hồ sơ bổ sung",
    "action.refuse": "Từ chối giải quyết",
    "action.result_ready": "Ghi nhận có kết quả",
    "action.return_result": "Trả kết quả",
    "action.withdraw": "Rút hồ sơ",
    "action.stop": "Dừng giải quyết",
    "dossier.no_status": "Chưa tiếp nhận",
    "dossier.none_allowed": "không có (hồ sơ đã kết thúc)",
    "dossier.illegal_transition": (
        "Không thể “{action_label}”: hồ sơ đang ở trạng thái “{status_label}”. "
        "Thao tác được phép lúc này: {allowed_labels}."
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
    "status.RECEIVED": "Received",
    "status.TRANSFERRED": "Transferred for processing",
    "status.PROCESSING": "Processing",
    "status.SUPPLEMENT_REQUESTED": "Awaiting supplementary documents",
    "status.RESULT_READY": "Result ready for return",
    "status.RETURNED": "Result returned",
    "status.REFUSED": "Refused",
    "status.WITHDRAWN": "Withdrawn by the citizen",
    "status.STOPPED": "Processing stopped",
    "action.receive": "Receive dossier",
    "action.transfer": "Transfer for processing",
    "action.start_processing": "Start processing",
    "action.request_supplement": "Request supplementary documents",
    "action.supplement_received": "Receive supplementary documents",
    "action.refuse": "Refuse",
    "action.result_ready": "Record result ready",
    "action.return_result": "Return result",
    "action.withdraw": "Withdraw dossier",
    "action.stop": "Stop processing",
    "dossier.no_status": "Not yet received",
    "dossier.none_allowed": "none (the dossier is closed)",
    "dossier.illegal_transition": (
        "Cannot “{action_label}”: the dossier is in state “{status_label}” ({status_label:vi}). "
        "Actions allowed now: {allowed_labels}."
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
