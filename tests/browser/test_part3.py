"""Browser checks for Part III (chapters 7 to 9) shared in kind with Parts I and II.

Chapter 7's colour picker and training film have their own tests in test_ch07.py. Here: chapter
8's pre-computed player scrubs without a kernel; the live widgets of chapters 7 and 8 come after
a kernel note; the numbers glued from the code are in the prose; every exercise has an answer
check and a folded solution.
"""

from __future__ import annotations

import pytest
from page_checks import (assert_glued_numbers_filled_in, assert_kernel_note_precedes_controls,
                         assert_player_scrubs, assert_solutions_folded_until_opened)

pytestmark = [pytest.mark.book, pytest.mark.browser]

CH7 = "notebooks/07_light_or_dark_font"
CH8 = "notebooks/08_softmax_and_digits"
CH9 = "notebooks/09_where_next"
EXERCISES = {CH7: 4, CH8: 5, CH9: 7}


def test_digits_player_moves_without_a_kernel(open_page):
    """Chapter 8's training replay: its slider and buttons change the picture."""
    player = open_page(CH8).locator("div.animation")
    assert player.count() == 1, "expected one player (the probabilities over the epochs)"
    assert_player_scrubs(player, min_frames=4)


@pytest.mark.parametrize("name", [CH7, CH8])
def test_live_widgets_come_after_a_kernel_note(open_page, name):
    assert_kernel_note_precedes_controls(open_page(name))


@pytest.mark.parametrize("name", [CH7, CH8])
def test_glued_numbers_are_filled_in(open_page, name):
    assert_glued_numbers_filled_in(open_page(name), minimum=10)


@pytest.mark.parametrize("name", list(EXERCISES))
def test_solutions_are_folded_until_opened(open_page, name):
    assert_solutions_folded_until_opened(open_page(name), EXERCISES[name])
