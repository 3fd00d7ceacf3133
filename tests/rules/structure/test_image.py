"""S006 image."""

from __future__ import annotations

import pytest

from rules.structure.image import Image
from tests.support import SAMPLE, article_text, positions, run

OK = "https://images.weserv.nl?url=gdb.voanews.com/a.jpg"


@pytest.mark.parametrize(("body", "expected"), [
    (f'<img src="{OK}" width="100%">', []),
    ('<img class="photo" src="https://gdb.voanews.com/a_w900.jpg" alt="x" border="0"/>', []),
    ('<img src="https://a.example/x.jpg" width="640" height="50.5%">', []),
    ('<img src="data:image/png;base64,iVBORw0KGgo=">', []),
    ('<img width="100%">', ["5:1 S006"]),  # no src: the whole tag
    ('<img src="" width="100%">', ["5:6 S006"]),  # empty src: the attribute
    ("<img src>", ["5:6 S006"]),
    ('<img src="  ">', ["5:11 S006"]),
    ('<img src="/images/a.jpg">', ["5:11 S006"]),  # relative: the value
    ('<img src="//gdb.voanews.com/a.jpg">', ["5:11 S006"]),
    ('<img src="ftp://example.com/a.jpg">', ["5:11 S006"]),
    ('<img src="http://[::1">', ["5:11 S006"]),  # unparsable URL: a diagnostic
    ('<img src="data:text/html,hi">', ["5:11 S006"]),
    ('<img src="https://images.weserv.nl?url=">', ["5:11 S006"]),
    ('<img src="https://images.weserv.nl/?w=300">', ["5:11 S006"]),
    (f'<img src="{OK}" width="90px">', [f"5:{len(OK) + 20} S006"]),
    (f'<img src="{OK}" height="">', [f"5:{len(OK) + 13} S006"]),
    (f'<img src="{OK}" width="100%%">', [f"5:{len(OK) + 20} S006"]),
    ('<p>正文<img src="x.jpg">。</p>', ["5:16 S006"]),  # inline images too
    ('<video poster="x.jpg" src="y.mp4"></video>', []),  # only <img>
])
def test_cases(body: str, expected: list[str]) -> None:
    assert positions(run(Image, article_text(body))) == expected


def test_messages() -> None:
    [missing] = run(Image, article_text('<img width="100%">'))
    assert missing.message == "`<img>` has no `src`"
    [relative] = run(Image, article_text('<img src="/images/a.jpg">'))
    assert "`/images/a.jpg` is not an absolute http(s) URL" in relative.message
    [proxy] = run(Image, article_text('<img src="https://images.weserv.nl?url=">'))
    assert "names no image" in proxy.message


def test_sample_images_are_fine() -> None:
    assert run(Image, SAMPLE.read_text(encoding="utf-8")) == []
