"""N002 gloss-parts."""

from __future__ import annotations

from collections.abc import Iterator

from lint import Article, Diagnostic, Rule, RuleOptions, Severity
from rules.names._candidates import glosses


class GlossParts(Rule):
    """## What it does
    Checks that a transliterated name with several `·`-separated parts does not have more
    parts than its English gloss has names. Particles (`al-`, `bin`, `van` …) count as
    names, because Chinese often writes them as a part (本·拉登, Bin Laden), and so do initials, which Chinese often spells out
    (约翰·菲茨杰拉德·肯尼迪, John F. Kennedy); titles (`Sen.`, `Gen.`) do not. A gloss may have *more* tokens
    than the name has parts: middle names and second surnames are often left out in
    Chinese (`舍利·阿奇拉（Shirley Dennise Aquilar Barrera）`).

    ## Why is this bad?
    A part without a counterpart in the gloss means a name lost from the gloss (or a
    Chinese part that belongs to the surrounding sentence).

    ## Example
    ```
    <p>巴基斯坦代理信息部长简·阿恰克扎伊（Achakzai）星期三在X上发帖。</p>
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
    No fix: the missing name is not known.
    """

    code = "N002"
    name = "gloss-parts"
    summary = "A transliterated name has more parts than its gloss has names"
    severity = Severity.WARNING

    class Options(RuleOptions):
        allow: tuple[str, ...] = ()

    def check(self, article: Article) -> Iterator[Diagnostic]:
        allow: tuple[str, ...] = getattr(self.options, "allow", ())
        for found in article.derived(glosses):
            if allow and found.gloss.allowed(allow):  # (none by default: skip the call)
                continue
            gloss = found.gloss
            words = gloss.tokens
            if len(gloss.parts) > len(words):
                start, end = found.span(gloss.inner)
                plural = "s" if len(words) != 1 else ""
                yield self.diagnostic(
                    article, start, end,
                    f"`{gloss.name}` has {len(gloss.parts)} parts but the gloss "
                    f"`{gloss.inner.text}` has {len(words)} name{plural}")
