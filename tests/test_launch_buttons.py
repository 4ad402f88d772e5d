"""Launch buttons are switched at build time (BOOK_REPOSITORY_URL), and the pages say only what
is true of the build at hand.

- Without a repository (the book `make build` makes): no launch button anywhere, and neither the
  introduction nor a kernel note promises one (nor *Live Code*).
- With one: a small book (the introduction and chapter 1, outputs as committed, no execution) is
  built with BOOK_REPOSITORY_URL set, without touching _config.yml; chapter 1 has the rocket menu
  with Binder and Colab links to that repository's notebook, and the introduction describes it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.book

ROOT = Path(__file__).resolve().parent.parent
CHAPTER = "notebooks/01_a_neuron_is_a_line"
REPO = "https://github.com/example-owner/nn-book"
PROMISES = re.compile(r"launch button|Live Code|fa-rocket", re.IGNORECASE)


def _text(html: str) -> str:
    """The page's visible text, roughly: no tags, no scripts."""
    html = re.sub(r"<script\b.*?</script>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_without_a_repository_there_is_no_button_and_no_promise(built_html):
    pages = [built_html / "book" / "intro.html", built_html / f"{CHAPTER}.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "launch-buttons" not in html and "mybinder.org" not in html, page
        promises = PROMISES.findall(_text(html)) + re.findall(r"fa-rocket", html)
        assert not promises, f"{page.name} promises a launch button that is not there: {promises}"


@pytest.fixture(scope="module")
def book_with_repository(tmp_path_factory) -> Path:
    """_build/html of a two-page copy of the book, built with BOOK_REPOSITORY_URL."""
    src = tmp_path_factory.mktemp("launch-book")
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["execute"] = {"execute_notebooks": "off"}
    (src / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    toc = {"format": "jb-book", "root": "book/intro", "chapters": [{"file": CHAPTER}]}
    (src / "_toc.yml").write_text(yaml.safe_dump(toc), encoding="utf-8")
    (src / "book").symlink_to(ROOT / "book", target_is_directory=True)
    (src / "notebooks").mkdir()
    (src / f"{CHAPTER}.ipynb").symlink_to(ROOT / f"{CHAPTER}.ipynb")
    env = dict(os.environ, BOOK_REPOSITORY_URL=REPO, BOOK_REPOSITORY_BRANCH="main")
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    result = subprocess.run([str(jupyter_book), "build", str(src)], env=env, cwd=src,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return src / "_build" / "html"


def test_with_a_repository_the_rocket_menu_points_at_it(book_with_repository):
    html = (book_with_repository / f"{CHAPTER}.html").read_text(encoding="utf-8")
    assert "fa-rocket" in html, "no rocket (launch) menu on the chapter page"
    links = set(re.findall(r'href="(https://[^"]+)"', html))
    binder = f"https://mybinder.org/v2/gh/example-owner/nn-book/main?urlpath=lab/tree/{CHAPTER}.ipynb"
    colab = f"https://colab.research.google.com/github/example-owner/nn-book/blob/main/{CHAPTER}.ipynb"
    assert binder in links, f"no Binder link to the chapter: {sorted(links)}"
    assert colab in links, f"no Colab link to the chapter: {sorted(links)}"
    assert not (ROOT / "_config.yml").read_text(encoding="utf-8").count(REPO)


def test_with_a_repository_the_introduction_describes_the_button(book_with_repository):
    text = _text((book_with_repository / "book" / "intro.html").read_text(encoding="utf-8"))
    assert "launch button" in text and "Live Code" in text
