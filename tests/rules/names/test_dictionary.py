"""N006 dictionary: the built-in entries, user files, their load-time checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from rules.names.dictionary import Dictionary
from tests.support import SAMPLE, article_text, fixed, positions, run

WORDS = r"""
[[entry]]
wrong = "美国之声"
right = "美国之音"
examples = ["据美国之声报道"]

[[entry]]
wrong = "(\\d+)多名"
right = "\\1余名"
regex = true
context = "死亡|受伤"
examples = ["导致40多名平民受伤"]
counter-examples = ["40多名学生参加"]
"""


@pytest.fixture
def words(tmp_path: Path) -> str:
    path = tmp_path / "words.toml"
    path.write_text(WORDS, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("body", "expected"), [
    ("<p>他寻求美国对巴基斯坦反恐担忧的同期与支持。</p>", ["5:19 N006"]),
    ("<p>与去年同期相比，支持率上升。</p>", []),
    ("<p>美国表示同情和理解。</p>", []),
    ("<p>我们要再接再励。</p>", ["5:7 N006"]),
])
def test_builtin(body: str, expected: list[str]) -> None:
    assert positions(run(Dictionary, article_text(body))) == expected


def test_builtin_can_be_turned_off() -> None:
    assert run(Dictionary, article_text("<p>同期与支持</p>"), builtin=False) == []


@pytest.mark.parametrize(("body", "expected"), [
    ("<p>据美国之声报道</p>", ["5:5 N006"]),
    ("<p>导致40多名平民受伤</p>", ["5:6 N006"]),
    ("<p>40多名学生参加</p>", []),  # the context is missing
])
def test_user_file(words: str, body: str, expected: list[str]) -> None:
    assert positions(run(Dictionary, article_text(body), paths=(words,))) == expected


def test_safe_fix(words: str) -> None:
    text = article_text("<p>据美国之声报道，导致40多名平民受伤，同期与支持。</p>")
    after = article_text("<p>据美国之音报道，导致40余名平民受伤，同情与支持。</p>")
    assert fixed(Dictionary, text, paths=(words,)) == after


def test_sample_tongqi() -> None:
    found = run(Dictionary, SAMPLE.read_text("utf-8"))
    assert positions(found) == ["5:497 N006"]
    assert found[0].fix is not None and found[0].fix.edits[0].content == "同情与支持"


def test_reference_in_match_gets_no_fix() -> None:
    found = run(Dictionary, article_text("<p>同期&#19982;支持</p>"))
    assert positions(found) == ["5:4 N006"] and found[0].fix is None


@pytest.mark.parametrize(("content", "problem"), [
    ('[[entry]]\nwrong = "美国之声"\nright = "美国之音"\nexamples = ["美国之音"]\n',
     "[[entry]] #1: example `美国之音` is not flagged"),
    ('[[entry]]\nwrong = "之声"\nright = "之声音"\nexamples = ["美国之声"]\n',
     "is still flagged after its fix"),
    ('[[entry]]\nwrong = "(ab"\nright = "x"\nregex = true\n', "bad regular expression"),
    ('[[entry]]\nwrong = "a"\nright = "b"\ncounter-examples = ["a"]\n',
     "counter-example `a` is flagged"),
    ('[[entry]]\nright = "b"\n', "`wrong`: Field required"),
    ('[[entry]]\nwrong = "(a)"\nright = "\\\\2"\nregex = true\n', "refers to group `2`"),
    ('[[entry]]\nwrong = "a"\nright = "b"\ncontext = "(x"\n', "bad regular expression"),
    ('entry = "x"\n', "must be an array of tables"),
])
def test_bad_file_is_a_config_error(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "words.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        Dictionary.Options(paths=(str(path),))
    message = str(error.value)
    assert str(path) in message and problem in message


def test_anchored_entries_match_at_the_start_of_each_paragraph(tmp_path: Path) -> None:
    # Runs are checked one by one: `^` means the start of a paragraph's text, even though
    # entries are first screened against the whole article at once.
    path = tmp_path / "anchored.toml"
    path.write_text('[[entry]]\nwrong = "^据报导"\nright = "据报道"\nregex = true\n'
                    'examples = ["据报导，双方会谈。"]\n', encoding="utf-8")
    body = "<p>第一段。</p><p>据报导，双方会谈。</p><p>他说据报导不实。</p>"
    found = run(Dictionary, article_text(body), paths=(str(path),), builtin=False)
    assert positions(found) == ["5:15 N006"]


def test_the_builtin_dictionary_built_without_validation_equals_validated() -> None:
    from rules.names._userfiles import builtin_dictionary

    trusted, validated = builtin_dictionary(), builtin_dictionary(validate=True)
    assert len(trusted) == len(validated) > 0
    for made, checked in zip(trusted, validated):
        assert type(made) is type(checked)
        assert made == checked and repr(made) == repr(checked)
        assert made.model_dump() == checked.model_dump()
        assert made.pattern.pattern == checked.pattern.pattern
        assert all(type(getattr(made, name)) is type(getattr(checked, name))
                   for name in type(made).model_fields)
        for example in made.examples + made.counter_examples:
            assert made.find(example) == checked.find(example)
