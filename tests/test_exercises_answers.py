"""Issue 12, class 7: exercise checkers that could be fooled or stalled.

Checkers that take a function compare it symbolically, then densely over a wide range; an
endless or huge answer is refused at once; a count must be a whole number.
"""
import itertools
import signal
import time
from contextlib import contextmanager

import numpy as np
import pytest
import sympy as sp
from exercise_helpers import assert_wrong

from nnlib.exercises import MAX_ANSWER_SIZE, check

x = sp.Symbol("x", real=True)
RIGHT = 1 - sp.tanh(x) ** 2


@contextmanager
def deadline(seconds):
    """Fail (instead of hanging) if the block takes longer than ``seconds``."""
    def stop(signum, frame):
        raise TimeoutError(f"took more than {seconds} s")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("wrong", [
    RIGHT + sp.Rational(1, 5) * sp.sin(10 * sp.pi * x) ** 2,      # 0.2 off between grid points
    RIGHT + sp.Piecewise((0, sp.Abs(x) <= 3), (sp.Rational(1, 2), True)),   # off outside [-3, 3]
    RIGHT + sp.exp(-(x - 10) ** 2),                               # a bump far from 0
    RIGHT + sp.Rational(1, 10**6),                                 # off by a constant
    RIGHT + sp.exp(-10**6 * (x - sp.Rational(1234, 10000)) ** 2),   # too narrow for any grid
], ids=["between-points", "outside-3", "bump-at-10", "constant", "narrow"])
def test_tanh_checker_is_not_fooled_by_an_answer_right_only_at_its_sample_points(wrong):
    assert_wrong("ch3-tanh", wrong, secret=["1 - tanh", "sech", "cosh"])


@pytest.mark.parametrize("right", [
    RIGHT, sp.diff(sp.tanh(x), x), sp.sech(x) ** 2, 1 / sp.cosh(x) ** 2,
    4 / (sp.exp(x) + sp.exp(-x)) ** 2, sp.sech(sp.Symbol("t")) ** 2,
    sp.Piecewise((1 - sp.tanh(x) ** 2, x < 0), (sp.sech(x) ** 2, True)),
])
def test_tanh_checker_accepts_every_form_of_the_right_answer(right):
    assert check("ch3-tanh", right), check("ch3-tanh", right).message


def test_an_endless_iterator_is_refused_at_once():
    for exercise_id in ("ch1-line", "ch1-shapes", "ch3-leaky", "ch5-shapes"):
        with deadline(2):
            result = check(exercise_id, itertools.repeat(1.0))
        assert not result and "too big" in result.message


def test_a_huge_answer_is_refused_at_once():
    huge = [("ch1-line", range(10**12)), ("ch1-shapes", [range(10**12)] * 3),
            ("ch6-collapse", np.zeros(10**6)), ("ch3-tanh", sp.Add(*(x ** i for i in range(2000)))),
            ("ch1-predict", "9" * (MAX_ANSWER_SIZE + 1))]
    start = time.perf_counter()
    for exercise_id, answer in huge:
        with deadline(5):
            result = check(exercise_id, answer)
        assert not result and "too big" in result.message, (exercise_id, result.message)
    assert time.perf_counter() - start < 2


def test_an_answer_within_the_limits_is_still_read_in_full():
    assert check("ch1-line", iter([3.0, -2.0]))          # a short iterator is fine
    assert check("ch2-shapes", (s for s in [(10, 4), (10, 4), (10, 2)]))


@pytest.mark.parametrize("exercise_id,right", [
    ("ch2-params", 101770), ("ch8-parameters", 101770), ("ch9-conv-parameters", 80),
    ("ch6-parameters", 21), ("ch5-dead-neuron", 5), ("ch4-updates", 70), ("ch6-symmetry", 1)])
def test_a_count_must_be_a_whole_number(exercise_id, right):
    assert check(exercise_id, right)
    assert check(exercise_id, float(right))
    assert check(exercise_id, np.int64(right))
    for wrong in (right + 0.4, right - 0.4, right + 1e-5, np.float32(right + 0.4), True,
                  float("nan"), [right]):
        assert_wrong(exercise_id, wrong, secret=[str(right)])
