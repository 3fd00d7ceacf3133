"""N004 gloss-inconsistent: within a file, across files, the same with any --jobs."""

from __future__ import annotations

import copy
import io
import json
import random
from collections.abc import ItemsView, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from lint import Diagnostic, Span, batch, cli
from lint.engine import FileResult, check_corpus, check_source
from lint.source import SourceText
from rules.names.gloss_inconsistent import (GlossInconsistent, Occurrence, _consistent,
                                            _message, _tokens)
from tests.support import article_text, positions, run

MUNIR = "<p>阿西姆·穆尼尔（Asim Munir）说。</p>"
MUNEER = "<p>阿西姆·穆尼尔（Asim Muneer）说。</p>"


@pytest.mark.parametrize(("body", "expected"), [
    (MUNIR + MUNEER, ["5:40 N004"]),
    (MUNIR + MUNIR + MUNEER, ["5:68 N004"]),
    (MUNIR + "<p>阿西姆·穆尼尔（Munir）说。</p>", []),  # a shorter gloss, same tokens
    (MUNIR + "<p>阿西姆·穆尼尔（Gen. Asim Munir）说。</p>", []),  # titles ignored
    ("<p>史密斯（Brenda Smith）</p><p>史密斯（Marion Smith）</p>", []),  # two people
    (MUNIR, []),
])
def test_within_one_file(body: str, expected: list[str]) -> None:
    assert positions(run(GlossInconsistent, article_text(body))) == expected


def _check(files: dict[str, str]) -> list[FileResult]:
    rule = GlossInconsistent()
    results = [check_source(path, SourceText(text), [rule]) for path, text in files.items()]
    check_corpus([rule], results)
    return results


def test_across_files() -> None:
    results = _check({"a.md": article_text(MUNIR), "b.md": article_text(MUNIR),
                      "c.md": article_text(MUNEER)})
    found = {r.path: [(d.span.line, d.span.column, d.message) for d in r.diagnostics]
             for r in results}
    assert found["a.md"] == [] and found["b.md"] == []
    assert found["c.md"] == [(5, 12, "`阿西姆·穆尼尔` is glossed `Asim Muneer` here but "
                                     "`Asim Munir` at a.md:5:12")]


def test_a_file_conflict_is_reported_once() -> None:
    results = _check({"a.md": article_text(MUNIR + MUNEER), "b.md": article_text(MUNIR)})
    assert positions(results[0].diagnostics) == ["5:40 N004"]
    assert results[1].diagnostics == []


def _cli(paths: list[str], jobs: int) -> dict[str, Any]:
    out = io.StringIO()
    code = cli.main(["check", "--select", "N004", "--output-format", "json",
                     "--jobs", str(jobs), *paths], stdout=out)
    assert code == 0  # warnings only
    return json.loads(out.getvalue())


def test_same_answer_with_any_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "MIN_FILES_PER_WORKER", 1)
    (tmp_path / "a.md").write_text(article_text(MUNIR), encoding="utf-8")
    (tmp_path / "b.md").write_text(article_text(MUNEER), encoding="utf-8")
    (tmp_path / "c.md").write_text(article_text(MUNIR), encoding="utf-8")
    one, two = _cli([str(tmp_path)], 1), _cli([str(tmp_path)], 2)
    assert one == two
    found = [(Path(d["path"]).name, d["line"], d["column"]) for d in one["diagnostics"]]
    assert found == [("b.md", 5, 12)]


def test_allow() -> None:
    text = article_text(MUNIR + MUNEER)
    assert run(GlossInconsistent, text, allow=("Asim Muneer",)) == []


# --- The cross-file pass keeps per (name, gloss form) only counts and references. ---------
# `_old_check_corpus` is the algorithm as it was before (a copy of every occurrence of the
# corpus, tagged with its path), kept here as the reference the new one must match.

def _old_reference(forms: list[tuple[str, ...]]) -> int:
    counts: dict[tuple[str, ...], int] = {}
    first: dict[tuple[str, ...], int] = {}
    for k, form in enumerate(forms):
        counts[form] = counts.get(form, 0) + 1
        first.setdefault(form, k)
    def support(form: tuple[str, ...]) -> tuple[int, int]:
        return sum(n for other, n in counts.items() if _consistent(other, form)), -first[form]
    return first[max(counts, key=support)]


def _old_conflicts(occurrences: Sequence[Occurrence]) -> dict[int, Occurrence]:
    by_name: dict[str, list[int]] = {}
    for index, occurrence in enumerate(occurrences):
        by_name.setdefault(occurrence["name"], []).append(index)
    found: dict[int, Occurrence] = {}
    for indices in by_name.values():
        if len(indices) < 2:
            continue
        forms = [_tokens(occurrences[i]["english"]) for i in indices]
        if len(set(forms)) < 2:
            continue
        best = _old_reference(forms)
        reference, reference_form = indices[best], forms[best]
        for index, form in zip(indices, forms):
            if not _consistent(form, reference_form):
                found[index] = occurrences[reference]
    return found


def _old_check_corpus(rule: GlossInconsistent,
                      facts: Mapping[str, Any]) -> Iterator[Diagnostic]:
    tagged = [{**occurrence, "path": path} for path, found in facts.items()
              for occurrence in found]
    already = {(path, Span(**found[index]["span"]).offset)
               for path, found in facts.items() for index in _old_conflicts(found)}
    firsts: dict[tuple[str, Any], list[Occurrence]] = {}
    for o in tagged:
        seen = firsts.setdefault((o["name"], _tokens(o["english"])), [])
        if not seen or (len(seen) == 1 and seen[0]["path"] != o["path"]):
            seen.append(o)
    for position, reference in sorted(_old_conflicts(tagged).items()):
        occurrence = tagged[position]
        path = occurrence["path"]
        if (path, Span(**occurrence["span"]).offset) in already:
            continue
        elsewhere = next((o for o in firsts.get(
            (reference["name"], _tokens(reference["english"])), ()) if o["path"] != path),
            None)
        if elsewhere is None:
            continue
        yield rule.diagnostic_at(path, Span(**occurrence["span"]), _message(
            occurrence, elsewhere, where=f"{elsewhere['path']}:"
            f"{elsewhere['span']['line']}:{elsewhere['span']['column']}"))


# Spellings of a few people: variants, subsets, titles, case and apostrophe variants, so
# that forms are consistent, inconsistent, or the same tokens written differently.
_GLOSSES: dict[str, list[str]] = {
    "阿西姆·穆尼尔": ["Asim Munir", "Asim Muneer", "Munir", "Gen. Asim Munir", "asim MUNIR",
                 "Asim  Munir", "Muneer", "Syed Asim Munir", "Asim"],
    "多米尼克·拉布": ["Dominic Raab", "Raab", "Dominic Rab", "Dominic", "Rab", "dominic raab"],
    "肖恩·奥布赖恩": ["Sean O’Brien", "Sean O'Brien", "O'Brien", "Shaun O’Brien",
                 "Sean OBrien"],
    "简·阿恰克扎伊": ["Jan Achakzai", "an Achakzai", "Achakzai", "Jan Achakzay"],
}


def _corpus(rng: random.Random) -> dict[str, list[Occurrence]]:
    """A few files (sorted by path, as the engine passes them) with occurrences of a few
    names; a name tends to keep a favourite spelling so that references have support."""
    names = rng.sample(sorted(_GLOSSES), rng.randint(1, len(_GLOSSES)))
    favourite = {name: rng.choice(_GLOSSES[name]) for name in names}
    facts: dict[str, list[Occurrence]] = {}
    for number in range(rng.randint(1, 7)):
        found: list[Occurrence] = []
        offset = rng.randint(0, 5)
        for k in range(rng.randint(0, 8)):
            name = rng.choice(names)
            english = favourite[name] if rng.random() < 0.4 else rng.choice(_GLOSSES[name])
            if rng.random() > 0.05:  # now and then two facts at one offset
                offset += rng.randint(1, 30)
            span = {"offset": offset, "end_offset": offset + len(english), "line": k + 2,
                    "column": offset % 17 + 1, "end_line": k + 2,
                    "end_column": offset % 17 + 1 + len(english)}
            found.append({"name": name, "english": english, "span": span})
        facts[f"f{number:02d}.md"] = found
    return facts


def _rows(diagnostics: Iterable[Diagnostic]) -> list[tuple[str, str | None, Span, str]]:
    return [(d.code, d.path, d.span, d.message) for d in diagnostics]


def test_check_corpus_matches_the_whole_corpus_algorithm() -> None:
    rule = GlossInconsistent()
    rng = random.Random(4004)
    reported = files_with_own_conflicts = 0
    for _ in range(3000):
        facts = _corpus(rng)
        expected = _rows(_old_check_corpus(rule, facts))
        assert _rows(rule.check_corpus(facts)) == expected, facts
        reported += len(expected)
        files_with_own_conflicts += sum(bool(_old_conflicts(f)) for f in facts.values())
    # The corpora exercise both cross-file reports and skipped own-file conflicts.
    assert reported > 1000 and files_with_own_conflicts > 1000


class _Rebuilt(Mapping[str, list[Occurrence]]):
    """Like the engine's lazy facts: each access rebuilds a file's facts (deep copies, as
    unpickling would), and the passes over `items()` are counted."""

    def __init__(self, facts: dict[str, list[Occurrence]]) -> None:
        self._facts = facts
        self.items_calls = 0

    def __getitem__(self, path: str) -> list[Occurrence]:
        return copy.deepcopy(self._facts[path])

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._facts))

    def __len__(self) -> int:
        return len(self._facts)

    def items(self) -> ItemsView[str, list[Occurrence]]:
        self.items_calls += 1
        return super().items()


def test_check_corpus_with_facts_rebuilt_on_each_access() -> None:
    rule = GlossInconsistent()
    rng = random.Random(404)
    reported = 0
    for _ in range(300):
        facts = _corpus(rng)
        lazy = _Rebuilt(facts)
        found = _rows(rule.check_corpus(lazy))
        assert found == _rows(_old_check_corpus(rule, facts))
        assert lazy.items_calls <= 3
        reported += len(found)
    assert reported > 50
