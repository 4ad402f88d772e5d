"""Small data sets, made or loaded offline: nothing is downloaded.

- :func:`font_colors`: background colours labelled with the font that reads best on them;
- :func:`tutorial_xor`: the four-row table of the two-layer tutorial;
- :func:`digits`: scikit-learn's bundled 8x8 handwritten digits;
- :func:`one_hot`: class labels as one-hot rows.
"""
import numpy as np

from .validation import as_float_array, check_positive_int, make_rng

FONT_LABELS = ("light font", "dark font")
"""Names of the classes of :func:`font_colors`: 0 = light font, 1 = dark font."""

LUMINANCE_WEIGHTS = np.array([0.299, 0.587, 0.114])
"""ITU-R BT.601 weights of R, G, B in perceived brightness."""


def luminance(rgb):
    """Perceived luminance 0.299 R + 0.587 G + 0.114 B of colours ``rgb`` (n, 3) -> (n,).

    With R, G, B in 0..255 the result is in 0..255.
    """
    rgb = as_float_array(rgb, "rgb")
    if rgb.ndim != 2 or rgb.shape[1] != 3:
        raise ValueError(f"rgb must have shape (n, 3), got {rgb.shape}")
    return rgb @ LUMINANCE_WEIGHTS.astype(rgb.dtype)


def font_rule(rgb):
    """The labelling rule of :func:`font_colors`: 1 (dark font) if luminance >= 128, else 0."""
    return (luminance(rgb) >= 128).astype(np.int64)


def font_colors(n=1345, seed=0, noise=0.0):
    """Random background colours and the font colour that reads best on each.

    ``n`` defaults to 1,345, the size of the tutorial's data file.

    Returns ``(X, y)``: ``X`` of shape (n, 3), the R, G, B values as whole
    numbers 0..255 (float64); ``y`` of shape (n,), 1 for "dark font" when the
    perceived luminance 0.299 R + 0.587 G + 0.114 B is at least 128 (a light
    background), else 0 for "light font".  ``noise`` is the fraction of
    labels flipped at random, to imitate human disagreement.

    The original tutorial (*Essential Math for Data Science*, ch. 7) used
    colours labelled by people; this rule is a stand-in that can be
    generated offline, so a network that learns it is learning a known,
    nearly linear boundary.
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


def tutorial_xor():
    """The two-layer tutorial's table: X (4, 3) and y (4, 1).

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
