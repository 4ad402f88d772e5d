"""Shared pytest set-up: markers, the built book, and the pages listed in _toc.yml.

Markers (run order in `make test`):
- ``book``: needs the built HTML in _build/html (`make book`); e.g. the link check.
- ``browser``: drives Chromium through Playwright against the built HTML.
- ``lab``: drives Chromium through Playwright in JupyterLab, on a copy of the chapters
  (tests/lab/; every test there carries it).
The nnlib tests carry none, so `pytest tests -m "not book and not browser and not lab"` runs
just them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from book.toc import toc_docnames

ROOT = Path(__file__).resolve().parent.parent
BUILD_HTML = ROOT / "_build" / "html"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "book: needs the built book in _build/html (make book)")
    config.addinivalue_line("markers", "browser: drives Chromium (Playwright) against _build/html")
    config.addinivalue_line("markers", "lab: drives Chromium (Playwright) in JupyterLab")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize any test that takes ``toc_page`` over every page of the book."""
    if "toc_page" in metafunc.fixturenames:
        pages = toc_docnames()
        metafunc.parametrize("toc_page", pages, ids=pages)


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium through Playwright (tests/chromium.py), for the browser and Lab tests;
    fails (does not skip) when it is missing."""
    from tests.chromium import CHROMIUM, MISSING, chromium_browser

    if not CHROMIUM.exists():
        pytest.fail(MISSING, pytrace=False)
    with chromium_browser() as browser:
        yield browser


@pytest.fixture(scope="session")
def built_html() -> Path:
    """The built book; fails (does not skip) when it is missing."""
    if not (BUILD_HTML / "index.html").is_file():
        pytest.fail(
            f"{BUILD_HTML / 'index.html'} does not exist: run `make book` first "
            "(these tests check the built HTML)",
            pytrace=False,
        )
    return BUILD_HTML


def _recorded(terminalreporter, name: str) -> list:
    """Values a test recorded as ``request.node.user_properties`` entry ``name`` (these reach the
    controller from pytest-xdist's workers too)."""
    return [value for reports in terminalreporter.stats.values() for report in reports
            if getattr(report, "when", None) == "call"
            for key, value in getattr(report, "user_properties", ()) if key == name]


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """Report what the book checks measured: external links (listed, never fetched) and the
    weight of each page (recorded by tests/test_links.py)."""
    for links in _recorded(terminalreporter, "book_external_links"):
        terminalreporter.section(f"external links in the book: {len(links)} (not fetched)")
        for url in sorted(links):
            terminalreporter.write_line(f"{url}  <- {', '.join(links[url])}")
    weights = _recorded(terminalreporter, "book_page_weight")
    if weights:
        terminalreporter.section("page weights: HTML + own pictures, without shared _static/")
        for page, weight in sorted(weights, key=lambda item: -item[1]):
            terminalreporter.write_line(f"{weight / 1e6:6.2f} MB  {page}")
