"""Tests for nnlib.plotting.plot_images and plot_probabilities (the digits chapter's figures)."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

from nnlib.plotting import NEGATIVE, POSITIVE, plot_images, plot_probabilities, tile_images


def test_plot_images_grid_shared_scale_and_titles():
    images = np.arange(5 * 64, dtype=float).reshape(5, 64)
    axes = plot_images(images, titles=list("abcde"), ncols=3)
    assert axes.size == 6                                   # 2 rows of 3
    assert [ax.get_title() for ax in axes[:5]] == list("abcde")
    assert not axes[5].images                               # the spare axes stays empty
    first = axes[0].images[0]
    assert first.get_array().shape == (8, 8)
    assert first.get_clim() == (0.0, images.max())          # one scale for all pictures
    plt.close("all")


def test_plot_images_accepts_3d_and_given_axes():
    fig, axes = plt.subplots(1, 2)
    out = plot_images(np.zeros((2, 3, 4)), axes=axes, vmin=-1, vmax=1, cmap="RdBu")
    assert out[1].images[0].get_array().shape == (3, 4)
    assert out[1].images[0].get_clim() == (-1, 1)
    plt.close(fig)


def test_plot_images_bad_input():
    with pytest.raises(ValueError, match="do not hold 8x8 pictures"):
        plot_images(np.zeros((2, 10)))
    with pytest.raises(ValueError, match="one entry per image"):
        plot_images(np.zeros((2, 64)), titles=["x"])
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="at least 2 axes"):
        plot_images(np.zeros((2, 64)), axes=[ax])
    plt.close("all")


def test_plot_probabilities_colours_predicted_and_true_class():
    fig, ax = plt.subplots()
    plot_probabilities([0.1, 0.6, 0.3], ax=ax, true_label=2)
    colors = [matplotlib.colors.to_hex(bar.get_facecolor()) for bar in ax.patches]
    assert colors == ["#bbbbbb", NEGATIVE.lower(), POSITIVE.lower()]
    assert [bar.get_height() for bar in ax.patches] == [0.1, 0.6, 0.3]
    ax.clear()
    plot_probabilities([0.1, 0.6, 0.3], ax=ax)
    colors = [matplotlib.colors.to_hex(bar.get_facecolor()) for bar in ax.patches]
    assert colors == ["#bbbbbb", POSITIVE.lower(), "#bbbbbb"]
    with pytest.raises(ValueError, match="true_label must be a class in 0..2"):
        plot_probabilities([0.1, 0.6, 0.3], ax=ax, true_label=3)
    with pytest.raises(ValueError, match=r"shape \(k,\)"):
        plot_probabilities(np.ones((2, 3)), ax=ax)
    plt.close(fig)


def test_plot_probabilities_updates_its_bars_in_place():
    fig, ax = plt.subplots()
    plot_probabilities([0.1, 0.6, 0.3], ax=ax, true_label=2)
    bars = list(ax.patches)
    plot_probabilities([0.1, 0.2, 0.7], ax=ax, true_label=2)
    assert list(ax.patches) == bars                          # the same artists, updated
    assert [bar.get_height() for bar in ax.patches] == [0.1, 0.2, 0.7]
    colors = [matplotlib.colors.to_hex(bar.get_facecolor()) for bar in ax.patches]
    assert colors == ["#bbbbbb", "#bbbbbb", POSITIVE.lower()]
    plot_probabilities([0.5, 0.5], ax=ax)                    # another class count: redrawn
    assert len(ax.patches) == 2
    plt.close(fig)


def test_tile_images_layout_and_nan_gaps():
    images = np.arange(5 * 6, dtype=float).reshape(5, 6)     # five 2x3 pictures
    mosaic = tile_images(images, image_shape=(2, 3), ncols=2, pad=1)
    assert mosaic.shape == (3 * 3, 2 * 4)
    np.testing.assert_array_equal(mosaic[1:3, 1:4], images[0].reshape(2, 3))
    np.testing.assert_array_equal(mosaic[1:3, 5:8], images[1].reshape(2, 3))
    np.testing.assert_array_equal(mosaic[4:6, 1:4], images[2].reshape(2, 3))
    np.testing.assert_array_equal(mosaic[7:9, 1:4], images[4].reshape(2, 3))
    assert np.isnan(mosaic[0]).all() and np.isnan(mosaic[:, 0]).all()
    assert np.isnan(mosaic[7:9, 5:8]).all()                  # the missing sixth picture
    assert tile_images(np.zeros((4, 3, 3)), ncols=4, pad=0).shape == (3, 12)
    with pytest.raises(ValueError, match="do not hold 8x8 pictures"):
        tile_images(np.zeros((2, 10)))
