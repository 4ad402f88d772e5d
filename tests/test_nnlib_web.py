"""Tests for nnlib.web: the HTML+JavaScript that runs a trained network in a static page.

The JavaScript forward pass is run with Node.js (`make test` installs it; these tests fail
without it) and compared with Network.predict_proba of the network the page carries; the
browser test of the font chapter checks the same in Chromium.
"""
import json
import re
import shutil
import subprocess

import numpy as np
import pytest

from nnlib import Dense, LeakyReLU, Network
from nnlib.web import (FORWARD_JS, PAGE_DIGITS, font_picker_html, page_network, snapshot,
                       training_frames_html)


def font_network(seed=0):
    return Network([Dense(3, 3, "relu", init="uniform"), Dense(3, 1, "sigmoid", init="uniform")],
                   loss="sse", seed=seed)


def embedded(html, cls):
    match = re.search(rf'<script type="application/json" class="{cls}">(.*?)</script>', html, re.S)
    assert match, f"no script.{cls} in the HTML"
    return json.loads(match.group(1))


def significant_digits(x):
    """How many significant digits the shortest repr of the float x has."""
    return len(repr(abs(float(x))).split("e")[0].replace(".", "").lstrip("0").rstrip("0") or "0")


def all_numbers(spec):
    return [v for layer in spec["layers"] for key in ("weights", "bias")
            for v in np.ravel(layer[key])]


def test_picker_embeds_the_network_rounded_and_initial_colour():
    net = font_network()
    net.layers[0].weights[0, 0] = 0.1 + 0.2              # 0.30000000000000004
    html = font_picker_html(net, initial=(10, 200, 30), element_id="p1")
    spec = embedded(html, "nnlib-network")
    assert spec == page_network(net)
    assert spec["layers"][0]["weights"][0][0] == 0.3
    assert max(map(significant_digits, all_numbers(spec))) <= PAGE_DIGITS
    assert max(map(significant_digits, all_numbers(net.to_dict()))) > PAGE_DIGITS
    X = np.random.default_rng(1).random((50, 3))
    np.testing.assert_allclose(Network.from_dict(spec).predict_proba(X), net.predict_proba(X),
                               rtol=1e-6)
    assert 'id="p1"' in html and 'value="#0ac81e"' in html
    assert embedded(html, "nnlib-config")["divisor"] == 255.0


def test_html_is_self_contained_and_deterministic():
    net = font_network()
    frames = [snapshot(net, "start", epoch=0)]
    for html in (font_picker_html(net), training_frames_html(frames, [3.0, 2.0, 1.0])):
        assert not re.search(r"""(src|href)\s*=|https?://|url\(|import\s*\(|fetch\(""", html)
        assert html.count("<script") == html.count("</script>")
    assert font_picker_html(net) == font_picker_html(net)
    assert training_frames_html(frames) == training_frames_html(frames)


def test_json_cannot_close_the_script_element():
    net = font_network()
    frames = [snapshot(net, "</script><b>oops</b> & more", epoch=1)]
    html = training_frames_html(frames)
    assert "</script><b>" not in html
    assert embedded(html, "nnlib-frames")[0]["label"] == "</script><b>oops</b> & more"


def test_snapshot_and_frames():
    net = font_network()
    frame = snapshot(net, "epoch 2", epoch=2, loss=np.float64(1.5), test_accuracy=0.75)
    assert frame["epoch"] == 2 and isinstance(frame["loss"], float)
    net.layers[0].weights += 1          # a snapshot is a copy, not a view of the weights
    assert frame["network"]["layers"][0]["weights"] != net.to_dict()["layers"][0]["weights"]
    html = training_frames_html([frame, snapshot(net, "later", epoch=3)], element_id="t1")
    assert len(embedded(html, "nnlib-frames")) == 2
    assert 'data-frame="1"' in html and 'max="1"' in html
    # the page carries 8 significant digits: of the weights, the values and the loss curve
    raw = {"network": net.to_dict(), "label": "raw", "loss": 1 / 3}
    html = training_frames_html([raw], loss_curve=[2 / 3, 1 / 7])
    shown = embedded(html, "nnlib-frames")[0]
    assert shown["network"] == page_network(net) and raw["network"] == net.to_dict()
    assert max(map(significant_digits, all_numbers(shown["network"]))) <= PAGE_DIGITS
    assert embedded(html, "nnlib-config")["curve"] == [0.66666667, 0.14285714]
    assert snapshot(net, "x", loss=1 / 3)["loss"] == 0.33333333


def test_bad_input():
    net = font_network()
    with pytest.raises(TypeError, match="network must be a Network"):
        font_picker_html("net")
    with pytest.raises(ValueError, match="3 inputs"):
        font_picker_html(Network([Dense(2, 1, "sigmoid")]))
    with pytest.raises(ValueError, match="initial must be three numbers"):
        font_picker_html(net, initial=(0, 0, 300))
    with pytest.raises(ValueError, match="element_id"):
        font_picker_html(net, element_id='x" onload="alert(1)')
    with pytest.raises(ValueError, match="divisor"):
        font_picker_html(net, divisor=0)
    with pytest.raises(ValueError, match="at least one snapshot"):
        training_frames_html([])
    with pytest.raises(TypeError, match="frames\\[0\\]"):
        training_frames_html([{"label": "x"}])
    with pytest.raises(ValueError, match="loss_curve"):
        training_frames_html([snapshot(net, "a")], loss_curve=[1.0, -1.0])
    with pytest.raises(ValueError, match="finite number"):
        snapshot(net, "a", loss=float("nan"))
    with pytest.raises(TypeError, match="label"):
        snapshot(net, 3)
    with pytest.raises(ValueError, match="not an nnlib network"):
        font_picker_html({"layers": []})


def node():
    """The Node.js executable; a missing Node fails the test (make test installs it)."""
    path = shutil.which("node")
    assert path, "Node.js is not installed: run `make test` (it installs Debian's nodejs) " \
                 "or install Node.js"
    return path


@pytest.mark.parametrize("hidden", ["linear", "sigmoid", "tanh", "relu", "leaky_relu", "leaky"])
@pytest.mark.parametrize("output", ["sigmoid", "softmax"])
def test_javascript_forward_pass_equals_nnlib(hidden, output):
    activation = LeakyReLU(0.2) if hidden == "leaky" else hidden
    loss = "categorical_crossentropy" if output == "softmax" else "binary_crossentropy"
    net = Network([Dense(3, 5, activation), Dense(5, 4, "tanh"),
                   Dense(4, 3 if output == "softmax" else 1, output)], loss=loss, seed=3)
    X = np.random.default_rng(0).normal(0, 3, (200, 3))
    X[:3] = [[1000, -1000, 0], [-1000, 1000, 5], [0, 0, 0]]
    script = (f"globalThis.window = globalThis;\n{FORWARD_JS}\n"
              f"const net = {json.dumps(page_network(net))}, X = {json.dumps(X.tolist())};\n"
              "console.log(JSON.stringify(X.map((x) => window.nnlibWeb.forward(net, x))));\n")
    result = subprocess.run([node(), "-e", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    in_js = np.array(json.loads(result.stdout))
    carried = Network.from_dict(page_network(net))
    np.testing.assert_allclose(in_js, carried.predict_proba(X), rtol=0, atol=1e-12)


def test_the_pages_luminance_equals_nnlibs_on_the_threshold():
    """The font picker's formula verdict (font.js) uses nnlib's exact luminance: the 111
    whole-number colours of luminance exactly 128, the grey 128 among them, are on the
    threshold, and one step of blue less is below it."""
    from node_js import run_js

    from nnlib.datasets import luminance
    from nnlib.web.font import REFERENCE
    channels = np.arange(256)
    R, G, B = np.meshgrid(channels, channels, channels, indexing="ij")
    on = (299 * R + 587 * G + 114 * B) == 128_000
    colours = np.column_stack([R[on], G[on], B[on]]).astype(float)
    colours = np.vstack([colours, colours[colours[:, 2] > 0] - [0, 0, 1]])
    cfg = {"reference": REFERENCE}
    ours = run_js(["forward.js", "train.js", "draw.js", "font.js"],
                  [("font.luminance", cfg, rgb) for rgb in colours.tolist()])
    np.testing.assert_array_equal(ours, luminance(colours))
    assert min(ours[:111]) == 128.0 and max(ours[111:]) < 128.0
