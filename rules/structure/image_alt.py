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
)
from rules.structure._figures import caption_text, figures



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
        for image, _, caption in figures(article):
            if image.get("alt") is not None:
                continue
            fix = None if caption is None else self._fix(article, image, caption[1])
            yield self.diagnostic(article, image.start, image.end,
                                  "`<img>` has no `alt` text", fix=fix)

    def _fix(self, article: Article, image: Element, inner: Element) -> Fix | None:
        text = caption_text(article, inner)
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
