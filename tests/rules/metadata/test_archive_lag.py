"""M002 archive-lag."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import ValidationError

from rules.metadata.archive_lag import ArchiveLag
from tests.rules.outlets import DATED, OUTLETS, outlet_text
from tests.support import SAMPLE, positions, run


@pytest.mark.parametrize("name", DATED)
def test_each_dated_outlet(name: str) -> None:
    published = OUTLETS[name].published
    on_time = outlet_text(name, archived=published + timedelta(days=29))
    assert run(ArchiveLag, on_time) == []
    late = outlet_text(name, archived=published + timedelta(days=32))
    assert positions(run(ArchiveLag, late)) == ["1:5 M002"]


def test_message() -> None:
    text = outlet_text("voa", archived=OUTLETS["voa"].published + timedelta(days=45, hours=3))
    [found] = run(ArchiveLag, text)
    assert found.message == (
        "archived at 2020-09-03 22:22:03 UTC, 45 days 3 hours after the publication time "
        "`Mon, 20 Jul 2020 19:22:03 GMT`; the limit (`max-lag`) is 30 days")


def test_date_only_counts_to_the_end_of_the_day() -> None:
    end_of_day = OUTLETS["bbc"].published + timedelta(days=1)
    assert run(ArchiveLag, outlet_text("bbc", archived=end_of_day + timedelta(days=30))) == []
    assert positions(run(ArchiveLag, outlet_text(
        "bbc", archived=end_of_day + timedelta(days=30, seconds=1)))) == ["1:5 M002"]


@pytest.mark.parametrize(("max_lag", "expected"), [
    ("1h", ["1:5 M002"]), ("90m", ["1:5 M002"]), ("2h", []), (7200, []), ("P1D", []),
    ("1w", []), ("1.5h", ["1:5 M002"]),
])
def test_max_lag_option(max_lag: object, expected: list[str]) -> None:
    text = outlet_text("voa", archived=OUTLETS["voa"].published + timedelta(hours=2))
    options = ArchiveLag.Options.model_validate({"max-lag": max_lag})
    assert positions(run(ArchiveLag(options), text)) == expected


@pytest.mark.parametrize("bad", ["a month", "-1d", None, [1]])
def test_bad_max_lag(bad: object) -> None:
    with pytest.raises(ValidationError):
        ArchiveLag.Options.model_validate({"max-lag": bad})


def test_unknown_option_is_rejected() -> None:
    with pytest.raises(ValidationError):
        ArchiveLag.Options.model_validate({"max_lag_days": 3})


def test_sample_and_undated() -> None:
    assert run(ArchiveLag, SAMPLE.read_text(encoding="utf-8")) == []
    assert run(ArchiveLag, outlet_text("rfa", archived=OUTLETS["voa"].published)) == []
