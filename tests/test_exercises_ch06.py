"""Every chapter 6 exercise check: a right answer passes, wrong ones fail with a hint that does
not give the answer away. The right answers are computed here independently, with nnlib."""
import numpy as np

from nnlib import Dense, Network
from nnlib.datasets import tutorial_xor
from exercise_helpers import assert_wrong
from nnlib.exercises import check


def tutorial_network(init, use_bias=False, hidden="sigmoid"):
    return Network([Dense(3, 4, activation=hidden, init=init, use_bias=use_bias),
                    Dense(4, 1, activation="sigmoid", init=init, use_bias=use_bias)],
                   loss="sse", seed=0)


def test_no_answer_yet():
    for exercise_id in ("ch6-parameters", "ch6-collapse", "ch6-zero-loss", "ch6-symmetry"):
        assert "no answer yet" in check(exercise_id, ...).message


def test_parameters():
    right = Network([Dense(3, 4, "sigmoid"), Dense(4, 1, "sigmoid")]).n_parameters
    without_biases = tutorial_network("uniform").n_parameters
    assert check("ch6-parameters", right)
    assert "biases" in assert_wrong("ch6-parameters", without_biases, secret=[str(right)])
    assert "inputs" in assert_wrong("ch6-parameters", right + 3, secret=[str(right)])
    assert_wrong("ch6-parameters", 12, secret=[str(right)])


def test_collapse():
    network = Network([Dense(3, 2, "linear", init="zeros", use_bias=False),
                       Dense(2, 1, "linear", init="zeros", use_bias=False)])
    network.layers[0].weights[...] = [[1, 2], [0, 1], [1, 0]]
    network.layers[1].weights[...] = [[1], [-1]]
    right = network.forward(np.eye(3))          # row i of the identity picks out c_i
    assert check("ch6-collapse", right)
    assert check("ch6-collapse", right.ravel().tolist())
    secret = [str(right.ravel().tolist()), str(right.tolist())]
    assert "signs" in assert_wrong("ch6-collapse", -right, secret)
    assert "shape" in assert_wrong("ch6-collapse", np.ones((2, 1)), secret)
    assert "entries" in assert_wrong("ch6-collapse", right + [[0], [0], [1]], secret)


def test_zero_loss():
    X, y = tutorial_xor()
    right = tutorial_network("zeros").loss(X, y)
    assert check("ch6-zero-loss", right)
    assert "sum" in assert_wrong("ch6-zero-loss", right / 4, secret=[f"{right:g}"])
    assert "sigmoid of 0" in assert_wrong("ch6-zero-loss", 2.0, secret=[f"{right:g}"])
    assert_wrong("ch6-zero-loss", 0.0, secret=[f"{right:g}"])


def test_symmetry():
    X, y = tutorial_xor()
    network = tutorial_network("zeros")
    network.fit(X, y, epochs=1500, learning_rate=1.0)
    right = np.unique(network.layers[0].weights.round(12), axis=1).shape[1]
    assert check("ch6-symmetry", right)
    assert check("ch6-symmetry", float(right))
    assert "columns" in assert_wrong("ch6-symmetry", 4, secret=[str(right)])
    assert "whole number" in assert_wrong("ch6-symmetry", 1.5, secret=[str(right)])
    assert_wrong("ch6-symmetry", 2, secret=[str(right)])
