"""Suite-wide test settings."""

from __future__ import annotations

import pytest


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
