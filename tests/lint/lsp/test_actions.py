"""Code actions and the linting helpers, in-process (the stdio session is test_server)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint import Applicability, Diagnostic, Edit, Fix, Severity, SourceText
from lint.lsp import linting
from lint.lsp.positions import LineIndex

pytest.importorskip("pygls", reason="the `lsp` extra (pygls) is not installed")

from lsprotocol import types  # noqa: E402

from lint.lsp.server import Linted, code_actions, to_lsp  # noqa: E402

TEXT = "<!--1702517943000-->\n[t](https://x.com/a)\n------\n\n<p>\U0001F600 an Achakzai</p>\n"


def _diagnostic(applicability: Applicability) -> Diagnostic:
    source = SourceText(TEXT)
    start = TEXT.index("an ")
    return Diagnostic(code="Z001", name="test-rule", severity=Severity.WARNING,
                      message="the gloss lost its first letter", path="a.md",
                      span=source.span(start, start + 2),
                      fix=Fix(applicability=applicability, message="Replace with `Jan`",
                              edits=(Edit(offset=start, end_offset=start + 2, content="Jan"),)))


def _actions(diagnostic: Diagnostic, only: list[str] | None) -> list[types.CodeAction]:
    index = LineIndex(TEXT)
    linted = Linted(1, TEXT, index, [diagnostic])
    wanted = to_lsp(diagnostic, index).range
    return code_actions("file:///a.md", linted, wanted, only)


def test_an_unsafe_fix_is_offered_labelled_and_not_preferred() -> None:
    [action] = _actions(_diagnostic(Applicability.UNSAFE), ["quickfix"])
    assert action.title == "Fix Z001 (unsafe): Replace with `Jan`"
    assert action.is_preferred is False
    [edit] = action.edit.changes["file:///a.md"]
    # Line 4 holds `<p>`, the emoji (2 UTF-16 units) and a space before `an`.
    assert (edit.range.start.line, edit.range.start.character) == (4, 6)
    assert edit.new_text == "Jan"


def test_a_safe_fix_is_preferred() -> None:
    [action] = _actions(_diagnostic(Applicability.SAFE), ["quickfix"])
    assert action.title == "Fix Z001: Replace with `Jan`"
    assert action.is_preferred is True


def test_only_filters_by_kind_prefix() -> None:
    diagnostic = _diagnostic(Applicability.SAFE)
    assert _actions(diagnostic, ["source"]) == []  # nothing for the real rules to fix here
    assert [a.kind for a in _actions(diagnostic, None)] == ["quickfix"]


def test_lsp_diagnostic_carries_the_fix_in_data() -> None:
    diagnostic = _diagnostic(Applicability.UNSAFE)
    lsp = to_lsp(diagnostic, LineIndex(TEXT))
    assert lsp.code == "Z001" and lsp.source == "articlelint"
    assert lsp.severity == types.DiagnosticSeverity.Warning
    assert lsp.data["fix"]["applicability"] == "unsafe"
    start = TEXT.index("an ")  # code points, as in the json format
    assert lsp.data["fix"]["edits"] == [
        {"offset": start, "end_offset": start + 2, "content": "Jan"}]


def test_settings_come_from_one_function_and_reload_forgets_them() -> None:
    first = linting.settings_for("/some/where/a.md")
    assert first is linting.settings_for("/some/where/b.md")  # cached per directory
    assert "S001" in first.codes
    linting.reload_settings()
    assert linting.settings_for("/some/where/a.md") is not first


def test_fix_all_repeats_until_stable() -> None:
    text = "<!-- 1702517943000 -->\n[t](https://x.com/a)\n------\n\n<p>正文</p>\n"
    assert linting.fix_all("a.md", text).startswith("<!--1702517943000-->\n")
    assert linting.fix_all("a.md", TEXT) == TEXT


@given(st.text("ab\n简"), st.text("ab\n简"))
def test_minimal_edit_turns_old_into_new(old: str, new: str) -> None:
    start, end, content = linting.minimal_edit(old, new)
    assert old[:start] + content + old[end:] == new


def test_changes_in_a_burst_are_linted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio

    from lint.lsp import server as module

    monkeypatch.setattr(module, "DEBOUNCE_SECONDS", 0.01)
    instance = module.ArticleServer()
    published: list[str] = []
    monkeypatch.setattr(instance, "publish", published.append)

    async def burst() -> None:
        # Three changes in one tick of the event loop: no timer can fire in between.
        for _ in range(3):
            instance.schedule("file:///a.md")
        await asyncio.sleep(0.2)

    asyncio.run(burst())
    assert published == ["file:///a.md"]
