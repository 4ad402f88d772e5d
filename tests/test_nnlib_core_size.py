"""The core reads in one sitting: at most 1,000 lines in all and no function longer than 40 lines
(docstring included), so that the guards cannot bury the mathematics."""
import ast
from pathlib import Path

import pytest

CORE = ["activations.py", "losses.py", "layers.py", "network.py", "gradcheck.py", "validation.py"]
NNLIB = Path(__file__).resolve().parent.parent / "nnlib"


def test_core_is_at_most_1000_lines():
    lines = {name: len((NNLIB / name).read_text(encoding="utf-8").splitlines()) for name in CORE}
    assert sum(lines.values()) <= 1000, lines


@pytest.mark.parametrize("name", CORE)
def test_no_function_is_longer_than_40_lines(name):
    tree = ast.parse((NNLIB / name).read_text(encoding="utf-8"))
    long = [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > 40]
    assert not long, f"{name}: functions longer than 40 lines: {long}"
