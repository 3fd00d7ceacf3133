"""Checks one file: decode, parse once, run every selected rule with crash isolation."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import islice
from typing import Any

from lint.article import Article
from lint.engine_rules import InternalError, UnreadableFile
from lint.models import Diagnostic, Severity
from lint.records import FRESH, Value
from lint.rule import CorpusRule, Rule
from lint.source import DecodeError, SourceText

# What a rule may raise without taking the run down: any error, and `sys.exit()` (which a
# plugin may call by mistake); not KeyboardInterrupt, which is the user's.
_FAILURES = (Exception, SystemExit)
_MAX_DETAIL = 300  # characters of an exception's text kept in its X002 message


class FileResult(Value):
    """A plain class with slots rather than a dataclass (~0.5 ms of start-up to create),
    as `@dataclass(slots=True)` made it: compared field by field, unhashable."""

    __slots__ = __match_args__ = ("path", "source", "diagnostics", "facts", "summary")

    path: str
    source: SourceText | None  # None when the file could not be decoded
    diagnostics: list[Diagnostic]
    # corpus rule code -> facts: a dict, or (in the corpus pass) a mapping that reads
    # them from a spool on each access (`lint.corpus_run`)
    facts: Mapping[str, Any]
    # Per-file facts for commands other than `check` (`report`: outlet, month), filled
    # by `Mode.summarize` from the parsed article; empty otherwise.
    summary: dict[str, Any]

    def __init__(self, path: str, source: SourceText | None,
                 diagnostics: list[Diagnostic] = FRESH, facts: Mapping[str, Any] = FRESH,
                 summary: dict[str, Any] = FRESH) -> None:
        self.path = path
        self.source = source
        self.diagnostics = [] if diagnostics is FRESH else diagnostics
        self.facts = {} if facts is FRESH else facts
        self.summary = {} if summary is FRESH else summary

    @property
    def internal_error(self) -> bool:
        return any(d.code == InternalError.code for d in self.diagnostics)


def check_bytes(path: str, data: bytes, rules: Sequence[Rule],
                profiles: Any = None) -> FileResult:
    """Lint `data` (the bytes of the file at `path`). `profiles`: see `Article.profiles`."""
    try:
        source = SourceText.decode(data)
    except DecodeError as error:
        return FileResult(path, None, [_undecodable(path, error)])
    return check_source(path, source, rules, profiles)


def check_source(path: str, source: SourceText, rules: Sequence[Rule],
                 profiles: Any = None,
                 on_article: Callable[[Article], None] | None = None,
                 sort: bool = True) -> FileResult:
    """Lint decoded text. `on_article` (optional) receives the parsed article, for
    callers that need more of it than the rules' diagnostics (inline suppressions); they
    call its `release()` when done with it.
    `sort=False` leaves the diagnostics in rule order, for a caller that adds more and
    sorts once."""
    result = FileResult(path, source)
    try:
        article = Article.parse(source, path, profiles)
    except Exception as exc:  # the parser must never take the run down with it
        result.diagnostics.append(_internal(source, path, "the article parser", exc))
        return result
    if on_article is not None:
        on_article(article)
    collected: dict[str, Any] = {}
    result.facts = collected
    for rule in rules:
        result.diagnostics.extend(run_rule(rule, article))
        if isinstance(rule, CorpusRule):
            try:
                facts = rule.facts(article)
                # Facts cross process boundaries (--jobs) and must be plain data, as
                # documented: a function or an open file would fail far from its cause.
                # Encoding them is the judge; a walk over the usual shapes is 3x cheaper
                # and only skips it for data that certainly encodes.
                if not _plain(facts):
                    import json  # rarely needed: not at the start-up of every run

                    json.dumps(facts)
                collected[rule.code] = facts
            except _FAILURES as exc:
                label = f"rule {rule.code} ({rule.name}) collecting facts"
                result.diagnostics.append(_internal(source, path, label, exc))
    if on_article is None:  # no one else holds it: free it now (see Article.release)
        article.release()
    if sort:
        result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


_SCALARS = (str, int, float, bool, type(None))
_MAX_PLAIN_DEPTH = 32  # deeper (or circular) data goes to json.dumps, which decides


def _plain(value: object, depth: int = 0) -> bool:
    """True when `value` is built only of dicts with str keys, lists, tuples and JSON
    scalars (exact types, not subclasses), so that `json.dumps` would accept it."""
    kind = type(value)
    if kind in _SCALARS:
        return True
    if depth >= _MAX_PLAIN_DEPTH:
        return False
    # Loops rather than `all(generator)`, and scalars tested here rather than by a call
    # each: facts are mostly small dicts of scalars (N004: ~4 a file).
    if kind is dict:
        for key, item in value.items():  # type: ignore[attr-defined]
            if type(key) is not str or (type(item) not in _SCALARS
                                        and not _plain(item, depth + 1)):
                return False
        return True
    if kind is list or kind is tuple:
        for item in value:  # type: ignore[attr-defined]
            if type(item) not in _SCALARS and not _plain(item, depth + 1):
                return False
        return True
    return False


class _RuleFacts(Mapping[str, Any]):
    """One corpus rule's facts, path -> facts, in path order, read from each result on
    each access: a result's facts may live in a spool (`lint.corpus_run`), so the whole
    corpus's facts are never all in memory at once unless the rule keeps them."""

    def __init__(self, code: str, results: Sequence[FileResult]) -> None:
        self._code = code
        self._by_path = {r.path: r for r in sorted(results, key=lambda r: r.path)
                         if code in r.facts}

    def __getitem__(self, path: str) -> Any:
        return self._by_path[path].facts[self._code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_path)

    def __len__(self) -> int:
        return len(self._by_path)


def check_corpus(rules: Sequence[Rule], results: Sequence[FileResult],
                 load: Callable[[FileResult], SourceText | None] | None = None) -> None:
    """Run the corpus-level pass of every corpus rule over `results` and add what it
    finds to the results of the files it names (then re-sort them). `load` (optional)
    supplies the text of a result held without it (a cache hit), when a diagnostic
    lands there."""
    corpus_rules = [rule for rule in rules if isinstance(rule, CorpusRule)]
    if not corpus_rules:
        return
    by_path = {result.path: result for result in results}
    for rule in corpus_rules:
        facts = _RuleFacts(rule.code, results)
        try:
            found = list(rule.check_corpus(facts))
        except _FAILURES as exc:
            first = next(iter(by_path.values()), None)
            if first is not None and first.source is None and load is not None:
                first.source = load(first)
            if first is not None and first.source is not None:
                first.diagnostics.append(_internal(
                    first.source, first.path, f"rule {rule.code} ({rule.name}) corpus pass",
                    exc))
            continue
        for diagnostic in found:
            target = by_path.get(diagnostic.path)
            if target is not None and target.source is None and load is not None:
                target.source = load(target)
            if target is not None and target.source is not None:
                problem = _position_problem(diagnostic, target.source, len(target.source))
                target.diagnostics.append(diagnostic if not problem else _message(
                    target.source, target.path, f"rule {rule.code} ({rule.name}) {problem}"))
    for result in results:
        result.diagnostics.sort(key=Diagnostic.sort_key)


# The most diagnostics one rule reports for one file (see run_rule).
MAX_PER_RULE = 1000


def run_rule(rule: Rule, article: Article) -> list[Diagnostic]:
    """The rule's diagnostics, or one X002 if it raised or returned a bad position.

    At most MAX_PER_RULE per file: past that, one more diagnostic of the rule says that the
    rest are not shown. Hostile or machine-made files (200,000 repeated paragraphs) would
    otherwise cost a diagnostic object each, and no one reads the 1,001st; `--fix` repeats
    rounds, so fixes past the limit are applied in later rounds.
    """
    try:
        found = list(islice(rule.check(article), MAX_PER_RULE + 1))
    except _FAILURES as exc:
        return [_internal(article.source, article.path, _label(rule), exc)]
    if not found:
        return found
    source = article.source
    size = len(source.text)
    for diagnostic in found:
        problem = _position_problem(diagnostic, source, size)
        if problem:
            return [_message(source, article.path, f"{_label(rule)} {problem}")]
    if len(found) > MAX_PER_RULE:
        last = found.pop()
        found.append(last.model_copy(update={
            "fix": None,
            "message": f"more than {MAX_PER_RULE:,} diagnostics of this rule in this file; "
                       "the rest are not reported (fix these, then check again)"}))
    return found


def _label(rule: Rule) -> str:
    return f"rule {rule.code} ({rule.name})"


def _position_problem(diagnostic: object, source: SourceText, size: int) -> str:
    if not isinstance(diagnostic, Diagnostic):
        return f"returned {type(diagnostic).__name__} instead of a Diagnostic"
    # Fields through `__dict__` (a model's attribute costs ~3x a dict look-up): this runs
    # for every diagnostic of every rule.
    fields = diagnostic.__dict__
    span = fields["span"].__dict__
    offset, end_offset = span["offset"], span["end_offset"]
    if end_offset > size:
        return f"reported offsets {offset}..{end_offset} beyond the end ({size})"
    # Compare line/column directly: building a second Span to compare costs a pydantic
    # validation per diagnostic.
    if (span["line"], span["column"]) != source.position(offset) \
            or (span["end_line"], span["end_column"]) != source.position(end_offset):
        return f"reported a line/column that does not match offsets {offset}..{end_offset}"
    fix = fields["fix"]
    if fix is not None:
        for edit in fix.edits:
            if edit.end_offset > size:
                return f"proposed an edit at {edit.offset}..{edit.end_offset} beyond the end"
    return ""


def _internal(source: SourceText, path: str, label: str, exc: BaseException) -> Diagnostic:
    import traceback  # only a crashed rule needs it: not at the start-up of every run

    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" if frame else ""
    # One line, of reasonable length: an exception's text may hold a whole article.
    detail = " ".join(str(exc).split())
    if len(detail) > _MAX_DETAIL:
        detail = detail[:_MAX_DETAIL] + "…"
    return _message(source, path, f"{label} failed: {type(exc).__name__}: {detail}{where}")


def _message(source: SourceText, path: str, message: str) -> Diagnostic:
    return Diagnostic(code=InternalError.code, name=InternalError.name,
                      severity=Severity.ERROR, message=message, span=source.span(0, 0),
                      path=path)


def _undecodable(path: str, error: DecodeError) -> Diagnostic:
    before = SourceText(error.text_before)
    offset = len(error.text_before)
    line, column = before.position(offset)
    shown = " ".join(f"0x{byte:02X}" for byte in error.bad[:4])
    span = before.span(offset, offset)
    return Diagnostic(
        code=UnreadableFile.code, name=UnreadableFile.name, severity=Severity.ERROR,
        message=f"not valid UTF-8: byte {shown} at byte offset {error.byte_offset} "
                f"(line {line}, column {column})",
        span=span, path=path)


def unreadable(path: str, reason: str) -> FileResult:
    """A file that could not be read at all (permissions, a vanished file…)."""
    span = SourceText("").span(0, 0)
    return FileResult(path, None, [Diagnostic(
        code=UnreadableFile.code, name=UnreadableFile.name, severity=Severity.ERROR,
        message=f"cannot read the file: {reason}", span=span, path=path)])
