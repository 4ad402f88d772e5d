"""Browser fixtures: the built book served on 127.0.0.1, and Debian's Chromium via Playwright.

Each page of _toc.yml is opened once per colour mode (light, dark) at 1280 x 900, and once more
at a phone's 390 x 844 (``phone_visit``); what the browser saw, measured and what axe-core
reported is recorded in a ``PageVisit`` that the tests in this folder assert on.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from page_checks import block_offsite, set_mode, settle

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "_build" / "screenshots"
# BOOK_FULL_SCREENSHOTS=1: also a full-page screenshot of every page in each mode, to look at.
FULL_SCREENSHOTS = os.environ.get("BOOK_FULL_SCREENSHOTS") == "1"
VIEWPORT = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# axe-core from npm (tests/browser/package.json; `make axe` installs it): test tooling only.
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
# The rules axe-core runs: WCAG 2.0 and 2.1, levels A and AA, in light mode. In dark mode only
# the rules about colour: the rest (names, roles, structure, language) cannot differ, because
# the dark mode's CSS changes colours, backgrounds and frames only and no page script reads the
# mode (tests/test_colour_mode.py checks both).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_COLOUR_RULES = ["color-contrast", "link-in-text-block"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass


@pytest.fixture(scope="session")
def site_url(built_html: Path):
    """Serve _build/html on 127.0.0.1 (a free port) for the whole session."""
    handler = functools.partial(_QuietHandler, directory=str(built_html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@dataclass
class PageVisit:
    """What the browser saw while loading one page in one colour mode."""

    page: str
    mode: str
    url: str
    console: list[tuple[str, str]] = field(default_factory=list)  # (type, text)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)  # off-site requests, aborted
    failed: list[str] = field(default_factory=list)  # local requests that failed or 4xx/5xx
    facts: dict = field(default_factory=dict)  # DOM checks, see FACTS_JS
    screenshot: Path | None = None
    axe: list = field(default_factory=list)  # axe-core violations (serious and critical)
    layout: dict = field(default_factory=dict)  # what LAYOUT_JS measured
    navigation: dict = field(default_factory=dict)  # phone only: what the toggles opened


# Evaluated in the page once it has settled. Everything the tests need from the DOM.
FACTS_JS = r"""
async () => {
  const article = document.querySelector("article.bd-article") || document.querySelector("main") || document.body;
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none";
  };
  // Text the reader sees, outside code, scripts and typeset math.
  const skip = "pre, code, script, style, textarea, mjx-container, .highlight";
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  let text = "";
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement.closest(skip)) text += n.textContent;
  }
  const mathNodes = [...article.querySelectorAll(".math")];
  const untypeset = mathNodes.filter((el) => !el.querySelector("mjx-container")).map((el) => el.textContent.trim().slice(0, 80));
  const images = [...article.querySelectorAll("img")].map((img) => ({
    src: img.getAttribute("src"),
    alt: (img.getAttribute("alt") || "").trim(),
    complete: img.complete,
    naturalWidth: img.naturalWidth,
  }));
  // Figures produced by code cells (matplotlib PNG/SVG) or placed in a {figure}: sample the
  // image's own pixels (not the page behind it) at the four corners and the edge midpoints.
  const figures = [];
  for (const img of article.querySelectorAll(".cell_output img, figure img")) {
    if (!img.complete || !img.naturalWidth) { figures.push({src: img.getAttribute("src"), error: "not loaded"}); continue; }
    const c = document.createElement("canvas");
    c.width = img.naturalWidth; c.height = img.naturalHeight;
    const ctx = c.getContext("2d", {willReadFrequently: true});
    ctx.drawImage(img, 0, 0);
    const w = c.width - 1, h = c.height - 1;
    const points = [[0, 0], [w, 0], [0, h], [w, h], [w >> 1, 0], [w >> 1, h], [0, h >> 1], [w, h >> 1]];
    let minAlpha = 255;
    try {
      for (const [x, y] of points) minAlpha = Math.min(minAlpha, ctx.getImageData(x, y, 1, 1).data[3]);
      figures.push({src: img.getAttribute("src"), minAlpha});
    } catch (e) {
      figures.push({src: img.getAttribute("src"), error: String(e)});
    }
  }
  const widgetViews = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]').length;
  const widgets = [...document.querySelectorAll(".widget-subarea .jupyter-widgets")];
  return {
    theme: document.documentElement.dataset.theme || "",
    mode: document.documentElement.dataset.mode || "",
    title: document.title,
    mathNodes: mathNodes.length,
    mjxContainers: article.querySelectorAll("mjx-container").length,
    untypeset,
    rawDisplayMath: text.includes("$$"),
    images,
    figures,
    widgetViews,
    widgetsRendered: widgets.length,
    widgetsVisible: widgets.filter(visible).length,
    sliders: document.querySelectorAll(".widget-slider").length,
  };
}
"""


# Geometry as a reader sees it: each output picture's shown width/height against its own, the
# page's width against the viewport's, and the animation players' control rows and buttons.
LAYOUT_JS = r"""
() => {
  const article = document.querySelector("article.bd-article") || document.body;
  const images = [], unloaded = [];
  for (const img of article.querySelectorAll(".cell_output img, figure img")) {
    const r = img.getBoundingClientRect();
    if (!img.naturalWidth || !img.naturalHeight) {
      unloaded.push((img.getAttribute("src") || "").slice(0, 80));
      continue;
    }
    if (r.width < 1 || r.height < 1) continue;  // not displayed (e.g. a closed dropdown)
    const natural = img.naturalWidth / img.naturalHeight, shown = r.width / r.height;
    images.push({src: (img.getAttribute("src") || "").slice(0, 80), natural, shown,
                 width: r.width, naturalWidth: img.naturalWidth});
  }
  const players = [...document.querySelectorAll("div.animation")].map((player) => {
    // the text column the player sits in (the player itself may overflow it)
    const column = (player.closest(".cell_output") || article).getBoundingClientRect();
    const rows = [...player.querySelectorAll(".anim-buttons, .anim-state")].map((row) => ({
      width: row.scrollWidth, right: row.getBoundingClientRect().left + row.scrollWidth}));
    const buttons = [...player.querySelectorAll("button")].map((b) => {
      const r = b.getBoundingClientRect();
      return {title: b.title, width: r.width, height: r.height, right: r.right};
    });
    return {columnRight: column.right, columnWidth: column.width, rows, buttons};
  });
  return {
    viewport: window.innerWidth,
    pageWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    images, unloaded, players,
    // formulas: how many a screen reader can read (MathJax's hidden MathML), how many are Tab
    // stops other than those math-scroll.js makes focusable because they overflow their box
    formulas: document.querySelectorAll("mjx-container").length,
    readableFormulas: document.querySelectorAll("mjx-container mjx-assistive-mml").length,
    formulaTabStops: [...document.querySelectorAll("mjx-container")].filter(
      (m) => m.tabIndex >= 0 && m.hasAttribute("tabindex") && !m.dataset.scrollFocus).length,
  };
}
"""

# Opens the visible sidebar toggle (then the on-page contents toggle) and reports what shows.
NAV_JS = r"""
async (which) => {
  const visible = (el) => {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none"
      && r.right > 0 && r.left < window.innerWidth && r.bottom > 0 && r.top < window.innerHeight;
  };
  const selector = which === "primary" ? ".primary-toggle" : ".secondary-toggle";
  const links = which === "primary" ? "nav.bd-docs-nav a.reference" : "nav.page-toc a, .bd-toc-nav a";
  const toggles = [...document.querySelectorAll(selector)];
  const shown = toggles.filter(visible);
  const before = [...document.querySelectorAll(links)].filter(visible).length;
  if (!shown.length) return {toggles: toggles.length, visibleToggles: 0, before, after: before};
  shown[0].click();
  // the drawer slides in: wait until its links stop changing (or 1.5 s)
  let after = before, steady = 0;
  for (let waited = 0; waited < 1500 && steady < 3; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = [...document.querySelectorAll(links)].filter(visible).length;
    steady = now === after && now !== before ? steady + 1 : 0;
    after = now;
  }
  return {toggles: toggles.length, visibleToggles: shown.length, before, after,
          inPageToc: document.querySelectorAll(links).length};
}
"""


# Colour samples: text drawn on a colour that is data, in the font colour a network (or the
# reader) picked for it. Chapter 7 is about which of white or black text reads on a colour, so
# some samples are meant to show a poor choice; their contrast is the subject, not a defect
# (WCAG 1.4.3 exempts text in a picture with significant other content). They are left out of
# axe-core's colour-contrast rule only: nnlib.web's samples (class nnlib-sample: the picker's
# sample text, the explorer's verdict, the labeller's two font choices and its tiles), and text
# on an inline background colour inside a widget's HTML.
COLOUR_SAMPLES = ".nnlib-sample, .widget-html-content [style*='background']"

AXE_JS = r"""
async ([only, samples]) => {
  const r = await axe.run(document, {runOnly: only, resultTypes: ["violations"]});
  const isSample = (node) => {
    const el = document.querySelector(node.target[0]);
    return !!(el && el.closest(samples));
  };
  return r.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.filter((n) => v.id !== "color-contrast" || !isSample(n)).map((n) => ({
      target: n.target.join(" "), summary: (n.failureSummary || "").slice(0, 300)})),
  })).filter((v) => v.nodes.length);
}
"""


def run_axe(browser_page, mode: str = "light") -> list:
    """axe-core's serious and critical violations on the loaded page (WCAG 2.1 A/AA; in dark
    mode the colour rules of those)."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make axe` (npm ci in tests/browser)", pytrace=False)
    browser_page.add_script_tag(path=str(AXE))
    only = ({"type": "tag", "values": AXE_TAGS} if mode == "light"
            else {"type": "rule", "values": AXE_COLOUR_RULES})
    result = browser_page.evaluate(AXE_JS, [only, COLOUR_SAMPLES])
    return [v for v in result if v["impact"] in ("serious", "critical")]


def _slug(page: str) -> str:
    return page.replace("/", "__")


@pytest.fixture(scope="session")
def visit(chromium, site_url):
    """visit(page, mode) -> PageVisit, loading each (page, mode) once per session."""
    cache: dict[tuple[str, str], PageVisit] = {}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def load(page: str, mode: str) -> PageVisit:
        if (page, mode) in cache:
            return cache[(page, mode)]
        url = f"{site_url}/{page}.html"
        record = PageVisit(page=page, mode=mode, url=url)
        context = chromium.new_context(
            viewport=VIEWPORT,
            color_scheme=mode,
            service_workers="block",
        )
        set_mode(context, mode)

        block_offsite(context, record.blocked)
        browser_page = context.new_page()
        browser_page.on("console", lambda msg: record.console.append((msg.type, msg.text)))
        browser_page.on("pageerror", lambda err: record.page_errors.append(str(err)))
        browser_page.on("request", lambda req: record.requests.append(req.url))
        browser_page.on(
            "requestfailed",
            lambda req: None if req.url in record.blocked
            else record.failed.append(f"{req.url}: {req.failure}"),
        )
        browser_page.on(
            "response",
            lambda resp: record.failed.append(f"{resp.url}: HTTP {resp.status}") if resp.status >= 400 else None,
        )
        try:
            settle(browser_page, url)
            browser_page.evaluate("async () => { await document.fonts.ready; }")
            record.facts = browser_page.evaluate(FACTS_JS)
            record.layout = browser_page.evaluate(LAYOUT_JS)
            record.screenshot = SCREENSHOTS / f"{_slug(page)}-{mode}-top.png"
            browser_page.screenshot(path=str(record.screenshot))
            if FULL_SCREENSHOTS:   # a long chapter takes seconds: only when asked for
                browser_page.screenshot(path=str(SCREENSHOTS / f"{_slug(page)}-{mode}.png"),
                                        full_page=True)
            record.axe = run_axe(browser_page, mode)
        finally:
            context.close()
        cache[(page, mode)] = record
        return record

    return load


@pytest.fixture(scope="session")
def phone_visit(chromium, site_url):
    """phone_visit(page) -> PageVisit of that page at 390 x 844 (light), loaded once per session:
    layout measured first (and a screenshot of the first screen), then the sidebar toggle is
    pressed, its dialog closed with Escape, and the on-page contents toggle pressed."""
    cache: dict[str, PageVisit] = {}

    def load(page: str) -> PageVisit:
        if page in cache:
            return cache[page]
        url = f"{site_url}/{page}.html"
        record = PageVisit(page=page, mode="light", url=url)
        context = chromium.new_context(viewport=PHONE, color_scheme="light", is_mobile=True,
                                       has_touch=True, service_workers="block")
        set_mode(context, "light")
        block_offsite(context, record.blocked)
        browser_page = context.new_page()
        browser_page.on("pageerror", lambda err: record.page_errors.append(str(err)))
        try:
            settle(browser_page, url, network_idle=False)   # its requests are not recorded
            browser_page.evaluate("async () => { await document.fonts.ready; }")
            record.layout = browser_page.evaluate(LAYOUT_JS)
            browser_page.screenshot(path=str(SCREENSHOTS / f"{_slug(page)}-phone-top.png"))
            record.navigation["primary"] = browser_page.evaluate(NAV_JS, "primary")
            browser_page.keyboard.press("Escape")  # closes the chapter list's dialog
            record.navigation["secondary"] = browser_page.evaluate(NAV_JS, "secondary")
        finally:
            context.close()
        cache[page] = record
        return record

    return load


@pytest.fixture(scope="session")
def reading_page(chromium, site_url):
    """reading_page(page) -> that page loaded once per session in light mode (as ``open_page``
    loads it), for the checks that only read it: glued numbers, typeset tables, no kernel note,
    and last (it is the one that clicks) the folded solutions. A test that moves a control or
    types into the page takes ``open_page`` instead."""
    pages, contexts = {}, []

    def load(page: str):
        if page not in pages:
            context = chromium.new_context(viewport=VIEWPORT, color_scheme="light",
                                           service_workers="block")
            contexts.append(context)
            pages[page] = _open_in(context, f"{site_url}/{page}.html")
        return pages[page]

    yield load
    for context in contexts:
        context.close()


def _open_in(context, url):
    """A new page of ``context`` at ``url`` (light mode, off-site requests aborted), settled as
    ``settle`` settles it (no wait for network idleness: its requests are not recorded)."""
    set_mode(context, "light")
    block_offsite(context, [])
    browser_page = context.new_page()
    settle(browser_page, url, network_idle=False)
    return browser_page


@pytest.fixture
def open_page(chromium, site_url):
    """open_page(page) -> that page of the book loaded in a fresh light-mode context, MathJax
    done, every off-site request aborted: for tests that interact with a page (move a slider,
    open a dropdown). Each call gets its own context, closed after the test."""
    contexts = []

    def open_(page: str):
        context = chromium.new_context(viewport=VIEWPORT, color_scheme="light",
                                       service_workers="block")
        contexts.append(context)
        return _open_in(context, f"{site_url}/{page}.html")

    yield open_
    for context in contexts:
        context.close()
