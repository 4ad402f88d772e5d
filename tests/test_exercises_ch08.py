"""The chapter 8 exercise checks: right answers pass, wrong ones fail with a hint that does not
give the answer away. Right answers are computed here independently of nnlib."""
import math

import numpy as np
import pytest

from exercise_helpers import assert_right, assert_wrong
from nnlib.exercises import check

SOFTMAX_210 = [math.exp(2) / (math.exp(2) + math.exp(1) + 1),
               math.exp(1) / (math.exp(2) + math.exp(1) + 1),
               1 / (math.exp(2) + math.exp(1) + 1)]

RIGHT = {
    "ch8-softmax": SOFTMAX_210,
    "ch8-cross-entropy": math.log(5),                      # -log 0.2
    "ch8-gradient": [SOFTMAX_210[0], SOFTMAX_210[1] - 1, SOFTMAX_210[2]],
    "ch8-uniform-loss": math.log(26),
    "ch8-parameters": 784 * 128 + 128 + 128 * 10 + 10,
    "ch8-two-classes": 1 / (1 + math.exp(-2)),             # sigmoid(3 - 1)
}

WRONG = {   # (wrong answer, a word the hint should contain)
    "ch8-softmax": [([math.exp(2), math.exp(1), 1.0], "divide"),
                    ([2 / 3, 1 / 3, 0.0], "exponentials"),
                    ([0.5, 0.3, 0.3], "add up to 1"),
                    ([0.6, 0.3, 0.1], "not right yet"),
                    ([0.5, 0.5], "3 numbers")],
    "ch8-cross-entropy": [(math.log(0.2), "positive"),
                          (-math.log10(0.2), "natural"),
                          (-math.log(0.7), "true class"),
                          (1.0, "too small")],
    "ch8-gradient": [([-SOFTMAX_210[0], 1 - SOFTMAX_210[1], -SOFTMAX_210[2]], "flipped"),
                     (SOFTMAX_210, "subtract"),
                     ([0.6, -0.7, 0.2], "add up to 0"),
                     ([0.6, -0.7, 0.1], "not right yet")],
    "ch8-uniform-loss": [(1 / 26, "logarithm"), (math.log10(26), "natural"),
                         (math.log(10), "too small")],
    "ch8-parameters": [(784 * 128 + 128 * 10, "bias"), (784 * 128 + 128 * 10 + 784 + 128, "neurons"),
                       (100_000, "too small"), ("many", "single number")],
    "ch8-two-classes": [(1 / (1 + math.exp(-3)), "both scores"),
                        (1 / (1 + math.exp(2)), "class 2"), (0.75, "exponentiate"),
                        (0.5, "too small"), ("0.88", "single number")],
}


def _answer_texts(exercise_id):
    value = RIGHT[exercise_id]
    values = value if isinstance(value, list) else [value]
    texts = set()
    for v in values:
        for digits in (2, 3, 4):
            texts.add(f"{v:.{digits}f}")
        if float(v).is_integer():
            texts.update({str(int(v)), f"{int(v):,}"})
    return texts


@pytest.mark.parametrize("exercise_id", sorted(RIGHT))
def test_right_answer_passes(exercise_id):
    assert_right(exercise_id, RIGHT[exercise_id])
    assert check(exercise_id, np.asarray(RIGHT[exercise_id]))   # arrays as well as lists


@pytest.mark.parametrize("exercise_id,wrong,hint_word",
                         [(e, w, h) for e, cases in WRONG.items() for w, h in cases])
def test_wrong_answer_fails_with_a_hint_that_hides_the_answer(exercise_id, wrong, hint_word):
    assert_wrong(exercise_id, wrong, secret=_answer_texts(exercise_id), hint_word=hint_word)
