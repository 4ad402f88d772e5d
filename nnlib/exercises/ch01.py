"""Checks for the exercises of chapter 1, "A neuron is a line"."""
import numpy as np

from . import exercise, number_problem, numbers_problem


@exercise("ch1-predict")
def predict(answer):
    """A neuron with weight -0.5 and bias 1: its output for the input x = 4."""
    return number_problem(answer, -0.5 * 4 + 1, what="the output")


@exercise("ch1-line")
def line(answer):
    """The (weight, bias) of the neuron whose line passes through (1, 1) and (3, 7)."""
    slope = (7 - 1) / (3 - 1)
    return numbers_problem(answer, [slope, 1 - slope * 1], ["the weight", "the bias"], hints=[
        "the weight is the rise in y for each step of 1 in x",
        "the bias is the output at x = 0, not at x = 1"])


@exercise("ch1-dot")
def dot(answer):
    """Output of a neuron with weights (0.5, -1, 2) and bias -1 for the input (1, 2, 3)."""
    weighted_sum = float(np.dot([1, 2, 3], [0.5, -1, 2]))
    problem = number_problem(answer, weighted_sum - 1, what="the output")
    if problem and number_problem(answer, weighted_sum) is None:
        return "the weighted sum is right; now add the bias"
    return problem


@exercise("ch1-shapes")
def shapes(answer):
    """Shapes of X, of the weights and of the output for 32 samples of 5 inputs into Dense(5, 1)."""
    names = ("X", "the weights", "the output")
    expected = ((32, 5), (5, 1), (32, 1))
    try:
        given = [tuple(int(n) for n in shape) for shape in answer]
    except (TypeError, ValueError):
        return "give three shapes, each a tuple like (rows, columns)"
    if len(given) != 3:
        return f"give three shapes (X, weights, output), got {len(given)}"
    for name, shape, right in zip(names, given, expected):
        if shape != right:
            if shape == right[::-1]:
                return f"the shape of {name} has its rows and columns swapped"
            return (f"the shape of {name} is not right yet: rows count samples (for X and the "
                    f"output) or inputs (for the weights), columns count inputs or neurons")
    return None
