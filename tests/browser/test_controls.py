"""No dead control: every control a reader can touch in a cell output changes that output.

On every page of _toc.yml, in light and in dark mode, Chromium finds each control inside a code
cell's output (range inputs, selects, colour inputs, buttons, and the handles of ipywidgets
sliders), changes it the way a reader would (keyboard for sliders, a pick for selects and colours,
a click for buttons), and waits for a picture, a canvas or a text in the same output to change.
The control's own readout does not count: the text of the output is read with every control and
every readout (``output[for]``, ``.widget-readout``) taken out, and pictures are compared by their
pixels, not their URLs. A control that changes nothing is *dead*: it moves and then contradicts
its own figure.

The controls are tried in light and in dark mode, each in a page of its own. (No page script
reads the mode and the dark mode's CSS changes only colours, backgrounds and frames,
tests/test_colour_mode.py checks both, so the two should agree; trying both shows that they do.)
Names and Tab stops are read in light mode.

Before each change the output must be still (a playing animation is stopped by pressing its
button again); a control that is disabled when its turn comes is tried again once every other
control of its output has been used, and is dead if it never becomes usable.
"""

from __future__ import annotations

import json
import re
import time

import pytest
from page_checks import block_offsite, set_mode, settle

pytestmark = [pytest.mark.book, pytest.mark.browser]

CONTROLS = ('input[type="range"], select, input[type="color"], button, .noUi-handle')
# sphinx-copybutton's "copy" button on printed text is page furniture, not part of the output
NOT_CONTROLS = ".copybtn"
READOUTS = 'output[for], .widget-readout'
CHANGE_TIMEOUT = 4.0      # seconds a control gets to change its output (a retrain, a play step)
STILL_TIMEOUT = 8.0       # seconds an output gets to settle before the next control
PLAYING_TIMEOUT = 1.0     # an output changing for this long after a button press is playing
POLL = 0.1

# Marks every control inside a cell output with data-nnlib-test="<output>:<control>" and
# describes it. Controls that are not visible (a folded output, a hidden Stack child) are left.
MARK_JS = """
([controls, skip]) => {
  const visible = (el) => {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none";
  };
  const name = (el) => {
    if (el.getAttribute("aria-label")) return el.getAttribute("aria-label");
    if (el.labels && el.labels.length) return el.labels[0].textContent.trim();
    const widget = el.closest(".jupyter-widgets.widget-inline-hbox");
    const label = widget && widget.querySelector(".widget-label");
    if (label && label.textContent.trim()) return label.textContent.trim();
    return (el.textContent || el.title || el.className || "").trim().slice(0, 40);
  };
  const found = [];
  document.querySelectorAll("article .cell_output").forEach((output, o) => {
    output.dataset.nnlibTestOutput = String(o);
    output.querySelectorAll(controls).forEach((el, c) => {
      if (!visible(el) || el.matches(skip)) return;
      el.dataset.nnlibTest = o + ":" + c;
      const kind = el.classList.contains("noUi-handle") ? "widget slider"
        : el.tagName === "SELECT" ? "select" : el.tagName === "BUTTON" ? "button"
        : el.type === "color" ? "colour input" : "range input";
      found.push({id: o + ":" + c, output: o, kind, name: name(el)});
    });
  });
  return found;
}
"""

# What the reader sees in an output, apart from the controls and their readouts: the pixels of
# every visible picture and canvas, and the text.
SIGNATURE_JS = """
async ([output, controls, readouts]) => {
  const parts = [];
  for (const img of output.querySelectorAll("img")) {
    if (!img.getBoundingClientRect().width) continue;
    try { await img.decode(); } catch (e) { parts.push("img:undecodable:" + img.src.slice(0, 64)); continue; }
    if (img.src.startsWith("data:")) { parts.push(img.src); continue; }
    const c = document.createElement("canvas");
    c.width = img.naturalWidth; c.height = img.naturalHeight;
    c.getContext("2d").drawImage(img, 0, 0);
    parts.push(c.toDataURL());
  }
  for (const canvas of output.querySelectorAll("canvas")) parts.push(canvas.toDataURL());
  const copy = output.cloneNode(true);
  copy.querySelectorAll(controls + ", " + readouts + ", script, style").forEach((e) => e.remove());
  parts.push(copy.textContent.replace(/\\s+/g, " ").trim());
  // a short digest, so that the test compares and reports small strings
  let h1 = 0x811c9dc5, h2 = 0;
  const text = parts.join("\\u0000");
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 16777619) >>> 0;
    h2 = (Math.imul(h2, 31) + text.charCodeAt(i)) >>> 0;
  }
  return h1.toString(16) + h2.toString(16) + ":" + text.length;
}
"""


def _signature(page, output):
    return output.evaluate(
        f"(el) => ({SIGNATURE_JS})([el, {json.dumps(CONTROLS)}, {json.dumps(READOUTS)}])")


def _wait_still(page, output, timeout=STILL_TIMEOUT, known=None):
    """Wait until the output looks the same over 0.4 s; return its signature or None. At once if
    it looks as it did when last found still (``known``)."""
    end = time.monotonic() + timeout
    last, since = _signature(page, output), time.monotonic()
    if known is not None and last == known:
        return last
    while time.monotonic() < end:
        time.sleep(POLL)
        now = _signature(page, output)
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= 0.4:
            return now
    return None


def _wait_change(page, output, before, timeout=CHANGE_TIMEOUT):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if _signature(page, output) != before:
            return True
        time.sleep(POLL)
    return False


def _usable(control):
    return control.evaluate(
        "el => { const r = el.getBoundingClientRect();"
        " return r.width > 0 && r.height > 0 && !el.disabled"
        " && !el.closest('[disabled], .mod-disabled, [aria-disabled=true]'); }")


def _middle(output):
    """Move the output's range inputs to the middle of their range (to set up a retry)."""
    output.evaluate(
        "out => out.querySelectorAll('input[type=range]').forEach((el) => {"
        " const lo = Number(el.min || 0), hi = Number(el.max || 100), step = Number(el.step) || 1;"
        " el.value = lo + Math.round((hi - lo) / 2 / step) * step;"
        " el.dispatchEvent(new Event('input', {bubbles: true}));"
        " el.dispatchEvent(new Event('change', {bubbles: true})); })")
    _wait_still(None, output)


def _change(page, control, kind):
    """Change the control as a reader would."""
    if kind == "range input":
        before = control.input_value()
        control.focus()
        control.press("ArrowRight")
        if control.input_value() == before:          # at its maximum
            control.press("ArrowLeft")
    elif kind == "widget slider":
        before = control.get_attribute("aria-valuenow")
        control.focus()
        control.press("ArrowRight")
        if control.get_attribute("aria-valuenow") == before:
            control.press("ArrowLeft")
    elif kind == "select":
        count = control.evaluate("el => el.options.length")
        index = control.evaluate("el => el.selectedIndex")
        control.select_option(index=(index + 1) % count)
    elif kind == "colour input":
        colour = "#1f77b4" if control.input_value().lower() != "#1f77b4" else "#ff7f0e"
        control.fill(colour)
    else:
        control.click()


def _open(chromium, site_url, page_name, mode):
    """The page in a fresh context in colour ``mode``, settled as every browser test's page is;
    its saved widgets must have rendered (their controls are among those tested)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, color_scheme=mode,
                                   service_workers="block")
    set_mode(context, mode)
    block_offsite(context, [])
    page = context.new_page()
    settle(page, f"{site_url}/{page_name}.html")
    if page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count():
        page.wait_for_selector(".widget-subarea .jupyter-widgets", timeout=1_000)
    return context, page


def dead_controls(page, found):
    """[(description, problem)] for the controls ``found`` (MARK_JS's list) on ``page`` that
    change nothing."""
    dead, pending, still = [], list(found), {}   # still: output -> its look when last still
    for attempt in range(2):
        waiting = []
        for info in pending:
            control = page.locator(f'[data-nnlib-test="{info["id"]}"]')
            output = page.locator(f'[data-nnlib-test-output="{info["output"]}"]')
            label = f'output {info["output"]}: {info["kind"]} "{info["name"]}"'
            if attempt and not _usable(control):
                _middle(output)                  # e.g. a player's "next" at its last frame
            if not _usable(control):
                waiting.append(info)
                continue
            control.scroll_into_view_if_needed()
            before = _wait_still(page, output, known=still.pop(info["output"], None))
            if before is None:
                dead.append((label, "its output kept changing by itself before the change"))
                continue
            _change(page, control, info["kind"])
            if not _wait_change(page, output, before):
                dead.append((label, "changed nothing"))
                continue
            if info["kind"] != "button":
                continue
            # A play button shows a frame every 0.15-0.2 s (the players' intervals): an output
            # not still within 1 s is playing, and pressing the button again must stop it.
            after = _wait_still(page, output, timeout=PLAYING_TIMEOUT)
            if after is None:
                control.click()
                after = _wait_still(page, output)
                if after is None:
                    dead.append((label, "started something that pressing it again "
                                        "did not stop"))
            if after is not None:
                still[info["output"]] = after
        pending = waiting
    return dead + [(f'output {info["output"]}: {info["kind"]} "{info["name"]}"',
                    "never became usable (always disabled)") for info in pending]


@pytest.fixture(scope="session")
def controls_report(chromium, site_url):
    """controls_report(page, mode) -> (name problems, dead controls, number of controls), from
    one load of the page per mode and session: names and Tab stops are read first, before any
    control is changed, then every control is tried."""
    cache = {}

    def report(page_name, mode="light"):
        if (page_name, mode) not in cache:
            context, page = _open(chromium, site_url, page_name, mode)
            try:
                found = page.evaluate(
                    f"({MARK_JS})([{json.dumps(CONTROLS)}, {json.dumps(NOT_CONTROLS)}])")
                cache[page_name, mode] = (name_problems(page, found), dead_controls(page, found),
                                          len(found))
            finally:
                context.close()
        return cache[page_name, mode]

    return report


@pytest.mark.parametrize("mode", ("light", "dark"))
def test_every_control_changes_its_output(controls_report, toc_page, mode):
    _, dead, tried = controls_report(toc_page, mode)
    assert not dead, (f"{toc_page}, {mode} mode: {len(dead)} of {tried} controls are dead:\n"
                      + "\n".join(f"  {label}: {problem}" for label, problem in dead))


# Every control in a cell output can be reached with the Tab key and has an accessible name
# (what a screen reader announces), as Chromium's accessibility tree computes it.
NAME_JS = """
(el) => {
  const labelledby = (el.getAttribute("aria-labelledby") || "").split(/\\s+/).filter(Boolean)
    .map((id) => (document.getElementById(id) || {}).textContent || "").join(" ").trim();
  const labels = el.labels ? [...el.labels].map((l) => l.textContent.trim()).join(" ") : "";
  return {labelledby, label: el.getAttribute("aria-label") || "", labels,
          title: el.getAttribute("title") || "", text: el.tagName === "BUTTON" ? el.textContent.trim() : "",
          tabIndex: el.tabIndex, disabled: !!el.disabled};
}
"""


def name_problems(page, found):
    """Controls among ``found`` (MARK_JS's list) without an accessible name or a Tab stop."""
    problems = []
    for info in found:
        control = page.locator(f'[data-nnlib-test="{info["id"]}"]')
        facts = control.evaluate(NAME_JS)
        snapshot = control.aria_snapshot()            # e.g. '- slider "weight"'
        named = re.search(r'"[^"]+"', snapshot.splitlines()[0]) if snapshot else None
        label = f'output {info["output"]}: {info["kind"]} "{info["name"]}"'
        if not named:
            problems.append(f"{label}: no accessible name ({snapshot!r}, {facts})")
        if facts["tabIndex"] < 0 and not facts["disabled"]:
            problems.append(f"{label}: not reachable with the Tab key")
    return problems


def test_every_control_has_a_name_and_keyboard_access(controls_report, toc_page):
    problems, _, _ = controls_report(toc_page)
    assert not problems, f"{toc_page}:\n" + "\n".join(problems)
