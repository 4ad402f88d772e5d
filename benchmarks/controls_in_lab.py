"""Time every widget control of the chapters as a reader meets it: in JupyterLab, in Chromium.

    .venv/bin/python benchmarks/controls_in_lab.py [--repeats 5] [chapter numbers ...]

Makes the reader's copy of the chapters in a temporary folder (as `make lab` does), starts
JupyterLab there on 127.0.0.1 (tests/lab/jupyterlab.py), opens each chapter in Debian's
Chromium (Playwright) and runs all cells. Then, for every ipywidgets control that sits in a
widget box with a picture (sliders, drop-downs, number boxes), it presses a key on the control,
as a reader does with the keyboard (ArrowRight/ArrowLeft on a slider's handle, ArrowDown/ArrowUp
on a drop-down, a new value and Enter in a text box), and measures inside the page the time from
the key press to the first new picture in that box (a MutationObserver on the pictures' src),
and to the last one before the box settles: the whole round trip through the browser, the
Jupyter server and the kernel. Everything shares this machine's cores, the browser too. It
prints one line per control: median and all times.

Chapter 7's explorer: the training settings retrain (hidden neurons, activation, learning rate,
epochs, batch size), the others only redraw.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.lab.jupyterlab import CHROMIUM, CHROMIUM_ARGS, Lab, open_notebook, run_all  # noqa: E402

CHAPTERS = {1: "01_a_neuron_is_a_line.ipynb", 3: "03_activation_functions.ipynb",
            4: "04_loss_and_gradient_descent.ipynb", 6: "06_your_first_network.ipynb",
            7: "07_light_or_dark_font.ipynb", 8: "08_softmax_and_digits.ipynb"}
SETTLE_MS = 600   # no new picture for this long: the control's change is done

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
    const observer = new MutationObserver(() => window.nnlibPictures[b].push(performance.now()));
    box.querySelectorAll('img').forEach((img) =>
      observer.observe(img, {attributes: true, attributeFilter: ['src']}));
    box.querySelectorAll('.widget-slider, .widget-dropdown, .widget-text, .widget-inline-hbox')
      .forEach((control) => {
        const handle = control.querySelector('.noUi-handle, select, input[type=text], input[type=number]');
        if (!handle || control.dataset.nnlibControl !== undefined) return;
        const label = (control.querySelector('label') || {}).textContent || '';
        control.dataset.nnlibControl = controls.length;
        handle.dataset.nnlibHandle = controls.length;
        controls.push({box: b, label: label.trim(), kind: handle.tagName === 'SELECT' ? 'select'
                       : handle.tagName === 'INPUT' ? 'text' : 'slider'});
      });
  });
  document.addEventListener('keydown', () => { window.nnlibKey = performance.now(); }, true);
  return controls;
}
"""


def press(page, control, index, step):
    handle = page.locator(f"[data-nnlib-handle='{index}']")
    handle.scroll_into_view_if_needed()
    if control["kind"] == "slider":
        handle.focus()
        page.keyboard.press("ArrowRight" if step % 2 == 0 else "ArrowLeft")
    elif control["kind"] == "select":
        handle.focus()
        page.keyboard.press("ArrowDown" if step % 2 == 0 else "ArrowUp")
    else:
        handle.click()
        page.keyboard.press("Control+A")
        value = handle.input_value()
        try:
            page.keyboard.type(str(float(value) * (1.25 if step % 2 == 0 else 0.8)))
        except ValueError:
            page.keyboard.type(value)
        page.keyboard.press("Enter")


def time_control(page, control, index, repeats):
    firsts, lasts = [], []
    box = control["box"]
    for step in range(repeats):
        seen = page.evaluate(f"window.nnlibPictures[{box}].length")
        press(page, control, index, step)
        try:
            page.wait_for_function(f"window.nnlibPictures[{box}].length > {seen}", timeout=60_000)
        except Exception:
            return None, None
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
    with Lab() as lab, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for number in args.chapters:
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            open_notebook(page, lab, CHAPTERS[number])
            print(f"chapter {number}: run all cells {run_all(page):.1f} s", flush=True)
            page.wait_for_timeout(1000)
            controls = page.evaluate(FIND_CONTROLS)
            if not controls:
                print("  (no widget control with a picture)")
            for index, control in enumerate(controls):
                firsts, lasts = time_control(page, control, index, args.repeats)
                name = f"{control['label'] or control['kind']} ({control['kind']})"
                if firsts is None:
                    print(f"  {name:>34}: no new picture within 60 s")
                    continue
                print(f"  {name:>34}: key to new picture {statistics.median(firsts):5.0f} ms "
                      f"median ({', '.join(f'{t:.0f}' for t in firsts)}); to the last picture "
                      f"{statistics.median(lasts):5.0f} ms", flush=True)
            page.close()
        browser.close()
    print(f"measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")


if __name__ == "__main__":
    main()
