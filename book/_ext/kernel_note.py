"""Kernel notes: "this widget needs a running Python kernel", in the book and in JupyterLab.

In the HTML book a saved ipywidgets slider still moves, but nothing recomputes, because no
Python runs behind the page. Chapters put this note right above such a widget, as a standard
admonition with the class ``kernel-note``::

    ```{admonition} This needs a live Python kernel
    :class: kernel-note
    Drag the slider to move the line.
    ```

JupyterLab (jupyterlab-myst) shows it as a note with that title and text: there the kernel is
running, and the text says what the widget does. In the book this extension adds, before the
text, the standard explanation pointing to the launch buttons (when the book has a repository
URL, see _config.yml) and to running the notebook locally; book/_vendor/book.css styles the
class. A kernel note with another title is a build warning (warnings fail the build), so every
note reads the same.
"""

from __future__ import annotations

from docutils.parsers.rst.directives.admonitions import Admonition
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

CLASS = "kernel-note"
TITLE = "This needs a live Python kernel"

WITH_LAUNCH = (
    "On this static page the widget below shows its saved state, but moving it recomputes "
    "nothing. To make it live, open this chapter with the launch button "
    "({fas}`rocket`, top of the page: Binder, Colab, or *Live Code*), "
    "or run the notebook on your computer with Jupyter Lab (see {ref}`how-to-read`)."
)
WITHOUT_LAUNCH = (
    "On this static page the widget below shows its saved state, but moving it recomputes "
    "nothing. To make it live, run the notebook on your computer with Jupyter Lab, "
    "or in Binder or Colab (see {ref}`how-to-read`)."
)


class BookAdmonition(Admonition, SphinxDirective):
    """docutils' ``admonition``, which adds the book's explanation to a kernel note."""

    def run(self):
        if CLASS not in self.options.get("class", []):
            return super().run()
        if self.arguments[0].strip() != TITLE:
            return [self.state.document.reporter.warning(
                f"a {CLASS} admonition is titled {TITLE!r}, not {self.arguments[0]!r}",
                line=self.lineno)]
        has_launch = bool(self.config.html_theme_options.get("launch_buttons"))
        text = WITH_LAUNCH if has_launch else WITHOUT_LAUNCH
        source = self.get_source_info()[0]
        content = StringList([text, ""], source=source)
        content.extend(self.content)
        self.content = content
        return super().run()


def setup(app: Sphinx) -> dict:
    app.add_directive("admonition", BookAdmonition, override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
