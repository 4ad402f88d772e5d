"""Checks shared by the chapter-specific browser tests, and how every browser test opens a page
(off-site requests blocked, the colour mode set, the page settled).

Import with ``from page_checks import ...`` (pytest puts tests/browser/ on the path).
"""
from urllib.parse import urlsplit

LOCAL_HOSTS = {"127.0.0.1"}
# Schemes that never touch the network.
LOCAL_SCHEMES = {"data", "blob", "about"}

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


def block_offsite(context, blocked: list) -> None:
    """Let requests to 127.0.0.1 (and data:, blob:, about:) through; abort and record others."""

    def route(route_, request):
        parts = urlsplit(request.url)
        if parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS:
            route_.continue_()
        else:
            blocked.append(request.url)
            route_.abort("blockedbyclient")

    context.route("**/*", route)


def set_mode(context, mode: str) -> None:
    """Open every page of ``context`` in colour ``mode``: pydata-sphinx-theme reads it from
    localStorage (a fresh profile has none and logs "Got invalid theme mode"), so it is set
    before any page script runs."""
    context.add_init_script(f"try {{ localStorage.setItem('mode', '{mode}'); "
                            f"localStorage.setItem('theme', '{mode}'); }} catch (e) {{}}")


def settle(browser_page, url: str, network_idle: bool = True) -> None:
    """Load ``url`` and wait until MathJax has typeset it, every picture has loaded and the saved
    widgets (if any) have rendered; and, with ``network_idle``, until no request has been made
    for 0.5 s (so that the requests the page records are all of them)."""
    browser_page.goto(url, wait_until="load", timeout=60_000)
    browser_page.evaluate(
        "async () => { if (window.MathJax && MathJax.startup && MathJax.startup.promise) "
        "await MathJax.startup.promise; }")
    browser_page.evaluate(EAGER_IMAGES_JS)
    if browser_page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count():
        try:
            browser_page.wait_for_selector(".widget-subarea .jupyter-widgets", timeout=20_000)
        except Exception:  # test_pages.py's widget test reports it
            pass
    if network_idle:
        browser_page.wait_for_load_state("networkidle", timeout=30_000)


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
