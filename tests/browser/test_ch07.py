"""Chapter 7 in the built book: the kernel-free colour picker and training film work in Chromium.

The page embeds the trained network's JSON (nnlib.web); its JavaScript forward pass must give the
same probabilities as nnlib's predict_proba for the same colours, and the training film's slider
must change the picture. Nothing may be fetched from outside 127.0.0.1 while doing so.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import numpy as np
import pytest

from nnlib import Network

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
    context.add_init_script("try { localStorage.setItem('mode', 'light'); } catch (e) {}")
    requests, blocked, errors = [], [], []

    def route(route_, request):
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about") or parts.hostname == "127.0.0.1":
            route_.continue_()
        else:
            blocked.append(request.url)
            route_.abort("blockedbyclient")

    context.route("**/*", route)
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
