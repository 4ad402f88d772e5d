"""Checks shared by the chapter-specific browser tests.

Import with ``from page_checks import ...`` (pytest puts tests/browser/ on the path).
"""


def assert_kernel_note_precedes_controls(page, min_notes=1, min_controls=1):
    """The page's saved widget controls render, and a kernel note comes before the first one."""
    page.wait_for_selector(".widget-subarea .jupyter-widgets", timeout=20_000)
    notes = page.locator(".kernel-note")
    assert notes.count() >= min_notes, "a widget that needs a kernel has no kernel note"
    controls = page.locator(".widget-slider, .widget-dropdown")
    assert controls.count() >= min_controls, "the saved widget controls did not render"
    assert notes.first.evaluate(
        "(note, control) => !!(note.compareDocumentPosition(control) "
        "& Node.DOCUMENT_POSITION_FOLLOWING)", controls.first.element_handle())


def assert_glued_numbers_filled_in(page, minimum=3):
    """Numbers glued from the code appear in the prose, and no raw {glue} role is left."""
    pasted = page.locator("article .pasted-text")
    assert pasted.count() >= minimum, "the numbers glued from the code are missing from the text"
    for text in pasted.all_inner_texts():
        assert text.strip() and any(ch.isdigit() for ch in text), f"odd glued text {text!r}"
    assert "{glue" not in page.locator("article").inner_text()
