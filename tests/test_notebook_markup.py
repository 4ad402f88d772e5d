"""The chapters' markdown uses only MyST that both the book and JupyterLab (jupyterlab-myst)
render: numbers from the code as {eval}, kernel notes as admonitions of class kernel-note.

jupyterlab-myst knows neither myst-nb's glue roles (it shows their bare names) nor the book's
own directives (an "Unknown Directive" box): see book/_ext/eval_glue.py and kernel_note.py.
"""
import json
import re
from pathlib import Path

import pytest

from book._ext.eval_glue import glue_key
from book._ext.kernel_note import TITLE

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def markdown_cells(path):
    for index, cell in enumerate(json.loads(path.read_text())["cells"]):
        if cell["cell_type"] == "markdown":
            yield index, "".join(cell["source"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name[:2])
def test_markup_reads_the_same_in_jupyterlab(path):
    problems = []
    for index, text in markdown_cells(path):
        for role in re.findall(r"\{glue[^}]*\}`?[^`\n]*`?", text):
            problems.append(f"cell {index}: {role}: JupyterLab shows its bare name; write "
                            f"{{eval}}`name` or {{eval}}`f\"{{name:.3f}}\"`")
        if re.search(r"\{kernel-note\}", text):
            problems.append(f"cell {index}: {{kernel-note}} is unknown to JupyterLab; write "
                            f"```{{admonition}} {TITLE}\\n:class: kernel-note")
        for expression in re.findall(r"\{eval\}`([^`]*)`", text):
            try:
                glue_key(expression)
            except ValueError as exc:
                problems.append(f"cell {index}: {{eval}}`{expression}`: {exc}")
        for title in re.findall(r"\{admonition\}([^\n]*)\n:class:[^\n]*\bkernel-note\b", text):
            if title.strip() != TITLE:
                problems.append(f"cell {index}: a kernel note titled {title.strip()!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("expression, key", [
    ("ch7_n_train", "ch7_n_train"), ('f"{ch7_acc:.3f}"', "ch7_acc:.3f"),
    ("f'{loss:.1%}'", "loss:.1%"), (' f"{x:,}" ', "x:,")])
def test_eval_glue_reads_a_name_and_a_format(expression, key):
    assert glue_key(expression) == key


@pytest.mark.parametrize("expression", [
    "acc * 100", 'f"{acc}"', 'f"{acc!r:.3f}"', 'f"acc = {acc:.3f}"', 'f"{net.acc:.3f}"',
    "acc[0]", "", "1 +"])
def test_eval_glue_refuses_what_needs_a_kernel(expression):
    with pytest.raises(ValueError):
        glue_key(expression)
