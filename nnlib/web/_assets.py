"""The files behind nnlib's pages, and how a page snippet is put together from them.

The JavaScript, CSS and HTML live as files in ``nnlib/web/assets/`` (package data, so an
installed nnlib carries them), read with :mod:`importlib.resources`:

- ``js/``: the computing and drawing code, each file adding to one ``nnlibWeb`` namespace:
  ``forward.js`` (the forward pass), ``train.js`` (the training twin), ``draw.js`` (canvas
  figures), ``font.js`` (the font network's colour planes), then one file per widget;
- ``css/widgets.css``: the widgets' style;
- ``html/``: templates (:class:`string.Template`, ``$name`` placeholders) of the widgets' markup.

A snippet is self-contained: the style, the markup with its data in ``<script
type="application/json">`` elements, and one ``<script>`` with the library files, the widget's
file and a call that starts the widget on its root element.  Nothing is fetched.
"""
import functools
import html
import json
import string
from importlib import resources

LIBRARY = ("forward.js", "train.js", "draw.js")


@functools.lru_cache(maxsize=None)
def asset(name):
    """The text of ``assets/<name>`` (e.g. ``"js/forward.js"``)."""
    path = resources.files(__package__).joinpath("assets", *name.split("/"))
    if not path.is_file():
        raise FileNotFoundError(f"nnlib.web has no asset {name!r} (looked for {path})")
    return path.read_text(encoding="utf-8")


def render(template, **values):
    """The HTML template ``assets/html/<template>`` with its ``$placeholders`` filled in."""
    return string.Template(asset(f"html/{template}")).substitute(values)


def json_for_script(data):
    """JSON text that is safe inside ``<script type="application/json">``."""
    text = json.dumps(data, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def data_script(cls, data):
    """``<script type="application/json" class="cls">`` holding ``data``."""
    return f'<script type="application/json" class="{cls}">{json_for_script(data)}</script>'


def check_element_id(element_id):
    if not isinstance(element_id, str) or not element_id \
            or not element_id.replace("-", "").replace("_", "").isalnum():
        raise ValueError(f"element_id must be letters, digits, '-' and '_', got {element_id!r}")
    return element_id


def attribute(text):
    """``text`` escaped for an HTML attribute value."""
    return html.escape(str(text), quote=True)


def widget(kind, element_id, body, scripts, start, attributes="", library=LIBRARY):
    """A page snippet: the style, ``<div class="nnlib-web nnlib-<kind>" id=element_id>``
    holding ``body``, and a script with ``keys.js`` (the keys pressed on its controls stay with
    them, not with JupyterLab), the ``library`` files, the files ``scripts`` (all in
    ``assets/js``) and the call ``nnlibWeb.widgets.<start>(root)``."""
    code = "\n".join(asset(f"js/{name}") for name in ("keys.js", *library, *scripts))
    return render("widget.html", css=asset("css/widgets.css"), kind=kind,
                  element_id=check_element_id(element_id), attributes=attributes, body=body,
                  script=code, start=start)


def range_input(element_id, name, label, low, high, step, value, shown=None, cls=None,
                extra=""):
    """One row of a widget's control grid: label, ``<input type=range>``, its readout."""
    return render("range.html", input_id=f"{element_id}-{name}", label=label,
                          cls=cls or f"nnlib-{name}", low=low, high=high, step=step,
                          value=value, shown=value if shown is None else shown, extra=extra)
