"""Time this nnlib against another version of it, interleaved in one process.

    git worktree add /tmp/nnlib-main main         # or any checkout with an nnlib/ folder
    .venv/bin/python benchmarks/compare_versions.py /tmp/nnlib-main [--repeats 15]

On a shared machine whose load swings, bench.py's ratios against the bare loop move by 0.1 to
0.3 from run to run; a change that costs a few percent cannot be seen in them.  Here both
versions run the same workloads (bench.py's (a), (b), one-sample SGD and one ``step`` call, and
a 20,000-row cut of (c)) one after the other, repeat after repeat, in one process on one core,
timed in CPU time: the ratio of their best times is what the change costs.  The other version is
copied to a temporary folder and imported as the package ``nnlib_other``.
"""
import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

import nnlib
from nnlib.datasets import digits, font_colors


def workloads():
    X_font, y_font = font_colors(1345, seed=0)
    X_font = X_font / 255
    X_digits, y_digits = digits()
    rng = np.random.default_rng(0)
    X_random, y_random = rng.random((20_000, 784)), rng.integers(0, 10, size=20_000)
    return {  # name: (sizes, hidden, output, loss, init, X, y, fit arguments; None: step calls)
        "(a) font, full batch, 500 epochs": ((3, 3, 1), "relu", "sigmoid", "binary_crossentropy",
                                             "auto", X_font, y_font,
                                             dict(epochs=500, learning_rate=0.5)),
        "(b) digits, batch 32, 5 epochs": ((64, 64, 10), "relu", "softmax",
                                           "categorical_crossentropy", "auto", X_digits, y_digits,
                                           dict(epochs=5, learning_rate=0.1, batch_size=32)),
        "(c) 20,000 x 784, batch 128": ((784, 128, 10), "relu", "softmax",
                                        "categorical_crossentropy", "auto", X_random, y_random,
                                        dict(epochs=1, learning_rate=0.1, batch_size=128)),
        "one-sample SGD, 3 epochs of 897": ((3, 3, 1), "relu", "sigmoid", "sse", "uniform",
                                            X_font[:897], y_font[:897],
                                            dict(epochs=3, learning_rate=0.05, batch_size=1)),
        "2,000 step() calls on one sample": ((3, 3, 1), "relu", "sigmoid", "sse", "uniform",
                                             X_font[:1], y_font[:1], None),
    }


def run(lib, workload, dtype):
    (n_in, n_hidden, n_out), hidden, output, loss, init, X, y, fit = workload
    network = lib.Network([lib.Dense(n_in, n_hidden, hidden, init=init),
                           lib.Dense(n_hidden, n_out, output, init=init)], loss=loss, seed=0)
    for layer in network.layers:
        layer.weights, layer.bias = layer.weights.astype(dtype), layer.bias.astype(dtype)
    X = X.astype(dtype)
    start = time.process_time()
    if fit is None:
        for _ in range(2000):
            network.step(X, y, 0.05)
    else:
        network.fit(X, y, **fit)
    return time.process_time() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", help="a checkout (or folder) holding the other nnlib/")
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    shutil.copytree(Path(args.other) / "nnlib", folder / "nnlib_other")
    sys.path.insert(0, str(folder))
    import nnlib_other
    print(f"this nnlib: {Path(nnlib.__file__).parent}; other: {args.other}; "
          f"best of {args.repeats} interleaved repeats, CPU time, one core")
    print("| workload | dtype | other (ms) | this (ms) | this / other |\n|---|---|---|---|---|")
    for name, workload in workloads().items():
        for dtype in (np.float64, np.float32):
            times = {"this": [], "other": []}
            for _ in range(args.repeats):
                times["this"].append(run(nnlib, workload, dtype))
                times["other"].append(run(nnlib_other, workload, dtype))
            this, other = min(times["this"]), min(times["other"])
            print(f"| {name} | {np.dtype(dtype).name} | {other * 1e3:.1f} | {this * 1e3:.1f} | "
                  f"{this / other:.3f} |", flush=True)
    shutil.rmtree(folder)


if __name__ == "__main__":
    with threadpool_limits(limits=1):
        main()
