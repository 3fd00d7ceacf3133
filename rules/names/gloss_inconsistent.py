"""N004 gloss-inconsistent."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from lint import Article, CorpusRule, Diagnostic, RuleOptions, Severity, Span
from rules.names._candidates import Gloss, glosses

Occurrence = dict[str, Any]  # {"name", "english", "span"}: JSON-able facts


class GlossInconsistent(CorpusRule):
    """## What it does
    Finds the same transliterated name glossed two ways: within one article, and across
    all the files of one run (`阿西姆·穆尼尔（Asim Munir）` here, `（Asim Muneer）` in
    another file). A shorter gloss that keeps whole tokens of the longer one in order
    (`拉布（Raab）` beside `拉布（Dominic Raab）`) is consistent; titles and initials are
    ignored. Each differing gloss is reported against the most frequent one. Only names
    of two or more parts are compared: a surname alone is shared by many people
    (`史密斯（Brenda Smith）`, `史密斯（Marion Smith）`).

    ## Why is this bad?
    One person, two spellings: at least one is wrong, and searches for the name miss half
    of the archive.

    ## Example
    ```
    <p>阿西姆·穆尼尔（Asim Munir）说。</p><p>阿西姆·穆尼尔（Asim Muneer）还说。</p>
    ```

    ## Use instead
    ```
    <p>阿西姆·穆尼尔（Asim Munir）说。</p><p>穆尼尔还说。</p>
    ```

    ## Options
    - `allow` (list of strings, default none): glosses to leave alone, by the gloss text
      (`"an Achakzai"`), the Chinese name (`"简·阿恰克扎伊"`) or both
      (`"简·阿恰克扎伊（an Achakzai）"`).

    ## Fix safety
    No fix: which spelling is right is for a person to decide (a glossary entry, rule
    `glossary`, can then fix it everywhere).
    """

    code = "N004"
    name = "gloss-inconsistent"
    summary = "The same transliterated name is glossed differently"
    severity = Severity.WARNING

    class Options(RuleOptions):
        allow: tuple[str, ...] = ()

    def facts(self, article: Article) -> list[Occurrence]:
        allow: tuple[str, ...] = getattr(self.options, "allow", ())
        if not allow:  # (the default: `allowed` is False for every gloss)
            return [occurrence for _, occurrence in article.derived(_all_facts)]
        return [occurrence for gloss, occurrence in article.derived(_all_facts)
                if not gloss.allowed(allow)]

    def check(self, article: Article) -> Iterator[Diagnostic]:
        occurrences = self.facts(article)
        for index, reference in sorted(conflicts(occurrences).items()):
            span = Span(**occurrences[index]["span"])
            yield self.diagnostic_at(article.path, span, _message(
                occurrences[index], reference, where=f"{reference['span']['line']}:"
                f"{reference['span']['column']}"))

    def check_corpus(self, facts: Mapping[str, Any]) -> Iterator[Diagnostic]:
        # Two passes over `facts`, keeping per distinct (name, gloss tokens) only counts
        # and where its first occurrences are: the engine may hand a lazy Mapping that
        # unpickles a file's facts on each access, and a run of 50,000 files has ~400,000
        # occurrences but few distinct glosses. The answer is that of the whole-corpus
        # `conflicts`, in the same (global occurrence) order.
        stats = _form_stats(facts)
        # Name -> its forms in order of first occurrence, to pick the reference form as
        # `_reference` does over the whole corpus (ties by first occurrence).
        forms_of: dict[str, dict[tuple[str, ...], _FormStats]] = {}
        for (name, form), seen in stats.items():
            forms_of.setdefault(name, {})[form] = seen
        # (name, form) that disagrees with its name's reference form -> that form.
        against: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}
        for name, forms in forms_of.items():
            if len(forms) < 2:
                continue  # one gloss (however often) agrees with itself
            best = _best_form({form: seen.count for form, seen in forms.items()},
                              {form: seen.first for form, seen in forms.items()})
            for form in forms:
                if not _consistent(form, best):
                    against[(name, form)] = best
        if not against:
            return
        names = {name for name, _ in against}
        # Referenced occurrences fetched again: at most two per reference form.
        fetched: dict[tuple[str, int], Occurrence] = {}
        for path, found in facts.items():
            already: set[int] | None = None  # offsets of the file's own conflicts
            for occurrence in found:
                if occurrence["name"] not in names:
                    continue
                reference_form = against.get(
                    (occurrence["name"], _tokens(occurrence["english"])))
                if reference_form is None:
                    continue
                if already is None:  # only for files with a cross-file candidate
                    already = {Span(**found[index]["span"]).offset
                               for index in conflicts(found)}
                span = Span(**occurrence["span"])
                if span.offset in already:
                    continue  # the file's own conflicts are reported by `check`
                # The first occurrence of the reference form outside this file: its
                # first occurrence, or else the first in another file than that one's.
                reference = stats[(occurrence["name"], reference_form)]
                at = (reference.first_at if reference.first_at[0] != path
                      else reference.other_at)
                if at is None:
                    continue
                elsewhere = fetched.get(at)
                if elsewhere is None:
                    elsewhere = fetched[at] = facts[at[0]][at[1]]
                yield self.diagnostic_at(path, span, _message(
                    occurrence, elsewhere, where=f"{at[0]}:"
                    f"{elsewhere['span']['line']}:{elsewhere['span']['column']}"))


class _FormStats:
    """One (name, gloss tokens) over the corpus: what N004's cross-file pass needs of its
    occurrences, as references (path, index in that file's facts) rather than copies.
    (A plain class: a dataclass costs ~0.5 ms to define at import.)"""

    __slots__ = ("count", "first", "first_at", "other_at")

    def __init__(self, count: int, first: int, first_at: tuple[str, int]) -> None:
        self.count = count
        self.first = first  # global position of the first occurrence (files in order)
        self.first_at = first_at
        # The first occurrence in another file than first_at's, if any.
        self.other_at: tuple[str, int] | None = None


def _form_stats(facts: Mapping[str, Any],
                ) -> dict[tuple[str, tuple[str, ...]], _FormStats]:
    """(name, gloss tokens) -> its `_FormStats`, in order of first occurrence."""
    stats: dict[tuple[str, tuple[str, ...]], _FormStats] = {}
    position = 0
    for path, found in facts.items():
        for index, occurrence in enumerate(found):
            key = (occurrence["name"], _tokens(occurrence["english"]))
            seen = stats.get(key)
            if seen is None:
                stats[key] = _FormStats(1, position, (path, index))
            else:
                seen.count += 1
                if seen.other_at is None and seen.first_at[0] != path:
                    seen.other_at = (path, index)
            position += 1
    return stats


def _all_facts(article: Article) -> list[tuple[Gloss, Occurrence]]:
    """Each gloss of a name of two or more parts, with its facts (use `article.derived`:
    the engine asks for the facts after `check` has computed them)."""
    found = []
    for run, gloss in article.derived(glosses):
        if len(gloss.parts) < 2:
            continue  # 史密斯（Brenda Smith）, 史密斯（Marion Smith）: two people
        start, end = run.source_span(gloss.inner.start, gloss.inner.end)
        found.append((gloss, {"name": gloss.name, "english": gloss.english,
                              "span": _span_facts(article, start, end)}))
    return found


def _span_facts(article: Article, start: int, end: int) -> dict[str, int]:
    """`article.source.span(start, end).model_dump()`, without building the model (and,
    for a span within one line, as a gloss is, with one `position` look-up)."""
    line, column = article.source.position(start)
    if article.text.find("\n", start, end) == -1:  # (lines start after a "\n" only)
        end_line, end_column = line, column + (end - start)
    else:
        end_line, end_column = article.source.position(end)
    return {"offset": start, "end_offset": end, "line": line, "column": column,
            "end_line": end_line, "end_column": end_column}


def conflicts(occurrences: Sequence[Occurrence]) -> dict[int, Occurrence]:
    """Index of each occurrence that disagrees with its name's reference gloss -> the
    (first) reference occurrence."""
    by_name: dict[str, list[int]] = {}
    for index, occurrence in enumerate(occurrences):
        by_name.setdefault(occurrence["name"], []).append(index)
    found: dict[int, Occurrence] = {}
    for indices in by_name.values():
        if len(indices) < 2:
            continue  # a name glossed once (most) agrees with itself
        forms = [_tokens(occurrences[i]["english"]) for i in indices]
        if len(set(forms)) < 2:
            continue
        best = _reference(forms)
        reference, reference_form = indices[best], forms[best]
        for index, form in zip(indices, forms):
            if not _consistent(form, reference_form):
                found[index] = occurrences[reference]
    return found


def _reference(forms: list[tuple[str, ...]]) -> int:
    """Position of the occurrence whose gloss agrees with the most others (ties: the
    first one). Counted per distinct gloss, so a name glossed in thousands of files
    costs (distinct glosses)², not (occurrences)²."""
    counts: dict[tuple[str, ...], int] = {}
    first: dict[tuple[str, ...], int] = {}
    for k, form in enumerate(forms):
        counts[form] = counts.get(form, 0) + 1
        first.setdefault(form, k)
    return first[_best_form(counts, first)]


def _best_form(counts: dict[tuple[str, ...], int],
               first: dict[tuple[str, ...], int]) -> tuple[str, ...]:
    """The form with the most support (occurrences of forms consistent with it), ties by
    its first position; shared by `_reference` and the cross-file pass, which knows only
    counts and first positions."""
    def support(form: tuple[str, ...]) -> tuple[int, int]:
        return sum(n for other, n in counts.items() if _consistent(other, form)), -first[form]
    return max(counts, key=support)


def _tokens(english: str) -> tuple[str, ...]:
    return tuple(english.replace("’", "'").replace("‘", "'").casefold().split())


def _consistent(form: tuple[str, ...], reference: tuple[str, ...]) -> bool:
    """`form` keeps whole tokens of `reference` in order (or the other way round)."""
    short, long = sorted((form, reference), key=len)
    position = 0
    for token in short:
        while position < len(long) and long[position] != token:
            position += 1
        if position == len(long):
            return False
        position += 1
    return True


def _message(occurrence: Occurrence, reference: Occurrence, where: str) -> str:
    return (f"`{occurrence['name']}` is glossed `{occurrence['english']}` here but "
            f"`{reference['english']}` at {where}")
