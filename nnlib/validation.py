"""The guards, kept here so that the mathematics elsewhere reads without them: each names the
argument, what it got and what it expects, and raises before anything changes; nothing is
silently truncated, broadcast or NaN.  (Files are checked in :mod:`nnlib.files`.)"""
import functools
import math
import numbers

import numpy as np

FLOATS = (np.dtype(np.float64), np.dtype(np.float32))


# ------------------------------------------------------------------ arrays
def as_real_array(value, name):
    """``value`` as a float array (float32 kept, integers and bools as float64); not complex."""
    if type(value) is np.ndarray and value.dtype in FLOATS:   # the usual case, at once
        return value
    try:
        arr = np.asarray(value)
    except Exception as exc:  # ragged lists and the like
        raise TypeError(f"{name} must be array-like of numbers; could not convert it: {exc}") from None
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{name} must contain numbers (real: not complex), got an array of dtype "
                        f"{arr.dtype}")
    return arr if arr.dtype in FLOATS else arr.astype(np.float64)


def as_float_array(value, name):
    """:func:`as_real_array`, with every value finite."""
    arr = as_real_array(value, name)
    with np.errstate(over="ignore", invalid="ignore"):   # a finite sum: one pass, no copy
        finite = math.isfinite(np.add.reduce(arr, axis=None)) or np.isfinite(arr).all()
    if not finite:
        raise ValueError(f"{name} contains {arr.size - np.count_nonzero(np.isfinite(arr))} NaN or "
                         f"infinite value(s); expected finite numbers")
    return arr


def check_batch(X, n_features=None, name="X"):
    """X as a real array of shape (n_samples, n_features); its values are not looked at."""
    if (type(X) is np.ndarray and X.dtype in FLOATS and X.ndim == 2
            and (n_features is None or X.shape[1] == n_features)):
        return X   # the usual case, at once
    X = as_real_array(X, name)
    if X.ndim != 2:
        hint = (f"; for one sample use {name}.reshape(1, -1), for one feature use "
                f"{name}.reshape(-1, 1)" if X.ndim == 1 else "")
        raise ValueError(f"{name} must be 2-D with shape (n_samples, n_features), "
                         f"got shape {X.shape}{hint}")
    if n_features is not None and X.shape[1] != n_features:
        raise ValueError(f"{name} has {X.shape[1]} features (columns), but the network's "
                         f"first layer expects n_inputs={n_features}")
    return X


def check_X(X, n_features=None, name="X"):
    """A finite float array of shape (n_samples, n_features), with at least one row."""
    X = check_batch(as_float_array(X, name), n_features, name)
    if X.shape[0] == 0:
        raise ValueError(f"{name} has no rows; expected at least one sample")
    return X


def check_y(y, n_samples, n_outputs, name="y"):
    """Targets as a float array (n_samples, n_outputs), from (n,) or (n, 1) for one output,
    (n, n_outputs) or (n,) class labels (one-hot encoded) for several.  A loss's own rules
    about its targets are in its ``check_targets``."""
    y = as_float_array(y, name)
    if y.ndim not in (1, 2):
        raise ValueError(f"{name} must be 1-D or 2-D, got shape {y.shape}")
    if y.shape[0] != n_samples:
        raise ValueError(f"{name} has {y.shape[0]} rows but X has {n_samples}; "
                         f"expected one target per sample")
    if y.ndim == 1:
        from .datasets import one_hot
        return y.reshape(-1, 1) if n_outputs == 1 else one_hot(y, n_outputs, name=name)
    if y.shape[1] != n_outputs:
        raise ValueError(f"{name} has shape {y.shape}, but the network has {n_outputs} output(s); "
                         f"expected ({n_samples}, {n_outputs}) or ({n_samples},)"
                         + (" class labels" if n_outputs > 1 else ""))
    return y


def takes_real_array(method, rows=False):
    """Decorator: an activation's method gets ``z`` as a real float array, 2-D if ``rows``."""
    check = check_batch if rows else as_real_array

    @functools.wraps(method)
    def checked(self, z):
        return method(self, check(z, name="z"))
    return checked


# ------------------------------------------------------------------ scalars
def check_positive_int(value, name):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a positive integer, got {value!r} "
                        f"({type(value).__name__})")
    if value <= 0:
        raise ValueError(f"{name} must be a positive integer, got {value}")
    return int(value)


def check_positive_float(value, name, zero_allowed=False):
    what = "a non-negative" if zero_allowed else "a positive"
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be {what} number, got {value!r} ({type(value).__name__})")
    if not (math.isfinite(value) and (value > 0 or (zero_allowed and value == 0))):
        raise ValueError(f"{name} must be {what}, finite number, got {value}")
    return float(value)


def check_bool(value, name):
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {value!r} ({type(value).__name__})")
    return bool(value)


def make_rng(seed, name="seed"):
    """A numpy Generator from ``seed``: None (unseeded), an int >= 0, or a Generator (used as is)."""
    if seed is not None and not isinstance(seed, np.random.Generator):
        if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
            error = ValueError if isinstance(seed, numbers.Integral) else TypeError
            raise error(f"{name} must be None, an integer >= 0 or a numpy.random.Generator, "
                        f"got {seed!r} ({type(seed).__name__})")
        seed = int(seed)
    return np.random.default_rng(seed)


# ------------------------------------------------------------------ networks
def check_layer_list(layers, dense):
    """``layers`` as a list of distinct ``dense`` layers whose sizes chain."""
    layers = [layers] if isinstance(layers, dense) else layers
    if not isinstance(layers, (list, tuple)) or not layers:
        raise TypeError(f"layers must be a non-empty list of Dense layers, got {layers!r}")
    for i, layer in enumerate(layers):
        if not isinstance(layer, dense):
            raise TypeError(f"layers[{i}] must be a Dense layer, got {type(layer).__name__}")
        if any(layer is other for other in layers[:i]):
            raise ValueError(f"layers[{i}] is the same Dense object as an earlier layer; create "
                             f"one Dense per layer: [Dense(3, 3) for _ in range(2)], not "
                             f"[Dense(3, 3)] * 2")
        if i and layer.n_inputs != layers[i - 1].n_outputs:
            raise ValueError(
                f"layer sizes do not chain: layers[{i - 1}] has {layers[i - 1].n_outputs} "
                f"outputs but layers[{i}] expects n_inputs={layer.n_inputs}; "
                f"expected layers[{i}] = Dense({layers[i - 1].n_outputs}, ...)")
    return list(layers)


def parameters(layers):
    """Every weight and bias of ``layers`` in one flat copy: what training checks and restores."""
    return np.concatenate([p.ravel() for layer in layers for p in (layer.weights, layer.bias)])


def restore_parameters(layers, saved):
    """Copy the flat ``saved`` (of :func:`parameters`) back into the layers' arrays."""
    start = 0
    for p in [p for layer in layers for p in (layer.weights, layer.bias)]:
        p[...] = saved[start:start + p.size].reshape(p.shape)
        start += p.size


def check_finite(values, what):
    """Refuse NaN or infinite ``values``: a network's weights (it diverged) or outputs."""
    if not np.isfinite(values).all():
        raise ValueError(f"the network's {what} contain NaN or infinite values, so its outputs "
                         f"would be wrong: train it again with a smaller learning_rate")
    return values


class TrainingDiverged(FloatingPointError):
    """Training made the loss or a weight NaN or infinite (usually: too large a learning rate).

    The weights are back as they were before the failing epoch (or step); ``epoch`` (0-based,
    None for a step), ``learning_rate`` and ``history`` (of the epochs that finished) say where.
    """

    def __init__(self, message, epoch=None, learning_rate=None, history=None):
        super().__init__(message)
        self.epoch, self.learning_rate, self.history = epoch, learning_rate, history


def check_converging(layers, before, after, loss, learning_rate, epoch=None, history=None):
    """If ``loss`` or a parameter ``after`` the epoch (or step) is not finite (or their sum
    overflows), put those of ``before`` back and raise :class:`TrainingDiverged`, naming the
    epoch and learning rate."""
    if math.isfinite(loss) and math.isfinite(np.add.reduce(after)):
        return
    restore_parameters(layers, before)
    where = "in this step" if epoch is None else f"in epoch {epoch + 1} (epoch={epoch})"
    what = f"the loss became {loss}" if not math.isfinite(loss) else "a weight became NaN or inf"
    raise TrainingDiverged(f"training diverged {where} with learning_rate={learning_rate:g}: {what}"
                           f". The weights are back as they were before it. Try a smaller "
                           f"learning_rate (e.g. {learning_rate / 10:g}) or inputs scaled to "
                           f"about [-1, 1]" + ("" if epoch is None else "; its .history holds "
                                               "the epochs before it"), epoch, learning_rate, history)
