"""nnlib's training loop in JavaScript (nnlib/web/assets/js/train.js) against nnlib itself.

The page's twin of Network.step and Network.fit (shuffle=False) runs in Node.js, from the same
starting weights and on the same rows in the same order as nnlib, and must give the same
trajectory: every loss of the history and every weight after training, to 1e-9. First for every
activation and loss nnlib has, with and without biases; then for every setting chapter 7's
explorer offers (hidden neurons 1-8, its five activations, its 17 learning rates, batch sizes 1,
8, 32, 128 and all, 300 epochs), on the chapter's data and starting networks.
"""
from __future__ import annotations

import itertools

import numpy as np
import pytest
from node_js import run_js
from sklearn.model_selection import train_test_split

from nnlib import Dense, LeakyReLU, Network, web
from nnlib.datasets import font_colors

FILES = ["forward.js", "train.js"]
TOLERANCE = 1e-9
EPOCHS = 300


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
SEED = 0


@pytest.fixture(scope="module")
def font_data():
    X_rgb, y = font_colors()
    X_train, X_test, y_train, y_test = train_test_split(X_rgb, y, test_size=1 / 3, random_state=SEED)
    starts = {h: web.page_network(Network([Dense(3, h, "relu", init="uniform"),
                                           Dense(h, 1, "sigmoid", init="uniform")],
                                          loss="sse", seed=SEED)) for h in range(1, 9)}
    return X_train, y_train, starts


def explorer_runs(font_data, settings):
    """Train every (hidden, activation, learning rate, batch size) in nnlib and in Node."""
    X_train, y_train, starts = font_data
    X = X_train / 255
    cases, calls = [], []
    for hidden, activation, rate, batch in settings:
        net = web.explorer_start(starts[hidden], activation)
        history = net.fit(X, y_train, epochs=EPOCHS, learning_rate=rate, batch_size=batch,
                          shuffle=False)
        spec = web.page_network(starts[hidden])
        spec["layers"][0]["activation"], spec["layers"][0]["activation_params"] = activation, {}
        cases.append((f"hidden={hidden} {activation} rate={rate} batch={batch}", net, history))
        calls.append(("fit", spec, X.tolist(), y_train.tolist(),
                      {"epochs": EPOCHS, "learningRate": rate, "batchSize": batch}))
    for (label, net, history), js in zip(cases, run_js(FILES, calls)):
        assert_same_trajectory(js, net, history, label)
    return len(cases)


@pytest.mark.parametrize("activation", web.EXPLORER_ACTIVATIONS)
def test_explorer_full_batch_every_size_and_learning_rate(font_data, activation):
    """Whole-batch training (the default): every hidden size with every learning rate."""
    settings = [(h, activation, rate, None) for h in range(1, 9) for rate in web.LEARNING_RATES]
    assert explorer_runs(font_data, settings) == 8 * 17


@pytest.mark.parametrize("batch", [1, 8, 32, 128])
def test_explorer_mini_batches(font_data, batch):
    """Mini-batches, with every activation; the learning rates and sizes where they are cheap."""
    settings = [(3, activation, 1e-3, batch) for activation in web.EXPLORER_ACTIVATIONS]
    if batch >= 8:
        settings += [(3, "relu", rate, batch) for rate in web.LEARNING_RATES]
        settings += [(h, "tanh", 0.01, batch) for h in range(1, 9)]
    if batch >= 32:
        settings += [(h, a, 0.03162, batch) for h in (1, 8) for a in web.EXPLORER_ACTIVATIONS]
    else:
        settings += [(h, "relu", 0.05623, batch) for h in (1, 8)]
    explorer_runs(font_data, settings)
