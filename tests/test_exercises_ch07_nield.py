"""The chapter 7 check on Nield's data: the right answer passes, wrong ones fail with a hint that
does not give it away. The right answer is computed here from the CSV through nnlib's loader."""
import numpy as np
from sklearn.model_selection import train_test_split

from exercise_helpers import assert_right, assert_wrong
from nnlib.datasets import nield_font_colors
from nnlib.exercises import check


def test_nield_light_baseline():
    X, y = nield_font_colors()
    _, _, _, y_test = train_test_split(X / 255, y, test_size=1 / 3, random_state=0)
    right = np.count_nonzero(y_test == 0) / len(y_test)
    assert 0.3 < right < 0.45                       # about 38 % of his colours take a light font
    assert_right("ch7-nield-light-baseline", right)
    assert check("ch7-nield-light-baseline", round(right, 3))
    secret = [f"{right:.3f}", f"{right:.2f}", f"{100 * right:.1f}"]
    assert "dark" in assert_wrong("ch7-nield-light-baseline", 1 - right, secret)
    assert "percentage" in assert_wrong("ch7-nield-light-baseline", 100 * right, secret)
    assert_wrong("ch7-nield-light-baseline", 0.5, secret)
