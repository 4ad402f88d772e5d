"""Execute the book's notebooks in parallel, into the cache that the book build then reads.

    .venv/bin/python book/execute_notebooks.py      (run by `make build`, before jupyter-book)

Jupyter Book 1 executes notebooks one after another, in the Sphinx process, so a build on two
cores leaves one idle for most of its run. This script executes every notebook listed in
_toc.yml afresh, one process per core, each in its own folder (as the book does with
``run_in_temp: false``), and stores the results in the jupyter-cache at ``execute.cache`` of
_config.yml. The build (``execute_notebooks: cache``) then finds every notebook there and
executes none itself. `make build` empties the cache first, so no output is ever reused from an
earlier build. A notebook that fails here fails the build: its traceback is printed and the
script exits with status 1.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from pathlib import Path

import yaml
from jupyter_cache import get_cache
from jupyter_cache.executors.utils import single_nb_execution
from jupyter_cache.base import CacheBundleIn
import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "book" / "_ext"))
import kernel_cleanup  # noqa: E402  (the bounded ZeroMQ clean-up the build uses, see there)


def toc_notebooks():
    """The notebooks of _toc.yml, in reading order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = []

    def walk(entries):
        for entry in entries:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections", []))
            for part in entry.get("parts", []):
                walk(part.get("chapters", []))

    walk([toc])
    return [ROOT / f"{name}.ipynb" for name in files if (ROOT / f"{name}.ipynb").exists()]


def execute(task):
    """Execute one notebook in its folder; return (path, seconds, traceback or None, notebook)."""
    path, timeout = task
    notebook = nbformat.read(path, as_version=4)
    result = single_nb_execution(notebook, cwd=str(path.parent), timeout=timeout,
                                 allow_errors=False, meta_override=True)
    return path, result.time, result.exc_string if result.err else None, notebook


def main():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())["execute"]
    if config.get("execute_notebooks") != "cache":
        sys.exit("_config.yml must have execute: execute_notebooks: cache for this script")
    cache = get_cache(str(ROOT / config["cache"]))
    notebooks = toc_notebooks()
    kernel_cleanup.KernelClient.stop_channels = kernel_cleanup.stop_channels
    processes = min(len(notebooks), os.cpu_count() or 1)
    print(f"executing {len(notebooks)} notebooks, {processes} at a time", flush=True)
    start, failed = time.perf_counter(), []
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        tasks = [(path, config["timeout"]) for path in notebooks]
        for path, seconds, traceback, notebook in pool.imap_unordered(execute, tasks):
            name = path.relative_to(ROOT)
            if traceback:
                failed.append(name)
                print(f"{name}: FAILED after {seconds:.1f} s\n{traceback}", flush=True)
                continue
            record = cache.add_nb_to_project(str(path))
            cache.cache_notebook_bundle(CacheBundleIn(notebook, record.uri,
                                                      data={"execution_seconds": seconds}),
                                        check_validity=False, overwrite=True)
            print(f"{name}: executed in {seconds:.1f} s", flush=True)
    print(f"all notebooks: {time.perf_counter() - start:.1f} s wall", flush=True)
    if failed:
        sys.exit(f"{len(failed)} notebook(s) failed: {', '.join(map(str, failed))}")


if __name__ == "__main__":
    main()
