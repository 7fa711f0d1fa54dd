"""Spoken calls: a chime, then "Xin mời công dân có số thứ tự A mười lăm đến quầy số hai" twice.

Backends, best first (notes/queue.md §4):
1. recorded clips joined together — a folder of WAV files named by the words they say
   (`xin_mời_công_dân_có_số_thứ_tự.wav`, `đến_quầy_số.wav`, `mười.wav`, `lăm.wav`, `a.wav`,
   and `chime.wav`); longest phrase first, so an office may record whole phrases;
2. espeak-ng with the Vietnamese voice (`espeak-ng -v vi`), always handed words, never digits;
3. silent, with a note the screen shows.

Numbers become words through desk.domain.words. Playback runs on one daemon thread with a queue:
calls never overlap and `announce()` returns at once, so the UI never blocks.
"""

from __future__ import annotations

import logging
import math
import queue
import shutil
import struct
import subprocess
import tempfile
import threading
import unicodedata
import wave
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desk.domain.words import call_sentence
from desk.services.daemon import Daemon

log = logging.getLogger(__name__)

PLAYERS: tuple[tuple[str, ...], ...] = (
    ("paplay",), ("aplay", "-q"), ("pw-play",), ("afplay",),
    ("ffplay", "-nodisp", "-autoexit", "-loglevel", "quiet"),
)
MAX_PHRASE_WORDS = 10
REPEAT = 2


@dataclass(frozen=True)
class Step:
    """One thing to play: a WAV file, or a sentence for espeak-ng."""

    kind: str  # "wav" | "say"
    value: str


def clip_stem(words: Sequence[str]) -> str:
    """The file stem for a phrase: lower case, NFC, words joined by underscores."""
    return unicodedata.normalize("NFC", "_".join(w.lower() for w in words))


def split_clips(sentence: str, available: set[str]) -> list[str] | None:
    """The clip stems that say `sentence`, longest phrase first; None if a word has no clip."""
    words = sentence.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(MAX_PHRASE_WORDS, len(words) - i), 0, -1):
            stem = clip_stem(words[i:i + n])
            if stem in available:
                out.append(stem)
                i += n
                break
        else:
            return None
    return out


def chime_wav(path: Path, *, rate: int = 22050) -> Path:
    """A two-tone "ding-dong" written with the standard library (no asset to ship)."""
    frames = bytearray()
    for freq, secs in ((880.0, 0.35), (660.0, 0.55)):
        n = int(rate * secs)
        for i in range(n):
            fade = min(1.0, (n - i) / (rate * 0.1))
            frames += struct.pack("<h", int(9000 * fade * math.sin(2 * math.pi * freq * i / rate)))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(frames))
    return path


def join_wavs(parts: Sequence[Path], out: Path) -> Path:
    """Concatenate WAV files with the same format into `out`."""
    with wave.open(str(out), "wb") as dst:
        params = None
        for p in parts:
            with wave.open(str(p), "rb") as src:
                if params is None:
                    params = src.getparams()
                    dst.setparams(params)
                dst.writeframes(src.readframes(src.getnframes()))
    return out


class Announcer:
    """Speaks calls on a background thread. `backend` is "clips", "espeak" or "silent";
    `note_key` is the message to show about it (always set when silent)."""

    def __init__(self, clips_dir: Path | None = None, *, enabled: bool = True,
                 which: Callable[[str], str | None] = shutil.which,
                 run: Callable[..., object] = subprocess.run) -> None:
        self._which = which
        self._run = run
        self.enabled = enabled
        self.clips: dict[str, Path] = {}
        if clips_dir is not None and Path(clips_dir).is_dir():
            self.clips = {clip_stem([p.stem]): p for p in Path(clips_dir).glob("*.wav")}
        self.player = next((cmd for cmd in PLAYERS if which(cmd[0])), None)
        self.espeak = which("espeak-ng")
        if self.clips and self.player:
            self.backend = "clips"
        elif self.espeak:
            self.backend = "espeak"
        else:
            self.backend = "silent"
        self.note_key = f"queue.audio.{self.backend}"
        self._queue: queue.Queue[tuple[str, int] | None] = queue.Queue()
        self._daemon = Daemon("announcer", self._loop)
        self._tmp = Path(tempfile.mkdtemp(prefix="desk-announce-"))
        self.spoken: list[str] = []  # sentences handed to a backend (for tests and logs)

    def plan(self, label: str, counter: int) -> list[Step]:
        """What a call plays: the chime, then the sentence `REPEAT` times."""
        sentence = call_sentence(label, counter)
        chime = [Step("wav", str(self.clips["chime"]))] if "chime" in self.clips else []
        if self.backend == "clips":
            stems = split_clips(sentence, set(self.clips))
            if stems is not None:
                one = [Step("wav", str(self.clips[s])) for s in stems]
                return chime + one * REPEAT
        if self.espeak:
            if not chime and self.player:
                chime = [Step("wav", str(chime_wav(self._tmp / "chime.wav")))]
            return chime + [Step("say", sentence)] * REPEAT
        return []

    def announce(self, label: str, counter: int) -> None:
        """Queue a call to be spoken; returns at once."""
        if not self.enabled:
            return
        self._daemon.start()
        self._queue.put((label, counter))

    def wait_idle(self, timeout: float = 5.0) -> None:
        """Block until everything queued has been played (tests, benches)."""
        done = threading.Event()
        self._queue.put(None)
        self._idle = done
        done.wait(timeout)

    def close(self) -> None:
        self.enabled = False
        self._queue.put(None)
        shutil.rmtree(self._tmp, ignore_errors=True)

    _idle: threading.Event | None = None

    def _loop(self, _daemon: Daemon) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                if self._idle is not None:
                    self._idle.set()
                if not self.enabled:
                    return
                continue
            try:
                self._play(*item)
            except Exception:  # a sound problem must never reach the screen
                log.exception("announcing %s failed", item)

    def _play(self, label: str, counter: int) -> None:
        steps = self.plan(label, counter)
        self.spoken.append(call_sentence(label, counter))
        if self.backend == "clips" and steps and self.player:
            wavs = [Path(s.value) for s in steps if s.kind == "wav"]
            joined = join_wavs(wavs, self._tmp / "call.wav")
            self._run([*self.player, str(joined)], check=False, timeout=60)
            return
        for step in steps:
            if step.kind == "wav" and self.player:
                self._run([*self.player, step.value], check=False, timeout=30)
            elif step.kind == "say" and self.espeak:
                self._run([self.espeak, "-v", "vi", "-s", "140", step.value], check=False,
                          timeout=30)
