"""Every chapter 2 exercise check: a right answer passes, wrong ones fail with a hint that does
not give the answer away. The right answers are computed here with nnlib, independently."""
import numpy as np
import pytest

from nnlib import Dense, Network
from exercise_helpers import assert_wrong
from nnlib.exercises import check


def test_shapes():
    network = Network([Dense(2, 4), Dense(4, 4), Dense(4, 2, "linear")])
    network.forward(np.zeros((10, 2)))
    right = [layer.a.shape for layer in network.layers]
    assert check("ch2-shapes", right)
    assert check("ch2-shapes", [list(s) for s in right])
    secret = [str(s) for s in right]
    assert "row" in assert_wrong("ch2-shapes", [(2, 4), (4, 4), (4, 2)], secret)
    assert "column" in assert_wrong("ch2-shapes", [(10, 2), (10, 4), (10, 2)], secret)
    assert_wrong("ch2-shapes", [(10, 4), (10, 4)], secret)
    assert_wrong("ch2-shapes", 10, secret)


def test_forward():
    network = Network([Dense(2, 2, "relu", init="zeros"), Dense(2, 1, "linear", init="zeros")])
    network.layers[0].weights[:] = [[1, -1], [2, 0.5]]
    network.layers[0].bias[:] = [0, -1]
    network.layers[1].weights[:] = [[1], [-2]]
    network.layers[1].bias[:] = [0.5]
    right = network.forward(np.array([[1.0, 2.0]]))[0, 0]
    assert check("ch2-forward", right)
    secret = [f"{right:g}"]
    assert "ReLU" in assert_wrong("ch2-forward", right + 2.0, secret)   # forgot the ReLU
    assert_wrong("ch2-forward", -right, secret)


def test_params():
    right = Network([Dense(784, 128), Dense(128, 10)]).n_parameters
    assert check("ch2-params", right)
    assert check("ch2-params", float(right))
    secret = [str(right)]
    assert "bias" in assert_wrong("ch2-params", right - 138, secret)
    assert_wrong("ch2-params", right + 1, secret)
    assert "whole" in assert_wrong("ch2-params", right + 0.5, secret)


def test_chain():
    with pytest.raises(ValueError, match=r"layers\[2\] expects n_inputs=4"):
        Network([Dense(3, 5), Dense(5, 5), Dense(4, 1)])
    right = (2, Dense(3, 5).n_outputs)
    Network([Dense(3, 5), Dense(5, 5), Dense(right[1], 1)])   # the fix chains
    assert check("ch2-chain", right)
    assert "index" in assert_wrong("ch2-chain", (1, 5), secret=[])
    assert "n_inputs" in assert_wrong("ch2-chain", (2, 4), secret=["5"])
    assert_wrong("ch2-chain", 2, secret=[])


@pytest.mark.parametrize("exercise_id", ["ch2-shapes", "ch2-forward", "ch2-params", "ch2-chain"])
def test_no_answer_yet(exercise_id):
    result = check(exercise_id, ...)
    assert not result and "no answer yet" in result.message
