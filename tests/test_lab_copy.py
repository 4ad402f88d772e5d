"""`make lab`'s working copy (book/lab_copy.py): the reader's copies are made, refreshed while
untouched, kept once the reader has changed them, and trusted when fresh."""
import json

import nbformat
from nbformat.sign import NotebookNotary

from book.lab_copy import STATE, sync


def _chapter(path, text):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(text),
                nbformat.v4.new_code_cell("1 + 1", outputs=[nbformat.v4.new_output(
                    "display_data", data={"text/html": "<script>1</script>", "text/plain": "x"})])]
    nbformat.write(nb, path)


def _trusted(path, data_dir):
    data_dir.mkdir(exist_ok=True)
    return NotebookNotary(data_dir=str(data_dir)).check_signature(
        nbformat.read(path, as_version=4))


def test_copies_are_made_refreshed_and_kept(tmp_path):
    source, target, data = tmp_path / "notebooks", tmp_path / "my-notebooks", tmp_path / "data"
    source.mkdir()
    _chapter(source / "01_a.ipynb", "one")
    _chapter(source / "02_b.ipynb", "two")
    report = sync(source, target, data_dir=data)
    assert report["copied"] == ["01_a.ipynb", "02_b.ipynb"]
    assert (target / "01_a.ipynb").read_bytes() == (source / "01_a.ipynb").read_bytes()
    assert _trusted(target / "01_a.ipynb", data) and _trusted(target / "02_b.ipynb", data)
    assert not _trusted(source / "01_a.ipynb", tmp_path / "other-data")
    assert set(json.loads((target / STATE).read_text())) == {"01_a.ipynb", "02_b.ipynb"}

    assert sync(source, target, data_dir=data)["unchanged"] == ["01_a.ipynb", "02_b.ipynb"]

    # both chapters change in the repository; the reader has worked in chapter 2 only
    _chapter(source / "01_a.ipynb", "one, revised")
    _chapter(source / "02_b.ipynb", "two, revised")
    _chapter(target / "02_b.ipynb", "two, with the reader's notes")
    report = sync(source, target, data_dir=data)
    assert report["updated"] == ["01_a.ipynb"] and report["kept"] == ["02_b.ipynb"]
    assert "one, revised" in (target / "01_a.ipynb").read_text()
    assert "the reader's notes" in (target / "02_b.ipynb").read_text()
    assert _trusted(target / "01_a.ipynb", data)

    # the reader deletes their copy to get the new version
    (target / "02_b.ipynb").unlink()
    assert sync(source, target, data_dir=data)["copied"] == ["02_b.ipynb"]
    assert "two, revised" in (target / "02_b.ipynb").read_text()


def test_a_copy_the_state_does_not_know_is_the_readers(tmp_path):
    source, target = tmp_path / "notebooks", tmp_path / "my-notebooks"
    source.mkdir()
    target.mkdir()
    _chapter(source / "01_a.ipynb", "one")
    _chapter(target / "01_a.ipynb", "the reader's own")
    assert sync(source, target, data_dir=tmp_path / "data")["unchanged"] == ["01_a.ipynb"]
    assert "the reader's own" in (target / "01_a.ipynb").read_text()


def test_binder_trusts_the_chapters(tmp_path):
    """postBuild (run by Binder after installing requirements.txt) signs every chapter."""
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    (tmp_path / "notebooks").mkdir()
    _chapter(tmp_path / "notebooks" / "01_a.ipynb", "one")
    _chapter(tmp_path / "notebooks" / "02_b.ipynb", "two")
    shutil.copy(root / "postBuild", tmp_path / "postBuild")
    data = tmp_path / "data"
    env = dict(os.environ, JUPYTER_DATA_DIR=str(data),
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    subprocess.run(["bash", "postBuild"], cwd=tmp_path, env=env, check=True,
                   capture_output=True)
    assert _trusted(tmp_path / "notebooks" / "01_a.ipynb", data)
    assert _trusted(tmp_path / "notebooks" / "02_b.ipynb", data)
