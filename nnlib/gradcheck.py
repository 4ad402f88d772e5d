"""Gradient checking: backpropagation against central finite differences.

For every parameter p, the numerical derivative is

    (L(p + eps) - L(p - eps)) / (2 eps)

whose error is O(eps^2) from truncation plus about 1e-16 * L / eps from
rounding; eps = 1e-5 balances the two for losses and weights of order 1.  Each parameter array is summarised by one number,

    max |backprop - numerical| / max |backprop|,

the largest absolute difference scaled by the largest gradient in that array.
(An element-wise relative error is useless here: on a gradient that is 1e-14
because of rounding, any two methods disagree by 100%.)
"""
import numpy as np


def numerical_gradients(network, X, y, eps=1e-5):
    """Central finite-difference gradients, in the format of ``network.gradients``.

    Loops over every parameter (two loss evaluations each): for small
    networks only.  The weights are left exactly as they were.
    """
    X, y = network._check_data(X, y)
    result = []
    for layer in network.layers:
        pair = []
        for params in (layer.weights, layer.bias):
            grad = np.zeros_like(params, dtype=np.float64)
            if params is layer.bias and not layer.use_bias:
                pair.append(grad)
                continue
            flat, flat_grad = params.reshape(-1), grad.reshape(-1)   # views into the arrays
            for i in range(flat.size):
                original = flat[i]
                flat[i] = original + eps
                network._forward(X)
                plus = network._loss_value(y)
                flat[i] = original - eps
                network._forward(X)
                minus = network._loss_value(y)
                flat[i] = original
                flat_grad[i] = (plus - minus) / (2 * eps)
            pair.append(grad)
        result.append(tuple(pair))
    return result


def gradient_check(network, X, y, eps=1e-5):
    """Compare backprop with finite differences; one error per parameter array.

    Returns a list with one ``(weights_error, bias_error)`` pair per layer,
    in the order of ``network.layers``.  Each error is
    ``max|backprop - numerical| / max|backprop|`` over that array (0 when
    both are 0).  In float64, correct backprop gives about 1e-9 or less.
    """
    X = np.asarray(X, dtype=np.float64)   # finite differences need float64 (no copy if it is)
    analytic = network.gradients(X, y)
    numeric = numerical_gradients(network, X, y, eps)
    errors = []
    for (gw, gb), (nw, nb) in zip(analytic, numeric):
        errors.append(tuple(_scaled_max_error(g, n) for g, n in ((gw, nw), (gb, nb))))
    return errors


def _scaled_max_error(analytic, numeric):
    scale = max(np.max(np.abs(analytic)), np.max(np.abs(numeric)))
    if scale == 0:
        return 0.0
    return float(np.max(np.abs(analytic - numeric)) / scale)
