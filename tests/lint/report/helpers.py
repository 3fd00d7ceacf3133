"""Run the CLI in-process on article texts and capture one format's output."""

from __future__ import annotations

import io
from pathlib import Path

from lint.cli import main
from tests.support import SAMPLE

EMOJI = "\U0001F600"
GOOD = SAMPLE.read_text(encoding="utf-8")
# S001 with a safe fix (the spaces) and S002 after an emoji on line 2 (no fix).
DEFECTIVE = (GOOD.replace("<!--1702517943000-->", "<!-- 1702517943000 -->")
             .replace("[巴基斯坦", f"[{EMOJI}巴基斯坦", 1)
             .replace("](https://www.voachinese.com/a/", "](https://www.voachinese.com/a b/", 1))


class _Stdin(io.StringIO):
    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.buffer = io.BytesIO(data)


def check(fmt: str, *paths: str | Path, stdin: str = "", extra: tuple[str, ...] = ()
          ) -> tuple[int, str]:
    out = io.StringIO()
    args = ["check", "--output-format", fmt, *extra, *map(str, paths)]
    code = main(args, stdout=out, stdin=_Stdin(stdin.encode("utf-8")))
    return code, out.getvalue()


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
