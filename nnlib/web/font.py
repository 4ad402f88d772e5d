"""The font network in the page (chapter 7): the colour picker and the training film."""
import numpy as np

from ..datasets import FONT_LABELS, LUMINANCE_WEIGHTS, font_rule, luminance
from ..network import Network
from . import _assets
from .core import (LOSS_LABELS, book_colors, check_colours, check_font_network, check_labels,
                   check_positive, check_rgb, colormap_table, network_dict, page_network, rounded)

CHANNELS = ("red", "green", "blue")
REFERENCE = [LUMINANCE_WEIGHTS.tolist(), 128.0]   # the labelling rule of font_colors


def font_config(divisor, class_names, **extra):
    """What the font widgets' JavaScript reads from ``script.nnlib-config``."""
    return {"divisor": divisor, "classes": list(class_names), "channels": list(CHANNELS),
            "reference": REFERENCE, "colors": book_colors(), "rdbu": colormap_table("RdBu"),
            **extra}


def font_picker_html(network, initial=(70, 130, 180), element_id="font-picker", divisor=255.0,
                     class_names=FONT_LABELS):
    """HTML for a colour picker that runs ``network`` (3 inputs, 1 output) in the page.

    The reader picks a background colour (a colour input, or R, G, B sliders 0..255, or a click
    on the map); the page divides the R, G, B values by ``divisor`` (the scaling used in
    training), runs the network's forward pass in JavaScript and shows the colour with the font
    the network picks (class 1, ``class_names[1]``, when its output is >= 0.5, as
    :meth:`Network.predict`), the output itself, the luminance formula's choice, and a map of
    the network's choice over red x green at the chosen blue.

    For tests, the element ``.nnlib-probability`` carries ``data-rgb`` ("r,g,b", the colour
    shown) and ``data-probability`` (the output, as JavaScript's shortest round-trip decimal),
    and ``script.nnlib-network`` holds the network's JSON (:func:`page_network`).
    Returns a string; display it with ``IPython.display.HTML``.
    """
    spec = page_network(network)
    check_font_network(spec)
    element_id = _assets.check_element_id(element_id)
    rgb = check_rgb(initial, "initial")
    divisor = check_positive(divisor, "divisor")
    sliders = "\n".join(_assets.range_input(element_id, channel, channel, 0, 255, 1, value)
                        for channel, value in zip(CHANNELS, rgb))
    body = _assets.render(
        "font_picker.html", element_id=element_id, sliders=sliders,
        colour="#{:02x}{:02x}{:02x}".format(*rgb),
        network_json=_assets.data_script("nnlib-network", spec),
        config_json=_assets.data_script("nnlib-config", font_config(divisor, class_names)))
    return _assets.widget("font-picker", element_id, body, ("font.js", "font_picker.js"),
                          "fontPicker")


def training_frames_html(frames, loss_curve=None, element_id="font-training", fixed=128,
                         divisor=255.0, class_names=FONT_LABELS):
    """HTML to scrub through ``frames`` (made by :func:`snapshot`) of a font network in training.

    A slider (and a play button) picks the frame; the page draws that frame's network output
    over red x green, with blue fixed by its own slider (start: ``fixed``), its weights as a
    diagram, and ``loss_curve`` (one value per epoch, e.g. ``history["loss"]``) with a marker at
    the frame's "epoch".  All drawing is JavaScript from the frames' weights, so the page stays
    small: about 1 kB per frame of a 3-3-1 network.

    For tests: the container carries ``data-frame`` (the frame shown) and the frames' JSON is in
    ``script.nnlib-frames``.  Returns a string; display it with ``IPython.display.HTML``.
    """
    frames = list(frames)
    if not frames:
        raise ValueError("frames must contain at least one snapshot, got none")
    for i, frame in enumerate(frames):
        if not isinstance(frame, dict) or "network" not in frame or "label" not in frame:
            raise TypeError(f"frames[{i}] must be a dict from nnlib.web.snapshot, "
                            f"got {frame!r:.80}")
        check_font_network(network_dict(frame["network"], f"frames[{i}]['network']"),
                           f"frames[{i}]['network']")
    frames = [{**frame, "network": page_network(frame["network"])} for frame in frames]
    element_id = _assets.check_element_id(element_id)
    fixed = check_rgb([0, 0, fixed], "fixed")[2]
    divisor = check_positive(divisor, "divisor")
    curve = None
    if loss_curve is not None:
        curve = np.asarray(loss_curve, dtype=float)
        if curve.ndim != 1 or curve.size == 0 or not np.all(np.isfinite(curve) & (curve > 0)):
            raise ValueError("loss_curve must be a non-empty 1-D sequence of positive numbers "
                             "(one per epoch)")
        curve = rounded(curve.tolist())
    last = len(frames) - 1
    curve_canvas = ('<canvas class="nnlib-curve" width="300" height="280" role="img" aria-label='
                    '"The training loss per epoch on a log scale, falling; a dot marks the '
                    'frame shown."></canvas>') if curve else ""
    body = _assets.render(
        "training_frames.html", element_id=element_id, last=last, curve_canvas=curve_canvas,
        blue_slider=_assets.range_input(element_id, "blue", "blue", 0, 255, 1, fixed),
        frames_json=_assets.data_script("nnlib-frames", frames),
        config_json=_assets.data_script("nnlib-config",
                                        font_config(divisor, class_names, curve=curve)))
    return _assets.widget("training", element_id, body, ("font.js", "training_frames.js"),
                          "trainingFrames", f' data-frame="{last}"')


LEARNING_RATES = tuple(float(f"{10 ** (k / 4):.4g}") for k in range(-16, 1))
"""The explorer's learning rates: 10^-4 to 1 in steps of a quarter decade, rounded to 4
significant digits, so that Python and the page train with the very same numbers."""

EXPLORER_ACTIVATIONS = ("relu", "leaky_relu", "tanh", "sigmoid", "linear")


def explorer_start(start, activation):
    """The network the explorer trains for ``activation``: ``start`` (a 3-hidden-1 Network or
    its dict, e.g. from :func:`page_network`) with its hidden layer's activation replaced, a
    new Network.  The page does the same before it trains."""
    spec = network_dict(start, "start")
    if activation not in EXPLORER_ACTIVATIONS:
        raise ValueError(f"activation must be one of {', '.join(EXPLORER_ACTIVATIONS)}, "
                         f"got {activation!r}")
    spec["layers"][0]["activation"], spec["layers"][0]["activation_params"] = activation, {}
    return Network.from_dict(spec)


def _option(value, options, name):
    if value not in options:
        raise ValueError(f"{name} must be one of {list(options)}, got {value!r}")
    return list(options).index(value)


def explorer_html(starts, X_train, y_train, X_test, y_test, element_id="font-explorer", *,
                  hidden=3, activation="relu", learning_rate=1e-3, epochs=300, batch_size=None,
                  learning_rates=LEARNING_RATES, epoch_range=(10, 1000, 10),
                  batch_sizes=(1, 8, 32, 128, None), fixed_channel=2, fixed_value=128,
                  colour=(70, 130, 180), divisor=255.0, class_names=FONT_LABELS,
                  loss_ylim=(0.5, 1000.0)):
    """HTML for chapter 7's settings explorer: the font network retrained in the page.

    ``starts`` maps each number of hidden neurons the reader may pick to the starting network
    of that size (3 inputs, ``hidden`` neurons, 1 output; a Network or its dict), carried
    rounded (:func:`page_network`). The reader sets the hidden activation (one of
    ``EXPLORER_ACTIVATIONS``; :func:`explorer_start` makes the same network in Python), the
    learning rate (one of ``learning_rates``), the epochs (``epoch_range`` = (first, last,
    step)) and the batch size (one of ``batch_sizes``; None is the whole training set), and the
    page trains with nnlib's loop in JavaScript (``train.js``: ``fit`` with ``shuffle=False``)
    on ``X_train`` (R, G, B whole numbers 0..255, divided by ``divisor`` in the page, as
    ``X_train / divisor`` in Python) and ``y_train`` (0/1), then shows the decision surface over
    two channels (the third fixed by the reader), the loss per epoch, the test accuracy on
    ``X_test, y_test`` and the font for the reader's colour. The other keywords are the
    controls' starting values.

    For tests, the root element carries ``data-settings`` (the settings shown, JSON),
    ``data-test-accuracy``, ``data-train-ms`` and ``data-draw-ms``, and its ``nnlibExplorer``
    property gives the page's training function. Returns a string for ``IPython.display.HTML``.
    """
    if not isinstance(starts, dict) or not starts:
        raise TypeError("starts must be a dict {hidden neurons: starting network}, got "
                        f"{type(starts).__name__}")
    specs = {}
    for size, start in sorted(starts.items()):
        spec = page_network(start)
        check_font_network(spec, f"starts[{size}]")
        if len(spec["layers"]) != 2 or spec["layers"][0]["n_outputs"] != size:
            raise ValueError(f"starts[{size}] must be a 3-{size}-1 network (two Dense layers)")
        specs[str(size)] = spec
    sizes = sorted(starts)
    if sizes != list(range(sizes[0], sizes[-1] + 1)):
        raise ValueError(f"starts must cover consecutive hidden sizes, got {sizes}")
    X_train, X_test = check_colours(X_train, "X_train"), check_colours(X_test, "X_test")
    y_train = check_labels(y_train, len(X_train), "y_train")
    y_test = check_labels(y_test, len(X_test), "y_test")
    element_id = _assets.check_element_id(element_id)
    divisor = check_positive(divisor, "divisor")
    first, last, step = epoch_range
    if not (0 < first <= epochs <= last and (epochs - first) % step == 0
            and (last - first) % step == 0):
        raise ValueError(f"epochs must be in {first}..{last} in steps of {step}, got {epochs!r}")
    hidden_index = _option(hidden, sizes, "hidden")
    activation_index = _option(activation, EXPLORER_ACTIVATIONS, "activation")
    rate_index = _option(learning_rate, learning_rates, "learning_rate")
    batch_index = _option(batch_size, batch_sizes, "batch_size")
    channel = _option(fixed_channel, range(3), "fixed_channel")
    fixed_value = check_rgb([0, 0, fixed_value], "fixed_value")[2]
    rgb = check_rgb(colour, "colour")
    rate_labels = [f"{rate:g}" for rate in learning_rates]
    batch_labels = [f"all {len(X_train)}" if size is None else str(size) for size in batch_sizes]
    loss = specs[str(sizes[0])]["loss"]
    config = font_config(divisor, class_names, learning_rates=list(learning_rates),
                         learning_rate_labels=rate_labels, batch_sizes=list(batch_sizes),
                         batch_labels=batch_labels, epochs=[first, last, step],
                         loss_xlim=[1, last], loss_ylim=list(loss_ylim),
                         loss_label=LOSS_LABELS[loss])
    activations = "".join(f'<option value="{a}"{" selected" if i == activation_index else ""}>'
                          f'{a}</option>' for i, a in enumerate(EXPLORER_ACTIVATIONS))
    controls = "\n".join([
        _assets.range_input(element_id, "hidden", "hidden neurons", sizes[0], sizes[-1], 1,
                            hidden),
        f'<label for="{element_id}-activation">activation</label>\n'
        f'<select id="{element_id}-activation" class="nnlib-activation">{activations}</select>'
        '<span></span>',
        _assets.range_input(element_id, "rate", "learning rate", 0, len(learning_rates) - 1, 1,
                    rate_index, shown=rate_labels[rate_index],
                    extra=f' aria-valuetext="{rate_labels[rate_index]}"'),
        _assets.range_input(element_id, "epochs", "epochs", first, last, step, epochs),
        _assets.range_input(element_id, "batch", "batch size", 0, len(batch_sizes) - 1, 1,
                            batch_index,
                    shown=batch_labels[batch_index],
                    extra=f' aria-valuetext="{batch_labels[batch_index]}"'),
    ])
    channels = "".join(f'<option value="{k}"{" selected" if k == channel else ""}>{name}</option>'
                       for k, name in enumerate(CHANNELS))
    data = {"starts": specs, "X_train": X_train, "y_train": y_train, "X_test": X_test,
            "y_test": y_test}
    body = _assets.render(
        "explorer.html", element_id=element_id, training_controls=controls,
        channel_options=channels, colour="#{:02x}{:02x}{:02x}".format(*rgb),
        fixed_value=_assets.range_input(element_id, "value", "its value", 0, 255, 1, fixed_value),
        data_json=_assets.data_script("nnlib-data", data),
        config_json=_assets.data_script("nnlib-config", config))
    return _assets.widget("explorer", element_id, body,
                          ("font.js", "explorer.js"), "explorer")


def labeller_html(colours, start, X_test, example_labels, epochs=250, learning_rate=0.05,
                  batch_size=1, element_id="font-labeller", divisor=255.0, shown=20):
    """HTML for "bring your own labels": the reader labels ``colours`` in the page, and the page
    trains ``start`` on the labels and compares the result with the luminance formula.

    ``colours`` are the colours to label (R, G, B whole numbers 0..255); ``start`` the network
    to train (3 inputs, 1 output; carried rounded, :func:`page_network`), trained as
    ``Network.fit(colours / divisor, labels, epochs, learning_rate, batch_size,
    shuffle=False)`` by the page's train.js; ``X_test`` the colours (whole numbers 0..255) on
    which the trained network is compared with the formula (:func:`nnlib.datasets.font_rule`);
    ``example_labels`` the labels a button fills in at once (chapter 7's example reader).
    The page then reports what chapter 7's Python cells print: how often the formula agrees
    with the labels, how many of them the network fits, how often it agrees with the formula on
    ``X_test``, the luminance of the brightest colour labelled light and of the darkest labelled
    dark, and up to ``shown`` of the test colours where network and formula disagree, spread
    over the luminance, in the network's font.
    """
    colours, X_test = check_colours(colours, "colours"), check_colours(X_test, "X_test")
    example = check_labels(example_labels, len(colours), "example_labels")
    spec = page_network(start)
    check_font_network(spec, "start")
    element_id = _assets.check_element_id(element_id)
    divisor = check_positive(divisor, "divisor")
    for name, value in (("epochs", epochs), ("batch_size", batch_size), ("shown", shown)):
        smallest = 2 if name == "shown" else 1
        if isinstance(value, bool) or not isinstance(value, int) or value < smallest:
            raise ValueError(f"{name} must be a positive whole number, got {value!r}")
    data = {"colours": colours, "start": spec, "example": example, "test": X_test,
            "formula": font_rule(np.array(colours, dtype=float)).tolist(),
            "luminance": rounded(luminance(np.array(colours, dtype=float)).tolist()),
            "test_formula": font_rule(np.array(X_test, dtype=float)).tolist(),
            "test_luminance": rounded(luminance(np.array(X_test, dtype=float)).tolist())}
    config = {"divisor": divisor, "epochs": epochs, "batch_size": batch_size, "shown": shown,
              "learning_rate": check_positive(learning_rate, "learning_rate")}
    body = _assets.render("labeller.html", data_json=_assets.data_script("nnlib-data", data),
                          config_json=_assets.data_script("nnlib-config", config))
    return _assets.widget("labeller", element_id, body, ("labeller.js",), "labeller")
