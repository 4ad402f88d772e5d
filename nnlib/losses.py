"""Loss functions: how far the network's output is from the target.

Every loss takes the network's output ``a`` and the target ``y``, both of
shape ``(n_samples, n_outputs)``, and gives a float.  ``gradient(a, y)`` is
dL/da with the shape of ``a``; backpropagation starts from it.

The two cross-entropies are paired with the output activation they belong
to (``requires_activation``) and are computed in their *combined*, stable
form from the output layer's weighted sums ``z`` (the "logits"):

- sigmoid + binary cross-entropy:   L = mean(max(z, 0) - z*y + log(1 + exp(-|z|)))
  and dL/dz = (sigmoid(z) - y) / n;
- softmax + categorical cross-entropy: L = mean(logsumexp(z) - sum(y * z))
  and dL/dz = (softmax(z) - y) / n.

Neither form takes the log of a probability that has rounded to 0, so the
loss stays finite for any finite ``z``.  Look a loss up with :func:`get_loss`.
"""
import numpy as np

from .activations import Sigmoid, Softmax
from .validation import as_float_array


class Loss:
    """Base class. ``reduction`` is "sum" or "mean" over the samples."""

    name = None
    reduction = "mean"
    requires_activation = None   # name of the output activation this loss needs, or None

    def __call__(self, a, y):
        """The loss of outputs ``a`` against targets ``y``, a float."""
        return self._value(*_matched(a, y))

    def gradient(self, a, y):
        """dL/da, same shape as ``a``."""
        return self._gradient(*_matched(a, y)).reshape(np.shape(a))

    def __repr__(self):
        return f"{type(self).__name__}()"


def _matched(a, y):
    """``a`` and ``y`` as float arrays of one shape; y of shape (n,) is taken as (n, 1).

    Anything else that differs is an error: broadcasting (n, 1) against (n,)
    would silently compare every output with every target.
    """
    a, y = as_float_array(a, "a (the outputs)"), as_float_array(y, "y (the targets)")
    if a.ndim == 1:
        a = a.reshape(-1, 1)
    if y.ndim == 1 and a.shape == (y.shape[0], 1):
        y = y.reshape(-1, 1)
    if a.shape != y.shape:
        raise ValueError(f"outputs a have shape {a.shape} but targets y have shape {y.shape}; "
                         f"expected the same shape (y of shape (n,) is accepted for (n, 1))")
    return a, y


class SumSquaredError(Loss):
    """L = sum over all samples and outputs of (a - y)^2; dL/da = 2 (a - y).

    The loss of the two-layer tutorial and of the font network, which train
    on it with learning rates chosen for the *sum*, not the mean.
    """

    name = "sse"
    reduction = "sum"

    def _value(self, a, y):
        return float(np.sum((a - y) ** 2))

    def _gradient(self, a, y):
        return 2 * (a - y)


class MeanSquaredError(Loss):
    """L = mean over all samples and outputs of (a - y)^2; dL/da = 2 (a - y) / a.size."""

    name = "mse"

    def _value(self, a, y):
        return float(np.mean((a - y) ** 2))

    def _gradient(self, a, y):
        return 2 * (a - y) / a.size


class CombinedLoss(Loss):
    """A loss that is computed together with its output activation, from ``z``.

    Subclasses implement ``_from_logits(z, y)`` and ``_delta(z, y, a)``.
    """

    def from_logits(self, z, y):
        """The loss computed from the output layer's weighted sums ``z`` (n, k); stable."""
        return self._from_logits(*_matched(z, y))

    def delta(self, z, y, a=None):
        """dL/dz (n, k) of the activation and loss together: (a - y) / normaliser.

        ``a`` = activation(z) may be passed in when it is already known.
        """
        return self._delta(*_matched(z, y), a)


class BinaryCrossEntropy(CombinedLoss):
    """L = -mean(y log a + (1 - y) log(1 - a)), for sigmoid outputs and 0/1 targets.

    ``__call__`` and ``gradient`` work on probabilities ``a`` (clipped to
    [1e-12, 1 - 1e-12] so that a confident mistake costs about 27.6, not inf);
    training uses the exact, stable ``from_logits`` and ``delta``.
    """

    name = "binary_crossentropy"
    requires_activation = "sigmoid"
    eps = 1e-12

    def _value(self, a, y):
        a = np.clip(a, self.eps, 1 - self.eps)
        return float(-np.mean(y * np.log(a) + (1 - y) * np.log1p(-a)))

    def _gradient(self, a, y):
        a = np.clip(a, self.eps, 1 - self.eps)
        return (a - y) / (a * (1 - a)) / a.size

    def _from_logits(self, z, y):
        return float(np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))))

    def _delta(self, z, y, a=None):   # (sigmoid(z) - y) / z.size
        return ((Sigmoid()(z) if a is None else a) - y) / z.size


class CategoricalCrossEntropy(CombinedLoss):
    """L = -mean over samples of sum_k y_k log a_k, for softmax outputs and one-hot targets."""

    name = "categorical_crossentropy"
    requires_activation = "softmax"
    eps = 1e-12

    def _value(self, a, y):
        a = np.clip(a, self.eps, 1.0)
        return float(-np.sum(y * np.log(a)) / a.shape[0])

    def _gradient(self, a, y):
        return -y / np.clip(a, self.eps, 1.0) / a.shape[0]

    def _from_logits(self, z, y):
        m = z.max(axis=1, keepdims=True)
        logsumexp = m + np.log(np.exp(z - m).sum(axis=1, keepdims=True))
        return float(np.sum(y * (logsumexp - z)) / z.shape[0])

    def _delta(self, z, y, a=None):   # (softmax(z) - y) / n
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
