"""Gradients verified three ways: backprop, finite differences and SymPy."""
import numpy as np
import pytest
import sympy as sp
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import nnlib
from nnlib import ACTIVATIONS, Dense, Network, get_activation, gradient_check

# Every (output activation, loss) pair the library accepts.
ALLOWED_PAIRS = ([(act, loss) for act in ACTIVATIONS for loss in ("sse", "mse")]
                 + [("sigmoid", "binary_crossentropy"), ("softmax", "categorical_crossentropy")])


def random_targets(rng, loss, n, k):
    if loss == "categorical_crossentropy":
        return rng.integers(0, k, size=n)           # class labels, one-hot encoded by nnlib
    if loss == "binary_crossentropy":
        return rng.integers(0, 2, size=(n, k)).astype(float)
    return rng.normal(size=(n, k))


@pytest.mark.parametrize("output_activation,loss", ALLOWED_PAIRS)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(1, 6), sizes=st.lists(st.integers(1, 4), min_size=1, max_size=3),
       hidden=st.sampled_from(sorted(ACTIVATIONS)), seed=st.integers(0, 2**32 - 1))
def test_backprop_matches_finite_differences(output_activation, loss, n, sizes, hidden, seed):
    rng = np.random.default_rng(seed)
    *hidden_sizes, n_out = [rng.integers(1, 5)] + sizes
    if output_activation == "softmax":
        n_out = max(n_out, 2)
    dims = [*hidden_sizes, n_out]
    if hidden == "softmax":                   # a softmax layer has at least 2 units
        dims[1:-1] = [max(d, 2) for d in dims[1:-1]]
    layers = [Dense(a, b, activation=hidden) for a, b in zip(dims[:-2], dims[1:-1])]
    layers.append(Dense(dims[-2], dims[-1], activation=output_activation))
    network = Network(layers, loss=loss, seed=seed)
    for layer in layers:                      # non-zero biases, so no z sits exactly on 0
        layer.bias = rng.normal(size=layer.bias.shape)
    X = rng.normal(size=(n, dims[0]))
    y = random_targets(rng, loss, n, n_out)
    # ReLU's kink at 0 has no derivative: finite differences straddling it are
    # meaningless, so examples with a weighted sum within 1e-4 of a kink are redrawn.
    network.forward(X)
    assume(all(np.min(np.abs(layer.z)) > 1e-4 for layer in layers
               if layer.activation.name in ("relu", "leaky_relu")))
    # Saturated units (gradients of about 1e-14) need no redrawing: gradient_check's atol keeps
    # them from being reported as wrong.  Within tolerance means an error of at most rtol (1e-4).
    for weights_error, bias_error in gradient_check(network, X, y):
        assert weights_error <= 1e-4
        assert bias_error <= 1e-4


def test_gradient_check_catches_a_wrong_backward_pass():
    """The check is only worth something if a bug makes it fail."""
    network = Network([Dense(3, 4, "tanh"), Dense(4, 1, "sigmoid")], loss="mse", seed=0)
    X, y = np.random.default_rng(1).normal(size=(5, 3)), np.arange(5) % 2
    layer = network.layers[0]
    correct_backward = layer.backward_delta
    layer.backward_delta = lambda delta, *args, **kw: correct_backward(delta * 1.01, *args, **kw)  # 1% off
    errors = gradient_check(network, X, y)
    assert errors[0][0] > 1e-3
    assert errors[1][0] < 1e-6  # the layer above is unaffected


def test_gradients_do_not_change_weights():
    network = Network([Dense(2, 3, "relu"), Dense(3, 1, "sigmoid")], loss="sse", seed=3)
    before = [layer.weights.copy() for layer in network.layers]
    grads = network.gradients([[0.1, 0.2], [0.3, -0.4]], [1, 0])
    assert [g[0].shape for g in grads] == [(2, 3), (3, 1)]
    assert [g[1].shape for g in grads] == [(3,), (1,)]
    for layer, weights in zip(network.layers, before):
        np.testing.assert_array_equal(layer.weights, weights)


def test_grad_weights_is_inputs_transposed_times_delta():
    network = Network([Dense(3, 2, "tanh"), Dense(2, 1, "linear")], loss="mse", seed=5)
    X = np.random.default_rng(0).normal(size=(7, 3))
    network.gradients(X, np.ones(7))
    first = network.layers[0]
    np.testing.assert_allclose(first.grad_weights, X.T @ first.delta, rtol=1e-14)
    np.testing.assert_allclose(first.grad_bias, first.delta.sum(axis=0), rtol=1e-14)


# ------------------------------------------------------------ against SymPy
GRID = np.array([-1000.0, -50.0, -20.0, -3.0, -1.0, -0.25, 0.0, 0.25, 1.0, 3.0, 20.0, 50.0,
                 1000.0])


@pytest.mark.parametrize("name", [n for n in ACTIVATIONS if n != "softmax"])
def test_derivative_matches_sympy(name):
    activation = get_activation(name)
    x = sp.Symbol("x", real=True)
    expression = activation.symbolic(x)
    value = sp.lambdify(x, expression, modules="mpmath")
    derivative = sp.lambdify(x, sp.diff(expression, x), modules="mpmath")
    expected_value = np.array([float(value(v)) for v in GRID])
    expected_derivative = np.array([float(derivative(v)) for v in GRID])
    np.testing.assert_allclose(activation(GRID), expected_value, rtol=1e-13, atol=1e-300)
    np.testing.assert_allclose(activation.derivative(GRID), expected_derivative,
                               rtol=1e-12, atol=1e-300)


def test_leaky_relu_slope_is_in_its_symbolic_form():
    activation = nnlib.LeakyReLU(0.2)
    x = sp.Symbol("x", real=True)
    assert sp.diff(activation.symbolic(x), x).subs(x, -1) == sp.Rational(1, 5)
    np.testing.assert_allclose(activation.derivative(np.array([-1.0, 1.0])), [0.2, 1.0])


def test_softmax_jacobian_matches_sympy():
    softmax = get_activation("softmax")
    z = sp.symbols("z1:5", real=True)
    jacobian = sp.lambdify(z, softmax.symbolic(z).jacobian(z), modules="mpmath")
    rng = np.random.default_rng(0)
    rows = np.vstack([rng.normal(size=(3, 4)) * 5, [[1000.0, -1000.0, 0.0, 999.0]]])
    numeric = softmax.derivative(rows)
    for row, jac in zip(rows, numeric):
        expected = np.array(jacobian(*row).tolist(), dtype=float)
        np.testing.assert_allclose(jac, expected, rtol=1e-12, atol=1e-300)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_backward_is_gradient_times_derivative(name):
    """The fast backward (from cached outputs) equals the chain rule with derivative()."""
    activation = get_activation(name)
    rng = np.random.default_rng(1)
    z, grad = rng.normal(size=(6, 4)) * 4, rng.normal(size=(6, 4))
    fast = activation.backward(z, activation(z), grad)
    if name == "softmax":
        slow = np.einsum("nij,ni->nj", activation.derivative(z), grad)
    else:
        slow = grad * activation.derivative(z)
    np.testing.assert_allclose(fast, slow, rtol=1e-12, atol=1e-15)


def test_combined_cross_entropy_equals_the_plain_formula():
    """The stable logit forms give the textbook value where the textbook is safe."""
    rng = np.random.default_rng(2)
    z = rng.normal(size=(8, 1))
    y = rng.integers(0, 2, size=(8, 1)).astype(float)
    bce = nnlib.BinaryCrossEntropy()
    p = 1 / (1 + np.exp(-z))
    assert bce.from_logits(z, y) == pytest.approx(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)),
                                                  rel=1e-12)
    z = rng.normal(size=(8, 3))
    y = nnlib.one_hot(rng.integers(0, 3, size=8), 3)
    cce = nnlib.CategoricalCrossEntropy()
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    assert cce.from_logits(z, y) == pytest.approx(-np.mean(np.sum(y * np.log(p), axis=1)), rel=1e-12)
    assert cce(p, y) == pytest.approx(cce.from_logits(z, y), rel=1e-12)
