"""The chapter 9 exercise checks: right answers pass, wrong ones fail with a hint that does not
give the answer away. Right answers are computed here independently of nnlib."""
import numpy as np
import pytest

from exercise_helpers import assert_right, assert_wrong
from nnlib.exercises import check

RIGHT = {
    "ch9-conv-parameters": 8 * 9 + 8,
    "ch9-momentum": 1 / (1 - 0.9),
    "ch9-weight-decay": 1 - 0.1 * 0.01,
    "ch9-linear-shape": (10, 64),
}

WRONG = {   # (wrong answer, a word the hint should contain)
    "ch9-conv-parameters": [(72, "bias"), (10, "one kernel"), (4160, "too big"),
                            (50, "too small")],
    "ch9-momentum": [(0.1, "solve"), (0.9, "too small"), (100, "too big"), ("ten", "number")],
    "ch9-weight-decay": [(0.001, "remains"), (0.99, "learning rate"), (0.9, "too small"),
                         (1.0, "too big")],
    "ch9-linear-shape": [((64, 10), "nnlib"), ((10, 10), "inputs"), ((10, 64, 1), "two"),
                         ("ten by sixty-four", "tuple")],
}


def _answer_texts(exercise_id):
    value = RIGHT[exercise_id]
    if isinstance(value, tuple):
        return {str(value), "(10,64)", "10, 64", "10 x 64"}
    texts = {f"{value:.{d}f}" for d in (1, 2, 3, 4)} | {f"{value:g}"}
    return texts


@pytest.mark.parametrize("exercise_id", sorted(RIGHT))
def test_right_answer_passes(exercise_id):
    assert_right(exercise_id, RIGHT[exercise_id])


def test_right_answers_in_other_forms():
    assert check("ch9-linear-shape", [10, 64]).passed
    assert check("ch9-linear-shape", np.array([10, 64])).passed
    assert check("ch9-momentum", 10).passed
    assert check("ch9-conv-parameters", np.int64(80)).passed


@pytest.mark.parametrize("exercise_id,wrong,hint_word",
                         [(e, w, h) for e, cases in WRONG.items() for w, h in cases])
def test_wrong_answer_fails_with_a_hint_that_hides_the_answer(exercise_id, wrong, hint_word):
    assert_wrong(exercise_id, wrong, secret=_answer_texts(exercise_id), hint_word=hint_word)
