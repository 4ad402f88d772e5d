"""Checks for the exercises of chapter 8, "Many classes: softmax and handwritten digits"."""
import numpy as np

from ..activations import Softmax
from . import array_problem, count_problem, exercise, number_problem

_SCORES = np.array([2.0, 1.0, 0.0])


def _softmax(z):
    return Softmax()(z[None, :])[0]


def _vector(answer, n):
    """``answer`` as a flat float array of n entries, or a hint string."""
    try:
        values = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return None, f"give an array of {n} numbers"
    values = values.reshape(-1) if values.size == n else values
    if values.shape != (n,):
        return None, f"give {n} numbers, one per class; got shape {np.shape(answer)}"
    if not np.all(np.isfinite(values)):
        return None, "every entry should be a finite number"
    return values, None


@exercise("ch8-two-classes")
def two_classes(answer):
    """Probability of class 1 from a two-class softmax with scores [3, 1]: sigmoid(3 - 1)."""
    expected = 1 / (1 + np.exp(-2.0))
    if number_problem(answer, 1 / (1 + np.exp(-3.0)), rtol=1e-4) is None:
        return "that is the sigmoid of the first score alone; it depends on both scores"
    if number_problem(answer, 1 - expected, rtol=1e-4) is None:
        return "that is the probability of class 2"
    if number_problem(answer, 3 / 4, rtol=1e-4) is None:
        return "exponentiate the scores before dividing by their total"
    return number_problem(answer, expected, rtol=1e-4, what="the probability")


@exercise("ch8-softmax")
def softmax_by_hand(answer):
    """The softmax probabilities of the scores [2, 1, 0]."""
    values, problem = _vector(answer, 3)
    if problem:
        return problem
    if np.allclose(values, np.exp(_SCORES)):
        return "these are the exponentials; now divide each by their total"
    if not np.isclose(values.sum(), 1.0, atol=1e-6):
        return "probabilities should add up to 1"
    if np.allclose(values, _SCORES / _SCORES.sum(), atol=1e-3):
        return "divide the exponentials e^z by their total, not the scores themselves"
    return array_problem(values, _softmax(_SCORES), rtol=1e-4, atol=1e-6,
                         what="the probabilities")


@exercise("ch8-cross-entropy")
def cross_entropy(answer):
    """Categorical cross-entropy of probabilities [0.1, 0.7, 0.2] when the true class is 2."""
    probabilities, true_class = np.array([0.1, 0.7, 0.2]), 2
    expected = -np.log(probabilities[true_class])
    if number_problem(answer, -np.log10(probabilities[true_class]), rtol=1e-4) is None:
        return "that uses the base-10 logarithm; use the natural logarithm (np.log)"
    if number_problem(answer, np.log(probabilities[true_class]), rtol=1e-4) is None:
        return "the loss is minus the logarithm, so it is positive"
    others = [-np.log(p) for k, p in enumerate(probabilities) if k != true_class]
    if any(number_problem(answer, other, rtol=1e-4) is None for other in others):
        return "use the probability the network gave to the true class, not to another class"
    return number_problem(answer, expected, rtol=1e-4, what="the loss")


@exercise("ch8-gradient")
def gradient(answer):
    """dL/dz of the cross-entropy for scores [2, 1, 0] and true class 1."""
    values, problem = _vector(answer, 3)
    if problem:
        return problem
    target = np.array([0.0, 1.0, 0.0])
    expected = _softmax(_SCORES) - target
    if np.allclose(values, -expected, rtol=1e-4, atol=1e-6):
        return "the signs are flipped: it is prediction minus target"
    if np.allclose(values, _softmax(_SCORES), rtol=1e-4, atol=1e-6):
        return "that is the prediction; subtract the one-hot target"
    if not np.isclose(values.sum(), 0.0, atol=1e-4):
        return "the entries of this gradient add up to 0 (both a and y add up to 1)"
    return array_problem(values, expected, rtol=1e-4, atol=1e-6, what="the gradient")


@exercise("ch8-uniform-loss")
def uniform_loss(answer):
    """Cross-entropy of a 26-class network that gives every class the same probability."""
    if number_problem(answer, np.log10(26), rtol=1e-4) is None:
        return "that uses the base-10 logarithm; use the natural logarithm (np.log)"
    if number_problem(answer, 1 / 26, rtol=1e-4) is None:
        return "that is the probability of the true class; the loss is minus its logarithm"
    return number_problem(answer, np.log(26), rtol=1e-4, what="the loss")


@exercise("ch8-parameters")
def parameters(answer):
    """Number of weights and biases of a 784-128-10 network of Dense layers."""
    weights = 784 * 128 + 128 * 10
    if count_problem(answer, weights) is None:
        return "you counted the weights; each neuron also has a bias"
    if count_problem(answer, weights + 784 + 128) is None:
        return "biases belong to neurons, not inputs: one per hidden unit and one per output"
    return count_problem(answer, weights + 128 + 10, what="the number of parameters")
