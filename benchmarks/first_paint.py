"""First paint of every page of the built book on a slow connection (a benchmark, not a test).

Serves _build/html on 127.0.0.1 and opens each page of _toc.yml in Debian's Chromium through
Playwright, with the network throttled by the Chrome DevTools Protocol
(``Network.emulateNetworkConditions``: 10 Mb/s down and up, 40 ms latency) and the cache
disabled, so every visit is a reader's first. For each page it reports the median over the runs
of first paint and first contentful paint (the browser's own ``paint`` timing entries), the
bytes transferred before the ``load`` event and the page's largest resources.

Run after `make book`:

    .venv/bin/python benchmarks/first_paint.py            # 3 runs a page, about 2 minutes
    .venv/bin/python benchmarks/first_paint.py --runs 5 --markdown
"""

from __future__ import annotations

import argparse
import functools
import http.server
import statistics
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from book.toc import toc_docnames  # noqa: E402  (book/toc.py)

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MBIT = 1_000_000 / 8  # bytes per second in one Mb/s


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def measure(browser, url: str, mbps: float, latency_ms: float) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script("try { localStorage.setItem('mode', 'light'); } catch (e) {}")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": latency_ms,
        "downloadThroughput": mbps * MBIT, "uploadThroughput": mbps * MBIT})
    sizes: dict[str, int] = {}

    def finished(event):
        sizes[event["requestId"]] = event.get("encodedDataLength", 0)

    urls: dict[str, str] = {}
    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.loadingFinished", finished)
    page.goto(url, wait_until="load", timeout=120_000)
    paints = page.evaluate(
        "() => Object.fromEntries(performance.getEntriesByType('paint').map(e => [e.name, e.startTime]))")
    context.close()
    by_url = sorted(((sizes[k], urls.get(k, "?")) for k in sizes), reverse=True)
    return {"fp": paints.get("first-paint"), "fcp": paints.get("first-contentful-paint"),
            "bytes": sum(sizes.values()), "largest": by_url[:3]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--mbps", type=float, default=10.0)
    parser.add_argument("--latency", type=float, default=40.0, help="ms")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("pages", nargs="*", help="docnames (default: every page of _toc.yml)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(ROOT / "_build" / "html"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=CHROMIUM_ARGS)
        for page in args.pages or toc_docnames():
            runs = [measure(browser, f"{base}/{page}.html", args.mbps, args.latency)
                    for _ in range(args.runs)]
            fp = statistics.median(r["fp"] for r in runs) / 1000
            fcp = statistics.median(r["fcp"] for r in runs) / 1000
            mb = statistics.median(r["bytes"] for r in runs) / 1e6
            largest = ", ".join(f"{Path(u.split('?')[0]).name} {n / 1e6:.2f} MB"
                                for n, u in runs[-1]["largest"])
            rows.append((page, fp, fcp, mb, largest))
            print(f"{page:45s} first paint {fp:5.2f} s  FCP {fcp:5.2f} s  "
                  f"{mb:5.2f} MB by load  ({largest})", flush=True)
        browser.close()
    server.shutdown()
    if args.markdown:
        print(f"\n| page | first paint (s) | first contentful paint (s) | MB by `load` |")
        print("|---|---|---|---|")
        for page, fp, fcp, mb, _ in rows:
            print(f"| {page} | {fp:.2f} | {fcp:.2f} | {mb:.2f} |")
    print(f"\n{args.mbps:g} Mb/s, {args.latency:g} ms latency, cache disabled, median of "
          f"{args.runs} runs; slowest first paint {max(r[1] for r in rows):.2f} s")


if __name__ == "__main__":
    main()
