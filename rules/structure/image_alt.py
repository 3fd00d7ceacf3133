"""S007 image-alt."""

from __future__ import annotations

from collections.abc import Iterator

from lint import (
    Applicability,
    Article,
    Diagnostic,
    Element,
    Fix,
    FixAvailability,
    Rule,
    Severity,
    profile_for,
)
from rules.structure._figures import caption_after, figure_unit, visible_text
from rules.structure._tags import tagged



class ImageAlt(Rule):
    """## What it does
    Checks that every `<img>` has an `alt` attribute (`alt=""` is fine for a decorative
    image). Off by default: the archive's lead images never have one.

    ## Why is this bad?
    Without `alt`, screen readers announce the file name and text-only readers, search
    and accessibility checkers see nothing where the picture is.

    ## Example
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><img src="https://gdb.voanews.com/a.jpg" width="100%"><div><small style="color: #999;">照片说明</small></div><p>正文。</p>
    ```

    ## Use instead
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><img src="https://gdb.voanews.com/a.jpg" width="100%" alt="照片说明"><div><small style="color: #999;">照片说明</small></div><p>正文。</p>
    ```

    ## Options
    None.

    ## Fix safety
    Unsafe: when a caption follows the image (in the source profile's caption markup), the
    fix copies the caption's text into `alt`. A caption describes the news context, not
    always what the picture shows, so a human should read it.
    """

    code = "S007"
    name = "image-alt"
    summary = "`<img>` has an `alt` attribute"
    severity = Severity.WARNING
    fix_availability = FixAvailability.UNSAFE
    enabled_by_default = False

    def check(self, article: Article) -> Iterator[Diagnostic]:
        for image in tagged(article, "img"):
            if image.get("alt") is not None:
                continue
            yield self.diagnostic(article, image.start, image.end,
                                  "`<img>` has no `alt` text", fix=self._fix(article, image))

    def _fix(self, article: Article, image: Element) -> Fix | None:
        unit = figure_unit(image)
        caption = caption_after(article, unit, profile_for(article)) if unit is not None else None
        if caption is None:
            return None
        text = visible_text(article, caption[1])
        if not text or not article.text.startswith(">", image.end - 1):
            return None
        at = image.end - 2 if article.text.startswith("/>", image.end - 2) else image.end - 1
        before = article.text[at - 1]
        content = f'alt="{_escape(text)}"'
        content = content + " " if before.isspace() else " " + content
        shown = text if len(text) <= 40 else text[:40] + "…"
        return self.replace(at, at, content, f"Use the caption as `alt`: `{shown}`",
                            Applicability.UNSAFE)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
