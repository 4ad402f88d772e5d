"""Small data sets, made or loaded offline: nothing is downloaded.

- :func:`nield_font_colors`: Thomas Nield's light/dark font data (1,345 colours), shipped with
  nnlib under ``nnlib/data/nield-light-dark-font/`` with its licence and provenance;
- :func:`font_colors`: random background colours labelled by the luminance rule
  (:func:`font_rule`), as many as wanted;
- :func:`wcag_font_colors`: random background colours labelled by the WCAG 2 contrast rule
  (:func:`wcag_font_rule`), whose boundary is curved;
- :func:`tutorial_xor`: the four-row table of James Loy's two-layer tutorial;
- :func:`digits`: scikit-learn's bundled 8x8 handwritten digits;
- :func:`one_hot`: class labels as one-hot rows.

Every colour data set uses one label convention: **1 = dark font** (black text reads better on
the background), 0 = light font (white text), as Nield's code and data do.
"""
from importlib import resources

import numpy as np

from .validation import as_float_array, check_positive_int, make_rng

FONT_LABELS = ("light font", "dark font")
"""Names of the classes of every colour data set here: 0 = light font, 1 = dark font."""

LUMINANCE_WEIGHTS = np.array([0.299, 0.587, 0.114])
"""ITU-R BT.601 weights of R, G, B in perceived brightness."""

_LUMINANCE_PER_MILLE = np.array([299, 587, 114])  # the same weights, in thousandths


def luminance(rgb):
    """Perceived luminance 0.299 R + 0.587 G + 0.114 B of colours ``rgb`` (n, 3) -> (n,).

    With R, G, B in 0..255 the result is in 0..255.  It is computed as
    (299 R + 587 G + 114 B) / 1000, which is exact for whole-number channels
    until the one rounding of the division: the grey (128, 128, 128) has
    luminance 128.0, where 0.299 * 128 + 0.587 * 128 + 0.114 * 128 gives
    127.99999999999999 and would put it below the threshold.
    """
    rgb = as_float_array(rgb, "rgb")
    if rgb.ndim != 2 or rgb.shape[1] != 3:
        raise ValueError(f"rgb must have shape (n, 3), got {rgb.shape}")
    return rgb @ _LUMINANCE_PER_MILLE.astype(rgb.dtype) / rgb.dtype.type(1000)


def font_rule(rgb, threshold=128):
    """The luminance rule: 1 (dark font) where :func:`luminance` >= ``threshold``, else 0.

    ``rgb`` (n, 3) in 0..255 -> labels (n,).  :func:`font_colors` labels with the default 128;
    every row of Nield's data (:func:`nield_font_colors`) follows ``threshold=127.5``.
    """
    return (luminance(rgb) >= threshold).astype(np.int64)


def font_colors(n=1345, seed=0, noise=0.0):
    """Random background colours and the font colour that reads best on each.

    ``n`` defaults to 1,345, the number of rows of Nield's data file.

    Returns ``(X, y)``: ``X`` of shape (n, 3), the R, G, B values as whole
    numbers 0..255 (float64); ``y`` of shape (n,), 1 for "dark font" when the
    perceived luminance 0.299 R + 0.587 G + 0.114 B is at least 128 (a light
    background), else 0 for "light font".  ``noise`` is the fraction of
    labels flipped at random (0 by default).

    Nield's own data (:func:`nield_font_colors`) follows the same kind of
    rule: every one of its labels agrees with luminance >= 127.5.  This
    generator makes as many fresh colours as wanted, with a known, linear
    boundary.
    """
    n = check_positive_int(n, "n")
    if isinstance(noise, bool) or not isinstance(noise, (int, float)) or not 0 <= noise <= 0.5:
        raise ValueError(f"noise must be a fraction in [0, 0.5], got {noise!r}")
    rng = make_rng(seed)
    X = rng.integers(0, 256, size=(n, 3)).astype(np.float64)
    y = font_rule(X)
    if noise:
        flip = rng.random(n) < noise
        y[flip] = 1 - y[flip]
    return X, y


def one_hot(labels, n_classes=None, name="labels"):
    """Integer class labels of shape (n,) as one-hot rows of shape (n, n_classes).

    >>> one_hot([0, 2, 1])
    array([[1., 0., 0.],
           [0., 0., 1.],
           [0., 1., 0.]])
    """
    labels = np.asarray(labels)
    if labels.ndim != 1:
        raise ValueError(f"{name} must be 1-D class labels of shape (n,), got shape {labels.shape}")
    if labels.dtype.kind not in "biuf" or (labels.size and not np.all(labels == np.round(labels))):
        raise ValueError(f"{name} must be whole-number class labels, got {labels[:5]}...")
    labels = labels.astype(np.int64)
    if n_classes is None:
        n_classes = int(labels.max()) + 1 if labels.size else 0
    check_positive_int(n_classes, "n_classes")
    if labels.size and (labels.min() < 0 or labels.max() >= n_classes):
        raise ValueError(f"{name} must be class labels in 0..{n_classes - 1}, got values "
                         f"from {labels.min()} to {labels.max()}")
    out = np.zeros((labels.size, n_classes))
    out[np.arange(labels.size), labels] = 1.0
    return out


NIELD_DATA = "data/nield-light-dark-font/light_dark_font_training_set.csv"
"""Nield's CSV inside the nnlib package (its LICENSE and README.md are beside it)."""

NIELD_COLUMNS = ("RED", "GREEN", "BLUE", "LIGHT_OR_DARK_FONT_IND")


def nield_font_colors():
    """Thomas Nield's light/dark font data, exactly as he published it.

    Returns ``(X, y)``: ``X`` of shape (1345, 3), the background colours'
    R, G, B as whole numbers 0..255 (float64), one row per row of his CSV,
    in his order; ``y`` of shape (1345,), int64, **1 = dark font**, 0 = light
    font (the convention of his code and data; the prose of his chapter
    calls 1 "light").

    The rows are not all different colours: only 661 are distinct, and a
    repeated colour always carries the same label.  Every label agrees with
    the luminance rule ``font_rule(X, threshold=127.5)``.

    Source: *Essential Math for Data Science* (O'Reilly, 2022), chapter 7;
    file ``classification/light_dark_font_training_set.csv`` of the
    repository ``thomasnield/machine-learning-demo-data``, Apache License
    2.0.  nnlib ships it unchanged with the licence text and a provenance
    note (``nnlib/data/nield-light-dark-font/``).
    """
    text = resources.files(__package__).joinpath(NIELD_DATA).read_text(encoding="ascii")
    header, *rows = text.splitlines()
    if tuple(header.split(",")) != NIELD_COLUMNS:
        raise ValueError(f"unexpected header in {NIELD_DATA}: {header!r}; "
                         f"expected {','.join(NIELD_COLUMNS)}")
    table = np.array([[int(value) for value in row.split(",")] for row in rows if row],
                     dtype=np.int64)
    return table[:, :3].astype(np.float64), table[:, 3]


# ---------------------------------------------------------------- WCAG 2 contrast
WCAG_WEIGHTS = np.array([0.2126, 0.7152, 0.0722])
"""Weights of the linear R, G, B in WCAG 2's relative luminance (those of sRGB / BT.709)."""


def srgb_to_linear(rgb):
    """sRGB channel values 0..255 -> linear light 0..1, element-wise (any shape).

    WCAG 2's formula: c = value / 255, then c / 12.92 for c <= 0.04045, else
    ((c + 0.055) / 1.055) ** 2.4.  The curve is convex: a channel at half its
    value gives about a fifth of the light.
    """
    c = as_float_array(rgb, "rgb") / 255
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def relative_luminance(rgb):
    """WCAG 2 relative luminance of colours ``rgb`` (n, 3), 0..255 -> (n,) in 0..1.

    0.2126 R + 0.7152 G + 0.0722 B of the *linearised* channels
    (:func:`srgb_to_linear`): 0 for black, 1 for white.
    """
    rgb = as_float_array(rgb, "rgb")
    if rgb.ndim != 2 or rgb.shape[1] != 3:
        raise ValueError(f"rgb must have shape (n, 3), got {rgb.shape}")
    return srgb_to_linear(rgb) @ WCAG_WEIGHTS


def contrast_ratio(luminance_a, luminance_b):
    """WCAG 2 contrast ratio (L_lighter + 0.05) / (L_darker + 0.05) of two relative luminances.

    Element-wise (arrays broadcast); from 1 (no contrast) to 21 (black on white).
    """
    a = as_float_array(luminance_a, "luminance_a")
    b = as_float_array(luminance_b, "luminance_b")
    return (np.maximum(a, b) + 0.05) / (np.minimum(a, b) + 0.05)


WCAG_THRESHOLD = float(np.sqrt(1.05 * 0.05) - 0.05)
"""The relative luminance (about 0.179) at which black and white text have equal contrast."""


def wcag_font_rule(rgb):
    """The WCAG 2 contrast rule: 1 (dark font) where black text has at least the contrast
    ratio of white text on the background, else 0.  ``rgb`` (n, 3) in 0..255 -> (n,).

    Black wins when (L + 0.05) / 0.05 >= 1.05 / (L + 0.05), that is when the
    relative luminance L >= :data:`WCAG_THRESHOLD`.  Because L adds up
    *linearised* channels, the boundary is a curved surface in R, G, B, not
    a plane like :func:`font_rule`'s.
    """
    L = relative_luminance(rgb)
    return (contrast_ratio(L, 0.0) >= contrast_ratio(L, 1.0)).astype(np.int64)


def wcag_font_colors(n=1345, seed=0):
    """Random background colours labelled by :func:`wcag_font_rule`.

    Returns ``(X, y)``: ``X`` (n, 3), R, G, B as whole numbers 0..255
    (float64), drawn as :func:`font_colors` draws them (the same ``seed``
    gives the same colours); ``y`` (n,), 1 = dark font, 0 = light font.
    """
    X, _ = font_colors(n, seed=seed)
    return X, wcag_font_rule(X)


def tutorial_xor():
    """James Loy's table ("How to build your own Neural Network from scratch in Python"):
    X (4, 3) and y (4, 1).

    The third input is always 1 and the target is the XOR of the first two,
    so no single line separates the classes.
    """
    X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=np.float64)
    y = np.array([[0], [1], [1], [0]], dtype=np.float64)
    return X, y


def digits():
    """scikit-learn's 8x8 handwritten digits, scaled: X (1797, 64) in [0, 1], y (1797,) in 0..9.

    The pixel values 0..16 are divided by 16.  Bundled with scikit-learn,
    so no download.  ``X[i].reshape(8, 8)`` is the image.
    """
    from sklearn.datasets import load_digits
    data = load_digits()
    return data.data / 16.0, data.target.astype(np.int64)
