"""nnlib.datasets: Nield's shipped data (unchanged, loaded with the right shapes and label
convention, the facts the book states about it) and the WCAG 2 contrast rule."""
import hashlib
from importlib import resources

import numpy as np
import pytest

from nnlib.datasets import (NIELD_DATA, WCAG_THRESHOLD, contrast_ratio, font_colors, font_rule,
                            luminance, nield_font_colors, relative_luminance, srgb_to_linear,
                            wcag_font_colors, wcag_font_rule)

# SHA-256 of classification/light_dark_font_training_set.csv in thomasnield/machine-learning-demo-data
# (commit 81b77fc): the shipped file must be that file, byte for byte.
NIELD_SHA256 = "723f4e252467aa682bf76b6693a9af8cc3bfbcd324e82d3d3256a14f36d9130d"


def _shipped(name):
    return resources.files("nnlib").joinpath(NIELD_DATA).parent.joinpath(name)


# ------------------------------------------------------------------ Nield's data
def test_nield_csv_is_shipped_unchanged_with_its_licence_and_note():
    assert hashlib.sha256(_shipped("light_dark_font_training_set.csv").read_bytes()).hexdigest() \
        == NIELD_SHA256
    assert "Apache License" in _shipped("LICENSE").read_text()
    note = _shipped("README.md").read_text()
    assert "thomasnield/machine-learning-demo-data" in note and "1 for a dark font" in note


def test_nield_font_colors_shapes_and_values():
    X, y = nield_font_colors()
    assert X.shape == (1345, 3) and X.dtype == np.float64
    assert y.shape == (1345,) and y.dtype == np.int64
    assert X.min() == 0 and X.max() == 255 and np.all(X == np.round(X))
    assert set(np.unique(y)) == {0, 1}
    # the first rows of his file: black and two dark blues, all light font (0)
    assert X[:3].tolist() == [[0, 0, 0], [0, 0, 128], [0, 0, 139]] and y[:3].tolist() == [0, 0, 0]


def test_nield_label_convention_is_one_for_dark_font():
    X, y = nield_font_colors()
    white, black = np.all(X == 255, axis=1), np.all(X == 0, axis=1)
    assert white.any() and black.any()
    assert np.all(y[white] == 1) and np.all(y[black] == 0)   # dark font on white, light on black


def test_nield_facts_the_book_states():
    X, y = nield_font_colors()
    colours, counts = np.unique(X, axis=0, return_counts=True)
    assert len(colours) == 661 and counts.max() == 4
    assert round(100 * y.mean(), 1) == 61.9
    # repeated colours always carry the same label
    for colour in colours[counts > 1]:
        assert len(set(y[np.all(X == colour, axis=1)])) == 1
    # every label follows the luminance rule at 127.5; at 128, 99.4 % do (8 rows differ)
    np.testing.assert_array_equal(font_rule(X, threshold=127.5), y)
    assert round(100 * np.mean(font_rule(X) == y), 1) == 99.4


# ---------------------------------------------------------------- the luminance rule
def test_font_rule_threshold():
    grey = np.array([[127, 127, 127], [129, 129, 129]], dtype=float)
    assert luminance(grey).round(6).tolist() == [127, 129]
    assert font_rule(grey).tolist() == [0, 1]
    assert font_rule(grey, threshold=127.5).tolist() == [0, 1]
    assert font_rule(grey, threshold=126.5).tolist() == [1, 1]


def test_luminance_on_the_threshold_is_exact():
    # 0.299 * 128 + 0.587 * 128 + 0.114 * 128 is 127.99999999999999 in floating point: the grey
    # of 128, on the threshold, must still get the dark font, as every whole-number colour
    # whose luminance is exactly 128 (111 of them) must
    assert luminance(np.array([[128, 128, 128]])).tolist() == [128.0]
    channels = np.arange(256)
    R, G, B = np.meshgrid(channels, channels, channels, indexing="ij")
    on_threshold = (299 * R + 587 * G + 114 * B) == 128_000        # exact, in integers
    colours = np.column_stack([R[on_threshold], G[on_threshold], B[on_threshold]])
    assert len(colours) == 111
    assert np.all(luminance(colours) == 128.0)
    assert np.all(font_rule(colours) == 1)
    assert np.all(luminance(colours.astype(np.float32)) == 128.0)
    below = colours - np.array([0, 0, 1])[None, :]
    assert np.all(font_rule(below[below[:, 2] >= 0]) == 0)


# ---------------------------------------------------------------- WCAG 2 contrast
def test_srgb_linearisation_known_values():
    assert srgb_to_linear(0.0) == 0 and srgb_to_linear(255.0) == pytest.approx(1)
    # the linear piece below 0.04045 * 255 = 10.3
    assert srgb_to_linear(10.0) == pytest.approx(10 / 255 / 12.92)
    # half the signal is about a fifth of the light
    assert srgb_to_linear(128.0) == pytest.approx(0.21586, abs=1e-5)
    values = srgb_to_linear(np.arange(256.0))
    assert np.all(np.diff(values) > 0) and np.all(np.diff(values, 2) > -1e-12)   # convex


def test_relative_luminance_and_contrast_known_values():
    L = relative_luminance([[0, 0, 0], [255, 255, 255], [255, 0, 0], [0, 255, 0], [0, 0, 255]])
    np.testing.assert_allclose(L, [0, 1, 0.2126, 0.7152, 0.0722], atol=1e-12)
    assert contrast_ratio(0.0, 1.0) == pytest.approx(21)
    assert contrast_ratio(1.0, 0.0) == pytest.approx(21)          # order does not matter
    # WCAG's own example: #777777 on white is 4.48:1, just short of the 4.5 of level AA
    grey = relative_luminance([[0x77, 0x77, 0x77]])
    assert contrast_ratio(grey, 1.0)[0] == pytest.approx(4.478, abs=1e-3)
    with pytest.raises(ValueError, match=r"shape \(n, 3\)"):
        relative_luminance([1, 2, 3])


def test_wcag_rule_equal_contrast_threshold():
    L = np.array([WCAG_THRESHOLD])
    np.testing.assert_allclose(contrast_ratio(L, 0.0), contrast_ratio(L, 1.0), rtol=1e-12)
    assert WCAG_THRESHOLD == pytest.approx(0.17913, abs=1e-5)
    greys = np.repeat(np.arange(256.0)[:, None], 3, axis=1)
    labels = wcag_font_rule(greys)
    assert np.all(np.diff(labels) >= 0)                 # dark font from one grey level up
    assert int(np.argmax(labels)) == 118                 # grey 117 -> white text, 118 -> black
    assert wcag_font_rule([[0, 0, 255]])[0] == 0         # pure blue: white text always wins
    assert wcag_font_rule([[255, 255, 0]])[0] == 1


def _boundary(direction):
    """The scale t in 0..1 at which the colour t * direction (0..255) flips to dark font."""
    direction = np.asarray(direction, dtype=float)
    low, high = 0.0, 1.0
    for _ in range(60):
        middle = (low + high) / 2
        if wcag_font_rule(np.array([middle * direction]))[0]:
            high = middle
        else:
            low = middle
    return (low + high) / 2 * direction


def test_wcag_boundary_is_curved_not_a_plane():
    red, green = _boundary([255, 0, 0]), _boundary([0, 255, 0])
    # a plane through two boundary points contains their midpoint; this rule puts it on the
    # light-font side, clearly (its luminance is well below the threshold), because the
    # linearisation is convex
    midpoint = (red + green) / 2
    assert wcag_font_rule([midpoint])[0] == 0
    assert relative_luminance([midpoint])[0] < 0.8 * WCAG_THRESHOLD
    # while the luminance rule, a plane, keeps it on its boundary
    red_L, green_L = 127.5 / 0.299, 127.5 / 0.587
    assert luminance([[red_L / 2, green_L / 2, 0]])[0] == pytest.approx(127.5)


def test_wcag_font_colors_same_colours_as_font_colors():
    X, y = wcag_font_colors(300, seed=4)
    X2, _ = font_colors(300, seed=4)
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(y, wcag_font_rule(X))
    assert y.dtype == np.int64 and set(np.unique(y)) == {0, 1}
    # the two rules disagree on a real share of colours
    assert 0.05 < np.mean(y != font_rule(X)) < 0.3
