"""Messages about scans sent to the district (desk sync, the sync screen)."""

VI = {
    "sync.attachments": (
        "Bản quét chờ gửi: {pending} ({kb} KB) · đã gửi: {done} · thiếu tệp: {missing} · "
        "lỗi: {failed}"
    ),
    "sync.attachments_sent": "Đã gửi {uploaded} bản quét ({kb} KB); còn chờ: {why}.",
    "sync.attachments_why.done": "không",
    "sync.attachments_why.events": "gửi sự kiện mới trước",
    "sync.attachments_why.budget": "lượt sau",
    "sync.attachments_why.other": "mất kết nối, gửi tiếp từ chỗ dừng",
}
EN = {
    "sync.attachments": (
        "Scans waiting: {pending} ({kb} KB) · sent: {done} · file missing: {missing} · "
        "failed: {failed}"
    ),
    "sync.attachments_sent": "Sent {uploaded} scans ({kb} KB); still waiting: {why}.",
    "sync.attachments_why.done": "none",
    "sync.attachments_why.events": "new events go first",
    "sync.attachments_why.budget": "next cycle",
    "sync.attachments_why.other": "link lost, resumes where it stopped",
}
