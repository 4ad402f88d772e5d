"""Browser fixtures: the built book served on 127.0.0.1, and Debian's Chromium via Playwright.

Each page of _toc.yml is opened once per colour mode (light, dark); what the browser saw is
recorded in a ``PageVisit`` that the tests in this folder assert on.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

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
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "_build" / "screenshots"
LOCAL_HOSTS = {"127.0.0.1"}
# Schemes that never touch the network.
LOCAL_SCHEMES = {"data", "blob", "about"}
VIEWPORT = {"width": 1280, "height": 900}


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


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's Chromium (`apt-get install -y chromium`, "
            "which `make test` does when run as root)",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


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
        # pydata-sphinx-theme reads the colour mode from localStorage; a fresh profile has none
        # and logs "Got invalid theme mode". Set it before any page script runs.
        context.add_init_script(
            f"try {{ localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}'); }} catch (e) {{}}"
        )

        def route(route_, request):
            parts = urlsplit(request.url)
            if parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS:
                route_.continue_()
            else:
                record.blocked.append(request.url)
                route_.abort("blockedbyclient")

        context.route("**/*", route)
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
            browser_page.goto(url, wait_until="load", timeout=60_000)
            browser_page.evaluate(
                "async () => { if (window.MathJax && MathJax.startup && MathJax.startup.promise) "
                "await MathJax.startup.promise; }"
            )
            if browser_page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count():
                try:
                    browser_page.wait_for_selector(".widget-subarea .jupyter-widgets", timeout=20_000)
                except Exception:  # the widget test reports it
                    pass
            browser_page.wait_for_load_state("networkidle", timeout=30_000)
            browser_page.evaluate("async () => { await document.fonts.ready; }")
            record.facts = browser_page.evaluate(FACTS_JS)
            record.screenshot = SCREENSHOTS / f"{_slug(page)}-{mode}.png"
            browser_page.screenshot(path=str(record.screenshot), full_page=True)
            browser_page.screenshot(path=str(SCREENSHOTS / f"{_slug(page)}-{mode}-top.png"))
        finally:
            context.close()
        cache[(page, mode)] = record
        return record

    return load


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
        context.add_init_script(
            "try { localStorage.setItem('mode', 'light'); localStorage.setItem('theme', 'light'); }"
            " catch (e) {}")

        def route(route_, request):
            parts = urlsplit(request.url)
            if parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS:
                route_.continue_()
            else:
                route_.abort("blockedbyclient")

        context.route("**/*", route)
        browser_page = context.new_page()
        browser_page.goto(f"{site_url}/{page}.html", wait_until="load", timeout=60_000)
        browser_page.evaluate(
            "async () => { if (window.MathJax && MathJax.startup && MathJax.startup.promise) "
            "await MathJax.startup.promise; }")
        return browser_page

    yield open_
    for context in contexts:
        context.close()
