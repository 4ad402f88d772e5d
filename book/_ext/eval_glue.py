"""The ``{eval}`` role in the book: the value a chapter glued under that name.

The chapters write numbers from their code into the prose as ``{eval}`name``` or, formatted,
``{eval}`f"{name:.3f}"```, where ``name`` was stored with ``nnlib.display.glue(name, value)``.
In JupyterLab, jupyterlab-myst evaluates the expression in the kernel when the markdown cell
runs (glue makes ``name`` a variable of the notebook); myst-nb's glue roles would show there as
bare names.  The book is built from the executed notebooks, with no kernel left to ask, so
this role takes the glued output instead, exactly as ``{glue:text}`name:.3f``` does.

Only those two forms are accepted: anything else would need a kernel, and the build warns
(warnings fail it).
"""

from __future__ import annotations

import ast

from myst_nb.ext.glue.roles import PasteTextRole
from myst_nb.ext.glue.utils import glue_warning
from sphinx.application import Sphinx


def glue_key(expression: str) -> str:
    """``name`` for ``name``, ``name:spec`` for ``f"{name:spec}"``; ValueError otherwise."""
    try:
        tree = ast.parse(expression.strip(), mode="eval").body
    except SyntaxError as exc:
        raise ValueError(f"not a Python expression: {exc.msg}") from None
    if isinstance(tree, ast.Name):
        return tree.id
    if isinstance(tree, ast.JoinedStr) and len(tree.values) == 1:
        field = tree.values[0]
        spec = field.format_spec if isinstance(field, ast.FormattedValue) else None
        if (isinstance(field, ast.FormattedValue) and isinstance(field.value, ast.Name)
                and field.conversion == -1 and spec is not None
                and all(isinstance(part, ast.Constant) for part in spec.values)):
            return f"{field.value.id}:{''.join(part.value for part in spec.values)}"
    raise ValueError('the book fills in only {eval}`name` and {eval}`f"{name:spec}"`, '
                     "with name glued by the notebook (nnlib.display.glue)")


class EvalGlueRole(PasteTextRole):
    """``{eval}`expression``` pasted from the glued value the expression names."""

    def run(self):
        try:
            key = glue_key(self.text)
        except ValueError as exc:
            return [], [glue_warning(f"{{eval}}`{self.text}`: {exc}", self.document, self.line)]
        self.text = key
        return super().run()


def setup(app: Sphinx) -> dict:
    # myst-nb registers its own eval role (which needs a live kernel) in its setup; local
    # extensions are set up after it, so this one replaces it.
    app.add_role("eval", EvalGlueRole(), override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
