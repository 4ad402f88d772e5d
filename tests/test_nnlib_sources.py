"""nnlib's sources: page code lives in files, not in Python strings, and every file is valid.

- No string literal in nnlib's Python (docstrings included) is over 40 lines long: JavaScript,
  CSS and HTML belong in nnlib/web/assets/, where they are linted and tested as files.
- Every JavaScript asset passes ``node --check`` (syntax), runs in strict mode, and fetches
  nothing; every asset is declared as package data in pyproject.toml, so an installed nnlib
  carries it; every HTML template's placeholders are filled by the Python that renders it.
"""
from __future__ import annotations

import ast
import re
import string
import subprocess
import tomllib
from pathlib import Path

import pytest
from node_js import node

ROOT = Path(__file__).resolve().parent.parent
NNLIB = ROOT / "nnlib"
ASSETS = NNLIB / "web" / "assets"
MAX_LINES = 40


def long_strings(path):
    """The string literals (plain, f-strings, docstrings) of a Python file over MAX_LINES."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(path))
    parts = {id(part) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for part in n.values}
    for node_ in ast.walk(tree):
        if id(node_) in parts:                  # a piece of an f-string, counted with it
            continue
        if isinstance(node_, ast.JoinedStr) or (isinstance(node_, ast.Constant)
                                                 and isinstance(node_.value, str)):
            lines = ast.get_source_segment(source, node_).count("\n") + 1
            if lines > MAX_LINES:
                yield f"{path.name}:{node_.lineno}: a {lines}-line string"


def test_no_long_string_literals_in_nnlib():
    found = [problem for path in sorted(NNLIB.rglob("*.py")) for problem in long_strings(path)]
    assert not found, "string literals over 40 lines (move the code to a file):\n" + "\n".join(found)


def test_the_check_finds_long_strings(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('CODE = """\n' + "x = 1\n" * 45 + '"""\nOK = "short"\n'
                      + 'f"""{CODE}\n' + "y\n" * 41 + '"""\n')
    assert [p.split(": ")[1] for p in long_strings(sample)] == ["a 47-line string",
                                                                "a 43-line string"]


JS_FILES = sorted(ASSETS.glob("js/*.js")) + sorted((ROOT / "tests" / "js").glob("*.js"))


@pytest.mark.parametrize("path", JS_FILES, ids=[p.name for p in JS_FILES])
def test_javascript_files_pass_node_check(path):
    result = subprocess.run([node(), "--check", str(path)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("path", sorted(ASSETS.glob("js/*.js")), ids=lambda p: p.name)
def test_page_scripts_are_strict_and_fetch_nothing(path):
    text = path.read_text(encoding="utf-8")
    assert '"use strict";' in text, f"{path.name} does not run in strict mode"
    assert not re.search(r"https?://|fetch\(|XMLHttpRequest|import\s*\(|new Worker|importScripts", text), \
        f"{path.name} loads something from elsewhere"
    assert "globalThis.nnlibWeb = globalThis.nnlibWeb || {}" in text, \
        f"{path.name} does not add to the one nnlibWeb namespace"


def test_every_asset_is_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["nnlib.web"]
    declared = {p for pattern in patterns for p in (NNLIB / "web").glob(pattern)}
    files = {p for p in ASSETS.rglob("*") if p.is_file()}
    assert files and files <= declared, f"not declared as package data: {sorted(files - declared)}"
    assert "nnlib*" in config["tool"]["setuptools"]["packages"]["find"]["include"]


def test_templates_are_valid_string_templates():
    for path in sorted(ASSETS.glob("html/*.html")):
        template = string.Template(path.read_text(encoding="utf-8"))
        assert template.is_valid(), f"{path.name} has a stray $"
        assert template.get_identifiers(), f"{path.name} has no placeholders"
