"""Time every widget control of the chapters as a reader meets it: in JupyterLab, in Chromium.

    .venv/bin/python benchmarks/controls_in_lab.py [--repeats 5] [chapter numbers ...]

Makes the reader's copy of the chapters in a temporary folder (as `make lab` does), starts
JupyterLab there on 127.0.0.1 (tests/lab/jupyterlab.py), opens each chapter in Debian's
Chromium (Playwright) and runs all cells. Then, for every ipywidgets control that sits in a
widget box with a picture (sliders, drop-downs, number boxes), it changes the control as a
reader does: ArrowRight on a slider's handle, to a new value each time (ArrowLeft back from its
end), a new value and Enter in a text box, the next option of a drop-down (picked, as with the
mouse). It measures inside the page the time from the key press (or the pick) to the first new
picture in that box (a MutationObserver on the pictures' src, and on which picture a Stack
shows),
and to the last one before the box settles: the whole round trip through the browser, the
Jupyter server and the kernel. Everything shares this machine's cores, the browser too. It
prints one line per control: median and all times.

The controls of the widgets that compute in the page (nnlib.web: players, chapter 4's descent,
chapter 6's trainer, chapter 7's explorer, ...) are timed from the key press to the next frame
after their input handler has run: no kernel is involved.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.chromium import chromium_browser  # noqa: E402
from tests.lab.jupyterlab import Lab, open_notebook, run_all  # noqa: E402

CHAPTERS = {1: "01_a_neuron_is_a_line.ipynb", 3: "03_activation_functions.ipynb",
            4: "04_loss_and_gradient_descent.ipynb", 6: "06_your_first_network.ipynb",
            7: "07_light_or_dark_font.ipynb", 8: "08_softmax_and_digits.ipynb"}
SETTLE_MS = 600   # no new picture for this long: the control's change is done
WAIT_MS = 30_000  # no new picture for this long after a key: reported as none
COLOURS = ["#ffcc00", "#4682b4", "#fff", "yellow", "#204060"]   # typed into a colour box

# Marks every control in a widget box that holds a picture, and installs the timers:
# window.nnlibKeys[i] is the last key press on control i, window.nnlibPictures[box] the times
# of the new pictures in that box.
FIND_CONTROLS = r"""
() => {
  window.nnlibPictures = {};
  window.nnlibKey = null;
  const boxes = [...document.querySelectorAll('.jp-OutputArea-output .jupyter-widgets.widget-vbox')]
    .filter((box) => !box.parentElement.closest('.widget-vbox') && box.querySelector('img'));
  const controls = [];
  boxes.forEach((box, b) => {
    window.nnlibPictures[b] = [];
    // a new picture: an img's src changes (the kernel redrew), or a Stack shows another of its
    // pictures (interactive_figure's pictures drawn in advance, swapped in the browser)
    const controls_ = '.widget-slider, .widget-dropdown, .widget-text, .widget-colorpicker';
    const observer = new MutationObserver((records) => {
      if (records.some((r) => !r.target.closest(controls_)))
        window.nnlibPictures[b].push(performance.now());
    });
    observer.observe(box, {subtree: true, childList: true, attributes: true,
                           attributeFilter: ['src', 'class', 'style']});
    box.querySelectorAll('.widget-slider, .widget-dropdown, .widget-text, .widget-colorpicker')
      .forEach((control) => {
        const handle = control.querySelector('.noUi-handle, select, input[type=text]');
        if (!handle || control.dataset.nnlibControl !== undefined) return;
        const label = (control.querySelector('.widget-label') || {}).textContent || '';
        control.dataset.nnlibControl = controls.length;
        handle.dataset.nnlibHandle = controls.length;
        controls.push({box: b, label: label.trim(), kind: handle.tagName === 'SELECT' ? 'select'
                       : control.classList.contains('widget-colorpicker') ? 'colour'
                       : handle.tagName === 'INPUT' ? 'text' : 'slider'});
      });
  });
  document.addEventListener('keydown', () => { window.nnlibKey = performance.now(); }, true);
  return controls;
}
"""


# The widgets that compute in the page (nnlib.web): their sliders and drop-downs. They redraw a
# canvas or a picture in their own input handler; the time is from the key press (or the pick)
# to the next frame after the handler (a document listener runs after the control's own).
FIND_PAGE_CONTROLS = r"""
() => {
  window.nnlibFrames = [];
  const after = () => requestAnimationFrame(() => window.nnlibFrames.push(performance.now()));
  document.addEventListener('input', after);
  document.addEventListener('change', (e) => { if (e.target.tagName === 'SELECT') after(); });
  const controls = [];
  document.querySelectorAll('.jp-OutputArea-output .nnlib-web').forEach((root) => {
    root.querySelectorAll('input[type=range], select').forEach((el) => {
      if (el.dataset.nnlibHandle !== undefined) return;
      el.dataset.nnlibHandle = 'p' + controls.length;
      const label = el.getAttribute('aria-label') || (el.id && root.querySelector(`label[for="${el.id}"]`)
                    || {}).textContent || '';
      controls.push({handle: 'p' + controls.length, label: `${root.id}: ${label}`.trim(),
                     kind: el.tagName === 'SELECT' ? 'select' : 'range'});
    });
  });
  return controls;
}
"""


def pick_next(page, handle):
    """Pick the next option of a <select>, as with the mouse; the time runs from the pick."""
    options = handle.evaluate("(el) => [...el.options].map((o) => o.value)")
    current = options.index(handle.input_value())
    page.evaluate("() => { window.nnlibKey = performance.now(); }")
    handle.select_option(options[(current + 1) % len(options)])


def arrow(page, control, handle, value, low, high):
    """ArrowRight to a new value each time, ArrowLeft back from the end (and right again)."""
    if value >= high:
        control["key"] = "ArrowLeft"
    elif value <= low:
        control["key"] = "ArrowRight"
    handle.focus()
    page.keyboard.press(control.setdefault("key", "ArrowRight"))


def time_page_control(page, control, repeats):
    """Key press (ArrowRight, back with ArrowLeft from the end) or pick to the next frame."""
    times = []
    handle = page.locator(f"[data-nnlib-handle='{control['handle']}']")
    handle.evaluate("(el) => el.scrollIntoView({block: 'center'})")
    for step in range(repeats):
        seen = page.evaluate("window.nnlibFrames.length")
        if control["kind"] == "select":
            pick_next(page, handle)
        else:
            arrow(page, control, handle, *handle.evaluate(
                "(el) => [Number(el.value), Number(el.min), Number(el.max)]"))
        try:
            page.wait_for_function(f"window.nnlibFrames.length > {seen}", timeout=WAIT_MS)
        except Exception as exc:
            return None, str(exc).splitlines()[0]
        times.append(page.evaluate(f"window.nnlibFrames[{seen}] - window.nnlibKey"))
        page.wait_for_timeout(200)
    return times, None


def press(page, control, index, step):
    handle = page.locator(f"[data-nnlib-handle='{index}']")
    handle.scroll_into_view_if_needed()
    if control["kind"] == "slider":
        arrow(page, control, handle, *(float(handle.get_attribute(f"aria-value{end}"))
                                       for end in ("now", "min", "max")))
    elif control["kind"] == "select":
        pick_next(page, handle)
    else:   # a number, or a colour, typed and applied with Enter
        handle.click()
        page.keyboard.press("Control+A")
        if control["kind"] == "colour":
            page.keyboard.type(COLOURS[step % len(COLOURS)])
        else:
            page.keyboard.type(f"{float(handle.input_value()) * (1.25 if step % 2 == 0 else 0.8):g}")
        page.keyboard.press("Enter")


def time_control(page, control, index, repeats):
    firsts, lasts = [], []
    box = control["box"]
    for step in range(repeats):
        seen = page.evaluate(f"window.nnlibPictures[{box}].length")
        try:
            press(page, control, index, step)
            page.wait_for_function(f"window.nnlibPictures[{box}].length > {seen}", timeout=WAIT_MS)
        except Exception as exc:   # reported, and the next control is timed
            return None, str(exc).splitlines()[0]
        while True:   # wait until no new picture comes for SETTLE_MS
            count = page.evaluate(f"window.nnlibPictures[{box}].length")
            page.wait_for_timeout(SETTLE_MS)
            if page.evaluate(f"window.nnlibPictures[{box}].length") == count:
                break
        times = page.evaluate(f"window.nnlibPictures[{box}].slice({seen}).map(t => t - window.nnlibKey)")
        firsts.append(times[0])
        lasts.append(times[-1])
    return firsts, lasts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("chapters", nargs="*", type=int, default=sorted(CHAPTERS))
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with Lab() as lab, chromium_browser() as browser:
        for number in args.chapters:
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            open_notebook(page, lab, CHAPTERS[number])
            print(f"chapter {number}: run all cells {run_all(page):.1f} s", flush=True)
            page.wait_for_timeout(1000)
            controls = page.evaluate(FIND_CONTROLS)
            for control in page.evaluate(FIND_PAGE_CONTROLS):
                times, error = time_page_control(page, control, args.repeats)
                name = f"{control['label'][:40]} ({control['kind']}, in the page)"
                print(f"  {name:>50}: " + (f"no frame ({error})" if times is None else
                      f"key to next frame {statistics.median(times):5.0f} ms median "
                      f"({', '.join(f'{t:.0f}' for t in times)})"), flush=True)
            for index, control in enumerate(controls):
                firsts, lasts = time_control(page, control, index, args.repeats)
                name = f"{control['label'] or control['kind']} ({control['kind']})"
                if firsts is None:
                    print(f"  {name:>34}: no new picture ({lasts})")
                    continue
                print(f"  {name:>34}: key to new picture {statistics.median(firsts):5.0f} ms "
                      f"median ({', '.join(f'{t:.0f}' for t in firsts)}); to the last picture "
                      f"{statistics.median(lasts):5.0f} ms", flush=True)
            page.close()
    print(f"measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")


if __name__ == "__main__":
    main()
