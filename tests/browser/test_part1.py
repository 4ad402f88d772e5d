"""Browser checks specific to Part I (chapters 1 to 3), on the built book in Chromium.

The checks every page gets (no errors, nothing fetched off-site, math typeset, alt text, widgets
rendered, opaque figures) are in test_pages.py, and ``open_page`` is in conftest.py. Here: what a
reader does on these pages without a kernel (drag the slider of a pre-computed player and see
the picture change, open a folded solution), and what must be filled in when the book is built
(glued numbers, typeset math in the activation tables).
"""

from __future__ import annotations

import pytest
from page_checks import (assert_glued_numbers_filled_in, assert_kernel_note_precedes_controls,
                         assert_player_scrubs, assert_solutions_folded_until_opened)

pytestmark = [pytest.mark.book, pytest.mark.browser]

CH1 = "notebooks/01_a_neuron_is_a_line"
CH2 = "notebooks/02_layers_and_the_forward_pass"
CH3 = "notebooks/03_activation_functions"
EXERCISES = {CH1: 4, CH2: 4, CH3: 5}


def test_neuron_players_move_without_a_kernel(open_page):
    """Chapter 1's two pre-computed players: the slider and the buttons change the picture."""
    players = open_page(CH1).locator("div.animation")
    assert players.count() == 2, "expected the weight player and the bias player"
    for index in range(players.count()):
        assert_player_scrubs(players.nth(index), min_frames=4)


@pytest.mark.parametrize("page_name", [CH1, CH3])
def test_live_widgets_come_with_a_kernel_note(open_page, page_name):
    assert_kernel_note_precedes_controls(open_page(page_name), min_controls=2)


def test_activation_tables_are_typeset(open_page):
    """Chapter 3's two tables (formulas and derivatives; ranges and uses) show typeset math."""
    page = open_page(CH3)
    tables = page.locator("table.nnlib-table")
    formulas, ranges = tables.nth(0), tables.nth(1)
    for table in (formulas, ranges):
        assert table.locator("tbody tr").count() == 6, "one row per activation expected"
        assert "\\(" not in table.inner_text(), "raw LaTeX left in an activation table"
    assert formulas.locator("mjx-container").count() == 6 * 2, "formulas were not typeset"
    assert ranges.locator("mjx-container").count() == 6, "ranges were not typeset"


@pytest.mark.parametrize("page_name", [CH2, CH3])
def test_glued_numbers_are_filled_in(open_page, page_name):
    assert_glued_numbers_filled_in(open_page(page_name))


@pytest.mark.parametrize("page_name", list(EXERCISES))
def test_solutions_are_folded_until_opened(open_page, page_name):
    assert_solutions_folded_until_opened(open_page(page_name), EXERCISES[page_name])
