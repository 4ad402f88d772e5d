"""nnlib's training loop in JavaScript (nnlib/web/assets/js/train.js) against nnlib itself.

The page's twin of Network.step and Network.fit (shuffle=False) runs in Node.js, from the same
starting weights and on the same rows in the same order as nnlib, and must give the same
trajectory: every loss of the history and every weight after training, to 1e-9. First for every
activation and loss nnlib has, with and without biases; then for the settings chapter 7's
explorer offers, on the chapter's data and starting networks, where ill-conditioned settings are
recognised by measuring nnlib against itself (see below).

The explorer offers 8 hidden sizes x 5 activations x 17 learning rates x 5 batch sizes. Every
run of the suite trains a spread of them, 170 settings: whole batches (the explorer's default) for
300 epochs with every activation and learning rate at hidden size 3, and at sizes 1 and 8 with
every fourth rate (1e-4 to 1); every activation at batch sizes 8, 32 and 128 (300 epochs, two
rates) and 1 (30 epochs, 26,880 one-row steps). ``NNLIB_FULL_SWEEP=1`` (``make test-sweep``, about
six times the CPU time) trains 833: every hidden size 1-8 with each activation and learning rate,
whole-batch; batch sizes 1 (300 epochs), 8, 32 and 128 with each activation and several rates,
and sizes 1 and 8 with every rate at batch sizes 32 and 128.
"""
from __future__ import annotations

import itertools
import os

import numpy as np
import pytest
from node_js import NodeJob, run_js
from sklearn.model_selection import train_test_split

from nnlib import Dense, LeakyReLU, Network, TrainingDiverged, web
from nnlib.datasets import font_colors

FILES = ["forward.js", "train.js"]
TOLERANCE = 1e-9
EPOCHS = 300
FULL_SWEEP = os.environ.get("NNLIB_FULL_SWEEP") == "1"


def assert_same_trajectory(js, net, history, label):
    """The JavaScript run (its history and network) equals nnlib's, to TOLERANCE."""
    for key in ("loss", "accuracy"):
        ours, theirs = np.array(js["history"][key], dtype=float), np.array(history[key])
        assert ours.shape == theirs.shape, (label, key)
        finite = np.isfinite(theirs)
        assert np.array_equal(finite, np.isfinite(ours)), f"{label}: {key} finite in one only"
        scale = np.maximum(1.0, np.abs(theirs[finite]))
        worst = np.max(np.abs(ours[finite] - theirs[finite]) / scale, initial=0.0)
        assert worst <= TOLERANCE, f"{label}: {key} differs by {worst:.2e} (relative)"
    for i, (layer, spec) in enumerate(zip(net.layers, js["network"]["layers"])):
        for name, ours in (("weights", spec["weights"]), ("bias", spec["bias"])):
            theirs = getattr(layer, name)
            ours = np.array(ours, dtype=float).reshape(theirs.shape)
            finite = np.isfinite(theirs)
            assert np.array_equal(finite, np.isfinite(ours)), f"{label}: layer {i} {name}"
            worst = np.max(np.abs(ours[finite] - theirs[finite]), initial=0.0)
            assert worst <= TOLERANCE, f"{label}: layer {i} {name} differ by {worst:.2e}"


# ---------------------------------------------------------------- every activation and loss
LAYOUTS = {
    "sse": ("sigmoid", 1), "mse": ("linear", 2),
    "binary_crossentropy": ("sigmoid", 1), "categorical_crossentropy": ("softmax", 3),
}


def small_network(hidden, loss, use_bias, seed):
    output, k = LAYOUTS[loss]
    activation = LeakyReLU(0.2) if hidden == "leaky_relu_0.2" else hidden
    return Network([Dense(4, 5, activation, use_bias=use_bias), Dense(5, 3, "tanh", use_bias=use_bias),
                    Dense(3, k, output, use_bias=use_bias)], loss=loss, seed=seed)


def small_data(loss, seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(0, 1.5, (37, 4))
    k = LAYOUTS[loss][1]
    if loss == "mse":
        return X, np.column_stack([np.sin(X[:, 0]), X[:, 1] * X[:, 2]])
    return X, rng.integers(0, max(k, 2), 37)


HIDDEN = ["linear", "sigmoid", "tanh", "relu", "leaky_relu", "leaky_relu_0.2"]


@pytest.mark.parametrize("loss", list(LAYOUTS))
def test_step_and_fit_equal_nnlib_for_every_activation_and_loss(loss):
    cases, calls = [], []
    for k, (hidden, use_bias, batch) in enumerate(itertools.product(HIDDEN, (True, False),
                                                                      (None, 1, 8))):
        net = small_network(hidden, loss, use_bias, seed=k)
        X, y = small_data(loss, seed=k)
        spec = web.page_network(net)
        start = Network.from_dict(spec)
        rate = 0.01 if loss != "sse" else 0.005
        history = start.fit(X, y, epochs=60, learning_rate=rate, batch_size=batch, shuffle=False)
        cases.append((f"{hidden} {loss} bias={use_bias} batch={batch}", start, history))
        calls.append(("fit", spec, X.tolist(), y.tolist(),
                      {"epochs": 60, "learningRate": rate, "batchSize": batch}))
    for (label, net, history), js in zip(cases, run_js(FILES, calls)):
        assert_same_trajectory(js, net, history, label)


def test_step_returns_the_loss_before_the_update_as_nnlib():
    net = small_network("tanh", "sse", True, seed=1)
    X, y = small_data("sse", seed=1)
    spec = web.page_network(net)
    start = Network.from_dict(spec)
    losses = [start.step(X, y, 0.01) for _ in range(25)]
    (js,) = run_js(FILES, [("steps", spec, X.tolist(), y.tolist(), 0.01, 25)])
    np.testing.assert_allclose(js["losses"], losses, rtol=1e-12)
    assert_same_trajectory({"history": {"loss": [], "accuracy": []}, "network": js["network"]},
                           start, {"loss": [], "accuracy": []}, "25 steps")


def test_the_twin_refuses_what_it_cannot_train():
    spec = web.page_network(small_network("relu", "sse", True, seed=0))
    bad = dict(spec, loss="hinge")
    for call in [("train.network", bad), ("fit", spec, [[0, 0, 0, 0]], [1], {"epochs": 0, "learningRate": 0.1}),
                 ("fit", spec, [[0, 0, 0, 0]], [1], {"epochs": 1, "learningRate": -1})]:
        with pytest.raises(AssertionError, match="nnlib: (the twin cannot train|epochs|learning_rate)"):
            run_js(FILES, [call])


# ------------------------------------------------------------ chapter 7's explorer, setting by setting
# For every setting, the page's training (Node) must end where nnlib's does: every weight and
# bias after 300 epochs within 1e-9 (relative to max(1, |w|)), and every epoch's loss and
# accuracy too. That is what happens for about nine settings in ten.
#
# The others are ill-conditioned: large learning rates where the loss oscillates, saturated
# sigmoids, or a dead ReLU network whose output bias bounces chaotically. There nnlib cannot
# reproduce its own trajectory to 1e-9: on a CPU without AVX2 (make test-notebooks-portable's
# kernels) it ends up to 1e-8 away (measured: hidden=4 linear rate=0.05623, weights 9.8e-9 apart;
# the page: 1.2e-8), and in the chaotic ones its result after 300 epochs depends on the last
# binary digit of a starting weight. No other implementation can match it to 1e-9 there, so the
# test measures how far nnlib moves from itself under perturbations the size of round-off, and
# holds the page to that: six reruns of nnlib (each weight one ulp up; one ulp down; each batch's
# rows reversed; rotated by one; every activation output one ulp off at random, twice), and the
# page's result may differ from nnlib's by at most CONDITIONING_FACTOR times the largest of
# those self-differences (measured ratios: up to about 16); where nnlib's loss history departs
# from itself (chaos), the page must follow it to 1e-9 over the first half of the epochs before
# the earliest departure. A wrong gradient departs at the first epoch and fails both.
SEED = 0
CONDITIONING_FACTOR = 100


@pytest.fixture(scope="module")
def font_data():
    X_rgb, y = font_colors()
    X_train, X_test, y_train, y_test = train_test_split(X_rgb, y, test_size=1 / 3, random_state=SEED)
    starts = {h: web.page_network(Network([Dense(3, h, "relu", init="uniform"),
                                           Dense(h, 1, "sigmoid", init="uniform")],
                                          loss="sse", seed=SEED)) for h in range(1, 9)}
    return X_train / 255, y_train, starts


def final_gap(layers, net):
    """Largest |w - w_nnlib| / max(1, |w_nnlib|) over the weights and biases of ``net``;
    infinite if one of them is finite where the other is not."""
    gap = 0.0
    for layer, (weights, bias) in zip(net.layers, layers):
        for theirs, ours in ((layer.weights, weights), (layer.bias, bias)):
            ours = np.asarray(ours, dtype=float).reshape(theirs.shape)
            finite = np.isfinite(theirs)
            if not np.array_equal(finite, np.isfinite(ours)):
                return np.inf
            gap = max(gap, float(np.max(np.abs(ours[finite] - theirs[finite])
                                        / np.maximum(1.0, np.abs(theirs[finite])), initial=0)))
    return gap


def history_gap(reference, other):
    """Largest relative difference of two loss histories (NaN where both are NaN counts 0)."""
    a, b = np.asarray(reference, dtype=float), np.asarray(other, dtype=float)
    if not np.array_equal(np.isfinite(a), np.isfinite(b)):
        return np.inf
    finite = np.isfinite(a)
    return float(np.max(np.abs(a[finite] - b[finite]) / np.maximum(1.0, np.abs(a[finite])),
                        initial=0))


def departure(reference, other):
    """The first epoch at which two loss histories differ by more than TOLERANCE (relative),
    or None."""
    a, b = np.asarray(reference, dtype=float), np.asarray(other, dtype=float)
    same = (np.abs(a - b) <= TOLERANCE * np.maximum(1.0, np.abs(a))) | (a == b) \
        | (np.isnan(a) & np.isnan(b))
    return None if same.all() else int(np.argmin(same))


def train(net, X, y, rate, batch, epochs):
    """nnlib's fit, shuffle=False; a diverging epoch stops it (undone): its history so far."""
    try:
        return net.fit(X, y, epochs=epochs, learning_rate=rate, batch_size=batch, shuffle=False), None
    except TrainingDiverged as error:
        return error.history, error.epoch


def fit(start, activation, X, y, rate, batch, epochs):
    net = web.explorer_start(start, activation)
    history, diverged = train(net, X, y, rate, batch, epochs)
    return net, history, diverged


class NoisyActivation:
    """An nnlib activation whose outputs are one ulp off, up or down at random: the round-off
    of another exp, log1p or tanh (NumPy's SIMD functions, glibc's and JavaScript's differ)."""

    def __init__(self, activation, rng):
        self.activation, self.rng, self.name = activation, rng, activation.name

    def __call__(self, z):
        a = self.activation(z)
        return np.nextafter(a, np.where(self.rng.random(a.shape) < 0.5, np.inf, -np.inf))

    forward = __call__   # as a layer calls it

    def backward(self, z, a, grad):
        return self.activation.backward(z, a, grad)


def self_sensitivity(start, activation, X, y, rate, batch, epochs, reference):
    """How far nnlib's own result moves under perturbations the size of round-off: the largest
    final gap, the largest loss-history gap and the earliest departure of its loss history,
    over six reruns."""
    n, size = len(X), batch or len(X)
    blocks = [np.arange(s, min(s + size, n)) for s in range(0, n, size)]
    gaps, history_gaps, departures = [], [], []
    for variant in ("up", "down", "reversed", "rotated", "noise 1", "noise 2"):
        net = web.explorer_start(start, activation)
        rows = np.arange(n)
        if variant.startswith("noise"):
            rng = np.random.default_rng(int(variant[-1]))
            for layer in net.layers:
                layer.activation = NoisyActivation(layer.activation, rng)
        elif variant in ("up", "down"):
            for layer in net.layers:
                layer.weights = np.nextafter(layer.weights, np.inf if variant == "up" else -np.inf)
                layer.bias = np.nextafter(layer.bias, np.inf if variant == "up" else -np.inf)
        else:
            rows = np.concatenate([b[::-1] if variant == "reversed" else np.roll(b, 1)
                                   for b in blocks])
        history, _ = train(net, X[rows], y[rows], rate, batch, epochs)
        gaps.append(final_gap([(l.weights, l.bias) for l in net.layers], reference[0]))
        history_gaps.append(history_gap(reference[1]["loss"], history["loss"]))
        departures.append(departure(reference[1]["loss"], history["loss"]))
    found = [d for d in departures if d is not None]
    return max(gaps), max(history_gaps), (min(found) if found else None)


def explorer_runs(font_data, settings, epochs=EPOCHS):
    """Train every (hidden, activation, learning rate, batch size) for ``epochs`` in Node and in
    nnlib, and compare; returns the numbers of settings that matched to 1e-9 and that are
    ill-conditioned."""
    X, y, starts = font_data
    calls = []
    for hidden, activation, rate, batch in settings:
        spec = web.page_network(starts[hidden])
        spec["layers"][0]["activation"], spec["layers"][0]["activation_params"] = activation, {}
        calls.append(("fit", spec, X.tolist(), y.tolist(),
                      {"epochs": epochs, "learningRate": rate, "batchSize": batch}))
    job = NodeJob(FILES, calls)                  # Node trains while nnlib does, below
    references = [fit(starts[h], a, X, y, rate, batch, epochs) for h, a, rate, batch in settings]
    failures, exact, sensitive = [], 0, 0
    for setting, (net, history, diverged), js in zip(settings, references, job.result()):
        label = "hidden={} {} rate={} batch={}".format(*setting)
        if js["diverged"] != diverged:
            failures.append(f"{label}: training diverged in epoch index {js['diverged']} in the "
                            f"page, {diverged} in nnlib")
            continue
        gap = final_gap([(l["weights"], l["bias"]) for l in js["network"]["layers"]], net)
        left = departure(history["loss"], js["history"]["loss"])
        accuracy = departure(history["accuracy"], js["history"]["accuracy"])
        if gap <= TOLERANCE and left is None and accuracy is None:
            exact += 1
            continue
        kappa, kappa_history, own = self_sensitivity(starts[setting[0]], setting[1], X, y,
                                                     setting[2], setting[3], epochs,
                                                     (net, history))
        sensitive += 1
        bound = lambda k: CONDITIONING_FACTOR * max(k, TOLERANCE / CONDITIONING_FACTOR)  # noqa: E731
        js_history = history_gap(history["loss"], js["history"]["loss"])
        if own is None:      # nnlib's own loss history holds to 1e-9: the page's within reach
            history_ok = js_history <= bound(kappa_history)
        else:                # chaotic: the page must follow nnlib until nnlib loses itself
            history_ok = left is None or left >= own // 2
        if not (kappa > 0 and gap <= bound(kappa) and history_ok):
            failures.append(f"{label}: final gap {gap:.1e} (nnlib's own: {kappa:.1e}); loss "
                            f"history gap {js_history:.1e} (nnlib's own {kappa_history:.1e}), "
                            f"departs at epoch {left} (nnlib's own reruns at {own})")
    assert not failures, f"{len(failures)} of {len(settings)} settings:\n" + "\n".join(failures)
    print(f"{len(settings)} settings: {exact} equal to nnlib to 1e-9, {sensitive} ill-conditioned "
          f"(held to nnlib's own sensitivity)")   # shown with pytest -s
    return exact, sensitive


def full_batch_settings(activation):
    """Whole-batch settings: every hidden size 1-8 with every learning rate in the full sweep;
    otherwise hidden size 3 with every learning rate, 1 and 8 with every fourth (1e-4 to 1)."""
    if FULL_SWEEP:
        return [(h, activation, rate, None) for h in range(1, 9) for rate in web.LEARNING_RATES]
    return ([(3, activation, rate, None) for rate in web.LEARNING_RATES]
            + [(h, activation, rate, None) for h in (1, 8) for rate in web.LEARNING_RATES[::4]])


@pytest.mark.parametrize("activation", web.EXPLORER_ACTIVATIONS)
def test_explorer_full_batch_learning_rates_and_sizes(font_data, activation):
    """Whole-batch training (the explorer's default), 300 epochs."""
    settings = full_batch_settings(activation)
    exact, sensitive = explorer_runs(font_data, settings)
    assert exact + sensitive == len(settings)
    assert exact >= 0.75 * len(settings), f"only {exact} settings matched nnlib to 1e-9"


# Batch size 1 (268,800 steps per setting in 300 epochs) is split by activation, so that
# parallel test workers share it; the larger batches take every activation at once.
MINI_BATCH_RUNS = ([(1, (activation,)) for activation in web.EXPLORER_ACTIVATIONS]
                   + [(batch, tuple(web.EXPLORER_ACTIVATIONS)) for batch in (8, 32, 128)])
BATCH_1_EPOCHS = EPOCHS if FULL_SWEEP else 30   # 26,880 one-row steps per setting


def mini_batch_settings(batch, activations):
    """The settings trained at one batch size: every activation with a few learning rates, and
    in the full sweep at sizes 32 and up, hidden sizes 1 and 8 with every learning rate (ReLU)."""
    if batch == 1:
        rates = (1e-3, 0.01) if FULL_SWEEP else (0.01,)
    else:
        rates = (1e-4, 1e-3, 0.01, 0.03162, 0.1) if FULL_SWEEP else (1e-3, 0.03162)
    settings = [(3, activation, rate, batch) for activation in activations for rate in rates]
    if batch >= 32 and FULL_SWEEP:
        settings += [(h, "relu", rate, batch) for h in (1, 8) for rate in web.LEARNING_RATES]
    return settings


@pytest.mark.parametrize("batch, activations", MINI_BATCH_RUNS,
                         ids=[f"{b}-{'-'.join(a) if len(a) == 1 else 'all'}" for b, a in MINI_BATCH_RUNS])
def test_explorer_mini_batches(font_data, batch, activations):
    """Mini-batches, with every activation (batch size 1: 30 epochs, 300 in the full sweep)."""
    settings = mini_batch_settings(batch, activations)
    exact, sensitive = explorer_runs(font_data, settings,
                                     epochs=BATCH_1_EPOCHS if batch == 1 else EPOCHS)
    assert exact >= 0.5 * len(settings), f"only {exact} settings matched nnlib to 1e-9"
