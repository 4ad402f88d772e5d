"""The chapter 9 exercises that extend nnlib (momentum, early stopping, softplus): right
implementations pass, and typical wrong ones fail with a hint that points at the mistake."""
import numpy as np
import pytest
import sympy as sp

from nnlib import Activation, Network
from nnlib.exercises import check


# ------------------------------------------------------------------ momentum
class MomentumNetwork(Network):
    def __init__(self, layers, loss="mse", seed=None, momentum=0.9):
        super().__init__(layers, loss=loss, seed=seed)
        self.momentum = momentum
        self.velocity = [(np.zeros_like(l.weights), np.zeros_like(l.bias)) for l in self.layers]

    def step(self, X, y, learning_rate):
        loss = self.loss(X, y)
        grads = self.gradients(X, y)
        self.velocity = [(self.momentum * vw + gw, self.momentum * vb + gb)
                         for (vw, vb), (gw, gb) in zip(self.velocity, grads)]
        for layer, (vw, vb) in zip(self.layers, self.velocity):
            layer.weights -= learning_rate * vw
            layer.bias -= learning_rate * vb
        return loss


class PlainNetwork(MomentumNetwork):          # forgets nothing, remembers nothing
    def step(self, X, y, learning_rate):
        return Network.step(self, X, y, learning_rate)


class NoDecayNetwork(MomentumNetwork):        # v = v + g: the momentum is ignored
    def __init__(self, layers, loss="mse", seed=None, momentum=0.9):
        super().__init__(layers, loss=loss, seed=seed, momentum=1.0)


class UphillNetwork(MomentumNetwork):
    def step(self, X, y, learning_rate):
        return super().step(X, y, -learning_rate)


class LossAfterNetwork(MomentumNetwork):
    def step(self, X, y, learning_rate):
        super().step(X, y, learning_rate)
        return self.loss(X, y)


class LearningRateInsideNetwork(MomentumNetwork):   # v = beta v + eta g; w = w - v: the same
    def step(self, X, y, learning_rate):
        loss = self.loss(X, y)
        grads = self.gradients(X, y)
        self.velocity = [(self.momentum * vw + learning_rate * gw,
                          self.momentum * vb + learning_rate * gb)
                         for (vw, vb), (gw, gb) in zip(self.velocity, grads)]
        for layer, (vw, vb) in zip(self.layers, self.velocity):
            layer.weights -= vw
            layer.bias -= vb
        return loss


def test_momentum_right():
    assert check("ch9-momentum-network", MomentumNetwork)
    assert check("ch9-momentum-network", LearningRateInsideNetwork)   # an equivalent form
    assert not check("ch9-momentum-network", ...)


@pytest.mark.parametrize("wrong,word", [
    (PlainNetwork, "plain gradient-descent"), (NoDecayNetwork, "not right yet"),
    (UphillNetwork, "uphill"), (LossAfterNetwork, "before"), (Network, "__init__"),
    ("MomentumNetwork", "class itself")])
def test_momentum_wrong(wrong, word):
    result = check("ch9-momentum-network", wrong)
    assert not result and word in result.message, result.message


# ------------------------------------------------------------------ early stopping
class StopTraining(Exception):
    pass


class EarlyStopping:
    def __init__(self, patience):
        self.patience, self.best_loss, self.best_epoch, self.waited = patience, np.inf, None, 0
        self.best_weights = None

    def __call__(self, net, epoch, history):
        if history["val_loss"][-1] < self.best_loss:
            self.best_loss, self.best_epoch, self.waited = history["val_loss"][-1], epoch, 0
            self.best_weights = net.to_dict()
        else:
            self.waited += 1
            if self.waited >= self.patience:
                raise StopTraining(f"no better validation loss since epoch {self.best_epoch}")


class OneBased(EarlyStopping):
    def __call__(self, net, epoch, history):
        super().__call__(net, epoch + 1, history)


class TrainingLoss(EarlyStopping):
    def __call__(self, net, epoch, history):
        super().__call__(net, epoch, {"val_loss": history["loss"]})


class NeverStops(EarlyStopping):
    def __call__(self, net, epoch, history):
        try:
            super().__call__(net, epoch, history)
        except StopTraining:
            pass


class StopsEarly(EarlyStopping):
    def __init__(self, patience):
        super().__init__(patience - 5)


class KeepsReference(EarlyStopping):
    def __call__(self, net, epoch, history):
        super().__call__(net, epoch, history)
        if self.best_epoch == epoch:
            self.best_weights = {"layers": [{"weights": l.weights, "bias": l.bias}
                                            for l in net.layers]}


class Buggy(EarlyStopping):
    def __call__(self, net, epoch, history):
        return history["validation_loss"]


def test_early_stopping_right():
    assert check("ch9-early-stopping", EarlyStopping)


@pytest.mark.parametrize("wrong,word", [
    (OneBased, "counts from 0"), (TrainingLoss, "val_loss"), (NeverStops, "ran all"),
    (StopsEarly, "too early"), (KeepsReference, "copy"), (Buggy, "KeyError"),
    (42, "class EarlyStopping itself")])
def test_early_stopping_wrong(wrong, word):
    result = check("ch9-early-stopping", wrong)
    assert not result and word in result.message, result.message


# ------------------------------------------------------------------ softplus
class Softplus(Activation):
    name = "softplus"

    def __call__(self, z):
        return np.logaddexp(0, z)

    def derivative(self, z):
        return np.exp(-np.logaddexp(0, -z))

    def symbolic(self, x=None):
        x = sp.Symbol("x", real=True) if x is None else x
        return sp.log(1 + sp.exp(x))


class NaiveSoftplus(Softplus):
    def __call__(self, z):
        return np.log(1 + np.exp(z))


class WrongSlope(Softplus):
    def derivative(self, z):
        a = self(z)
        return a * (1 - a)


class NoFormula(Softplus):
    def symbolic(self, x=None):
        raise NotImplementedError


class WrongFormula(Softplus):
    def symbolic(self, x=None):
        return sp.exp(x)


class BrokenBackward(Softplus):
    def backward(self, z, a, grad):
        return grad * 0.5


def test_softplus_right():
    assert check("ch9-softplus", Softplus())
    assert check("ch9-softplus", Softplus)        # the class is instantiated


@pytest.mark.parametrize("wrong,word", [
    (NaiveSoftplus(), "overflow"), (WrongSlope(), "SymPy"), (NoFormula(), "symbolic"),
    (WrongFormula(), "symbolic"), (BrokenBackward(), "gradient_check"),
    (np.logaddexp, "Activation")])
def test_softplus_wrong(wrong, word):
    result = check("ch9-softplus", wrong)
    assert not result and word in result.message, result.message


# ------------------------------------------------------------------ the chapter's own solutions
def test_the_solutions_the_chapter_shows_pass_their_checks():
    """The code in chapter 9's folded solutions, run exactly as the reader sees it, passes the
    three checks (and the softplus solution passes gradient_check): the text is the one copy."""
    import json
    import re
    from pathlib import Path

    from nnlib import Dense, gradient_check

    notebook = Path(__file__).resolve().parents[1] / "notebooks" / "09_where_next.ipynb"
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    blocks = [block for cell in cells if cell["cell_type"] == "markdown"
              and "{admonition} Solution" in "".join(cell["source"])
              for block in re.findall(r"```python\n(.*?)```", "".join(cell["source"]), re.S)
              if re.search(r"^class (EarlyStopping|MomentumNetwork|Softplus)\b", block, re.M)]
    assert len(blocks) == 3, f"expected the three solutions' code blocks, found {len(blocks)}"
    namespace = {"np": np, "sp": sp, "Network": Network, "Activation": Activation,
                 "Dense": Dense, "gradient_check": gradient_check}
    for block in blocks:   # the softplus solution asserts its own gradient_check
        exec(compile(block, str(notebook), "exec"), namespace)   # noqa: S102 - our own text
    for exercise_id, solution in [("ch9-early-stopping", namespace["EarlyStopping"]),
                                  ("ch9-momentum-network", namespace["MomentumNetwork"]),
                                  ("ch9-softplus", namespace["Softplus"]())]:
        assert check(exercise_id, solution), exercise_id
    assert max(max(pair) for pair in namespace["errors"]) < 1e-9
