"""Tests for the notebook display helpers: nnlib.display.table and nnlib.plotting.animation_html."""
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.animation import FuncAnimation

from nnlib.display import Table, table
from nnlib.plotting import animation_html


def test_table_text_and_html():
    t = table([["rose", 4.1, 2], ["lotus", -0.0001, 3]], headers=["flower", "x", "n"],
              caption="Flowers", floatfmt=".2f")
    assert isinstance(t, Table)
    text = repr(t)
    assert text.splitlines()[0] == "Flowers"
    assert "4.10" in text and "0.00" in text and "-0.00" not in text
    page = t._repr_html_()
    assert page.startswith('<table class="nnlib-table">')
    assert "<th>flower</th>" in page and '<td style="text-align:right">4.10</td>' in page


def test_table_escapes_html_and_checks_row_lengths():
    assert "&lt;b&gt;" in table([["<b>"]], headers=["h"])._repr_html_()
    with pytest.raises(ValueError, match=r"rows\[0\] has 1 cells but there are 2 headers"):
        table([[1]], headers=["a", "b"])


def _animation():
    fig, ax = plt.subplots(figsize=(2, 1.5), dpi=40)
    line, = ax.plot([0, 1], [0, 0])

    def frame(i):
        line.set_ydata([0, i])
        return (line,)

    return FuncAnimation(fig, frame, frames=3)


def test_animation_html_is_offline_deterministic_and_has_alt_text():
    first = animation_html(_animation(), alt='a line "tilting" up').data
    second = animation_html(_animation(), alt='a line "tilting" up').data
    assert first == second                        # ids come from the frames, not uuid4
    assert "https://" not in first and "http://" not in first and "fa-" not in first
    assert re.search(r'<img class="nnlib-frame-picture" src="data:image/png;base64,[^"]+" '
                     r'alt="a line &quot;tilting&quot; up">', first)
    assert first.count("data:image/png;base64") == 3
    assert 'type="range"' in first
    assert plt.get_fignums() == []                # the figure is closed


@pytest.mark.filterwarnings("ignore:Animation was deleted without rendering")
def test_animation_html_needs_alt_text():
    with pytest.raises(ValueError, match="alt"):
        animation_html(_animation(), alt=" ")
    plt.close("all")


def test_table_with_math_asks_the_book_to_typeset_it():
    # The book's pages are "mathjax_ignore" except for listed classes such as mathjax_process.
    assert 'class="nnlib-table mathjax_process"' in table([[r"\(x^2\)"]], headers=["f"])._repr_html_()
    assert 'class="nnlib-table"' in table([["x^2"]], headers=["f"])._repr_html_()
