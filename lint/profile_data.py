"""The built-in source profiles (SPEC §2.1, measured on 1,700 archived files of June-July
2020). Data only; `lint.profiles` validates it into `Profile` models."""

from __future__ import annotations

from typing import Any

_DIV_I = "<div><i>{date}</i></div>"

BUILTIN_PROFILES: list[dict[str, Any]] = [
    {
        "name": "voa",
        "description": "Voice of America Chinese: RFC 2822 date in GMT, captioned figures",
        "hosts": ["voachinese.com"],
        "date_required": True,
        "date_markup": [_DIV_I],
        "date_formats": ["rfc2822"],
        "time_zone": "UTC",
        "captions_required": True,
        # Lead images take `<div><small>`; figures inside the text sometimes take
        # `<span class="imageCaption">` (both seen in the 2020 archive).
        "caption_markup": ["div>small", "span.imageCaption"],
    },
    {
        "name": "bbc",
        "description": "BBC News Chinese: date only (`2020年 7月 20日`), <figure>/<figcaption>",
        "hosts": ["bbc.com", "bbc.co.uk"],
        "date_required": True,
        "date_markup": [_DIV_I],
        "date_formats": ["cjk-date"],
        # A date-only value: the zone only matters at the day's edges. Beijing time is the
        # earliest plausible start of the day, so "archived before published" stays sure.
        "time_zone": "+08:00",
        "caption_markup": ["figcaption"],
    },
    {
        "name": "dw",
        "description": "Deutsche Welle Chinese: ISO 8601 UTC date after a <br>; half the "
                       "captions are empty",
        "hosts": ["dw.com"],
        "date_required": True,
        "date_markup": ["<div><i><br>{date}</i></div>"],
        "date_formats": ["iso8601"],
        "time_zone": "UTC",
        "captions_required": True,
        "empty_captions_allowed": True,
    },
    {
        "name": "reuters",
        "description": "Reuters Chinese: ISO 8601 date without a zone, in UTC",
        "hosts": ["cn.reuters.com"],
        "date_required": True,
        "date_markup": [_DIV_I],
        "date_formats": ["iso8601"],
        "time_zone": "UTC",
    },
    {
        "name": "nyt",
        "description": "New York Times Chinese: byline, then `YYYY-MM-DD HH:MM:SS` in "
                       "Beijing time",
        "hosts": ["cn.nytimes.com"],
        "date_required": True,
        "date_markup": ["<div><i>{author}<br>{date}</i></div>", _DIV_I],
        "date_formats": ["datetime"],
        "time_zone": "+08:00",
        "captions_required": True,
    },
    {
        "name": "rfi",
        "description": "RFI Chinese: `DD/MM/YYYY - HH:MM` in Paris time, no <i>",
        "hosts": ["rfi.fr"],
        "date_required": True,
        "date_markup": ["<div>{date}</div>"],
        "date_formats": ["dmy-hm"],
        "time_zone": "Europe/Paris",
    },
    {
        "name": "rfa",
        "description": "Radio Free Asia: paragraphs from the start, no date element",
        "hosts": ["rfa.org"],
    },
    {
        "name": "ft",
        "description": "FT Chinese: `<div></div><div class=\"story-lead\">`, no date element",
        "hosts": ["cn.ft.com", "ftchinese.com"],
    },
    {
        "name": "cdt",
        "description": "China Digital Times: whatever the post starts with, no date element",
        "hosts": ["chinadigitaltimes.net"],
    },
    {
        "name": "generic",
        "description": "Unknown hosts: a date element is optional; if present, any known "
                       "markup and format is accepted",
        "date_markup": [_DIV_I, "<div><i><br>{date}</i></div>",
                        "<div><i>{author}<br>{date}</i></div>", "<div>{date}</div>"],
        "date_formats": ["rfc2822", "iso8601", "datetime", "cjk-date", "dmy-hm"],
        "time_zone": "UTC",
    },
]
