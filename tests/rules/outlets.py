"""Test articles in each outlet's layout, built from the SPEC §2.1 descriptions (the
texts are made up; only the markup and date formats follow the outlets)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from tests.support import article_text

CAPTION = '<div><small style="color: #999;">{}</small></div>'


@dataclass(frozen=True)
class Outlet:
    url: str
    opening: str  # the date element (or whatever the outlet opens with)
    figure: str  # an image with the outlet's caption, or ""
    published: datetime  # the publication instant the opening means (UTC)


OUTLETS: dict[str, Outlet] = {
    "voa": Outlet(
        "https://www.voachinese.com/a/test-article-20200720/5510210.html",
        "<div><i>Mon, 20 Jul 2020 19:22:03 GMT</i></div>",
        '<img src="https://images.weserv.nl?url=gdb.voanews.com/x_w900.jpg" width="100%">'
        + CAPTION.format("示威者在街头游行。（美联社照片）"),
        datetime(2020, 7, 20, 19, 22, 3, tzinfo=timezone.utc)),
    "bbc": Outlet(
        "https://www.bbc.com/zhongwen/simp/world-53470311",
        "<div><i>2020年 7月 20日</i></div>",
        '<figure><img src="https://ichef.bbci.co.uk/news/x.jpg" alt="图">'
        "<figcaption>图片来源，Getty Images</figcaption></figure>",
        datetime(2020, 7, 19, 16, 0, tzinfo=timezone.utc)),  # the day, in Beijing time
    "dw": Outlet(
        "https://www.dw.com/zh/test-article/a-54236543",
        "<div><i><br>2020-07-20T14:58:19.428Z</i></div>",
        '<img src="https://static.dw.com/image/54236543_303.jpg">' + CAPTION.format(""),
        datetime(2020, 7, 20, 14, 58, 19, 428000, tzinfo=timezone.utc)),
    "reuters": Outlet(
        "https://cn.reuters.com/article/test-article-idCNKCS24L0AB",
        "<div><i>2020-07-20T10:20:18</i></div>", "",
        datetime(2020, 7, 20, 10, 20, 18, tzinfo=timezone.utc)),
    "nyt": Outlet(
        "https://cn.nytimes.com/china/20200720/test-article/",
        "<div><i>本报记者<br>2020-07-20 19:22:17</i></div>",
        '<img src="https://static01.nyt.com/images/x.jpg">' + CAPTION.format("北京街头。"),
        datetime(2020, 7, 20, 11, 22, 17, tzinfo=timezone.utc)),  # 19:22:17 at UTC+8
    "rfi": Outlet(
        "https://www.rfi.fr/cn/中国/20200720-test-article",
        "<div>20/07/2020 - 17:50</div>", "",
        datetime(2020, 7, 20, 15, 50, tzinfo=timezone.utc)),  # Paris summer time, UTC+2
    "rfa": Outlet(
        "https://www.rfa.org/mandarin/yataibaodao/test-article-07202020101010.html",
        "", "", datetime(2020, 7, 20, tzinfo=timezone.utc)),
    "ft": Outlet(
        "https://cn.ft.com/story/001088523",
        '<div></div><div class="story-lead">导语。</div>', "",
        datetime(2020, 7, 20, tzinfo=timezone.utc)),
    "cdt": Outlet(
        "https://chinadigitaltimes.net/chinese/2020/07/test-article/",
        "<blockquote><p>引文。</p></blockquote>", "",
        datetime(2020, 7, 20, tzinfo=timezone.utc)),
}
DATED = ("voa", "bbc", "dw", "reuters", "nyt", "rfi")


def ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def outlet_text(name: str, body: str | None = None, archived: datetime | None = None,
                url: str | None = None, opening: str | None = None) -> str:
    """A whole file in outlet `name`'s layout, archived 30 minutes after publication
    unless told otherwise. `body` defaults to the outlet's figure and one paragraph."""
    outlet = OUTLETS[name]
    when = archived or outlet.published + timedelta(minutes=30)
    header = f"<!--{ms(when)}-->\n[测试标题]({url or outlet.url})\n------\n\n"
    rest = outlet.figure + "<p>正文。</p>" if body is None else body
    return article_text((outlet.opening if opening is None else opening) + rest, header)
