"""N005 glossary: the TOML format, its load-time checks and the rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from rules.names.glossary import Glossary
from tests.support import article_text, fixed, positions, run

GLOSSARY = """
[[name]]
zh = "阿西姆·穆尼尔"
en = "Asim Munir"
variants = ["Asim Muneer"]
examples = ["阿西姆·穆尼尔（Asim Muneer）"]
counter-examples = ["阿西姆·穆尼尔（Asim Munir）", "穆尼尔（Asim Munir）"]
"""


@pytest.fixture
def glossary(tmp_path: Path) -> str:
    path = tmp_path / "names.toml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("body", "expected"), [
    ("<p>参谋长阿西姆·穆尼尔（Asim Muneer）说</p>", ["5:15 N005"]),
    ("<p>参谋长阿西姆•穆尼尔（Asim Munro）说</p>", ["5:15 N005"]),  # any separator
    ("<p>参谋长阿西姆·穆尼尔（Asim Munir）说</p>", []),
    ("<p>参谋长穆尼尔（Asim Munir）说</p>", []),  # the surname alone
    ("<p>参谋长阿西姆·穆尼（Asim Munir）说</p>", ["5:7 N005"]),  # the Chinese side
    ("<p>据Asim Muneer说</p>", ["5:5 N005"]),  # a variant anywhere
    ("<p>据Asim Muneers说</p>", []),  # not inside a longer word
])
def test_table(glossary: str, body: str, expected: list[str]) -> None:
    assert positions(run(Glossary, article_text(body), paths=(glossary,))) == expected


def test_safe_fix(glossary: str) -> None:
    text = article_text("<p>阿西姆·穆尼尔（Asim Muneer）和阿西姆·穆尼（Asim Munir）</p>")
    after = article_text("<p>阿西姆·穆尼尔（Asim Munir）和阿西姆·穆尼尔（Asim Munir）</p>")
    assert fixed(Glossary, text, paths=(glossary,)) == after


def test_no_glossary_no_diagnostics() -> None:
    assert run(Glossary, article_text("<p>阿西姆·穆尼尔（Asim Muneer）</p>")) == []


@pytest.mark.parametrize(("content", "problem"), [
    ('[[name]]\nzh = "阿西姆·穆尼尔"\nen = "Asim Munir"\nexamples = ["阿西姆·穆尼尔（Asim Munir）"]\n',
     "[[name]] #1: example `阿西姆·穆尼尔（Asim Munir）` is not flagged"),
    ('[[name]]\nzh = "阿西姆·穆尼尔"\nen = "Asim Munir"\ncounter-examples = ["阿西姆·穆尼尔（Asim Muneer）"]\n',
     "[[name]] #1: counter-example `阿西姆·穆尼尔（Asim Muneer）` is flagged"),
    ('[[name]]\nzh = "阿西姆·穆尼尔"\n', "[[name]] #1: `en`: Field required"),
    ('[[name]]\nzh = "阿西姆·穆尼尔"\nen = "Asim Munir"\nspelling = "x"\n',
     "[[name]] #1: `spelling`: Extra inputs are not permitted"),
    ('[[names]]\nzh = "x"\n', "unknown key `names`"),
    ("[[name]\n", "not valid TOML"),
])
def test_bad_file_is_a_config_error(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "names.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        Glossary.Options(paths=(str(path),))
    message = str(error.value)
    assert str(path) in message and problem in message


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="cannot read"):
        Glossary.Options(paths=(str(tmp_path / "nope.toml"),))
