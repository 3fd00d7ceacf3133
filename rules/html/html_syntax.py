"""H001 html-syntax."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from lint import (
    Applicability,
    Article,
    Diagnostic,
    Fix,
    FixAvailability,
    HtmlProblem,
    ProblemKind,
    Rule,
    Severity,
)
from rules.html._limit import CappedOptions, Finding, capped


class HtmlSyntax(Rule):
    """## What it does
    Reads the body as strict HTML and reports every syntax problem the tokenizer meets, at
    the offending tag or reference: elements that are never closed (named with the position
    where they were opened), end tags that close an element after its parent was closed
    (`<p><i>…</p></i>`), stray end tags, `</br>`, self-closed non-void elements (`<div/>`),
    bad attribute syntax (`<divclass="…">`, an unescaped `"` inside a value, a value glued
    to the next attribute), unterminated quotes, tags and comments, DOCTYPEs and other bogus
    markup, a bare `<`, and invalid or unknown character references (`&#0;`, `&#x110000;`,
    `&foo;`, a reference without its `;`).

    The body is a fragment written by a feed renderer, so the reading is strict: every
    non-void element is closed explicitly and in order. One diagnostic per problem; after
    each problem the tokenizer recovers the way the author most likely meant (`<divclass=`
    is a `<div>`), so one slip does not cascade into a page of reports.

    ## Why is this bad?
    Browsers repair broken markup silently and each in its own way: an unclosed `<i>`
    italicises the rest of the article, a stray quote swallows attributes, an unknown
    reference shows up as literal `&foo;`. The other rules read the body through the same
    tree, so broken markup also hides text from them.

    ## Example
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>巴基斯坦<i>寻求</p></i><p>AT&amp T</p>
    ```

    ## Use instead
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>巴基斯坦<i>寻求</i></p><p>AT&amp;T</p>
    ```

    ## Options
    `max-diagnostics` (default 200, 0 for no limit): after this many reports in one file,
    one more counts the rest (a mangled body can hold thousands of unclosed tags).

    ## Fix safety
    Safe fixes, which keep what a browser shows: `</br>` becomes `<br>` and other end tags
    of void elements are removed (browsers ignore them), a missing `;` is added to a
    character reference, an unknown reference `&foo;` and a bare `<` are escaped (`&amp;foo;`,
    `&lt;`). Unsafe fixes, which guess the intent: a space is inserted in `<divclass=…>`,
    quotes inside an attribute value are escaped up to the quote that ends it (`&quot;`),
    and a stray end tag is removed (it may belong somewhere else). Everything else is reported
    only: where an unclosed element should end is for a person to decide.
    """

    code = "H001"
    name = "html-syntax"
    summary = "The body parses as strict HTML: tags closed in order, valid attributes and references"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SAFE

    class Options(CappedOptions):
        pass

    def check(self, article: Article) -> Iterator[Diagnostic]:
        if article.body is not None and article.body.problems:  # (most bodies have none)
            yield from capped(self, article, self._findings(article), "HTML syntax problems")

    def _findings(self, article: Article) -> Iterator[Finding]:
        assert article.body is not None  # (see `check`)
        text = article.text
        for problem in article.body.problems:
            yield Finding(problem.start, max(problem.end, problem.start), problem.detail,
                          partial(_fix, self, problem, text))


def _fix(rule: Rule, problem: HtmlProblem, text: str) -> Fix | None:
    kind, start, end = problem.kind, problem.start, problem.end
    piece = text[start:end]
    if kind is ProblemKind.VOID_END_TAG and piece.endswith(">"):
        if piece[2:4].lower() == "br" and piece[4:].strip(" \t\n\f\r/>") == "":
            return rule.replace(start, end, "<br>", "Write `<br>`")
        return rule.replace(start, end, "", f"Remove `{_short(piece)}`")
    if kind is ProblemKind.BARE_LESS_THAN:
        return rule.replace(start, end, "&lt;", "Escape it as `&lt;`")
    if kind is ProblemKind.BAD_CHARACTER_REFERENCE:
        return _reference_fix(rule, piece, start, end)
    if kind is ProblemKind.MISSING_SPACE_IN_TAG and problem.related is not None:
        # `related` is where the recovered element name ends: the space goes there.
        at = problem.related
        return rule.replace(at, at, " ", f"Insert a space after `{_short(text[start:at])}`",
                            Applicability.UNSAFE)
    if kind is ProblemKind.BAD_ATTRIBUTE and problem.related is not None:
        # Quotes inside a value: escape each one up to the quote that really ends it.
        quote = text[start]
        entity = "&quot;" if quote == '"' else "&#39;"
        return rule.replace_all(((at, at + 1, entity) for at in range(start, problem.related)
                                 if text[at] == quote),
                                f"Escape the quotes inside the value as `{entity}`",
                                Applicability.UNSAFE)
    if kind is ProblemKind.STRAY_END_TAG and piece.endswith(">"):
        return rule.replace(start, end, "", f"Remove `{_short(piece)}`",
                            Applicability.UNSAFE)
    return None


def _reference_fix(rule: Rule, piece: str, start: int, end: int) -> Fix | None:
    if piece.startswith("&#"):
        if not piece.endswith(";") and piece[2:].lstrip("xX"):
            return rule.replace(end, end, ";", "Add the `;`")
        return None
    if piece.endswith(";"):  # an unknown name: browsers show it as written
        return rule.replace(start, start + 1, "&amp;", "Escape the `&` as `&amp;`")
    return rule.replace(end, end, ";", "Add the `;`")


def _short(piece: str) -> str:
    return piece if len(piece) <= 40 else piece[:39] + "…"
