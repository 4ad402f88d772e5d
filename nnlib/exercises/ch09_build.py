"""Checks for the exercises of chapter 9 that extend nnlib through its public API.

- ``ch9-momentum-network``: a ``Network`` subclass whose ``step`` uses momentum;
- ``ch9-early-stopping``: a ``fit`` callback that keeps the best weights and stops training;
- ``ch9-softplus``: a new :class:`~nnlib.Activation`, whose SymPy-derived derivative passes
  :func:`~nnlib.gradient_check`.

Each checker runs the reader's code on a small problem and compares it with a reference
computed here from nnlib's public API (``Network.gradients``, ``fit``'s ``callback``), in the
same process, so that rounding cannot make them differ.
"""
import numpy as np

from ..activations import Activation
from ..gradcheck import gradient_check
from ..layers import Dense
from ..network import Network
from . import exercise


# ---------------------------------------------------------------------------- momentum
def _momentum_problem():
    rng = np.random.default_rng(9)
    X = rng.normal(size=(8, 2))
    y = (X[:, :1] * X[:, 1:] > 0).astype(float)
    return X, y


def _momentum_layers():
    return [Dense(2, 3, activation="tanh"), Dense(3, 1, activation="sigmoid")]


def _reference_momentum(beta, learning_rate, steps):
    """Weights after ``steps`` momentum steps (or plain ones, beta=0), and the losses seen."""
    X, y = _momentum_problem()
    net = Network(_momentum_layers(), loss="mse", seed=4)
    velocity = [(np.zeros_like(l.weights), np.zeros_like(l.bias)) for l in net.layers]
    losses = []
    for _ in range(steps):
        losses.append(net.loss(X, y))
        grads = net.gradients(X, y)
        velocity = [(beta * vw + gw, beta * vb + gb) for (vw, vb), (gw, gb) in zip(velocity, grads)]
        for layer, (vw, vb) in zip(net.layers, velocity):
            layer.weights = layer.weights - learning_rate * vw
            layer.bias = layer.bias - learning_rate * vb
    return [l.weights for l in net.layers] + [l.bias for l in net.layers], losses


def _same(arrays, others):
    return all(np.allclose(a, b, rtol=1e-9, atol=1e-12) for a, b in zip(arrays, others))


@exercise("ch9-momentum-network", done_message="Well done: your network steps with momentum.")
def momentum_network(answer):
    """A Network subclass, built as answer(layers, loss=..., seed=..., momentum=beta), whose
    step(X, y, learning_rate) keeps a velocity v <- beta v + g per weight array and bias and
    steps w <- w - learning_rate v; it returns the loss before the update."""
    if not (isinstance(answer, type) and issubclass(answer, Network)):
        return "give the class itself (not an instance), a subclass of nnlib's Network"
    X, y = _momentum_problem()
    for beta in (0.9, 0.5):
        try:
            net = answer(_momentum_layers(), loss="mse", seed=4, momentum=beta)
        except TypeError as exc:
            if "momentum" in str(exc):
                return ("its __init__ should take the momentum too, e.g. "
                        "def __init__(self, layers, loss=\"mse\", seed=None, momentum=0.9)")
            raise
        losses = [net.step(X, y, 0.2) for _ in range(4)]
        got = [l.weights for l in net.layers] + [l.bias for l in net.layers]
        expected, expected_losses = _reference_momentum(beta, 0.2, 4)
        if _same(got, expected):
            if not np.allclose(np.asarray(losses, dtype=float), expected_losses, rtol=1e-9):
                return ("the steps are right, but step should return the loss *before* the "
                        "update, as Network.step does (self.loss(X, y) first)")
            continue
        if _same(got, _reference_momentum(0.0, 0.2, 4)[0]):
            return ("these are plain gradient-descent steps: keep a velocity for every weight "
                    "array and every bias, v = momentum * v + gradient, and step along it")
        if _same(got, _reference_momentum(beta, -0.2, 4)[0]):
            return "the weights move uphill: subtract learning_rate * velocity"
        return (f"after 4 steps with momentum={beta} the weights are not right yet: compare "
                f"v = momentum * v + gradient, then w = w - learning_rate * v, for every "
                f"layer's weights and bias")
    return None


# ---------------------------------------------------------------------------- early stopping
PATIENCE = 20
MAX_EPOCHS = 700


def _stopping_problem():
    """Twelve noisy points of sin(3x) to train on, the clean curve to validate on: a 1-32-1
    network fits the noise after a few hundred epochs, and the validation loss turns up."""
    rng = np.random.default_rng(0)
    x = np.linspace(-1, 1, 12).reshape(-1, 1)
    y = np.sin(3 * x) + 0.3 * rng.normal(size=x.shape)
    x_val = np.linspace(-1, 1, 50).reshape(-1, 1)
    return x, y, x_val, np.sin(3 * x_val)


def _stopping_network():
    return Network([Dense(1, 32, activation="tanh"), Dense(32, 1, activation="linear")],
                   loss="mse", seed=0)


def _stopping_reference():
    """(best epoch, its weights as to_dict, the epoch at which training stops, val losses)."""
    x, y, x_val, y_val = _stopping_problem()
    snapshots = []
    net = _stopping_network()
    history = net.fit(x, y, epochs=MAX_EPOCHS, learning_rate=0.1, validation_data=(x_val, y_val),
                      callback=lambda n, e, h: snapshots.append(n.to_dict()))
    val = np.asarray(history["val_loss"])
    best, best_epoch, waited = np.inf, None, 0
    for epoch, loss in enumerate(val):
        if loss < best:
            best, best_epoch, waited = loss, epoch, 0
        else:
            waited += 1
            if waited >= PATIENCE:
                return best_epoch, snapshots[best_epoch], epoch, val
    return best_epoch, snapshots[best_epoch], None, val


def _weights_of(state):
    return [np.asarray(layer[key], dtype=float) for layer in state["layers"]
            for key in ("weights", "bias")]


@exercise("ch9-early-stopping", done_message="Well done: training stops at the right epoch, "
                                             "with the best weights kept.")
def early_stopping(answer):
    """A class EarlyStopping(patience): its instances are fit callbacks that keep best_epoch and
    best_weights (net.to_dict()) of the lowest validation loss so far and raise an exception of
    their own (StopTraining) once `patience` epochs in a row bring no new lowest."""
    if not callable(answer):
        return "give the class EarlyStopping itself, so that EarlyStopping(patience=20) makes a callback"
    best_epoch, best_state, stop_epoch, val = _stopping_reference()
    x, y, x_val, y_val = _stopping_problem()
    stopper = answer(patience=PATIENCE)
    if not callable(stopper):
        return "EarlyStopping(patience=20) should be callable, as stopper(net, epoch, history)"
    seen = []

    def counting(net, epoch, history):
        seen.append(epoch)
        return stopper(net, epoch, history)

    net = _stopping_network()
    raised = None
    try:
        net.fit(x, y, epochs=MAX_EPOCHS, learning_rate=0.1, validation_data=(x_val, y_val),
                callback=counting)
    except Exception as exc:   # the reader's way of stopping, or a bug in the callback
        raised = exc
    if raised is not None and type(raised).__name__ != "StopTraining":
        return (f"the callback raised {type(raised).__name__}: {raised}; stop training by "
                f"raising your own exception class, StopTraining")
    got_best = getattr(stopper, "best_epoch", None)
    if got_best is None:
        return "keep the epoch of the lowest validation loss in stopper.best_epoch"
    if got_best == best_epoch + 1:
        return "use the epoch number that fit passes to the callback (it counts from 0)"
    if got_best == int(np.argmin(val)) and got_best != best_epoch:
        return "the best epoch is the lowest validation loss *until training stops*"
    if got_best != best_epoch:
        return ("best_epoch is not the epoch of the lowest validation loss: compare "
                "history['val_loss'][-1], not the training loss")
    if raised is None:
        return (f"training ran all {MAX_EPOCHS} epochs: raise StopTraining once "
                f"{PATIENCE} epochs in a row have brought no new lowest validation loss")
    if seen[-1] != stop_epoch:
        early = "early" if seen[-1] < stop_epoch else "late"
        return (f"training stopped too {early}: stop when `patience` epochs in a row have "
                f"passed since the lowest validation loss, counting the epochs after it")
    state = getattr(stopper, "best_weights", None)
    if not isinstance(state, dict) or "layers" not in state:
        return "keep the best weights in stopper.best_weights, as net.to_dict() returns them"
    if not _same(_weights_of(state), _weights_of(best_state)):
        return ("best_weights are not the weights of the best epoch: keep a copy "
                "(net.to_dict()) at that epoch; a reference to the layers keeps changing")
    return None


# ---------------------------------------------------------------------------- softplus
def _softplus_network(activation):
    return Network([Dense(3, 4, activation=activation), Dense(4, 1, activation="sigmoid")],
                   loss="binary_crossentropy", seed=5)


@exercise("ch9-softplus", done_message="Well done: a new activation, derived by SymPy and "
                                       "checked by gradient_check.")
def softplus(answer):
    """An instance (or subclass) of nnlib's Activation for softplus, a = log(1 + e^z): its value,
    its derivative (the sigmoid, from SymPy), its symbolic form; a network with it in the hidden
    layer passes gradient_check."""
    import sympy as sp
    if isinstance(answer, type) and issubclass(answer, Activation):
        answer = answer()
    if not isinstance(answer, Activation):
        return "give an instance of a subclass of nnlib's Activation (e.g. Softplus())"
    z = np.linspace(-30, 30, 601).reshape(-1, 1)
    with np.errstate(all="ignore"):
        values = np.asarray(answer(z), dtype=float)
        slopes = np.asarray(answer.derivative(z), dtype=float)
        far = np.asarray(answer(np.array([[-800.0], [800.0]])), dtype=float)
    if values.shape != z.shape:
        return f"the activation should keep the shape of z, {z.shape}; got {values.shape}"
    if not np.allclose(values, np.logaddexp(0, z), rtol=1e-9, atol=1e-12):
        if np.allclose(values, np.log1p(z.clip(-0.999)), rtol=1e-6):
            return "softplus is log(1 + e^z): exponentiate z first"
        return "the values are not log(1 + e^z) yet"
    if not np.all(np.isfinite(far)) or not np.allclose(far[:, 0], [0.0, 800.0], atol=1e-9):
        return ("the values overflow for large z: compute log(1 + e^z) without forming e^z, "
                "with np.logaddexp(0, z)")
    sigmoid = 1 / (1 + np.exp(-z))
    if not np.allclose(slopes, sigmoid, rtol=1e-9, atol=1e-12):
        if np.allclose(slopes, values * (1 - values), rtol=1e-6):
            return "that is the sigmoid's derivative formula applied to softplus; ask SymPy"
        return "the derivative is not right yet: differentiate log(1 + exp(x)) with SymPy"
    x = sp.Symbol("x", real=True)
    try:
        formula = answer.symbolic(x)
    except NotImplementedError:
        return "implement symbolic(x): the formula as a SymPy expression of x"
    grid = np.linspace(-5, 5, 11)
    as_numbers = sp.lambdify(x, formula, "numpy")(grid)
    if not np.allclose(as_numbers, np.logaddexp(0, grid), rtol=1e-9):
        return "symbolic(x) should give log(1 + exp(x)) as a SymPy expression"
    derived = sp.lambdify(x, sp.diff(formula, x), "numpy")(grid)
    if not np.allclose(derived, 1 / (1 + np.exp(-grid)), rtol=1e-9):
        return "the derivative of symbolic(x) does not match derivative(z)"
    rng = np.random.default_rng(6)
    X, y = rng.normal(size=(10, 3)), rng.integers(0, 2, size=10)
    errors = gradient_check(_softplus_network(answer), X, y)
    if max(max(pair) for pair in errors) > 1e-7:
        return "gradient_check disagrees with backpropagation through this activation"
    return None
