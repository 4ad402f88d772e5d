"""Only the look of a page depends on the colour mode (light or dark), so that axe-core's
dark-mode run in the browser tests (tests/browser/conftest.py) needs only its colour rules, the
rest (names, roles, structure) being the light mode's; and what a control does cannot differ
between the modes (tests/browser/test_controls.py tries the controls in both):

- no page script of the book or of nnlib.web reads the mode (the theme's ``data-theme`` /
  ``data-mode`` attributes, ``prefers-color-scheme``, the ``mode`` or ``theme`` in localStorage);
- the book's dark-mode CSS rules (selectors with ``data-theme="dark"``) set only colours,
  backgrounds, filters, padding and frames: nothing that hides, moves or disables anything.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted((ROOT / "nnlib" / "web" / "assets" / "js").glob("*.js")) + sorted(
    (ROOT / "book" / "_vendor").glob("*.js"))
STYLESHEETS = sorted((ROOT / "book" / "_vendor").glob("*.css")) + sorted(
    (ROOT / "nnlib" / "web" / "assets").rglob("*.css"))

READS_MODE = re.compile(r"data-(theme|mode)|dataset\.(theme|mode)|prefers-color-scheme"
                        r"|getItem\(\s*['\"](mode|theme)['\"]")
# Properties a dark-mode rule may set: custom properties (the theme's colour variables) and
# these, which change how things look, not whether they are there or where.
APPEARANCE = re.compile(r"--[\w-]+|color(-scheme)?|background(-[\w-]+)?|filter|padding(-[\w-]+)?"
                        r"|border(-[\w-]+)?|box-shadow|outline(-[\w-]+)?|opacity|fill|stroke")


def dark_rule_properties(css: str) -> list[tuple[str, str]]:
    """(selector, property) for each declaration of each rule whose selector names the dark
    theme; comments are dropped first, and rules nested in @media blocks are found too."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        if 'data-theme="dark"' in selector or "data-theme=dark" in selector:
            for declaration in body.split(";"):
                if ":" in declaration:
                    found.append((" ".join(selector.split()),
                                  declaration.split(":", 1)[0].strip().lower()))
    return found


def not_appearance(css: str) -> list[str]:
    return [f"{selector} {{ {prop}: ... }}" for selector, prop in dark_rule_properties(css)
            if not APPEARANCE.fullmatch(prop)]


def test_files_are_found():
    assert len(SCRIPTS) >= 10 and STYLESHEETS, (SCRIPTS, STYLESHEETS)


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_no_page_script_reads_the_colour_mode(path):
    hits = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if READS_MODE.search(line)]
    assert not hits, (f"{path.relative_to(ROOT)} reads the colour mode; axe-core's dark-mode "
                      "run (colour rules only) may then miss what the mode changes:\n"
                      + "\n".join(hits))


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_dark_mode_css_changes_only_the_look(path):
    bad = not_appearance(path.read_text(encoding="utf-8"))
    assert not bad, (f"{path.relative_to(ROOT)}: dark-mode rules that may change more than the "
                     "look (axe-core's dark-mode run checks colours only):\n" + "\n".join(bad))


def test_the_checks_find_what_they_look_for():
    assert READS_MODE.search('document.documentElement.dataset.theme === "dark"')
    assert READS_MODE.search("matchMedia('(prefers-color-scheme: dark)')")
    assert not READS_MODE.search("const dark = labels.map((v) => v === 1);")
    css = ('/* x { display: none } */ html[data-theme="dark"] .a { color: #fff; }\n'
           '@media (max-width: 10px) { html[data-theme="dark"] .b { display: none; '
           "pointer-events: none } }")
    assert not_appearance(css) == ['html[data-theme="dark"] .b { display: ... }',
                                   'html[data-theme="dark"] .b { pointer-events: ... }']
