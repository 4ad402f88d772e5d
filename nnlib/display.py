"""Small tables for notebooks, readable in Jupyter, in the book and as plain text.

The book's environment has no pandas, and a chapter often wants to show a few rows of numbers
(a forward pass by hand, a comparison of methods).  :func:`table` makes one:

>>> table([["rose", 4.1, 2.9]], headers=["flower", "length (cm)", "width (cm)"])

In Jupyter and in the book it shows as an HTML table; its ``repr`` (what ``print`` and the
tests see) is the same table as aligned plain text.  Cells may hold LaTeX math written
``\\(...\\)``, which the book and Jupyter typeset.

:func:`glue` stores a computed value for the prose, like ``myst_nb.glue(..., display=False)``
but cheaper to import, and makes it a variable of the notebook: the prose shows it with
``{eval}`name``` (or ``{eval}`f"{name:.3f}"```), which JupyterLab with jupyterlab-myst
evaluates when the markdown cell runs and the book fills in from the glued value
(book/_ext/eval_glue.py).
"""
import html
import keyword
import numbers

import numpy as np


class Table:
    """A table of ``rows`` (a list of equal-length sequences) under ``headers``.

    Numbers are formatted with ``floatfmt`` (a format spec such as ``".3f"``; integers are
    shown as integers), everything else with ``str``.  ``caption`` is shown above the table.
    """

    def __init__(self, rows, headers, caption=None, floatfmt=".3f"):
        headers = [str(h) for h in headers]
        rows = [list(row) for row in rows]
        for i, row in enumerate(rows):
            if len(row) != len(headers):
                raise ValueError(f"rows[{i}] has {len(row)} cells but there are "
                                 f"{len(headers)} headers; expected {len(headers)}")
        self.headers, self.caption, self.floatfmt = headers, caption, floatfmt
        self.cells = [[self._format(value) for value in row] for row in rows]

    def _format(self, value):
        if isinstance(value, (bool, np.bool_)):
            return str(bool(value))
        if isinstance(value, numbers.Integral):
            return str(int(value))
        if isinstance(value, numbers.Real):
            text = format(float(value), self.floatfmt)
            return "0" + text[2:] if text.startswith("-0") and float(text) == 0 else text
        return str(value)

    def __repr__(self):
        widths = [max(len(c) for c in column) for column in zip(self.headers, *self.cells)]
        lines = [self.caption] if self.caption else []
        lines.append("  ".join(h.ljust(w) for h, w in zip(self.headers, widths)).rstrip())
        lines.append("  ".join("-" * w for w in widths))
        for row in self.cells:
            lines.append("  ".join(c.rjust(w) if _numeric(c) else c.ljust(w)
                                   for c, w in zip(row, widths)).rstrip())
        return "\n".join(lines)

    def _repr_html_(self):
        def cell(tag, text):
            align = ' style="text-align:right"' if tag == "td" and _numeric(text) else ""
            return f"<{tag}{align}>{html.escape(text)}</{tag}>"

        # The book marks its pages "mathjax_ignore" and typesets only elements of the classes
        # it lists; "mathjax_process" is one of them, so \( \) math in the cells gets typeset.
        has_math = any("\\(" in text for text in self.headers + sum(self.cells, []))
        parts = [f'<table class="nnlib-table{" mathjax_process" if has_math else ""}">']
        if self.caption:
            parts.append(f"<caption>{html.escape(self.caption)}</caption>")
        # an empty header (e.g. above row names) is a plain cell: a <th> must name its column
        parts.append("<thead><tr>" + "".join(cell("th" if h.strip() else "td", h)
                                             for h in self.headers) + "</tr></thead><tbody>")
        for row in self.cells:
            parts.append("<tr>" + "".join(cell("td", c) for c in row) + "</tr>")
        parts.append("</tbody></table>")
        return "".join(parts)


def _numeric(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


def table(rows, headers, caption=None, floatfmt=".3f"):
    """A :class:`Table` of ``rows`` under ``headers``: shown as HTML in Jupyter and the book."""
    return Table(rows, headers, caption=caption, floatfmt=floatfmt)


GLUE_PREFIX = "application/papermill.record/"


def glue(name, value, digits=None):
    """Store ``value`` for the prose's ``{eval}`name``` roles, without showing it.

    ``value`` is an integer, a string, or a float with ``digits``: the number of significant
    digits it means.  A float is stored rounded to them (``glue("loss", 0.0014470652543184612,
    digits=3)`` stores ``0.00145``), because its last bits depend on the CPU that computed it
    (another machine's BLAS or SIMD kernels round differently) and the stored notebook is
    compared with a fresh run by the tests.  A float without ``digits`` is refused, as are NaN,
    infinities and other types.  Round-off-sized quantities are better glued as the bound the
    cell asserts (``assert error < 1e-12``, then ``glue("error_bound", "1e-12")``).

    The output is the same as ``myst_nb.glue(name, value, display=False)``: one display_data
    whose mime types carry myst-nb's hidden prefix, tagged with ``{"scrapbook": {"name":
    name}}`` in its metadata, from which the built page pastes the value.  It exists because
    myst-nb's own ``glue`` imports nbformat and jsonschema, which costs about 2 s of CPU per
    notebook in this environment.  A NumPy scalar is stored as the Python number it holds
    (NumPy 2 writes ``np.float64(0.5)`` as its repr, which a format spec cannot parse).

    In a running notebook, ``name`` also becomes a variable holding the stored value, so that
    ``{eval}`name``` and ``{eval}`f"{name:.3f}"``` in a markdown cell show it in JupyterLab
    (jupyterlab-myst asks the kernel when the cell runs); the book fills the same roles in from
    the glued output instead.  ``name`` must therefore be a Python name, and glue refuses one
    that the notebook already uses for something else (it would replace the reader's
    variable).
    """
    from IPython.core.formatters import format_display_data
    from IPython.display import display

    if not isinstance(name, str) or not name:
        raise TypeError(f"name must be a non-empty string, got {name!r}")
    if not name.isidentifier() or keyword.iskeyword(name):
        raise ValueError(f"glue name {name!r} must be a Python name (letters, digits, _), so "
                         f"that {{eval}}`{name}` can show it")
    value = _glue_value(name, value, digits)
    _bind(name, value)
    bundle, metadata = format_display_data(value)
    metadata = dict(metadata, scrapbook={"name": name, "mime_prefix": GLUE_PREFIX})
    display({GLUE_PREFIX + key: data for key, data in bundle.items()}, raw=True,
            metadata=metadata)


_BOUND = {}   # name -> the value glue last bound to it in the notebook's namespace


def _bind(name, value):
    """Make ``name`` a variable of the running notebook (IPython's user namespace) holding
    ``value``, unless it already holds something else that glue did not put there."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None:   # not in a notebook or IPython: nothing to evaluate {eval} against
        return
    namespace = shell.user_ns
    if name in namespace and namespace[name] is not _BOUND.get(name, _BOUND) \
            and not _equal(namespace[name], value):
        raise ValueError(
            f"glue({name!r}, ...): the notebook already has a variable {name!r} "
            f"({type(namespace[name]).__name__}) that is not the glued value {value!r}; glue "
            f"makes {name!r} a variable for the prose's {{eval}}, so choose another name")
    namespace[name] = _BOUND[name] = value


def _equal(existing, value):
    """``existing`` is a plain number or string equal to ``value`` (and of its kind)."""
    if isinstance(existing, np.generic):
        existing = existing.item()
    return type(existing) is type(value) and existing == value


def _glue_value(name, value, digits):
    """``value`` as glue stores it: an int, a str, or a float rounded to ``digits``."""
    if digits is not None and (isinstance(digits, bool) or not isinstance(digits, numbers.Integral)
                               or not 1 <= digits <= 12):
        raise ValueError(f"digits must be an integer from 1 to 12 (significant digits), "
                         f"got {digits!r}")
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, (str, numbers.Integral)):      # bool is an Integral too
        return value
    if not isinstance(value, numbers.Real):
        raise TypeError(f"glue({name!r}, ...) stores numbers and strings, got "
                        f"{type(value).__name__}; format it as a string first")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"glue({name!r}, {value}): the value must be finite")
    if digits is None:
        raise TypeError(
            f"glue({name!r}, {value!r}): a float needs digits=, the number of significant "
            f"digits it means (for example digits=3 stores {float(f'{value:.3g}')!r}); its "
            f"last digits depend on the CPU's rounding")
    return float(f"{value:.{digits}g}")
