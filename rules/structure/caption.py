"""S008 caption."""

from __future__ import annotations

from collections.abc import Iterator

from lint import Article, Diagnostic, Element, FixAvailability, Profile, Rule, Severity, profile_for
from rules.structure._figures import (
    caption_text,
    captions,
    figures,
    holds_media,
    previous_element,
)
from rules.structure._paragraphs import is_blank


class Caption(Rule):
    """## What it does
    Where the article's source profile wants captions (VOA, Deutsche Welle, the New York
    Times), checks that every figure image (an `<img>` directly in the body or in a block
    such as `<div class="contentImage">`) is followed by its caption in the profile's
    caption markup (VOA: `<div><small>…</small></div>`, or `<span class="imageCaption">`
    inside a content image), that no caption is empty (unless the profile allows it: half
    of Deutsche Welle's are), and that no caption stands without the image, video or audio
    it belongs to.

    ## Why is this bad?
    The caption carries the picture's source and date (`（法新社照片）`); without it the
    image is unattributed. An empty caption is an empty grey line; a caption without its
    image is a leftover of a removed picture.

    ## Example
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><img src="https://gdb.voanews.com/a.jpg" width="100%"><p>正文。</p>
    ```

    ## Use instead
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><img src="https://gdb.voanews.com/a.jpg" width="100%"><div><small style="color: #999;">照片说明（美联社照片）</small></div><p>正文。</p>
    ```

    ## Options
    None. Whether captions are wanted, in which markup, and whether empty ones are normal
    come from the source profiles (`captions-required`, `caption-markup`,
    `empty-captions-allowed`).

    ## Fix safety
    No fix: the caption text is not in the file.
    """

    code = "S008"
    name = "caption"
    summary = "Figure images have a non-empty caption where the source profile wants one"
    severity = Severity.ERROR
    fix_availability = FixAvailability.NONE

    def check(self, article: Article) -> Iterator[Diagnostic]:
        profile = profile_for(article)
        if not profile.captions_required:
            return
        # Captions right after an image's figure unit: the element before them holds
        # that image (the unit is the image or wrappers holding only it).
        after_image = set()
        for image, unit, caption in figures(article):
            if caption is not None:
                after_image.add(caption[0])
            elif unit is not None:
                yield self.diagnostic(
                    article, image.start, image.end,
                    f"the image has no caption: expected {_markup(profile)} right after it")
        for element, inner in captions(article).items():
            yield from self._caption(article, profile, element, inner,
                                     element in after_image)

    def _caption(self, article: Article, profile: Profile, caption: Element,
                 inner: Element, after_image: bool) -> Iterator[Diagnostic]:
        if not after_image:
            before = previous_element(article, caption)
            if before is None or not holds_media(before):
                yield self.diagnostic(
                    article, caption.start, caption.outer_end,
                    "a caption without an image: no `<img>`, `<video>` or `<audio>` right "
                    "before it")
                return
        if not profile.empty_captions_allowed and is_blank(caption_text(article, inner)):
            yield self.diagnostic(article, caption.start, caption.outer_end,
                                  "the caption is empty")


def _markup(profile: Profile) -> str:
    shown = []
    for selector in profile.caption_markup:
        opening = closing = ""
        for step in selector.split(">"):
            tag, _, cls = step.partition(".")
            opening += f'<{tag} class="{cls}">' if cls else f"<{tag}>"
            closing = f"</{tag}>" + closing
        shown.append(f"`{opening}…{closing}`")
    return " or ".join(shown)
