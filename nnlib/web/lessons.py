"""Widgets for the lessons of chapters 1, 4, 6 and 8, and the player of pre-rendered frames."""
import base64
import hashlib

import numpy as np

from . import _assets
from .core import LOSS_LABELS, book_colors, page_network, rounded

PLAYER_MODES = ("once", "loop", "reflect")


def player_html(frames, alt, interval=200, mode="once", element_id=None):
    """HTML that plays ``frames`` (PNG pictures as bytes) in the page: one picture, a frame
    slider, and first / previous / play-pause / next / last buttons.

    ``alt`` describes what the frames show; ``interval`` is the time per frame in ms when
    playing; ``mode`` what play does at the last frame: "once" (stop), "loop" (go on from the
    first) or "reflect" (turn back).  The element id is made from the frames themselves (unless
    given), so the same frames give the same HTML.  :func:`nnlib.plotting.animation_html`
    makes the frames of a matplotlib animation and calls this.
    """
    frames = list(frames)
    if not frames or not all(isinstance(f, bytes) and f.startswith(b"\x89PNG") for f in frames):
        raise ValueError("frames must be a non-empty list of PNG pictures (bytes)")
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError("alt must be a non-empty description of the frames")
    if mode not in PLAYER_MODES:
        raise ValueError(f"mode must be one of {', '.join(PLAYER_MODES)}, got {mode!r}")
    if isinstance(interval, bool) or not isinstance(interval, (int, float)) or not interval > 0:
        raise ValueError(f"interval must be a positive number of milliseconds, got {interval!r}")
    sources = ["data:image/png;base64," + base64.b64encode(f).decode("ascii") for f in frames]
    if element_id is None:
        element_id = "player-" + hashlib.sha256("".join(sources).encode()).hexdigest()[:16]
    # the first frame is in the <img> already, so the list leaves it out (null)
    data = {"sources": [None] + sources[1:], "interval": interval, "mode": mode}
    body = _assets.render("player.html", first=sources[0], last=len(frames) - 1,
                          count=len(frames), alt=_assets.attribute(alt),
                          frames_json=_assets.data_script("nnlib-frames", data))
    return _assets.widget("player animation", element_id, body, ("player.js",), "player",
                          library=("draw.js",))


def digit_reader_html(network, images, labels, initial=0, element_id="digit-reader", levels=16,
                      image_shape=(8, 8), class_names=None):
    """HTML to step through ``images`` (e.g. a test set) with ``network``'s forward pass in the
    page: a slider picks an image (buttons jump to the network's mistakes), which is drawn with
    the network's probabilities for it as bars and its reading in words.

    ``images`` is (n, h * w) with pixel values k / ``levels`` for whole k in 0..levels (as
    :func:`nnlib.datasets.digits` gives them: levels 16); the page carries each pixel as one
    character, k in base levels + 1, and computes k / levels, the same number as in Python.
    ``labels`` are the true classes; ``network`` (carried rounded, :func:`page_network`) maps
    h * w inputs to one probability per class. For tests, the root element carries
    ``data-index`` and ``data-probabilities`` (JSON). Returns a string for
    ``IPython.display.HTML``.
    """
    spec = page_network(network)
    images = np.asarray(images, dtype=float)
    h, w = image_shape
    if images.ndim != 2 or images.shape[1] != h * w or spec["layers"][0]["n_inputs"] != h * w:
        raise ValueError(f"images must have shape (n, {h * w}) and the network {h * w} inputs, "
                         f"got {images.shape} and {spec['layers'][0]['n_inputs']}")
    if isinstance(levels, bool) or not isinstance(levels, int) or not 1 <= levels <= 35:
        raise ValueError(f"levels must be a whole number from 1 to 35, got {levels!r}")
    steps = images * levels
    if not np.array_equal(steps, np.rint(steps)) or steps.min() < 0 or steps.max() > levels:
        raise ValueError(f"pixel values must be k / {levels} for whole k in 0..{levels}")
    k = spec["layers"][-1]["n_outputs"]
    labels = np.asarray(labels).reshape(-1)
    if labels.shape != (len(images),) or not np.all((labels >= 0) & (labels < k)) \
            or not np.array_equal(labels, np.rint(labels)):
        raise ValueError(f"labels must be {len(images)} classes in 0..{k - 1}")
    names = [str(c) for c in range(k)] if class_names is None else [str(c) for c in class_names]
    if len(names) != k:
        raise ValueError(f"class_names must name {k} classes, got {len(names)}")
    if isinstance(initial, bool) or not isinstance(initial, (int, np.integer)) \
            or not 0 <= initial < len(images):
        raise ValueError(f"initial must be an image index in 0..{len(images) - 1}, got {initial!r}")
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    pixels = "".join(digits[int(v)] for v in np.rint(steps).astype(int).ravel())
    data = {"network": spec, "labels": labels.astype(int).tolist(), "pixels": pixels}
    config = {"shape": [h, w], "levels": levels, "classes": names, "colors": book_colors()}
    body = _assets.render(
        "digits.html", data_json=_assets.data_script("nnlib-data", data),
        config_json=_assets.data_script("nnlib-config", config),
        slider=_assets.range_input(element_id, "index", "test image", 0, len(images) - 1, 1,
                                   int(initial)))
    return _assets.widget("digit-reader", element_id, body, ("digits.js",), "digitReader")


def _slider_range(values, name):
    """(low, high, step, value) checked: numbers with low <= value <= high, step > 0."""
    try:
        low, high, step, value = (float(v) for v in values)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be (low, high, step, value), got {values!r}") from None
    if not (low <= value <= high and step > 0 and low < high):
        raise ValueError(f"{name} must have low <= value <= high and step > 0, got {values!r}")
    shown = [f"{v:g}" for v in (low, high, step, value)]
    return shown


def neuron_line_html(weight=(-2.5, 2.5, 0.25, 1.0), bias=(-3.0, 3.0, 0.25, 1.0),
                     x_range=(-3.0, 3.0), y_range=(-8.0, 8.0), element_id="neuron-line",
                     alt="The line y = w x + b of one neuron, with its bias and slope marked."):
    """HTML for chapter 1's line of one neuron: sliders for ``weight`` and ``bias``, each given
    as (low, high, step, starting value), and the neuron's output y = w x + b over ``x_range``,
    computed in the page by nnlib's forward pass (``forward.js``) of a ``Dense(1, 1)`` linear
    layer with that weight and bias, drawn with the bias (a dot) and the slope (a triangle)
    marked.  ``alt`` describes the picture for screen readers.
    """
    element_id = _assets.check_element_id(element_id)
    w, b = _slider_range(weight, "weight"), _slider_range(bias, "bias")
    for name, pair in (("x_range", x_range), ("y_range", y_range)):
        if len(pair) != 2 or not float(pair[0]) < float(pair[1]):
            raise ValueError(f"{name} must be (low, high) with low < high, got {pair!r}")
    config = {"x": [float(v) for v in x_range], "y": [float(v) for v in y_range], "points": 121,
              "colors": book_colors()}
    sliders = "\n".join(_assets.range_input(element_id, name, name, *values)
                        for name, values in (("weight", w), ("bias", b)))
    body = _assets.render("neuron_line.html", sliders=sliders, alt=_assets.attribute(alt),
                          config_json=_assets.data_script("nnlib-config", config))
    return _assets.widget("neuron-line", element_id, body, ("neuron_line.js",), "neuronLine")


def descent_html(network, X, y, start, learning_rates, learning_rate, steps=10,
                 w_range=(-6.0, 10.0), loss_ylim=(0.0, 60.0), steps_ylim=(1e-3, 1e3),
                 curvature=None, element_id="descent", curve_points=161):
    """HTML for gradient descent on one weight (chapter 4): a slider picks the learning rate
    from ``learning_rates`` (starting at ``learning_rate``), and the page takes ``steps`` steps
    of :meth:`Network.step` (``train.js``) on ``(X, y)`` from weight ``start``, then draws the
    path on the loss curve L(w) over ``w_range`` (y axis ``loss_ylim``) and the loss before
    each step (log scale, ``steps_ylim``).

    ``network`` has exactly one parameter: a ``Dense(1, 1)`` layer without bias.  ``curvature``
    (the second derivative of L(w)) adds eta times it to the title, the number that decides
    between creeping, oscillating and diverging.
    """
    spec = page_network(network)
    layers = spec["layers"]
    if len(layers) != 1 or layers[0]["n_inputs"] != 1 or layers[0]["n_outputs"] != 1 \
            or layers[0]["use_bias"]:
        raise ValueError("network must be one Dense(1, 1) layer without bias (one weight)")
    X = np.asarray(X, dtype=float).reshape(-1, 1)
    y = np.asarray(y, dtype=float).reshape(-1, 1)
    if len(X) != len(y) or not len(X):
        raise ValueError(f"X and y must have the same number of rows, got {len(X)} and {len(y)}")
    rates = [float(r) for r in learning_rates]
    if not rates or min(rates) <= 0 or learning_rate not in rates:
        raise ValueError(f"learning_rates must be positive and include learning_rate "
                         f"{learning_rate!r}")
    config = {"start": float(start), "steps": int(steps), "rates": rates,
              "w_range": [float(v) for v in w_range], "loss_ylim": [float(v) for v in loss_ylim],
              "steps_ylim": [float(v) for v in steps_ylim],
              "curvature": None if curvature is None else rounded(curvature),
              "curve_points": int(curve_points), "loss_label": LOSS_LABELS[spec["loss"]],
              "colors": book_colors()}
    data = {"network": spec, "X": rounded(X.tolist()), "y": rounded(y.tolist())}
    slider = _assets.range_input(element_id, "rate", "\u03b7 (learning rate)", 0, len(rates) - 1, 1,
                         rates.index(learning_rate), shown=f"{learning_rate:.2f}")
    body = _assets.render("descent.html", slider=slider,
                          data_json=_assets.data_script("nnlib-data", data),
                          config_json=_assets.data_script("nnlib-config", config))
    return _assets.widget("descent", _assets.check_element_id(element_id), body,
                          ("descent.js",), "descent")


def trainer_html(starts, X, y, iterations, learning_rates, learning_rate, activations,
                 activation, seed, row_names, element_id="trainer"):
    """HTML for chapter 6's experiments: train a small network in the page.

    ``starts`` maps each seed the reader may pick (consecutive whole numbers) to the starting
    network for that seed (a Network or its dict; carried rounded, :func:`page_network`); the
    reader also picks the learning rate (one of ``learning_rates``) and the hidden layer's
    activation (one of ``activations``), and the page takes ``iterations`` full-batch steps of
    :meth:`Network.step` (``train.js``) on ``(X, y)`` (one output, one target per row), then
    draws the loss per iteration and the outputs (bars) against the targets per row, labelled
    ``row_names``.  ``learning_rate``, ``activation`` and ``seed`` are the starting values.
    """
    element_id = _assets.check_element_id(element_id)
    seeds = sorted(starts)
    if not seeds or seeds != list(range(seeds[0], seeds[-1] + 1)) or seed not in starts:
        raise ValueError(f"starts must map consecutive seeds to networks and include seed {seed!r}")
    specs = {str(s): page_network(starts[s]) for s in seeds}
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float).reshape(-1)
    if X.ndim != 2 or len(X) != len(y) or len(row_names) != len(X):
        raise ValueError("X must be (n, inputs) with one target in y and one name in row_names "
                         "per row")
    rates = [float(r) for r in learning_rates]
    if learning_rate not in rates or activation not in activations:
        raise ValueError(f"learning_rate {learning_rate!r} and activation {activation!r} must be "
                         f"among the options")
    labels = [f"{r:g}" for r in rates]
    config = {"iterations": int(iterations), "learning_rates": rates,
              "learning_rate_labels": labels, "row_names": [str(n) for n in row_names],
              "colors": book_colors()}
    data = {"starts": specs, "X": rounded(X.tolist()), "y": rounded(y.tolist())}
    options = "".join(f'<option value="{a}"{" selected" if a == activation else ""}>{a}</option>'
                      for a in activations)
    body = _assets.render(
        "trainer.html", element_id=element_id, activations=options,
        seed_slider=_assets.range_input(element_id, "seed", "seed", seeds[0], seeds[-1], 1, seed),
        rate_slider=_assets.range_input(element_id, "rate", "\u03b7", 0, len(rates) - 1, 1,
                                rates.index(learning_rate),
                                shown=labels[rates.index(learning_rate)]),
        data_json=_assets.data_script("nnlib-data", data),
        config_json=_assets.data_script("nnlib-config", config))
    return _assets.widget("trainer", element_id, body, ("trainer.js",), "trainer")
