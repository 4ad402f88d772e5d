"""Argument checks shared by the public functions.

Each check raises ``TypeError`` or ``ValueError`` with a message that names
the argument, says what it got and what it expects.  Nothing is silently
broadcast, and no NaN gets into a computation.
"""
import numbers

import numpy as np


def as_float_array(value, name):
    """``value`` as a float array: float32 stays float32, anything else becomes float64."""
    try:
        arr = np.asarray(value)
    except Exception as exc:  # ragged lists and the like
        raise TypeError(f"{name} must be array-like of numbers; could not convert it: {exc}") from None
    if arr.dtype == np.float32 or arr.dtype == np.float64:
        pass
    elif arr.dtype.kind in "biuf":
        arr = arr.astype(np.float64)
    else:
        raise TypeError(f"{name} must contain numbers, got an array of dtype {arr.dtype}")
    if not np.all(np.isfinite(arr)):
        bad = int(np.size(arr) - np.count_nonzero(np.isfinite(arr)))
        raise ValueError(f"{name} contains {bad} NaN or infinite value(s); expected finite numbers")
    return arr


def check_X(X, n_features=None, name="X"):
    """A 2-D float array of shape (n_samples, n_features)."""
    X = as_float_array(X, name)
    if X.ndim != 2:
        hint = ""
        if X.ndim == 1:
            hint = (f"; for one sample use {name}.reshape(1, -1), "
                    f"for one feature use {name}.reshape(-1, 1)")
        raise ValueError(f"{name} must be 2-D with shape (n_samples, n_features), "
                         f"got shape {X.shape}{hint}")
    if X.shape[0] == 0:
        raise ValueError(f"{name} has no rows; expected at least one sample")
    if n_features is not None and X.shape[1] != n_features:
        raise ValueError(f"{name} has {X.shape[1]} features (columns), but the network's "
                         f"first layer expects n_inputs={n_features}")
    return X


def check_y(y, n_samples, n_outputs, loss_name=None, name="y"):
    """Targets as a float array of shape (n_samples, n_outputs).

    Accepted: (n,) or (n, 1) when there is one output; (n, n_outputs) targets
    or (n,) integer class labels (one-hot encoded here) when there are several.
    """
    y = as_float_array(y, name)
    if y.ndim not in (1, 2):
        raise ValueError(f"{name} must be 1-D or 2-D, got shape {y.shape}")
    if y.shape[0] != n_samples:
        raise ValueError(f"{name} has {y.shape[0]} rows but X has {n_samples}; "
                         f"expected one target per sample")
    if y.ndim == 1:
        if n_outputs == 1:
            y = y.reshape(-1, 1)
        else:
            y = one_hot(y, n_outputs, name=name).astype(y.dtype)
    elif y.shape[1] != n_outputs:
        raise ValueError(f"{name} has shape {y.shape}, but the network has {n_outputs} "
                         f"output(s); expected ({n_samples}, {n_outputs})"
                         + (f" or class labels of shape ({n_samples},)" if n_outputs > 1 else
                            f" or ({n_samples},)"))
    if loss_name == "binary_crossentropy" and (y.min() < 0 or y.max() > 1):
        raise ValueError(f"{name} must be in [0, 1] for binary_crossentropy, "
                         f"got values from {y.min()} to {y.max()}")
    if loss_name == "categorical_crossentropy":
        if y.min() < 0 or y.max() > 1 or not np.allclose(y.sum(axis=1), 1):
            raise ValueError(f"{name} must be one-hot rows (or class labels) for "
                             f"categorical_crossentropy; some rows do not sum to 1")
    return y


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


def check_positive_int(value, name):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a positive integer, got {value!r} "
                        f"({type(value).__name__})")
    if value <= 0:
        raise ValueError(f"{name} must be a positive integer, got {value}")
    return int(value)


def check_positive_float(value, name):
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a positive number, got {value!r} "
                        f"({type(value).__name__})")
    if not (np.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be a positive, finite number, got {value}")
    return float(value)
