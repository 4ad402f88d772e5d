"""Checks for the exercises of chapter 7, "Light or dark font?"."""
import numpy as np

from . import exercise, number_problem

def _test_labels(data="font_colors"):
    """The chapter's test labels: a data set of nnlib.datasets (by default the formula-made
    font_colors(), or "nield_font_colors") split as the chapter splits it."""
    from sklearn.model_selection import train_test_split

    from .. import datasets
    X, y = getattr(datasets, data)()
    _, _, _, y_test = train_test_split(X / 255, y, test_size=1 / 3, random_state=0)
    return y_test


@exercise("ch7-light-baseline")
def light_baseline(answer):
    """Test accuracy of a "classifier" that always answers "light font" (class 0)."""
    return baseline_problem(answer, _test_labels())


@exercise("ch7-nield-light-baseline")
def nield_light_baseline(answer):
    """The same on Thomas Nield's data (nield_font_colors), split as chapter 7 splits it."""
    return baseline_problem(answer, _test_labels("nield_font_colors"))


def baseline_problem(answer, y_test):
    """None if ``answer`` is the accuracy of always answering "light font" on ``y_test``."""
    if isinstance(answer, (int, float)) and not isinstance(answer, bool) and 1 < answer <= 100:
        return "give the accuracy as a fraction between 0 and 1, not a percentage"
    if number_problem(answer, float(np.mean(y_test == 1)), rtol=1e-3) is None:
        return ("that is the accuracy of always answering \"dark font\"; which label does an "
                "always-light answer get right?")
    # within 6e-4: the fraction rounded to 3 decimals is right too
    return number_problem(answer, float(np.mean(y_test == 0)), rtol=0, atol=6e-4,
                          what="the accuracy")


@exercise("ch7-boundary-green")
def boundary_green(answer):
    """Green value (0..255) where the rule's boundary meets red = 0 in the slice blue = 0."""
    from ..datasets import LUMINANCE_WEIGHTS
    expected = 128 / LUMINANCE_WEIGHTS[1]
    if number_problem(answer, 128 * LUMINANCE_WEIGHTS[1], rtol=1e-3) is None:
        return "on the boundary 0.587 G must make up all of 128: divide, don't multiply"
    if number_problem(answer, 128, rtol=1e-3) is None:
        return "green's weight in the luminance is not 1"
    if number_problem(answer, expected / 255, rtol=1e-3) is None:
        return "give the green value on the 0..255 scale of the figures' tick labels"
    return number_problem(answer, expected, rtol=1e-3, what="the green value")


@exercise("ch7-batch-learning-rate")
def batch_learning_rate(answer):
    """Learning rate for batches of 32 under "sse" that moves as 0.05 does for one row."""
    expected = 0.05 / 32
    if number_problem(answer, 0.05 * 32, rtol=1e-3) is None:
        return ("the other way round: a sum of 32 gradients is about 32 times bigger than one, "
                "so the step size must shrink, not grow")
    if number_problem(answer, 0.05, rtol=1e-3) is None:
        return "with \"sse\" the batch's gradient is a sum over its rows, so 0.05 steps too far"
    return number_problem(answer, expected, rtol=1e-3, what="the learning rate")


@exercise("ch7-one-neuron")
def one_neuron(answer):
    """Weights (3,) and bias of one sigmoid neuron, on inputs divided by 255, that follows the
    luminance rule: output >= 0.5 exactly when 0.299 R + 0.587 G + 0.114 B >= 128."""
    from ..datasets import font_rule, luminance
    from ..layers import Dense
    try:
        weights, bias = answer
        weights = np.asarray(weights, dtype=float).reshape(-1)
        bias = float(np.asarray(bias, dtype=float).reshape(()))
    except (TypeError, ValueError):
        return "give a pair (weights, bias): three weights, one per colour channel, and one bias"
    if weights.shape != (3,):
        return f"give three weights, one per colour channel (R, G, B), got {weights.size}"
    if not (np.all(np.isfinite(weights)) and np.isfinite(bias)):
        return "the weights and bias must be finite numbers"
    neuron = Dense(3, 1, activation="sigmoid", init="zeros")
    neuron.weights[:, 0], neuron.bias[0] = weights, bias
    grid = np.arange(0, 256, 5, dtype=float)
    colours = np.stack(np.meshgrid(grid, grid, grid), axis=-1).reshape(-1, 3)
    colours = np.vstack([colours, np.random.default_rng(7).integers(0, 256, (20000, 3))])
    # colours on the boundary itself (luminance exactly 128) are left out: rounding decides them
    colours = colours[np.abs(luminance(colours) - 128) > 1e-6]
    says_dark = neuron.forward(colours / 255)[:, 0] >= 0.5
    agree = float(np.mean(says_dark == (font_rule(colours) == 1)))
    if agree == 1.0:
        return None
    if agree < 0.5:
        return ("your neuron mostly says the opposite of the rule: a bright background should "
                "give a large weighted sum")
    return (f"your neuron agrees with the rule on {100 * agree:.1f}% of the colours tried; the "
            f"line where its weighted sum is 0 must be the plane where the luminance is 128 "
            f"(mind the scaling by 255)")
