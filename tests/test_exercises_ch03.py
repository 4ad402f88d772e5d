"""Every chapter 3 exercise check: a right answer passes, wrong ones fail with a hint that does
not give the answer away. The right answers are computed here with nnlib and SymPy, independently."""
import numpy as np
import pytest
import sympy as sp

from nnlib import Dense, LeakyReLU, get_activation
from exercise_helpers import assert_wrong
from nnlib.exercises import check


def test_sigmoid():
    sigmoid, zero = get_activation("sigmoid"), np.array([[0.0]])
    right = (sigmoid(zero).item(), sigmoid.derivative(zero).item())
    assert check("ch3-sigmoid", right)
    secret = ["0.5", "0.25", "1/4"]
    assert "value" in assert_wrong("ch3-sigmoid", (1.0, right[1]), secret)
    assert "slope" in assert_wrong("ch3-sigmoid", (right[0], 0.5), secret)
    assert_wrong("ch3-sigmoid", right[0], secret)


def test_leaky():
    z = np.array([-2.0, -0.5, 3.0])
    right = LeakyReLU(0.1)(z)
    assert check("ch3-leaky", right)
    assert check("ch3-leaky", list(right))
    secret = ["-0.2", "-0.05"]
    assert "plain ReLU" in assert_wrong("ch3-leaky", get_activation("relu")(z), secret)
    assert "default" in assert_wrong("ch3-leaky", LeakyReLU()(z), secret)
    assert_wrong("ch3-leaky", z, secret)
    assert_wrong("ch3-leaky", right[:2], secret)


def test_collapse():
    first, second = Dense(1, 1, "linear", init="zeros"), Dense(1, 1, "linear", init="zeros")
    first.weights[:], first.bias[:] = 2, 1
    second.weights[:], second.bias[:] = -3, 4
    x = np.array([[0.0], [1.0]])
    y = second.forward(first.forward(x))[:, 0]
    right = (y[1] - y[0], y[0])          # slope and intercept of the combined line
    assert check("ch3-collapse", right)
    secret = [f"{right[0]:g}", f"{right[1]:g}"]
    assert "bias" in assert_wrong("ch3-collapse", (right[0], 4), secret)
    assert "weight" in assert_wrong("ch3-collapse", (-right[0], right[1]), secret)
    assert_wrong("ch3-collapse", "a line", secret)


def test_tanh():
    x = sp.Symbol("x", real=True)
    right = sp.diff(sp.tanh(x), x)
    assert check("ch3-tanh", right)
    assert check("ch3-tanh", 1 / sp.cosh(x) ** 2)
    plain = sp.Symbol("x")                # a symbol without assumptions works too
    assert check("ch3-tanh", sp.sech(plain) ** 2)
    secret = ["1 - tanh", "sech", "cosh"]
    assert "itself" in assert_wrong("ch3-tanh", sp.tanh(x), secret)
    assert "sign" in assert_wrong("ch3-tanh", -right, secret)
    assert_wrong("ch3-tanh", 1 - sp.tanh(x), secret)
    assert_wrong("ch3-tanh", sp.Integer(1), secret)
    assert "SymPy expression" in assert_wrong("ch3-tanh", "1 - tanh(x)**2", secret)
    assert "one symbol" in assert_wrong("ch3-tanh", x * sp.Symbol("y"), secret)


def test_softmax():
    softmax = get_activation("softmax")
    right = softmax(np.log([[1.0, 2.0, 3.0]]))[0]
    assert check("ch3-softmax", right)
    assert check("ch3-softmax", [1 / 6, 1 / 3, 1 / 2])
    assert "add up to 1" in assert_wrong("ch3-softmax", [1, 2, 3], secret=["1/6"])
    assert_wrong("ch3-softmax", [0.2, 0.3, 0.5], secret=["1/6"])


@pytest.mark.parametrize("exercise_id", ["ch3-sigmoid", "ch3-leaky", "ch3-collapse", "ch3-tanh",
                                         "ch3-softmax"])
def test_no_answer_yet(exercise_id):
    result = check(exercise_id, ...)
    assert not result and "no answer yet" in result.message
