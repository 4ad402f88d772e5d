"""Checks for the exercises of chapter 3, "Activation functions"."""
import numpy as np

from . import array_problem, exercise, numbers_problem, same_function


@exercise("ch3-sigmoid")
def sigmoid_at_zero(answer):
    """(sigma(0), sigma'(0))."""
    sigma = 1 / (1 + np.exp(-0.0))
    return numbers_problem(answer, [sigma, sigma * (1 - sigma)], ["the value", "the slope"],
                           hints=["what is e to the power 0?",
                                  "the slope is sigma(x) (1 - sigma(x))"])


@exercise("ch3-leaky")
def leaky(answer):
    """LeakyReLU(0.1) applied to (-2, -0.5, 3)."""
    z = np.array([-2.0, -0.5, 3.0])
    expected = np.where(z > 0, z, 0.1 * z)
    try:
        given = np.asarray(answer, dtype=float).ravel()
    except (TypeError, ValueError):
        return "give three numbers"
    if given.shape == expected.shape and np.allclose(given, np.maximum(z, 0)):
        return "that is what a plain ReLU outputs; a leaky ReLU lets a little of a negative input through"
    if given.shape == expected.shape and np.allclose(given[2], expected[2]) and \
            np.allclose(given[:2], 0.01 * z[:2]):
        return "that slope is nnlib's default; this leaky ReLU has a slope of 0.1"
    return array_problem(given, expected, what="the output")


@exercise("ch3-collapse")
def collapse(answer):
    """(weight, bias) of one neuron equal to (w=2, b=1) followed by (w=-3, b=4)."""
    w1, b1, w2, b2 = 2.0, 1.0, -3.0, 4.0
    return numbers_problem(answer, [w1 * w2, w2 * b1 + b2], ["the weight", "the bias"], hints=[
        "follow an input x through both neurons and expand",
        "the first bias is multiplied by the second weight too"])


@exercise("ch3-tanh")
def tanh_slope(answer):
    """The derivative of tanh(x) as a SymPy expression in one symbol."""
    import sympy as sp
    if not isinstance(answer, sp.Basic):
        return "give a SymPy expression, e.g. built with sp.diff or sp.tanh"
    symbols = sorted(answer.free_symbols, key=str)
    if len(symbols) > 1:
        return (f"the expression should depend on one symbol, x, but it has {len(symbols)} "
                f"({', '.join(map(str, symbols))})")
    x = symbols[0] if symbols else sp.Symbol("x", real=True)
    expected = 1 - sp.tanh(x) ** 2        # compared as functions: symbolically, else densely
    if same_function(answer, expected, x):
        return None
    if same_function(answer, sp.tanh(x), x):
        return "that is tanh itself; differentiate it"
    if same_function(answer, -expected, x):
        return "the sign is wrong: tanh is increasing, so its slope is positive"
    return "this is not the slope of tanh everywhere: compare your expression with sp.diff"


@exercise("ch3-softmax")
def softmax_logs(answer):
    """softmax(0, ln 2, ln 3)."""
    z = np.log([1.0, 2.0, 3.0])
    expected = np.exp(z) / np.exp(z).sum()
    try:
        given = np.asarray(answer, dtype=float).ravel()
    except (TypeError, ValueError):
        return "give three numbers"
    if given.shape == expected.shape and not np.isclose(given.sum(), 1):
        return "probabilities from softmax add up to 1; yours do not"
    return array_problem(given, expected, what="the probabilities")
