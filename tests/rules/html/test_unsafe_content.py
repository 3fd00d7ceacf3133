"""H004 unsafe-content."""

from __future__ import annotations

import pytest

from rules.html.unsafe_content import UnsafeContent
from tests.support import SAMPLE, article_text, fixed, positions, run

TWEET = ('<blockquote class="twitter-tweet"><p>推文</p></blockquote>'
         '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>')
YOUTUBE = ('<iframe src="https://www.youtube.com/embed/5nZWfusgo0s?&&&enablejsapi=1" '
           'frameborder="0" width="100%"></iframe>')


@pytest.mark.parametrize(("body", "expected"), [
    (YOUTUBE + '<p><a href="https://www.voachinese.com/a/x.html">x</a></p>', []),
    ('<video src="https://x.org/v.mp4" poster="https://x.org/p.jpg" controls></video>', []),
    ('<img src="data:image/png;base64,AAAA"><img src="data:image/svg+xml,<svg/>">', []),
    ('<p><a href="mailto:x@y.org">x</a> <a href="#top">y</a> <a href="/a">z</a></p>', []),
    ('<p style="color: #999;" data-x="javascript:">x</p>', []),  # not a URL attribute
    # elements
    (TWEET, ["5:57 H004"]),
    ("<script>alert(1)</script>", ["5:1 H004"]),
    ("<svg><script>x</script></svg>", ["5:6 H004"]),
    ("<style>p{color:red}</style><p>x</p>", ["5:1 H004"]),
    ('<object data="x.swf"></object><embed src="x.swf">', ["5:1 H004", "5:31 H004"]),
    ('<form action="https://x.org"><input name=q></form>', ["5:1 H004"]),
    ('<base href="https://evil.example/">', ["5:1 H004"]),
    # handlers
    ('<img src="a.jpg" onerror="alert(1)">', ["5:18 H004"]),
    ('<svg onload="x"></svg><p ONCLICK=x>y</p>', ["5:6 H004", "5:26 H004"]),
    # script URLs, decoded and normalised as a browser reads them
    ('<a href="javascript:alert(1)">x</a>', ["5:4 H004"]),
    ('<a href="  JaVaScRiPt:alert(1)">x</a>', ["5:4 H004"]),
    ('<a href="jav&#x61;script:alert(1)">x</a>', ["5:4 H004"]),
    ('<a href="java&#x09;script&colon;alert(1)">x</a>', ["5:4 H004"]),
    ('<a href="java\nscript:x">x</a>', ["5:4 H004"]),
    ('<a href="&#1;javascript:x">x</a>', ["5:4 H004"]),
    ('<a href=vbscript:msgbox(1)>x</a>', ["5:4 H004"]),
    ('<form action="javascript:x"></form>', ["5:1 H004", "5:7 H004"]),
    ('<p><button formaction="javascript:x">b</button></p>', ["5:12 H004"]),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', ["5:4 H004"]),
    ('<iframe src="DATA:text/html,<script>x</script>"></iframe>', ["5:9 H004"]),
    ('<a href="data:image/svg+xml,<svg onload=x>">x</a>', ["5:4 H004"]),
    ('<p style="width: expression(alert(1))">x</p>', ["5:4 H004"]),
    # iframes: allowed hosts and their subdomains only
    ('<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>', []),
    ('<iframe src="//player.vimeo.com/video/1"></iframe>', []),
    ('<iframe src="https://www.voachinese.com/embed/player/0/1.html"></iframe>', []),
    ('<iframe src="https://evil.example/x"></iframe>', ["5:1 H004"]),
    ('<iframe src="https://youtube.com.evil.example/x"></iframe>', ["5:1 H004"]),
    ('<iframe src="https://notyoutube.com/x"></iframe>', ["5:1 H004"]),
    ('<iframe src="/embed/x"></iframe>', ["5:1 H004"]),
    ('<iframe srcdoc="<p>x</p>"></iframe>', ["5:1 H004"]),
])
def test_positions(body: str, expected: list[str]) -> None:
    assert positions(run(UnsafeContent, article_text(body))) == expected


def test_allowed_hosts_option_replaces_the_list() -> None:
    text = article_text(YOUTUBE + '<iframe src="https://video.example.org/e/1"></iframe>')
    found = run(UnsafeContent, text, allowed_iframe_hosts=("example.org",))
    assert positions(found) == ["5:1 H004"]
    options = UnsafeContent.Options.model_validate({"allowed-iframe-hosts": ["example.org"]})
    assert options.allowed_iframe_hosts == ("example.org",)


@pytest.mark.parametrize(("body", "part"), [
    (TWEET, "tweet-embed script from `platform.twitter.com`: remove the script; the "
            "tweet's `<blockquote>` keeps its text and link"),
    ('<script async src="//www.instagram.com/embed.js"></script>', "Instagram embed script"),
    ('<script src="https://cdn.example/x.js"></script>', "from `cdn.example`: remove it"),
    ("<script>x</script>", "inline `<script>`: remove it"),
    ('<form action="/x"></form>', "keep its text as a paragraph"),
    ('<img src="a" onerror="x">', "event handler `onerror` on `<img>`: remove the attribute"),
    ('<a href="jav&#x61;script:x">y</a>', "`javascript:` URL in `href` on `<a>` runs code"),
    ('<iframe src="https://evil.example/x"></iframe>',
     "`<iframe>` from `evil.example`, which is not an allowed embed host: replace it with a "
     "link to the content, or add the host to `allowed-iframe-hosts`"),
])
def test_messages_say_what_to_do(body: str, part: str) -> None:
    messages = [d.message for d in run(UnsafeContent, article_text(body))]
    assert any(part in message for message in messages), messages


def test_unsafe_fix_removes_scripts_and_styles() -> None:
    text = article_text(TWEET + "<style>p{}</style><p>x</p>")
    assert fixed(UnsafeContent, text) == text  # unsafe only
    assert fixed(UnsafeContent, text, unsafe=True) == article_text(
        '<blockquote class="twitter-tweet"><p>推文</p></blockquote><p>x</p>')


def test_the_sample_is_clean() -> None:
    assert run(UnsafeContent, SAMPLE.read_text(encoding="utf-8")) == []
