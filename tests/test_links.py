"""Link and offline checks over the built HTML (_build/html), without a browser.

- Every relative href/src points to a file that exists, and every #anchor to an id in the
  target page.
- External http(s) links are collected and listed at the end of the run, never fetched.
- Nothing the pages load comes from off-site: no <script src>, <link href>, <img src> or CSS
  url() outside the book. The one URL allowed in page scripts is sphinx-thebe's THEBE_JS_URL,
  which the reader's browser fetches only when "Live Code" is pressed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

pytestmark = pytest.mark.book

# Attributes that reference another file, per tag.
LINK_ATTRS = {
    "a": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "source": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
}
# Tags whose reference the browser loads by itself (as opposed to a link the reader follows).
LOADED = {("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
          ("iframe", "src"), ("video", "src"), ("video", "poster"), ("audio", "src")}
# <link rel=...> values that are only metadata, not loaded by the browser.
NON_LOADING_LINK_RELS = {"canonical", "alternate", "author", "license", "help", "search",
                         "index", "next", "prev", "top", "up", "first", "last"}
IGNORED_SCHEMES = {"mailto", "javascript", "data", "tel", "blob", "about"}
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""")
URL_IN_SCRIPT = re.compile(r"""https?://[^\s"'`<>)]+""")
# The only off-site URL allowed in an inline page script (see module docstring).
ALLOWED_SCRIPT_URL = re.compile(r"""const THEBE_JS_URL = "https://unpkg\.com/thebe@[\w.\-]+/lib/index\.js\"""")
# Inline <script type=...> that carry data, not code.
DATA_SCRIPT_TYPES = {"application/vnd.jupyter.widget-state+json",
                     "application/vnd.jupyter.widget-view+json",
                     "text/x-thebe-config", "application/json", "application/ld+json"}


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, str, dict]] = []  # (tag, attr, value, attrs)
        self.inline_scripts: list[str] = []
        self.styles: list[str] = []
        self._script_type: str | None = None
        self._in_style = False
        self._buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v or "") for k, v in attrs}
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for attr in LINK_ATTRS.get(tag, ()):
            if attr in attrs:
                self.refs.append((tag, attr, attrs[attr].strip(), attrs))
        if attrs.get("style"):
            self.styles.append(attrs["style"])
        if tag == "script" and "src" not in attrs:
            self._script_type = attrs.get("type", "text/javascript")
            self._buffer = []
        elif tag == "style":
            self._in_style = True
            self._buffer = []

    def handle_data(self, data):
        if self._script_type is not None or self._in_style:
            self._buffer.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script_type is not None:
            if self._script_type not in DATA_SCRIPT_TYPES:
                self.inline_scripts.append("".join(self._buffer))
            self._script_type = None
        elif tag == "style" and self._in_style:
            self.styles.append("".join(self._buffer))
            self._in_style = False


@lru_cache(maxsize=None)
def parse_page(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser


def html_files(root: Path) -> list[Path]:
    """The book's pages: not the theme's Jinja fragments that Sphinx copies into _static/."""
    return sorted(p for p in root.rglob("*.html") if p.relative_to(root).parts[0] != "_static")


def _is_external(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") or url.startswith("//")


def _resolve(page: Path, url: str, root: Path) -> tuple[Path, str]:
    parts = urlsplit(url)
    path = unquote(parts.path)
    if not path:
        target = page
    elif path.startswith("/"):
        target = root / path.lstrip("/")
    else:
        target = (page.parent / path).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def test_internal_links_and_anchors(built_html: Path, request: pytest.FixtureRequest) -> None:
    root = built_html.resolve()
    problems: list[str] = []
    external: dict[str, set[str]] = defaultdict(set)
    checked = 0
    for page in html_files(root):
        rel_page = page.relative_to(root).as_posix()
        for tag, attr, url, _attrs in parse_page(page).refs:
            if not url or urlsplit(url).scheme in IGNORED_SCHEMES:
                continue
            if _is_external(url):
                external[url].add(rel_page)
                continue
            target, fragment = _resolve(page, url, root)
            checked += 1
            if root not in target.parents and target != root:
                problems.append(f"{rel_page}: <{tag} {attr}={url!r}> points outside the book")
                continue
            if not target.exists():
                problems.append(f"{rel_page}: <{tag} {attr}={url!r}>: {target.relative_to(root)} missing")
                continue
            if fragment and target.suffix == ".html" and fragment not in parse_page(target).ids:
                problems.append(f"{rel_page}: <{tag} {attr}={url!r}>: no id {fragment!r} "
                                f"in {target.relative_to(root).as_posix()}")
    # reported at the end of the run (tests/conftest.py), also from a pytest-xdist worker
    request.node.user_properties.append(
        ("book_external_links", {url: sorted(pages) for url, pages in external.items()}))
    assert checked > 0, "no internal links found: is _build/html a real build?"
    assert not problems, "broken internal links:\n" + "\n".join(problems)


def _css_urls(css: str) -> list[str]:
    return [next(g for g in m.groups() if g is not None) for m in CSS_URL.finditer(css)]


def test_nothing_loads_from_off_site(built_html: Path) -> None:
    offenders: list[str] = []
    for page in html_files(built_html):
        rel_page = page.relative_to(built_html).as_posix()
        parsed = parse_page(page)
        for tag, attr, url, attrs in parsed.refs:
            if (tag, attr) not in LOADED or not _is_external(url):
                continue
            rels = set(attrs.get("rel", "").lower().split())
            if tag == "link" and rels and rels <= NON_LOADING_LINK_RELS:
                continue
            offenders.append(f"{rel_page}: <{tag} {attr}={url!r}>")
        for css in parsed.styles:
            offenders += [f"{rel_page}: inline CSS url({u})" for u in _css_urls(css) if _is_external(u)]
        for script in parsed.inline_scripts:
            remaining = ALLOWED_SCRIPT_URL.sub("", script)
            offenders += [f"{rel_page}: inline script mentions {u}"
                          for u in URL_IN_SCRIPT.findall(remaining)]
    for css_file in sorted(built_html.rglob("*.css")):
        rel = css_file.relative_to(built_html).as_posix()
        css = css_file.read_text(encoding="utf-8", errors="replace")
        offenders += [f"{rel}: url({u})" for u in _css_urls(css) if _is_external(u)]
        offenders += [f"{rel}: @import {m}" for m in re.findall(r"@import\s+['\"](https?:[^'\"]+)", css)]
    assert not offenders, "the book would load these from off-site:\n" + "\n".join(offenders)


def test_toc_pages_were_built(built_html: Path, toc_page: str) -> None:
    assert (built_html / f"{toc_page}.html").is_file(), f"{toc_page} is in _toc.yml but was not built"


# Budget from the book's issue: the heaviest page, its HTML plus its own pictures (not the
# shared _static/ assets such as MathJax and the widget bundle), stays under 3 MB.
PAGE_BUDGET_BYTES = 3_000_000


def page_weight(built_html: Path, page: Path) -> int:
    """Bytes of the page's HTML plus the distinct local files its <img>/<source> tags load,
    outside _static/ (data: URIs are already inside the HTML)."""
    total = page.stat().st_size
    seen: set[Path] = set()
    for tag, attr, url, _attrs in parse_page(page).refs:
        if tag not in ("img", "source") or not url or _is_external(url) or url.startswith("data:"):
            continue
        target, _ = _resolve(page, url, built_html.resolve())
        static = built_html.resolve() / "_static"
        if target.is_file() and static not in target.parents and target not in seen:
            seen.add(target)
            total += target.stat().st_size
    return total


def test_page_weight_budget(built_html: Path, toc_page: str, request: pytest.FixtureRequest) -> None:
    weight = page_weight(built_html, built_html / f"{toc_page}.html")
    request.node.user_properties.append(("book_page_weight", (str(toc_page), weight)))
    assert weight <= PAGE_BUDGET_BYTES, (
        f"{toc_page} weighs {weight / 1e6:.2f} MB with its pictures (budget "
        f"{PAGE_BUDGET_BYTES / 1e6:.0f} MB): fewer or smaller figures, or fewer animation frames")
