"""Alt text for pictures drawn inside saved widgets (e.g. an ``interact`` plot).

A code cell's image alt text is set in its metadata, ``{"mystnb": {"image": {"alt": "..."}}}``,
and myst-nb applies it to the cell's image outputs. A figure shown inside a widget's Output,
however, is drawn in the browser by embed.js from the saved widget state, and gets no alt. This
copies the cell's alt text onto the cell's widget-view script tag as ``data-alt``;
book/_vendor/widget-image-alt.js then puts it on the images the widget draws.
"""

from __future__ import annotations

import html

from docutils import nodes
from sphinx.application import Sphinx

VIEW_TAG = '<script type="application/vnd.jupyter.widget-view+json">'


def _is_code_cell(node: nodes.Node) -> bool:
    return isinstance(node, nodes.container) and node.get("nb_element") == "cell_code"


def add_widget_alt(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for cell in doctree.findall(_is_code_cell):
        metadata = cell.get("cell_metadata") or {}
        alt = ((metadata.get("mystnb") or {}).get("image") or {}).get("alt")
        if not alt:
            continue
        tagged = VIEW_TAG[:-1] + f' data-alt="{html.escape(str(alt), quote=True)}">'
        for raw in list(cell.findall(nodes.raw)):
            text = raw.astext()
            if VIEW_TAG in text:
                raw.replace_self(nodes.raw("", text.replace(VIEW_TAG, tagged), format=raw["format"]))


def setup(app: Sphinx) -> dict:
    # doctree-resolved runs after myst-nb's post-transforms have chosen each output's mime type.
    app.connect("doctree-resolved", add_widget_alt)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
