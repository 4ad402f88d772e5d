"""Browser checks specific to Part II (chapters 4 to 6), on the built book in Chromium.

The checks every page gets (no errors, nothing fetched off-site, math typeset, alt text, widgets
rendered, opaque figures) are in test_pages.py. Here, what a reader of these pages does without a
kernel: move chapter 4's learning rate and chapter 6's training settings, whose numbers must be
nnlib's (Network.step, computed in the page), scrub chapter 6's pre-computed training replay, open
a folded solution; and what the build must fill in: glued numbers, chapter 5's typeset SymPy
formulas and gradient table.
"""

from __future__ import annotations

import pytest
import json

import numpy as np
from page_checks import (assert_glued_numbers_filled_in, assert_no_kernel_note,
                         assert_player_scrubs, assert_solutions_folded_until_opened)

from nnlib import Dense, Network
from nnlib.datasets import tutorial_xor

pytestmark = [pytest.mark.book, pytest.mark.browser]

CH4 = "notebooks/04_loss_and_gradient_descent"
CH5 = "notebooks/05_backpropagation"
CH6 = "notebooks/06_your_first_network"
EXERCISES = {CH4: 5, CH5: 4, CH6: 4}


def test_training_replay_moves_without_a_kernel(open_page):
    """Chapter 6's pre-computed player: its slider and buttons change the picture."""
    player = open_page(CH6).locator("div.animation")
    assert player.count() == 1, "expected one player (a training iteration per frame)"
    assert_player_scrubs(player, min_frames=8)


def test_descent_steps_are_network_step(open_page):
    """Chapter 4: for each learning rate, the page's ten losses are nnlib's Network.step."""
    root = open_page(CH4).locator(".nnlib-descent")
    data = json.loads(root.locator("script.nnlib-data").text_content())
    config = json.loads(root.locator("script.nnlib-config").text_content())
    X, y = np.array(data["X"]), np.array(data["y"])
    for rate in (0.02, 0.2, 0.45, 0.56, 0.6):
        root.locator("input.nnlib-rate").fill(str(config["rates"].index(rate)))
        net = Network.from_dict(data["network"])
        net.layers[0].weights[0, 0] = config["start"]
        losses = [net.step(X, y, rate) for _ in range(config["steps"])]
        assert json.loads(root.get_attribute("data-losses")) == losses, rate
        assert root.locator("output").first.text_content() == f"{rate:.2f}"


def test_trainer_is_network_step(open_page):
    """Chapter 6: seed, learning rate and activation retrain the network in the page, as
    train_tutorial does from the carried (rounded) starting weights."""
    root = open_page(CH6).locator(".nnlib-trainer")
    data = json.loads(root.locator("script.nnlib-data").text_content())
    config = json.loads(root.locator("script.nnlib-config").text_content())
    X, y = tutorial_xor()
    for seed, rate, hidden in [(1, 1.0, "sigmoid"), (4, 10.0, "tanh"), (0, 0.1, "relu")]:
        root.locator("input.nnlib-seed").fill(str(seed))
        root.locator("input.nnlib-rate").fill(str(config["learning_rates"].index(rate)))
        root.locator("select.nnlib-hidden").select_option(hidden)
        spec = data["starts"][str(seed)]
        spec["layers"][0]["activation"] = hidden
        net = Network.from_dict(spec)
        losses = [net.step(X, y, rate) for _ in range(config["iterations"])]
        shown = json.loads(root.get_attribute("data-outputs"))
        np.testing.assert_allclose(shown, net.forward(X)[:, 0], rtol=0, atol=1e-9)
        first, last = json.loads(root.get_attribute("data-losses"))
        assert abs(first - losses[0]) <= 1e-12 and abs(last - losses[-1]) <= 1e-9


@pytest.mark.parametrize("name", [CH4, CH6])
def test_no_kernel_note(reading_page, name):
    assert_no_kernel_note(reading_page(name))


@pytest.mark.parametrize("name", list(EXERCISES))
def test_glued_numbers_are_filled_in(reading_page, name):
    assert_glued_numbers_filled_in(reading_page(name))


def test_backpropagation_formulas_and_table_are_typeset(reading_page):
    """Chapter 5: SymPy's loss and derivative display as math; the table of local derivatives
    is typeset; the 16-row table of the three gradients has its parameter names typeset and its
    three columns agreeing."""
    page = reading_page(CH5)
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
def test_solutions_are_folded_until_opened(reading_page, name):
    assert_solutions_folded_until_opened(reading_page(name), EXERCISES[name])
