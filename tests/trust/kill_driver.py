"""Kill the desk with SIGKILL at random moments while it takes dossiers in (and, when the queue
CLI exists, issues and calls numbers) — run by tests/trust/test_kill.py in its own process.

The driver imports the desk once, then forks a child per round; the child runs the real
command line (`desk.cli.main(["dossier", "receive", …])`, `["queue", "issue", …]`,
`["queue", "call", …]`) in a loop, each command announced on the pipe before it starts, its
output line-buffered to the same pipe. The driver SIGKILLs the child after a random delay,
then records what each command had printed before it died. A code on the pipe is a
confirmation the clerk would have seen.

usage: python kill_driver.py CONFIG KILLS MAX_DELAY_S SEED OUT.json [PROCEDURES [SCRATCH_CONFIG]]
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from pathlib import Path

CODE_PREFIX = "000.00.00.H41-"


def _child(write_fd: int, seed: int, procedures: list[str], services: list[str]) -> None:
    out = os.fdopen(write_fd, "w", buffering=1, encoding="utf-8")  # line-buffered
    sys.stdout = out
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    from desk.cli import main

    rnd = random.Random(seed)
    n = 0
    while True:
        n += 1
        roll = rnd.random()
        if services and roll < 0.2:
            argv, kind = ["queue", "issue", rnd.choice(services), "--no-print"], "issue"
        elif services and roll < 0.3:
            argv, kind = ["queue", "call", str(rnd.randint(1, 3))], "call"
        else:
            name = rnd.choice(["Nguyễn Văn Hiệp", "Trần Thị Bích", "Lê Hoàng", "Phạm Thu Hà"])
            argv = ["dossier", "receive", "--procedure", rnd.choice(procedures),
                    "--name", f"{name} {seed}-{n}", "--no-print"]
            kind = "receive"
        out.write(f"@@ {kind}\n")
        main(argv)
        out.write("@@ end\n")


def _parse(text: str) -> list[dict[str, str | None]]:
    actions: list[dict[str, str | None]] = []
    current: dict[str, str | None] | None = None
    for line in text.splitlines():
        if line.startswith("@@ "):
            word = line[3:].strip()
            if word == "end":
                if current is not None:
                    current["finished"] = "yes"
                current = None
            else:
                current = {"kind": word, "confirmed": None, "finished": None}
                actions.append(current)
        elif current is not None and current["confirmed"] is None and line.strip():
            current["confirmed"] = line.strip()
    return actions


def _warm(scratch_config: Path, with_queue: bool) -> None:
    import gc
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from desk.cli import main as desk_main

    os.environ["DESK_CONFIG"] = str(scratch_config)
    sink = io.StringIO()
    with redirect_stdout(sink), redirect_stderr(sink):
        desk_main(["dossier", "receive", "--procedure", "1.004873", "--name", "Khởi Động",
                   "--no-print"])
        if with_queue:
            desk_main(["queue", "issue", "HT", "--no-print"])
            desk_main(["queue", "call", "1"])
    gc.collect()


def main() -> int:
    config, kills, max_delay, seed, out_path = (sys.argv[1], int(sys.argv[2]),
                                                float(sys.argv[3]), int(sys.argv[4]),
                                                Path(sys.argv[5]))
    # Import everything a command needs once, before forking (and open no database here).
    import desk.cli
    import desk.commands.dossier
    import desk.services.dossier.intake
    import desk.services.dossier.lifecycle
    import storage.tables  # noqa: F401
    from storage import migrate

    migrate.head_revisions()
    with_queue = False
    try:
        import desk.commands.queue
        import desk.services.queue.tickets

        with_queue = True
    except ImportError:
        pass
    _ = desk.cli
    if len(sys.argv) > 7:  # warm the lazy imports and caches on a scratch copy of the office
        _warm(Path(sys.argv[7]), with_queue)
    os.environ["DESK_CONFIG"] = config
    procedures = sys.argv[6].split(",") if len(sys.argv) > 6 else ["1.004873"]
    services = ["HT", "CT"] if with_queue else []
    rnd = random.Random(seed)
    rounds = []
    started = time.monotonic()
    for i in range(kills):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(r)
            try:
                _child(w, seed * 100_000 + i, procedures, services)
            finally:
                os._exit(0)
        os.close(w)
        delay = rnd.uniform(0.0, max_delay)
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        chunks = []
        while True:
            b = os.read(r, 65536)
            if not b:
                break
            chunks.append(b)
        os.close(r)
        text = b"".join(chunks).decode("utf-8", errors="replace")
        rounds.append({"delay": round(delay, 4), "actions": _parse(text)})
    out_path.write_text(json.dumps({"rounds": rounds, "queue": with_queue,
                                    "seconds": round(time.monotonic() - started, 1)},
                                   ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
