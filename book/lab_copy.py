"""The reader's own copy of the chapters, for `make lab`: reading never changes the repository.

    .venv/bin/python book/lab_copy.py notebooks my-notebooks

JupyterLab saves what a reader does (outputs, widget state, collapsed headings) into the file
they opened, so `make lab` opens copies in ``my-notebooks/`` (ignored by git) instead of the
committed chapters (authors edit those with `make lab-edit`).  For each chapter:

- not copied yet: copied;
- copied, and the committed chapter has changed since, but the copy has not (the reader has not
  saved it): replaced by the new version;
- copied and since changed by the reader: kept as it is, with a note saying how to get the new
  version (delete or rename the copy, then run `make lab` again).

Fresh copies are marked trusted for this user (as ``jupyter trust`` does), because they are the
repository's own chapters: JupyterLab then shows their saved outputs before anything runs (the
players, the colour picker, the saved widgets) instead of plain text.  ``my-notebooks/.copies.json``
remembers what was copied.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

STATE = ".copies.json"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def trust(paths, data_dir=None) -> None:
    """Sign ``paths`` for this user, like ``jupyter trust`` (the signature database lives in
    Jupyter's data folder, or ``data_dir``)."""
    import nbformat
    from jupyter_core.paths import jupyter_data_dir
    from nbformat.sign import NotebookNotary

    data_dir = Path(data_dir or jupyter_data_dir())
    data_dir.mkdir(parents=True, exist_ok=True)   # else the signatures go to a database in memory
    notary = NotebookNotary(data_dir=str(data_dir))
    for path in paths:
        notary.sign(nbformat.read(path, as_version=4))


def sync(source: Path, target: Path, data_dir=None) -> dict[str, list[str]]:
    """Bring ``target`` up to date with the chapters in ``source``; return the names that were
    copied, updated, kept (changed by the reader while the chapter changed too) and unchanged."""
    source, target = Path(source), Path(target)
    chapters = sorted(source.glob("*.ipynb"))
    if not chapters:
        raise SystemExit(f"error: no notebooks in {source}")
    target.mkdir(parents=True, exist_ok=True)
    state_file = target / STATE
    state = json.loads(state_file.read_text()) if state_file.exists() else {}
    report = {"copied": [], "updated": [], "kept": [], "unchanged": []}
    fresh = []
    for chapter in chapters:
        copy, name = target / chapter.name, chapter.name
        known = state.get(name)
        committed = digest(chapter)
        if not copy.exists():
            kind = "copied"
        elif known is None or known["source"] == committed:
            report["unchanged"].append(name)
            continue
        elif digest(copy) == known["copy"]:
            kind = "updated"
        else:
            report["kept"].append(name)
            continue
        shutil.copyfile(chapter, copy)
        state[name] = {"source": committed, "copy": digest(copy)}
        report[kind].append(name)
        fresh.append(copy)
    trust(fresh, data_dir)
    state_file.write_text(json.dumps(state, indent=1, sort_keys=True) + "\n")
    return report


def main(argv) -> None:
    if len(argv) != 3:
        raise SystemExit(__doc__)
    source, target = Path(argv[1]), Path(argv[2])
    report = sync(source, target)
    for kind in ("copied", "updated"):
        if report[kind]:
            print(f"{kind} into {target}/: {', '.join(report[kind])}")
    for name in report["kept"]:
        print(f"note: {source / name} has changed since you copied it, and your copy "
              f"{target / name} has your changes: it is kept. To read the new version, rename or "
              f"delete your copy and run `make lab` again.")


if __name__ == "__main__":
    main(sys.argv)
