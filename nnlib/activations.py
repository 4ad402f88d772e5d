"""Activation functions: each with its value, its derivative and its SymPy form.

An activation is applied element-wise to a layer's weighted sums ``z`` (n_samples, n_neurons)
and gives the layer's output ``a`` of the same shape; softmax mixes the neurons of one row, so
its derivative is a Jacobian.  Each answers three questions, so that a chapter can plot and
differentiate *exactly* the function that training uses: ``act(z)``, the value (stable);
``act.derivative(z)``, da/dz; ``act.symbolic(x)``, the same function in SymPy.
"""
import numpy as np

from .validation import check_positive_float, takes_real_array


class Activation:
    """Base class. Subclasses set ``name`` and implement ``__call__(z)``, ``derivative(z)``
    (da/dz, element-wise) and ``symbolic(x=None)`` (a SymPy expression of the symbol x)."""

    name = None
    rows = False   # True if z must be 2-D, one sample per row (softmax)

    def __init_subclass__(cls):
        """The guard: ``__call__`` and ``derivative`` get ``z`` as a real float array; a layer
        calls ``forward(z)``, the same function unguarded (its z is fine), beside ``backward``."""
        cls.forward = vars(cls).get("__call__", getattr(cls, "forward", None))
        for method in ("__call__", "derivative"):
            if method in vars(cls):
                setattr(cls, method, takes_real_array(vars(cls)[method], rows=cls.rows))

    def backward(self, z, a, grad):
        """dL/dz from dL/da (``grad``), all (n, k); ``a`` = self(z) saves sigmoid and tanh work."""
        return grad * self.derivative(z)

    def params(self):
        """Extra parameters (for saving and export); {} for most."""
        return {}

    def __repr__(self):
        extra = ", ".join(f"{k}={v!r}" for k, v in self.params().items())
        return f"{type(self).__name__}({extra})"

    def __eq__(self, other):
        return type(self) is type(other) and self.params() == other.params()

    def __hash__(self):
        return hash((type(self).__name__, tuple(sorted(self.params().items()))))


def _sympy(x):   # SymPy, and the symbol x (a real x if None)
    import sympy as sp
    return sp, (sp.Symbol("x", real=True) if x is None else x)


class Linear(Activation):
    """Identity: a = z. Range (-inf, inf). Used for regression outputs."""

    name = "linear"

    def __call__(self, z):
        return z

    def derivative(self, z):
        return np.ones_like(z)

    def backward(self, z, a, grad):
        return grad

    def symbolic(self, x=None):
        return _sympy(x)[1]


class Sigmoid(Activation):
    """Logistic function: a = 1 / (1 + exp(-z)). Range (0, 1): a binary output's probability.

    Computed as exp(-log(1 + exp(-z))) with ``np.logaddexp(0, -z)``, which never overflows.
    """

    name = "sigmoid"

    def __call__(self, z):
        return np.exp(-np.logaddexp(0, -z))

    def derivative(self, z):
        # a (1 - a), written as sigmoid(z) sigmoid(-z) so that the tail z >> 0,
        # where 1 - a cancels to 0, keeps full relative precision
        return self(z) * self(-z)

    def backward(self, z, a, grad):
        return grad * a * (1 - a)   # the same to within 1e-16 absolute, and cheaper

    def symbolic(self, x=None):
        sp, x = _sympy(x)
        return 1 / (1 + sp.exp(-x))


class Tanh(Activation):
    """Hyperbolic tangent: a = tanh(z). Range (-1, 1). A zero-centred sigmoid."""

    name = "tanh"

    def __call__(self, z):
        return np.tanh(z)

    def derivative(self, z):
        return 1 - np.tanh(z) ** 2

    def backward(self, z, a, grad):
        return grad * (1 - a * a)

    def symbolic(self, x=None):
        sp, x = _sympy(x)
        return sp.tanh(x)


class ReLU(Activation):
    """Rectified linear unit: a = max(0, z), for hidden layers; its derivative at 0 is 0."""

    name = "relu"

    def __call__(self, z):
        return np.maximum(z, 0)

    def derivative(self, z):
        return (z > 0).astype(z.dtype)

    def backward(self, z, a, grad):
        return grad * (z > 0)

    def symbolic(self, x=None):
        sp, x = _sympy(x)
        return sp.Piecewise((0, x <= 0), (x, True))


class LeakyReLU(Activation):
    """Leaky ReLU: a = z for z > 0, else slope * z: a ReLU whose gradient never dies."""

    name = "leaky_relu"

    def __init__(self, slope=0.01):
        self.slope = check_positive_float(slope, "slope", zero_allowed=True)
        if self.slope >= 1:
            raise ValueError(f"slope must be in [0, 1), got {slope!r}")

    def __call__(self, z):
        return np.where(z > 0, z, self.slope * z)

    def derivative(self, z):
        return np.where(z > 0, 1.0, self.slope).astype(z.dtype)

    def backward(self, z, a, grad):
        return grad * np.where(z > 0, 1.0, self.slope).astype(grad.dtype)

    def symbolic(self, x=None):
        sp, x = _sympy(x)
        return sp.Piecewise((sp.nsimplify(self.slope) * x, x <= 0), (x, True))

    def params(self):
        return {"slope": self.slope}


class Softmax(Activation):
    """Softmax over each row: a_i = exp(z_i) / sum_j exp(z_j), a multi-class output.

    The row maximum is subtracted before ``exp`` (which changes nothing) so nothing overflows.
    """

    name = "softmax"
    rows = True

    def __call__(self, z):
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def derivative(self, z):
        """The Jacobian da_i/dz_j of each row: shape (n, k, k)."""
        a = self(z)
        return a[:, :, None] * (np.eye(z.shape[1], dtype=z.dtype) - a[:, None, :])

    def backward(self, z, a, grad):
        # Jacobian-vector product without building the (n, k, k) Jacobian:
        # dL/dz_j = a_j * (dL/da_j - sum_i dL/da_i * a_i)
        return a * (grad - (grad * a).sum(axis=1, keepdims=True))

    def symbolic(self, x=None):
        """A SymPy Matrix of the softmax of the symbols ``x`` (default z1, z2, z3)."""
        import sympy as sp
        exps = [sp.exp(xi) for xi in (sp.symbols("z1:4", real=True) if x is None else x)]
        return sp.Matrix([e / sum(exps) for e in exps])


ACTIVATIONS = {cls.name: cls for cls in (Linear, Sigmoid, Tanh, ReLU, LeakyReLU, Softmax)}


def get_activation(activation, **params):
    """An :class:`Activation` from its name (see ``ACTIVATIONS``) or an instance, e.g.
    ``get_activation("leaky_relu", slope=0.1)``."""
    if isinstance(activation, Activation):
        return activation
    activation = "linear" if activation is None else activation
    if not isinstance(activation, str):
        raise TypeError(f"activation must be a name or an Activation, got "
                        f"{type(activation).__name__}; valid names: {', '.join(ACTIVATIONS)}")
    if activation not in ACTIVATIONS:
        raise ValueError(f"unknown activation {activation!r}; valid names: {', '.join(ACTIVATIONS)}")
    return ACTIVATIONS[activation](**params)
