"""N003 gloss-phonetic."""

from __future__ import annotations

from collections.abc import Iterator

from lint import (
    Applicability,
    Article,
    Diagnostic,
    FixAvailability,
    Rule,
    RuleOptions,
    Severity,
)
from rules.names._align import mismatched
from rules.names._candidates import glosses
from rules.names._phonetic import shown


class GlossPhonetic(Rule):
    """## What it does
    Compares each part of a transliterated name with its English gloss token, by sound:
    the pinyin of the part's first syllable (pypinyin, with the readings names use: 勒
    lè, 伯 bó, 扎 zā, 汗 hán …) against the token's first sound, using the consonant
    correspondences of Xinhua-style transliteration (`r` → l, `th` → s/t, Arabic `h` →
    希, a vowel → a zero initial or y/w). It reports a token whose first sound cannot be
    written with the part's first syllable.

    Only the start of each word is compared: final r/l are often left out (Robert 罗伯特,
    Kugelman 库格曼) and vowels are rendered loosely, so differences further into the word
    are not reported. A one-part name (a surname alone: `特鲁多（Justin Trudeau）`) fits
    when any token fits.

    ## Why is this bad?
    A gloss that does not sound like the name is a typo in the English (a lost or swapped
    first letter) or a gloss attached to the wrong name. Readers and search engines take the
    gloss as the authoritative spelling.

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
    When the token looks truncated (putting back one letter for the part's first sound
    makes it fit: `an` after 简 jiǎn → `Jan`), the diagnostic carries that repair as an
    unsafe fix: it is a guess at a name's spelling, to be checked against a source.
    """

    code = "N003"
    name = "gloss-phonetic"
    summary = "A transliterated name does not sound like its English gloss"
    severity = Severity.WARNING
    fix_availability = FixAvailability.UNSAFE

    class Options(RuleOptions):
        allow: tuple[str, ...] = ()

    def check(self, article: Article) -> Iterator[Diagnostic]:
        allow: tuple[str, ...] = getattr(self.options, "allow", ())
        for found in article.derived(glosses):
            if allow and found.gloss.allowed(allow):  # (none by default: skip the call)
                continue
            for pair in mismatched(found.gloss):
                mismatch = pair.mismatch
                if mismatch is None:
                    continue  # (never: `mismatched` keeps the others)
                part, token = pair.part.text, pair.token.text
                start, end = found.span(pair.token)
                wanted = f"`{mismatch.wanted}`" if mismatch.wanted else "a vowel"
                message = (f"`{token}` does not sound like `{part}` ({shown(part)}): "
                           f"the name starts with {wanted}, the gloss with "
                           f"`{mismatch.onset}`")
                fix = None
                if mismatch.repair:
                    message += f"; the gloss looks truncated: `{mismatch.repair}`?"
                    if found.run.is_literal(pair.token.start, pair.token.end):
                        fix = self.replace(start, end, mismatch.repair,
                                           f"Replace with `{mismatch.repair}`",
                                           Applicability.UNSAFE)
                yield self.diagnostic(article, start, end, message, fix=fix)
