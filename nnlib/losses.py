"""Loss functions: how far the network's output is from the target.

One public protocol, used by Network and gradient_check: for outputs ``a`` and targets ``y``,
both (n_samples, n_outputs), ``loss(a, y)`` is the loss, ``loss.gradient(a, y)`` is dL/da and
``loss.check_targets(y)`` applies the loss's rules to its targets.  The cross-entropies, paired
with their output activation (``requires_activation``), also compute from the output layer's
weighted sums ``z`` (the "logits"), stably: ``loss.from_logits(z, y)`` and ``loss.delta(z, y)``
= dL/dz, which is (sigmoid(z) - y) / n and (softmax(z) - y) / n.  Neither takes the log of a
probability that has rounded to 0, so the loss is finite for any finite z.

Each method checks its arguments (finite real arrays of one shape, never broadcast) unless
``checked=True`` says the caller has, as Network does once for its data.
"""
import numpy as np

from .activations import Sigmoid, Softmax
from .validation import as_float_array


class Loss:
    """Base class: ``loss(a, y)`` and ``gradient(a, y)``; ``reduction`` is "sum" or "mean"."""

    name = None
    reduction = "mean"
    requires_activation = None   # name of the output activation this loss needs, or None

    def check_targets(self, y, name="y"):
        """``y`` (n, k) if this loss accepts it as targets, else ValueError."""
        return y

    def check_output_activation(self, activation):
        """Refuse an output layer whose activation is not the one this loss needs."""
        if self.requires_activation and activation.name != self.requires_activation:
            raise ValueError(f"loss {self.name!r} needs a {self.requires_activation!r} output "
                             f"layer, but the last layer's activation is {activation.name!r}")


def matched(a, y, name_a="a (the outputs)"):
    """``a`` and ``y`` as finite float arrays of one shape (n, k), y (n,) taken as (n, 1); never
    broadcast (n, 1) against (n,), which compares every output with every target."""
    a, y = as_float_array(a, name_a), as_float_array(y, "y (the targets)")
    a = a.reshape(-1, 1) if a.ndim == 1 else a
    y = y.reshape(-1, 1) if y.ndim == 1 and a.shape == (y.shape[0], 1) else y
    if a.shape != y.shape or a.ndim != 2:
        raise ValueError(f"outputs a have shape {a.shape} but targets y have shape {y.shape}; "
                         f"expected the same shape (n, k) (y of shape (n,) is accepted for (n, 1))")
    return a, y


class SumSquaredError(Loss):
    """L = sum over all samples and outputs of (a - y)^2; dL/da = 2 (a - y).

    The loss of the two-layer tutorial and the font network: learning rates for the *sum*."""

    name = "sse"
    reduction = "sum"

    def __call__(self, a, y, checked=False):
        a, y = (a, y) if checked else matched(a, y)
        return float(np.sum((a - y) ** 2))

    def gradient(self, a, y, checked=False):
        a, y = (a, y) if checked else matched(a, y)
        return 2 * (a - y)


class MeanSquaredError(Loss):
    """L = mean over all samples and outputs of (a - y)^2; dL/da = 2 (a - y) / a.size."""

    name = "mse"

    def __call__(self, a, y, checked=False):
        a, y = (a, y) if checked else matched(a, y)
        return float(np.mean((a - y) ** 2))

    def gradient(self, a, y, checked=False):
        a, y = (a, y) if checked else matched(a, y)
        return 2 * (a - y) / a.size


class CombinedLoss(Loss):
    """A loss computed with its output activation from the logits ``z``: ``from_logits(z, y)``
    and ``delta(z, y, a=None)`` = dL/dz, where ``a`` = activation(z) may be passed if known."""

    def check_targets(self, y, name="y"):
        if y.min() < 0 or y.max() > 1:
            raise ValueError(f"{name} must be in [0, 1] for {self.name}, "
                             f"got values from {y.min()} to {y.max()}")
        return y


class BinaryCrossEntropy(CombinedLoss):
    """L = -mean(y log a + (1 - y) log(1 - a)), for sigmoid outputs and 0/1 targets.

    ``loss(a, y)`` and ``gradient`` take probabilities ``a``, clipped to [1e-12, 1 - 1e-12] (a
    confident mistake costs 27.6, not inf); training uses the exact ``from_logits``, ``delta``.
    """

    name = "binary_crossentropy"
    requires_activation = "sigmoid"
    eps = 1e-12

    def __call__(self, a, y, checked=False):
        a, y = (a, y) if checked else matched(a, y)
        a = np.clip(a, self.eps, 1 - self.eps)
        return float(-np.mean(y * np.log(a) + (1 - y) * np.log1p(-a)))

    def gradient(self, a, y, checked=False):
        a, y = (a, y) if checked else matched(a, y)
        a = np.clip(a, self.eps, 1 - self.eps)
        return (a - y) / (a * (1 - a)) / a.size

    def from_logits(self, z, y, checked=False):   # mean(max(z, 0) - z y + log(1 + exp(-|z|)))
        z, y = (z, y) if checked else matched(z, y, "z (the logits)")
        return float(np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))))

    def delta(self, z, y, a=None, checked=False):   # (sigmoid(z) - y) / z.size
        z, y = (z, y) if checked else matched(z, y, "z (the logits)")
        return ((Sigmoid()(z) if a is None else a) - y) / z.size


class CategoricalCrossEntropy(CombinedLoss):
    """L = -mean over samples of sum_k y_k log a_k, for softmax outputs and one-hot targets."""

    name = "categorical_crossentropy"
    requires_activation = "softmax"
    eps = 1e-12

    def check_targets(self, y, name="y"):
        if y.min() < 0 or y.max() > 1 or not np.allclose(y.sum(axis=1), 1):
            raise ValueError(f"{name} must be one-hot rows (or class labels) for "
                             f"{self.name}; some rows do not sum to 1")
        return y

    def __call__(self, a, y, checked=False):
        a, y = (a, y) if checked else matched(a, y)
        return float(-np.sum(y * np.log(np.clip(a, self.eps, 1.0))) / a.shape[0])

    def gradient(self, a, y, checked=False):
        a, y = (a, y) if checked else matched(a, y)
        return -y / np.clip(a, self.eps, 1.0) / a.shape[0]

    def from_logits(self, z, y, checked=False):   # mean(logsumexp(z) - sum(y z))
        z, y = (z, y) if checked else matched(z, y, "z (the logits)")
        m = z.max(axis=1, keepdims=True)
        logsumexp = m + np.log(np.exp(z - m).sum(axis=1, keepdims=True))
        return float(np.sum(y * (logsumexp - z)) / z.shape[0])

    def delta(self, z, y, a=None, checked=False):   # (softmax(z) - y) / n
        z, y = (z, y) if checked else matched(z, y, "z (the logits)")
        return ((Softmax()(z) if a is None else a) - y) / z.shape[0]


LOSSES = {cls.name: cls for cls in
          (SumSquaredError, MeanSquaredError, BinaryCrossEntropy, CategoricalCrossEntropy)}


def get_loss(loss):
    """A :class:`Loss` from its name (see ``LOSSES``) or an instance."""
    if isinstance(loss, Loss):
        return loss
    if not isinstance(loss, str):
        raise TypeError(f"loss must be a name or a Loss, got {type(loss).__name__}; "
                        f"valid names: {', '.join(LOSSES)}")
    if loss not in LOSSES:
        raise ValueError(f"unknown loss {loss!r}; valid names: {', '.join(LOSSES)}")
    return LOSSES[loss]()
