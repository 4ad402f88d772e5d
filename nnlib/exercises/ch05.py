"""Checks for the exercises of chapter 5, "Backpropagation"."""
import math

from . import count_problem, exercise, number_problem


def _shape(value):
    return tuple(int(n) for n in value)


@exercise("ch5-shapes")
def shapes(answer):
    """Shapes of delta and grad_weights of Dense(64, 10) after a batch of 32 samples."""
    try:
        delta, grad_weights = (_shape(shape) for shape in answer)
    except (TypeError, ValueError):
        return "give two shapes, (shape of delta, shape of grad_weights), each a tuple of two numbers"
    if grad_weights != (64, 10):
        if grad_weights == (10, 64):
            return "grad_weights has its rows and columns swapped: it has the weights' shape"
        return "grad_weights is not right yet: a gradient has the shape of what it differentiates"
    if delta != (32, 10):
        if delta == (10, 32):
            return "delta has its rows and columns swapped: rows are samples"
        return "delta is not right yet: it holds dC/dz, one value per sample and neuron"
    return None


@exercise("ch5-chain")
def chain(answer):
    """dC/dw for a = sigmoid(w x + b), w = 0.5, b = -1, x = 2, y = 1, C = (a - y)^2."""
    w, b, x, y = 0.5, -1.0, 2.0, 1.0
    a = 1 / (1 + math.exp(-(w * x + b)))
    slope = a * (1 - a)
    expected = 2 * (a - y) * slope * x
    if number_problem(answer, 2 * (a - y) * slope) is None:
        return "that is dC/dz (or dC/db); the weight's gradient has one more factor, dz/dw"
    if number_problem(answer, 2 * (a - y) * x) is None:
        return "the sigmoid's slope at z is missing from the chain"
    if number_problem(answer, -expected) is None:
        return "the sign is wrong: the output is below its target, so raising w lowers the cost"
    return number_problem(answer, expected, what="dC/dw")


@exercise("ch5-dead-neuron")
def dead_neuron(answer):
    """How many of the font network's 16 partial derivatives vanish when hidden neuron 2 is off."""
    incoming, bias, outgoing = 3, 1, 1
    if count_problem(answer, incoming + bias) is None:
        return ("the neuron's incoming weights and bias are right; does its silent output "
                "change anything in the output layer?")
    if count_problem(answer, incoming) is None:
        return "count the neuron's bias too, and look at the output layer"
    return count_problem(answer, incoming + bias + outgoing, what="the count")


@exercise("ch5-sigmoid-bound")
def sigmoid_bound(answer):
    """The largest possible product of the sigmoid slopes of 10 layers."""
    expected = 0.25 ** 10
    if number_problem(answer, 0.25 * 10) is None:
        return "ten layers multiply their slopes; they do not add them"
    if number_problem(answer, 0.5 ** 10) is None:
        return "the sigmoid's largest slope is sigma'(0), not sigma(0)"
    return number_problem(answer, expected, rtol=1e-3, atol=1e-12, what="the product")
