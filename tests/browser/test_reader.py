"""The book as a reader sees it, on every page of _toc.yml (issue 13).

Checks of shape, not just of presence: output pictures keep their own width-to-height ratio at a
desktop's 1280 px and a phone's 390 px; nothing makes a phone page wider than the screen; the
visible sidebar toggle opens the chapter list on a phone (and the on-page contents toggle its
list); the animation players' controls fit and are touch-sized; formulas are readable by screen
readers without each being a Tab stop; axe-core (WCAG 2.1 A/AA) finds no serious or critical
problem in the light or the dark theme.

The pages are loaded by the ``visit`` (1280 px, light and dark; axe-core runs in the same load)
and ``phone_visit`` (390 px) fixtures of conftest.py, once per page each.
"""

from __future__ import annotations

import pytest
from conftest import PHONE

pytestmark = [pytest.mark.book, pytest.mark.browser]

# Largest allowed difference between a picture's shown and natural width/height ratio.
ASPECT_TOLERANCE = 0.03
# Smallest touch target (WCAG 2.5.5, Apple's and Google's guidelines), CSS px.
TOUCH_TARGET = 44


def _distorted(layout):
    assert not layout["unloaded"], f"pictures that did not load: {layout['unloaded']}"
    return [f"{img['src']}: shown {img['shown']:.3f} vs natural {img['natural']:.3f} "
            f"({img['shown'] / img['natural']:.0%}), {img['width']:.0f} px wide"
            for img in layout["images"]
            if abs(img["shown"] / img["natural"] - 1) > ASPECT_TOLERANCE]


def test_figures_keep_their_aspect_ratio_on_a_desktop(visit, toc_page):
    layout = visit(toc_page, "light").layout
    bad = _distorted(layout)
    assert not bad, f"{len(bad)} of {len(layout['images'])} pictures out of shape at 1280 px:\n" \
        + "\n".join(bad)


def test_figures_keep_their_aspect_ratio_on_a_phone(phone_visit, toc_page):
    layout = phone_visit(toc_page).layout
    bad = _distorted(layout)
    assert not bad, f"{len(bad)} of {len(layout['images'])} pictures out of shape at 390 px:\n" \
        + "\n".join(bad)


def test_no_page_is_wider_than_a_phone(phone_visit, toc_page):
    layout = phone_visit(toc_page).layout
    # A phone widens its layout viewport to fit a too-wide page, so compare with the screen.
    assert layout["pageWidth"] <= PHONE["width"], (
        f"the page is {layout['pageWidth']} px wide on a {PHONE['width']} px screen: it "
        "scrolls sideways (code and tables should scroll in their own box)")


def test_player_controls_fit_and_are_touch_sized(phone_visit, toc_page):
    layout = phone_visit(toc_page).layout
    if not layout["players"]:
        pytest.skip("no animation player on this page")
    for player in layout["players"]:
        for row in player["rows"]:
            assert row["right"] <= player["columnRight"] + 1, (
                f"a control row is {row['width']} px wide and ends at {row['right']:.0f} px, "
                f"past its {player['columnWidth']:.0f} px column (ends at "
                f"{player['columnRight']:.0f} px)")
        small = [f"{b['title']}: {b['width']:.0f}x{b['height']:.0f}" for b in player["buttons"]
                 if min(b["width"], b["height"]) < TOUCH_TARGET]
        assert not small, f"player buttons smaller than {TOUCH_TARGET} px: {small}"
        outside = [b["title"] for b in player["buttons"] if b["right"] > PHONE["width"]]
        assert not outside, f"player buttons off the screen: {outside}"


def test_sidebar_toggle_opens_the_chapter_list_on_a_phone(phone_visit, toc_page):
    nav = phone_visit(toc_page).navigation["primary"]
    assert nav["visibleToggles"] >= 1, "no visible sidebar (chapter list) button on a phone"
    assert nav["before"] == 0, "the chapter list is already open on a phone"
    assert nav["after"] >= 5, (
        f"pressing the visible sidebar button showed {nav['after']} chapter links "
        f"({nav['toggles']} .primary-toggle buttons in the page)")


def test_contents_toggle_opens_the_page_contents_on_a_phone(phone_visit, toc_page):
    nav = phone_visit(toc_page).navigation["secondary"]
    if not nav["visibleToggles"]:
        assert not nav.get("inPageToc"), "the page has contents but no visible button shows them"
        pytest.skip("no on-page contents on this page")
    assert nav["after"] > nav["before"], (
        f"pressing the visible on-page contents button showed no more of its "
        f"{nav['inPageToc']} links ({nav['toggles']} .secondary-toggle buttons in the page)")


def test_formulas_are_read_aloud_but_not_tab_stops(visit, toc_page):
    """MathJax's menu made every formula a Tab stop (25-99 a chapter); _config.yml turns that
    off. Screen readers read each formula from the MathML MathJax hides beside it."""
    layout = visit(toc_page, "light").layout
    if not layout["formulas"]:
        pytest.skip("no formulas on this page")
    assert layout["formulaTabStops"] == 0, f"{layout['formulaTabStops']} formulas are Tab stops"
    assert layout["readableFormulas"] == layout["formulas"], (
        f"{layout['formulas'] - layout['readableFormulas']} formulas without hidden MathML")


@pytest.mark.parametrize("mode", ("light", "dark"))
def test_axe_finds_no_serious_or_critical_problem(visit, toc_page, mode):
    violations = visit(toc_page, mode).axe
    nodes = sum(len(v["nodes"]) for v in violations)
    report = []
    for v in violations:
        report.append(f"{v['impact']} {v['id']} ({len(v['nodes'])} nodes): {v['help']}")
        report += [f"    {n['target']}: {n['summary'].splitlines()[-1] if n['summary'] else ''}"
                   for n in v["nodes"][:4]]
    assert not violations, f"axe-core, {mode}: {nodes} serious/critical nodes\n" + "\n".join(report)
