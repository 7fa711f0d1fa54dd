"""Announcements: the words, the clips chosen, the fallbacks, never blocking."""

from __future__ import annotations

import time
import wave
from pathlib import Path

from desk.services.queue.announce import Announcer, chime_wav, join_wavs, split_clips

SENTENCE = "Xin mời công dân có số thứ tự A mười lăm đến quầy số hai"


def _clip(folder: Path, stem: str) -> None:
    with wave.open(str(folder / f"{stem}.wav"), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * 80)


def test_split_prefers_whole_phrases() -> None:
    have = {"xin_mời_công_dân_có_số_thứ_tự", "a", "mười", "lăm", "đến_quầy_số", "hai", "xin"}
    assert split_clips(SENTENCE, have) == [
        "xin_mời_công_dân_có_số_thứ_tự", "a", "mười", "lăm", "đến_quầy_số", "hai"]
    assert split_clips(SENTENCE, have - {"lăm"}) is None


def test_clips_backend_plans_chime_then_sentence_twice(tmp_path: Path) -> None:
    for stem in ("chime", "xin_mời_công_dân_có_số_thứ_tự", "a", "mười", "lăm", "đến_quầy_số",
                 "hai"):
        _clip(tmp_path, stem)
    ran: list[list[str]] = []
    a = Announcer(tmp_path, which=lambda n: "/usr/bin/aplay" if n == "aplay" else None,
                  run=lambda cmd, **_: ran.append(cmd))
    assert a.backend == "clips"
    plan = [Path(s.value).stem for s in a.plan("A015", 2)]
    one = ["xin_mời_công_dân_có_số_thứ_tự", "a", "mười", "lăm", "đến_quầy_số", "hai"]
    assert plan == ["chime", *one, *one]
    a.announce("A015", 2)
    a.wait_idle()
    assert ran and ran[0][0] == "aplay"
    with wave.open(ran[0][-1], "rb") as w:
        assert w.getnframes() == 80 * 13
    a.close()


def test_espeak_backend_gets_words_never_digits() -> None:
    ran: list[list[str]] = []
    a = Announcer(None, which=lambda n: f"/usr/bin/{n}" if n == "espeak-ng" else None,
                  run=lambda cmd, **_: ran.append(cmd))
    assert a.backend == "espeak"
    a.announce("A015", 2)
    a.wait_idle()
    assert ran == [["/usr/bin/espeak-ng", "-v", "vi", "-s", "140", SENTENCE]] * 2
    assert not any(ch.isdigit() for ch in ran[0][-1])
    a.close()


def test_silent_backend_has_a_note_and_never_blocks() -> None:
    def slow(cmd: list[str], **_: object) -> None:
        time.sleep(1)

    a = Announcer(None, which=lambda n: None, run=slow)
    assert a.backend == "silent" and a.note_key == "queue.audio.silent"
    t0 = time.perf_counter()
    a.announce("B002", 3)
    assert time.perf_counter() - t0 < 0.05
    a.wait_idle()
    assert a.spoken == ["Xin mời công dân có số thứ tự Bê hai đến quầy số ba"]
    a.close()


def test_chime_and_join(tmp_path: Path) -> None:
    c = chime_wav(tmp_path / "c.wav")
    out = join_wavs([c, c], tmp_path / "cc.wav")
    with wave.open(str(c), "rb") as one, wave.open(str(out), "rb") as two:
        assert two.getnframes() == 2 * one.getnframes()
