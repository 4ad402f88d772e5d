"""Network behaviour: forward pass, training, stability, determinism, saving, bad input."""
import json
import warnings

import numpy as np
import pytest
from sklearn.model_selection import train_test_split

import nnlib
from nnlib import Dense, Network, get_activation, get_loss
from nnlib.datasets import digits, font_colors, font_rule, luminance, tutorial_xor


def small_network(seed=0, loss="binary_crossentropy"):
    return Network([Dense(3, 4, "relu"), Dense(4, 1, "sigmoid")], loss=loss, seed=seed)


# ------------------------------------------------------------------ forward
def test_forward_is_the_matrix_product_written_out():
    network = Network([Dense(2, 3, "relu"), Dense(3, 1, "linear")], loss="mse", seed=1)
    X = np.array([[1.0, 2.0], [-1.0, 0.5]])
    (W1, b1), (W2, b2) = [(layer.weights, layer.bias) for layer in network.layers]
    expected = np.maximum(X @ W1 + b1, 0) @ W2 + b2
    np.testing.assert_allclose(network.forward(X), expected, rtol=1e-15)


def test_batch_forward_equals_one_row_at_a_time():
    network = Network([Dense(3, 5, "tanh"), Dense(5, 4, "softmax")],
                      loss="categorical_crossentropy", seed=2)
    X = np.random.default_rng(0).normal(size=(9, 3))
    rows = np.vstack([network.forward(X[i:i + 1]) for i in range(len(X))])
    np.testing.assert_allclose(network.forward(X), rows, rtol=1e-14)
    np.testing.assert_allclose(network.forward(X).sum(axis=1), 1.0, rtol=1e-14)


def test_predict_thresholds_one_output_and_argmaxes_several():
    one = Network([Dense(1, 1, "sigmoid", init="zeros")], loss="binary_crossentropy")
    one.layers[0].weights[:] = 1.0
    assert one.predict([[-2.0], [0.0], [3.0]]).tolist() == [0, 1, 1]
    several = Network([Dense(2, 3, "softmax", init="zeros")], loss="categorical_crossentropy")
    several.layers[0].weights[:] = [[1, 0, 0], [0, 0, 1]]
    assert several.predict([[5.0, 0.0], [0.0, 5.0]]).tolist() == [0, 2]
    assert several.score([[5.0, 0.0], [0.0, 5.0]], [0, 1]) == 0.5


def test_y_of_shape_n_and_n_by_1_mean_the_same():
    network = small_network()
    X = np.random.default_rng(0).random((6, 3))
    flat = np.array([0, 1, 1, 0, 1, 0])
    assert network.loss(X, flat) == network.loss(X, flat.reshape(-1, 1))
    for (gw1, gb1), (gw2, gb2) in zip(network.gradients(X, flat),
                                      network.gradients(X, flat.reshape(-1, 1))):
        np.testing.assert_array_equal(gw1, gw2)
        np.testing.assert_array_equal(gb1, gb2)


def test_class_labels_and_one_hot_targets_mean_the_same():
    network = Network([Dense(4, 3, "softmax")], loss="categorical_crossentropy", seed=0)
    X = np.random.default_rng(1).random((5, 4))
    labels = np.array([0, 2, 1, 1, 0])
    assert network.loss(X, labels) == network.loss(X, nnlib.one_hot(labels, 3))


def test_parameter_count_and_summary():
    network = Network([Dense(2, 4, "relu"), Dense(4, 4, "relu"), Dense(4, 2, "softmax")],
                      loss="categorical_crossentropy", seed=0)
    assert network.n_parameters == (2 * 4 + 4) + (4 * 4 + 4) + (4 * 2 + 2)
    assert "total" in network.summary() and str(network.n_parameters) in network.summary()


# -------------------------------------------------------------- stability
def test_activations_and_losses_are_finite_and_silent_at_plus_minus_1000():
    z = np.array([[-1000.0, 0.0, 1000.0], [1000.0, 999.0, -1000.0]])
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
        warnings.simplefilter("error")
        for name in nnlib.ACTIVATIONS:
            activation = get_activation(name)
            assert np.all(np.isfinite(activation(z))), name
            assert np.all(np.isfinite(activation.derivative(z))), name
        np.testing.assert_array_equal(get_activation("sigmoid")(z[0]), [0.0, 0.5, 1.0])
        np.testing.assert_allclose(get_activation("softmax")(z)[1], [1 / (1 + np.exp(-1)),
                                                                      1 / (1 + np.exp(1)), 0.0])
        y = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
        bce = get_loss("binary_crossentropy")
        # per element: max(z, 0) - z y + log(1 + exp(-|z|))
        assert bce.from_logits(z, y) == pytest.approx(
            (1000 + np.log(2) + 1000 + 1000 + 999 + 1000) / 6, rel=1e-12)
        cce = get_loss("categorical_crossentropy")
        assert np.isfinite(cce.from_logits(z, y))
        # per row: logsumexp(z) - z[true class]
        assert cce.from_logits(z, y) == pytest.approx((2000 + 2000 + np.log(1 + np.exp(-1))) / 2,
                                                      rel=1e-12)
        for loss in (bce, cce):
            assert np.all(np.isfinite(loss.delta(z, y)))


def test_training_with_huge_logits_stays_finite():
    network = small_network(seed=1)
    network.layers[-1].weights *= 1e4
    X = np.random.default_rng(0).random((10, 3))
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
        warnings.simplefilter("error")
        history = network.fit(X, np.arange(10) % 2, epochs=3, learning_rate=0.1)
    assert np.all(np.isfinite(history["loss"]))


def test_float32_in_gives_float32_out_and_float64_is_the_default():
    network = small_network()
    X = np.random.default_rng(0).random((4, 3))
    assert network.forward(X).dtype == np.float64
    assert network.forward(X.tolist()).dtype == np.float64
    assert network.forward(X.astype(np.float32)).dtype == np.float32
    grads = network.gradients(X.astype(np.float32), [0, 1, 1, 0])
    assert all(g.dtype == np.float32 for pair in grads for g in pair)
    assert network.layers[0].weights.dtype == np.float64


# ------------------------------------------------------------ determinism
def test_same_seed_gives_bit_identical_weights_and_history():
    X, y = font_colors(200, seed=3)
    runs = []
    for _ in range(2):
        network = small_network(seed=42, loss="sse")
        history = network.fit(X / 255, y, epochs=5, learning_rate=0.05, batch_size=7)
        runs.append((history, [layer.weights.copy() for layer in network.layers]))
    assert runs[0][0] == runs[1][0]
    for a, b in zip(runs[0][1], runs[1][1]):
        np.testing.assert_array_equal(a, b)
    other = small_network(seed=43, loss="sse")
    assert not np.array_equal(other.layers[0].weights, runs[0][1][0])


def test_fit_history_has_one_entry_per_epoch_and_validation():
    X, y = font_colors(90, seed=0)
    network = small_network(seed=0)
    seen = []
    history = network.fit(X[:60] / 255, y[:60], epochs=4, learning_rate=0.5, batch_size=16,
                          validation_data=(X[60:] / 255, y[60:]),
                          callback=lambda net, epoch, h: seen.append(epoch))
    assert seen == [0, 1, 2, 3]
    assert set(history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert all(len(v) == 4 for v in history.values())
    assert history["val_loss"][-1] == pytest.approx(network.loss(X[60:] / 255, y[60:]))


def test_step_is_one_gradient_descent_update():
    network = small_network(seed=5, loss="mse")
    X, y = np.random.default_rng(0).random((3, 3)), [1, 0, 1]
    before = [(layer.weights.copy(), layer.bias.copy()) for layer in network.layers]
    grads = network.gradients(X, y)
    expected_loss = network.loss(X, y)
    assert network.step(X, y, learning_rate=0.1) == expected_loss   # the loss before the update
    assert network.loss(X, y) < expected_loss
    for layer, (w, b), (gw, gb) in zip(network.layers, before, grads):
        np.testing.assert_allclose(layer.weights, w - 0.1 * gw, rtol=1e-15)
        np.testing.assert_allclose(layer.bias, b - 0.1 * gb, rtol=1e-15)


def test_use_bias_false_keeps_bias_at_zero():
    network = Network([Dense(3, 4, "sigmoid", use_bias=False), Dense(4, 1, "sigmoid")],
                      loss="sse", seed=0)
    X, y = tutorial_xor()
    network.fit(X, y, epochs=10, learning_rate=1.0)
    np.testing.assert_array_equal(network.layers[0].bias, 0.0)
    assert network.layers[0].n_parameters == 12


def test_progress_bar_reports_every_epoch(capsys):
    network = small_network(seed=0)
    X, y = font_colors(20, seed=0)
    network.fit(X / 255, y, epochs=3, learning_rate=0.1, progress=True)
    assert "3/3" in capsys.readouterr().err


# ------------------------------------------------- the book's reproductions
def test_two_layer_tutorial_is_reproduced():
    """3-4-1 sigmoid, sum of squares, weights uniform in [0, 1), learning rate 1, 1,500 iterations."""
    X, y = tutorial_xor()
    network = Network([Dense(3, 4, "sigmoid", init="uniform", use_bias=False),
                       Dense(4, 1, "sigmoid", init="uniform", use_bias=False)], loss="sse", seed=1)
    history = network.fit(X, y, epochs=1500, learning_rate=1.0)
    assert np.all(np.diff(history["loss"][20:]) < 0), "the loss must fall every iteration"
    np.testing.assert_allclose(network.forward(X)[:, 0], [0, 1, 1, 0], atol=0.1)


def test_font_network_is_reproduced():
    """Essential Math for Data Science ch. 7: 3-3-1, ReLU then logistic, squared error,
    one sample per step, learning rate 0.05, 100,000 steps, one third held out."""
    X, y = font_colors(seed=0)
    X_train, X_test, y_train, y_test = train_test_split(X / 255, y, test_size=1 / 3,
                                                        random_state=0)
    network = Network([Dense(3, 3, "relu", init="uniform"), Dense(3, 1, "sigmoid", init="uniform")],
                      loss="sse", seed=0)
    epochs = int(np.ceil(100_000 / len(X_train)))
    network.fit(X_train, y_train, epochs=epochs, learning_rate=0.05, batch_size=1)
    assert network.score(X_test, y_test) >= 0.97


# ----------------------------------------------------------- save & export
def test_save_and_load_round_trip(tmp_path):
    network = Network([Dense(3, 4, nnlib.LeakyReLU(0.2)), Dense(4, 2, "softmax")],
                      loss="categorical_crossentropy", seed=9)
    path = tmp_path / "net.npz"
    network.save(path)
    loaded = Network.load(path)
    X = np.random.default_rng(0).random((5, 3))
    np.testing.assert_array_equal(loaded.forward(X), network.forward(X))
    assert loaded.layers[0].activation == nnlib.LeakyReLU(0.2)
    assert loaded.loss_function.name == "categorical_crossentropy"


def test_json_export_round_trip():
    network = small_network(seed=4)
    data = json.loads(network.to_json())
    assert [layer["activation"] for layer in data["layers"]] == ["relu", "sigmoid"]
    assert np.array(data["layers"][0]["weights"]).shape == (3, 4)
    again = Network.from_json(network.to_json())
    X = np.random.default_rng(0).random((5, 3))
    np.testing.assert_array_equal(again.forward(X), network.forward(X))


def test_loading_something_else_says_so(tmp_path):
    other = tmp_path / "other.npz"
    np.savez(other, a=np.arange(3))
    with pytest.raises(ValueError, match="not an nnlib network file.*architecture"):
        Network.load(other)
    text = tmp_path / "notes.npz"
    text.write_text("hello")
    with pytest.raises(ValueError, match="not an nnlib network file"):
        Network.load(text)
    with pytest.raises(ValueError, match="not an nnlib network"):
        Network.from_dict({"layers": []})


# --------------------------------------------------------------- bad input
@pytest.mark.parametrize("call,error,message", [
    (lambda n: n.forward([1.0, 2.0, 3.0]), ValueError, r"X must be 2-D .* got shape \(3,\).*reshape"),
    (lambda n: n.forward(np.ones((2, 4))), ValueError, r"X has 4 features .* n_inputs=3"),
    (lambda n: n.forward([[1.0, np.nan, 0.0]]), ValueError, r"X contains 1 NaN or infinite"),
    (lambda n: n.forward([[1.0, np.inf, 0.0]]), ValueError, r"X contains 1 NaN or infinite"),
    (lambda n: n.forward([["a", "b", "c"]]), TypeError, r"X must contain numbers"),
    (lambda n: n.loss(np.ones((3, 3)), [1, 0]), ValueError, r"y has 2 rows but X has 3"),
    (lambda n: n.loss(np.ones((2, 3)), np.ones((2, 2))), ValueError,
     r"y has shape \(2, 2\), but the network has 1 output"),
    (lambda n: n.loss(np.ones((2, 3)), [0, 2]), ValueError, r"y must be in \[0, 1\]"),
    (lambda n: n.fit(np.ones((2, 3)), [0, 1], epochs=0, learning_rate=0.1), ValueError,
     r"epochs must be a positive integer, got 0"),
    (lambda n: n.fit(np.ones((2, 3)), [0, 1], epochs=1.5, learning_rate=0.1), TypeError,
     r"epochs must be a positive integer"),
    (lambda n: n.fit(np.ones((2, 3)), [0, 1], epochs=1, learning_rate=-0.1), ValueError,
     r"learning_rate must be a positive, finite number, got -0.1"),
    (lambda n: n.step(np.ones((2, 3)), [0, 1], learning_rate=0), ValueError,
     r"learning_rate must be a positive"),
    (lambda n: n.fit(np.ones((2, 3)), [0, 1], epochs=1, learning_rate=0.1, batch_size=0),
     ValueError, r"batch_size must be a positive integer"),
])
def test_bad_input_is_named_in_the_error(call, error, message):
    with pytest.raises(error, match=message):
        call(small_network())


def test_class_labels_out_of_range():
    network = Network([Dense(2, 3, "softmax")], loss="categorical_crossentropy", seed=0)
    with pytest.raises(ValueError, match=r"class labels in 0..2, got values from 0 to 3"):
        network.loss(np.ones((2, 2)), [0, 3])
    with pytest.raises(ValueError, match=r"whole-number class labels"):
        network.loss(np.ones((2, 2)), [0, 1.5])


def test_layers_that_do_not_chain():
    with pytest.raises(ValueError, match=r"layers\[0\] has 4 outputs but layers\[1\] expects "
                                         r"n_inputs=3"):
        Network([Dense(2, 4), Dense(3, 1)])


def test_unknown_names_list_the_valid_ones():
    with pytest.raises(ValueError, match=r"unknown activation 'relu6'; valid names: linear, "
                                         r"sigmoid, tanh, relu, leaky_relu, softmax"):
        Dense(2, 2, activation="relu6")
    with pytest.raises(ValueError, match=r"unknown loss 'hinge'; valid names: sse, mse, "
                                         r"binary_crossentropy, categorical_crossentropy"):
        Network([Dense(2, 1)], loss="hinge")
    with pytest.raises(ValueError, match=r"unknown init 'glorot'"):
        Dense(2, 2, init="glorot")


def test_loss_needs_its_output_activation():
    with pytest.raises(ValueError, match=r"'binary_crossentropy' needs a 'sigmoid' output layer, "
                                         r"but the last layer's activation is 'relu'"):
        Network([Dense(2, 1, "relu")], loss="binary_crossentropy")


def test_layer_sizes_must_be_positive_integers():
    with pytest.raises(ValueError, match=r"n_outputs must be a positive integer, got 0"):
        Dense(3, 0)
    with pytest.raises(TypeError, match=r"n_inputs must be a positive integer, got 2.5"):
        Dense(2.5, 1)


# --------------------------------------------------------------- data sets
def test_font_colors_follow_the_luminance_rule():
    X, y = font_colors(500, seed=1)
    assert X.shape == (500, 3) and y.shape == (500,)
    assert X.min() >= 0 and X.max() <= 255 and np.all(X == np.round(X))
    np.testing.assert_array_equal(y, (0.299 * X[:, 0] + 0.587 * X[:, 1] + 0.114 * X[:, 2]
                                      >= 128).astype(int))
    np.testing.assert_array_equal(font_rule(X), y)
    assert luminance([[255, 255, 255]])[0] == pytest.approx(255)


def test_font_colors_noise_flips_about_that_fraction():
    X, clean = font_colors(4000, seed=2)
    X2, noisy = font_colors(4000, seed=2, noise=0.1)
    np.testing.assert_array_equal(X, X2)
    assert 0.08 < np.mean(clean != noisy) < 0.12
    with pytest.raises(ValueError, match="noise must be a fraction"):
        font_colors(10, noise=0.9)


def test_tutorial_xor_table():
    X, y = tutorial_xor()
    assert X.tolist() == [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]]
    assert y.ravel().tolist() == [0, 1, 1, 0]


def test_digits_are_scaled():
    X, y = digits()
    assert X.shape == (1797, 64) and y.shape == (1797,)
    assert X.min() == 0 and X.max() == 1 and set(np.unique(y)) == set(range(10))


def test_one_hot():
    np.testing.assert_array_equal(nnlib.one_hot([2, 0]), [[0, 0, 1], [1, 0, 0]])
    with pytest.raises(ValueError, match=r"labels must be 1-D"):
        nnlib.one_hot([[1, 2]])


def test_save_keeps_float32_weights(tmp_path):
    network = small_network(seed=1)
    for layer in network.layers:
        layer.weights, layer.bias = layer.weights.astype(np.float32), layer.bias.astype(np.float32)
    network.save(tmp_path / "f32.npz")
    loaded = Network.load(tmp_path / "f32.npz")
    assert all(layer.weights.dtype == np.float32 for layer in loaded.layers)
    X = np.random.default_rng(0).random((3, 3)).astype(np.float32)
    np.testing.assert_array_equal(loaded.forward(X), network.forward(X))


def test_losses_never_broadcast_n_by_1_against_n():
    a, y = np.array([[0.2], [0.9], [0.4]]), np.array([0.0, 1.0, 1.0])
    mse = get_loss("mse")
    assert mse(a, y) == pytest.approx(np.mean((a[:, 0] - y) ** 2))   # not a 3x3 broadcast
    assert mse.gradient(a, y).shape == (3, 1)
    with pytest.raises(ValueError, match=r"outputs a have shape \(3, 1\) but targets y have "
                                         r"shape \(2,\)"):
        mse(a, y[:2])
    with pytest.raises(ValueError, match=r"y \(the targets\) contains 1 NaN"):
        get_loss("sse")(a, [0.0, np.nan, 1.0])
    with pytest.raises(ValueError, match=r"shape \(3, 2\)"):
        get_loss("binary_crossentropy").from_logits(a, np.ones((3, 2)))


def test_the_finiteness_check_of_data_is_exact_when_its_shortcut_sum_is_not_finite():
    """as_float_array sums the data first (one pass) and looks at each value only when the sum is
    not finite: +inf and -inf that cancel to NaN are refused, huge finite values whose sum
    overflows are accepted, without a warning."""
    network = Network([Dense(2, 1, "linear")], loss="mse", seed=0)
    with pytest.raises(ValueError, match=r"X contains 2 NaN or infinite"):
        network.forward([[np.inf, -np.inf]])
    with pytest.raises(ValueError, match=r"X contains 1 NaN or infinite"):
        network.forward(np.array([[1.0, 2.0], [np.nan, 3.0]], dtype=np.float32))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = network.forward([[1e308, 1e308], [-1e308, 1e308]])
        assert network.forward(np.float32([[3e38, 3e38]])).dtype == np.float32
    assert out.shape == (2, 1)
