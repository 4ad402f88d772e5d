"""Chapter 7 in the built book: the colour picker, training film, settings explorer and labeller
work in Chromium with no kernel.

The page embeds the trained network's JSON (nnlib.web); its JavaScript forward pass must give the
same probabilities as nnlib's predict_proba for the same colours, and the training film's slider
must change the picture. The explorer's training in the page must equal nnlib's fit, and its
controls must show the test accuracies the chapter's table prints; the labeller must report what
the Python cells print for the same labels. Nothing may be fetched from outside 127.0.0.1.
"""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from nnlib import Network, web
from page_checks import block_offsite, set_mode

pytestmark = [pytest.mark.book, pytest.mark.browser]

PAGE = "notebooks/07_light_or_dark_font"
PICKER = "#ch7-picker"
TRAINING = "#ch7-training"
# colours to try: the starting colour, extremes, greys around the threshold, random ones
COLOURS = [(70, 130, 180), (0, 0, 0), (255, 255, 255), (255, 0, 0), (0, 255, 0), (0, 0, 255),
           (128, 128, 128), (127, 128, 129), (200, 120, 40)]
COLOURS += [tuple(int(v) for v in rgb)
            for rgb in np.random.default_rng(7).integers(0, 256, size=(12, 3))]


@pytest.fixture(scope="module")
def page(chromium, site_url):
    """The chapter page in a fresh context; off-site requests are recorded and blocked."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    set_mode(context, "light")
    requests, blocked, errors = [], [], []
    block_offsite(context, blocked)
    browser_page = context.new_page()
    browser_page.on("request", lambda request: requests.append(request.url))
    browser_page.on("pageerror", lambda error: errors.append(str(error)))
    browser_page.goto(f"{site_url}/{PAGE}.html", wait_until="load", timeout=60_000)
    browser_page.wait_for_selector(f"{PICKER} .nnlib-probability[data-probability]")
    browser_page.requests, browser_page.blocked, browser_page.errors = requests, blocked, errors
    yield browser_page
    context.close()


def embedded_network(page, selector):
    return Network.from_json(page.locator(f"{selector} script.nnlib-network").text_content())


def shown(page):
    out = page.locator(f"{PICKER} .nnlib-probability")
    rgb = tuple(int(v) for v in out.get_attribute("data-rgb").split(","))
    return rgb, float(out.get_attribute("data-probability")), out.text_content()


def test_page_probability_equals_nnlib_through_the_colour_input(page):
    network = embedded_network(page, PICKER)
    for rgb in COLOURS:
        page.locator(f"{PICKER} input.nnlib-colour").fill("#%02x%02x%02x" % rgb)
        shown_rgb, p_page, text = shown(page)
        assert shown_rgb == rgb
        p_nnlib = network.predict_proba(np.array([rgb]) / 255)[0, 0]
        assert abs(p_page - p_nnlib) <= 1e-9, (rgb, p_page, p_nnlib)
        assert f"{p_nnlib:.4f}" in text
        font = page.locator(f"{PICKER} .nnlib-swatch").evaluate("e => getComputedStyle(e).color")
        assert font == ("rgb(0, 0, 0)" if p_nnlib >= 0.5 else "rgb(255, 255, 255)"), (rgb, font)


def test_page_probability_equals_nnlib_through_the_sliders(page):
    network = embedded_network(page, PICKER)
    for rgb in COLOURS[::3]:
        for channel, value in zip(("red", "green", "blue"), rgb):
            page.locator(f"{PICKER} input.nnlib-{channel}").fill(str(value))
        shown_rgb, p_page, _ = shown(page)
        assert shown_rgb == rgb
        p_nnlib = network.predict_proba(np.array([rgb]) / 255)[0, 0]
        assert abs(p_page - p_nnlib) <= 1e-9, (rgb, p_page, p_nnlib)


def test_a_click_on_the_map_picks_a_colour(page):
    page.locator(f"{PICKER} input.nnlib-colour").fill("#102030")
    page.locator(f"{PICKER} canvas.nnlib-map").click(position={"x": 250, "y": 60})
    rgb, p_page, _ = shown(page)
    assert rgb[2] == 0x30 and rgb[0] > 160 and rgb[1] > 160, rgb   # upper right: bright
    p_nnlib = embedded_network(page, PICKER).predict_proba(np.array([rgb]) / 255)[0, 0]
    assert abs(p_page - p_nnlib) <= 1e-9


def test_the_picker_runs_the_chapter_network(page):
    """The JSON in the page is the network the chapter trained: the cell above the picker
    prints nnlib's output for the starting colour, and the embedded network gives the same."""
    printed = page.locator("pre", has_text="nnlib's output for R, G, B = (70, 130, 180)")
    value = float(re.search(r"\): (\d\.\d{4})", printed.first.text_content()).group(1))
    p = embedded_network(page, PICKER).predict_proba(np.array([[70, 130, 180]]) / 255)[0, 0]
    assert f"{p:.4f}" == f"{value:.4f}"


def surface(page):
    return page.locator(f"{TRAINING} canvas.nnlib-surface").evaluate("c => c.toDataURL()")


def test_the_training_film_changes_the_picture(page):
    root = page.locator(TRAINING)
    slider = root.locator("input.nnlib-frame")
    last = int(slider.get_attribute("max"))
    assert last >= 10, "expected a frame per epoch"
    assert root.get_attribute("data-frame") == str(last)
    pictures, labels = [], []
    for frame in (last, 0, 1, last // 2):
        slider.fill(str(frame))
        assert root.get_attribute("data-frame") == str(frame)
        pictures.append(surface(page))
        labels.append(root.locator(".nnlib-label").text_content())
    assert len(set(pictures)) == 4, "every frame should draw a different surface"
    assert len(set(labels)) == 4
    assert labels[1].startswith("Frame 1 of") and "before training" in labels[1]
    diagram = root.locator("canvas.nnlib-diagram").evaluate("c => c.toDataURL()")
    slider.fill("0")
    assert root.locator("canvas.nnlib-diagram").evaluate("c => c.toDataURL()") != diagram
    # the blue slider moves the slice
    before = surface(page)
    root.locator("input.nnlib-blue").fill("10")
    assert surface(page) != before
    # play advances the frames by itself
    root.locator("button.nnlib-play").click()
    page.wait_for_function(f"() => Number(document.querySelector('{TRAINING}').dataset.frame) >= 3")
    root.locator("button.nnlib-play").click()


def test_no_request_leaves_localhost_and_no_errors(page):
    assert page.requests, "no request was recorded at all"
    assert not page.blocked, "requests left 127.0.0.1:\n" + "\n".join(page.blocked)
    assert not page.errors, "page errors:\n" + "\n".join(page.errors)


# ---------------------------------------------------------------------------- settings explorer
EXPLORER = "#ch7-explorer"
# Well-conditioned settings (nnlib reproduces itself to 1e-9 there; tests/test_nnlib_web_train.py
# covers every setting in Node), one of each kind the explorer offers.
TRAINED_IN_CHROMIUM = [(3, "relu", 0.001, None), (1, "tanh", 0.01, None), (8, "sigmoid", 0.1, None),
                       (5, "linear", 0.003162, None), (2, "leaky_relu", 0.0001, None),
                       (3, "relu", 0.001, 32), (6, "tanh", 0.001, 8), (3, "sigmoid", 0.01, 128)]


def explorer_data(page):
    root = page.locator(EXPLORER)
    return (json.loads(root.locator("script.nnlib-data").text_content()),
            json.loads(root.locator("script.nnlib-config").text_content()))


def test_explorer_shows_its_two_figures_side_by_side_on_a_desktop(page):
    """At 1280 px the explorer's map and loss curve sit in one row, so that a reader sees both
    while moving a control; each keeps at least 300 px. (On a phone they stack: test_reader.py's
    phone visit checks that no page is wider than the screen.)"""
    boxes = [page.locator(f"{EXPLORER} canvas.{name}").bounding_box()
             for name in ("nnlib-surface", "nnlib-loss")]
    surface, loss = boxes
    assert abs(surface["y"] - loss["y"]) < 1 and loss["x"] >= surface["x"] + surface["width"], boxes
    assert all(300 <= box["width"] <= 335 for box in boxes), boxes


@pytest.mark.parametrize("setting", TRAINED_IN_CHROMIUM, ids=lambda s: "-".join(map(str, s)))
def test_explorer_trains_as_nnlib_in_chromium(page, setting):
    """The page's own training function (the one its controls call) ends where nnlib's fit
    with shuffle=False does, after 300 epochs: every weight and loss to 1e-9."""
    hidden, activation, rate, batch = setting
    data, _ = explorer_data(page)
    result = page.locator(EXPLORER).evaluate(
        "(el, s) => { const r = el.nnlibExplorer.trained(s);"
        " return {loss: r.loss, layers: nnlibWeb.train.toSpec(r.net).layers}; }",
        {"hidden": hidden, "activation": activation, "learningRate": rate, "epochs": 300,
         "batchSize": batch})
    net = web.explorer_start(data["starts"][str(hidden)], activation)
    history = net.fit(np.array(data["X_train"]) / 255, data["y_train"], epochs=300,
                      learning_rate=rate, batch_size=batch, shuffle=False)
    np.testing.assert_allclose(result["loss"], history["loss"], rtol=1e-9, atol=0)
    for layer, shown in zip(net.layers, result["layers"]):
        np.testing.assert_allclose(shown["weights"], layer.weights, rtol=0, atol=1e-9)
        np.testing.assert_allclose(shown["bias"], layer.bias, rtol=0, atol=1e-9)


def test_explorer_controls_give_the_chapters_test_accuracies(page):
    """Set the explorer's controls to the settings of the chapter's one-change-at-a-time table:
    the page shows the test accuracy that Python printed in the table."""
    root = page.locator(EXPLORER)
    _, config = explorer_data(page)
    table = page.locator("table.nnlib-table", has_text="setting changed")
    rows = [[cell.strip() for cell in row.all_inner_texts()[0].split("\t")]
            for row in table.locator("tbody tr").all()]
    assert len(rows) == 8
    controls = {"hidden neurons": "hidden", "hidden activation": "activation", "learning rate": "rate"}
    for setting, value, accuracy in rows:
        root.locator("input.nnlib-hidden").fill("3")
        root.locator("select.nnlib-activation").select_option("relu")
        root.locator("input.nnlib-rate").fill(str(config["learning_rates"].index(0.001)))
        kind = controls[setting]
        if kind == "activation":
            root.locator("select.nnlib-activation").select_option(value)
        elif kind == "rate":
            root.locator("input.nnlib-rate").fill(str(config["learning_rate_labels"].index(value)))
        else:
            root.locator("input.nnlib-hidden").fill(value)
        page.wait_for_function(
            "([el, text]) => el.querySelector('.nnlib-score').textContent.startsWith(text)",
            arg=[root.element_handle(), f"test accuracy {accuracy} "], timeout=10_000)


# ---------------------------------------------------------------------------- your own labels
LABELLER = "#ch7-labeller"


def test_labelling_in_the_page_gives_the_python_cells_analysis(page):
    """With the example reader's labels, the page's JavaScript training reports what the Python
    cells printed for them; labelling by hand counts, undoes and trains."""
    root = page.locator(LABELLER)
    root.locator(".nnlib-example").click()
    report = [line.strip() for line in root.locator(".nnlib-report").inner_text().splitlines()
              if line.strip()]
    printed = page.locator(".cell_output pre",
                           has_text="the formula agrees with these labels on").first.text_content()
    expected = [" ".join(line.split()) for line in printed.splitlines()[1:] if line.strip()]
    assert [" ".join(line.split()) for line in report] == expected
    count = page.locator(".cell_output pre", has_text="colours, luminance").first.text_content().split()[0]
    assert f"of the {count} test colours on which" in root.locator(".nnlib-swatches").text_content()
    # by hand: two clicks, an undo, then the rest
    root.locator(".nnlib-restart").click()
    root.locator(".nnlib-dark").click()
    root.locator(".nnlib-light").click()
    assert root.get_attribute("data-labelled") == "2"
    root.locator(".nnlib-undo").click()
    assert root.get_attribute("data-labelled") == "1"
    for _ in range(39):
        root.locator(".nnlib-light").click()
    assert root.get_attribute("data-labelled") == "40"
    assert "the formula agrees with these labels on" in root.locator(".nnlib-report").text_content()
