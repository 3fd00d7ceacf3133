"""The engine's records (attributes, text nodes, comments, elements, the parsed body, the
body, the article, the source text, a file's result, checked state and outcome) are plain
classes with slots, not dataclasses (each dataclass costs start-up time to create): they
behave as the dataclasses they replace, which are rebuilt here as the reference."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from lint.article import Article, Body
from lint.engine import FileResult
from lint.fix_run import Checked, Outcome
from lint.html import ParsedBody
from lint.html_tree import Attribute, Comment, Element, TextNode
from lint.source import SourceText
from tests.support import SAMPLE, parse


def _reference(cls: type, fields: list[tuple[str, Any]], hidden: tuple[str, ...] = (),
               eq: bool = False) -> type:
    """The dataclass `cls` was: `fields` as (name, default or MISSING or a factory)."""
    spec = []
    for name, default in fields:
        if default is dataclasses.MISSING:
            spec.append((name, Any))
        elif callable(default):
            spec.append((name, Any, dataclasses.field(default_factory=default,
                                                      repr=name not in hidden)))
        else:
            spec.append((name, Any, dataclasses.field(default=default, repr=name not in hidden)))
    return dataclasses.make_dataclass(cls.__name__, spec, slots=True, eq=eq)


M = dataclasses.MISSING
REFERENCES = {
    Attribute: _reference(Attribute, [("name", M), ("name_start", M), ("name_end", M),
                                      ("value", None), ("value_start", None),
                                      ("value_end", None), ("quote", ""), ("end", -1)]),
    TextNode: _reference(TextNode, [("start", M), ("end", M), ("raw", M), ("parent", M)]),
    Comment: _reference(Comment, [("start", M), ("end", M), ("content_start", M),
                                  ("content_end", M), ("content", M)]),
    Element: _reference(Element, [("tag", M), ("start", M), ("end", M), ("parent", None),
                                  ("attributes", list), ("children", list),
                                  ("self_closing", False), ("close_start", None),
                                  ("close_end", None), ("depth", 0), ("_content_end", None)]),
    Body: _reference(Body, [("start", M), ("end", M), ("parsed", M)]),
    Article: _reference(Article, [("path", M), ("source", M), ("header", M), ("body", M),
                                  ("profiles", None), ("_derived", dict), ("_lxml", None)],
                        hidden=("_derived", "_lxml")),
    ParsedBody: _reference(ParsedBody, [("root", M), ("elements", M), ("comments", M),
                                        ("problems", M), ("runs", M)], eq=True),
    FileResult: _reference(FileResult, [("path", M), ("source", M), ("diagnostics", list),
                                        ("facts", dict), ("summary", dict)], eq=True),
    Checked: _reference(Checked, [("result", M), ("suppressions", M)], eq=True),
    Outcome: _reference(Outcome, [("checked", M), ("fixed", 0), ("text", None), ("diff", ""),
                                  ("written", False), ("notes", list), ("content", None),
                                  ("stat", None), ("rows", None)], eq=True),
}
EQUAL = (ParsedBody, FileResult, Checked, Outcome)

CALLS: list[tuple[type, tuple[Any, ...], dict[str, Any]]] = [
    (Attribute, ("href", 3, 7), {}),
    (Attribute, ("alt", 3, 6, "x", 8, 9, '"', 10), {}),
    (Attribute, ("alt", 3, 6), {"quote": "'", "end": 12}),
    (TextNode, (1, 2, "x", None), {}),
    (Comment, (0, 9, 4, 6, " c "), {}),
    (Element, ("p", 0, 3), {}),
    (Element, ("img", 0, 3, None, [], [], True, None, None, 2, 3), {}),
    (Element, ("p", 0, 3), {"depth": 1, "_content_end": 5, "close_start": 5}),
    (Body, (4, 9, None), {}),
    (Article, ("a.md", None, None, None), {}),
    (Article, ("a.md", None, None, None, "profiles"), {"_lxml": None}),
    (ParsedBody, (None, [], [], [], []), {}),
    (FileResult, ("a.md", None), {}),
    (FileResult, ("a.md", None, [], {"N004": {"x": 1}}), {"summary": {"m": 2}}),
    (Checked, (None, None), {}),
    (Outcome, (None,), {}),
    (Outcome, (None, 2, "t", "d", True, ["n"], "h", (1, 2, 3, 4), [("r",)]), {}),
    (Outcome, (None,), {"rows": [], "notes": ["x"]}),
]


@pytest.mark.parametrize(("cls", "args", "kwargs"), CALLS)
def test_records_behave_as_their_dataclasses(cls: type, args: tuple[Any, ...],
                                             kwargs: dict[str, Any]) -> None:
    reference = REFERENCES[cls]
    ours, theirs = cls(*args, **kwargs), reference(*args, **kwargs)
    assert repr(ours) == repr(theirs)
    assert cls.__match_args__ == reference.__match_args__
    assert set(cls.__slots__) == set(reference.__slots__)
    assert not hasattr(ours, "__dict__")
    names = [f.name for f in dataclasses.fields(reference)]
    assert [getattr(ours, n) for n in names] == [getattr(theirs, n) for n in names]
    twin = cls(*args, **kwargs)
    if cls in EQUAL:  # compared field by field, and unhashable
        assert ours == twin and (ours != theirs) is True and cls.__hash__ is None
        assert ours != cls(*args[:-1], "other", **kwargs) if len(args) > 1 else True
    else:  # identity
        assert ours == ours and ours != twin and hash(ours) != hash(twin)


def test_a_source_text_compares_by_its_text() -> None:
    assert SourceText("a\nb") == SourceText("a\nb") != SourceText("a\nc")
    assert SourceText.__hash__ is None and SourceText.__match_args__ == ("text",)
    assert repr(SourceText("a\nb")) == "SourceText(text='a\\nb')"


def test_new_lists_and_dicts_are_not_shared() -> None:
    first, second = Element("p", 0, 3), Element("p", 0, 3)
    assert first.attributes is not second.attributes
    assert first.children is not second.children
    assert Article("a", None, None, None)._derived is not \
        Article("a", None, None, None)._derived  # type: ignore[arg-type]


def test_a_parsed_tree_reprs_as_before() -> None:
    """Elements point at their parents and children: the repr stops where it comes back
    to an object already being shown, as a dataclass's does."""
    article = parse(SAMPLE.read_text(encoding="utf-8"))
    body = article.body
    assert body is not None
    element = body.elements[0]
    shown = repr(element)
    assert shown.startswith("Element(tag=") and "parent=Element(tag='#fragment'" in shown
    assert "children=[...]" in shown or "..." in shown
    assert repr(article).startswith("Article(path=")
    assert repr(SourceText("x")) == "SourceText(text='x')"
