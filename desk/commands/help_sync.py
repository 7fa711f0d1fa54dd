"""Help texts of `desk sync`."""

VI = {
    "sync": "đồng bộ với máy chủ tỉnh (gửi hàng đợi, nhận quyết định)",
    "sync.once": "chỉ chạy một lượt rồi thoát (mã thoát 3: mất mạng, 4: bị từ chối mã)",
    "sync.status": "tình trạng đồng bộ: chờ gửi, đã nhận, bị từ chối, lần cuối, con trỏ",
}
EN = {
    "sync": "sync with the province server (push the outbox, pull decisions)",
    "sync.once": "run one cycle and exit (exit 3: offline, 4: token refused)",
    "sync.status": "sync status: pending, acknowledged, rejected, last sync, cursor",
}


def helps_for(base: dict[str, str]) -> dict[str, str]:
    return EN if base.get("usage_error") == "usage error" else VI
