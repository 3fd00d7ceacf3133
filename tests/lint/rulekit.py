"""Tiny test-only rules and a helper to run the CLI with them registered.

They use `Z9xx` codes so that they never clash with a real rule in the default registry.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from pydantic import Field

from lint import Applicability, Article, Diagnostic, FixAvailability, Rule, RuleOptions
from lint import CorpusRule, Severity, Span
from lint.cli import main
from lint.engine_rules import ENGINE_RULES
from lint.registry import Registry, builtin_rules


class Bullet(Rule):
    """Flags `•` in visible text; safe fix: the wanted separator."""

    code = "Z901"
    name = "test-bullet"
    summary = "A bullet in text"
    severity = Severity.WARNING
    fix_availability = FixAvailability.SAFE

    class Options(RuleOptions):
        wanted_separator: str = Field(default="·", alias="wanted-separator")

    def check(self, article: Article) -> Iterator[Diagnostic]:
        wanted = self.options.wanted_separator  # type: ignore[attr-defined]
        for run in article.runs:
            index = run.text.find("•")
            while index != -1:
                start, end = run.source_span(index, index + 1)
                yield self.diagnostic(article, start, end, "a bullet `•`",
                                      fix=self.replace(start, end, wanted, "Use `·`"))
                index = run.text.find("•", index + 1)


class Ping(Rule):
    """Turns `ping` into `pong` (with Pong, a fix cycle)."""

    code = "Z902"
    name = "test-ping"
    summary = "Ping"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SAFE
    enabled_by_default = False
    find, into = "ping", "pong"

    def check(self, article: Article) -> Iterator[Diagnostic]:
        index = article.text.find(self.find)
        while index != -1:
            end = index + len(self.find)
            yield self.diagnostic(article, index, end, f"`{self.find}`",
                                  fix=self.replace(index, end, self.into, "swap"))
            index = article.text.find(self.find, end)


class Pong(Ping):
    """Turns `pong` into `ping`."""

    code = "Z903"
    name = "test-pong"
    find, into = "pong", "ping"


class Grow(Rule):
    """Never satisfied: each fix adds another `!` after `grow`."""

    code = "Z907"
    name = "test-grow"
    summary = "Grows"
    severity = Severity.WARNING
    fix_availability = FixAvailability.SAFE
    enabled_by_default = False

    def check(self, article: Article) -> Iterator[Diagnostic]:
        index = article.text.find("grow")
        if index != -1:
            end = index + 4
            yield self.diagnostic(article, index, end, "grows",
                                  fix=self.replace(end, end, "!", "grow"))


class Profiles(Rule):
    """Reports the profiles the article was checked with (to test the config plumbing)."""

    code = "Z904"
    name = "test-profiles"
    summary = "Profiles in force"
    severity = Severity.INFO
    enabled_by_default = False

    def check(self, article: Article) -> Iterator[Diagnostic]:
        yield self.diagnostic(article, 0, 0, f"profiles: {article.profiles!r}")


class Unsafe(Rule):
    """Flags `！！` with an unsafe fix."""

    code = "Z905"
    name = "test-unsafe"
    summary = "Doubled exclamation"
    severity = Severity.WARNING
    fix_availability = FixAvailability.UNSAFE

    def check(self, article: Article) -> Iterator[Diagnostic]:
        index = article.text.find("！！")
        if index != -1:
            yield self.diagnostic(article, index, index + 2, "doubled `！`", fix=self.replace(
                index, index + 2, "！", "Keep one", Applicability.UNSAFE))


class Shared(CorpusRule):
    """Flags `重复` in every file when more than one file of the run holds it."""

    code = "Z906"
    name = "test-shared"
    summary = "A word shared across files"
    severity = Severity.WARNING

    def check(self, article: Article) -> Iterator[Diagnostic]:
        return iter(())

    def facts(self, article: Article) -> Any:
        index = article.text.find("重复")
        return None if index == -1 else article.source.span(index, index + 2).model_dump()

    def check_corpus(self, facts: Mapping[str, Any]) -> Iterator[Diagnostic]:
        holders = {path: span for path, span in facts.items() if span is not None}
        if len(holders) > 1:
            for path, span in holders.items():
                yield self.diagnostic_at(path, Span(**span), "shared word `重复`")


TEST_RULES: tuple[type[Rule], ...] = (Bullet, Ping, Pong, Grow, Profiles, Unsafe,
                                        Shared)


def test_registry(*extra: type[Rule], builtins: bool = True) -> Registry:
    rules = [*ENGINE_RULES, *(builtin_rules() if builtins else ()), *TEST_RULES, *extra]
    return Registry(rules)


test_registry.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


def use_registry(monkeypatch: pytest.MonkeyPatch, registry: Registry) -> None:
    monkeypatch.setattr(Registry, "default", classmethod(lambda cls: registry))


def cli(*argv: str | Path, stdin: bytes = b"") -> tuple[int, str]:
    """Run `articlelint ARGV` in this process; (exit code, stdout)."""
    out = io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stdin=_Stdin(stdin))
    return code, out.getvalue()


class _Stdin(io.StringIO):
    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.buffer = io.BytesIO(data)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def codes(output: str) -> list[str]:
    """`path:line:col CODE` per concise output line."""
    found = []
    for line in output.splitlines():
        location, _, rest = line.partition(": ")
        if rest[:4].isalnum():
            found.append(f"{location} {rest.split()[0]}")
    return found


def arguments(**kwargs: Any) -> Sequence[str]:
    return [f"--{k.replace('_', '-')}={v}" for k, v in kwargs.items()]
