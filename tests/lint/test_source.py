from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint.source import DecodeError, SourceText


def test_positions_count_code_points_and_lines_split_on_lf_only() -> None:
    source = SourceText("ab\n中文\r字\n\nx")
    assert source.line_count == 4
    assert source.position(0) == (1, 1)
    assert source.position(3) == (2, 1)
    assert source.position(5) == (2, 3)  # the CR is an ordinary character
    assert source.position(6) == (2, 4)
    assert source.position(8) == (3, 1)
    assert source.position(len(source)) == (4, 2)
    assert source.line_text(2) == "中文\r字"


def test_astral_characters_are_one_column() -> None:
    source = SourceText("😀a")
    assert source.position(1) == (1, 2)


def test_span_and_offset_round_trip() -> None:
    source = SourceText("一\n二三\n")
    span = source.span(2, 4)
    assert (span.line, span.column, span.end_line, span.end_column) == (2, 1, 2, 3)
    assert source.offset(2, 2) == 3


def test_out_of_range_offset_is_an_error() -> None:
    with pytest.raises(ValueError):
        SourceText("a").position(2)


def test_decode_reports_the_first_bad_byte() -> None:
    with pytest.raises(DecodeError) as info:
        SourceText.decode("好\n".encode() + b"a\xffb")
    assert info.value.byte_offset == 5
    assert info.value.text_before == "好\na"


@given(st.text())
def test_position_and_offset_are_inverse(text: str) -> None:
    source = SourceText(text)
    for offset in range(0, len(text) + 1, max(1, len(text) // 7)):
        line, column = source.position(offset)
        assert source.offset(line, column) == offset
        assert line == text.count("\n", 0, offset) + 1


@given(st.text(alphabet="ab\n中\r"), st.integers(-2, 40), st.integers(-2, 40))
def test_span_lines_and_columns_are_the_positions_of_its_ends(text: str, start: int,
                                                              end: int) -> None:
    """`span` works its lines and columns out itself (no `position` calls): the same."""
    source = SourceText(text)
    try:
        expected = source.position(start), source.position(end)
    except ValueError:
        with pytest.raises(ValueError):
            source.span(start, end)
        return
    if start > end:
        with pytest.raises(ValueError):  # (pydantic's ValidationError is one)
            source.span(start, end)
        return
    span = source.span(start, end)
    assert ((span.line, span.column), (span.end_line, span.end_column)) == expected
    assert (span.offset, span.end_offset) == (start, end)
