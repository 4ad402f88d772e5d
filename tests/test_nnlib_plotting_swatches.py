"""Tests for nnlib.plotting.plot_swatches and plot_luminance_boundary (the font chapter's figures)."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

from nnlib.datasets import luminance
from nnlib.plotting import plot_luminance_boundary, plot_swatches


def test_swatches_draw_colour_and_font():
    rgb = np.array([[255, 255, 255], [0, 0, 0], [255, 0, 0]])
    ax = plot_swatches(rgb, [1, 0, 0.7], ncols=2, captions=["a", "b", "c"])
    faces = [p.get_facecolor()[:3] for p in ax.patches]
    np.testing.assert_allclose(faces, rgb / 255)
    texts = [t for t in ax.texts if t.get_text() == "Aa"]
    assert [matplotlib.colors.to_hex(t.get_color()) for t in texts] == ["#000000", "#ffffff",
                                                                        "#000000"]
    assert {t.get_text() for t in ax.texts} >= {"a", "b", "c"}
    plt.close("all")


def test_swatches_bad_input():
    with pytest.raises(ValueError, match=r"shape \(n, 3\)"):
        plot_swatches(np.zeros((2, 4)), [0, 1])
    with pytest.raises(ValueError, match="0..255"):
        plot_swatches([[300, 0, 0]], [0])
    with pytest.raises(ValueError, match="one value per colour"):
        plot_swatches(np.zeros((2, 3)), [0])
    with pytest.raises(ValueError, match="one entry per colour"):
        plot_swatches(np.zeros((2, 3)), [0, 1], captions=["x"])


@pytest.mark.parametrize("features", [(0, 1), (2, 0), (1, 2)])
@pytest.mark.parametrize("channel_max", [1.0, 255.0])
def test_luminance_boundary_lies_on_luminance_128(features, channel_max):
    fig, ax = plt.subplots()
    fixed = np.array([0.3, 0.4, 0.5]) * channel_max
    plot_luminance_boundary(ax, features=features, fixed=fixed, channel_max=channel_max)
    line = ax.lines[0]
    xs, ys = line.get_xdata(), line.get_ydata()
    assert len(xs) > 10
    colours = np.tile(fixed, (len(xs), 1))
    colours[:, features[0]], colours[:, features[1]] = xs, ys
    np.testing.assert_allclose(luminance(colours * 255 / channel_max), 128)
    assert line.get_linestyle() == "--"
    plt.close(fig)


def test_luminance_boundary_bad_features():
    with pytest.raises(ValueError, match="two different channels"):
        plot_luminance_boundary(features=(1, 1))
