"""Inline suppressions: `<!-- articlelint-disable CODES -->` and friends.

Scopes are character ranges, not lines, because the whole body is one line:

* `articlelint-disable CODES` … `articlelint-enable CODES`: from the end of the disable
  comment to the start of the first later enable that names the code (or names none), or
  to the end of the file. An enable that names codes ends only those codes; a disable of
  everything (no codes) ends only at an enable without codes.
* `articlelint-disable-next CODES`: in the body, the next thing after the comment
  (skipping blanks and other comments): an element's whole outer range, or a stretch of
  text up to the next tag; when the comment is the last thing on its line, the next line.
* `articlelint-disable-file CODES`: the whole file.

CODES are codes, names or prefixes, separated by blanks or commas; none means every rule.
A diagnostic is suppressed when its start offset lies in a matching range. The engine's own
codes (X…) are never suppressed inline: use `ignore` or `per-file-ignores` for those.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from lint.article import Article
from lint.config import did_you_mean
from lint.engine_rules import ENGINE_CODES, InvalidSuppression, UnusedSuppression
from lint.models import Applicability, Diagnostic, Edit, Fix, Severity
from lint.registry import Registry, UnknownSelector
from lint.source import SourceText

PREFIX = "articlelint"
KINDS = ("articlelint-disable", "articlelint-enable", "articlelint-disable-next",
         "articlelint-disable-file")
_TOKEN = re.compile(r"[^\s,]+")

Piece = tuple[int, int, "str | None"]  # start, end, code (None: every code)


# Plain classes with slots, not dataclasses: creating a dataclass compiles its generated
# methods, ~0.5 ms each of every run's start-up.
class Directive:
    __slots__ = ("kind", "start", "end", "codes", "pieces", "closers", "closes", "tokens",
                 "used_codes", "used", "deferred")

    def __init__(self, kind: str, start: int, end: int, codes: frozenset[str] | None,
                 tokens: list[tuple[int, int, int, frozenset[str]]] | None = None) -> None:
        self.kind = kind  # one of KINDS without the prefix: disable, enable, disable-next, …
        self.start = start  # the comment `<!--`…`-->`
        self.end = end
        self.codes = codes  # None: every rule
        self.pieces: list[Piece] = []
        self.closers: list[Directive] = []  # enables that end a disable
        self.closes = 0  # for an enable: how many disable ranges it ended
        # Code tokens: (end of what precedes, start, end, codes).
        self.tokens = [] if tokens is None else tokens
        self.used_codes: set[str] = set()
        self.used = False
        self.deferred = False  # may still suppress a corpus rule's diagnostic


class Problem(NamedTuple):
    start: int
    end: int
    message: str


class Suppressions:
    __slots__ = ("directives", "problems")

    def __init__(self) -> None:
        self.directives: list[Directive] = []
        self.problems: list[Problem] = []

    def suppresses(self, diagnostic: Diagnostic) -> bool:
        """Whether a directive covers `diagnostic`; marks every such directive used."""
        if diagnostic.code in ENGINE_CODES:
            return False
        offset, hit = diagnostic.span.offset, False
        for directive in self.directives:
            for start, end, code in directive.pieces:
                if start <= offset < end and (code is None or code == diagnostic.code):
                    directive.used = hit = True
                    directive.used_codes.add(diagnostic.code)
                    break
        return hit

    def filter(self, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        return [d for d in diagnostics if not self.suppresses(d)]


def parse_suppressions(article: Article, registry: Registry) -> Suppressions:
    """Every directive comment of the article, with the ranges it covers."""
    found = Suppressions()
    for start, end, content_start, content in _comments(article):
        directive = _directive(start, end, content_start, content, registry, found)
        if directive is not None:
            found.directives.append(directive)
    _scope(article, found.directives)
    return found


def _comments(article: Article) -> Iterable[tuple[int, int, int, str]]:
    """(start, end, content start, content) of every comment that mentions us."""
    text = article.text
    limit = article.body.start if article.body is not None else len(text)
    pos = text.find("<!--", 0, limit)
    while pos != -1:
        close = text.find("-->", pos + 4, limit)
        if close == -1:
            break
        if PREFIX in text[pos + 4:close]:
            yield pos, close + 3, pos + 4, text[pos + 4:close]
        pos = text.find("<!--", close + 3, limit)
    if article.body is not None:
        for comment in article.body.comments:
            if PREFIX in comment.content and text.startswith("-->", comment.content_end):
                yield comment.start, comment.end, comment.content_start, comment.content


def _directive(start: int, end: int, content_start: int, content: str,
               registry: Registry, found: Suppressions) -> Directive | None:
    tokens = list(_TOKEN.finditer(content))
    if not tokens or not tokens[0].group().lower().startswith(PREFIX):
        return None  # a comment that merely mentions the tool
    head = tokens[0].group().lower()
    if head not in KINDS:
        hint = did_you_mean(head, KINDS)
        found.problems.append(Problem(start, end, f"unknown suppression directive "
                                                  f"`{tokens[0].group()}`{hint}"))
        return None
    codes: set[str] = set()
    spans: list[tuple[int, int, int, frozenset[str]]] = []
    previous_end = content_start + tokens[0].end()
    for token in tokens[1:]:
        try:
            resolved = registry.resolve(token.group())[0]
            codes |= resolved
            spans.append((previous_end, content_start + token.start(),
                          content_start + token.end(), frozenset(resolved)))
            previous_end = content_start + token.end()
        except UnknownSelector as error:
            hint = f" (did you mean `{error.suggestion}`?)" if error.suggestion else ""
            at = content_start + token.start()
            found.problems.append(Problem(at, at + len(token.group()),
                                          f"unknown rule `{token.group()}` in a "
                                          f"suppression{hint}"))
    if len(tokens) > 1 and not codes:
        return None  # only unknown codes: reported above, suppresses nothing
    kind = head.removeprefix(PREFIX + "-")
    return Directive(kind, start, end, frozenset(codes) if len(tokens) > 1 else None,
                     tokens=spans)


def _scope(article: Article, directives: list[Directive]) -> None:
    text = article.text
    size = len(text)
    open_ranges: list[tuple[Directive, str | None]] = []
    for directive in directives:  # in document order: header comments come first
        codes: list[str | None] = [*sorted(directive.codes)] if directive.codes else [None]
        if directive.kind == "disable-file":
            directive.pieces = [(0, size, code) for code in codes]
        elif directive.kind == "disable-next":
            start, end = _next_target(article, directive.end)
            directive.pieces = [(start, end, code) for code in codes]
        elif directive.kind == "disable":
            open_ranges.extend((directive, code) for code in codes)
        else:
            still_open = []
            for opener, code in open_ranges:
                if directive.codes is None or (code is not None and code in directive.codes):
                    opener.pieces.append((opener.end, directive.start, code))
                    if directive not in opener.closers:
                        opener.closers.append(directive)
                    directive.closes += 1
                else:
                    still_open.append((opener, code))
            open_ranges = still_open
    for opener, code in open_ranges:
        opener.pieces.append((opener.end, size, code))


def _next_target(article: Article, pos: int) -> tuple[int, int]:
    source = article.source
    text = source.text
    line = source.line(source.position(pos)[0] if pos < len(text) else source.line_count)
    starts = {e.start: e for e in article.elements()}
    while pos < line.end:
        if text[pos] in " \t\r":
            pos += 1
        elif text.startswith("<!--", pos):
            close = text.find("-->", pos + 4, line.end)
            pos = line.end if close == -1 else close + 3
        elif text[pos] == "<":
            element = starts.get(pos)
            return (pos, pos) if element is None else (element.start, element.outer_end)
        else:
            tag = text.find("<", pos, line.end)
            return pos, line.end if tag == -1 else tag
    if line.number >= source.line_count:
        return len(text), len(text)
    following = source.line(line.number + 1)
    return following.start, following.end


def unused(suppressions: Suppressions, source: SourceText, path: str,
           deferred_codes: frozenset[str] = frozenset()) -> list[Diagnostic]:
    """X001 for each directive that suppressed nothing (and each enable that ended no
    range). Directives that could still match a `deferred_codes` diagnostic (a corpus
    rule's, found after every file) are marked deferred instead."""
    found = []
    for directive in suppressions.directives:
        if directive.kind == "enable":
            if directive.closes == 0:
                found.append(_unused(source, path, directive, [directive],
                                     "`articlelint-enable` ends no disabled range"))
            continue
        if directive.used:
            found.extend(_unused_codes(source, path, directive, deferred_codes))
            continue
        if directive.codes is None or directive.codes & deferred_codes:
            directive.deferred = bool(deferred_codes)
            if directive.deferred:
                continue
        found.append(unused_diagnostic(source, path, directive))
    return found


def _unused_codes(source: SourceText, path: str, directive: Directive,
                  deferred_codes: frozenset[str]) -> list[Diagnostic]:
    """X001 for each code of a used directive that matched nothing (`disable T002 N001`
    where only T002 fired): the fix removes just that code."""
    found = []
    tokens = directive.tokens
    for index, (before, start, end, codes) in enumerate(tokens):
        if codes & directive.used_codes or codes & deferred_codes:
            continue
        # Drop the separator before the code; for the first code, the one after it.
        cut = (start, tokens[1][1]) if index == 0 and len(tokens) > 1 else (before, end)
        name = source.text[start:end]
        fix = Fix(applicability=Applicability.SAFE, message=f"Remove `{name}`",
                  edits=(Edit(offset=cut[0], end_offset=cut[1], content=""),))
        found.append(Diagnostic(
            code=UnusedSuppression.code, name=UnusedSuppression.name,
            severity=UnusedSuppression.severity,
            message=f"`{name}` in this suppression suppresses nothing",
            span=source.span(start, end), fix=fix, path=path))
    return found


def unused_diagnostic(source: SourceText, path: str, directive: Directive) -> Diagnostic:
    # The enables that end only this directive's ranges go with it.
    partners = [e for e in directive.closers if e.closes == len(
        [p for p in directive.pieces if p[1] == e.start])]
    what = ("every rule" if directive.codes is None
            else ", ".join(f"`{code}`" for code in sorted(directive.codes)))
    return _unused(source, path, directive, [directive, *partners],
                   f"this suppression of {what} suppresses nothing")


def _unused(source: SourceText, path: str, directive: Directive,
            remove: list[Directive], message: str) -> Diagnostic:
    edits = tuple(Edit(offset=d.start, end_offset=d.end, content="")
                  for d in sorted(remove, key=lambda d: d.start))
    fix = Fix(applicability=Applicability.SAFE, message="Remove the unused suppression",
              edits=edits)
    return Diagnostic(code=UnusedSuppression.code, name=UnusedSuppression.name,
                      severity=UnusedSuppression.severity, message=message,
                      span=source.span(directive.start, directive.end), fix=fix, path=path)


def invalid(suppressions: Suppressions, source: SourceText, path: str) -> list[Diagnostic]:
    return [Diagnostic(code=InvalidSuppression.code, name=InvalidSuppression.name,
                       severity=Severity.ERROR, message=problem.message,
                       span=source.span(problem.start, problem.end), path=path)
            for problem in suppressions.problems]
