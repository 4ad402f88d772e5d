"""Browser checks specific to Part I (chapters 1 to 3), on the built book in Chromium.

The checks every page gets (no errors, nothing fetched off-site, math typeset, alt text, widgets
rendered, opaque figures) are in test_pages.py, and ``open_page`` is in conftest.py. Here: what a
reader does on these pages without a kernel (move chapter 1's line, whose points must be
nnlib's Dense forward pass; switch chapter 3's pre-computed fits; open a folded solution), and
what must be filled in when the book is built (glued numbers, typeset math in the activation
tables).
"""

from __future__ import annotations

import pytest
import json

import numpy as np
from page_checks import (assert_glued_numbers_filled_in, assert_no_kernel_note,
                         assert_solutions_folded_until_opened)

from nnlib import Dense

pytestmark = [pytest.mark.book, pytest.mark.browser]

CH1 = "notebooks/01_a_neuron_is_a_line"
CH2 = "notebooks/02_layers_and_the_forward_pass"
CH3 = "notebooks/03_activation_functions"
EXERCISES = {CH1: 4, CH2: 4, CH3: 5}


def test_neuron_line_is_the_dense_forward_pass(open_page):
    """Chapter 1's sliders move the line, and its points are what Dense(1, 1).forward gives."""
    page = open_page(CH1)
    root = page.locator(".nnlib-neuron-line")
    assert root.count() == 1
    for weight, bias in [(1.0, 1.0), (-2.5, 3.0), (0.75, -1.25)]:
        root.locator("input.nnlib-weight").fill(f"{weight:g}")
        root.locator("input.nnlib-bias").fill(f"{bias:g}")
        x0, y0, x1, y1 = json.loads(root.get_attribute("data-line"))
        layer = Dense(1, 1, activation="linear", init="zeros")
        layer.weights[0, 0], layer.bias[0] = weight, bias
        assert [y0, y1] == layer.forward(np.array([[x0], [x1]], dtype=float))[:, 0].tolist()
        assert root.locator(".nnlib-equation").text_content().startswith(f"y = {weight:g} x ")


def test_fits_are_switched_in_the_page(open_page):
    """Chapter 3: every (activation, neurons) picture is in the page; the controls swap them."""
    page = open_page(CH3)
    page.wait_for_selector(".widget-subarea .jupyter-widgets img")
    area = page.locator(".widget-subarea", has=page.locator(".widget-dropdown"))
    picture = lambda: area.locator("img").first.evaluate(  # noqa: E731
        "img => { const c = document.createElement('canvas'); c.width = img.naturalWidth;"
        " c.height = img.naturalHeight; c.getContext('2d').drawImage(img, 0, 0);"
        " return c.toDataURL(); }")
    seen = {picture()}
    area.locator("select").first.select_option("sigmoid")
    page.wait_for_timeout(200)
    seen.add(picture())
    area.locator("select").nth(1).select_option("1")
    page.wait_for_timeout(200)
    seen.add(picture())
    assert len(seen) == 3, "the activation and the neurons should each change the picture"
    assert area.locator("img").first.get_attribute("alt"), "the fit's picture has no alt text"


@pytest.mark.parametrize("page_name", [CH1, CH3])
def test_no_kernel_note(reading_page, page_name):
    assert_no_kernel_note(reading_page(page_name))


def test_activation_tables_are_typeset(reading_page):
    """Chapter 3's two tables (formulas and derivatives; ranges and uses) show typeset math."""
    page = reading_page(CH3)
    tables = page.locator("table.nnlib-table")
    formulas, ranges = tables.nth(0), tables.nth(1)
    for table in (formulas, ranges):
        assert table.locator("tbody tr").count() == 6, "one row per activation expected"
        assert "\\(" not in table.inner_text(), "raw LaTeX left in an activation table"
    assert formulas.locator("mjx-container").count() == 6 * 2, "formulas were not typeset"
    assert ranges.locator("mjx-container").count() == 6, "ranges were not typeset"


@pytest.mark.parametrize("page_name", [CH2, CH3])
def test_glued_numbers_are_filled_in(reading_page, page_name):
    assert_glued_numbers_filled_in(reading_page(page_name))


@pytest.mark.parametrize("page_name", list(EXERCISES))
def test_solutions_are_folded_until_opened(reading_page, page_name):
    assert_solutions_folded_until_opened(reading_page(page_name), EXERCISES[page_name])
