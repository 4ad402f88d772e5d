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


@pytest.fixture
def shell():
    """An IPython shell standing in for the notebook's kernel (get_ipython() returns it)."""
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    yield shell
    for name in list(nnlib.display._BOUND):
        shell.user_ns.pop(name, None)
    nnlib.display._BOUND.clear()
    InteractiveShell.clear_instance()


def test_glue_makes_the_name_a_variable_of_the_notebook(shell):
    nnlib.display.glue("ch0_loss", 0.0014470652543184612, digits=3)
    assert shell.user_ns["ch0_loss"] == 0.00145
    nnlib.display.glue("ch0_loss", 0.5, digits=2)           # glued again: a new value
    assert shell.user_ns["ch0_loss"] == 0.5
    shell.user_ns["n"] = 7
    nnlib.display.glue("n", np.int64(7))                     # the same number: fine
    assert shell.user_ns["n"] == 7


def test_glue_refuses_to_replace_a_variable_of_the_notebook(shell):
    shell.user_ns["accuracy"] = np.float64(0.97345)
    with pytest.raises(ValueError, match="already has a variable 'accuracy'"):
        nnlib.display.glue("accuracy", 0.97345, digits=3)   # would store 0.973
    assert shell.user_ns["accuracy"] == 0.97345
    shell.user_ns["loss"] = "0.5"
    with pytest.raises(ValueError, match="already has a variable 'loss'"):
        nnlib.display.glue("loss", 0.5, digits=1)


@pytest.mark.parametrize("name", ["ch7 acc", "7up", "class", "ch7-acc"])
def test_glue_names_are_python_names(name):
    with pytest.raises(ValueError, match="must be a Python name"):
        nnlib.display.glue(name, 1)


@pytest.mark.parametrize("value, digits, spec", [
    (0.97345, 3, ".3f"), (0.97345, 3, ".1%"), (0.0014470652543184612, 2, ".0e"), (60000, None, ".0f"),
    (1345, None, ""), (0.5, 1, ""), (2.5e-05, 2, ".1e"), ("Tahoma", None, ""), (17, None, ".2f")])
def test_eval_in_jupyterlab_shows_what_the_book_pastes(shell, value, digits, spec):
    """{eval}`f"{name:spec}"` evaluated in the kernel (JupyterLab) gives the text that the book
    pastes for it: myst-nb's glue text formatting of the glued text/plain."""
    from myst_nb.core.variables import format_plain_text

    nnlib.display.glue("ch0_value", value, digits=digits)
    expression = f'f"{{ch0_value:{spec}}}"' if spec else "ch0_value"
    in_lab = shell.ev(expression)
    if not spec:   # jupyterlab-myst shows the text/plain repr, without a string's quotes
        in_lab = repr(in_lab).strip("'")
    stored = repr(shell.user_ns["ch0_value"])
    assert in_lab == format_plain_text(stored, spec or "")
