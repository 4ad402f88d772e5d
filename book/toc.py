"""The book's pages in reading order, read from _toc.yml by jupyter-book's own parser.

One reader for everything that needs the list: the notebook execution before the build
(book/execute_notebooks.py) and the tests (tests/conftest.py: the browser tests and the link
check visit every page). ``sphinx_external_toc`` is the package jupyter-book 1 parses _toc.yml
with, so these lists are the pages the build makes.
"""

from __future__ import annotations

from pathlib import Path

from sphinx_external_toc.parsing import GlobItem, UrlItem, parse_toc_yaml

ROOT = Path(__file__).resolve().parent.parent


def toc_docnames(root: Path = ROOT) -> list[str]:
    """Every document of ``root``/_toc.yml, the landing page first, in reading order
    (docnames: paths from ``root`` without their suffix, e.g. "notebooks/01_a_neuron_is_a_line")."""
    site_map = parse_toc_yaml(str(root / "_toc.yml"))
    names: list[str] = []

    def visit(docname: str) -> None:
        if docname in names:
            return
        names.append(docname)
        for subtree in site_map[docname].subtrees:
            for item in subtree.items:
                if isinstance(item, GlobItem):
                    for path in sorted(root.glob(str(item))):
                        if path.suffix in (".md", ".ipynb"):
                            visit(path.relative_to(root).with_suffix("").as_posix())
                elif not isinstance(item, UrlItem):
                    visit(item)

    visit(site_map.root.docname)
    return names


def toc_notebooks(root: Path = ROOT) -> list[Path]:
    """The notebooks among :func:`toc_docnames`, in reading order."""
    paths = [root / f"{name}.ipynb" for name in toc_docnames(root)]
    return [path for path in paths if path.is_file()]
