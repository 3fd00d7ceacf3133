"""Headless Chromium for the report tests: the DOM after load, and a screenshot."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Nothing but the page: no updates, sync or other background traffic, no sandbox (the
# tests may run as root in a container), a throw-away profile.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-default-apps", "--disable-extensions", "--hide-scrollbars")
TIMEOUT = 180  # seconds: the machine is shared; a cold start can be slow


def chromium() -> str:
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no chromium found on PATH: install Debian's `chromium` package "
                "(`apt-get install -y chromium`; .ci/run installs it when it can)")


def _run(page: Path, profile: Path, *extra: str) -> str:
    command = [chromium(), *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT,
                          check=False)
    assert done.returncode == 0, f"chromium failed ({done.returncode}): {done.stderr[-2000:]}"
    return done.stdout


def dump_dom(page: Path, profile: Path) -> str:
    """The serialised DOM once the page has loaded."""
    dom = _run(page, profile, "--dump-dom")
    assert "<html" in dom, "chromium printed no DOM"
    return dom


def screenshot(page: Path, target: Path, profile: Path, size: str = "1280,2000") -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    _run(page, profile, f"--screenshot={target}", f"--window-size={size}")
    assert target.is_file() and target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return target
