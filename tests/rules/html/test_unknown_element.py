"""H005 unknown-element."""

from __future__ import annotations

import pytest

from lint import Severity
from rules.html.unknown_element import UnknownElement
from tests.support import SAMPLE, article_text, positions, run


@pytest.mark.parametrize(("body", "expected"), [
    ("<p><font color=red>x</font><center>y</center><big>z</big><wbr></p>", []),
    ("<p><stong>x</stong></p>", ["5:4 H005"]),
    ("<p>x<o:p></o:p></p>", ["5:5 H005"]),
    ("<p><twitter-widget>x</twitter-widget></p>", ["5:4 H005"]),
    ("<P><STONG>x</STONG></P>", ["5:4 H005"]),
    ('<svg viewBox="0 0 1 1"><path d="M0 0"/><linearGradient></linearGradient></svg>', []),
    ("<math><mi>x</mi></math>", []),
    ("<p><x\"y>z</p>", []),  # not a readable name: a syntax error, reported by H001
])
def test_positions(body: str, expected: list[str]) -> None:
    found = run(UnknownElement, article_text(body))
    assert positions(found) == expected
    assert all(d.severity is Severity.WARNING for d in found)


def test_options_allow_names_and_custom_elements() -> None:
    body = article_text("<p><o:p>x</o:p><my-box>y</my-box></p>")
    assert positions(run(UnknownElement, body, allowed_elements=("O:P",))) == ["5:16 H005"]
    assert positions(run(UnknownElement, body, allow_custom_elements=True)) == ["5:4 H005"]
    assert UnknownElement.Options.model_validate(
        {"allowed-elements": ["o:p"], "allow-custom-elements": True}).allow_custom_elements


@pytest.mark.parametrize(("body", "part"), [
    ("<p><stong>x</stong></p>", "`<stong>` is not an HTML element; did you mean `<strong>`?"),
    ("<p><o:p>x</o:p></p>", "namespaced markup from another format"),
    ("<p><my-box>x</my-box></p>", "custom element whose script is not archived"),
    ("<p><zzqx>x</zzqx></p>", "replace it with a standard element"),
])
def test_messages_say_what_to_do(body: str, part: str) -> None:
    (diagnostic,) = run(UnknownElement, article_text(body))
    assert part in diagnostic.message


def test_the_sample_is_clean() -> None:
    assert run(UnknownElement, SAMPLE.read_text(encoding="utf-8")) == []
