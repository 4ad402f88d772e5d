"""Backpropagation as a computational graph: the local derivative on every edge.

:func:`local_gradients` reads, from a network that has just run forward and backward on one
sample, every quantity of the chain rule: the value of each node (x, z, a, the loss) and the
local derivative of each edge (how much the head changes per unit change of the tail, all else
fixed).  :func:`draw_backprop_graph` draws them, with each node's gradient dL/d(node), the
product of the local derivatives on the way from the loss back to it (micrograd's ``draw_dot``
and 3Blue1Brown's chain-rule tree, for a whole layer at a time).

Only element-wise activations (not softmax) and one sample: the picture is for small
networks such as the book's 3-3-1 font network.
"""
import numpy as np

from .plotting import NEGATIVE, POSITIVE


def local_gradients(network, x, y):
    """Run ``network`` forward and backward on one sample; return its graph as a dict.

    ``x`` is one sample, shape (1, n_inputs); ``y`` its target, shape (1, n_outputs).
    The weights are not changed.  Keys (``l`` counts the layers from 1):

    - ``"nodes"``: name -> dict(value=array, grad=array, label=str): "x", "z1", "a1", ...,
      "W1", "b1", ..., and "L" (the loss); ``grad`` is dL/d(node), None for x (data is not
      learned);
    - ``"edges"``: (tail, head) -> dict(local=array or None, label=str): the local derivative
      d(head)/d(tail): a(l-1) for W(l) -> z(l), 1 for b(l) -> z(l), W(l) transposed for
      a(l-1) -> z(l), f'(z(l)) for z(l) -> a(l), dL/da for the last a -> L.  ``local`` and
      ``label`` are None on x -> z1 (not needed: x is data, not learned).

    Each node's ``grad`` equals the chain rule's product of the local derivatives from L back
    to it; :func:`draw_backprop_graph` shows both.
    """
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 2 or x.shape[0] != 1:
        raise ValueError(f"x must be one sample of shape (1, n_inputs), got shape {x.shape}")
    for layer in network.layers:
        if layer.activation.name == "softmax":
            raise ValueError("local_gradients draws element-wise activations only, not softmax "
                             "(its local derivative is a Jacobian)")
    grads = network.gradients(x, y)                    # forward and backward, weights unchanged
    loss = network.loss(x, y)
    layers = network.layers
    last = layers[-1]
    y_checked = network._check_data(x, y)[1]
    dL_da_last = network.loss_function.gradient(last.a, y_checked)
    nodes = {"x": dict(value=x[0], grad=None, label="x")}
    edges = {}
    previous = "x"
    for l, (layer, (grad_weights, grad_bias)) in enumerate(zip(layers, grads), start=1):
        # dL/da of this layer: from the layer above, or from the loss for the last layer
        if l < len(layers):
            dL_da = (layers[l].delta @ layers[l].weights.T)[0]
        else:
            dL_da = dL_da_last[0]
        nodes[f"W{l}"] = dict(value=layer.weights, grad=grad_weights, label=f"W^{{({l})}}")
        nodes[f"b{l}"] = dict(value=layer.bias, grad=grad_bias, label=f"b^{{({l})}}")
        nodes[f"z{l}"] = dict(value=layer.z[0], grad=layer.delta[0], label=f"z^{{({l})}}")
        nodes[f"a{l}"] = dict(value=layer.a[0], grad=dL_da, label=f"a^{{({l})}}")
        inputs = layer.inputs[0]
        edges[(f"W{l}", f"z{l}")] = dict(local=inputs, label=rf"\partial z^{{({l})}} / "
                                         rf"\partial W^{{({l})}} = {nodes[previous]['label']}")
        edges[(f"b{l}", f"z{l}")] = dict(local=np.ones(1), label=rf"\partial z^{{({l})}} / "
                                         rf"\partial b^{{({l})}} = 1")
        edges[(previous, f"z{l}")] = dict(
            local=None if previous == "x" else layer.weights.T,
            label=(None if previous == "x" else
                   rf"\partial z^{{({l})}} / \partial a^{{({l - 1})}} = W^{{({l})\top}}"))
        edges[(f"z{l}", f"a{l}")] = dict(
            local=layer.activation.derivative(layer.z)[0],
            label=rf"\partial a^{{({l})}} / \partial z^{{({l})}} = "
                  rf"\mathrm{{{layer.activation.name}}}'(z^{{({l})}})")
        previous = f"a{l}"
    nodes["L"] = dict(value=np.array([loss]), grad=np.ones(1), label="L")
    formula = {"sse": f" = 2({nodes[previous]['label']} - y)"}.get(network.loss_function.name, "")
    edges[(previous, "L")] = dict(local=dL_da_last[0],
                                  label=rf"\partial L / \partial {nodes[previous]['label']}{formula}")
    return {"nodes": nodes, "edges": edges, "n_layers": len(layers)}


def _numbers(values, digits):
    """A short text of rounded numbers: [0.12, -0.5] for a vector, one row per line for a matrix."""
    values = np.atleast_1d(np.asarray(values, dtype=float))

    def one(v):
        text = f"{v:.{digits}f}"
        return text[1:] if text.startswith("-") and float(text) == 0 else text

    if values.ndim == 1:
        return "[" + ", ".join(one(v) for v in values) + "]"
    return "\n".join(_numbers(row, digits) for row in values)


def draw_backprop_graph(network, x, y, ax=None, digits=2):
    """Draw the computational graph of ``network`` on one sample ``x`` (1, n_inputs), target ``y``.

    Boxes are the nodes: the input x, each layer's weights W, bias b, weighted sums z and
    outputs a, and the loss L, each with its value (black) and its gradient dL/d(node)
    (vermillion, beside the box).  Arrows run forward; the label on an arrow (blue) is its
    local derivative d(head)/d(tail), with its value.  Backpropagation multiplies these local
    derivatives from L backwards: each vermillion number is the product of the blue ones on the
    path from L to it (for a weight, its input times the z-node's gradient).  Numbers are
    rounded to ``digits`` decimals.  Returns the axes; a figure about 13 x 5.5 inches fits it.
    """
    graph = local_gradients(network, x, y)
    nodes, edges, n_layers = graph["nodes"], graph["edges"], graph["n_layers"]
    if ax is None:
        import matplotlib.pyplot as plt
        ax = plt.gca()
    # positions: the main chain on y = 0, each layer's W above and b below, left of its z
    step, rise = 3.3, 2.9
    where = {"x": (0.0, 0.0)}
    for l in range(1, n_layers + 1):
        z_x = (2 * l - 1) * step
        where[f"z{l}"] = (z_x, 0.0)
        where[f"a{l}"] = (z_x + step, 0.0)
        where[f"W{l}"] = (z_x - 0.4 * step, rise)
        where[f"b{l}"] = (z_x - 0.4 * step, -rise)
    where["L"] = (where[f"a{n_layers}"][0] + step, 0.0)

    boxes = {}
    for name, node in nodes.items():
        value = node["value"]
        body = (f"shape {value.shape}" if name.startswith("W")
                else _numbers(value, max(digits, 3) if name == "L" else digits))
        boxes[name] = ax.text(*where[name], f"${node['label']}$\n{body}", ha="center",
                              va="center", fontsize=9, zorder=3,
                              bbox=dict(boxstyle="round,pad=0.4", facecolor="white",
                                        edgecolor="#333333", linewidth=1.2))
        if node["grad"] is None:
            continue
        gradient = rf"$\partial L/\partial {node['label']}$" + "\n" + _numbers(node["grad"], digits)
        x0, y0 = where[name]
        if name[0] == "W":       # above the box
            ax.text(x0, y0 + 0.5, gradient, ha="center", va="bottom", fontsize=8,
                    color=NEGATIVE, zorder=3)
        else:                    # below the box
            ax.text(x0, y0 - 0.5, gradient, ha="center", va="top", fontsize=8,
                    color=NEGATIVE, zorder=3)
    for (tail, head), edge in edges.items():
        (x0, y0), (x1, y1) = where[tail], where[head]
        if y0 == y1:             # along the chain: right side of the tail to left of the head
            start, end = (1, 0.5), (0, 0.5)
        elif y0 > y1:            # from W, above
            start, end = (0.5, 0), (0.3, 1)
        else:                    # from b, below: into the left side, clear of z's gradient
            start, end = (0.5, 1), (0, 0.15)
        ax.annotate("", xy=end, xycoords=boxes[head], xytext=start, textcoords=boxes[tail],
                    zorder=1, arrowprops=dict(arrowstyle="-|>", color="#555555",
                                              linewidth=1.2, shrinkA=6, shrinkB=6))
        if edge["label"] is None:
            continue
        symbol, _, formula = edge["label"].partition(" = ")
        if y0 == y1 and formula:     # along the chain, narrow: the formula on its own line
            label = f"${symbol}$\n$= {formula}$"
        else:
            label = f"${edge['label']}$"
        if edge["local"] is not None:
            label += "\n" + _numbers(edge["local"], digits)
        if y0 == y1:             # above the arrow
            ax.text((x0 + x1) / 2, 0.45, label, ha="center", va="bottom", fontsize=8,
                    color=POSITIVE, zorder=2)
        else:                    # left of the slanted arrow, near the W or b box
            shift = 0.25 if y0 > y1 else 0.45     # the arrow from b ends further left
            ax.text(x1 + 0.7 * (x0 - x1) - shift, y1 + 0.7 * (y0 - y1), label, ha="right",
                    va="center", fontsize=8, color=POSITIVE, zorder=2)
    xs = [p[0] for p in where.values()]
    ax.set_xlim(min(xs) - 1.3, max(xs) + 0.9)
    ax.set_ylim(-rise - 1.4, rise + 1.7)
    ax.axis("off")
    return ax
