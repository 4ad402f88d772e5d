"""Tests for nnlib.web: the HTML+JavaScript that runs a trained network in a static page.

The JavaScript forward pass is run with Node.js (when installed) and compared with
Network.predict_proba; the browser test of the font chapter checks the same in Chromium.
"""
import json
import re
import shutil
import subprocess

import numpy as np
import pytest

from nnlib import Dense, LeakyReLU, Network
from nnlib.web import FORWARD_JS, font_picker_html, snapshot, training_frames_html


def font_network(seed=0):
    return Network([Dense(3, 3, "relu", init="uniform"), Dense(3, 1, "sigmoid", init="uniform")],
                   loss="sse", seed=seed)


def embedded(html, cls):
    match = re.search(rf'<script type="application/json" class="{cls}">(.*?)</script>', html, re.S)
    assert match, f"no script.{cls} in the HTML"
    return json.loads(match.group(1))


def test_picker_embeds_the_network_and_initial_colour():
    net = font_network()
    html = font_picker_html(net, initial=(10, 200, 30), element_id="p1")
    again = Network.from_dict(embedded(html, "nnlib-network"))
    X = np.random.default_rng(1).random((50, 3))
    np.testing.assert_array_equal(again.predict_proba(X), net.predict_proba(X))
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


NODE = shutil.which("node")


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed")
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
              f"const net = {net.to_json()}, X = {json.dumps(X.tolist())};\n"
              "console.log(JSON.stringify(X.map((x) => window.nnlibWeb.forward(net, x))));\n")
    result = subprocess.run([NODE, "-e", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    in_js = np.array(json.loads(result.stdout))
    np.testing.assert_allclose(in_js, net.predict_proba(X), rtol=0, atol=1e-12)
