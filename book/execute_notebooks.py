"""Execute the book's notebooks in parallel, into the jupyter-cache that the book build then reads.

    .venv/bin/python book/execute_notebooks.py      (run by `make build`, before jupyter-book)

Jupyter Book 1 executes notebooks one after another, in the Sphinx process, so a build on two
cores leaves one idle for most of its run. This script executes every notebook of _toc.yml
afresh with jupyter-cache's own execution worker, the one behind
``jcache project execute --executor local-parallel``: each notebook in its own folder (as the
book does with ``run_in_temp: false``), its result stored in the cache at ``execute.cache`` of
_config.yml. The build (``execute_notebooks: cache``) then finds every notebook there and
executes none itself. `make build` empties the cache first, so no output is reused from an
earlier build.

The one thing taken from jupyter-cache's parallel executor and not its pool is the pool's size:
that executor starts one process per CPU with no upper bound; here it is one per core, at most
``MAX_PROCESSES`` (each kernel holds a chapter's data and figures in memory).

A notebook that fails here fails the build: its traceback is printed and the script exits with
status 1.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import time
from pathlib import Path

import yaml
from jupyter_cache import get_cache
from jupyter_cache.executors.basic import REPORT_LEVEL, ExecutionWorkerLocalMProc, ProcessData

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from book.toc import toc_notebooks  # noqa: E402

MAX_PROCESSES = 4


def main() -> None:
    config = yaml.safe_load((ROOT / "_config.yml").read_text())["execute"]
    if config.get("execute_notebooks") != "cache":
        sys.exit("_config.yml must have execute: execute_notebooks: cache for this script")
    cache = get_cache(str(ROOT / config["cache"]))
    records = [cache.add_nb_to_project(str(path)) for path in toc_notebooks()]
    processes = min(len(records), os.cpu_count() or 1, MAX_PROCESSES)
    print(f"executing {len(records)} notebooks, {processes} at a time", flush=True)
    multiprocessing.log_to_stderr(REPORT_LEVEL)   # the worker's "Executing: ..." and errors
    tasks = [ProcessData(record.pk, record.uri, cache, config["timeout"], allow_errors=False)
             for record in records]
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        results = pool.map(ExecutionWorkerLocalMProc(), tasks, chunksize=1)
    print(f"all notebooks: {time.perf_counter() - start:.1f} s wall", flush=True)
    failed = []
    for status, uri in results:
        name = Path(uri).relative_to(ROOT)
        if status == 0:
            seconds = cache.get_cached_project_nb(uri).data.get("execution_seconds", float("nan"))
            print(f"{name}: executed in {seconds:.1f} s")
            continue
        failed.append(str(name))
        traceback = cache.get_project_record(uri).traceback or "(see the log above)"
        print(f"{name}: FAILED\n{traceback}", flush=True)
    if failed:
        sys.exit(f"{len(failed)} notebook(s) failed: {', '.join(failed)}")


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    main()
