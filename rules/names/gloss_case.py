"""N001 gloss-case."""

from __future__ import annotations

from collections.abc import Iterator
from operator import itemgetter

from lint import (
    Applicability,
    Article,
    Diagnostic,
    FixAvailability,
    Rule,
    RuleOptions,
    Severity,
)
from rules.names._align import Pair, aligned
from rules.names._candidates import RunGloss, Token, glosses
from rules.names._phonetic import shown

_KIND = itemgetter(3)  # `Token.kind`


class GlossCase(Rule):
    """## What it does
    In a foreign-name gloss `中文名（English Name）`, flags a name token that starts with
    a lower-case letter and is not a known particle (`al- bin bint ibn van von der de da di
    du la le dos das` …).

    ## Why is this bad?
    Names are capitalised. A lower-case token in a name gloss is almost always a slip, often
    a lost first letter: `简·阿恰克扎伊（an Achakzai）` lost the J of `Jan`.

    ## Example
    ```
    <p>巴基斯坦代理信息部长简·阿恰克扎伊（an Achakzai）星期三在X上发帖。</p>
    ```

    ## Use instead
    ```
    <p>巴基斯坦代理信息部长简·阿恰克扎伊（Jan Achakzai）星期三在X上发帖。</p>
    ```

    ## Options
    - `allow` (list of strings, default none): glosses to leave alone, by the gloss text
      (`"an Achakzai"`), the Chinese name (`"简·阿恰克扎伊"`) or both
      (`"简·阿恰克扎伊（an Achakzai）"`).

    ## Fix safety
    When the token does not sound like its Chinese part but would with one letter put back
    in front (`an` after 简 jiǎn → `Jan`), the fix writes that repair; when it does sound
    like it, the fix capitalises it. Both are unsafe: the right spelling of a name can only
    be confirmed against a source.
    """

    code = "N001"
    name = "gloss-case"
    summary = "A name token in a foreign-name gloss starts with a lower-case letter"
    severity = Severity.ERROR
    fix_availability = FixAvailability.UNSAFE

    class Options(RuleOptions):
        allow: tuple[str, ...] = ()

    def check(self, article: Article) -> Iterator[Diagnostic]:
        allow: tuple[str, ...] = getattr(self.options, "allow", ())
        for found in article.derived(glosses):
            tokens = found.gloss.tokens
            if "lower" not in map(_KIND, tokens):
                continue  # most glosses: no lower-case token (a C-level test), no alignment
            lower = [token for token in tokens if token.kind == "lower"]
            if found.gloss.allowed(allow):
                continue
            pairs = {pair.token: pair for pair in aligned(found.gloss)}
            for token in lower:
                yield self._report(article, found, token, pairs.get(token))

    def _report(self, article: Article, found: RunGloss, token: Token,
                pair: Pair | None) -> Diagnostic:
        start, end = found.span(token)
        message = f"name `{token.text}` in the gloss starts with a lower-case letter"
        replacement = None
        mismatch = pair.mismatch if pair is not None else None
        if pair is not None and mismatch is None:
            replacement = token.text[0].upper() + token.text[1:]
        elif pair is not None and mismatch is not None and mismatch.repair:
            part = pair.part.text
            replacement = mismatch.repair
            message += (f"; after `{part}` ({shown(part[:1])}) it looks truncated: "
                        f"`{replacement}`?")
        fix = None
        if replacement and found.run.is_literal(token.start, token.end):
            fix = self.replace(start, end, replacement, f"Replace with `{replacement}`",
                               Applicability.UNSAFE)
        return self.diagnostic(article, start, end, message, fix=fix)
