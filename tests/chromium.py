"""Debian's Chromium driven by Playwright, for the browser tests (tests/browser/, the built book),
the JupyterLab tests (tests/lab/) and the JupyterLab benchmark."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path(os.environ.get("BOOK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MISSING = (f"{CHROMIUM} is missing: install Debian's Chromium (`apt-get install -y chromium`, "
           "which `make test` does when run as root)")


@contextmanager
def chromium_browser():
    """A Playwright Browser on Debian's Chromium; FileNotFoundError when it is missing."""
    if not CHROMIUM.exists():
        raise FileNotFoundError(MISSING)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
