"""Refresh the README's pictures: docs/screenshot-light.png, docs/screenshot-dark.png (1280 x 900)
and docs/screenshot-phone.png (390 x 844, light, at twice the pixel density).

Run after `make book`:  .venv/bin/python docs/make_screenshots.py [PAGE]
PAGE defaults to the first chapter of _toc.yml. Serves _build/html on 127.0.0.1 and drives
Debian's Chromium with the same launch flags as the browser tests; the viewport is scrolled to
the page's first figure.
"""

import functools
import http.server
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT))
from book.toc import toc_docnames  # noqa: E402  (book/toc.py)
from page_checks import EAGER_IMAGES_JS  # noqa: E402  (tests/browser/page_checks.py)

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    from playwright.sync_api import sync_playwright

    page_name = sys.argv[1] if len(sys.argv) > 1 else toc_docnames()[1]
    handler = functools.partial(_Quiet, directory=str(ROOT / "_build" / "html"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/{page_name}.html"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        shots = [("light", "light", {"width": 1280, "height": 900}, 1),
                 ("dark", "dark", {"width": 1280, "height": 900}, 1),
                 ("phone", "light", {"width": 390, "height": 844}, 2)]
        for name, mode, viewport, scale in shots:
            context = browser.new_context(viewport=viewport, device_scale_factor=scale,
                                          is_mobile=scale > 1, has_touch=scale > 1)
            context.add_init_script(f"localStorage.setItem('mode', '{mode}')")
            page = context.new_page()
            page.goto(url)
            page.wait_for_load_state("networkidle")
            page.evaluate(EAGER_IMAGES_JS)  # the book's pictures load lazily
            page.evaluate("async () => { if (window.MathJax) await MathJax.startup.promise;"
                          " await document.fonts.ready; }")
            page.evaluate("() => { const img = document.querySelector('.cell_output img');"
                          " if (img) { img.scrollIntoView({block: 'end', behavior: 'instant'}); window.scrollBy({top: 120, behavior: 'instant'}); } }")
            page.wait_for_timeout(300)
            out = ROOT / "docs" / f"screenshot-{name}.png"
            page.screenshot(path=str(out))
            print(out)
            context.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
