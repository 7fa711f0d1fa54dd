"""The spoken call: the project's number words, joined from the clips shipped with the desk."""

from __future__ import annotations

from desk.lobby import speech
from desk.lobby.build_clips import vocabulary


def test_call_words_use_the_projects_number_words() -> None:
    assert speech.call_words("A105", 3) == "Mời số A một trăm linh năm đến quầy số ba"
    assert speech.call_words("B015", 12) == "Mời số Bê mười lăm đến quầy số mười hai"
    assert speech.call_words("C021", 4) == "Mời số Xê hai mươi mốt đến quầy số bốn"


def test_the_clips_of_a_call_say_its_words_in_order() -> None:
    files = speech.manifest()
    by_file = {v: k for k, v in files.items()}
    clips = speech.call_clips("A105", 3)
    assert [by_file[c] for c in clips] == [
        "chime", "mời số", "a", "một", "trăm", "linh", "năm", "đến quầy số", "ba"]
    # joined words say exactly the sentence (nothing dropped, nothing added)
    spoken = " ".join(by_file[c] for c in clips[1:])
    assert spoken == speech.call_words("A105", 3).lower()


def test_every_ticket_and_counter_can_be_spoken() -> None:
    available = set(speech.manifest()) - {speech.CHIME}
    for prefix in "ABCDĐEGHKLMNPQRSTUVXY":
        for n in (1, 5, 10, 14, 15, 21, 24, 55, 100, 105, 999, 1000, 1015):
            for counter in (1, 4, 10, 25):
                words = speech.call_words(f"{prefix}{n:03d}", counter)
                assert speech.clip_keys(words, available) is not None, words


def test_clips_are_small_opus_files_on_disk() -> None:
    files = speech.manifest()
    assert set(files) == {*vocabulary(), speech.CHIME}
    total = 0
    for name in files.values():
        data = (speech.AUDIO_DIR / name).read_bytes()
        assert data[:4] == b"OggS" and b"OpusHead" in data[:64], name
        total += len(data)
    assert total < 300_000  # shipped with the desk: keep them small


def test_a_word_without_a_clip_gives_a_silent_call_not_a_wrong_one() -> None:
    assert speech.clip_keys("mời số A một", {"mời số", "a"}) is None
    assert speech.clip_keys("mời số A một", {"mời số", "a", "một", "mời"}) == \
        ["mời số", "a", "một"]
