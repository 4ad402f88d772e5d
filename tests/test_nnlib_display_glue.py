"""nnlib.display.glue writes exactly what myst_nb.glue(..., display=False) writes (for NumPy
scalars: what it writes for the Python number they hold)."""
import numpy as np
import pytest

import nnlib.display


def _captured(monkeypatch, module, attribute, call):
    seen = []
    monkeypatch.setattr(module, attribute,
                        lambda data, raw, metadata: seen.append((data, raw, metadata)))
    call()
    assert len(seen) == 1
    return seen[0]


@pytest.mark.parametrize("value", [0.123456789, 42, np.float64(2.5e-17), "text", np.int64(7)])
def test_glue_matches_myst_nb(monkeypatch, value):
    import IPython.display
    import myst_nb.ext.glue as myst_glue

    plain = value.item() if isinstance(value, np.generic) else value   # see the docstring
    theirs = _captured(monkeypatch, myst_glue, "ipy_display",
                       lambda: myst_glue.glue("name", plain, display=False))
    ours = _captured(monkeypatch, IPython.display, "display",
                     lambda: nnlib.display.glue("name", value))
    assert ours == theirs
    data, raw, metadata = ours
    assert raw is True
    assert metadata["scrapbook"] == {"name": "name", "mime_prefix": nnlib.display.GLUE_PREFIX}
    assert data[nnlib.display.GLUE_PREFIX + "text/plain"] == repr(plain)
    if not isinstance(value, str):
        float(data[nnlib.display.GLUE_PREFIX + "text/plain"])   # what {glue:text} formats parse


def test_glue_needs_a_name():
    with pytest.raises(TypeError, match="name must be a non-empty string"):
        nnlib.display.glue("", 1.0)
