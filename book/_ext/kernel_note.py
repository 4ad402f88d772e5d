"""The ``{kernel-note}`` directive: "this widget needs a running Python kernel".

In the HTML book a saved ipywidgets slider still moves, but nothing recomputes, because no
Python runs behind the page. Chapters put this note right above such a widget::

    ```{kernel-note}
    Drag the slider to move the line.
    ```

It renders as an admonition (CSS class ``kernel-note``, styled in book/_vendor/book.css) with a
standard explanation pointing to the launch buttons (when the book has a repository URL, see
_config.yml) and to running the notebook locally, followed by the directive's own content.
"""

from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

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


class KernelNote(SphinxDirective):
    has_content = True
    optional_arguments = 0
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        has_launch = bool(self.config.html_theme_options.get("launch_buttons"))
        text = WITH_LAUNCH if has_launch else WITHOUT_LAUNCH
        if not has_launch:
            text = text.replace("{fas}`rocket`, ", "")

        admonition = nodes.admonition(classes=["kernel-note"])
        admonition += nodes.title(TITLE, TITLE)
        self.set_source_info(admonition)

        lines = StringList([text, ""], source=self.get_source_info()[0])
        lines.extend(self.content)
        self.state.nested_parse(lines, self.content_offset, admonition)
        return [admonition]


def setup(app: Sphinx) -> dict:
    app.add_directive("kernel-note", KernelNote)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
