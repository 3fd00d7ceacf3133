"""`DEFAULT_PROFILES` is constructed from `lint.profile_data` without validation (start-up
time); it must be exactly what validating that data makes."""

from __future__ import annotations

from lint.profiles import DEFAULT_PROFILES, Profile, ProfileSet, validated_builtin


def test_builtin_profiles_equal_validated_ones() -> None:
    validated = validated_builtin()
    assert DEFAULT_PROFILES == validated
    assert list(DEFAULT_PROFILES.profiles) == list(validated.profiles)
    for name, profile in DEFAULT_PROFILES.profiles.items():
        other = validated[name]
        assert type(profile) is Profile
        assert repr(profile) == repr(other)
        assert profile.model_fields_set == other.model_fields_set
        assert profile.model_dump(by_alias=True) == other.model_dump(by_alias=True)
        assert hash(profile) == hash(other)
    assert type(DEFAULT_PROFILES) is ProfileSet
    assert DEFAULT_PROFILES.model_dump() == validated.model_dump()


def test_overrides_of_builtin_profiles_still_validate() -> None:
    changed = DEFAULT_PROFILES.with_overrides({"voa": {"hosts": ["VOA.example."]}})
    assert changed["voa"].hosts == ("voa.example",)
    assert changed["bbc"] == DEFAULT_PROFILES["bbc"]
