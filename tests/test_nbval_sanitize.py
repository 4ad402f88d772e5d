"""The nbval sanitizers hide nothing beyond what they say: every rule matches stored output that
legitimately varies, and matches no more than its own short span."""
import configparser
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "tests" / "nbval_sanitize.cfg"
COMPARED_SKIPPED = ("image/png", "image/jpeg", "application/vnd.jupyter.widget-view+json")


def rules():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(CONFIG, encoding="utf-8")
    return {name: re.compile(parser[name]["regex"]) for name in parser.sections()}


def compared_texts():
    """Every stored output text that nbval compares (it skips PNG, JPEG and widget views)."""
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                if "text" in output:
                    yield "".join(output["text"])
                for key, value in output.get("data", {}).items():
                    if key not in COMPARED_SKIPPED:
                        yield "".join(value) if isinstance(value, list) else json.dumps(value)


@pytest.mark.parametrize("name", sorted(rules()))
def test_every_rule_matches_real_output_and_only_a_short_span(name):
    regex = rules()[name]
    matches = [m.group(0) for text in compared_texts() for m in regex.finditer(text)]
    assert matches, f"sanitizer [{name}] matches no stored output: remove it"
    assert max(map(len, matches)) <= 60, f"[{name}] matches a long span: {max(matches, key=len)!r}"


def test_the_tqdm_rule_replaces_only_the_bracket():
    regex = rules()["tqdm-elapsed-remaining-rate"]
    text = "training:   0%|          | 0/112 [00:00<?, ?epoch/s]"
    assert regex.sub("X", text) == "training:   0%|          | 0/112 X"
    assert regex.sub("X", "loss [0.25, 0.5] at [1, 2]") == "loss [0.25, 0.5] at [1, 2]"
