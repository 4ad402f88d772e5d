"""Chapters read in JupyterLab as in the book: after Run All, the MyST markup renders (numbers,
notes, folded solutions), every picture and player shows, and the console stays quiet.

JupyterLab runs with its default settings (windowing mode "contentVisibility": cells out of
view are in the page but not laid out until scrolled to) on a temporary copy of the chapters.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .conftest import CHAPTERS

KERNEL_NOTE_TITLE = "This needs a live Python kernel"

# Console messages that are not this book's: (type, pattern, why).
BENIGN_CONSOLE = [
    ("pageerror", r"Cannot read properties of undefined \(reading 'node'\)\s+at \S+"
                  r"_markdownOverlapsToolbar",
     "JupyterLab's cell toolbar measures a rendered markdown cell through "
     "inputArea.renderedInput, which jupyterlab-myst's markdown cells do not have; it only "
     "decides whether the toolbar overlaps the text"),
]

# What each markdown cell looks like in the page, read from JupyterLab's model and DOM.
MARKDOWN_FACTS = r"""
() => {
  const cells = window.jupyterapp.shell.currentWidget.content.widgets;
  return cells.flatMap((cell, index) => {
    if (cell.model.type !== 'markdown') return [];
    const myst = cell.node.querySelector('.myst');
    const text = (el) => {   // the text a reader sees: without KaTeX's MathML copy
      const copy = el.cloneNode(true);
      copy.querySelectorAll('.katex-mathml').forEach((m) => m.remove());
      return copy.textContent;
    };
    return [{
      index,
      source: cell.model.sharedModel.getSource(),
      rendered: myst !== null,
      text: myst ? text(myst) : '',
      code: myst ? [...myst.querySelectorAll('code')].map((c) => c.textContent) : [],
      expressions: (cell.model.getMetadata('user_expressions') || []).map((e) => ({
        expression: e.expression, status: e.result.status,
        text: e.result.data ? e.result.data['text/plain'] : `${e.result.ename}: ${e.result.evalue}`,
      })),
      dropdowns: myst ? [...myst.querySelectorAll('details.myst-admonition')].map((d) => ({
        open: d.open, title: d.querySelector('summary').textContent.trim(),
        bodyVisible: d.querySelector('.myst-admonition-body').checkVisibility(),
      })) : [],
      kernelNotes: myst ? [...myst.querySelectorAll('.myst-admonition.kernel-note')].map(
        (a) => text(a.querySelector('.myst-admonition-header'))) : [],
    }];
  });
}
"""

# True once no markdown cell shows one of its evaluated {eval} expressions as code.
RENDERED_VALUES = r"""
() => window.jupyterapp.shell.currentWidget.content.widgets.every((cell) => {
  if (cell.model.type !== 'markdown') return true;
  const wanted = (cell.model.getMetadata('user_expressions') || []).map((e) => e.expression);
  const myst = cell.node.querySelector('.myst');
  if (!wanted.length || !myst) return true;
  return ![...myst.querySelectorAll('code')].some((c) => wanted.includes(c.textContent));
})
"""

RAW_MARKUP = re.compile(r"\{glue:|\{eval\}|\{kernel-note\}|Unknown (Directive|Role)|"
                        r"^\s*(```|:::)\{|:class:", re.M)


@pytest.fixture(scope="module", params=CHAPTERS, ids=lambda name: name[:2])
def run(request, chapter):
    return chapter(request.param)


def test_markup_renders(run):
    """Every markdown cell is rendered by jupyterlab-myst with no raw MyST left: numbers from
    the code show their values, kernel notes are notes, solutions are folded."""
    # jupyterlab-myst re-renders a cell some time after its {eval} values arrive (a chapter's
    # last cells can lag behind the kernel): wait until every value is shown, or 30 s
    try:
        run.page.wait_for_function(RENDERED_VALUES, timeout=30_000)
    except PlaywrightTimeout:
        pass                                   # the checks below say which cells lag
    problems = []
    for cell in run.page.evaluate(MARKDOWN_FACTS):
        where = f"markdown cell {cell['index']} ({cell['source'][:60]!r})"
        if not cell["rendered"]:
            problems.append(f"{where}: not rendered by jupyterlab-myst")
            continue
        for role in re.findall(r"\{glue(?::\w+)?\}`[^`]*`", cell["source"]):
            problems.append(f"{where}: {role} shows as its bare name in JupyterLab "
                            f"(jupyterlab-myst has no glue; the chapters use {{eval}})")
        if RAW_MARKUP.search(cell["text"]):
            problems.append(f"{where}: raw markup shows: "
                            f"{RAW_MARKUP.search(cell['text']).group(0)!r} in {cell['text'][:200]!r}")
        wanted = re.findall(r"\{eval\}`([^`]+)`", cell["source"])
        evaluated = {e["expression"]: e for e in cell["expressions"]}
        for expression in wanted:
            result = evaluated.get(expression)
            if result is None:
                problems.append(f"{where}: {{eval}}`{expression}` was not evaluated")
            elif result["status"] != "ok":
                problems.append(f"{where}: {{eval}}`{expression}` failed: {result['text']}")
            elif expression in cell["code"]:
                problems.append(f"{where}: {{eval}}`{expression}` shows as code, not its value")
        n_dropdowns = len(re.findall(r"^:class: dropdown", cell["source"], re.M))
        if len(cell["dropdowns"]) != n_dropdowns:
            problems.append(f"{where}: {n_dropdowns} folded admonitions in the source, "
                            f"{len(cell['dropdowns'])} in the page")
        for dropdown in cell["dropdowns"]:
            if dropdown["open"] or dropdown["bodyVisible"]:
                problems.append(f"{where}: {dropdown['title']!r} is open before the reader "
                                f"opens it")
        n_notes = len(re.findall(r"^:class: kernel-note", cell["source"], re.M))
        if cell["kernelNotes"] != [KERNEL_NOTE_TITLE] * n_notes:
            problems.append(f"{where}: {n_notes} kernel notes in the source, shown as "
                            f"{cell['kernelNotes']}")
    assert not problems, "\n".join(problems)


def test_no_console_warning(run):
    """No warning, error or uncaught exception in the browser console while the chapter opens
    and runs (JupyterLab's extensions agree on their versions; no script of ours fails)."""
    def benign(kind, text):
        return any(kind == k and re.search(pattern, text) for k, pattern, _ in BENIGN_CONSOLE)

    bad = [f"{kind}: {text[:500]}" for kind, text in run.console
           if kind in ("warning", "error", "pageerror") and not benign(kind, text)]
    assert not bad, "\n".join(bad)


def test_pictures_show(run):
    """Every picture in the outputs (figures, players' frames, widget images) is laid out
    with its size once the reader scrolls to it, in the default windowing mode."""
    missing = run.page.evaluate(r"""async () => {
      const notebook = window.jupyterapp.shell.currentWidget.content;
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const missing = [];
      for (const [index, cell] of notebook.widgets.entries()) {
        if (cell.model.type !== 'code') continue;
        const images = [...cell.node.querySelectorAll('.jp-OutputArea img')];
        if (!images.length) continue;
        cell.node.scrollIntoView();
        await frame();
        for (const img of images) {
          const box = img.getBoundingClientRect();
          if (!img.naturalWidth || box.width < 10 || box.height < 10)
            missing.push(`cell ${index}: <img ${img.id ? 'id=' + img.id : ''}> laid out as `
                         + `${box.width}x${box.height}, natural width ${img.naturalWidth}`);
        }
      }
      return missing;
    }""")
    assert not missing, "\n".join(missing)


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def test_saved_outputs_show_before_the_run(run):
    """Opened as `make lab` opens it (a trusted copy), before anything runs: saved widgets are
    drawn from their saved state and HTML outputs (players, the colour picker) render, instead
    of their plain-text stand-ins ("VBox(children=...)")."""
    problems = []
    for output in run.before:
        where = f"cell {output['index']}, output {output['k']}"
        if WIDGET_VIEW in output["offers"] and not output["widget"]:
            problems.append(f"{where}: widget not drawn, shows {output['text'][:60]!r}")
        elif "text/html" in output["offers"] and output["shown"] != "text/html":
            problems.append(f"{where}: HTML shown as {output['shown']}: {output['text'][:60]!r}")
    assert not problems, "\n".join(problems)


# Range inputs of the HTML/JavaScript controls (players, the colour picker, ...), not those
# of ipywidgets (which JupyterLab leaves alone).
HTML_RANGES = ".jp-OutputArea-output input[type=range]:not(.jupyter-widgets input)"


@pytest.mark.parametrize("name", CHAPTERS[:2], ids=lambda name: name[:2])
def test_arrow_keys_stay_in_html_controls(chapter, name):
    """ArrowRight, ArrowLeft and ArrowUp on an HTML control's slider (the players of chapters
    1 and 6) move the slider, and JupyterLab neither moves to another cell nor collapses a
    heading."""
    page = chapter(name).page
    ranges = page.locator(HTML_RANGES)
    assert ranges.count() > 0, "no HTML slider found"
    state = f"""(el) => ({{value: Number(el.value), focused: document.activeElement === el,
        cell: window.nnlibPanel.content.activeCellIndex,
        hidden: window.nnlibPanel.content.widgets.filter((c) => c.isHidden).length}})"""
    problems = []
    for k in range(ranges.count()):
        slider = ranges.nth(k)
        slider.evaluate("(el) => el.scrollIntoView({block: 'center'})")
        slider.evaluate("(el) => { el.value = el.min || 0; el.dispatchEvent(new Event('input')); }")
        slider.focus()
        start = slider.evaluate(state)
        for key, change in [("ArrowRight", 1), ("ArrowUp", 1), ("ArrowLeft", -1)]:
            before = slider.evaluate(state)
            page.keyboard.press(key)
            after = slider.evaluate(state)
            if after["value"] - before["value"] != change * float(slider.get_attribute("step") or 1):
                problems.append(f"slider {k}: {key} moved it from {before['value']} to "
                                f"{after['value']}")
            if not after["focused"] or after["cell"] != start["cell"] \
                    or after["hidden"] != start["hidden"]:
                problems.append(f"slider {k}: {key} reached JupyterLab (focus kept: "
                                f"{after['focused']}, active cell {start['cell']} -> "
                                f"{after['cell']}, hidden cells {start['hidden']} -> "
                                f"{after['hidden']})")
    assert not problems, "\n".join(problems)


def test_explorer_says_when_it_trains_long(chapter):
    """Chapter 7's explorer at batch size 1 (268,800 steps for 300 epochs) shows a busy note
    before it retrains, then the new result; the page answers again right after."""
    page = chapter("07_light_or_dark_font.ipynb").page
    explorer = page.locator("#ch7-explorer")
    batch = explorer.locator("input.nnlib-batch")
    batch.evaluate("(el) => el.scrollIntoView({block: 'center'})")
    page.evaluate("""() => { const root = document.getElementById('ch7-explorer');
        window.busyNotes = [];
        new MutationObserver(() => { if (root.dataset.busy)
            window.busyNotes.push(root.querySelector('.nnlib-score').textContent); })
          .observe(root, {attributes: true, attributeFilter: ['data-busy'], subtree: true,
                          childList: true, characterData: true}); }""")
    batch.focus()
    for _ in range(int(batch.get_attribute("max"))):   # from "all" down to 1
        page.keyboard.press("ArrowLeft")
    page.wait_for_function("() => !document.getElementById('ch7-explorer').dataset.busy "
                           "&& /after 268,800 steps/.test(document.querySelector("
                           "'#ch7-explorer .nnlib-score').textContent)", timeout=30_000)
    notes = page.evaluate("window.busyNotes")
    assert any("training: 268,800 steps" in note for note in notes), notes
    assert json.loads(explorer.get_attribute("data-settings"))["batchSize"] == 1
