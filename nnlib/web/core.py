"""What every page carries: networks and numbers rounded to :data:`PAGE_DIGITS`, the book's
colours, and the checks of the arguments shared by the widgets."""
import json
import math

import numpy as np

from ..network import Network

PAGE_DIGITS = 8
"""Significant digits of the numbers a page carries (weights, losses): plenty for its pictures
and for its outputs to equal nnlib's to about 1e-9, and fewer than the last digits of a trained
weight, which depend on the CPU's rounding (another machine's BLAS kernels give others)."""


LOSS_LABELS = {"sse": "sum of squared errors", "mse": "mean squared error",
               "binary_crossentropy": "cross-entropy", "categorical_crossentropy": "cross-entropy"}
"""What the pages call each of nnlib's losses (axis labels)."""


def rounded(values, digits=PAGE_DIGITS):
    """``values`` (a number or nested lists of numbers) rounded to ``digits`` significant
    digits, as plain Python floats."""
    if isinstance(values, (list, tuple, np.ndarray)):
        return [rounded(v, digits) for v in values]
    return float(f"{float(values):.{digits}g}")


def network_dict(network, name="network"):
    """``network`` (a Network or the dict of :meth:`Network.to_dict`) as a new dict."""
    if isinstance(network, Network):
        return network.to_dict()
    if isinstance(network, dict):
        Network.from_dict(network)   # validates the dict
        return json.loads(json.dumps(network))   # a copy, so that rounding leaves it alone
    raise TypeError(f"{name} must be a Network or the dict of Network.to_dict(), "
                    f"got {type(network).__name__}")


def page_network(network):
    """The network as a page carries it: :meth:`Network.to_dict` with every weight and bias
    rounded to :data:`PAGE_DIGITS` significant digits.

    ``Network.from_dict(page_network(network))`` is the network a page computes with; its
    outputs differ from ``network``'s by about 1e-8 relative, the same on every machine.
    """
    spec = network_dict(network)
    for layer in spec["layers"]:
        layer["weights"], layer["bias"] = rounded(layer["weights"]), rounded(layer["bias"])
    return spec


def snapshot(network, label, **values):
    """One frame for :func:`training_frames_html`: the network's weights now, a label, numbers.

    ``label`` says when the snapshot was taken (e.g. "epoch 3 (2,688 steps)"); ``values`` are
    numbers shown with it, e.g. ``epoch=3, loss=40.3, accuracy=0.94`` ("epoch" places the frame
    on the loss curve).  Returns a dict with "network" (:func:`page_network`), "label" and
    the values (floats rounded to :data:`PAGE_DIGITS` significant digits).
    """
    if not isinstance(network, Network):
        raise TypeError(f"network must be a Network, got {type(network).__name__}")
    if not isinstance(label, str):
        raise TypeError(f"label must be a string, got {type(label).__name__}")
    for key, value in values.items():
        if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)) \
                or not math.isfinite(value):
            raise ValueError(f"{key} must be a finite number, got {value!r}")
    return {"network": page_network(network), "label": label,
            **{k: (int(v) if isinstance(v, (int, np.integer)) else rounded(v))
               for k, v in values.items()}}


def book_colors():
    """The colours the pages draw with, the same as nnlib.plotting's matplotlib figures."""
    from ..plotting import COLORS, NEGATIVE, POSITIVE
    return {"positive": POSITIVE, "negative": NEGATIVE, "cycle": list(COLORS)}


def colormap_table(name="RdBu"):
    """matplotlib's colour map ``name`` as its 256 colours, [r, g, b] in 0..255 each: the page
    looks a value p in [0, 1] up as matplotlib does (entry floor(256 p), the last for p = 1)."""
    import matplotlib
    cmap = matplotlib.colormaps[name].resampled(256)
    return np.rint(cmap(np.arange(256))[:, :3] * 255).astype(int).tolist()


def check_rgb(rgb, name):
    values = np.asarray(rgb, dtype=float)
    if values.shape != (3,) or not np.all((values >= 0) & (values <= 255)):
        raise ValueError(f"{name} must be three numbers (R, G, B) in 0..255, got {rgb!r}")
    return [int(round(v)) for v in values]


def check_positive(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)) \
            or not value > 0 or not math.isfinite(value):
        raise ValueError(f"{name} must be a positive number, got {value!r}")
    return float(value)


def check_font_network(spec, name="network"):
    if spec["layers"][0]["n_inputs"] != 3 or spec["layers"][-1]["n_outputs"] != 1:
        raise ValueError(f"{name} must take 3 inputs (R, G, B) and give 1 output, got "
                         f"{spec['layers'][0]['n_inputs']} inputs and "
                         f"{spec['layers'][-1]['n_outputs']} outputs")


def check_colours(colours, name):
    """``colours`` as a list of [R, G, B] whole numbers in 0..255 (shape (n, 3))."""
    values = np.asarray(colours, dtype=float)
    if values.ndim != 2 or values.shape[1] != 3 or not len(values):
        raise ValueError(f"{name} must have shape (n, 3), got {values.shape}")
    if not np.all((values >= 0) & (values <= 255)) or not np.all(values == np.rint(values)):
        raise ValueError(f"{name} must hold whole numbers 0..255 (R, G, B)")
    return values.astype(int).tolist()


def check_labels(labels, n, name):
    """``labels`` as a list of n zeros and ones."""
    values = np.asarray(labels).reshape(-1)
    if values.shape != (n,) or not np.all((values == 0) | (values == 1)):
        raise ValueError(f"{name} must be {n} labels, each 0 or 1, got shape "
                         f"{np.shape(labels)}")
    return values.astype(int).tolist()
