"""Run nnlib's page JavaScript (the asset files of nnlib.web) in Node.js from a test.

``run_js(["forward.js", "train.js"], [("train.fit", spec, X, y, options), ...])`` loads the
files into one Node context (tests/js/run.js) and returns the calls' results, decoded from JSON
("NaN", "Infinity" and "-Infinity" strings back to floats). A missing Node fails the test (`make
test` installs it).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from importlib import resources
from pathlib import Path

RUNNER = Path(__file__).resolve().parent / "js" / "run.js"


def asset_path(name: str) -> Path:
    return Path(str(resources.files("nnlib.web").joinpath("assets", "js", name)))


def node() -> str:
    path = shutil.which("node")
    assert path, ("Node.js is not installed: run `make test` (it installs Debian's nodejs) or "
                  "install Node.js")
    return path


def _floats(value):
    if isinstance(value, str) and value in ("NaN", "Infinity", "-Infinity"):
        return float(value.replace("Infinity", "inf"))
    if isinstance(value, list):
        return [_floats(v) for v in value]
    if isinstance(value, dict):
        return {k: _floats(v) for k, v in value.items()}
    return value


class NodeJob:
    """The calls running in a Node process, started now; :meth:`result` waits for them (so
    that a test can compute nnlib's side meanwhile, on the other core)."""

    def __init__(self, files, calls, timeout=900):
        job = {"files": [str(asset_path(name)) for name in files],
               "calls": [{"fn": fn, "args": list(args)} for fn, *args in calls]}
        self.timeout = timeout
        with tempfile.TemporaryFile("w+") as stdin:
            json.dump(job, stdin)
            stdin.seek(0)
            self.process = subprocess.Popen([node(), str(RUNNER)], stdin=stdin,
                                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                            text=True)

    def result(self):
        stdout, stderr = self.process.communicate(timeout=self.timeout)
        assert self.process.returncode == 0, stderr[-3000:]
        return _floats(json.loads(stdout))


def run_js(files, calls, timeout=900):
    return NodeJob(files, calls, timeout).result()
