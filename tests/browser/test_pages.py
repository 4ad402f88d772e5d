"""Every page of _toc.yml, opened in Chromium from the built book served on 127.0.0.1.

Each page is loaded in light and in dark mode; a screenshot of its first screen is written to
_build/screenshots/ for people to look at (and, with BOOK_FULL_SCREENSHOTS=1, one of the whole
page).
"""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.book, pytest.mark.browser]

MODES = ("light", "dark")

# Console messages that are allowed, each with the reason. Anything else logged as an error or
# a warning fails the page.
BENIGN_CONSOLE = [
    # embed.js (@jupyter-widgets/html-manager 1.0.15) compiles the widget-state JSON schema
    # with Ajv, which warns about a keyword the schema uses that strict mode does not know.
    # It is a message to the widget library's developers; widgets render fine.
    re.compile(r"^strict mode: use allowUnionTypes to allow union type keyword"),
]
# Not listed, because the tests avoid it: pydata-sphinx-theme's "Got invalid theme mode: .
# Resetting to auto." on a profile with no stored colour mode (the visit fixture sets
# localStorage.mode before any page script runs).


def _short(src):
    return src if len(src) <= 100 else src[:60] + "..." + src[-20:]


def _complaints(visit_):
    return [f"console.{kind}: {text}" for kind, text in visit_.console
            if kind in ("error", "warning") and not any(p.search(text) for p in BENIGN_CONSOLE)]


@pytest.mark.parametrize("mode", MODES)
def test_page_loads_without_errors(visit, toc_page, mode):
    v = visit(toc_page, mode)
    problems = [f"page error: {e}" for e in v.page_errors] + _complaints(v)
    problems += [f"failed request: {f}" for f in v.failed]
    assert v.facts.get("title"), f"{v.url} did not render"
    assert not problems, f"{v.url} ({mode}):\n" + "\n".join(problems)


@pytest.mark.parametrize("mode", MODES)
def test_no_request_leaves_localhost(visit, toc_page, mode):
    v = visit(toc_page, mode)
    assert v.requests, "no request was recorded at all"
    assert not v.blocked, f"{v.url} ({mode}) tried to reach off-site:\n" + "\n".join(v.blocked)


def test_math_is_typeset(visit, toc_page):
    facts = visit(toc_page, "light").facts
    assert not facts["rawDisplayMath"], "raw $$ in the visible text: display math not parsed"
    if facts["mathNodes"]:
        assert facts["mjxContainers"] > 0, "the page has math but MathJax rendered none"
        assert not facts["untypeset"], f"math left untypeset: {facts['untypeset']}"


def test_saved_widgets_render(visit, toc_page):
    facts = visit(toc_page, "light").facts
    views = facts["widgetViews"]
    if not views:
        pytest.skip("no saved widget views on this page")
    assert facts["widgetsRendered"] >= views, (
        f"{views} saved widget views but {facts['widgetsRendered']} rendered widgets")
    assert facts["widgetsVisible"] >= views, "a rendered widget is not visible"


def test_images_have_alt_text(visit, toc_page):
    images = visit(toc_page, "light").facts["images"]
    missing = [_short(img["src"]) for img in images if not img["alt"]]
    broken = [_short(img["src"]) for img in images if not img["naturalWidth"]]
    assert not missing, (
        f"images without alt text: {missing}; for a code cell's figure (also one drawn inside a "
        'widget) set the cell metadata {"mystnb": {"image": {"alt": "..."}}}')
    assert not broken, f"images that did not load: {broken}"


def test_dark_mode_figures_are_opaque(visit, toc_page):
    v = visit(toc_page, "dark")
    assert v.facts["theme"] == "dark", f"dark mode not applied (data-theme={v.facts['theme']!r})"
    figures = v.facts["figures"]
    if not figures:
        pytest.skip("no figures on this page")
    bad = [f for f in figures if f.get("error") or f["minAlpha"] < 255]
    assert not bad, (
        "figures with a transparent (or unreadable) background, illegible on the dark theme; "
        "draw them with nnlib.plotting.use_book_style() (opaque white facecolor):\n"
        + "\n".join(f"{_short(f['src'])}: {f.get('error') or f['minAlpha']}" for f in bad))


@pytest.mark.parametrize("mode", MODES)
def test_screenshot_written(visit, toc_page, mode):
    v = visit(toc_page, mode)
    assert v.screenshot and v.screenshot.stat().st_size > 10_000, f"no screenshot for {v.url}"
