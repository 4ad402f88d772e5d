"""The keys pressed on a page widget's controls stay with the control (nnlib/web/assets/js/keys.js):
a listener on the document, where JupyterLab listens for its shortcuts, never sees them, while
the control still moves. The same widgets are checked inside JupyterLab by tests/lab/."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.book, pytest.mark.browser]

PAGES = ["notebooks/01_a_neuron_is_a_line", "notebooks/06_your_first_network"]


@pytest.mark.parametrize("page_name", PAGES, ids=lambda name: name.split("/")[-1][:2])
def test_keys_on_page_controls_do_not_reach_the_document(open_page, page_name):
    page = open_page(page_name)
    page.evaluate("""() => { window.keysSeen = [];
        document.addEventListener('keydown', (e) => window.keysSeen.push(e.key)); }""")
    sliders = page.locator(".nnlib-web input[type=range]")
    assert sliders.count() > 0
    for k in range(sliders.count()):
        slider = sliders.nth(k)
        slider.evaluate("(el) => { el.value = el.min; el.dispatchEvent(new Event('input')); }")
        slider.focus()
        before = float(slider.input_value())
        page.keyboard.press("ArrowRight")
        assert float(slider.input_value()) > before, f"slider {k} did not move"
    page.keyboard.press("Escape")   # leaving the widget is JupyterLab's to see
    assert page.evaluate("window.keysSeen") == ["Escape"]
