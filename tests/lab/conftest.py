"""Fixtures for the JupyterLab tests: one JupyterLab server on a temporary copy of the chapters,
and each chapter opened in Debian's Chromium (the ``chromium`` fixture of tests/conftest.py)
and run from the top once per session.

Every test here is marked ``lab`` (``make test-lab``; ``make test`` runs them after the book's
browser tests).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .jupyterlab import Lab, open_notebook, start_run_all, wait_run_all

VIEWPORT = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/lab/" in item.nodeid:
            item.add_marker(pytest.mark.lab)


@pytest.fixture(scope="session")
def lab():
    with Lab() as server:
        yield server


@dataclass
class ChapterRun:
    """A chapter opened in JupyterLab and run from the top (Run → Run All Cells)."""

    name: str
    page: object
    seconds: float = 0.0
    console: list[tuple[str, str]] = field(default_factory=list)   # (type, text)
    before: list[dict] = field(default_factory=list)   # OUTPUT_FACTS once opened, before the run


# Each code cell output as JupyterLab shows it: the mime type it chose (widget views have
# none), the mime types the output offers, whether a widget view is drawn, its text.
OUTPUT_FACTS = r"""
() => window.nnlibPanel.content.widgets.flatMap((cell, index) => {
  if (cell.model.type !== 'code') return [];
  return [...cell.node.querySelectorAll('.jp-OutputArea-output')].map((el, k) => {
    const output = cell.model.outputs.get(k);
    return {index, k, shown: el.dataset.mimeType || null,
            offers: output && output.data ? Object.keys(output.data) : [],
            widget: el.querySelector('.jupyter-widgets') !== null,
            text: el.textContent.trim().slice(0, 120)};
  });
})
"""


# The chapters the tests read; the first request opens them all and starts their runs, so that
# their kernels and pages work side by side.
CHAPTERS = ["01_a_neuron_is_a_line.ipynb", "06_your_first_network.ipynb",
            "07_light_or_dark_font.ipynb"]


@pytest.fixture(scope="session")
def chapter(lab, chromium):
    """chapter(notebook) -> ChapterRun: opened and run once per session, its page kept open."""
    runs: dict[str, ChapterRun] = {}
    started: dict[str, float] = {}
    contexts = []

    def start(name: str) -> None:
        context = chromium.new_context(viewport=VIEWPORT)
        contexts.append(context)
        page = context.new_page()
        run = runs[name] = ChapterRun(name, page)
        page.on("console", lambda msg: run.console.append((msg.type, msg.text)))
        page.on("pageerror", lambda error: run.console.append(
            ("pageerror", f"{error}\n{error.stack or ''}")))
        open_notebook(page, lab, name)
        # saved widget views are drawn from the notebook's widget state once the page
        # settles; give them a moment (they are checked by test_saved_outputs_show)
        try:
            page.wait_for_function(
                """() => [...document.querySelectorAll('.jp-OutputArea-output')].every((el) =>
                     !el.closest('.jp-OutputArea-child') || el.dataset.mimeType
                     || el.querySelector('.jupyter-widgets'))""", timeout=60_000)
        except PlaywrightTimeout:
            pass   # test_saved_outputs_show_before_the_run says which output is missing
        run.before = page.evaluate(OUTPUT_FACTS)
        started[name] = start_run_all(page)

    def open_and_run(name: str) -> ChapterRun:
        for other in ([] if runs else CHAPTERS) + [name]:
            if other not in runs:
                start(other)
        run = runs[name]
        if name in started:
            run.seconds = wait_run_all(run.page, started.pop(name))
        return run

    yield open_and_run
    for context in contexts:
        context.close()
