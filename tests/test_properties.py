"""Property-based tests (issue 10, item 2) over every rule in the registry: generated
articles (header variants, bodies from the real element vocabulary, Chinese text with
name glosses, punctuation of both widths and character references) and mutations of real
ones (slices deleted, duplicated or moved, tags swapped, characters injected).

For every input: no rule fails (no X002); every span lies inside the text and its line and
column agree with its offsets; every edit of a fix lies within or touches the span of the
diagnostic that carries it; fixing twice gives the bytes of fixing once (safe fixes, then
unsafe ones too).

The default run keeps a few dozen examples per test; the `fuzz` marker (deselected by
default, run by .ci/run as a second, bounded step) reruns them with the examples of the
hypothesis profile `fuzz` (tests/conftest.py; `ARTICLELINT_FUZZ_EXAMPLES`).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.fix_run import Mode, fix_text, lint_text
from lint.models import Diagnostic
from lint.registry import Registry
from lint.settings import Selection, build_settings
from lint.source import SourceText
from tests.support import EXAMPLES, FIXTURES

REGISTRY = Registry.default()
# Every rule, by exact code: the ones that are off by default too.
SETTINGS = build_settings(REGISTRY, Selection(select=[r.code for r in REGISTRY.rules]), None)
FAST = settings(max_examples=30, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# No max_examples here: the loaded hypothesis profile decides (`fuzz` in CI).
FUZZ = settings(deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Fixes that legitimately edit beyond the diagnostic's span, by code and message start:
# their edits must still lie inside the text and start at the span or after it. (A rule
# that fixes a pair, as T001 does, reports the span of the pair and needs no entry.)
EDITS_ELSEWHERE: dict[tuple[str, str], str] = {
    # Found by the fuzz target: `<p a="x"="y">` reports the first stray quote (the place
    # where the value really ends early); the unsafe fix escapes every quote up to the one
    # that ends the value, which the message names ("the value is read up to 5:12").
    ("H001", "unescaped `"): "escapes the quotes up to the real end of the value",
}


def edits_elsewhere(diagnostic: Diagnostic) -> bool:
    return any(diagnostic.code == code and diagnostic.message.startswith(start)
               for code, start in EDITS_ELSEWHERE)


# --- generated articles ------------------------------------------------------------------

HOSTS = ["www.voachinese.com", "www.bbc.com", "www.dw.com", "cn.nytimes.com", "www.rfa.org",
         "example.org", "", "xn--fiqs8s.cn"]
CHINESE = list("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可"
               "主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电"
               "力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由"
               "其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利")
NAMES = [("阿西姆·穆尼尔", "Asim Munir"), ("夏巴兹·谢里夫", "Shehbaz Sharif"),
         ("安东尼·布林肯", "Antony Blinken"), ("蓬佩奥", "Pompeo"), ("约翰逊", "Johnson"),
         ("伊姆兰·汗", "Imran Khan"), ("拜登", "Biden")]
PUNCTUATION = list("，。、；：？！“”‘’（）《》「」—…·•・,.;:?!()\"'[]【】")
REFERENCES = ["&nbsp;", "&amp;", "&lt;", "&gt;", "&quot;", "&#12290;", "&#x3002;", "&#0;",
              "&bogus;", "&amp", "&#x110000;", "&#xD800;", "&"]
OTHER = [" ", "  ", "\u3000", "\u00a0", "\t", "Ａ", "１", "2023年", "12月13日", "COVID-19",
         "the", "US", "😀", "\u202e", "\u200b", "\r"]


@st.composite
def text_pieces(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.one_of(
        st.lists(st.sampled_from(CHINESE), min_size=1, max_size=12).map("".join),
        st.sampled_from(NAMES).flatmap(lambda name: st.sampled_from([
            f"{name[0]}（{name[1]}）", f"{name[0]}({name[1]})", f"{name[0]}（{name[1].lower()}）",
            f"{name[0]}（{name[1]}", name[0], f"{name[0].replace('·', '•')}（{name[1]}）",
            f"{name[0].replace('·', '.')}（{name[1].upper()}）"])),
        st.sampled_from(PUNCTUATION), st.sampled_from(REFERENCES), st.sampled_from(OTHER),
    ), max_size=14))
    return "".join(pieces)


@st.composite
def inline(draw: st.DrawFn) -> str:
    text = draw(text_pieces())
    wrap = draw(st.sampled_from(["", "b", "strong", "i", "em", "a", "span", "br"]))
    if wrap == "":
        return text
    if wrap == "br":
        return text + "<br>"
    if wrap == "a":
        return f'<a href="https://www.voachinese.com/a/{len(text)}.html">{text}</a>'
    return f"<{wrap}>{text}</{wrap}>"


DATES = ["Wed, 13 Dec 2023 14:06:09 +0800", "Mon, 20 Jul 2020 19:22:03 GMT",
         "2020-07-20 19:22:17", "2020年 7月 20日", "20/07/2020 - 17:50", "星期三", "", "&nbsp;"]
IMAGES = ["https://images.weserv.nl?url=gdb.voanews.com/a_w900.jpg",
          "https://gdb.voanews.com/a.jpg", "file:///etc/passwd", "javascript:alert(1)", ""]


@st.composite
def block(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["p", "p", "p", "date", "img", "figure", "h2", "quote", "list",
                                 "empty", "iframe", "script", "comment", "broken"]))
    inner = "".join(draw(st.lists(inline(), min_size=0, max_size=4)))
    if kind == "p":
        return f"<p>{inner}</p>"
    if kind == "date":
        return f"<div><i>{draw(st.sampled_from(DATES))}</i></div>"
    if kind == "img":
        src = draw(st.sampled_from(IMAGES))
        return (f'<img src="{src}" width="100%"><div><small style="color: #999;">{inner}'
                "</small></div>")
    if kind == "figure":
        return f'<figure><img src="{draw(st.sampled_from(IMAGES))}" alt="{inner[:10]}">' \
               f"<figcaption>{inner}</figcaption></figure>"
    if kind in ("h2", "quote"):
        tag = "h2" if kind == "h2" else "blockquote"
        return f"<{tag}>{inner}</{tag}>"
    if kind == "list":
        return "<ul>" + "".join(f"<li>{draw(inline())}</li>" for _ in range(2)) + "</ul>"
    if kind == "empty":
        return draw(st.sampled_from(["<p></p>", "<p> </p>", "<p>&nbsp;</p>", "<p><br></p>"]))
    if kind == "iframe":
        host = draw(st.sampled_from(["www.youtube.com", "evil.example", "player.vimeo.com"]))
        return f'<iframe src="https://{host}/embed/x"></iframe>'
    if kind == "script":
        return draw(st.sampled_from(["<script>alert(1)</script>", '<p onclick="x()">x</p>',
                                     "<style>p{}</style>", "<x-widget>x</x-widget>"]))
    if kind == "comment":
        return draw(st.sampled_from([
            "<!-- articlelint-disable-next T002 -->", "<!-- articlelint-disable -->",
            "<!-- articlelint-enable -->", "<!-- articlelint-disable-file S010 -->",
            "<!-- articlelint-disable-next bogus -->", "<!-- a comment -->", "<!--"]))
    return draw(st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<p <b>", "<a href=x",
                                 '<p class="a" class="b">x</p>', "<b><p>x</p></b>", "</ p>"]))


@st.composite
def generated_articles(draw: st.DrawFn) -> str:
    stamp = draw(st.sampled_from(["<!--1702517943000-->", "<!--1595274082-->", "<!---->",
                                  "<!--x-->", "", "<!--1702517943000"]))
    host = draw(st.sampled_from(HOSTS))
    day = draw(st.sampled_from(["20231213", "20200720", "19991231", ""]))
    title = draw(text_pieces()) or "标题"
    url = f"https://{host}/a/x-{day}/1.html" if host else "not a url"
    header_title = draw(st.sampled_from([f"[{title}]({url})", title, f"[{title}]", f"[]({url})"]))
    underline = draw(st.sampled_from(["------", "===", "-", "", "------ "]))
    body = "".join(draw(st.lists(block(), min_size=0, max_size=8)))
    separator = draw(st.sampled_from(["\n\n", "\n", "\n\n\n"]))
    end = draw(st.sampled_from(["\n", "", "\n\n"]))
    return f"{stamp}\n{header_title}\n{underline}{separator}{body}{end}"


# --- mutations of real articles -------------------------------------------------------

REAL = [path.read_text(encoding="utf-8") for path in
        [*sorted(EXAMPLES.glob("*.md")), *sorted((FIXTURES / "voa").glob("*.md"))[::9]]]
TAG = re.compile(r"<[^<>]{0,200}>")
INJECT = ["<", ">", "&", "\"", "'", "（", "）", "“", "·", "•", " ", "\n", "\r", "\x00",
          "\ufeff", "\u202e", "😀", "<!--", "-->", "</p>", "<p>", "&nbsp;", "，", "。"]


@st.composite
def mutated_articles(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(REAL))
    for _ in range(draw(st.integers(1, 5))):
        size = len(text)
        a = draw(st.integers(0, size))
        b = draw(st.integers(a, min(size, a + draw(st.sampled_from([1, 10, 200, 5000])))))
        op = draw(st.sampled_from(["delete", "duplicate", "move", "swap-tags", "inject"]))
        if op == "delete":
            text = text[:a] + text[b:]
        elif op == "duplicate":
            text = text[:b] + text[a:b] + text[b:]
        elif op == "move":
            piece, rest = text[a:b], text[:a] + text[b:]
            at = draw(st.integers(0, len(rest)))
            text = rest[:at] + piece + rest[at:]
        elif op == "swap-tags":
            tags = list(TAG.finditer(text))
            if len(tags) >= 2:
                first, second = sorted(draw(st.lists(st.sampled_from(tags), min_size=2,
                                                     max_size=2, unique_by=lambda m: m.start())),
                                       key=lambda m: m.start())
                text = (text[:first.start()] + second.group() + text[first.end():second.start()]
                        + first.group() + text[second.end():])
        else:
            text = text[:a] + draw(st.sampled_from(INJECT)) + text[a:]
    return text


# --- the properties -------------------------------------------------------------------

def problems(diagnostic: Diagnostic, source: SourceText) -> list[str]:
    size, span, found = len(source), diagnostic.span, []
    where = f"{diagnostic.code} {span.offset}..{span.end_offset}"
    if diagnostic.code == "X002":
        found.append(f"internal error: {diagnostic.message}")
    if not 0 <= span.offset <= span.end_offset <= size:
        found.append(f"{where}: span outside the text ({size})")
    elif source.span(span.offset, span.end_offset) != span:
        found.append(f"{where}: line/column {span.line}:{span.column}-{span.end_line}:"
                     f"{span.end_column} do not match the offsets")
    if diagnostic.fix is not None:
        elsewhere = edits_elsewhere(diagnostic)
        for edit in diagnostic.fix.edits:
            if not 0 <= edit.offset <= edit.end_offset <= size:
                found.append(f"{where}: edit {edit.offset}..{edit.end_offset} outside the text")
            elif elsewhere and edit.offset < span.offset:
                found.append(f"{where}: edit {edit.offset}..{edit.end_offset} before the span")
            elif not elsewhere and (edit.offset > span.end_offset
                                    or edit.end_offset < span.offset):
                found.append(f"{where}: edit {edit.offset}..{edit.end_offset} "
                             f"{edit.content!r} away from the span")
    return found


def check_properties(text: str) -> None:
    source = SourceText(text)
    checked = lint_text("p.md", source, SETTINGS, frozenset())
    found = [p for d in checked.result.diagnostics for p in problems(d, source)]
    assert not found, found[:5]
    for unsafe in (False, True):
        once = fix_text("p.md", source, SETTINGS, frozenset(), Mode(fix=True, unsafe=unsafe))
        assert not [d for d in once.checked.result.diagnostics if d.code == "X002"]
        if once.text is None:
            continue
        again = fix_text("p.md", SourceText(once.text), SETTINGS, frozenset(),
                         Mode(fix=True, unsafe=unsafe))
        assert again.text is None, "fixing twice changed the text again"
        fixed = SourceText(once.text)
        found = [p for d in again.checked.result.diagnostics for p in problems(d, fixed)]
        assert not found, found[:5]


@FAST
@given(generated_articles())
def test_generated_articles(text: str) -> None:
    check_properties(text)


@FAST
@given(mutated_articles())
def test_mutated_real_articles(text: str) -> None:
    check_properties(text)


@pytest.mark.fuzz
@FUZZ
@given(generated_articles())
def test_fuzz_generated_articles(text: str) -> None:
    check_properties(text)


@pytest.mark.fuzz
@FUZZ
@given(mutated_articles())
def test_fuzz_mutated_real_articles(text: str) -> None:
    check_properties(text)


def test_the_checker_itself_flags_each_kind_of_problem() -> None:
    """The properties above pass only if `problems` can fail: one bad diagnostic each."""
    from lint.models import Applicability, Edit, Fix, Severity

    source = SourceText("ab\ncd\n")

    def diagnostic(start: int, end: int, edit: tuple[int, int] | None = None,
                   code: str = "Z901", **span: int) -> Diagnostic:
        fix = None if edit is None else Fix(applicability=Applicability.SAFE, message="m",
                                            edits=(Edit(offset=edit[0], end_offset=edit[1],
                                                        content="x"),))
        good = source.span(start, end) if end <= len(source) else source.span(0, 0).model_copy(
            update={"offset": start, "end_offset": end})
        return Diagnostic(code=code, name="n", severity=Severity.WARNING, message="m",
                          span=good.model_copy(update=span), fix=fix)

    assert problems(diagnostic(3, 5, edit=(4, 5)), source) == []
    assert problems(diagnostic(3, 5, edit=(5, 6)), source) == []  # touches the end
    assert "away from the span" in problems(diagnostic(3, 4, edit=(0, 1)), source)[0]
    assert "outside the text" in problems(diagnostic(3, 4, edit=(5, 9)), source)[0]
    assert "span outside the text" in problems(diagnostic(3, 9), source)[0]
    assert "do not match" in problems(diagnostic(3, 4, line=1), source)[0]
    assert "internal error" in problems(diagnostic(0, 0, code="X002"), source)[0]


def test_the_quote_escaping_fix_is_the_documented_exception() -> None:
    from tests.support import article_text

    text = article_text('<p a="x"="y">z</p>')
    source = SourceText(text)
    (quote,) = [d for d in lint_text("p.md", source, SETTINGS, frozenset()).result.diagnostics
                if d.code == "H001"]
    assert edits_elsewhere(quote) and problems(quote, source) == []
    assert quote.fix is not None and max(e.offset for e in quote.fix.edits) > quote.span.end_offset
