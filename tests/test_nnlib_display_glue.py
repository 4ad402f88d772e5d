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


@pytest.mark.parametrize("value", [0.123, 42, np.float64(2.5e-17), "text", np.int64(7), True])
def test_glue_matches_myst_nb(monkeypatch, value):
    import IPython.display
    import myst_nb.ext.glue as myst_glue

    plain = value.item() if isinstance(value, np.generic) else value   # see the docstring
    theirs = _captured(monkeypatch, myst_glue, "ipy_display",
                       lambda: myst_glue.glue("name", plain, display=False))
    ours = _captured(monkeypatch, IPython.display, "display",
                     lambda: nnlib.display.glue("name", value, digits=3))
    assert ours == theirs
    data, raw, metadata = ours
    assert raw is True
    assert metadata["scrapbook"] == {"name": "name", "mime_prefix": nnlib.display.GLUE_PREFIX}
    assert data[nnlib.display.GLUE_PREFIX + "text/plain"] == repr(plain)
    if not isinstance(value, (str, bool)):
        float(data[nnlib.display.GLUE_PREFIX + "text/plain"])   # what {glue:text} formats parse


def test_glue_needs_a_name():
    with pytest.raises(TypeError, match="name must be a non-empty string"):
        nnlib.display.glue("", 1.0)


@pytest.mark.parametrize("value, digits, stored", [
    (0.0014470652543184612, 3, 0.00145), (0.0014470652543184545, 3, 0.00145),
    (191.6350232589987, 4, 191.6), (709.782712893384, 5, 709.78), (np.float32(0.1), 2, 0.1),
    (0.9711111111111111, 4, 0.9711), (-2.6e-17, 1, -3e-17), (7, 2, 7)])
def test_glue_rounds_floats_to_the_digits_they_mean(monkeypatch, value, digits, stored):
    import IPython.display

    data, _, _ = _captured(monkeypatch, IPython.display, "display",
                           lambda: nnlib.display.glue("name", value, digits=digits))
    assert data[nnlib.display.GLUE_PREFIX + "text/plain"] == repr(stored)


@pytest.mark.parametrize("value", [0.5, np.float64(0.0014470652543184612), 1e-300])
def test_glue_refuses_a_float_without_digits(value):
    with pytest.raises(TypeError, match=r"glue\('loss', .*\): a float needs digits="):
        nnlib.display.glue("loss", value)


@pytest.mark.parametrize("value, error, message", [
    (float("nan"), ValueError, "must be finite"), (np.inf, ValueError, "must be finite"),
    ([0.5], TypeError, "stores numbers and strings, got list"),
    (np.array([0.5, 0.25]), TypeError, "got ndarray"), (1 + 2j, TypeError, "got complex")])
def test_glue_refuses_what_it_cannot_store_faithfully(value, error, message):
    with pytest.raises(error, match=message):
        nnlib.display.glue("name", value, digits=3)


@pytest.mark.parametrize("digits", [0, 13, 2.5, True, "3"])
def test_glue_checks_digits(digits):
    with pytest.raises(ValueError, match="digits must be an integer from 1 to 12"):
        nnlib.display.glue("name", 0.5, digits=digits)
