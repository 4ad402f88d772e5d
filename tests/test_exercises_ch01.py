"""Every chapter 1 exercise check: a right answer passes, wrong ones fail with a hint that does
not give the answer away. The right answers are computed here independently of the checkers."""
import numpy as np
import pytest

from nnlib import Dense
from exercise_helpers import assert_wrong
from nnlib.exercises import check


def neuron(weights, bias):
    layer = Dense(len(weights), 1, activation="linear", init="zeros")
    layer.weights[:, 0], layer.bias[0] = weights, bias
    return layer


def test_predict():
    right = neuron([-0.5], 1.0).forward(np.array([[4.0]]))[0, 0]
    assert check("ch1-predict", right)
    assert check("ch1-predict", int(right))
    for wrong in (-right, 3.0, right - 0.5):
        assert_wrong("ch1-predict", wrong, secret=[f"{right:g}"])


def test_line():
    (x0, y0), (x1, y1) = (1, 1), (3, 7)
    weight, bias = np.polyfit([x0, x1], [y0, y1], 1)
    assert check("ch1-line", (weight, bias))
    assert check("ch1-line", [round(weight), round(bias)])
    hint = assert_wrong("ch1-line", (weight, y0), secret=[f"{bias:g}"])
    assert "bias" in hint
    assert "weight" in assert_wrong("ch1-line", (y1 / x1, bias), secret=[f"{weight:g}"])
    assert "2 numbers" in assert_wrong("ch1-line", 3, secret=[])


def test_dot():
    x, w, b = np.array([1.0, 2, 3]), np.array([0.5, -1, 2]), -1.0
    right = neuron(w, b).forward(x.reshape(1, -1))[0, 0]
    assert check("ch1-dot", right)
    hint = assert_wrong("ch1-dot", right - b, secret=[f"{right:g}"])
    assert "bias" in hint
    assert_wrong("ch1-dot", -right, secret=[f"{right:g}"])
    assert_wrong("ch1-dot", [1, 2], secret=[f"{right:g}"])


def test_shapes():
    X = np.zeros((32, 5))
    layer = Dense(5, 1, activation="linear")
    right = (X.shape, layer.weights.shape, layer.forward(X).shape)
    assert check("ch1-shapes", right)
    assert check("ch1-shapes", [list(s) for s in right])
    secret = [str(s) for s in right]
    assert "swapped" in assert_wrong("ch1-shapes", (right[0], right[1][::-1], right[2]), secret)
    assert_wrong("ch1-shapes", ((32, 5), (5, 32), (32, 1)), secret)
    assert_wrong("ch1-shapes", ((32, 5), (5, 1)), secret)


@pytest.mark.parametrize("exercise_id", ["ch1-predict", "ch1-line", "ch1-dot", "ch1-shapes"])
def test_no_answer_yet(exercise_id):
    result = check(exercise_id, ...)
    assert not result and "no answer yet" in result.message


def test_numbers_problem_helper():
    from nnlib.exercises import numbers_problem
    names = ["the weight", "the bias"]
    assert numbers_problem((3, -2), [3, -2], names) is None
    assert numbers_problem([3.0, -2.0 + 1e-12], [3, -2], names) is None
    assert numbers_problem((3, 1), [3, -2], names, hints=["h0", "h1"]) == \
        "the bias has the wrong sign (h1)"
    assert numbers_problem((4, -2), [3, -2], names) == "the weight is too big"
    assert numbers_problem(3, [3, -2], names) == "give 2 numbers: the weight, the bias"
    assert numbers_problem((1, 2, 3), [3, -2], names).startswith("give 2 numbers")
