"""The catalogue of hostile and broken inputs (issue 10 grows it): every rule, every
input — diagnostics or a clear error, never a traceback, an internal error or a leak of
anything from the local disk."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from lint.cli import main
from tests.support import SAMPLE

GOOD = SAMPLE.read_text(encoding="utf-8")
HEAD = "<!--1702517943000-->\n[标题](https://www.voachinese.com/a/x-20231213/1.html)\n------\n\n"


def body(text: str) -> bytes:
    return (HEAD + text + "\n").encode()


CATALOGUE: dict[str, bytes] = {
    "empty": b"",
    "only-newlines": b"\n" * 1000,
    "bom": "\ufeff".encode() + GOOD.encode(),
    "crlf": GOOD.replace("\n", "\r\n").encode(),
    "cr-only": GOOD.replace("\n", "\r").encode(),
    "nul-bytes": GOOD.encode().replace(b"</p>", b"\x00</p>"),
    "utf-16": GOOD.encode("utf-16"),
    "latin-1": "<!--1-->\n[café](https://x.org)\n".encode("latin-1"),
    "binary": bytes(range(256)) * 64,
    "header-only": HEAD.encode(),
    "unterminated-comment": body("<p>正文<!-- 没有结束"),
    "5mb-body": body("<p>" + "巴基斯坦塔利班运动，" * 500_000 + "</p>"),
    "deep-nesting": body("<div>" * 100_000 + "x" + "</div>" * 100_000),
    "deep-unclosed": body("<span>" * 100_000),
    "200k-paragraphs": body("<p>段落。</p>" * 200_000),
    "repeated-punctuation": body("<p>" + "，" * 200_000 + "</p>"),
    "name-separators": body("<p>" + "阿·" * 100_000 + "</p>"),
    "huge-gloss": body("<p>简·阿恰克扎伊（" + "an Achakzai " * 25_000 + "）</p>"),
    "many-attributes": body("<p " + " ".join(f"a{i}=x" for i in range(50_000)) + ">t</p>"),
    "unclosed-quote": body('<p title="' + "x" * 500_000 + ">t</p>"),
    "suppression-codes": body("<!-- articlelint-disable " + " ".join(["T002"] * 100_000)
                              + " --><p>x</p>"),
    "xxe": body('<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><p>&x;</p>'),
    "billion-laughs": body('<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">'
                           '<!ENTITY c "&b;&b;&b;&b;">]><p>&c;&c;&c;</p>'),
    "bad-references": body("<p>&#0;&#x110000;&#xD800;&#99999999999999999999999;&bogus;&amp</p>"),
    "emoji-and-bidi": body("<p>😀‮عربي‬ 中文\u200d😀（Ａｂｃ）</p>"),
    "lone-surrogate-escape": body("<p>&#xDFFF;</p>"),
    "stray-angle": body("<p>a < b > c <<>> </ p></p>"),
}


def run_cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), stdout=out)
    return code, out.getvalue()


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_hostile_input(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.md"
    path.write_bytes(CATALOGUE[name])
    code, out = run_cli("check", "--select", "ALL", "--output-format", "json", str(path))
    assert code in (0, 1), out[:2000]
    report = json.loads(out)
    internal = [d for d in report["diagnostics"] if d["code"] == "X002"]
    assert not internal, internal[:3]
    assert "root:x:0:0" not in out  # nothing from /etc/passwd
    size = len(CATALOGUE[name].decode("utf-8", errors="replace"))
    for d in report["diagnostics"]:
        assert 0 <= d["offset"] <= d["end_offset"] <= size


def test_directory_named_like_a_file_and_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "x.md").mkdir()
    (tmp_path / "x.md" / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)
    code, out = run_cli("check", "--select", "S001", "--output-format", "json", str(tmp_path))
    assert code == 0 and json.loads(out)["summary"]["files"] == 1


def test_unreadable_file_is_a_diagnostic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.md"
    path.write_text(GOOD, encoding="utf-8")
    original = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "secret.md":
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    code, out = run_cli("check", str(tmp_path))
    assert code == 1 and "X003 [unreadable-file] cannot read the file: Permission denied" in out


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root reads files whatever their mode")
def test_unreadable_by_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    code, out = run_cli("check", str(path))
    assert code == 1 and "X003" in out
