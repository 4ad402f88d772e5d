"""Drop duplicate <script> entries from each page.

Sphinx 7.4 (pinned by jupyter-book 1.x) lists some inline scripts twice on every page, once with
file name None and once with "" (so its own de-duplication misses them). For sphinx-thebe's
``const THEBE_JS_URL = ...`` the browser then fails with "Identifier 'THEBE_JS_URL' has already
been declared". Fixed upstream in Sphinx 8. This keeps the first of any scripts that have the
same file name, attributes and inline body.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx


def _key(script: Any) -> tuple:
    """What makes two script entries the same tag."""
    # The same inline script can come back with filename None or "" (config vs. environment).
    filename = getattr(script, "filename", script) or ""
    attributes = getattr(script, "attributes", {}) or {}
    return (filename, tuple(sorted((str(k), str(v)) for k, v in attributes.items())))


def dedupe_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen: set[tuple] = set()
    unique = []
    for script in scripts:
        key = _key(script)
        if key not in seen:
            seen.add(key)
            unique.append(script)
    # Edit in place: Sphinx restores its own list object after each page.
    scripts[:] = unique


def setup(app: Sphinx) -> dict:
    # Late priority: run after the extensions that add per-page scripts (myst-nb, sphinx-thebe).
    app.connect("html-page-context", dedupe_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
