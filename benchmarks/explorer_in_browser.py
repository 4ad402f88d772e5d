"""Time chapter 7's settings explorer in the built book: retrain plus redraw, in Chromium.

    .venv/bin/python benchmarks/explorer_in_browser.py [--repeats 5]

Serves _build/html (run `make build` first) on 127.0.0.1 and opens chapter 7 in Debian's
Chromium (Playwright, 1280 x 900, device pixel ratio 1). Then it changes the explorer's controls
as a reader does (a new value and an "input" event) and, for each change, reads what the page
measured itself: the time to retrain (train.js; nothing for a view-only change or a setting met
before) and the time to redraw the two figures, and the time from the event to the next
painted frame. Each change is a new setting (a retrain from the starting weights), except the
"view" rows (the fixed channel's value: a redraw only) and "epochs" (a run that goes on from
where it stopped). Prints a Markdown table of medians; nothing else is written.
"""
import argparse
import functools
import http.server
import statistics
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PAGE = "notebooks/07_light_or_dark_font.html"
EXPLORER = "#ch7-explorer"

# (row label, control class, values); each value is set in turn from the defaults. Learning
# rates and batch sizes are indices into the explorer's lists.
CHANGES = [
    ("hidden neurons 4, 5, 6, 2, 7 (retrain)", "hidden", [4, 5, 6, 2, 7]),
    ("learning rate 1.778e-3 ... 1e-2 (retrain)", "rate", [5, 6, 7, 8, 3]),
    ("activation (retrain)", "activation", ["tanh", "sigmoid", "linear", "leaky_relu", "relu"]),
    ("batch size 128, then 32 (retrain)", "batch", [3, 2]),
    ("epochs 310 ... 350 (10 more each)", "epochs", [310, 320, 330, 340, 350]),
    ("the fixed channel's value (view: redraw only)", "value", [100, 110, 120, 130, 140]),
]

CHANGE_JS = """
async ([selector, cls, value]) => {
  const root = document.querySelector(selector), input = root.querySelector(".nnlib-" + cls);
  const picture = () => root.querySelector("canvas.nnlib-surface").toDataURL() +
    root.querySelector("canvas.nnlib-loss").toDataURL();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const before = picture(), start = performance.now();
  input.value = value;
  input.dispatchEvent(new Event(input.tagName === "SELECT" ? "change" : "input", {bubbles: true}));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const frame = performance.now() - start;
  return {frame, train: Number(root.dataset.trainMs), draw: Number(root.dataset.drawMs),
          changed: picture() !== before};
}
"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def serve(folder):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5,
                        help="fresh page loads; every change is timed once per load")
    args = parser.parse_args()
    html = ROOT / "_build" / "html"
    if not (html / PAGE).is_file():
        raise SystemExit(f"{html / PAGE} is missing: run `make build` first")
    server = serve(html)
    url = f"http://127.0.0.1:{server.server_address[1]}/{PAGE}"
    rows = {label: {"train": [], "draw": [], "frame": []} for label, _, _ in CHANGES}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--headless", "--no-sandbox"])
        for _ in range(args.repeats):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.route("**/*", lambda route, request: route.continue_()
                       if request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
                       else route.abort())
            page.goto(url, wait_until="load")
            page.wait_for_selector(f"{EXPLORER}[data-settings]")
            page.locator(EXPLORER).scroll_into_view_if_needed()
            for label, cls, values in CHANGES:
                page.reload(wait_until="load")          # every row starts from the defaults
                page.wait_for_selector(f"{EXPLORER}[data-settings]")
                page.locator(EXPLORER).scroll_into_view_if_needed()
                for value in values:
                    result = page.evaluate(CHANGE_JS, [EXPLORER, cls, value])
                    if not result["changed"]:
                        raise RuntimeError(f"{label}: setting {value!r} changed nothing")
                    for key in ("train", "draw", "frame"):
                        rows[label][key].append(result[key])
            page.close()
        version = browser.version
        browser.close()
    server.shutdown()
    print(f"Chromium {version}; {args.repeats} page loads; medians over "
          f"{args.repeats} x 2-5 changes per row\n")
    print("| change | retrain (ms) | redraw (ms) | retrain + redraw (ms) | event to next frame (ms) |")
    print("|---|---|---|---|---|")
    for label, _, _ in CHANGES:
        r = rows[label]
        both = [t + d for t, d in zip(r["train"], r["draw"])]
        print(f"| {label} | {statistics.median(r['train']):.1f} | {statistics.median(r['draw']):.1f} "
              f"| {statistics.median(both):.1f} | {statistics.median(r['frame']):.1f} |")
    retrains = [t + d for label, _, _ in CHANGES if "retrain" in label
                for t, d in zip(rows[label]["train"], rows[label]["draw"])]
    print(f"\nall retraining changes: median retrain + redraw {statistics.median(retrains):.1f} ms "
          f"(n = {len(retrains)}, max {max(retrains):.1f} ms)")


if __name__ == "__main__":
    main()
