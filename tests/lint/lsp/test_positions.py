"""Code-point offsets <-> LSP positions in UTF-8, UTF-16 and UTF-32."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint.lsp.positions import UTF8, UTF16, UTF32, LineIndex, negotiate, units

EMOJI = "\U0001F600"  # outside the BMP: 1 code point, 2 UTF-16 units, 4 UTF-8 bytes


@pytest.mark.parametrize(("offered", "chosen"), [
    (None, UTF16), ([], UTF16), (["utf-32", "utf-16"], UTF32), (["utf-8"], UTF8),
    (["latin-1", "utf-8"], UTF8), (["latin-1"], UTF16),
])
def test_negotiate_takes_the_clients_first_known_choice(offered, chosen) -> None:
    assert negotiate(offered) == chosen


@pytest.mark.parametrize(("text", "utf8", "utf16", "utf32"), [
    ("", 0, 0, 0), ("abc", 3, 3, 3), ("简·阿", 8, 3, 3), (EMOJI, 4, 2, 1),
    (f"a{EMOJI}b{EMOJI}", 10, 6, 4),
])
def test_units(text, utf8, utf16, utf32) -> None:
    assert (units(text, UTF8), units(text, UTF16), units(text, UTF32)) == (utf8, utf16, utf32)


@pytest.mark.parametrize(("encoding", "character"), [(UTF16, 5), (UTF8, 9), (UTF32, 4)])
def test_a_column_after_a_character_outside_the_bmp(encoding, character) -> None:
    text = f"x\n简{EMOJI}ab!"  # `!` is code point 4 of line 1
    index = LineIndex(text, encoding)
    offset = text.index("!")
    assert index.position(offset) == (1, character)
    assert index.offset(1, character) == offset


@pytest.mark.parametrize("text", ["a\nb\nc", "a\r\nb\r\nc", "a\rb\rc", "a\r\nb\nc"])
def test_cr_lf_and_crlf_all_end_a_line_for_lsp(text) -> None:
    index = LineIndex(text)
    assert index.position(text.index("c")) == (2, 0)
    assert index.offset(1, 0) == text.index("b")


def test_an_offset_inside_crlf_is_the_end_of_its_line() -> None:
    index = LineIndex("ab\r\ncd")
    assert index.position(3) == (0, 2)


def test_positions_past_the_end_clamp() -> None:
    index = LineIndex("ab\ncd")
    assert index.offset(0, 99) == 2  # past the end of a line: its end
    assert index.offset(7, 0) == 5  # past the last line: the end of the text
    assert index.offset(-1, 3) == 0
    assert index.end() == (1, 2)
    assert index.position(99) == (1, 2)


def test_half_a_surrogate_pair_rounds_down() -> None:
    index = LineIndex(f"a{EMOJI}b", UTF16)
    assert index.offset(0, 2) == 1  # between the two halves of the emoji
    assert index.offset(0, 3) == 2


def test_unknown_encoding_is_refused() -> None:
    with pytest.raises(ValueError, match="utf-7"):
        LineIndex("", "utf-7")


_TEXT = st.text(alphabet=st.sampled_from(["a", "简", EMOJI, "\n", "\r", " "]), max_size=40)


@given(_TEXT, st.sampled_from([UTF8, UTF16, UTF32]), st.data())
def test_round_trip(text: str, encoding: str, data: st.DataObject) -> None:
    index = LineIndex(text, encoding)
    offset = data.draw(st.integers(0, len(text)))
    line, character = index.position(offset)
    back = index.offset(line, character)
    if offset > 0 and text[offset - 1:offset + 1] == "\r\n":
        assert back == offset - 1  # inside CRLF: the end of the line
    else:
        assert back == offset
    # The character count matches an independent count of the line's prefix.
    prefix = text[:back].replace("\r\n", "\n").replace("\r", "\n").rsplit("\n", 1)[-1]
    assert character == len(prefix.encode("utf-16-le" if encoding == UTF16 else
                                          "utf-32-le" if encoding == UTF32 else "utf-8")) // (
        2 if encoding == UTF16 else 4 if encoding == UTF32 else 1)
