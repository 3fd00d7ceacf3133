"""Source profiles: how each outlet opens its body, writes its date and captions figures.

A real archive mixes outlets (SPEC §2.1), so the structure and metadata rules never assume
one layout: they ask `profile_for(article)`. Profiles are plain data (pydantic models) so
that configuration can add or override them (`[tool.articlelint.profiles.NAME]`) through
`ProfileSet.with_overrides`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import tzinfo
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from lint.dates import check_format, parse_zone
from lint.profile_data import BUILTIN_PROFILES

if TYPE_CHECKING:
    from lint.article import Article

GENERIC = "generic"

# Patterns of the validators, compiled (and cached by `re`) when configuration first
# changes a profile: the built-in profiles are not validated at run time.
_HOST = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\Z"
_NAME = r"[A-Za-z0-9][A-Za-z0-9_-]*\Z"
# A caption selector: `tag`, `tag.class`, joined by `>` (child), e.g. `div>small`.
_SELECTOR = r"[a-z][a-z0-9]*(?:\.[A-Za-z0-9_-]+)?(?:>[a-z][a-z0-9]*(?:\.[A-Za-z0-9_-]+)?)*\Z"
# A date-element template: tags, literal text, `{date}` once and `{author}` at most once.
_SLOT = r"\{([^{}]*)\}"


class Profile(BaseModel):
    """What one outlet's articles look like. Field names have kebab-case aliases for
    configuration (`date-required = true`)."""

    # defer_build: the validator is built when configuration first changes a profile;
    # the built-in ones are constructed from data that tests validate (see `_builtin`).
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True,
                              alias_generator=lambda name: name.replace("_", "-"),
                              defer_build=True)

    name: str
    description: str = ""
    # Title URL hosts; a host also matches its subdomains (`dw.com` matches `www.dw.com`).
    hosts: tuple[str, ...] = ()
    # Must the body open with a date element?
    date_required: bool = False
    # Templates of the date element at the start of the body, e.g. `<div><i>{date}</i></div>`;
    # `{author}` stands for a byline. Tags match whatever their attributes and spacing.
    date_markup: tuple[str, ...] = ()
    # Named formats (see `lint.dates.NAMED_FORMATS`) or strptime patterns.
    date_formats: tuple[str, ...] = ()
    # The zone of a date written without one: `UTC`, `+08:00` or an IANA name.
    time_zone: str = "UTC"
    # Must figure images be followed by a caption, and in which markup?
    captions_required: bool = False
    caption_markup: tuple[str, ...] = ("div>small",)
    # Does the outlet publish empty captions as a matter of course?
    empty_captions_allowed: bool = False

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not re.match(_NAME, value):
            raise ValueError(f"profile name `{value}` must be letters, digits, `-` or `_`")
        return value

    @field_validator("hosts")
    @classmethod
    def _hosts(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        hosts = tuple(host.strip().lower().rstrip(".") for host in value)
        for host in hosts:
            if not re.match(_HOST, host):
                raise ValueError(f"`{host}` is not a host name (write `www.example.com`, "
                                 "without scheme or path)")
        return hosts

    @field_validator("date_markup")
    @classmethod
    def _markup(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for template in value:
            slots = re.findall(_SLOT, template)
            if slots.count("date") != 1 or any(s not in ("date", "author") for s in slots) \
                    or slots.count("author") > 1:
                raise ValueError(f"date markup `{template}` must hold `{{date}}` once and "
                                 "may hold `{author}` once, nothing else in braces")
        return value

    @field_validator("date_formats")
    @classmethod
    def _formats(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(check_format(spec) for spec in value)

    @field_validator("time_zone")
    @classmethod
    def _zone(cls, value: str) -> str:
        parse_zone(value)
        return value

    @field_validator("caption_markup")
    @classmethod
    def _captions(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for selector in value:
            if not re.match(_SELECTOR, selector):
                raise ValueError(f"caption markup `{selector}` must look like `div>small` or "
                                 "`span.imageCaption`")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Profile:
        if self.date_required and not (self.date_markup and self.date_formats):
            raise ValueError(f"profile `{self.name}` requires a date element, so it needs "
                             "`date-markup` and `date-formats`")
        if self.date_markup and not self.date_formats:
            raise ValueError(f"profile `{self.name}` has `date-markup` but no `date-formats`")
        if self.captions_required and not self.caption_markup:
            raise ValueError(f"profile `{self.name}` requires captions, so it needs "
                             "`caption-markup`")
        return self

    @property
    def zone(self) -> tzinfo:
        return parse_zone(self.time_zone)

    def matches(self, host: str) -> int:
        """The length of the longest of this profile's hosts that `host` is or is under
        (0 when none): the most specific profile wins."""
        host = host.lower().rstrip(".")
        best = 0
        for own in self.hosts:
            if host == own or host.endswith("." + own):
                best = max(best, len(own))
        return best


# `ProfileSet.resolve`'s memory, per set (by id, holding the set so that its id is not
# reused while it is kept; not on the set, whose fields decide its equality): host ->
# profile. Both bounded. Sets are frozen, and their profiles are never changed in place.
_RESOLVED: dict[int, tuple[ProfileSet, dict[str, Profile]]] = {}
_SETS_KEPT = 64
_HOSTS_KEPT = 4096


class ProfileSet(BaseModel):
    """Named profiles; `resolve` picks one by title URL host, else the generic one."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    profiles: dict[str, Profile]

    @model_validator(mode="after")
    def _valid(self) -> ProfileSet:
        if GENERIC not in self.profiles:
            raise ValueError(f"a profile set needs a `{GENERIC}` profile for unknown hosts")
        for key, profile in self.profiles.items():
            if key != profile.name:
                raise ValueError(f"profile stored as `{key}` is named `{profile.name}`")
        return self

    def __getitem__(self, name: str) -> Profile:
        return self.profiles[name]

    def __contains__(self, name: object) -> bool:
        return name in self.profiles

    @property
    def generic(self) -> Profile:
        return self.profiles[GENERIC]

    def resolve(self, host: str) -> Profile:
        """The most specific profile for `host`, remembered per set and host: every
        article asks, and an archive has a few hosts (testing every profile for each
        article was ~10 µs a file)."""
        memo = _RESOLVED.get(id(self))
        if memo is None or memo[0] is not self:  # (an id may be reused by a new set)
            if len(_RESOLVED) >= _SETS_KEPT:
                _RESOLVED.clear()
            memo = _RESOLVED[id(self)] = (self, {})
        known = memo[1]
        found = known.get(host)
        if found is None:
            if len(known) >= _HOSTS_KEPT:
                known.clear()
            found = known[host] = self.find(host)
        return found

    def find(self, host: str) -> Profile:
        """`resolve` without the memory: every profile tested."""
        best, score = self.generic, 0
        for profile in self.profiles.values():  # ties: the first defined wins
            length = profile.matches(host) if host else 0
            if length > score:
                best, score = profile, length
        return best

    def with_overrides(self, overrides: Mapping[str, Mapping[str, Any]]) -> ProfileSet:
        """A new set with profiles added (an unknown name) or changed field by field (a
        known one). Keys may be kebab-case (`date-required`) or snake_case. Raises
        `ValueError` (pydantic's `ValidationError` is one) naming the bad key or value."""
        profiles = dict(self.profiles)
        for name, fields in overrides.items():
            if not isinstance(fields, Mapping):
                raise ValueError(f"profiles.{name} must be a table of profile fields, "
                                 f"not {type(fields).__name__}")
            changes = _field_names(name, fields)
            base = profiles[name].model_dump(by_alias=True) if name in profiles else {}
            if changes.get("name", name) != name:
                raise ValueError(f"profiles.{name}: `name` cannot differ from the table name")
            profiles[name] = Profile.model_validate({**base, **changes, "name": name})
        return ProfileSet(profiles=profiles)


def _field_names(profile: str, fields: Mapping[str, Any]) -> dict[str, Any]:
    """`fields` keyed by the kebab-case configuration names (so that validation errors
    name the key as the user wrote it in TOML)."""
    known = {name: name.replace("_", "-") for name in Profile.model_fields}
    known.update({alias: alias for alias in known.values()})
    changes: dict[str, Any] = {}
    for key, value in fields.items():
        alias = known.get(str(key))
        if alias is None:
            allowed = ", ".join(sorted(set(known.values())))
            raise ValueError(f"profiles.{profile}: unknown key `{key}` (allowed: {allowed})")
        if alias in changes:
            raise ValueError(f"profiles.{profile}: `{key}` is given twice")
        changes[alias] = value
    return changes


def profile_for(article: Article) -> Profile:
    """The profile in force for `article` (by its title URL host), memoised per article."""
    return article.derived(_resolve)


def _resolve(article: Article) -> Profile:
    profiles = DEFAULT_PROFILES if article.profiles is None else article.profiles
    if not isinstance(profiles, ProfileSet):
        raise TypeError(f"Article.profiles must be a lint.ProfileSet or None, not "
                        f"{type(profiles).__name__}")
    return profiles.resolve(article.host)


def validated_builtin() -> ProfileSet:
    """The built-in profiles, validated: what `DEFAULT_PROFILES` must equal."""
    return ProfileSet(profiles={p["name"]: Profile.model_validate(p) for p in BUILTIN_PROFILES})


def _builtin() -> ProfileSet:
    """The built-in profiles without validating them: validation would build the
    Profile and ProfileSet validators at import (~15 ms of every run's start-up) for data
    that never changes. Its lists become the tuples validation makes; the validators'
    other work (lower-cased hosts, checked formats) must already be done in
    `lint.profile_data`, which tests/lint/test_profiles.py checks against
    `validated_builtin()`."""
    profiles = {
        data["name"]: Profile.model_construct(None, **{
            key: tuple(value) if isinstance(value, list) else value
            for key, value in data.items()})
        for data in BUILTIN_PROFILES}
    return ProfileSet.model_construct(profiles=profiles)


DEFAULT_PROFILES: ProfileSet = _builtin()

__all__ = ["DEFAULT_PROFILES", "GENERIC", "Profile", "ProfileSet", "profile_for"]
