"""Figures the chapters share, drawn from real nnlib objects.

- :func:`use_book_style`: one matplotlib style for the book (call it first);
- :func:`plot_neuron`: a one-input neuron's output as a line, y = w x + b;
- :func:`draw_network`: a network diagram, edges coloured and sized by weight;
- :func:`decision_surface`, :func:`plot_decision_surface`: a classifier's probability over two
  inputs, as numbers and as a picture (with :func:`plot_boundary_line`, its 0.5 line);
- :func:`plot_loss`: loss (and validation loss) per epoch;
- :func:`plot_images`: rows of pixels (e.g. digits, first-layer weights) as small pictures;
- :func:`tile_images`: many small pictures tiled into one array, for one fast imshow;
- :func:`plot_probabilities`: one sample's class probabilities as bars;
- :func:`plot_swatches`: background colours with text in the font picked for them;
- :func:`luminance_boundary`, :func:`plot_luminance_boundary`: the font data's labelling rule as
  a line over two channels.

Figures a reader moves (:func:`interactive_figure`, :func:`animation_html`, :class:`LiveFigure`)
are in :mod:`nnlib.interactive`; they are re-exported here, so ``from nnlib.plotting import
interactive_figure`` keeps working.

The ``plot_*`` functions take an optional ``ax`` and return the axes they drew on
(``plot_boundary_line`` needs its axes and returns the line).
Figures have an opaque white background, so they read the same on the
book's light and dark pages.
"""
import numpy as np

POSITIVE = "#0072B2"   # Okabe-Ito blue: positive weights
NEGATIVE = "#D55E00"   # Okabe-Ito vermillion: negative weights
COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

BOOK_STYLE = {
    "figure.figsize": (6.4, 4.0),
    "figure.dpi": 100,
    "figure.facecolor": "white",        # opaque: legible on light and dark pages
    "savefig.facecolor": "white",
    "savefig.transparent": False,
    "axes.facecolor": "white",
    "axes.edgecolor": "#333333",
    "axes.labelcolor": "#222222",
    "axes.titleweight": "bold",
    "axes.grid": True,
    "grid.color": "#dddddd",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": None,            # set below from COLORS
    "text.color": "#222222",
    "xtick.color": "#333333",
    "ytick.color": "#333333",
    # 13 pt: a 14-inch-wide figure shrunk to the book's 690 px column at 1280 px still has
    # about 9 CSS px text (it was 11 pt: 7-8 px, issue 13)
    "font.size": 13,
    "legend.frameon": True,
    "legend.framealpha": 0.9,
    "image.cmap": "viridis",
}


def use_book_style(retina=True):
    """Apply the book's matplotlib style; in Jupyter, also draw crisp (retina) PNGs."""
    import matplotlib as mpl
    from cycler import cycler
    style = dict(BOOK_STYLE, **{"axes.prop_cycle": cycler(color=COLORS)})
    mpl.rcParams.update(style)
    if retina:
        try:
            from IPython import get_ipython
            from matplotlib_inline.backend_inline import set_matplotlib_formats
        except ImportError:
            return
        if get_ipython() is not None:
            set_matplotlib_formats("retina")


def _axes(ax):
    if ax is None:
        import matplotlib.pyplot as plt
        ax = plt.gca()
    return ax


def plot_neuron(weight, bias=None, ax=None, x_range=(-3, 3), label=None, **line_kwargs):
    """Draw a one-input neuron's output y = weight * x + bias over ``x_range``.

    ``weight`` is either a number (then ``bias`` is too) or a ``Dense(1, 1)``
    layer; the line is computed by the layer's own ``forward``.
    """
    from .layers import Dense
    if isinstance(weight, Dense):
        layer = weight
        if layer.n_inputs != 1 or layer.n_outputs != 1:
            raise ValueError(f"plot_neuron needs a Dense(1, 1) layer, got {layer!r}")
    else:
        if bias is None:
            raise TypeError("plot_neuron(weight, bias): give a bias with a numeric weight")
        layer = Dense(1, 1, activation="linear", init="zeros")
        layer.weights[0, 0], layer.bias[0] = float(weight), float(bias)
    ax = _axes(ax)
    x = np.linspace(*x_range, 200).reshape(-1, 1)
    y = layer.forward(x)
    w, b = layer.weights[0, 0], layer.bias[0]
    if label is None:
        label = f"w = {w:g}, b = {b:g}"
    ax.plot(x[:, 0], y[:, 0], label=label, **line_kwargs)
    ax.axhline(0, color="#888888", lw=0.8)
    ax.axvline(0, color="#888888", lw=0.8)
    ax.set_xlabel("input x")
    ax.set_ylabel("output y = w x + b")
    return ax


def draw_network(network, ax=None, input_labels=None, output_labels=None, show_shapes=True,
                 max_linewidth=5.0):
    """Draw ``network`` as circles (neurons) and lines (weights).

    Line width is proportional to |weight| (the largest drawn ``max_linewidth``
    points wide); blue lines are positive weights, vermillion negative.  With
    ``show_shapes``, each layer's weights and bias shapes are written under it.
    """
    ax = _axes(ax)
    sizes = [network.n_inputs] + [layer.n_outputs for layer in network.layers]
    tallest = max(sizes)

    def ys(n):
        return np.linspace(0, tallest - 1, n + 2)[1:-1] if n < tallest else np.arange(n, dtype=float)

    positions = [(np.full(n, float(i)), ys(n)[::-1]) for i, n in enumerate(sizes)]
    biggest = max(np.max(np.abs(layer.weights)) for layer in network.layers) or 1.0
    for i, layer in enumerate(network.layers):
        (x0, y0), (x1, y1) = positions[i], positions[i + 1]
        for j in range(layer.n_inputs):
            for k in range(layer.n_outputs):
                w = layer.weights[j, k]
                ax.plot([x0[j], x1[k]], [y0[j], y1[k]], zorder=1, solid_capstyle="round",
                        color=POSITIVE if w >= 0 else NEGATIVE,
                        lw=0.3 + max_linewidth * abs(w) / biggest, alpha=0.8)
    names = ["input"] + [f"layer {i + 1}\n{layer.activation.name}"
                         for i, layer in enumerate(network.layers)]
    for i, (x, y) in enumerate(positions):
        ax.scatter(x, y, s=500, zorder=2, color="white", edgecolor="#333333", linewidth=1.5)
        ax.text(i, tallest - 0.3, names[i], ha="center", va="bottom", fontsize=9)
        if show_shapes and i > 0:
            layer = network.layers[i - 1]
            ax.text(i - 0.5, -0.9, f"W {layer.weights.shape}\nb {layer.bias.shape}",
                    ha="center", va="top", fontsize=8, color="#555555")
    for labels, (x, y), side in ((input_labels, positions[0], "right"),
                                 (output_labels, positions[-1], "left")):
        if labels is not None:
            for xi, yi, text in zip(x, y, labels):
                ax.text(xi + (-0.18 if side == "right" else 0.18), yi, text, ha=side,
                        va="center", fontsize=9)
    ax.set_xlim(-0.8, len(sizes) - 0.2)
    ax.set_ylim(-1.8 if show_shapes else -0.8, tallest + 0.4)
    ax.axis("off")
    from matplotlib.lines import Line2D
    ax.legend(handles=[Line2D([], [], color=POSITIVE, lw=2, label="positive weight"),
                       Line2D([], [], color=NEGATIVE, lw=2, label="negative weight")],
              loc="lower center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=8)
    return ax


def decision_surface(network, features=(0, 1), fixed=None, extent=(0.0, 1.0, 0.0, 1.0),
                     resolution=120):
    """The network's output over a grid of two input features, the other inputs held fixed.

    ``features`` picks the two inputs that vary (x across, y up) over ``extent`` = (x0, x1, y0,
    y1); every other input is held at ``fixed``, a full-length input vector (default 0.5).
    Returns ``(gx, gy, surface)``, each of shape (resolution, resolution): the grid's x and y
    values and the output there; for several outputs, the probability of the predicted class.
    """
    fi, fj = features
    base = np.full(network.n_inputs, 0.5) if fixed is None else np.asarray(fixed, dtype=float)
    if base.shape != (network.n_inputs,):
        raise ValueError(f"fixed must have one value per input, shape ({network.n_inputs},), "
                         f"got {base.shape}")
    gx, gy = np.meshgrid(np.linspace(extent[0], extent[1], resolution),
                         np.linspace(extent[2], extent[3], resolution))
    grid = np.tile(base, (gx.size, 1))
    grid[:, fi], grid[:, fj] = gx.ravel(), gy.ravel()
    proba = network.forward(grid)
    surface = (proba[:, 0] if proba.shape[1] == 1 else proba.max(axis=1)).reshape(gx.shape)
    return gx, gy, surface


def plot_boundary_line(ax, gx, gy, surface):
    """Draw the 0.5 line of a one-output ``surface`` from :func:`decision_surface`.

    Returns the ``ContourSet`` (unlike the other functions: a live figure replaces it).
    """
    return ax.contour(gx, gy, surface, levels=[0.5], colors="black", linewidths=1.5)


def plot_decision_surface(network, X=None, y=None, ax=None, features=(0, 1), fixed=None,
                          extent=(0.0, 1.0, 0.0, 1.0), resolution=120, feature_names=None,
                          class_names=None, colorbar=True):
    """Shade the network's output probability over a grid of two input features.

    ``features`` picks the two inputs on the x and y axes; every other input is
    held at ``fixed`` (a full-length input vector; default 0.5).  For several
    outputs the shading is the probability of the predicted class.  ``X, y``
    (optional) are drawn on top as points coloured by class.  The 0.5 contour,
    the decision boundary, is drawn for one-output networks.
    """
    ax = _axes(ax)
    fi, fj = features
    gx, gy, surface = decision_surface(network, features, fixed, extent, resolution)
    image = ax.imshow(surface, origin="lower", extent=extent, vmin=0, vmax=1, cmap="RdBu",
                      aspect="auto", alpha=0.85)
    if network.n_outputs == 1:
        plot_boundary_line(ax, gx, gy, surface)
    if colorbar:
        ax.figure.colorbar(image, ax=ax, label="network output (probability)")
    if X is not None:
        X = np.asarray(X)
        labels = np.asarray(y).reshape(len(X), -1)
        labels = labels[:, 0] if labels.shape[1] == 1 else labels.argmax(axis=1)
        palette = (NEGATIVE, POSITIVE) if network.n_outputs == 1 else COLORS   # match the shading
        for c in np.unique(labels):
            name = class_names[int(c)] if class_names is not None else f"class {int(c)}"
            ax.scatter(X[labels == c, fi], X[labels == c, fj], s=12, edgecolor="white",
                       linewidth=0.4, label=name, color=palette[int(c) % len(palette)])
        ax.legend(loc="upper right", fontsize=8)
    names = feature_names or [f"input {i}" for i in range(network.n_inputs)]
    ax.set_xlabel(names[fi])
    ax.set_ylabel(names[fj])
    ax.grid(False)
    return ax


def plot_loss(history, ax=None, log=False, title="Loss during training"):
    """Plot ``history["loss"]`` (and ``"val_loss"`` if present) against the epoch."""
    ax = _axes(ax)
    epochs = np.arange(1, len(history["loss"]) + 1)
    ax.plot(epochs, history["loss"], label="training loss")
    if "val_loss" in history:
        ax.plot(epochs, history["val_loss"], label="validation loss", linestyle="--")
    if log:
        ax.set_yscale("log")
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss")
    ax.set_title(title)
    ax.legend()
    return ax


def _pictures(images, image_shape):
    """``images`` (n, h * w) or (n, h, w) as a float array of shape (n, h, w)."""
    images = np.asarray(images, dtype=float)
    if images.ndim == 2:
        h, w = image_shape
        if images.shape[1] != h * w:
            raise ValueError(f"images of shape {images.shape} do not hold {h}x{w} pictures: "
                             f"expected {h * w} columns for image_shape={tuple(image_shape)}")
        return images.reshape(-1, h, w)
    if images.ndim != 3:
        raise ValueError(f"images must have shape (n, h*w) or (n, h, w), got {images.shape}")
    return images


def plot_images(images, titles=None, image_shape=(8, 8), ncols=10, cmap="gray_r", vmin=None,
                vmax=None, axes=None, title_fontsize=9):
    """Show each row of ``images`` as a small picture, in a grid; returns the axes (flat array).

    ``images`` is (n, h * w), one flattened picture per row (as in ``nnlib.datasets.digits``),
    or (n, h, w); ``image_shape`` is (h, w) for the flat form.  ``titles`` is None or n strings.
    All pictures share one colour scale, ``vmin`` to ``vmax`` (default: the smallest and largest
    value in ``images``), so their shades can be compared; the first picture's image
    (``axes[0].images[0]``) can be given to ``fig.colorbar``.  ``axes``: at least n axes to draw
    on; by default a new figure with ceil(n / ncols) rows of ``ncols``.  Unused axes are hidden.
    """
    import matplotlib.pyplot as plt

    images = _pictures(images, image_shape)
    n = images.shape[0]
    if titles is not None and len(titles) != n:
        raise ValueError(f"titles must have one entry per image ({n}), got {len(titles)}")
    if axes is None:
        ncols = max(1, min(ncols, n))
        nrows = -(-n // ncols)
        _, axes = plt.subplots(nrows, ncols, figsize=(0.8 * ncols, 0.95 * nrows + 0.3),
                               squeeze=False)
    axes = np.asarray(axes).ravel()
    if axes.size < n:
        raise ValueError(f"{n} images need at least {n} axes, got {axes.size}")
    vmin = images.min() if vmin is None else vmin
    vmax = images.max() if vmax is None else vmax
    for i, ax in enumerate(axes):
        ax.set_axis_off()
        if i < n:
            ax.imshow(images[i], cmap=cmap, vmin=vmin, vmax=vmax, interpolation="nearest")
            if titles is not None:
                ax.set_title(titles[i], fontsize=title_fontsize, fontweight="normal")
    return axes


def tile_images(images, image_shape=(8, 8), ncols=8, pad=1):
    """Tile many small pictures into one 2-D array, for a single fast ``imshow``.

    ``images`` is (n, h * w) or (n, h, w).  The result has ceil(n / ncols) rows of ``ncols``
    pictures, separated (and bordered on the top and left) by ``pad`` pixels of NaN, which
    ``imshow`` leaves blank: shape (rows * (h + pad), ncols * (w + pad)).  Use it instead of
    :func:`plot_images` when there are too many pictures for one axes each (e.g. the 64
    first-layer weight images of a network), and no titles are needed.
    """
    images = _pictures(images, image_shape)
    n, h, w = images.shape
    rows = -(-n // ncols)
    tiles = np.full((rows * ncols, h + pad, w + pad), np.nan)
    tiles[:n, pad:, pad:] = images
    return tiles.reshape(rows, ncols, h + pad, w + pad).transpose(0, 2, 1, 3).reshape(
        rows * (h + pad), ncols * (w + pad))

def plot_probabilities(proba, ax=None, true_label=None, class_names=None):
    """Bar chart of one sample's class probabilities ``proba`` (shape (k,)); returns the axes.

    The predicted class (the tallest bar) is drawn in blue if it equals ``true_label`` (or if no
    label is given) and in vermillion if it does not; the true class's bar is then blue.  The
    other bars are grey.  ``class_names`` label the bars (default 0..k-1).

    If ``ax`` already shows this function's bars for k classes, they are updated in place
    (heights and colours) instead of drawn again, which is quick enough for animation frames.
    """
    proba = np.asarray(proba, dtype=float)
    if proba.ndim != 1:
        raise ValueError(f"proba must be one sample's probabilities, shape (k,), got {proba.shape}")
    ax = _axes(ax)
    k = proba.size
    predicted = int(proba.argmax())
    colors = ["#bbbbbb"] * k
    if true_label is not None:
        true_label = int(true_label)
        if not 0 <= true_label < k:
            raise ValueError(f"true_label must be a class in 0..{k - 1}, got {true_label}")
        colors[true_label] = POSITIVE
        if predicted != true_label:
            colors[predicted] = NEGATIVE
    else:
        colors[predicted] = POSITIVE
    bars = [patch for patch in ax.patches if patch.get_gid() == "nnlib-probability"]
    if len(bars) == k:
        for bar, height, color in zip(bars, proba, colors):
            bar.set_height(height)
            bar.set_color(color)
        return ax
    for bar in bars:
        bar.remove()
    for bar in ax.bar(np.arange(k), proba, color=colors):
        bar.set_gid("nnlib-probability")
    ax.set_xticks(np.arange(k))
    ax.set_xticklabels(class_names if class_names is not None else [str(c) for c in range(k)])
    ax.set_ylim(0, 1)
    ax.set_xlabel("class")
    ax.set_ylabel("probability")
    ax.grid(axis="x", visible=False)
    return ax


def plot_swatches(rgb, dark_font, ax=None, ncols=12, captions=None, text="Aa", title=None):
    """Colour swatches with text on them: each background ``rgb[i]`` with ``text`` in a font colour.

    ``rgb`` is (n, 3), R, G, B in 0..255 (as :func:`nnlib.datasets.font_colors` gives them);
    ``dark_font`` is (n,), 1 for a black font and 0 for a white one (the classes of
    ``font_colors``), or probabilities, thresholded at 0.5.  ``captions`` (n strings or None) are
    written under the swatches.  The swatches fill rows of ``ncols``; by default on a new figure
    sized to fit.  Returns the axes.
    """
    rgb = np.asarray(rgb, dtype=float)
    if rgb.ndim != 2 or rgb.shape[1] != 3:
        raise ValueError(f"rgb must have shape (n, 3), got {rgb.shape}")
    if rgb.size and (rgb.min() < 0 or rgb.max() > 255):
        raise ValueError("rgb values must be in 0..255")
    n = rgb.shape[0]
    dark = np.asarray(dark_font, dtype=float).reshape(-1)
    if dark.shape != (n,):
        raise ValueError(f"dark_font must have one value per colour, shape ({n},), got "
                         f"{np.shape(dark_font)}")
    if captions is not None and len(captions) != n:
        raise ValueError(f"captions must have one entry per colour ({n}), got {len(captions)}")
    ncols = max(1, min(ncols, n))
    nrows = max(1, -(-n // ncols))
    height = 1.0 + (0.45 if captions is not None else 0.1)
    if ax is None:
        import matplotlib.pyplot as plt
        _, ax = plt.subplots(figsize=(0.62 * ncols + 0.2, 0.62 * height * nrows + 0.45))
    from matplotlib.patches import Rectangle
    for i in range(n):
        row, col = divmod(i, ncols)
        x, y = col, -row * height
        ax.add_patch(Rectangle((x, y), 0.92, 0.92, facecolor=rgb[i] / 255, edgecolor="#999999",
                               linewidth=0.5))
        ax.text(x + 0.46, y + 0.46, text, ha="center", va="center", fontsize=11,
                fontweight="bold", color="black" if dark[i] >= 0.5 else "white")
        if captions is not None:
            ax.text(x + 0.46, y - 0.05, captions[i], ha="center", va="top", fontsize=8)
    ax.set_xlim(-0.1, ncols + 0.02)
    ax.set_ylim(-(nrows - 1) * height - (height - 1.0) - 0.1, 1.02)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title)
    return ax


def luminance_boundary(features=(0, 1), fixed=None, channel_max=1.0):
    """The labelling rule's line over two channels: the points (xs, ys) inside the square.

    Arguments as for :func:`plot_luminance_boundary`; returns two arrays of equal length, the
    ``features[0]`` and ``features[1]`` values of colours with luminance exactly 128.
    """
    from .datasets import LUMINANCE_WEIGHTS
    fi, fj = features
    if sorted((fi, fj)) not in ([0, 1], [0, 2], [1, 2]):
        raise ValueError(f"features must be two different channels out of 0, 1, 2, got {features}")
    fk = 3 - fi - fj
    base = np.full(3, channel_max / 2) if fixed is None else np.asarray(fixed, dtype=float)
    if base.shape != (3,):
        raise ValueError(f"fixed must be a colour of 3 values, got shape {base.shape}")
    w = LUMINANCE_WEIGHTS
    threshold = 128 * channel_max / 255
    xs = np.linspace(0, channel_max, 256)
    ys = (threshold - w[fi] * xs - w[fk] * base[fk]) / w[fj]
    inside = (ys >= 0) & (ys <= channel_max)
    return xs[inside], ys[inside]


def plot_luminance_boundary(ax=None, features=(0, 1), fixed=None, channel_max=1.0,
                            label="luminance 128 (the labelling rule)", **line_kwargs):
    """Draw the labelling rule of :func:`nnlib.datasets.font_colors` as a line over two channels.

    The rule says "dark font" where 0.299 R + 0.587 G + 0.114 B >= 128 (R, G, B in 0..255): a
    plane in colour space, so over two channels (``features``, e.g. (0, 1) for red across and
    green up) with the third held at ``fixed`` it is a straight line.  ``channel_max`` is what
    255 is on the axes: 1.0 for inputs divided by 255 (as the networks see them, and as
    :func:`plot_decision_surface` draws them), 255 for raw values.  ``fixed`` is a full colour
    (3 values, in axis units) whose third channel is used; default: half of ``channel_max``.
    Returns the axes.  Dashed black by default; ``line_kwargs`` go to ``ax.plot``.
    """
    ax = _axes(ax)
    xs, ys = luminance_boundary(features, fixed, channel_max)
    style = dict(color="black", linestyle="--", linewidth=1.5, label=label)
    style.update(line_kwargs)
    ax.plot(xs, ys, **style)
    return ax


# The interactive helpers live in nnlib.interactive; chapters import them from here too.
from .interactive import LiveFigure, animation_html, interactive_figure  # noqa: E402,F401
