"""Suite-wide test settings."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

# The `fuzz` tests (deselected by default; `python3 -m pytest -m fuzz`) take their number
# of examples from this profile: .ci/run runs them with HYPOTHESIS_PROFILE=fuzz and a
# bounded budget. ARTICLELINT_FUZZ_EXAMPLES raises or lowers it.
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("ARTICLELINT_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    # Inside GitHub Actions the default output format is `github`; the tests that rely on
    # the default (`concise` when not on a terminal) must not depend on where they run.
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture(autouse=True)
def _private_cache(monkeypatch: pytest.MonkeyPatch,
                   tmp_path_factory: pytest.TempPathFactory) -> None:
    # Every test gets its own result cache, outside the folders it lints: runs stay
    # independent of each other and of the developer's own `.articlelint_cache/`.
    monkeypatch.setenv("ARTICLELINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
