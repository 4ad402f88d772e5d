"""Checks for the exercises of chapter 6, "Your first network, trained"."""
import numpy as np

from . import array_problem, count_problem, exercise, number_problem


@exercise("ch6-parameters")
def parameters(answer):
    """Weights and biases of a 3 -> 4 -> 1 network with biases."""
    weights, biases = 3 * 4 + 4 * 1, 4 + 1
    if count_problem(answer, weights) is None:
        return "those are the weights; the layers have biases too"
    if count_problem(answer, weights + 3 + 4 + 1) is None:
        return "the inputs have no biases: only neurons do"
    return count_problem(answer, weights + biases, what="the count")


@exercise("ch6-collapse")
def collapse(answer):
    """The single weight vector c = W1 @ W2 of a linear hidden layer and its output layer."""
    W1 = np.array([[1.0, 2.0], [0.0, 1.0], [1.0, 0.0]])
    W2 = np.array([[1.0], [-1.0]])
    expected = W1 @ W2
    try:
        given = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return "give an array of numbers of shape (3, 1)"
    if given.size == 3 and given.shape != (3, 1):
        given = given.reshape(3, 1)   # accept a flat vector of the right numbers
    if given.shape == (3, 1) and np.allclose(given, -expected):
        return "the signs are flipped: multiply W1 by W2 in that order, row by column"
    return array_problem(given, expected, what="c")


@exercise("ch6-zero-loss")
def zero_loss(answer):
    """SSE of the all-zero tutorial network on the four rows of tutorial_xor()."""
    outputs, targets = np.full(4, 0.5), np.array([0.0, 1.0, 1.0, 0.0])
    expected = float(np.sum((outputs - targets) ** 2))
    if number_problem(answer, expected / 4) is None:
        return "that is the mean of the squared errors; the tutorial's loss is their sum"
    if number_problem(answer, 2.0) is None:
        return "an all-zero network does not output 0: what is the sigmoid of 0?"
    return number_problem(answer, expected, what="the loss")


@exercise("ch6-symmetry")
def symmetry(answer):
    """Distinct hidden neurons after training the all-zero tutorial network."""
    if count_problem(answer, 4) is None:
        return ("look at the columns of network.layers[0].weights after training: are any two "
                "of them different?")
    return count_problem(answer, 1, what="the count")
