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


class Loss:
    """Base class. ``reduction`` is "sum" or "mean" over the samples."""

    name = None
    reduction = "mean"
    requires_activation = None   # name of the output activation this loss needs, or None

    def __call__(self, a, y):
        raise NotImplementedError

    def gradient(self, a, y):
        """dL/da, same shape as ``a``."""
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}()"


class SumSquaredError(Loss):
    """L = sum over all samples and outputs of (a - y)^2; dL/da = 2 (a - y).

    The loss of the two-layer tutorial and of the font network, which train
    on it with learning rates chosen for the *sum*, not the mean.
    """

    name = "sse"
    reduction = "sum"

    def __call__(self, a, y):
        return float(np.sum((a - y) ** 2))

    def gradient(self, a, y):
        return 2 * (a - y)


class MeanSquaredError(Loss):
    """L = mean over all samples and outputs of (a - y)^2; dL/da = 2 (a - y) / a.size."""

    name = "mse"

    def __call__(self, a, y):
        return float(np.mean((a - y) ** 2))

    def gradient(self, a, y):
        return 2 * (a - y) / a.size


class BinaryCrossEntropy(Loss):
    """L = -mean(y log a + (1 - y) log(1 - a)), for sigmoid outputs and 0/1 targets.

    ``__call__`` and ``gradient`` work on probabilities ``a`` (clipped to
    [1e-12, 1 - 1e-12] so that a confident mistake costs about 27.6, not inf);
    training uses the exact, stable ``from_logits`` and ``delta``.
    """

    name = "binary_crossentropy"
    requires_activation = "sigmoid"
    eps = 1e-12

    def __call__(self, a, y):
        a = np.clip(a, self.eps, 1 - self.eps)
        return float(-np.mean(y * np.log(a) + (1 - y) * np.log1p(-a)))

    def gradient(self, a, y):
        a = np.clip(a, self.eps, 1 - self.eps)
        return (a - y) / (a * (1 - a)) / a.size

    def from_logits(self, z, y):
        """The loss computed from the sigmoid's input ``z``; exact and stable."""
        return float(np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))))

    def delta(self, z, y, a=None):
        """dL/dz of the combined sigmoid + cross-entropy: (sigmoid(z) - y) / z.size.

        ``a`` = sigmoid(z) may be passed in when it is already known.
        """
        return ((Sigmoid()(z) if a is None else a) - y) / z.size


class CategoricalCrossEntropy(Loss):
    """L = -mean over samples of sum_k y_k log a_k, for softmax outputs and one-hot targets."""

    name = "categorical_crossentropy"
    requires_activation = "softmax"
    eps = 1e-12

    def __call__(self, a, y):
        a = np.clip(a, self.eps, 1.0)
        return float(-np.sum(y * np.log(a)) / a.shape[0])

    def gradient(self, a, y):
        return -y / np.clip(a, self.eps, 1.0) / a.shape[0]

    def from_logits(self, z, y):
        """The loss computed from the softmax's input ``z`` with log-sum-exp; stable."""
        m = z.max(axis=1, keepdims=True)
        logsumexp = m + np.log(np.exp(z - m).sum(axis=1, keepdims=True))
        return float(np.sum(y * (logsumexp - z)) / z.shape[0])

    def delta(self, z, y, a=None):
        """dL/dz of the combined softmax + cross-entropy: (softmax(z) - y) / n.

        ``a`` = softmax(z) may be passed in when it is already known.
        """
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
