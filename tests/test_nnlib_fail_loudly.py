"""Issue 12: nnlib fails loudly and never returns a wrong number.

One section per class of the issue (the exercise checkers, class 7, are tested in
test_exercises_answers.py).  Each test failed on the code before the fix.
"""
import io
import json
import time
import tracemalloc
import zipfile

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nnlib
from nnlib import Dense, Network, gradient_check
from nnlib.datasets import font_colors
from nnlib.web import font_picker_html, snapshot, training_frames_html


def small_network(seed=0, loss="binary_crossentropy"):
    return Network([Dense(3, 4, "relu"), Dense(4, 1, "sigmoid")], loss=loss, seed=seed)


def diverging_run():
    """A linear 3-4-1 network on unscaled colours (0..255): the loss overflows in epoch 5."""
    X, y = font_colors(200, seed=0)
    return Network([Dense(3, 4, "linear"), Dense(4, 1, "linear")], loss="mse", seed=0), X, y


def weights_of(network):
    return [(layer.weights.copy(), layer.bias.copy()) for layer in network.layers]


def nan_network():
    network = small_network()
    network.layers[0].weights[0, 0] = np.nan
    return network


# ------------------------------------------------- 1. divergence is not silent
@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_fit_stops_restores_the_last_finite_weights_and_names_the_epoch():
    network, X, y = diverging_run()
    with pytest.raises(nnlib.TrainingDiverged, match=r"epoch 5 .*learning_rate=0\.01.*smaller "
                                                     r"learning_rate") as caught:
        network.fit(X, y, epochs=50, learning_rate=0.01)
    error = caught.value
    assert isinstance(error, FloatingPointError)
    assert error.epoch == 4 and error.learning_rate == 0.01
    assert len(error.history["loss"]) == 4 and np.all(np.isfinite(error.history["loss"]))
    # the weights are those after the last finite epoch: the same as a run of 4 epochs
    again, X, y = diverging_run()
    assert again.fit(X, y, epochs=4, learning_rate=0.01) == error.history
    for (w, b), (w4, b4) in zip(weights_of(network), weights_of(again)):
        np.testing.assert_array_equal(w, w4)
        np.testing.assert_array_equal(b, b4)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_step_that_diverges_leaves_the_weights_as_they_were():
    network = small_network()
    X, y = font_colors(5, seed=0)
    before = weights_of(network)
    with pytest.raises(nnlib.TrainingDiverged, match=r"in this step with learning_rate=1e\+308"):
        network.step(X, y, learning_rate=1e308)
    for (w, b), (w0, b0) in zip(weights_of(network), before):
        np.testing.assert_array_equal(w, w0)
        np.testing.assert_array_equal(b, b0)


def test_a_nan_network_gives_no_label_no_score_no_file_and_no_page(tmp_path):
    network, X = nan_network(), np.ones((4, 3))
    for call in (lambda: network.predict(X), lambda: network.predict_proba(X),
                 lambda: network.score(X, [0, 1, 0, 1]), lambda: network.loss(X, [0, 1, 0, 1]),
                 network.to_json, lambda: network.save(tmp_path / "nan.npz"),
                 lambda: font_picker_html(network), lambda: snapshot(network, "nan"),
                 lambda: network.fit(X, [0, 1, 0, 1], epochs=1, learning_rate=0.1)):
        with pytest.raises(ValueError, match="NaN or infinite"):
            call()
    assert not (tmp_path / "nan.npz").exists()


def test_web_pages_refuse_a_dict_with_nan_weights():
    spec = small_network().to_dict()
    spec["layers"][0]["weights"][0][0] = float("nan")
    frame = {"network": spec, "label": "nan"}
    with pytest.raises(ValueError, match="finite"):
        font_picker_html(spec)
    with pytest.raises(ValueError, match="finite"):
        training_frames_html([frame])


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_an_output_that_overflows_is_refused():
    network = Network([Dense(1, 1, "linear", init="zeros")], loss="mse")
    network.layers[0].weights[:] = 1e300
    with pytest.raises(ValueError, match="outputs contain NaN or infinite"):
        network.forward([[1e10]])


# --------------------------------------------- 2. integer input is not truncated
def test_a_neuron_fed_an_integer_computes_in_float64():
    neuron = Dense(1, 1, "linear", init="zeros")
    neuron.weights[0, 0], neuron.bias[0] = -0.5, 1.0
    out = neuron.forward(np.array([[4]]))
    assert out.dtype == np.float64 and out[0, 0] == -1.0
    assert neuron.forward(np.array([[True]]))[0, 0] == 0.5
    assert neuron.forward(np.array([[4]], dtype=np.float32)).dtype == np.float32


@pytest.mark.parametrize("name", sorted(nnlib.ACTIVATIONS))
def test_activations_compute_integers_in_float64(name):
    activation = nnlib.get_activation(name)
    z = np.array([[-2, 0, 3]])
    assert activation(z).dtype == np.float64
    np.testing.assert_array_equal(activation(z), activation(z.astype(float)))
    assert activation.derivative(z).dtype == np.float64
    assert activation(z.astype(np.float32)).dtype == np.float32


@pytest.mark.parametrize("bad", [np.array([[1 + 2j, 0, 0]]), np.array([[object(), 1, 2]]),
                                 np.array([["a", "b", "c"]])])
def test_complex_object_and_string_arrays_are_refused_by_name(bad):
    with pytest.raises(TypeError, match=r"^X must contain numbers"):
        Dense(3, 1).forward(bad)
    with pytest.raises(TypeError, match=r"^X must contain numbers"):
        small_network().forward(bad)
    with pytest.raises(TypeError, match=r"^z must contain numbers"):
        nnlib.ReLU()(bad)
    with pytest.raises(TypeError, match=r"^z must contain numbers"):
        nnlib.Softmax().derivative(bad)
    with pytest.raises(TypeError, match=r"^a \(the outputs\) must contain numbers"):
        nnlib.get_loss("mse")(bad, np.zeros((1, 3)))
    with pytest.raises(TypeError, match=r"^z \(the logits\) must contain numbers"):
        nnlib.get_loss("binary_crossentropy").from_logits(bad, np.zeros((1, 3)))


def test_integer_targets_and_outputs_in_losses_are_computed_in_float():
    mse = nnlib.get_loss("mse")
    assert mse(np.array([[1], [2]]), np.array([[0], [0]])) == 2.5
    np.testing.assert_array_equal(mse.gradient(np.array([[1]]), np.array([[0]])), [[2.0]])


# ----------------------------------------------------- 3. one Dense, one layer
def test_a_layer_object_used_twice_is_refused():
    layer = Dense(3, 3)
    with pytest.raises(ValueError, match=r"layers\[1\] is the same Dense object.*one Dense per "
                                         r"layer"):
        Network([layer, layer, Dense(3, 1)])
    with pytest.raises(ValueError, match="one Dense per layer"):
        Network([Dense(3, 3)] * 2 + [Dense(3, 1)])


# ----------------------------------------------------------- 4. untrusted files
def saved_bytes():
    network = small_network()
    network.layers[0].bias[:] = 0.5            # a bias that is not 0
    buffer = io.BytesIO()
    network.save(buffer)
    return buffer.getvalue()


def rewritten(members):
    """An .npz (zip) holding ``members``: {name: bytes}."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def npy(array):
    buffer = io.BytesIO()
    np.save(buffer, array)
    return buffer.getvalue()


def members_of(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def with_architecture(change):
    members = members_of(saved_bytes())
    spec = json.loads(str(np.load(io.BytesIO(members["architecture.npy"]))))
    members["architecture.npy"] = npy(np.array(json.dumps(change(spec))))
    return rewritten(members)


def set_layer(key, value, i=0):
    def change(spec):
        spec["layers"][i][key] = value
        return spec
    return change


BAD_FILES = {
    "truncated": lambda: saved_bytes()[:300],
    "not a zip": lambda: b"hello, this is not a network",
    "empty": lambda: b"",
    "missing array": lambda: rewritten({k: v for k, v in members_of(saved_bytes()).items()
                                        if k != "bias_1.npy"}),
    "extra array": lambda: rewritten({**members_of(saved_bytes()), "extra.npy": npy(np.ones(2))}),
    "architecture a list": lambda: with_architecture(lambda spec: [spec]),
    "architecture a number": lambda: with_architecture(lambda spec: 3),
    "layers a dict": lambda: with_architecture(lambda spec: {**spec, "layers": {}}),
    "layer a list": lambda: with_architecture(lambda spec: {**spec, "layers": [[1, 2]]}),
    "size a string": lambda: with_architecture(set_layer("n_inputs", "3")),
    "size a bool": lambda: with_architecture(set_layer("n_outputs", True)),
    "unknown activation": lambda: with_architecture(set_layer("activation", 3)),
    "bad activation params": lambda: with_architecture(set_layer("activation_params", {"a": 1})),
    "loss a list": lambda: with_architecture(lambda spec: {**spec, "loss": ["mse"]}),
    "sizes do not match the arrays": lambda: with_architecture(set_layer("n_outputs", 5)),
    "nan weights": lambda: rewritten({**members_of(saved_bytes()),
                                      "weights_0.npy": npy(np.full((3, 4), np.nan))}),
    "inf bias": lambda: rewritten({**members_of(saved_bytes()),
                                   "bias_1.npy": npy(np.array([np.inf]))}),
    "complex weights": lambda: rewritten({**members_of(saved_bytes()),
                                          "weights_0.npy": npy(np.ones((3, 4), complex))}),
    "weights of the wrong shape": lambda: rewritten({**members_of(saved_bytes()),
                                                     "weights_0.npy": npy(np.ones((4, 3)))}),
    "object weights": lambda: rewritten({**members_of(saved_bytes()),
                                         "weights_0.npy": npy(np.ones((3, 4))).replace(
                                             b"'<f8'", b"'|O' ")}),
    "bias with use_bias=False": lambda: with_architecture(set_layer("use_bias", False)),
    "40,000 x 40,000 declared": lambda: with_architecture(lambda spec: {**spec, "layers": [
        {**spec["layers"][0], "n_inputs": 40_000, "n_outputs": 40_000}]}),
}


@pytest.mark.parametrize("make", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_malformed_file_raises_value_error(make, tmp_path):
    path = tmp_path / "bad.npz"
    path.write_bytes(make())
    with pytest.raises(ValueError):
        Network.load(path)


def test_a_huge_array_declared_in_a_small_file_is_refused_before_it_is_read(tmp_path):
    members = members_of(saved_bytes())
    header = npy(np.ones((3, 4))).replace(b"(3, 4)", b"(40000, 40000)")[:128]
    members["weights_0.npy"] = header + b"\0" * 96       # declares 12.8 GB, holds 96 bytes
    path = tmp_path / "bomb.npz"
    path.write_bytes(rewritten(members))
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(ValueError, match=r"\(40000, 40000\)"):
        Network.load(path)
    assert time.perf_counter() - start < 1 and tracemalloc.get_traced_memory()[1] < 10e6
    tracemalloc.stop()


def test_a_compressed_file_is_not_decompressed_past_the_parameter_limit(tmp_path):
    n = 4600                                      # (4600 + 1) x 4600 = 21.2 M > MAX_PARAMETERS
    layers = [{"n_inputs": n, "n_outputs": n, "activation": "linear", "activation_params": {},
               "use_bias": True}]
    spec = {"format": "nnlib-network", "version": 1, "loss": "mse", "layers": layers}
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(header, {"descr": "<f4", "fortran_order": False,
                                                  "shape": (n, n)})
    path = tmp_path / "zeros.npz"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:   # 85 MB in about 80 kB
        archive.writestr("architecture.npy", npy(np.array(json.dumps(spec))))
        archive.writestr("bias_0.npy", npy(np.zeros(n, np.float32)))
        with archive.open("weights_0.npy", "w") as member:
            member.write(header.getvalue())
            for _ in range(n):
                member.write(bytes(4 * n))
    assert path.stat().st_size < 1e6
    tracemalloc.start()
    with pytest.raises(ValueError, match=r"MAX_PARAMETERS"):
        Network.load(path)
    assert tracemalloc.get_traced_memory()[1] < 10e6
    tracemalloc.stop()


def test_a_168_byte_json_declaring_40000_by_40000_is_refused_at_once():
    text = json.dumps({"format": "nnlib-network", "version": 1, "loss": "mse", "layers": [
        {"n_inputs": 40000, "n_outputs": 40000, "activation": "linear", "weights": [],
         "bias": []}]})
    tracemalloc.start()
    with pytest.raises(ValueError, match="MAX_PARAMETERS"):
        Network.from_json(text)
    assert tracemalloc.get_traced_memory()[1] < 10e6
    tracemalloc.stop()


def good_dict():
    return small_network().to_dict()


BAD_DICTS = {
    "not a dict": lambda d: [d],
    "no format": lambda d: {k: v for k, v in d.items() if k != "format"},
    "extra key": lambda d: {**d, "optimizer": "adam"},
    "layers missing": lambda d: {k: v for k, v in d.items() if k != "layers"},
    "layers a number": lambda d: {**d, "layers": 3},
    "no layers": lambda d: {**d, "layers": []},
    "layer without weights": lambda d: {**d, "layers": [{k: v for k, v in d["layers"][0].items()
                                                         if k != "weights"}, d["layers"][1]]},
    "layer with an extra key": lambda d: {**d, "layers": [{**d["layers"][0], "dropout": 0.5},
                                                          d["layers"][1]]},
    "nan weight": lambda d: {**d, "layers": [{**d["layers"][0], "weights": [[float("nan")] * 4] * 3},
                                             d["layers"][1]]},
    "ragged weights": lambda d: {**d, "layers": [{**d["layers"][0], "weights": [[1.0], [1.0, 2.0]]},
                                                 d["layers"][1]]},
    "string weights": lambda d: {**d, "layers": [{**d["layers"][0], "weights": [["a"] * 4] * 3},
                                                 d["layers"][1]]},
    "loss not a name": lambda d: {**d, "loss": None},
    "unknown loss": lambda d: {**d, "loss": "hinge"},
    "softmax of one unit": lambda d: {**d, "loss": "mse", "layers": [
        d["layers"][0], {**d["layers"][1], "activation": "softmax"}]},
}


@pytest.mark.parametrize("change", BAD_DICTS.values(), ids=BAD_DICTS.keys())
def test_a_malformed_dict_or_json_raises_value_error(change):
    data = change(good_dict())
    with pytest.raises(ValueError):
        Network.from_dict(data)
    with pytest.raises(ValueError):
        Network.from_json(json.dumps(data))


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, '{"a": ' * 50_000 + "1" + "}" * 50_000,
                                  "not json", "", "NaN"])
def test_deeply_nested_or_invalid_json_raises_value_error(text):
    with pytest.raises(ValueError):
        Network.from_json(text)


@pytest.mark.parametrize("saved,loaded", [("model", "model"), ("model", "model.npz"),
                                          ("model.npz", "model"), ("model.v1", "model.v1")])
def test_save_and_load_accept_the_same_path_with_or_without_npz(tmp_path, saved, loaded):
    network = small_network(seed=3)
    network.save(tmp_path / saved)
    again = Network.load(tmp_path / loaded)
    X = np.random.default_rng(0).random((4, 3))
    np.testing.assert_array_equal(again.forward(X), network.forward(X))
    again = Network.load(str(tmp_path / loaded))
    np.testing.assert_array_equal(again.forward(X), network.forward(X))


# ------------------------------------------------ 5. gradient_check at an optimum
def test_gradient_check_does_not_flag_a_correct_backward_pass_at_an_optimum():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(20, 3)), rng.normal(size=(20, 1))
    network = Network([Dense(3, 1, "linear")], loss="mse")
    solution = np.linalg.lstsq(np.hstack([X, np.ones((20, 1))]), y, rcond=None)[0]
    network.layers[0].weights[:], network.layers[0].bias[:] = solution[:3], solution[3]
    assert max(abs(g).max() for pair in network.gradients(X, y) for g in pair) < 1e-14
    for weights_error, bias_error in gradient_check(network, X, y):
        assert weights_error <= 1e-4 and bias_error <= 1e-4


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), layer_index=st.integers(0, 2))
def test_a_one_percent_error_in_any_layer_is_flagged(seed, layer_index):
    network = Network([Dense(3, 4, "tanh"), Dense(4, 4, "sigmoid"), Dense(4, 2, "softmax")],
                      loss="categorical_crossentropy", seed=seed)
    rng = np.random.default_rng(seed)
    X, y = rng.normal(size=(6, 3)), rng.integers(0, 2, size=6)
    correct = gradient_check(network, X, y)
    assert all(error <= 1e-4 for pair in correct for error in pair)
    layer = network.layers[layer_index]
    if np.abs(network.gradients(X, y)[layer_index][0]).max() < 2e-4:
        return                               # every gradient below the tolerance's floor
    correct_backward = layer.backward_delta
    layer.backward_delta = lambda delta, *args, **kw: correct_backward(delta * 1.01, *args, **kw)
    assert gradient_check(network, X, y)[layer_index][0] > 1e-4   # rtol: flagged


@pytest.mark.parametrize("eps", [0, -1e-5, float("nan"), float("inf"), "1e-5", True])
def test_gradient_check_validates_eps(eps):
    network = small_network()
    with pytest.raises((TypeError, ValueError), match="eps"):
        gradient_check(network, np.ones((2, 3)), [0, 1], eps=eps)


def test_a_nan_gradient_raises():
    network = small_network()
    layer = network.layers[1]
    correct_backward = layer.backward_delta
    layer.backward_delta = lambda delta, *args, **kw: correct_backward(delta * np.nan, *args, **kw)
    with pytest.raises(FloatingPointError, match=r"layer 0's weights gradient by backprop contains NaN"):
        gradient_check(network, np.ones((2, 3)), [0, 1])


# --------------------------------------------------- 6. arguments that slip through
@pytest.mark.parametrize("seed", [True, 1.5, "abc", -1, np.float64(2.0)])
def test_seed_must_be_none_an_int_or_a_generator(seed):
    for make in (lambda: Network([Dense(3, 1)], seed=seed), lambda: Dense(3, 1, seed=seed),
                 lambda: font_colors(10, seed=seed)):
        with pytest.raises((TypeError, ValueError), match=r"^seed must be None, an integer >= 0"):
            make()


def test_a_generator_and_numpy_ints_are_good_seeds():
    a = Network([Dense(3, 2)], seed=np.random.default_rng(5))
    b = Network([Dense(3, 2)], seed=np.int64(5))
    c = Network([Dense(3, 2)], seed=5)
    np.testing.assert_array_equal(a.layers[0].weights, c.layers[0].weights)
    np.testing.assert_array_equal(b.layers[0].weights, c.layers[0].weights)


@pytest.mark.parametrize("name,value", [("shuffle", "no"), ("shuffle", 0), ("progress", "yes")])
def test_fit_flags_must_be_bools(name, value):
    network = small_network()
    before = weights_of(network)
    with pytest.raises(TypeError, match=rf"^{name} must be True or False"):
        network.fit(np.ones((4, 3)), [0, 1, 0, 1], epochs=1, learning_rate=0.1, batch_size=2,
                    **{name: value})
    np.testing.assert_array_equal(network.layers[0].weights, before[0][0])   # nothing changed


def test_use_bias_must_be_a_bool():
    with pytest.raises(TypeError, match=r"^use_bias must be True or False"):
        Dense(3, 1, use_bias="no")


@pytest.mark.parametrize("layers", [None, 3, "Dense", {"a": Dense(3, 1)}])
def test_network_of_no_list_says_what_it_needs(layers):
    with pytest.raises(TypeError, match=r"^layers must be a non-empty list of Dense layers"):
        Network(layers)


def test_a_softmax_layer_needs_two_units():
    with pytest.raises(ValueError, match=r"softmax layer needs n_outputs >= 2"):
        Dense(3, 1, "softmax")


def test_softmax_refuses_a_1d_array():
    with pytest.raises(ValueError, match=r"^z must be 2-D .* got shape \(3,\); for one sample "
                                         r"use z.reshape\(1, -1\)"):
        nnlib.Softmax()(np.array([1.0, 2.0, 3.0]))
    with pytest.raises(ValueError, match=r"^z must be 2-D"):
        nnlib.Softmax().derivative(np.array([1.0, 2.0, 3.0]))


@pytest.mark.parametrize("shape", [(4, 1), (1, 2), (4, 2, 1), (2,)])
def test_dense_backward_refuses_a_gradient_of_the_wrong_shape(shape):
    layer = Dense(3, 2, "tanh", seed=0)
    layer.forward(np.ones((4, 3)))
    with pytest.raises(ValueError, match=r"grad \(dL/da\) has shape .* expected \(4, 2\)"):
        layer.backward(np.ones(shape))
    with pytest.raises(ValueError, match=r"delta \(dL/dz\) has shape .* expected \(4, 2\)"):
        layer.backward_delta(np.ones(shape))


def test_backward_before_forward_says_so():
    with pytest.raises(RuntimeError, match="before forward"):
        Dense(3, 2).backward(np.ones((1, 2)))
