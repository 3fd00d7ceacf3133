"""Source profiles: resolution by host, built-ins for every SPEC §2.1 outlet, overrides."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from lint import DEFAULT_PROFILES, Article, Profile, ProfileSet, SourceText, profile_for
from tests.rules.outlets import OUTLETS, outlet_text


@pytest.mark.parametrize(("host", "name"), [
    ("www.voachinese.com", "voa"),
    ("voachinese.com", "voa"),
    ("www.bbc.com", "bbc"),
    ("www.dw.com", "dw"),
    ("cn.reuters.com", "reuters"),
    ("cn.nytimes.com", "nyt"),
    ("m.cn.nytimes.com", "nyt"),  # subdomains included
    ("www.rfi.fr", "rfi"),
    ("www.rfa.org", "rfa"),
    ("cn.ft.com", "ft"),
    ("www.ftchinese.com", "ft"),
    ("chinadigitaltimes.net", "cdt"),
    ("WWW.VOACHINESE.COM", "voa"),
    ("www.nytimes.com", "generic"),  # only the Chinese edition writes Beijing time
    ("notvoachinese.com", "generic"),  # a suffix must end at a dot
    ("example.org", "generic"),
    ("", "generic"),
])
def test_resolve_by_host(host: str, name: str) -> None:
    assert DEFAULT_PROFILES.resolve(host).name == name


def test_every_outlet_resolves_to_its_profile() -> None:
    for name, outlet in OUTLETS.items():
        article = Article.parse(SourceText(outlet_text(name)))
        assert profile_for(article).name == name


def test_generic_profile_is_lenient() -> None:
    generic = DEFAULT_PROFILES.generic
    assert not generic.date_required and not generic.captions_required
    assert set(generic.date_formats) >= {"rfc2822", "iso8601", "datetime", "cjk-date",
                                         "dmy-hm"}


def test_most_specific_host_wins() -> None:
    profiles = DEFAULT_PROFILES.with_overrides(
        {"nyt-all": {"hosts": ["nytimes.com"]}})
    assert profiles.resolve("cn.nytimes.com").name == "nyt"
    assert profiles.resolve("www.nytimes.com").name == "nyt-all"


def test_override_changes_only_the_named_fields() -> None:
    profiles = DEFAULT_PROFILES.with_overrides({"voa": {"time-zone": "+01:00",
                                                        "captions_required": False}})
    voa = profiles["voa"]
    assert voa.time_zone == "+01:00" and not voa.captions_required
    assert voa.date_markup == DEFAULT_PROFILES["voa"].date_markup
    assert DEFAULT_PROFILES["voa"].time_zone == "UTC"  # the built-ins are untouched


def test_add_a_profile() -> None:
    profiles = DEFAULT_PROFILES.with_overrides({"example": {
        "hosts": ["Example.COM"], "date-required": True,
        "date-markup": ["<p><em>{date}</em></p>"], "date-formats": ["%Y/%m/%d %H:%M"],
        "time-zone": "Asia/Tokyo"}})
    assert profiles.resolve("news.example.com").name == "example"
    assert profiles["example"].hosts == ("example.com",)


@pytest.mark.parametrize(("fields", "needle"), [
    ({"tz": "UTC"}, "unknown key `tz`"),
    ({"time-zone": "Mars/Olympus"}, "unknown time zone"),
    ({"time-zone": "+15:00"}, "out of range"),
    ({"date-formats": ["yyyy-mm-dd"]}, "unknown date format"),
    ({"date-markup": ["<div>{when}</div>"]}, "must hold `{date}` once"),
    ({"hosts": ["https://www.voachinese.com/"]}, "is not a host name"),
    ({"caption-markup": ["div > small"]}, "caption markup"),
    ({"date-required": "sometimes"}, "date-required"),
    ({"date-formats": []}, "needs `date-markup` and `date-formats`"),
    ({"name": "other"}, "cannot differ"),
    ({"time-zone": "UTC", "time_zone": "UTC"}, "given twice"),
])
def test_bad_overrides_say_what_is_wrong(fields: dict[str, object], needle: str) -> None:
    with pytest.raises(ValueError, match=".") as error:
        DEFAULT_PROFILES.with_overrides({"voa": fields})
    assert needle in str(error.value)


def test_override_table_must_be_a_mapping() -> None:
    with pytest.raises(ValueError, match="must be a table"):
        DEFAULT_PROFILES.with_overrides({"voa": "UTC"})  # type: ignore[dict-item]


def test_profile_rejects_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        Profile(name="x", colour="red")  # type: ignore[call-arg]


def test_a_set_needs_a_generic_profile() -> None:
    with pytest.raises(ValidationError, match="generic"):
        ProfileSet(profiles={"voa": DEFAULT_PROFILES["voa"]})


def test_profile_for_uses_the_articles_profiles() -> None:
    custom = DEFAULT_PROFILES.with_overrides({"voa": {"hosts": ["example.org"]}})
    text = outlet_text("voa", url="https://example.org/a/1.html")
    assert profile_for(Article.parse(SourceText(text))).name == "generic"
    article = Article.parse(SourceText(text), profiles=custom)
    assert profile_for(article).name == "voa"
    assert profile_for(article) is profile_for(article)  # memoised


def test_validation_errors_name_the_configuration_key() -> None:
    with pytest.raises(ValidationError) as error:
        DEFAULT_PROFILES.with_overrides({"voa": {"time_zone": "Nowhere/City"}})
    assert error.value.errors()[0]["loc"] == ("time-zone",)


def test_resolve_remembers_exactly_what_find_answers() -> None:
    from lint.profiles import _RESOLVED

    hosts = ["www.voachinese.com", "VOACHINESE.COM.", "x.rfa.org", "", "example.org",
             "sub.www.voachinese.com", "a.b.c", "www.bbc.com", "bbc.co.uk"]
    custom = DEFAULT_PROFILES.with_overrides({"mine": {"hosts": ["example.org"]}})
    for profiles in (DEFAULT_PROFILES, custom):
        for _ in range(2):  # first computed, then remembered
            assert [profiles.resolve(h) for h in hosts] == [profiles.find(h) for h in hosts]
    assert custom.resolve("example.org").name == "mine"
    assert DEFAULT_PROFILES.resolve("example.org").name == "generic"
    _RESOLVED.clear()
    assert custom.resolve("example.org").name == "mine"
