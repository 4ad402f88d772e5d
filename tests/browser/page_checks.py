"""Checks shared by the chapter-specific browser tests.

Import with ``from page_checks import ...`` (pytest puts tests/browser/ on the path).
"""

# The book's pictures load lazily (loading="lazy", book/_ext/page_assets.py): a page's pictures
# far below the first screen load only when a reader scrolls near them. The checks look at every
# picture, so they load them all first, and wait for them (each picture's own load or error).
EAGER_IMAGES_JS = r"""
async () => {
  const lazy = [...document.querySelectorAll("img[loading=lazy]")];
  lazy.forEach((img) => { img.loading = "eager"; });
  await Promise.all(lazy.filter((img) => !img.complete).map((img) => new Promise((resolve) => {
    img.addEventListener("load", resolve, {once: true});
    img.addEventListener("error", resolve, {once: true});
  })));
}
"""


def assert_no_kernel_note(page):
    """Every control on the page works without a kernel, so no {kernel-note} says otherwise."""
    assert page.locator(".kernel-note").count() == 0, "a kernel note on a page that needs no kernel"


def assert_glued_numbers_filled_in(page, minimum=3):
    """Numbers glued from the code appear in the prose, and no raw {glue} role is left."""
    pasted = page.locator("article .pasted-text")
    assert pasted.count() >= minimum, "the numbers glued from the code are missing from the text"
    # text_content, not inner_text: a number in a folded solution (a closed dropdown) is
    # pasted too, but hidden, and the inner text of a hidden element is empty
    for text in pasted.all_text_contents():
        assert text.strip() and any(ch.isdigit() for ch in text), f"odd glued text {text!r}"
    assert "{glue" not in page.locator("article").inner_text()


def assert_player_scrubs(player, min_frames):
    """A pre-computed player (nnlib.plotting.animation_html) works in the page alone.

    Its picture has alt text and embedded frames; the slider (to frame 3, then the last) changes
    the picture; the First-frame and Next-frame buttons move both picture and slider.
    """
    picture, slider = player.locator("img"), player.locator("input.anim-slider")
    assert picture.get_attribute("alt"), "the player's picture has no alt text"
    assert player.locator("button").count() >= 5, "the player's buttons are missing"
    assert int(slider.get_attribute("max")) >= min_frames, "the player has too few frames"
    first = picture.get_attribute("src")
    assert first.startswith("data:image/png;base64,"), "the frames are not embedded"
    seen = {first}
    for frame in ("3", "el.max"):
        slider.evaluate(f"el => {{ el.value = {frame}; "
                        "el.dispatchEvent(new Event('input', {bubbles: true})); }")
        seen.add(picture.get_attribute("src"))
    assert len(seen) == 3, "moving the slider did not change the picture"
    player.locator('button[title="First frame"]').click()
    assert picture.get_attribute("src") == first, "the First-frame button did not go back"
    assert slider.input_value() == "0", "the slider did not follow the First-frame button"
    player.locator('button[title="Next frame"]').click()
    assert slider.input_value() == "1" and picture.get_attribute("src") != first
    assert picture.evaluate("img => img.complete && img.naturalWidth > 0")


def assert_solutions_folded_until_opened(page, exercises):
    """One answer check and one folded solution per exercise; a click opens the first."""
    solutions = page.locator("div.dropdown.admonition")
    assert solutions.count() == exercises, "one folded solution per exercise"
    assert page.locator(".nnlib-check").count() == exercises, "one answer check per exercise"
    first = solutions.first
    body = first.locator("p:not(.admonition-title)").first
    assert not body.is_visible(), "a solution is open before the reader asks for it"
    first.locator(".admonition-title").click()
    body.wait_for(state="visible", timeout=5_000)
