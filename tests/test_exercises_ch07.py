"""Every chapter 7 exercise check: a right answer passes, wrong ones fail with a hint that does
not give the answer away. The right answers are computed here independently of the checkers."""
import numpy as np
from sklearn.model_selection import train_test_split

from exercise_helpers import assert_wrong
from nnlib import Dense, Network
from nnlib.datasets import font_colors, luminance
from nnlib.exercises import check


def test_no_answer_yet():
    for exercise_id in ("ch7-light-baseline", "ch7-boundary-green", "ch7-batch-learning-rate",
                        "ch7-one-neuron"):
        result = check(exercise_id, ...)
        assert not result and "no answer yet" in result.message


def test_light_baseline():
    X, y = font_colors()
    _, X_test, _, y_test = train_test_split(X / 255, y, test_size=1 / 3, random_state=0)
    right = np.count_nonzero(y_test == 0) / len(y_test)
    assert check("ch7-light-baseline", right)
    assert check("ch7-light-baseline", round(right, 3))
    secret = [f"{right:.3f}", f"{right:.2f}", f"{100 * right:.1f}"]
    assert "dark" in assert_wrong("ch7-light-baseline", 1 - right, secret)
    assert "percentage" in assert_wrong("ch7-light-baseline", 100 * right, secret)
    assert_wrong("ch7-light-baseline", 0.5, secret)


def test_boundary_green():
    # solve luminance(0, G, 0) = 128 numerically, by bisection on nnlib's own luminance
    lo, hi = 0.0, 255.0
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if luminance(np.array([[0.0, mid, 0.0]]))[0] < 128 else (lo, mid)
    right = (lo + hi) / 2
    assert check("ch7-boundary-green", right)
    assert check("ch7-boundary-green", round(right, 1))
    secret = [f"{right:.1f}", f"{right:.0f}", f"{right / 255:.3f}"]
    assert "divide" in assert_wrong("ch7-boundary-green", 128 * 0.587, secret)
    assert "weight" in assert_wrong("ch7-boundary-green", 128, secret)
    assert "scale" in assert_wrong("ch7-boundary-green", right / 255, secret)
    assert_wrong("ch7-boundary-green", 255, secret)


def test_batch_learning_rate():
    # measure it: one sse step on a batch of 32 at rate r equals 32 single-row steps' mean move
    X, y = np.random.default_rng(1).random((32, 3)), np.ones(32)
    net = Network([Dense(3, 1, "sigmoid")], loss="sse", seed=0)
    per_row = np.mean([net.gradients(X[i:i + 1], y[i:i + 1])[0][0] for i in range(32)], axis=0)
    batch = net.gradients(X, y)[0][0]
    right = float(0.05 * per_row[0, 0] / batch[0, 0])
    assert check("ch7-batch-learning-rate", right)
    secret = [f"{right:g}", f"{right:.4f}", "1/32", "/ 32"]
    assert "other way" in assert_wrong("ch7-batch-learning-rate", 1.6, secret)
    assert "sum" in assert_wrong("ch7-batch-learning-rate", 0.05, secret)
    assert_wrong("ch7-batch-learning-rate", 0.01, secret)


def test_one_neuron():
    luminance_weights = np.array([0.299, 0.587, 0.114])
    for scale in (1.0, 0.1, 37.0):       # any positive multiple of the rule works
        assert check("ch7-one-neuron", (scale * 255 * luminance_weights, -scale * 128))
    secret = ["76.2", "149.6", "29.0", "0.299", "0.587", "0.114", "-128"]
    assert "opposite" in assert_wrong("ch7-one-neuron", (-255 * luminance_weights, 128), secret)
    unscaled = assert_wrong("ch7-one-neuron", (luminance_weights, -128), secret)
    assert "%" in unscaled
    assert "three weights" in assert_wrong("ch7-one-neuron", ([1, 2], 0), secret)
    assert "pair" in assert_wrong("ch7-one-neuron", 5, secret)
