"""nnlib.interactive: figures that move with no kernel, and the one patch of matplotlib's internals.

- ``interactive_figure`` draws every combination of its controls' options and links the
  pictures' Stacks to the controls in the browser (jslink), so that no Python is needed;
- ``animation_html`` renders every frame once (matplotlib's private ``_post_draw`` skipped: the
  test counts the draws, so a matplotlib upgrade that breaks the patch fails it loudly) and
  returns the page's player;
- ``nnlib.plotting`` still exports the three names chapters import from it.
"""
from __future__ import annotations

import json
import re

import ipywidgets as widgets
import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.animation import FuncAnimation  # noqa: E402

import nnlib.plotting  # noqa: E402
from nnlib import interactive  # noqa: E402
from nnlib.interactive import _skip_screen_draw, animation_html, interactive_figure  # noqa: E402


def test_plotting_reexports_the_interactive_helpers():
    for name in ("interactive_figure", "animation_html", "LiveFigure"):
        assert getattr(nnlib.plotting, name) is getattr(interactive, name)


# ------------------------------------------------------------------------ interactive_figure
def browser_links():
    """(source model id, trait, target model id, trait) of every jslink in the widget state."""
    state = widgets.Widget.get_manager_state()["state"]
    return {(m["state"]["source"][0].removeprefix("IPY_MODEL_"), m["state"]["source"][1],
             m["state"]["target"][0].removeprefix("IPY_MODEL_"), m["state"]["target"][1])
            for m in state.values() if m["model_name"] == "LinkModel"}


def test_interactive_figure_draws_every_combination_and_links_it_in_the_browser():
    calls = []

    def draw(ax, slope, colour):
        calls.append((slope, colour))
        ax.plot([0, 1], [0, slope], color=colour)
        ax.set_title(f"{slope} {colour}")

    slope = widgets.SelectionSlider(options=[1, 2, 3], value=2, description="slope")
    colour = widgets.Dropdown(options=["red", "blue"], value="blue", description="colour")
    box = interactive_figure(draw, figsize=(3, 2), dpi=50, slope=slope, colour=colour)
    assert sorted(calls) == sorted((s, c) for s in (1, 2, 3) for c in ("red", "blue"))
    assert box.children[:2] == (slope, colour)
    outer = box.children[2]
    assert isinstance(outer, widgets.Stack) and len(outer.children) == 3
    assert outer.selected_index == slope.index == 1
    pictures = []
    for i, inner in enumerate(outer.children):
        assert isinstance(inner, widgets.Stack) and inner.selected_index == colour.index == 1
        for j, image in enumerate(inner.children):
            assert isinstance(image, widgets.Image) and bytes(image.value).startswith(b"\x89PNG")
            pictures.append(bytes(image.value))
    assert len(set(pictures)) == 6, "every combination should give its own picture"
    # the links are jslinks: LinkModels in the saved widget state, run by the browser
    found = browser_links()
    assert (slope.model_id, "index", outer.model_id, "selected_index") in found
    for inner in outer.children:
        assert (colour.model_id, "index", inner.model_id, "selected_index") in found


def test_interactive_figure_refuses_controls_without_options():
    with pytest.raises(TypeError, match="control 'weight' must be a selection control"):
        interactive_figure(lambda ax, weight: None, weight=widgets.FloatSlider())
    with pytest.raises(TypeError, match="at least one control"):
        interactive_figure(lambda ax: None)
    with pytest.raises(TypeError, match="draw must be a function"):
        interactive_figure("draw", a=widgets.Dropdown(options=[1]))
    many = {f"c{k}": widgets.Dropdown(options=list(range(5))) for k in range(3)}
    with pytest.raises(ValueError, match="125 combinations"):
        interactive_figure(lambda ax, **v: None, **many)


def test_palette_pictures_are_smaller_and_still_pngs():
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot(np.linspace(0, 1, 50), np.linspace(0, 1, 50) ** 2, label="x²")
    ax.legend()
    full = interactive._encode(fig, 100, None)
    small = interactive._encode(fig, 100, 64)
    plt.close(fig)
    assert small.startswith(b"\x89PNG") and len(small) < 0.8 * len(full)


# ---------------------------------------------------------------------------- animation_html
def counting_animation(frames=5):
    fig, ax = plt.subplots(figsize=(3, 2), dpi=40)
    line, = ax.plot([], [])
    draws = []
    original = fig.draw

    def draw(renderer):
        draws.append(1)
        return original(renderer)

    fig.draw = draw

    def frame(i):
        line.set_data([0, 1], [0, i])
        ax.set_title(f"frame {i}")
        return (line,)

    return FuncAnimation(fig, frame, frames=frames), fig, draws


def test_animation_frames_are_drawn_once_each():
    """Fails loudly if matplotlib no longer calls the private _post_draw that nnlib skips: then
    every frame would be drawn twice again (once for a screen there is none of)."""
    animation, fig, draws = counting_animation(5)
    html = animation_html(animation, alt="five frames").data
    assert len(draws) == 5, f"{len(draws)} figure draws for 5 frames: the _post_draw patch " \
                            f"no longer takes effect in matplotlib {matplotlib.__version__}"
    assert not plt.fignum_exists(fig.number), "the animation's figure should be closed"
    frames = json.loads(re.search(r'class="nnlib-frames">(.*?)</script>', html).group(1))
    assert len(frames["sources"]) == 5 and frames["sources"][0] is None
    assert html.count("data:image/png;base64,") == 5
    assert 'alt="five frames"' in html and frames["mode"] == "once"


def test_animation_html_is_the_same_on_every_run():
    first = animation_html(counting_animation(3)[0], alt="x").data
    second = animation_html(counting_animation(3)[0], alt="x").data
    assert first == second


def test_skip_screen_draw_names_what_matplotlib_no_longer_has():
    class NotAnAnimation:
        _fig = None

    with pytest.raises(RuntimeError, match="_interval, _post_draw, _draw_next_frame missing"):
        _skip_screen_draw(NotAnAnimation())


@pytest.mark.filterwarnings("ignore:Animation was deleted without rendering")
def test_animation_html_bad_input():
    animation = counting_animation(2)[0]
    with pytest.raises(ValueError, match="alt"):
        animation_html(animation, alt=" ")
    with pytest.raises(ValueError, match="default_mode must be one of"):
        animation_html(counting_animation(2)[0], alt="x", default_mode="bounce")
    plt.close("all")


def test_interactive_figure_says_to_run_the_cell_where_it_cannot_be_drawn():
    """A notebook JupyterLab does not trust shows a saved widget's plain text: a hint to run
    the cell, not "VBox(children=(...))"."""
    box = interactive_figure(lambda ax, n: ax.plot([0, n]), figsize=(2, 1), dpi=20,
                             n=widgets.Dropdown(options=[1, 2]))
    bundle = box._repr_mimebundle_()
    assert bundle["text/plain"] == interactive.RUN_HINT
    assert "run this cell" in interactive.RUN_HINT
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == box.model_id
    assert isinstance(box, widgets.VBox)


# ---------------------------------------------------------------- errors in widget callbacks
def test_a_callback_error_shows_in_the_widgets_output_and_the_next_call_works():
    import ipywidgets as widgets

    from nnlib.interactive import shows_errors
    output = widgets.Output()
    calls = []

    @shows_errors(output)
    def on_click(value):
        if value == "bad":
            raise ValueError("colour must be a CSS colour, got 'bad'")
        calls.append(value)

    on_click("good")
    assert calls == ["good"] and output.outputs == ()
    on_click("bad")                                   # no exception escapes to ipywidgets
    shown = "".join(o.get("text", "") for o in output.outputs)
    assert "ValueError: colour must be a CSS colour, got 'bad'" in shown
    assert "on_click" in shown                         # which callback failed
    on_click("fine")                                   # the control still works
    assert calls == ["good", "fine"]
    assert output.outputs == ()                        # a good call clears the old error
