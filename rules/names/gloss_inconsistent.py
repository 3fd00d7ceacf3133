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
        tagged = [{**occurrence, "path": path} for path, found in facts.items()
                  for occurrence in found]
        already = {(path, Span(**found[index]["span"]).offset)
                   for path, found in facts.items() for index in conflicts(found)}
        # Per (name, gloss tokens): the first occurrence, and the first in another file
        # than that one's; so "the first such occurrence outside file P" is a lookup, not
        # a scan of the whole corpus per conflict.
        firsts: dict[tuple[str, Any], list[Occurrence]] = {}
        for o in tagged:
            seen = firsts.setdefault((o["name"], _tokens(o["english"])), [])
            if not seen or (len(seen) == 1 and seen[0]["path"] != o["path"]):
                seen.append(o)
        for position, reference in sorted(conflicts(tagged).items()):
            occurrence = tagged[position]
            path = occurrence["path"]
            if (path, Span(**occurrence["span"]).offset) in already:
                continue  # the file's own conflicts are reported by `check`
            elsewhere = next((o for o in firsts.get(
                (reference["name"], _tokens(reference["english"])), ()) if o["path"] != path),
                None)
            if elsewhere is None:
                continue
            yield self.diagnostic_at(path, Span(**occurrence["span"]), _message(
                occurrence, elsewhere, where=f"{elsewhere['path']}:"
                f"{elsewhere['span']['line']}:{elsewhere['span']['column']}"))


def _all_facts(article: Article) -> list[tuple[Gloss, Occurrence]]:
    """Each gloss of a name of two or more parts, with its facts (use `article.derived`:
    the engine asks for the facts after `check` has computed them)."""
    found = []
    for item in article.derived(glosses):
        if len(item.gloss.parts) < 2:
            continue  # 史密斯（Brenda Smith）, 史密斯（Marion Smith）: two people
        start, end = item.span(item.gloss.inner)
        found.append((item.gloss, {"name": item.gloss.name, "english": item.gloss.english,
                                   "span": _span_facts(article, start, end)}))
    return found


def _span_facts(article: Article, start: int, end: int) -> dict[str, int]:
    """`article.source.span(start, end).model_dump()`, without building the model."""
    line, column = article.source.position(start)
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
    def support(form: tuple[str, ...]) -> tuple[int, int]:
        return sum(n for other, n in counts.items() if _consistent(other, form)), -first[form]
    return first[max(counts, key=support)]


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
