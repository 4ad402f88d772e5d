"""A fully connected layer: z = X @ weights + bias, a = activation(z).

Shapes, for a batch of ``n`` samples (one sample per row)::

    inputs        (n, n_inputs)           the batch the layer last saw (X)
    weights       (n_inputs, n_outputs)   one column of weights per neuron
    bias          (n_outputs,)            one bias per neuron
    z             (n, n_outputs)          weighted sums, X @ weights + bias
    a             (n, n_outputs)          the layer's output, activation(z)
    delta         (n, n_outputs)          dL/dz, set by the backward pass
    grad_weights  (n_inputs, n_outputs)   dL/dweights = inputs.T @ delta
    grad_bias     (n_outputs,)            dL/dbias = delta summed over rows
"""
import numpy as np

from .activations import get_activation
from .validation import FLOATS, as_real_array, check_batch, check_bool, check_positive_int, make_rng

INITIALIZERS = ("auto", "uniform", "he", "xavier", "zeros")


class Dense:
    """A fully connected layer of ``n_outputs`` neurons, each seeing ``n_inputs`` values.

    Parameters
    ----------
    n_inputs, n_outputs : int
        Sizes; ``weights`` has shape (n_inputs, n_outputs).
    activation : str or Activation
        A name of ``nnlib.ACTIVATIONS`` or an Activation, e.g. ``nnlib.LeakyReLU(0.1)``.
    init : str
        How to draw the starting weights: ``"uniform"`` (weights and bias in [0, 1), as in
        the tutorials the book follows), ``"he"`` (normal with standard deviation
        sqrt(2 / n_inputs), bias 0: for ReLU-like activations), ``"xavier"`` (uniform in
        +-sqrt(6 / (n_inputs + n_outputs)), bias 0: for sigmoid, tanh, linear, softmax),
        ``"zeros"`` (to set weights by hand) or ``"auto"`` (default: "he" for relu and
        leaky_relu, else "xavier").
    seed : None, int >= 0 or numpy Generator
        Seeds the initial weights.  ``Network(..., seed=s)`` re-draws every layer from one
        generator, which is the usual way to seed.
    use_bias : bool
        False keeps the bias at 0 and never updates it (the two-layer tutorial has none).
    """

    def __init__(self, n_inputs, n_outputs, activation="relu", init="auto", seed=None,
                 use_bias=True):
        self.n_inputs = check_positive_int(n_inputs, "n_inputs")
        self.n_outputs = check_positive_int(n_outputs, "n_outputs")
        self.activation = get_activation(activation)
        if self.activation.name == "softmax" and self.n_outputs < 2:
            raise ValueError(f"a softmax layer needs n_outputs >= 2 (its outputs share 1), got "
                             f"{self.n_outputs}; for one output use sigmoid")
        if init not in INITIALIZERS:
            raise ValueError(f"unknown init {init!r}; valid: {', '.join(INITIALIZERS)}")
        self.init = init
        self.use_bias = check_bool(use_bias, "use_bias")
        self.initialize(make_rng(seed))
        self.inputs = self.z = self.a = self.delta = None
        self.grad_weights = self.grad_bias = None

    def initialize(self, rng, dtype=np.float64):
        """Draw fresh ``weights`` and ``bias`` from the generator ``rng``."""
        shape, init, bias = (self.n_inputs, self.n_outputs), self.init, np.zeros(self.n_outputs)
        if init == "auto":
            init = "he" if self.activation.name in ("relu", "leaky_relu") else "xavier"
        if init == "uniform":
            weights = rng.random(shape)
            bias = rng.random(self.n_outputs)
        elif init == "he":
            weights = rng.normal(0.0, np.sqrt(2.0 / self.n_inputs), shape)
        elif init == "xavier":
            limit = np.sqrt(6.0 / (self.n_inputs + self.n_outputs))
            weights = rng.uniform(-limit, limit, shape)
        else:
            weights = np.zeros(shape)
        self.weights = weights.astype(dtype)
        self.bias = (bias if self.use_bias else np.zeros(self.n_outputs)).astype(dtype)

    @property
    def n_parameters(self):
        """How many numbers the layer learns: n_inputs * n_outputs weights + n_outputs biases."""
        return self.weights.size + (self.bias.size if self.use_bias else 0)

    def forward(self, X, checked=False):
        """Output ``a`` (n, n_outputs) for inputs ``X`` (n, n_inputs); keeps X and z for backward.

        Computed in float32 for float32 inputs, else in float64 (integers and bools too);
        ``checked=True`` (a Network's call) skips the check of X."""
        X = X if checked else check_batch(X, self.n_inputs)
        weights, bias = self.weights, self.bias
        if weights.dtype is not X.dtype:   # float32 inputs: computed in float32
            weights, bias = weights.astype(X.dtype, copy=False), bias.astype(X.dtype, copy=False)
        self.inputs = X
        self.z = X @ weights + bias
        self.a = self.activation.forward(self.z)   # the activation, unguarded: z is fine
        return self.a

    def backward(self, grad, input_grad=True, checked=False):
        """Backpropagate dL/da (n, n_outputs); return dL/dX (n, n_inputs).

        Sets ``delta`` = dL/dz, ``grad_weights`` and ``grad_bias``.  With ``input_grad=False``
        (the first layer, whose input is the data) dL/dX is not computed: None is returned.
        """
        grad = grad if checked else self._shaped_like_z(grad, "grad (dL/da)")
        return self.backward_delta(self.activation.backward(self.z, self.a, grad), input_grad,
                                   checked=True)

    def backward_delta(self, delta, input_grad=True, checked=False):
        """Backpropagate dL/dz (n, n_outputs) directly; return dL/dX (n, n_inputs).

        Used when the loss gives dL/dz itself (the stable sigmoid and softmax cross-entropies)
        and by a Network, which passes ``checked=True`` (delta has the shape of z)."""
        self.delta = delta = delta if checked else self._shaped_like_z(delta, "delta (dL/dz)")
        self.grad_weights = self.inputs.T @ delta                  # (n_inputs, n_outputs)
        if self.use_bias:
            self.grad_bias = np.add.reduce(delta, axis=0)          # (n_outputs,): delta summed over rows
        else:
            self.grad_bias = np.zeros_like(self.bias, dtype=delta.dtype)
        if not input_grad:
            return None
        weights = self.weights if self.weights.dtype is delta.dtype else self.weights.astype(delta.dtype)
        return delta @ weights.T                                   # (n, n_inputs)

    def _shaped_like_z(self, grad, name):
        """The guard of the backward pass: ``grad`` must have the shape of the last ``z``."""
        if self.z is None:
            raise RuntimeError("backward() called before forward(): the layer has no inputs to "
                               "differentiate with respect to")
        if type(grad) is np.ndarray and grad.dtype in FLOATS and grad.shape == self.z.shape:
            return grad   # the usual case, at once
        grad = as_real_array(grad, name)
        if grad.shape != self.z.shape:   # never broadcast
            raise ValueError(f"{name} has shape {grad.shape}, expected {self.z.shape} (that of z)")
        return grad

    def __repr__(self):
        return (f"Dense({self.n_inputs}, {self.n_outputs}, activation={self.activation.name!r})")
