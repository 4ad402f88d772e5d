"""How close can a library built of layer objects come to the inline loop?  One run, ratios only.

    .venv/bin/python benchmarks/floor.py            # under a minute; --rounds N (default 60)

Three contenders train the same network on the same rows, in a fresh random order each round:

- ``nnlib``: ``Network.fit`` as it is;
- ``floor``: the same ``fit``, whose epoch (``floor_epoch``) drives nnlib's own layers with the
  leanest loop that still calls them: each layer's ``forward`` (which calls its activation), the
  loss's gradient or delta, each activation's ``backward`` and each layer's ``backward_delta``:
  nine Python calls a step for two layers, with no network-level call, no loop over the layers
  backwards and no test of the loss's kind.  It is written for these two networks only, so it
  is a measurement, not a design;
- ``bare``: the same SGD written inline with NumPy (``bench.py``'s floor).

Printed: the median of the rounds' ratios to ``bare``, with their range, for chapter 7's
one-sample SGD (3-3-1, sum of squared errors, 897 rows, one epoch a round) and for workload (b)
of ``bench.py`` (digits 64-64-10, batch 32, categorical cross-entropy, 20 epochs a round).
Whatever ``floor`` lacks of 1.00 is the price of those nine calls; what ``nnlib`` adds to
``floor`` is the price of the general network around them.
"""
import argparse
import time

import numpy as np
from threadpoolctl import threadpool_limits

import bench
from nnlib import CombinedLoss, Dense, Network
from nnlib.datasets import font_colors


def floor_epoch(network, X, y, learning_rate, batch_size, shuffle=True):
    """One epoch of ``network``'s two layers, called directly; (z, a) of every row as seen."""
    first, last = network.layers
    combined = isinstance(network.loss_function, CombinedLoss)   # its delta comes from z
    a_seen = np.empty((len(X), last.n_outputs))
    z_seen = np.empty_like(a_seen) if combined else None
    for rows in network._batches(len(X), batch_size, shuffle):
        a = last.forward(first.forward(X[rows], checked=True), checked=True)
        a_seen[rows] = a
        if combined:
            z_seen[rows] = last.z
            delta = network.loss_function.delta(last.z, y[rows], a, checked=True)
        else:
            grad = network.loss_function.gradient(a, y[rows], checked=True)
            delta = last.activation.backward(last.z, a, grad)
        grad = last.backward_delta(delta, checked=True)
        first.backward_delta(first.activation.backward(first.z, first.a, grad), False, checked=True)
        for layer in (first, last):
            layer.weights -= learning_rate * layer.grad_weights
            layer.bias -= learning_rate * layer.grad_bias
    return z_seen, a_seen


def with_floor(nets):
    """``nets["floor"]`` trains its epochs with :func:`floor_epoch`; the rest of fit (checks, the
    epoch's loss and accuracy, the divergence check) is nnlib's own, as it is for "nnlib"."""
    floor = nets["floor"]
    floor._train_one_epoch = lambda *args: floor_epoch(floor, *args)
    return nets


def timed(function):
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def sgd_contenders():
    X, y = font_colors(1345, seed=0)
    X, y = X[:897] / 255, y[:897]

    def network():
        return Network([Dense(3, 3, "relu", init="uniform"),
                        Dense(3, 1, "sigmoid", init="uniform")], loss="sse", seed=0)
    nets = with_floor({"nnlib": network(), "floor": network()})
    fit = dict(epochs=1, learning_rate=0.05, batch_size=1)
    return nets, {**{name: lambda net=net: net.fit(X, y, **fit) for name, net in nets.items()},
                  "bare": lambda: bench.bare_one_sample_sgd(X, y, 1, 0.05)}


def digits_contenders():
    w = bench.workload_digits(np.float64)

    def network():
        return Network([Dense(64, 64, "relu"), Dense(64, 10, "softmax")],
                       loss="categorical_crossentropy", seed=0)
    nets = with_floor({"nnlib": network(), "floor": network()})
    fit = dict(epochs=w["epochs"], learning_rate=w["learning_rate"], batch_size=w["batch_size"])
    return nets, {**{name: lambda net=net: net.fit(w["X"], w["y"], **fit)
                     for name, net in nets.items()},
                  "bare": lambda: bench.run_bare(w)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60, help="interleaved rounds of SGD "
                        "(a third as many of (b))")
    args = parser.parse_args()
    for name, (nets, contenders) in (("one-sample SGD, 3-3-1, 897 rows", sgd_contenders()),
                                     ("(b) digits 64-64-10, batch 32, 20 epochs",
                                      digits_contenders())):
        rounds = args.rounds if "SGD" in name else max(5, args.rounds // 3)
        timers = {c: lambda _, run=run: timed(run) for c, run in contenders.items()}
        times = bench.interleaved(timers, None, rounds)
        for mine, its in zip(nets["floor"].layers, nets["nnlib"].layers):   # the same arithmetic
            assert np.array_equal(mine.weights, its.weights), "floor and nnlib trained apart"
        print(f"{name}: " + ", ".join(f"{c} / bare {bench.paired_ratio(times[c], times['bare'])}"
                                      for c in ("nnlib", "floor")), flush=True)


if __name__ == "__main__":
    with threadpool_limits(limits=1):
        main()
