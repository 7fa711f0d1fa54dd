"""Help texts: `desk sync` --help."""

VI = {
    "help.sync": "đồng bộ với máy chủ tỉnh (gửi hàng đợi, nhận quyết định)",
    "help.sync.once": "chỉ chạy một lượt rồi thoát (mã thoát 3: mất mạng, 4: bị từ chối mã)",
    "help.sync.status": "tình trạng đồng bộ: chờ gửi, đã nhận, bị từ chối, lần cuối, con trỏ",
}
EN = {
    "help.sync": "sync with the province server (push the outbox, pull decisions)",
    "help.sync.once": "run one cycle and exit (exit 3: offline, 4: token refused)",
    "help.sync.status": "sync status: pending, acknowledged, rejected, last sync, cursor",
}
