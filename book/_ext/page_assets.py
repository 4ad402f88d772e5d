"""Faster first paint: big scripts after the text; saved widget state after the text; no
FontAwesome kit, a web font subset to the icons in use.

MathJax (1.16 MB) and the widget renderer embed.js (1.88 MB) were deferred scripts in the head,
downloaded from the start and sharing a slow connection with the stylesheets the first paint
needs. :func:`late_scripts` takes them out of the head and lists them in a JSON
``<script id="late-scripts">`` at the end of the body; book/_vendor/late-scripts.js adds them,
in order, on DOMContentLoaded. :func:`lazy_images` lets pictures far down the page wait until the
reader scrolls near them.

myst-nb puts a page's saved widget state (``<script type="application/vnd.jupyter.widget-state+
json">``, 0.1-0.8 MB with the pictures the widgets hold) in the page's head, so the browser had
to receive all of it before it could show any text. :func:`widget_state_after_body` moves it
to the end of the article; embed.js (deferred) reads it once the page is parsed, as before.

pydata-sphinx-theme puts ``scripts/fontawesome.js`` in every page's head: FontAwesome's whole
SVG icon kit, 1.49 MB of parser-blocking JavaScript, which delayed each page's first paint by
more than a second on a 10 Mb/s connection (issue 13). The theme's CSS also carries FontAwesome's
web-font rules (``.fa-bars:before {content: "\\f0c9"}`` and the ``@font-face`` of its three
fonts), which draw the same ``<i class="fa-solid fa-bars">`` icons without any script.

- book/_templates/layout.html drops the kit's ``<script>`` with :func:`without_fontawesome_kit`;
- after the build, :func:`subset_fonts` cuts the copied web fonts (solid, regular, brands;
  .woff2 and .ttf) down to the glyphs the book can show: the icons named in the pages' classes,
  and every FontAwesome code point the theme's and the book's stylesheets use in ``content``
  (admonition, dropdown and navigation icons). The solid font goes from 156 KB to a few KB. It
  also drops the theme stylesheet's rules for icons no page names.
  An icon that a script would add to a page later, by class name, is not kept: the book's
  pages have none (the theme's buttons and menus are in the HTML).
"""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

KIT = re.compile(r'\s*<script[^>]*src="[^"]*scripts/fontawesome\.js[^"]*"[^>]*>\s*</script>')
# ".fa-bars:before,.fa-navicon:before{content:"\f0c9"}" in the theme's CSS
ICON_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:{1,2}before,?)+)\{content:"\\([0-9a-f]{4,5})"')
ICON_NAME = re.compile(r"\.fa-([a-z0-9-]+):")
ICON_RULE_WHOLE = re.compile(ICON_RULE.pattern + r"\}")
# any other FontAwesome code point a stylesheet draws, escaped or as the character itself:
# content: "\f107", --pst-icon-github: "" (FontAwesome's icons are in the private use area)
CSS_CODEPOINT = re.compile(r'"(?:\\([ef][0-9a-f]{3})|([\ue000-\uf8ff]))"')
CLASS_ATTR = re.compile(r'class="([^"]*\bfa-[^"]*)"')
WEBFONTS = "vendor/fontawesome/webfonts"
FONTS = ("fa-solid-900", "fa-regular-400", "fa-brands-400")


def without_fontawesome_kit(head: str) -> Markup:
    """The theme's head block without the FontAwesome kit's <script> tag."""
    return Markup(KIT.sub("", str(head)))


def add_template_function(app: Sphinx, pagename, templatename, context, doctree) -> None:
    context["without_fontawesome_kit"] = without_fontawesome_kit


WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def widget_state_after_body(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Move the saved widget state from the head's scripts to the end of the page's body."""
    scripts = context.get("script_files")
    if not scripts or "body" not in context:
        return
    states = [s for s in scripts if (getattr(s, "attributes", None) or {}).get("type") == WIDGET_STATE]
    for state in states:
        scripts.remove(state)  # in place: Sphinx restores its own list after each page
        body = state.attributes.get("body", "")
        context["body"] += f'\n<script type="{WIDGET_STATE}">{body}</script>\n'


def used_icon_names(outdir: Path) -> set[str]:
    """The FontAwesome icon names (``bars`` for ``fa-bars``) in the built pages' classes."""
    static, names = outdir / "_static", set()
    for page in outdir.rglob("*.html"):
        if static in page.parents:
            continue
        for classes in CLASS_ATTR.findall(page.read_text(encoding="utf-8", errors="replace")):
            names |= {c[3:] for c in classes.split() if c.startswith("fa-")}
    return names


def drop_unused_icon_rules(outdir: Path, names: set[str]) -> None:
    """Remove the ``.fa-NAME:before {content: ...}`` rules of icons no page uses from the
    theme's stylesheet (about 1,800 rules, 90 KB of the 390 KB the first paint waits for)."""
    css = outdir / "_static" / "styles" / "pydata-sphinx-theme.css"
    if not css.exists():
        return
    text = css.read_text(encoding="utf-8")

    def keep_used(match: re.Match) -> str:
        used = set(ICON_NAME.findall(match.group(1))) & names
        return match.group(0) if used else ""

    smaller = ICON_RULE_WHOLE.sub(keep_used, text)
    css.write_text(smaller, encoding="utf-8")
    logger.info(f"page_assets: {css.name} {len(text) // 1024} KB -> {len(smaller) // 1024} KB")


def used_codepoints(outdir: Path, names: set[str]) -> set[int]:
    """FontAwesome code points the built pages can show."""
    static = outdir / "_static"
    icon_rules, css_points = {}, set()
    for css in static.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        for selectors, point in ICON_RULE.findall(text):
            for name in ICON_NAME.findall(selectors):
                icon_rules[name] = int(point, 16)
        # code points outside the one-rule-per-icon list: the theme's own pseudo-element icons
        css_points |= {int(escaped, 16) if escaped else ord(char)
                       for escaped, char in CSS_CODEPOINT.findall(ICON_RULE.sub("", text))}
    return css_points | {icon_rules[n] for n in names if n in icon_rules}


def subset_fonts(app: Sphinx, exception) -> None:
    if exception or app.builder.format != "html":
        return
    from fontTools import subset
    from fontTools.ttLib import TTFont

    folder = Path(app.outdir) / "_static" / WEBFONTS
    if not folder.is_dir():
        logger.warning(f"page_assets: {folder} is missing; FontAwesome fonts left as they are")
        return
    names = used_icon_names(Path(app.outdir))
    points = used_codepoints(Path(app.outdir), names)
    drop_unused_icon_rules(Path(app.outdir), names)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    for name in FONTS:
        source = folder / f"{name}.ttf"
        if not source.exists():
            continue
        font = TTFont(source)
        keep = sorted(points & set(font.getBestCmap()))
        if not keep:  # an empty font would not parse; unused, it is never downloaded anyway
            continue
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=keep)
        subsetter.subset(font)
        before = (folder / f"{name}.woff2").stat().st_size
        for flavor, suffix in ((None, "ttf"), ("woff2", "woff2")):
            font.flavor = flavor
            font.save(folder / f"{name}.{suffix}")
        logger.info(f"page_assets: {name}: {len(keep)} icons, .woff2 {before // 1024} KB -> "
                    f"{(folder / f'{name}.woff2').stat().st_size // 1024} KB")


IMG_TAG = re.compile(r"<img (?![^>]*\bloading=)([^>]*)>")
# myst-nb's size of an output picture: style="width: 1179px; height: 359px;"
IMG_SIZE = re.compile(r'style="width:\s*(\d+)px;\s*height:\s*(\d+)px;?"')


def _lazy(match: re.Match) -> str:
    attributes = match.group(1)
    size = IMG_SIZE.search(attributes)
    if size and " width=" not in attributes:
        # width/height attributes give the picture its proportions before it has loaded, so
        # that with CSS height: auto (book.css) the page does not shift when it arrives
        attributes += f' width="{size.group(1)}" height="{size.group(2)}"'
    return f'<img loading="lazy" {attributes}>'


def lazy_images(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Pictures load when they come near the screen (loading="lazy"), so that those further
    down do not share the connection with the stylesheets the first paint waits for."""
    if "body" in context:
        context["body"] = IMG_TAG.sub(_lazy, context["body"])


LATE = ("mathjax/tex-chtml.js", "widgets/embed.js")


def late_scripts(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Move MathJax and embed.js from the head to a list that late-scripts.js loads."""
    import json

    scripts = context.get("script_files")
    if not scripts or "body" not in context or "pathto" not in context:
        return
    late = []
    for script in list(scripts):
        filename = getattr(script, "filename", None) or ""
        if filename.split("?")[0].endswith(LATE):
            scripts.remove(script)
            attributes = {k: str(v) for k, v in (script.attributes or {}).items()
                          if k not in ("defer", "async", "body", "priority")}
            attributes["src"] = context["pathto"](filename, resource=True)
            late.append(attributes)
    if late:
        # "</" cannot occur in these URLs and attributes, so the JSON is safe inside <script>
        context["body"] += (f'\n<script type="application/json" id="late-scripts">'
                            f'{json.dumps(late)}</script>\n')


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", late_scripts, priority=900)
    app.connect("html-page-context", lazy_images, priority=900)
    app.connect("html-page-context", add_template_function)
    # after myst-nb has added the page's widget scripts (default priority 500)
    app.connect("html-page-context", widget_state_after_body, priority=900)
    app.connect("build-finished", subset_fonts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
