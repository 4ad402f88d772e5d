"""Gradient checking: backpropagation against central finite differences.

For every parameter p the numerical derivative is (L(p + eps) - L(p - eps)) / (2 eps), whose
error is O(eps^2) from truncation plus about 1e-16 L / eps from rounding; eps = 1e-5 balances
the two for losses and weights of order 1.  As in PyTorch's ``gradcheck``, a gradient passes
when |backprop - numerical| <= atol + rtol |numerical|; each parameter array is summarised by

    error = max over the array of |backprop - numerical| / (atol / rtol + |numerical|),

a relative error whose denominator never falls below atol / rtol (1e-2, as PyTorch's): the array
passes exactly when error <= rtol.  So a correct backward pass at an optimum (all gradients about
0) is not reported as 100 % wrong, and a 1 % error in any gradient above atol / (0.01 - rtol),
about 1e-4, still is.
"""
import numpy as np

from .validation import check_positive_float, check_X


def numerical_gradients(network, X, y, eps=1e-5):
    """Central finite-difference gradients, as ``network.gradients`` gives them: two calls of
    ``network.loss`` per parameter (small networks only); the weights are left as they were."""
    eps = check_positive_float(eps, "eps")
    result = []
    for layer in network.layers:
        grads = (np.zeros(layer.weights.shape), np.zeros(layer.bias.shape))
        for params, grad in zip((layer.weights, layer.bias)[:1 + layer.use_bias], grads):
            for i in np.ndindex(*params.shape):
                original = params[i]
                params[i] = original + eps
                plus = network.loss(X, y)
                params[i] = original - eps
                minus = network.loss(X, y)
                params[i] = original
                grad[i] = (plus - minus) / (2 * eps)
        result.append(grads)
    return result


def gradient_check(network, X, y, eps=1e-5, atol=1e-6, rtol=1e-4):
    """Backprop against finite differences: a ``(weights_error, bias_error)`` pair per layer,
    each ``max |backprop - numerical| / (atol / rtol + |numerical|)``, within tolerance (as in
    PyTorch's gradcheck) when at most ``rtol``; correct backprop in float64 gives 1e-9 or less.
    A NaN or infinite gradient raises FloatingPointError."""
    eps = check_positive_float(eps, "eps")
    atol = check_positive_float(atol, "atol", zero_allowed=True)
    rtol = check_positive_float(rtol, "rtol")
    X = check_X(X, network.n_inputs).astype(np.float64)   # finite differences need float64
    analytic = network.gradients(X, y)
    numeric = numerical_gradients(network, X, y, eps)
    return [tuple(_error(a, n, atol, rtol, f"layer {i}'s {name} gradient")
                  for name, a, n in zip(("weights", "bias"), backprop, finite_differences))
            for i, (backprop, finite_differences) in enumerate(zip(analytic, numeric))]


def _error(analytic, numeric, atol, rtol, name):
    """max |analytic - numeric| / (atol / rtol + |numeric|); a NaN or infinite gradient raises."""
    for method, grad in (("backprop", analytic), ("finite differences", numeric)):
        if not np.isfinite(grad).all():
            raise FloatingPointError(f"{name} by {method} contains NaN or infinite values")
    return float(np.max(np.abs(analytic - numeric) / (atol / rtol + np.abs(numeric)), initial=0.0))
