"""Checks for the exercises of chapter 9, "Where next"."""
from . import count_problem, exercise, number_problem


@exercise("ch9-conv-parameters")
def conv_parameters(answer):
    """Parameters of 8 convolution kernels of 3 x 3 weights, one bias each, on one channel."""
    if count_problem(answer, 8 * 3 * 3) is None:
        return "you counted the weights; each kernel also has a bias"
    if count_problem(answer, 3 * 3 + 1) is None:
        return "that is one kernel; the layer has 8"
    return count_problem(answer, 8 * (3 * 3 + 1), what="the number of parameters")


@exercise("ch9-momentum")
def momentum(answer):
    """The limit of v <- 0.9 v + g, as a multiple of g."""
    beta = 0.9
    if number_problem(answer, 1 - beta, rtol=1e-6) is None:
        return "that is 1 - beta; at the limit v = beta v + g, so solve for v"
    return number_problem(answer, 1 / (1 - beta), rtol=1e-6, what="the multiple of g")


@exercise("ch9-weight-decay")
def weight_decay(answer):
    """Factor multiplying a weight with zero loss gradient, weight decay 0.01, learning rate 0.1."""
    learning_rate, decay = 0.1, 0.01
    if number_problem(answer, learning_rate * decay, rtol=1e-6) is None:
        return "that is how much of the weight is removed; the factor is what remains"
    if number_problem(answer, 1 - decay, rtol=1e-6) is None:
        return "the decay term is multiplied by the learning rate too"
    return number_problem(answer, 1 - learning_rate * decay, rtol=1e-9, atol=1e-12,
                          what="the factor")


@exercise("ch9-linear-shape")
def linear_shape(answer):
    """Shape of nn.Linear(64, 10).weight in PyTorch."""
    try:
        shape = tuple(int(n) for n in answer)
    except (TypeError, ValueError):
        return "give the shape as a tuple of two whole numbers, (rows, columns)"
    if len(shape) != 2:
        return f"a weight matrix has two dimensions, got {len(shape)}"
    if shape == (64, 10):
        return ("that is nnlib's layout, (inputs, outputs); the chapter's notes on PyTorch say how "
                "nn.Linear stores its weight differently")
    if sorted(shape) != [10, 64]:
        return "the two sizes are the layer's number of inputs and of outputs"
    return None
