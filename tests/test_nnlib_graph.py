"""nnlib.graph: the local derivatives it reads from a network chain into the gradients that
backpropagation computes, and the picture draws."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nnlib import Dense, Network  # noqa: E402
from nnlib.graph import draw_backprop_graph, local_gradients  # noqa: E402


def _network(loss="sse"):
    return Network([Dense(3, 3, activation="relu"), Dense(3, 1, activation="sigmoid")],
                   loss=loss, seed=0)


def test_local_derivatives_chain_into_the_gradients():
    network = _network()
    x, y = np.array([[0.85, 0.64, 0.51]]), np.array([[1.0]])
    weights_before = [layer.weights.copy() for layer in network.layers]
    graph = local_gradients(network, x, y)
    nodes, edges = graph["nodes"], graph["edges"]
    for layer, before in zip(network.layers, weights_before):
        np.testing.assert_array_equal(layer.weights, before)          # nothing learned
    # output layer: dL/dz2 = dL/da2 * da2/dz2; dL/dW2 = a1 (as a column) * dL/dz2
    dz2 = edges[("a2", "L")]["local"] * edges[("z2", "a2")]["local"]
    np.testing.assert_allclose(nodes["z2"]["grad"], dz2, rtol=1e-12)
    np.testing.assert_allclose(nodes["W2"]["grad"],
                               np.outer(edges[("W2", "z2")]["local"], dz2), rtol=1e-12)
    np.testing.assert_allclose(nodes["b2"]["grad"], dz2 * edges[("b2", "z2")]["local"])
    # hidden layer: dL/da1 = dL/dz2 W2^T, then relu'(z1), then x
    da1 = dz2 @ edges[("a1", "z2")]["local"]
    np.testing.assert_allclose(nodes["a1"]["grad"], da1, rtol=1e-12)
    dz1 = da1 * edges[("z1", "a1")]["local"]
    np.testing.assert_allclose(nodes["z1"]["grad"], dz1, rtol=1e-12)
    np.testing.assert_allclose(nodes["W1"]["grad"], np.outer(x[0], dz1), rtol=1e-12)
    # and these are backprop's own numbers
    (gw1, gb1), (gw2, gb2) = network.gradients(x, y)
    np.testing.assert_array_equal(nodes["W1"]["grad"], gw1)
    np.testing.assert_array_equal(nodes["b2"]["grad"], gb2)
    assert nodes["L"]["value"][0] == pytest.approx(network.loss(x, y))
    assert edges[("x", "z1")]["local"] is None and edges[("x", "z1")]["label"] is None


def test_local_gradients_refuses_batches_and_softmax():
    with pytest.raises(ValueError, match="one sample"):
        local_gradients(_network(), np.zeros((2, 3)), np.zeros((2, 1)))
    softmax = Network([Dense(3, 2, activation="softmax")], loss="categorical_crossentropy",
                      seed=0)
    with pytest.raises(ValueError, match="softmax"):
        local_gradients(softmax, np.zeros((1, 3)), np.array([[1.0, 0.0]]))


def test_draw_backprop_graph_draws_every_node_and_edge():
    network = _network()
    fig, ax = plt.subplots(figsize=(13, 5.8))
    draw_backprop_graph(network, np.array([[0.85, 0.64, 0.51]]), np.array([[1.0]]), ax=ax)
    texts = [t.get_text() for t in ax.texts]
    for name in ("x", "z^{(1)}", "a^{(1)}", "W^{(1)}", "b^{(2)}", "a^{(2)}"):
        assert any(f"${name}$" in t for t in texts), name
    assert any("sigmoid" in t for t in texts) and any("2(a^{(2)} - y)" in t for t in texts)
    assert len(ax.patches) + len([c for c in ax.get_children()
                                  if type(c).__name__ == "Annotation"]) >= 9
    fig.canvas.draw()
    plt.close(fig)
