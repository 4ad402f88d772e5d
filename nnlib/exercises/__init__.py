"""Checks for the book's exercises: right, or what is wrong, without giving the answer away.

In a chapter::

    from nnlib.exercises import check
    answer = ...              # the reader's answer
    check("ch1-slope", answer)

``check`` returns a :class:`CheckResult`, shown in Jupyter as a one-line
verdict; ``bool(result)`` is True when the answer is right.

Each chapter's checks live in a module ``chNN.py`` beside this file and
register themselves with the :func:`exercise` decorator.  A checker takes
the answer and returns None when it is right, or a string saying what is
wrong (a hint, never the answer).  Helpers below cover the usual cases.
"""
import importlib
import itertools
import numbers
import pkgutil

import numpy as np

_CHECKS = {}

MAX_ANSWER_SIZE = 10_000
"""The most numbers, characters or items an answer may hold in all (an endless iterator is read
only that far); a bigger answer is refused at once."""
MAX_EXPRESSION_SIZE = 300
"""The most nodes a SymPy expression given as an answer may have."""


class CheckResult:
    """The verdict on one answer: ``passed`` (bool) and a ``message``.

    ``pending`` is True when there is no answer yet (the exercise's ``...`` is still there):
    shown as a neutral invitation, not as a wrong answer, since that is what the book's saved
    pages show under every exercise.
    """

    def __init__(self, exercise_id, passed, message, pending=False):
        self.exercise_id, self.passed, self.message = exercise_id, passed, message
        self.pending = pending

    def __bool__(self):
        return self.passed

    def __repr__(self):
        mark = "Right!" if self.passed else "Your turn:" if self.pending else "Not yet:"
        return f"{self.exercise_id}: {mark} {self.message}".rstrip()

    def _repr_html_(self):
        import html
        if self.pending:
            return (f'<div class="nnlib-check nnlib-check-pending">{html.escape(self.exercise_id)}:'
                    f' Your turn: {html.escape(self.message)}</div>')
        # both colours are at least 4.5:1 on white (WCAG AA)
        colour = "#1a7f37" if self.passed else "#b35900"
        mark = "&#10004; Right!" if self.passed else "&#10008; Not yet:"
        return (f'<div class="nnlib-check" style="font-weight:600;color:{colour}">'
                f'{html.escape(self.exercise_id)}: {mark} {html.escape(self.message)}</div>')


def exercise(exercise_id, done_message="Well done."):
    """Register the decorated function as the checker of ``exercise_id``."""
    def register(checker):
        if exercise_id in _CHECKS:
            raise ValueError(f"exercise {exercise_id!r} is registered twice")
        checker.done_message = done_message
        _CHECKS[exercise_id] = checker
        return checker
    return register


def _load_all():
    for module in pkgutil.iter_modules(__path__):
        if module.name.startswith("ch"):
            importlib.import_module(f"{__name__}.{module.name}")


def exercise_ids():
    """All registered exercise ids, sorted."""
    _load_all()
    return sorted(_CHECKS)


def check(exercise_id, answer):
    """Check ``answer`` to exercise ``exercise_id``; returns a :class:`CheckResult`."""
    _load_all()
    if exercise_id not in _CHECKS:
        raise ValueError(f"unknown exercise {exercise_id!r}; known: {', '.join(sorted(_CHECKS))}")
    if answer is None or answer is Ellipsis:
        return CheckResult(exercise_id, False, "no answer yet. Write your answer in place of the "
                                               "... above and run this cell: it checks it.",
                           pending=True)
    checker = _CHECKS[exercise_id]
    try:
        answer = bounded(answer)
    except AnswerTooBig as exc:
        return CheckResult(exercise_id, False, str(exc))
    try:
        problem = checker(answer)
    except Exception as exc:   # a malformed answer is feedback, not a crash
        problem = f"could not check this answer ({type(exc).__name__}: {exc})"
    if problem:
        return CheckResult(exercise_id, False, problem)
    return CheckResult(exercise_id, True, checker.done_message)


# ------------------------------------------------------------------ helpers
class AnswerTooBig(ValueError):
    """An answer larger than any right answer (see MAX_ANSWER_SIZE), refused before checking."""


def bounded(answer, budget=None):
    """``answer`` with its iterators and other iterables (except arrays, strings and SymPy
    expressions) read into tuples, lists staying lists, at most MAX_ANSWER_SIZE items in all.

    Raises :class:`AnswerTooBig` as soon as the answer holds more; an endless iterator is read
    no further than that."""
    budget = [MAX_ANSWER_SIZE] if budget is None else budget

    def spend(n, what):
        budget[0] -= n
        if budget[0] < 0:
            raise AnswerTooBig(f"this answer is too big to check ({what}); the right answer is "
                               f"a few numbers")
    if isinstance(answer, (str, bytes)):
        spend(len(answer), f"{len(answer):,} characters")
    elif isinstance(answer, np.ndarray):
        spend(answer.size, f"an array of {answer.size:,} values")
    elif type(answer).__module__.startswith("sympy"):
        import sympy as sp
        nodes = sum(1 for _ in itertools.islice(sp.preorder_traversal(answer), MAX_EXPRESSION_SIZE + 1))
        if nodes > MAX_EXPRESSION_SIZE:
            raise AnswerTooBig(f"this expression is too big to check (more than "
                               f"{MAX_EXPRESSION_SIZE} parts); simplify it first")
    elif hasattr(answer, "__iter__") and not isinstance(answer, dict):
        items = list(itertools.islice(iter(answer), max(budget[0], 0) + 1))
        spend(len(items), f"more than {MAX_ANSWER_SIZE:,} items")
        items = [bounded(item, budget) for item in items]
        return items if isinstance(answer, list) else tuple(items)
    return answer


def same_function(answer, expected, x, low=-40.0, high=40.0):
    """True if the SymPy expressions ``answer`` and ``expected`` are the same function of ``x``.

    First numerically, on a dense grid over [low, high] and at random points in and around it:
    a point where they differ settles it.  Then symbolically: SymPy's
    ``(answer - expected).equals(0)`` (simplification, then exact evaluation) catches a
    difference too narrow for the grid; where SymPy cannot decide, the grid's verdict stands."""
    import sympy as sp
    difference = answer - expected
    rng = np.random.default_rng(0)
    points = np.concatenate([np.linspace(low, high, 16001), rng.uniform(low, high, 2000),
                             rng.normal(0, 3, 2000)])
    with np.errstate(all="ignore"):
        values = np.broadcast_to(np.asarray(sp.lambdify(x, difference, "numpy")(points),
                                            dtype=complex), points.shape)
        scale = 1 + np.abs(np.asarray(sp.lambdify(x, expected, "numpy")(points), dtype=complex))
    if not np.all(np.abs(values) <= 1e-9 * scale):
        return False
    try:
        return difference.equals(0) is not False
    except Exception:  # noqa: BLE001  (SymPy gives up on some expressions: the grid decides)
        return True


def count_problem(answer, expected, what="the count"):
    """None if ``answer`` is the whole number ``expected`` (3 and 3.0 are whole, 3.4 is not)."""
    if isinstance(answer, np.ndarray) and answer.size == 1:
        answer = answer.item()
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return f"{what} should be a single number, a whole one, got {type(answer).__name__}"
    if not float(answer).is_integer():
        return f"{what} is a whole number: something counted has no fraction"
    if int(answer) == expected:
        return None
    return f"{what} is too {'big' if answer > expected else 'small'}"


def number_problem(answer, expected, rtol=1e-6, atol=1e-9, what="the answer"):
    """None if ``answer`` is a number close to ``expected``; else a hint (sign, too big/small)."""
    if isinstance(answer, bool) or not isinstance(answer, (numbers.Real, np.floating, np.integer)):
        if isinstance(answer, np.ndarray) and answer.size == 1:
            answer = answer.item()
        else:
            return f"{what} should be a single number, got {type(answer).__name__}"
    answer = float(answer)
    if not np.isfinite(answer):
        return f"{what} is {answer}; expected a finite number"
    if np.isclose(answer, expected, rtol=rtol, atol=atol):
        return None
    if np.sign(answer) != np.sign(expected) and expected != 0:
        return f"{what} has the wrong sign"
    return f"{what} is too {'big' if answer > expected else 'small'}"


def array_problem(answer, expected, rtol=1e-6, atol=1e-9, what="the answer"):
    """None if ``answer`` is an array of ``expected``'s shape and values; else what differs."""
    expected = np.asarray(expected, dtype=float)
    try:
        answer = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return f"{what} should be an array of numbers"
    if answer.shape != expected.shape:
        return f"{what} should have shape {expected.shape}, got {answer.shape}"
    wrong = ~np.isclose(answer, expected, rtol=rtol, atol=atol)
    if wrong.any():
        return f"{int(wrong.sum())} of {wrong.size} entries of {what} are not right yet"
    return None


def numbers_problem(answer, expected, names, hints=None, rtol=1e-6, atol=1e-9):
    """None if ``answer`` is a sequence of numbers close to ``expected``, one for each name.

    Otherwise a hint about the first wrong number, named ``names[i]`` ("the weight"), followed by
    ``hints[i]`` in brackets when given (e.g. "the bias is the output at x = 0").  For answers
    such as ``(weight, bias)``.
    """
    try:
        given = list(answer)
    except TypeError:
        given = None
    if given is None or len(given) != len(expected):
        return f"give {len(expected)} numbers: {', '.join(names)}"
    for i, (value, right, name) in enumerate(zip(given, expected, names)):
        problem = number_problem(value, right, rtol=rtol, atol=atol, what=name)
        if problem:
            return f"{problem} ({hints[i]})" if hints and hints[i] else problem
    return None
