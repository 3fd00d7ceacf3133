"""Date formats, zones and weekdays."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.dates import Precision, parse_date, parse_zone, weekday_like, weekday_tokens

UTC = timezone.utc
BEIJING = parse_zone("+08:00")


@pytest.mark.parametrize(("text", "fmt", "zone", "expected", "precision"), [
    ("Mon, 20 Jul 2020 19:22:03 GMT", "rfc2822", UTC, "2020-07-20T19:22:03", "second"),
    ("20 Jul 2020 19:22 +0800", "rfc2822", UTC, "2020-07-20T11:22:00", "minute"),
    ("Mon, 20 Jul 2020 19:22:03 EDT", "rfc2822", UTC, "2020-07-20T23:22:03", "second"),
    ("2020-07-20T14:58:19.428Z", "iso8601", BEIJING, "2020-07-20T14:58:19.428000",
     "second"),
    ("2020-07-20T10:20:18", "iso8601", UTC, "2020-07-20T10:20:18", "second"),
    ("2020-07-20 19:22:17", "datetime", BEIJING, "2020-07-20T11:22:17", "second"),
    ("2020年 7月 20日", "cjk-date", BEIJING, "2020-07-19T16:00:00", "day"),
    ("2020年7月20日", "cjk-date", UTC, "2020-07-20T00:00:00", "day"),
    ("20/07/2020 - 17:50", "dmy-hm", parse_zone("Europe/Paris"), "2020-07-20T15:50:00",
     "minute"),
    ("20/01/2020 - 17:50", "dmy-hm", parse_zone("Europe/Paris"), "2020-01-20T16:50:00",
     "minute"),
    ("2020/07/20 08:00", "%Y/%m/%d %H:%M", BEIJING, "2020-07-20T00:00:00", "minute"),
])
def test_formats_and_zones(text: str, fmt: str, zone: object, expected: str,
                           precision: str) -> None:
    parsed = parse_date(text, [fmt], zone)  # type: ignore[arg-type]
    assert parsed is not None
    assert parsed.value.astimezone(UTC).replace(tzinfo=None) == datetime.fromisoformat(expected)
    assert parsed.precision is Precision(precision)


@pytest.mark.parametrize(("text", "fmt"), [
    ("Thu, 34 Dec 2023 00:59:03 GMT", "rfc2822"),
    ("Thx, 14 Dec 2023 00:59:03 GMT", "rfc2822"),
    ("Thu, 14 Dex 2023 00:59:03 GMT", "rfc2822"),
    ("Thu, 14 Dec 2023 25:59:03 GMT", "rfc2822"),
    ("2020-07-20 19:22:17", "iso8601"),  # a space is the `datetime` format
    ("2020-02-30T10:00:00", "iso8601"),
    ("2020年 13月 1日", "cjk-date"),
    ("", "rfc2822"),
    ("9" * 200, "datetime"),
])
def test_malformed_dates_do_not_parse(text: str, fmt: str) -> None:
    assert parse_date(text, [fmt], UTC) is None


def test_weekday_tokens_and_styles() -> None:
    tokens = weekday_tokens("Thu, 14 Dec 2023")
    assert [(t.start, t.end, t.index) for t in tokens] == [(0, 3, 3)]
    assert [t.index for t in weekday_tokens("2023年12月14日 星期四")] == [3]
    assert [t.index for t in weekday_tokens("周日 礼拜天")] == [6, 6]
    assert weekday_tokens("Month 14 Dec") == []
    assert weekday_like("Thu", 1) == "Tue"
    assert weekday_like("THURSDAY", 1) == "TUESDAY"
    assert weekday_like("星期四", 6) == "星期日"


def test_bad_zone() -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        parse_zone("Nowhere/City")


_MOMENTS = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2099, 12, 31))


@settings(max_examples=80, deadline=None)
@given(_MOMENTS)
def test_named_formats_read_what_they_write(moment: datetime) -> None:
    moment = moment.replace(microsecond=0)
    written = {
        "rfc2822": moment.strftime("%a, %d %b %Y %H:%M:%S GMT"),
        "iso8601": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "datetime": moment.strftime("%Y-%m-%d %H:%M:%S"),
    }
    for fmt, text in written.items():
        parsed = parse_date(text, [fmt], UTC)
        assert parsed is not None and parsed.local == moment, (fmt, text)
    day = parse_date(f"{moment.year}年 {moment.month}月 {moment.day}日", ["cjk-date"], UTC)
    assert day is not None and day.local == datetime(moment.year, moment.month, moment.day)
    weekday = weekday_tokens(written["rfc2822"])
    assert [t.index for t in weekday] == [moment.weekday()]
