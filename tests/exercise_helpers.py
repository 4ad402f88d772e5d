"""Shared assertions for the tests of the chapters' exercise checks (tests/test_exercises_chNN.py).

Import with ``from exercise_helpers import assert_wrong`` (pytest puts tests/ on the path).
"""
from nnlib.exercises import check


def assert_wrong(exercise_id, answer, secret, hint_word=None):
    """Assert that ``check`` rejects ``answer`` with a hint that contains none of the strings in
    ``secret`` (ways of writing the right answer) and, if given, does contain ``hint_word``.
    Returns the hint."""
    result = check(exercise_id, answer)
    assert not result, f"{exercise_id} accepted the wrong answer {answer!r}"
    assert result.message
    for text in secret:
        assert text not in result.message, f"the hint gives away {text!r}: {result.message}"
    if hint_word is not None:
        assert hint_word in result.message, f"expected {hint_word!r} in the hint: {result.message}"
    return result.message


def assert_right(exercise_id, answer):
    """Assert that ``check`` accepts ``answer``, and that ``...`` (no answer yet) is not
    accepted."""
    result = check(exercise_id, answer)
    assert result, f"{exercise_id} rejected the right answer {answer!r}: {result.message}"
    unanswered = check(exercise_id, ...)
    assert not unanswered and "no answer yet" in unanswered.message
