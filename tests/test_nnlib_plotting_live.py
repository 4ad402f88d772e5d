"""Tests for nnlib.plotting.LiveFigure and the decision-surface helpers the live explorer uses."""
import io

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from nnlib import Dense, Network
from nnlib.datasets import luminance
from nnlib.plotting import LiveFigure, decision_surface, luminance_boundary


def pixels(data):
    """Decoded RGB pixels of an image file's bytes, shape (height, width, 3)."""
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB")).astype(int)


def scene(slope):
    """A still title and axes and, on top, an image and a line that runs past it.

    Returns (figure, image, line).
    """
    figure = Figure(figsize=(3, 2), dpi=50)
    ax = figure.subplots()
    ax.set(title="still title", xlim=(0, 1), ylim=(0, 1))
    image = ax.imshow(np.linspace(0, 1, 16).reshape(4, 4) * slope % 1,
                      extent=(0.2, 0.8, 0.2, 0.8), vmin=0, vmax=1, zorder=3)
    line, = ax.plot([0, 1], [0, slope / 4], color="black", linewidth=2, zorder=4)
    return figure, image, line


def full_draw(slope):
    """The scene drawn whole by matplotlib (savefig), as RGB pixels."""
    figure, _, _ = scene(slope)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return pixels(buffer.getvalue())


def test_live_redraw_equals_a_full_draw_of_the_changed_figure():
    figure, image, line = scene(1)
    live = LiveFigure(figure, [image, line], format="png")
    first = pixels(live.render())
    np.testing.assert_array_equal(first, full_draw(1))
    for slope in (2, 3):                   # change the live artists in place, render again
        image.set_data(np.linspace(0, 1, 16).reshape(4, 4) * slope % 1)
        line.set_ydata([0, slope / 4])
        np.testing.assert_array_equal(pixels(live.render()), full_draw(slope))


def test_still_parts_change_only_after_redraw_still():
    figure, image, line = scene(1)
    live = LiveFigure(figure, [image, line], format="png")
    before = pixels(live.render())
    figure.axes[0].set_title("a new title")     # the title is still, not live
    np.testing.assert_array_equal(pixels(live.render()), before)
    live.redraw_still()
    assert np.any(pixels(live.render()) != before)


def test_replace_removes_the_old_artist():
    figure, image, line = scene(1)
    live = LiveFigure(figure, [image, line], format="png")
    ax = figure.axes[0]
    new, = ax.plot([0, 1], [1, 0], color="red", zorder=4)
    assert live.replace(line, new) is new
    assert line not in ax.lines and line not in live.live and new in live.live
    assert new.get_animated()
    red = pixels(live.render())
    assert np.any((red[..., 0] > 200) & (red[..., 1] < 60))   # the new red line is drawn


def test_jpeg_is_the_default_and_close_to_the_png():
    figure, image, line = scene(1)
    live = LiveFigure(figure, [image, line])
    jpeg = live.render()
    assert live.format == "jpeg" and jpeg[:3] == b"\xff\xd8\xff"   # JPEG's magic number
    png = LiveFigure(scene(1)[0], [], format="png")
    assert pixels(jpeg).shape == (100, 150, 3) == pixels(png.render()).shape
    assert np.mean(np.abs(pixels(jpeg) - full_draw(1))) < 3   # mean error, of 255


def test_live_figure_bad_input():
    figure, image, line = scene(1)
    with pytest.raises(TypeError, match="matplotlib Figure, got Axes"):
        LiveFigure(figure.axes[0])
    with pytest.raises(ValueError, match="'jpeg' or 'png', got 'gif'"):
        LiveFigure(figure, format="gif")
    with pytest.raises(ValueError, match="from 1 to 95, got 100"):
        LiveFigure(figure, quality=100)
    with pytest.raises(TypeError, match="matplotlib Artist, got ndarray"):
        LiveFigure(figure, [np.zeros(3)])


def test_decision_surface_is_the_network_on_the_grid():
    network = Network([Dense(3, 4, activation="tanh"), Dense(4, 1, activation="sigmoid")],
                      loss="binary_crossentropy", seed=1)
    gx, gy, surface = decision_surface(network, features=(2, 0), fixed=[0.1, 0.2, 0.3],
                                       extent=(-1, 1, 0, 2), resolution=7)
    assert gx.shape == gy.shape == surface.shape == (7, 7)
    assert gx[0, 0] == -1 and gx[0, -1] == 1 and gy[0, 0] == 0 and gy[-1, 0] == 2
    i, j = 3, 5
    point = np.array([[gy[i, j], 0.2, gx[i, j]]])       # input 2 across, input 0 up
    assert surface[i, j] == pytest.approx(network.predict_proba(point)[0, 0], rel=1e-12)
    with pytest.raises(ValueError, match=r"one value per input, shape \(3,\), got \(2,\)"):
        decision_surface(network, fixed=[0.5, 0.5])


def test_decision_surface_of_several_classes_is_the_top_probability():
    network = Network([Dense(2, 3, activation="softmax")], loss="categorical_crossentropy",
                      seed=2)
    gx, gy, surface = decision_surface(network, resolution=5)
    proba = network.predict_proba(np.column_stack([gx.ravel(), gy.ravel()]))
    np.testing.assert_allclose(surface.ravel(), proba.max(axis=1), rtol=1e-12)


def test_luminance_boundary_points_have_luminance_128():
    xs, ys = luminance_boundary(features=(2, 1), fixed=[40, 0, 0], channel_max=255)
    assert len(xs) == len(ys) > 10
    colours = np.column_stack([np.full_like(xs, 40), ys, xs])    # blue across, green up
    np.testing.assert_allclose(luminance(colours), 128)
    with pytest.raises(ValueError, match="colour of 3 values"):
        luminance_boundary(fixed=[0.5, 0.5])
