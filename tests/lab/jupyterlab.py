"""JupyterLab as a reader meets it, for the Lab tests (tests/lab/) and benchmarks/controls_in_lab.py.

:class:`Lab` copies the chapters into a temporary folder as `make lab` does (book/lab_copy.py;
JupyterLab autosaves, and the committed notebooks must keep their outputs), starts JupyterLab on 127.0.0.1 on a free port with
its own empty settings (so the defaults a new reader has, windowing mode included) and stops it
again.  :func:`open_notebook` and :func:`run_all` drive a Playwright page through a chapter, the
way a reader does (menu *Run → Run All Cells*), and wait on the notebook's model, not on what is
drawn: in JupyterLab's default windowing mode cells out of view are not laid out.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from book import lab_copy

ROOT = Path(__file__).resolve().parents[2]
JUPYTER = ROOT / ".venv" / "bin" / "jupyter"
# JupyterLab asks whether to fetch its news; a reader's answer is not what is tested.
SETTINGS = {"@jupyterlab/apputils-extension/notification.jupyterlab-settings":
            {"fetchNews": "false", "checkForUpdates": False}}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    """JupyterLab serving a temporary copy of ``notebooks/`` (or of ``source``).

    ``settings`` adds JupyterLab settings ({"@jupyterlab/<plugin>/<name>.jupyterlab-settings":
    {...}}) to the defaults.  Use as a context manager; ``url`` is the server's address, ``folder`` the copy, ``log`` the
    server's output (shown when it fails to start).  The server runs without a token on
    127.0.0.1 only, with ``window.jupyterapp`` exposed so tests can read the notebook's model.
    """

    def __init__(self, source: Path = ROOT / "notebooks", settings: dict | None = None,
                 start_timeout: float = 120):
        self.source, self.start_timeout = Path(source), start_timeout
        self.settings = {**SETTINGS, **(settings or {})}
        self.process = None

    def __enter__(self) -> "Lab":
        self._tmp = tempfile.TemporaryDirectory(prefix="nnlib-lab-")
        tmp = Path(self._tmp.name)
        self.folder = tmp / "notebooks"
        # the reader's copy as `make lab` makes it (trusted for this, temporary, Jupyter user)
        lab_copy.sync(self.source, self.folder, data_dir=tmp / "data")
        settings = tmp / "settings"
        for name, values in self.settings.items():
            (settings / name).parent.mkdir(parents=True, exist_ok=True)
            (settings / name).write_text(json.dumps(values))
        env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp / "config"),
                   JUPYTER_DATA_DIR=str(tmp / "data"),
                   JUPYTERLAB_SETTINGS_DIR=str(settings),
                   JUPYTERLAB_WORKSPACES_DIR=str(tmp / "workspaces"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tmp / "lab.log"
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [str(JUPYTER), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={self.port}",
                 "--allow-root", "--ServerApp.token=", "--ServerApp.password=",
                 "--LabApp.expose_app_in_browser=True", f"--ServerApp.root_dir={self.folder}"],
                stdout=log, stderr=subprocess.STDOUT, env=env, cwd=tmp)
        deadline = time.monotonic() + self.start_timeout
        while True:
            if self.process.poll() is not None:
                self._stop()
                raise RuntimeError(f"JupyterLab exited at start:\n{self.log.read_text()[-3000:]}")
            try:
                urllib.request.urlopen(f"{self.url}/api/status", timeout=2)
                return self
            except OSError:
                if time.monotonic() > deadline:
                    text = self.log.read_text()[-3000:]
                    self._stop()
                    raise RuntimeError(f"JupyterLab did not answer within "
                                       f"{self.start_timeout:.0f} s:\n{text}")
                time.sleep(0.3)

    def __exit__(self, *exc) -> None:
        self._stop()

    def _stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._tmp.cleanup()


# The notebook's panel: open_notebook keeps it in the page as window.nnlibPanel.
_PANEL = "window.nnlibPanel"


def open_notebook(page, lab: Lab, name: str, timeout: float = 120_000) -> None:
    """Open ``name`` (a file in the copy) in JupyterLab, in a workspace of its own (so no other
    notebook is restored beside it), and wait until its kernel is idle.  The panel is kept in
    the page as ``window.nnlibPanel`` (JupyterLab's NotebookPanel)."""
    workspace = Path(name).stem.replace(".", "-")
    page.goto(f"{lab.url}/lab/workspaces/{workspace}/tree/{name}?reset", timeout=timeout)
    page.wait_for_function(
        f"""(name) => {{
              const app = window.jupyterapp;
              const p = app && [...app.shell.widgets('main')].find(
                (w) => w.context && w.context.path === name);
              if (!p || !p.context.isReady || !p.sessionContext.session) return false;
              const kernel = p.sessionContext.session.kernel;
              if (!kernel || kernel.status !== 'idle' || !p.content.widgets.length) return false;
              window.nnlibPanel = p;
              return true; }}""", arg=name, timeout=timeout)
    # ... and until jupyterlab-myst has parsed every markdown cell, as the page looks once it
    # has settled. A markdown cell run before that (cells out of view are parsed a little
    # later) finds no {eval} in its still empty parse and leaves its numbers unevaluated
    # (jupyterlab-myst 2.7.0); a reader clicking Run All the moment the page appears can meet
    # that too (README, "Reading the notebooks in JupyterLab").
    page.wait_for_function(
        f"""() => {_PANEL}.content.widgets.every((c) => c.model.type !== 'markdown'
                 || (!c.placeholder && c.mystModel && c.mystModel.mdast
                     && c.mystModel.mdast.children))""", timeout=timeout)


def start_run_all(page) -> float:
    """Click Run → Run All Cells, as a reader does; returns when (time.monotonic())."""
    # The committed notebook carries the execution counts of its last run: forget them, so
    # that a count means "ran now".
    page.evaluate(f"""() => {{ for (const c of {_PANEL}.content.model.cells)
                                if (c.type === 'code') c.executionCount = null; }}""")
    page.click("li.lm-MenuBar-item:has-text('Run')", timeout=30_000)
    page.click(".lm-Menu-itemLabel:text-is('Run All Cells')", timeout=30_000)
    return time.monotonic()


def run_all(page, timeout: float = 300_000) -> float:
    """Run every cell with the menu (Run → Run All Cells), as a reader does; wait until every
    code cell has run and the kernel is idle.  Returns the seconds it took.  Fails with the
    cell's error when a cell raises."""
    return wait_run_all(page, start_run_all(page), timeout)


def wait_run_all(page, start: float, timeout: float = 300_000) -> float:
    """Wait for the run :func:`start_run_all` started; see :func:`run_all`."""
    page.wait_for_function(
        f"""() => {{ const p = {_PANEL};
                     const cells = [...p.content.model.cells];
                     const failed = cells.some(c => c.type === 'code'
                       && [...Array(c.outputs.length).keys()].some(
                            k => c.outputs.get(k).type === 'error'));
                     return failed || (p.sessionContext.session.kernel.status === 'idle'
                       && cells.every(c => c.type !== 'code' || !c.sharedModel.getSource().trim()
                                           || c.executionCount !== null)); }}""",
        timeout=timeout)
    # jupyterlab-myst asks the kernel for a markdown cell's {eval} values when the cell runs,
    # queued like a code cell: wait for the last ones (test_reading reports any missing)
    try:
        page.wait_for_function(
            f"""() => [...{_PANEL}.content.model.cells].every((c) => c.type !== 'markdown'
                     || !/\\{{eval\\}}`/.test(c.sharedModel.getSource())
                     || c.getMetadata('user_expressions') !== undefined)""", timeout=30_000)
    except PlaywrightTimeout:
        pass
    errors = page.evaluate(
        f"""() => [...{_PANEL}.content.model.cells].flatMap((c, i) => c.type !== 'code' ? [] :
                 [...Array(c.outputs.length).keys()].map(k => c.outputs.get(k).toJSON())
                   .filter(o => o.output_type === 'error')
                   .map(o => `cell ${{i}}: ${{o.ename}}: ${{o.evalue}}`))""")
    if errors:
        raise AssertionError("a cell raised during Run All:\n" + "\n".join(errors))
    return time.monotonic() - start
