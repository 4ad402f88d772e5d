"""Browser checks for Part III (chapters 7 to 9) shared in kind with Parts I and II.

Chapter 7's colour picker and training film have their own tests in test_ch07.py. Here: chapter
8's pre-computed player scrubs without a kernel; chapter 8's digit reader gives nnlib's
probabilities; no page needs a kernel note; the numbers glued from the code are in the prose;
every exercise has an answer check and a folded solution.
"""

from __future__ import annotations

import pytest
import json

import numpy as np
from page_checks import (assert_glued_numbers_filled_in, assert_no_kernel_note,
                         assert_player_scrubs, assert_solutions_folded_until_opened)

from nnlib import Network

pytestmark = [pytest.mark.book, pytest.mark.browser]

CH7 = "notebooks/07_light_or_dark_font"
CH8 = "notebooks/08_softmax_and_digits"
CH9 = "notebooks/09_where_next"
EXERCISES = {CH7: 5, CH8: 5, CH9: 7}


def test_digits_player_moves_without_a_kernel(open_page):
    """Chapter 8's training replay: its slider and buttons change the picture."""
    player = open_page(CH8).locator("div.animation")
    assert player.count() == 1, "expected one player (the probabilities over the epochs)"
    assert_player_scrubs(player, min_frames=4)


def test_digit_reader_is_the_networks_forward_pass(open_page):
    """Chapter 8: the page's ten probabilities for a test image are nnlib's predict_proba of
    the network it carries, for the image it carries; the mistake buttons land on mistakes."""
    root = open_page(CH8).locator(".nnlib-digit-reader")
    data = json.loads(root.locator("script.nnlib-data").text_content())
    config = json.loads(root.locator("script.nnlib-config").text_content())
    net = Network.from_dict(data["network"])
    levels, size = config["levels"], config["shape"][0] * config["shape"][1]
    images = np.array([int(ch, levels + 1) for ch in data["pixels"]]).reshape(-1, size) / levels
    proba = net.predict_proba(images)
    for index in (0, 7, len(images) // 2, len(images) - 1):
        root.locator("input.nnlib-index").fill(str(index))
        shown = json.loads(root.get_attribute("data-probabilities"))
        np.testing.assert_allclose(shown, proba[index], rtol=0, atol=1e-12)
        said = int(np.argmax(proba[index]))
        assert root.locator(".nnlib-verdict").text_content().startswith(
            f"Test image {index} shows a {data['labels'][index]}; the network reads a {said}")
    wrong = set(np.flatnonzero(proba.argmax(axis=1) != np.array(data["labels"])).tolist())
    assert wrong, "the chapter's network should make some mistakes on the test set"
    for _ in range(3):
        root.locator(".nnlib-next-mistake").click()
        assert int(root.get_attribute("data-index")) in wrong


@pytest.mark.parametrize("name", [CH7, CH8])
def test_no_kernel_note(reading_page, name):
    assert_no_kernel_note(reading_page(name))


@pytest.mark.parametrize("name", [CH7, CH8])
def test_glued_numbers_are_filled_in(reading_page, name):
    assert_glued_numbers_filled_in(reading_page(name), minimum=10)


@pytest.mark.parametrize("name", list(EXERCISES))
def test_solutions_are_folded_until_opened(reading_page, name):
    assert_solutions_folded_until_opened(reading_page(name), EXERCISES[name])
