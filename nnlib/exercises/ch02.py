"""Checks for the exercises of chapter 2, "Layers and the forward pass"."""
import numpy as np

from . import count_problem, exercise, number_problem, numbers_problem


@exercise("ch2-shapes")
def shapes(answer):
    """Shapes of A1, A2 and the scores of the 2-4-4-2 network for a batch of 10 flowers."""
    expected = [(10, 4), (10, 4), (10, 2)]
    try:
        given = [tuple(int(n) for n in shape) for shape in answer]
    except (TypeError, ValueError):
        return "give a list of three shapes, each a tuple like (rows, columns)"
    if len(given) != 3:
        return f"give three shapes (A1, A2, scores), got {len(given)}"
    for name, shape, right in zip(("A1", "A2", "the scores"), given, expected):
        if shape == right:
            continue
        if len(shape) == 2 and shape[0] != right[0]:
            return f"the rows of {name} are not right: each layer keeps one row per flower"
        return (f"the columns of {name} are not right: a layer's output has one column per "
                f"neuron of that layer")
    return None


@exercise("ch2-forward")
def forward(answer):
    """Output of the 2-2-1 ReLU network of the exercise for the input (1, 2)."""
    x = np.array([1.0, 2.0])
    z1 = x @ np.array([[1.0, -1.0], [2.0, 0.5]]) + np.array([0.0, -1.0])
    output = float(np.maximum(z1, 0) @ np.array([1.0, -2.0]) + 0.5)
    problem = number_problem(answer, output, what="the output")
    if problem and number_problem(answer, float(z1 @ np.array([1.0, -2.0]) + 0.5)) is None:
        return "close: did you apply ReLU to the hidden layer (negative sums become 0)?"
    return problem


@exercise("ch2-params")
def params(answer):
    """Number of parameters of a 784-128-10 network."""
    weights_only = 784 * 128 + 128 * 10
    expected = weights_only + 128 + 10
    problem = count_problem(answer, expected, what="the count")
    if problem and count_problem(answer, weights_only) is None:
        return "you counted the weights; every neuron also has a bias"
    return problem


@exercise("ch2-chain")
def chain(answer):
    """(index, n_inputs) of the layer that breaks the chain in [Dense(3,5), Dense(5,5), Dense(4,1)]."""
    return numbers_problem(answer, [2, 5], ["the index", "n_inputs"], rtol=0, atol=0, hints=[
        "indices count from 0; compare each layer's n_inputs with the n_outputs of the layer "
        "before it",
        "it must equal the number of outputs of the layer before"])
