"""Every chapter 4 exercise check: a right answer passes, wrong ones fail with a hint that does
not give the answer away. The right answers are computed here independently of the checkers
(with nnlib, SymPy or by simulation)."""
import numpy as np
import sympy as sp

from nnlib import Dense, Network, get_loss
from exercise_helpers import assert_wrong
from nnlib.exercises import check


def test_no_answer_yet():
    for exercise_id in ("ch4-mse", "ch4-bce", "ch4-two-steps", "ch4-max-rate", "ch4-updates"):
        assert "no answer yet" in check(exercise_id, ...).message


def test_mse():
    outputs, targets = np.array([[0.5], [0.8], [0.1]]), np.array([[1.0], [1.0], [0.0]])
    right = get_loss("mse")(outputs, targets)
    assert check("ch4-mse", right)
    assert check("ch4-mse", round(right, 10))
    sse = get_loss("sse")(outputs, targets)
    assert "sum" in assert_wrong("ch4-mse", sse, secret=[f"{right:g}"])
    assert "square" in assert_wrong("ch4-mse", np.mean(np.abs(outputs - targets)),
                                    secret=[f"{right:g}"])
    assert_wrong("ch4-mse", 1.0, secret=[f"{right:g}"])


def test_bce():
    right = get_loss("binary_crossentropy")(np.array([[0.1]]), np.array([[1.0]]))
    assert check("ch4-bce", right)
    assert check("ch4-bce", round(right, 3))
    assert "natural" in assert_wrong("ch4-bce", 1.0, secret=[f"{right:.3f}"])        # log10
    assert "target of 0" in assert_wrong("ch4-bce", -np.log(0.9), secret=[f"{right:.3f}"])
    assert "sign" in assert_wrong("ch4-bce", -right, secret=[f"{right:.3f}"])
    assert_wrong("ch4-bce", 0.81, secret=[f"{right:.3f}"])                          # squared error


def test_two_steps():
    w = sp.Symbol("w")
    slope = sp.diff((w - 3) ** 2, w)
    value = sp.Integer(0)
    values = []
    for _ in range(2):
        value = value - sp.Rational(1, 10) * slope.subs(w, value)
        values.append(value)
    right = float(values[-1])
    assert check("ch4-two-steps", right)
    assert "first step" in assert_wrong("ch4-two-steps", float(values[0]), secret=[f"{right:g}"])
    assert_wrong("ch4-two-steps", 3.0, secret=[f"{right:g}"])


def test_max_rate():
    # Find the boundary by simulation: the largest rate whose iterates do not grow.
    def converges(rate, steps=2000):
        network = Network([Dense(1, 1, activation="linear", init="zeros", use_bias=False)],
                          loss="sse")
        network.layers[0].weights[0, 0] = 3.0
        X, y = np.array([[2.0]]), np.array([[2.0]])    # sse: (2w - 2)^2 = 4 (w - 1)^2
        for _ in range(steps):
            network.step(X, y, rate)
        return abs(network.layers[0].weights[0, 0] - 1.0) < 1.0

    assert converges(0.249) and not converges(0.251)
    right = 0.25
    assert check("ch4-max-rate", right)
    assert "oscillating" in assert_wrong("ch4-max-rate", 0.125, secret=["0.25"])
    assert "second derivative" in assert_wrong("ch4-max-rate", 0.5, secret=["0.25"])
    assert_wrong("ch4-max-rate", 1.0, secret=["0.25"])


def test_updates():
    # Count the updates from their effect: with inputs 0 and targets 1, each MSE step on the bias
    # multiplies (bias - 1) by (1 - 2 * learning_rate), whatever the batch size.
    X, y = np.zeros((200, 1)), np.ones((200, 1))
    network = Network([Dense(1, 1, activation="linear", init="zeros")], loss="mse", seed=0)
    network.layers[0].bias[0] = 0.0
    network.fit(X, y, epochs=10, learning_rate=0.1, batch_size=32)
    gap = 1.0 - network.layers[0].bias[0]
    right = int(round(np.log(gap) / np.log(1 - 2 * 0.1)))
    assert check("ch4-updates", right)
    assert check("ch4-updates", float(right))
    assert "smaller batch" in assert_wrong("ch4-updates", 60, secret=[str(right)])
    assert "whole number" in assert_wrong("ch4-updates", 62.5, secret=[str(right)])
    assert_wrong("ch4-updates", 2000, secret=[str(right)])
