"""H004 unsafe-content."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from pydantic import Field

from lint import (
    Applicability,
    Article,
    Attribute,
    Diagnostic,
    Element,
    Fix,
    FixAvailability,
    Rule,
    Severity,
)
from rules.html._limit import CappedOptions, Finding, capped
from rules.html._urls import (
    DOCUMENT_MEDIA_TYPES,
    SCRIPT_SCHEMES,
    URL_ATTRIBUTES,
    data_media_type,
    host_allowed,
    host_of,
    normalise,
    scheme_of,
)

# Video players that archived articles embed (the outlets' own and the common hosts).
DEFAULT_IFRAME_HOSTS = (
    "youtube.com", "youtube-nocookie.com", "player.vimeo.com", "dailymotion.com",
    "players.brightcove.net", "voachinese.com", "voanews.com", "rfa.org", "bbc.co.uk",
    "bbc.com", "dw.com",
)

# Known embed scripts and what keeps the embedded content without them.
_EMBED_SCRIPTS = (
    ("twitter.com", "tweet-embed", "the tweet's `<blockquote>` keeps its text and link"),
    ("x.com", "tweet-embed", "the tweet's `<blockquote>` keeps its text and link"),
    ("instagram.com", "Instagram embed",
     "the post's `<blockquote class=\"instagram-media\">` keeps its link"),
    ("facebook.net", "Facebook SDK", "keep a plain link to the post"),
    ("tiktok.com", "TikTok embed", "the `<blockquote>` keeps the video's link"),
    ("weibo.com", "Weibo embed", "keep a plain link to the post"),
)

_ELEMENT_ADVICE = {
    "style": "remove it: its rules restyle the whole page that shows the article "
             "(keep needed formatting in `style` attributes)",
    "object": "replace the plugin embed with a link to the media, or with `<video>`/`<audio>`",
    "embed": "replace the plugin embed with a link to the media, or with `<video>`/`<audio>`",
    "applet": "remove the applet: browsers no longer run it, and it ran code",
    "form": "remove the form and keep its text as a paragraph: an archived article must "
            "not submit data anywhere",
    "frame": "remove it and link to the page instead",
    "frameset": "remove it and link to the pages instead",
    "base": "remove it: it changes where every relative link of the page points",
}

_STYLE_DANGER = ("expression(", "javascript:", "vbscript:", "-moz-binding", "behavior:")

# What `_attribute` can report on (besides `on…` handlers), and the elements reported on
# for what they are: anything else is skipped without a call.
_CHECKED_ATTRIBUTES = URL_ATTRIBUTES | {"style"}
_CHECKED_ELEMENTS = frozenset({"script", "iframe", *_ELEMENT_ADVICE})
_WEB = ("http://", "https://")


class UnsafeContent(Rule):
    """## What it does
    Reports markup that runs code, loads third-party content or restyles the page:
    `<script>` (tweet, Instagram and Facebook embed scripts are named as such), `<style>`,
    `<object>`, `<embed>`, `<applet>`, `<form>`, `<frame>`/`<frameset>`, `<base>`;
    `on*` event-handler attributes (`onclick`, `onerror`…); `javascript:`, `vbscript:` and
    document `data:` URLs (`data:text/html`, `data:image/svg+xml`…) in any URL attribute
    (`href src action formaction data poster cite xlink:href …`); `expression(…)` and the
    like in `style`; and `<iframe>`s whose host is not an allowed embed host, or that carry
    a whole document in `srcdoc`. URLs are checked the way a browser reads them: after
    decoding character references and dropping tabs, newlines and surrounding controls, in
    any case, so `jav&#x61;script:`, `java&#x09;script:` and ` JAVASCRIPT:` are caught.
    Each message says what to do about it.

    ## Why is this bad?
    An archive is read long after the fact, in viewers that trust it. Code in it runs with
    the viewer's rights, third-party scripts and frames track readers and break when the
    service changes, and a page-wide `<style>` or `<base>` alters everything around the
    article. What the embed showed is usually still in the markup (a tweet's
    `<blockquote>`), or a link does the job.

    ## Example
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><blockquote class="twitter-tweet"><p>推文</p></blockquote><script async src="https://platform.twitter.com/widgets.js"></script><p><a href="jav&#x61;script:alert(1)">链接</a></p>
    ```

    ## Use instead
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><blockquote class="twitter-tweet"><p>推文</p></blockquote><p><a href="https://www.voachinese.com/a/x.html">链接</a></p>
    ```

    ## Options
    `allowed-iframe-hosts` (list of host names, default: `youtube.com`,
    `youtube-nocookie.com`, `player.vimeo.com`, `dailymotion.com`,
    `players.brightcove.net`, and the video players of the outlets in the archive,
    `voachinese.com`, `voanews.com`, `rfa.org`, `bbc.co.uk`, `bbc.com`, `dw.com`): an
    `<iframe>` whose `src` host is one of these or a subdomain of one (`www.youtube.com`)
    is accepted. Setting the option replaces the list. `max-diagnostics` (default 200, 0
    for no limit): after this many reports in one file, one more counts the rest.

    ## Fix safety
    `<script>` and `<style>` elements can be removed with an unsafe fix (it drops content
    on purpose; check that nothing else relied on it). Everything else is reported only.
    """

    code = "H004"
    name = "unsafe-content"
    summary = "No scripts, styles, plugins, forms, handlers, script URLs or frames from unknown hosts"
    severity = Severity.ERROR
    fix_availability = FixAvailability.UNSAFE

    class Options(CappedOptions):
        allowed_iframe_hosts: tuple[str, ...] = Field(DEFAULT_IFRAME_HOSTS,
                                                      alias="allowed-iframe-hosts")

    options: Options

    def check(self, article: Article) -> Iterator[Diagnostic]:
        yield from capped(self, article, self._findings(article), "unsafe constructs")

    def _findings(self, article: Article) -> Iterator[Finding]:
        # Only elements with attributes or of a checked tag have anything to report
        # (selected in a comprehension: faster than `compress` over `map`s of
        # `attrgetter`, whose calls Python 3.11 does not specialise).
        wanted = [e for e in article.elements() if e.attributes or e.tag in _CHECKED_ELEMENTS]
        for element in wanted:
            flagged_url = False
            for attribute in element.attributes:
                name = attribute.name
                if name not in _CHECKED_ATTRIBUTES and not name.startswith("on"):
                    continue  # `class`, `width`, `alt`…: nothing to check
                value = attribute.value
                if value is not None and value.startswith(_WEB) and name in URL_ATTRIBUTES:
                    # Most URLs: normalised, an `http(s)` scheme, which runs nothing;
                    # tested without normalising (copying) the whole value.
                    continue
                diagnostic = self._attribute(article, element, attribute)
                if diagnostic is not None:
                    flagged_url = flagged_url or name in URL_ATTRIBUTES
                    yield diagnostic
            if element.tag not in _CHECKED_ELEMENTS:
                continue
            if element.tag == "script":
                yield self._script(article, element)
            elif element.tag in _ELEMENT_ADVICE:
                yield self._element(article, element)
            elif element.tag == "iframe" and not flagged_url:
                yield from self._iframe(article, element)

    def _script(self, article: Article, element: Element) -> Finding:
        src = element.attr("src")
        host = host_of(src) if src else ""
        message = "inline `<script>`: remove it; an archived article must not run code"
        if host:
            message = (f"`<script>` from `{host}`: remove it; an archived article must not "
                       "run code")
            for suffix, kind, keeps in _EMBED_SCRIPTS:
                if host == suffix or host.endswith("." + suffix):
                    message = f"{kind} script from `{host}`: remove the script; {keeps}"
                    break
        return Finding(element.start, element.end, message,
                       partial(self._removal, element, "script"))

    def _element(self, article: Article, element: Element) -> Finding:
        tag = element.tag
        fix = partial(self._removal, element, tag) if tag == "style" else None
        return Finding(element.start, element.end,
                       f"`<{tag}>` in an article body: {_ELEMENT_ADVICE[tag]}", fix)

    def _removal(self, element: Element, tag: str) -> Fix | None:
        if element.close_end is None:
            return None  # unclosed: where it ends is a guess
        return self.replace(element.start, element.close_end, "",
                            f"Remove the `<{tag}>` element", Applicability.UNSAFE)

    def _iframe(self, article: Article, element: Element) -> Iterator[Finding]:
        if element.get("srcdoc") is not None:
            yield Finding(element.start, element.end,
                "`<iframe srcdoc>` embeds a whole HTML document: remove it and keep its "
                "content as article text")
            return
        src = element.attr("src")
        if src is None or not src.strip():
            return
        host = host_of(src)
        if host and host_allowed(host, self.options.allowed_iframe_hosts):
            return
        where = f"from `{host}`" if host else f"with the relative source `{_short(src)}`"
        yield Finding(element.start, element.end,
            f"`<iframe>` {where}, which is not an allowed embed host: replace it with a link "
            "to the content, or add the host to `allowed-iframe-hosts` if it is a trusted "
            "video player")

    def _attribute(self, article: Article, element: Element,
                   attribute: Attribute) -> Finding | None:
        name, value = attribute.name, attribute.value
        start, end = attribute.name_start, attribute.end
        if name.startswith("on") and len(name) > 2 and name.isascii() and name.isalpha():
            return Finding(start, end,
                f"event handler `{_short(name)}` on `<{element.tag}>`: remove the attribute; "
                "an archived article must not run code")
        if value is None:
            return None
        if name == "style":
            lowered = normalise(value).replace(" ", "")
            for danger in _STYLE_DANGER:
                if danger in lowered:
                    return Finding(start, end,
                        f"`{danger.rstrip('(:')}` in a `style` attribute runs code in old "
                        "browsers: remove it")
            return None
        if name not in URL_ATTRIBUTES:
            return None
        url = normalise(value)
        scheme = scheme_of(url)
        if scheme in SCRIPT_SCHEMES:
            return Finding(start, end,
                f"`{scheme}:` URL in `{name}` on `<{element.tag}>` runs code: point it at a "
                "real page or remove it")
        if scheme == "data":
            media = data_media_type(url)
            image_context = element.tag in ("img", "source", "picture", "video") \
                and media == "image/svg+xml"
            if media in DOCUMENT_MEDIA_TYPES and not image_context:
                return Finding(start, end,
                    f"`data:{media}` URL in `{name}` on `<{element.tag}>` is a whole "
                    "document that may run code: link to a real page or remove it")
        return None


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"
