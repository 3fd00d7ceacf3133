"""Suite-wide test settings."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    # Inside GitHub Actions the default output format is `github`; the tests that rely on
    # the default (`concise` when not on a terminal) must not depend on where they run.
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
