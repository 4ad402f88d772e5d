"""Time chapter 7's explorer as a reader meets it: in JupyterLab, in Chromium, change by change.

    .venv/bin/python benchmarks/explorer_in_lab.py

Copies notebooks/ to a temporary folder (JupyterLab autosaves, and the committed notebooks must
keep their outputs), starts JupyterLab there on 127.0.0.1, opens chapter 7 in Debian's Chromium
(Playwright), runs all cells, then types new values into the explorer's controls. For each change
it measures, inside the page, the time from the Enter key to the new picture in the explorer's
image (a MutationObserver on the image's src): the whole round trip through the browser, the
Jupyter server and the kernel's retrain and redraw. The kernel's own "trained in" time is read
from the verdict under the picture. Everything shares this machine's cores, the browser too.
"""
import re
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = "07_light_or_dark_font.ipynb"
PORT = 8899
# label of the control -> values to type in; epochs and hidden neurons retrain (new settings),
# "its value" (the fixed channel's) only redraws
CHANGES = {"hidden neurons": [4, 5, 6, 2, 7], "epochs": [360, 370, 380, 390, 400],
           "its value": [100, 110, 120, 130, 140]}
RETRAIN = {"hidden neurons", "epochs"}


def start_lab(folder):
    lab = subprocess.Popen(
        [str(ROOT / ".venv/bin/jupyter"), "lab", "--no-browser", f"--port={PORT}",
         "--ip=127.0.0.1", "--allow-root", "--ServerApp.token=", "--ServerApp.password=",
         f"--ServerApp.root_dir={folder}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(60):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/lab", timeout=2)
            return lab
        except OSError:
            time.sleep(1)
    lab.terminate()
    raise RuntimeError("JupyterLab did not start within 60 s")


def run_all(page):
    page.goto(f"http://127.0.0.1:{PORT}/lab/tree/{NOTEBOOK}")
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']",
                           state="attached", timeout=60_000)
    page.click("text=Run", timeout=10_000)
    page.click("text=Run All Cells", timeout=10_000)
    start = time.time()
    page.wait_for_function(  # every code cell has its execution count
        """() => { const p = [...document.querySelectorAll('.jp-InputArea-prompt')]
                     .map(e => e.textContent.trim());
                   return p.length > 0 && p.every(t => /^\\[\\d+\\]:$/.test(t) || t === ''); }""",
        timeout=300_000)
    return time.time() - start


def main():
    with tempfile.TemporaryDirectory() as folder:
        shutil.copytree(ROOT / "notebooks", folder, dirs_exist_ok=True)
        lab = start_lab(folder)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                     args=["--no-sandbox"])
                page = browser.new_page(viewport={"width": 1500, "height": 1000})
                print(f"run all cells: {run_all(page):.1f} s")
                slider = page.locator(".widget-slider",
                                      has=page.locator("label", has_text="hidden neurons"))
                explorer = slider.locator(
                    "xpath=ancestor::div[contains(@class,'widget-vbox')][last()]")
                picture = explorer.locator("img").first
                verdict = explorer.locator(".widget-html-content").last
                picture.wait_for(timeout=30_000)
                page.evaluate("""(img) => {
                    window.pictures = [];
                    new MutationObserver(() => window.pictures.push(performance.now()))
                      .observe(img, {attributes: true, attributeFilter: ['src']});
                    document.addEventListener('keydown', (e) => {
                      if (e.key === 'Enter') window.enter = performance.now(); }, true);
                }""", picture.element_handle())
                for label, values in CHANGES.items():
                    readout = page.locator(".widget-slider", has=page.locator(
                        "label", has_text=label)).locator(".widget-readout")
                    pictures, trained = [], []
                    for value in values:
                        seen = page.evaluate("window.pictures.length")
                        readout.click()
                        page.keyboard.press("Control+A")
                        page.keyboard.type(str(value))
                        page.keyboard.press("Enter")
                        page.wait_for_function(f"window.pictures.length > {seen}",
                                               timeout=60_000)
                        pictures.append(page.evaluate(f"window.pictures[{seen}] - window.enter"))
                        time.sleep(0.3)  # let the verdict arrive too
                        trained.append(int(re.search(r"trained in (\d+) ms",
                                                     verdict.inner_text()).group(1)))
                    retrain = (f"; the kernel's retrain {statistics.median(trained)} ms median"
                               if label in RETRAIN else " (no retrain)")
                    print(f"{label:>15}: Enter to new picture {statistics.median(pictures):.0f} ms"
                          f" median ({', '.join(f'{t:.0f}' for t in pictures)}){retrain}")
                browser.close()
        finally:
            lab.terminate()
            lab.wait(timeout=30)


if __name__ == "__main__":
    main()
