"""A misbehaving third-party plugin, for the crash-isolation tests (loaded through a faked
`articlelint.rules` entry point). Each rule misbehaves only on files holding its trigger
word, so the tests can show that the other files, and the other rules, go on."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping
from typing import Any

from lint import Article, CorpusRule, Diagnostic, Edit, Fix, Rule, Severity, Span
from lint.models import Applicability


class Fine(Rule):
    """Reports every file once: proof that the other rules still ran."""

    code = "P900"
    name = "plugin-fine"
    summary = "Always reports"
    severity = Severity.INFO

    def check(self, article: Article) -> Iterator[Diagnostic]:
        yield self.diagnostic(article, 0, 0, "checked")


class _Triggered(Rule):
    trigger = ""
    severity = Severity.WARNING

    def check(self, article: Article) -> Iterator[Diagnostic]:
        if self.trigger in article.text:
            yield from self.misbehave(article)

    def misbehave(self, article: Article) -> Iterator[Diagnostic]:
        raise NotImplementedError


class Raises(_Triggered):
    code, name, summary, trigger = "P901", "plugin-raises", "Raises", "boom"

    def misbehave(self, article: Article) -> Iterator[Diagnostic]:
        yield self.diagnostic(article, 0, 1, "first")  # found before the crash: dropped
        raise RuntimeError("boom")


class BeyondEnd(_Triggered):
    code, name, summary, trigger = "P902", "plugin-beyond-end", "Beyond the end", "beyond"

    def misbehave(self, article: Article) -> Iterator[Diagnostic]:
        size = len(article.text)
        yield Diagnostic(code=self.code, name=self.name, severity=self.severity,
                         message="past the end", path=article.path,
                         span=Span(offset=size + 5, end_offset=size + 9, line=99, column=1,
                                   end_line=99, end_column=5))


class WrongLine(_Triggered):
    code, name, summary, trigger = "P903", "plugin-wrong-line", "Wrong line", "wrongline"

    def misbehave(self, article: Article) -> Iterator[Diagnostic]:
        good = article.source.span(3, 5)
        yield Diagnostic(code=self.code, name=self.name, severity=self.severity,
                         message="bad line", path=article.path,
                         span=good.model_copy(update={"line": good.line + 1}))


class EditOutOfRange(_Triggered):
    code, name, summary, trigger = "P904", "plugin-bad-edit", "Bad edit", "badedit"

    def misbehave(self, article: Article) -> Iterator[Diagnostic]:
        size = len(article.text)
        fix = Fix(applicability=Applicability.SAFE, message="m",
                  edits=(Edit(offset=size, end_offset=size + 100, content="x"),))
        yield self.diagnostic(article, 0, 1, "bad edit", fix=fix)


class NotADiagnostic(_Triggered):
    code, name, summary, trigger = "P905", "plugin-not-a-diagnostic", "Junk", "junk"

    def misbehave(self, article: Article) -> Iterator[Any]:
        yield "a string"


class Exits(_Triggered):
    code, name, summary, trigger = "P906", "plugin-exits", "Exits", "exit"

    def misbehave(self, article: Article) -> Iterator[Diagnostic]:
        sys.exit(3)
        yield from ()  # pragma: no cover (a generator, never reached)


class Recurses(_Triggered):
    code, name, summary, trigger = "P907", "plugin-recurses", "Recurses", "recurse"

    def misbehave(self, article: Article) -> Iterator[Diagnostic]:
        def down(n: int) -> int:
            return down(n + 1) + 1
        down(0)
        yield from ()  # pragma: no cover (a generator, never reached)


class LongError(_Triggered):
    code, name, summary, trigger = "P909", "plugin-long-error", "Long error", "longerror"

    def misbehave(self, article: Article) -> Iterator[Diagnostic]:
        raise ValueError("first line\nsecond line " + article.text * 100)


class Dies(_Triggered):
    """Ends its process on the spot (as a crash in C code or the OOM killer would)."""

    code, name, summary, trigger = "P908", "plugin-dies", "Dies", "die"

    def misbehave(self, article: Article) -> Iterator[Diagnostic]:
        os._exit(70)
        yield from ()  # pragma: no cover (a generator, never reached)


class BadFacts(CorpusRule):
    code, name, summary = "P910", "plugin-bad-facts", "Facts fail"
    severity = Severity.WARNING

    def check(self, article: Article) -> Iterator[Diagnostic]:
        return iter(())

    def facts(self, article: Article) -> Any:
        if "badfacts" in article.text:
            raise ValueError("no facts")
        return len(article.text)

    def check_corpus(self, facts: Mapping[str, Any]) -> Iterator[Diagnostic]:
        return iter(())


class BadCorpus(CorpusRule):
    code, name, summary = "P911", "plugin-bad-corpus", "Corpus pass fails"
    severity = Severity.WARNING

    def check(self, article: Article) -> Iterator[Diagnostic]:
        return iter(())

    def facts(self, article: Article) -> Any:
        return "badcorpus" in article.text

    def check_corpus(self, facts: Mapping[str, Any]) -> Iterator[Diagnostic]:
        if any(facts.values()):
            raise KeyError("corpus")
        return iter(())


class CorpusBeyondEnd(CorpusRule):
    code, name, summary = "P912", "plugin-corpus-beyond", "Corpus span past the end"
    severity = Severity.WARNING

    def check(self, article: Article) -> Iterator[Diagnostic]:
        return iter(())

    def facts(self, article: Article) -> Any:
        return len(article.text) if "corpuspast" in article.text else None

    def check_corpus(self, facts: Mapping[str, Any]) -> Iterator[Diagnostic]:
        for path, size in facts.items():
            if size is not None:
                span = Span(offset=size + 1, end_offset=size + 2, line=50, column=1,
                            end_line=50, end_column=2)
                yield self.diagnostic_at(path, span, "past the end")


class UnpicklableFacts(CorpusRule):
    code, name, summary = "P913", "plugin-unpicklable-facts", "Facts that are not data"
    severity = Severity.WARNING

    def check(self, article: Article) -> Iterator[Diagnostic]:
        return iter(())

    def facts(self, article: Article) -> Any:
        return (lambda: 1) if "notdata" in article.text else 0

    def check_corpus(self, facts: Mapping[str, Any]) -> Iterator[Diagnostic]:
        return iter(())
