"""Checks for the exercises of chapter 4, "Loss and gradient descent"."""
import math

import numpy as np

from . import count_problem, exercise, number_problem


@exercise("ch4-mse")
def mse(answer):
    """Mean squared error of the outputs (0.5, 0.8, 0.1) for the targets (1, 1, 0)."""
    errors = np.array([0.5, 0.8, 0.1]) - np.array([1.0, 1.0, 0.0])
    expected = float(np.mean(errors ** 2))
    if number_problem(answer, float(np.sum(errors ** 2))) is None:
        return "that is the sum of the squared errors; the mean divides it by the number of values"
    if number_problem(answer, float(np.mean(np.abs(errors)))) is None:
        return "that is the mean of the errors' sizes; square each error before averaging"
    return number_problem(answer, expected, what="the MSE")


@exercise("ch4-bce")
def bce(answer):
    """Binary cross-entropy of the prediction 0.1 for the target 1 (natural log)."""
    expected = -math.log(0.1)
    if number_problem(answer, -math.log10(0.1)) is None:
        return "that uses the base-10 logarithm; cross-entropy uses the natural logarithm (np.log)"
    if number_problem(answer, -math.log(0.9)) is None:
        return "that is the loss for a target of 0; with target 1 only the -log(a) term is on"
    if number_problem(answer, math.log(0.1)) is None:
        return "the sign is wrong: the loss is minus the logarithm, so it is positive"
    return number_problem(answer, expected, rtol=1e-3, atol=1e-4, what="the cross-entropy")


@exercise("ch4-two-steps")
def two_steps(answer):
    """w after two gradient-descent steps on L(w) = (w - 3)^2 from w = 0 with learning rate 0.1."""
    w = 0.0
    for _ in range(2):
        w -= 0.1 * 2 * (w - 3)
    if number_problem(answer, 0.0 - 0.1 * 2 * (0.0 - 3)) is None:
        return "that is w after the first step; take one more step from there"
    return number_problem(answer, w, what="w after two steps")


@exercise("ch4-max-rate")
def max_rate(answer):
    """The largest learning rate for which gradient descent on L(w) = 4 (w - 1)^2 converges."""
    curvature = 8.0                                   # d2L/dw2 of 4 (w - 1)^2
    if number_problem(answer, 1 / curvature) is None:
        return ("at that rate one step lands exactly on the minimum; larger rates still "
                "converge, by oscillating")
    if number_problem(answer, 2 / 4) is None:
        return "use the second derivative of L (its curvature), not the factor in front"
    return number_problem(answer, 2 / curvature, what="the largest learning rate")


@exercise("ch4-updates")
def updates(answer):
    """Weight updates made by fit on 200 examples, 10 epochs, batch_size=32."""
    per_epoch = math.ceil(200 / 32)
    if count_problem(answer, 10 * (200 // 32)) is None:
        return "the last, smaller batch of each epoch also makes an update"
    return count_problem(answer, 10 * per_epoch, what="the number of updates")
