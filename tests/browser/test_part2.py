"""Browser checks specific to Part II (chapters 4 to 6), on the built book in Chromium.

The checks every page gets (no errors, nothing fetched off-site, math typeset, alt text, widgets
rendered, opaque figures) are in test_pages.py. Here, what a reader of these pages does without a
kernel: scrub the pre-computed players (chapter 4's learning rates, chapter 6's training replay)
and see the picture change, read the live widgets' kernel notes, open a folded solution; and what
the build must fill in: glued numbers, chapter 5's typeset SymPy formulas and gradient table.
"""

from __future__ import annotations

import pytest
from page_checks import (assert_glued_numbers_filled_in, assert_kernel_note_precedes_controls,
                         assert_player_scrubs, assert_solutions_folded_until_opened)

pytestmark = [pytest.mark.book, pytest.mark.browser]

CH4 = "notebooks/04_loss_and_gradient_descent"
CH5 = "notebooks/05_backpropagation"
CH6 = "notebooks/06_your_first_network"
EXERCISES = {CH4: 5, CH5: 4, CH6: 4}
PLAYERS = {CH4: "a learning rate per frame", CH6: "a training iteration per frame"}


@pytest.mark.parametrize("name", list(PLAYERS))
def test_player_moves_without_a_kernel(open_page, name):
    """The pre-computed player: its slider and buttons change the picture, in the page alone."""
    player = open_page(name).locator("div.animation")
    assert player.count() == 1, f"expected one player ({PLAYERS[name]})"
    assert_player_scrubs(player, min_frames=8)


@pytest.mark.parametrize("name", [CH4, CH6])
def test_live_widget_comes_after_its_kernel_note(open_page, name):
    page = open_page(name)
    assert_kernel_note_precedes_controls(page)
    assert page.locator(".kernel-note").count() == 1, "one live widget, one kernel note"


@pytest.mark.parametrize("name", list(EXERCISES))
def test_glued_numbers_are_filled_in(open_page, name):
    assert_glued_numbers_filled_in(open_page(name))


def test_backpropagation_formulas_and_table_are_typeset(open_page):
    """Chapter 5: SymPy's loss and derivative display as math; the table of local derivatives
    is typeset; the 16-row table of the three gradients has its parameter names typeset and its
    three columns agreeing."""
    page = open_page(CH5)
    assert page.locator(".cell_output mjx-container").count() >= 2 + 16, \
        "SymPy's formulas or the table's parameter names were not typeset"
    local = page.locator("table.nnlib-table", has_text="Nield's names")
    assert local.count() == 1 and local.locator("tbody tr").count() == 5, \
        "the table of local derivatives (one row per step of the forward pass) is missing"
    assert "\\(" not in local.inner_text() and local.locator("mjx-container").count() >= 10
    table = page.locator("table.nnlib-table", has_text="for the 16 parameters")
    rows = table.locator("tbody tr")
    assert rows.count() == 16, "one row per weight and bias expected"
    assert "\\(" not in table.inner_text(), "raw LaTeX left in the gradient table"
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td").all_inner_texts()
        assert len(set(cells[1:])) == 1, f"SymPy, nnlib and finite differences differ: {cells}"
    assert page.locator(".cell_output .highlight", has_text="def backward_delta").count() == 1, \
        "Dense.backward's source is not shown"


@pytest.mark.parametrize("name", list(EXERCISES))
def test_solutions_are_folded_until_opened(open_page, name):
    assert_solutions_folded_until_opened(open_page(name), EXERCISES[name])
