"""Article text is data: titles, paths, body text, messages and code frames that hold
markup are shown as text, and opening the report runs none of it."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from lint.cli import main
from tests.lint.health import browser, pagecheck
from tests.support import article_text

# Each payload, if it ever ran, would leave a mark in the DOM that the tests look for.
SCRIPT = "</script><script>document.title='pwned'</script>"
IMG = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"
TITLE = f"{SCRIPT}{IMG}标题"
BODY = ("<div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div>"
        "<p>“没有闭合的引号 &lt;script&gt;document.title='pwned'&lt;/script&gt; "
        "(括号)</p>"
        f"<p>文字{SCRIPT}{IMG}更多(测试)文字</p><p></p>")
FILE_NAME = "evil[bold]<b onmouseover=alert(1)>.md"  # markup for HTML and for rich


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    header = (f"<!--1702517943000-->\n[{TITLE}](javascript:document.title='pwned')\n"
              "------\n\n")
    (folder / FILE_NAME).write_text(article_text(BODY, header), encoding="utf-8")
    (folder / "other.md").write_text(article_text(
        BODY, header.replace("javascript:document.title='pwned'",
                             "https://www.voachinese.com/a/x\"><script>.html")),
        encoding="utf-8")
    (folder / "broken.md").write_bytes(b"<!--1702517943000-->\n\xff\xfe</script>\n")
    return folder


def _report(archive: Path, *extra: str) -> str:
    out = io.StringIO()
    assert main(["report", str(archive), "--jobs", "1", *extra], stdout=out) == 0
    return out.getvalue()


def _check_escaped(document: str) -> None:
    tree = pagecheck.parse(document)
    assert pagecheck.active_elements(tree) == []
    assert pagecheck.outside_references(tree) == []
    assert not tree.xpath("//*[@data-pwned]") and "pwned" not in tree.findtext(".//title")
    titles = [p.text_content() for p in tree.xpath("//article[@class='file']/p[@class='title']")]
    assert titles and all(title == TITLE for title in titles)
    paths = [c.text_content() for c in tree.xpath("//article[@class='file']/h3/code")]
    assert any(path.endswith(FILE_NAME) for path in paths)
    frames = "".join(f.text_content() for f in tree.xpath("//pre[@class='frame']"))
    assert "<script>" in frames or IMG[:20] in frames  # shown, as text
    # A title URL that is not plain http(s), or that holds markup, is never a link.
    assert not tree.xpath("//a[@class='source']")


def test_html_report_escapes_article_text(archive: Path) -> None:
    document = _report(archive, "--format", "html")
    assert "<script" not in document.lower() and "<img" not in document.lower()
    _check_escaped(document)


def test_opening_the_report_runs_no_article_content(archive: Path, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(_report(archive, "--format", "html"), encoding="utf-8")
    dom = browser.dump_dom(page, tmp_path / "profile")
    _check_escaped(dom)
    assert "<title>articlelint report: 3 files</title>" in dom


def test_text_report_shows_markup_as_text(archive: Path) -> None:
    text = _report(archive, "--format", "text", "--top", "5")
    flat = re.sub(r"[\s│┃]", "", text)  # the path may be folded over table rows
    assert re.sub(r"\s", "", FILE_NAME) in flat
