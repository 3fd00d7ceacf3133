"""Durations in rule options: `30d`, `12h`, `90m`, `45s`, `2w`, a number of seconds, or an
ISO 8601 duration (`P30D`)."""

from __future__ import annotations

import re
from datetime import timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BeforeValidator

if TYPE_CHECKING:
    from pydantic import TypeAdapter

_UNITS = {"w": 604800, "d": 86400, "h": 3600, "m": 60, "min": 60, "s": 1, None: 1}


# The pattern and the adapter are built on first use (a duration option given in a config
# file), not at every start-up: importing pydantic's TypeAdapter and compiling the
# pattern cost ~0.9 ms, and a run with the default options needs neither.
@lru_cache(maxsize=1)
def _short() -> re.Pattern[str]:
    # The trailing blanks belong to the unit's group: two `\s*` around an optional unit
    # could split a run of blanks every way before failing (quadratic: 20,000 blanks
    # took 6 s).
    return re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(?:(w|d|h|m|min|s)\s*)?\Z", re.IGNORECASE)


@lru_cache(maxsize=1)
def _adapter() -> TypeAdapter[timedelta]:
    from pydantic import TypeAdapter

    return TypeAdapter(timedelta)


def _duration(value: Any) -> timedelta:
    if isinstance(value, bool):
        raise ValueError("a duration such as `30d`, `12h` or a number of seconds")
    if isinstance(value, str):
        match = _short().match(value)
        if match:
            unit = match.group(2).lower() if match.group(2) else None
            value = float(match.group(1)) * _UNITS[unit]
    try:
        result = _adapter().validate_python(value)
    except ValueError:
        raise ValueError(f"`{value}` is not a duration: write `30d`, `12h`, `90m`, `45s` "
                         "or a number of seconds") from None
    if result < timedelta(0):
        raise ValueError("a duration cannot be negative")
    return result


Duration = Annotated[timedelta, BeforeValidator(_duration)]


def human(delta: timedelta) -> str:
    """`3 days 4 hours`, `25 minutes`, `40 seconds` (two largest units)."""
    seconds = int(abs(delta).total_seconds())
    parts = []
    for name, size in (("day", 86400), ("hour", 3600), ("minute", 60), ("second", 1)):
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(f"{count} {name}{'s' * (count != 1)}")
    return " ".join(parts[:2]) or "0 seconds"
