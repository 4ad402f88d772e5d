"""Checks for chapter 7's exercises on Thomas Nield's data (:func:`nnlib.datasets.nield_font_colors`).

Chapter 7 trains on Nield's colours, split as ``train_test_split(X / 255, y, test_size=1 / 3,
random_state=0)``; ``ch7-nield-light-baseline`` checks the test accuracy of always answering
"light font" on that split. (``ch7-light-baseline`` in ch07.py is the same question on
``font_colors()``, the formula-made data.)
"""
from . import exercise
from .ch07 import baseline_problem


def _nield_test_labels():
    """The chapter's test labels: Nield's data split as the chapter splits it."""
    from sklearn.model_selection import train_test_split

    from ..datasets import nield_font_colors
    X, y = nield_font_colors()
    _, _, _, y_test = train_test_split(X / 255, y, test_size=1 / 3, random_state=0)
    return y_test


@exercise("ch7-nield-light-baseline")
def nield_light_baseline(answer):
    """Test accuracy, on Nield's test colours, of a "classifier" that always answers "light font"."""
    return baseline_problem(answer, _nield_test_labels())
