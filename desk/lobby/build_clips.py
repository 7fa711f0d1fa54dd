"""Build the voice clips of the spoken call (run at build time, the output is committed):

    python -m desk.lobby.build_clips [--voice vi] [--out DIR]

Each phrase and word a call can contain is spoken by espeak-ng (`-v vi`, an offline voice),
trimmed of its silence and encoded to Opus (opusenc), ~2 KB a word. An office may replace any
file with its own recording under the same name. Needs the Debian packages espeak-ng and
opus-tools; the desk itself never runs this.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import tempfile
import unicodedata
import wave
from array import array
from pathlib import Path

from desk.domain.words import DIGITS, LETTER_NAMES
from desk.lobby.speech import AUDIO_DIR, CHIME, MANIFEST, PHRASES
from desk.services.queue.announce import chime_wav

NUMBER_WORDS = ("mười", "mươi", "trăm", "linh", "mốt", "lăm", "tư", "nghìn", "triệu")
THRESHOLD = 400  # 16-bit amplitude under which a sample counts as silence
MARGIN_SECONDS = 0.02


def vocabulary() -> list[str]:
    words = {w.lower() for name in LETTER_NAMES.values() for w in name.split()}
    words |= set(DIGITS) | set(NUMBER_WORDS)
    return [*PHRASES, *sorted(words)]


def file_name(key: str) -> str:
    """ASCII file name for a clip: its letters without marks, plus a short hash (unique)."""
    ascii_key = unicodedata.normalize("NFD", key.replace("đ", "d")).encode("ascii", "ignore")
    plain = "-".join(ascii_key.decode().split()) or "clip"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]
    return f"{plain}-{digest}.opus"


def trim(src: Path, dst: Path) -> None:
    with wave.open(str(src), "rb") as w:
        params = w.getparams()
        samples = array("h", w.readframes(w.getnframes()))
    loud = [i for i, s in enumerate(samples) if abs(s) > THRESHOLD]
    margin = int(params.framerate * MARGIN_SECONDS)
    if loud:
        samples = samples[max(0, loud[0] - margin):loud[-1] + margin]
    with wave.open(str(dst), "wb") as w:
        w.setparams(params)
        w.writeframes(samples.tobytes())


def encode(wav: Path, out: Path) -> None:
    subprocess.run(["opusenc", "--quiet", "--bitrate", "24", str(wav), str(out)], check=True)


def build(out_dir: Path, voice: str = "vi") -> dict[str, str]:
    out_dir.mkdir(parents=True, exist_ok=True)
    names: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for key in vocabulary():
            raw, cut = work / "raw.wav", work / "cut.wav"
            subprocess.run(["espeak-ng", "-v", voice, "-s", "150", "-w", str(raw), key],
                           check=True)
            trim(raw, cut)
            names[key] = file_name(key)
            encode(cut, out_dir / names[key])
        names[CHIME] = "chime.opus"
        encode(chime_wav(work / "chime.wav"), out_dir / names[CHIME])
    (out_dir / MANIFEST.name).write_text(
        json.dumps(names, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return names


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--voice", default="vi")
    p.add_argument("--out", type=Path, default=AUDIO_DIR)
    args = p.parse_args()
    names = build(args.out, args.voice)
    size = sum((args.out / n).stat().st_size for n in names.values())
    print(f"{len(names)} clips, {size / 1024:.0f} KB in {args.out}")


if __name__ == "__main__":
    main()
