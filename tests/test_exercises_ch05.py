"""Every chapter 5 exercise check: a right answer passes, wrong ones fail with a hint that does
not give the answer away. The right answers are computed here independently of the checkers,
with nnlib and SymPy."""
import numpy as np
import sympy as sp

from nnlib import Dense, Network, get_activation
from exercise_helpers import assert_wrong
from nnlib.exercises import check


def test_no_answer_yet():
    for exercise_id in ("ch5-shapes", "ch5-chain", "ch5-dead-neuron", "ch5-sigmoid-bound"):
        assert "no answer yet" in check(exercise_id, None).message


def test_shapes():
    layer = Dense(64, 10, activation="sigmoid", seed=0)
    layer.forward(np.random.default_rng(0).random((32, 64)))
    layer.backward(np.ones((32, 10)))
    right = (layer.delta.shape, layer.grad_weights.shape)
    assert check("ch5-shapes", right)
    assert check("ch5-shapes", [list(right[0]), list(right[1])])
    secret = [str(right[0]), str(right[1])]
    assert "swapped" in assert_wrong("ch5-shapes", (right[0], right[1][::-1]), secret)
    assert "swapped" in assert_wrong("ch5-shapes", (right[0][::-1], right[1]), secret)
    assert_wrong("ch5-shapes", (right[1], right[0]), secret)
    assert_wrong("ch5-shapes", (32, 10), secret)


def test_chain():
    network = Network([Dense(1, 1, activation="sigmoid", init="zeros")], loss="sse")
    network.layers[0].weights[0, 0], network.layers[0].bias[0] = 0.5, -1.0
    (grad_weights, grad_bias), = network.gradients(np.array([[2.0]]), np.array([[1.0]]))
    right = grad_weights[0, 0]
    assert check("ch5-chain", right)
    secret = [f"{right:g}"]
    assert "dz/dw" in assert_wrong("ch5-chain", grad_bias[0], secret)
    assert "sign" in assert_wrong("ch5-chain", -right, secret)
    assert "slope" in assert_wrong("ch5-chain", 2 * (0.5 - 1.0) * 2.0, secret)
    assert_wrong("ch5-chain", 0.0, secret)


def test_dead_neuron():
    network = Network([Dense(3, 3, activation="relu"), Dense(3, 1, activation="sigmoid")],
                      loss="sse", seed=0)
    network.layers[0].bias[1] = -10.0          # inputs in [0, 1]: neuron 2 is off
    rng = np.random.default_rng(1)
    counts = set()
    for _ in range(20):                         # colours where only neuron 2 is off
        x, y = rng.random((1, 3)), np.array([[1.0]])
        network.forward(x)
        if np.sum(network.layers[0].z <= 0) != 1:
            continue
        gradients = np.concatenate([np.concatenate([gw.ravel(), gb.ravel()])
                                    for gw, gb in network.gradients(x, y)])
        counts.add(int(np.sum(gradients == 0.0)))
    right, = counts
    assert check("ch5-dead-neuron", right)
    assert "output layer" in assert_wrong("ch5-dead-neuron", right - 1, secret=[str(right)])
    assert "bias" in assert_wrong("ch5-dead-neuron", right - 2, secret=[str(right)])
    assert_wrong("ch5-dead-neuron", 16, secret=[str(right)])


def test_sigmoid_bound():
    t = sp.Symbol("t", real=True)
    slope = sp.diff(get_activation("sigmoid").symbolic(t), t)
    peak = sp.maximum(slope, t, sp.S.Reals)
    right = float(peak ** 10)
    assert check("ch5-sigmoid-bound", right)
    assert check("ch5-sigmoid-bound", 9.537e-7)
    assert "multiply" in assert_wrong("ch5-sigmoid-bound", 2.5, secret=[f"{right:.2e}"])
    assert "sigma'(0)" in assert_wrong("ch5-sigmoid-bound", 0.5 ** 10, secret=[f"{right:.2e}"])
    assert_wrong("ch5-sigmoid-bound", 0.25, secret=[f"{right:.2e}"])
