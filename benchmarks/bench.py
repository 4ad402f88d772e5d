"""Time nnlib against a bare NumPy loop, scikit-learn and (if installed) PyTorch, in one run.

    .venv/bin/python benchmarks/bench.py            # all workloads, float64 and float32
    .venv/bin/python benchmarks/bench.py --quick    # fewer repeats

Every contender trains the same architecture, on the same data, with the same
batch size, learning rate and number of epochs, by plain SGD (no momentum),
with the same per-epoch bookkeeping (training loss and accuracy).  Each time
is the median of several runs, interleaved (in a fresh random order each
round, so that no contender always runs first or after the same one) so that
a busy machine slows all contenders alike.  A ratio nnlib / bare is the median
of the rounds' own ratios, with their range: it is taken within this one run,
never against numbers from another machine or day.  Every contender runs on one core
(NumPy's BLAS limited with threadpoolctl, PyTorch with set_num_threads(1)):
on a two-core machine shared with other work, multi-threaded BLAS times
swing by 10x and more.

Workloads (from the nnlib issue):
  (a) font 3-3-1 (ReLU, sigmoid, binary cross-entropy), full batch of 1,345 rows, 2,000 epochs
  (b) digits 64-64-10 (ReLU, softmax, categorical cross-entropy), batch 32, 20 epochs
  (c) random 784-128-10 (ReLU, softmax), batch 128, one epoch of 60,000 rows
plus the median time of one-sample SGD, chapter 7's recipe (``fit`` with ``batch_size=1``, per
step, against the same SGD written inline), of one nnlib ``step`` call on a single sample, and
of one change of a kernel-side explorer (what chapter 7's explorer was before it moved into the
page, see explorer_in_browser.py): retraining the font network for 300 full-batch epochs and
redrawing its decision surface and loss curve with ``LiveFigure``.
"""
import argparse
import platform
import random
import statistics
import time
import warnings

import numpy as np
from threadpoolctl import threadpool_limits

import nnlib
from nnlib import Dense, Network
from nnlib.datasets import digits, font_colors

try:
    import torch
except ImportError:  # PyTorch is optional: its column is left out
    torch = None


# ---------------------------------------------------------------- workloads
def workload_font(dtype):
    X, y = font_colors(1345, seed=0)
    return dict(name="(a) font 3-3-1, full batch 1,345, 2,000 epochs", X=(X / 255).astype(dtype),
                y=y, sizes=(3, 3, 1), batch_size=None, epochs=2000, learning_rate=0.5)


def workload_digits(dtype):
    X, y = digits()
    return dict(name="(b) digits 64-64-10, batch 32, 20 epochs", X=X.astype(dtype), y=y,
                sizes=(64, 64, 10), batch_size=32, epochs=20, learning_rate=0.1)


def workload_mnist(dtype):
    rng = np.random.default_rng(0)
    X = rng.random((60_000, 784)).astype(dtype)
    y = rng.integers(0, 10, size=60_000)
    return dict(name="(c) random 784-128-10, batch 128, 1 epoch of 60,000", X=X, y=y,
                sizes=(784, 128, 10), batch_size=128, epochs=1, learning_rate=0.1)


# --------------------------------------------------------------- contenders
def run_nnlib(w):
    n_in, n_hidden, n_out = w["sizes"]
    output, loss = (("sigmoid", "binary_crossentropy") if n_out == 1
                    else ("softmax", "categorical_crossentropy"))
    network = Network([Dense(n_in, n_hidden, "relu"), Dense(n_hidden, n_out, output)],
                      loss=loss, seed=0)
    if w["X"].dtype == np.float32:
        for layer in network.layers:
            layer.weights, layer.bias = layer.weights.astype(np.float32), layer.bias.astype(np.float32)
    start = time.perf_counter()
    network.fit(w["X"], w["y"], epochs=w["epochs"], learning_rate=w["learning_rate"],
                batch_size=w["batch_size"])
    return time.perf_counter() - start


def run_bare(w):
    """The floor: the same training written inline with NumPy, nothing else."""
    X, labels = w["X"], w["y"]
    n_in, n_hidden, n_out = w["sizes"]
    n, dtype, lr = len(X), X.dtype, w["learning_rate"]
    Y = labels.reshape(-1, 1).astype(dtype) if n_out == 1 else np.eye(n_out, dtype=dtype)[labels]
    rng = np.random.default_rng(0)
    W1 = rng.normal(0, np.sqrt(2 / n_in), (n_in, n_hidden)).astype(dtype)
    b1 = np.zeros(n_hidden, dtype)
    W2 = rng.uniform(-1, 1, (n_hidden, n_out)).astype(dtype) * np.sqrt(6 / (n_hidden + n_out))
    b2 = np.zeros(n_out, dtype)
    batch = n if w["batch_size"] is None else w["batch_size"]
    Z_seen = np.empty((n, n_out), dtype)
    start = time.perf_counter()
    for _ in range(w["epochs"]):
        order = rng.permutation(n) if batch < n else None
        for s in range(0, n, batch):
            rows = slice(s, s + batch) if order is None else order[s:s + batch]
            x, t = X[rows], Y[rows]
            z1 = x @ W1 + b1
            h = np.maximum(z1, 0)
            z2 = h @ W2 + b2
            Z_seen[rows] = z2
            if n_out == 1:
                p = np.exp(-np.logaddexp(0, -z2))
                d2 = (p - t) / z2.size
            else:
                e = np.exp(z2 - z2.max(axis=1, keepdims=True))
                d2 = (e / e.sum(axis=1, keepdims=True) - t) / len(z2)
            d1 = (d2 @ W2.T) * (z1 > 0)
            W2 -= lr * (h.T @ d2)
            b2 -= lr * d2.sum(axis=0)
            W1 -= lr * (x.T @ d1)
            b1 -= lr * d1.sum(axis=0)
        # per-epoch bookkeeping, as nnlib's history does
        if n_out == 1:
            loss = np.mean(np.maximum(Z_seen, 0) - Z_seen * Y + np.log1p(np.exp(-np.abs(Z_seen))))
            acc = np.mean((Z_seen[:, 0] >= 0) == labels)
        else:
            m = Z_seen.max(axis=1, keepdims=True)
            lse = m + np.log(np.exp(Z_seen - m).sum(axis=1, keepdims=True))
            loss = np.sum(Y * (lse - Z_seen)) / n
            acc = np.mean(Z_seen.argmax(axis=1) == labels)
        float(loss), float(acc)
    return time.perf_counter() - start


def run_sklearn(w):
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier
    n = len(w["X"])
    model = MLPClassifier(hidden_layer_sizes=(w["sizes"][1],), activation="relu", solver="sgd",
                          learning_rate_init=w["learning_rate"], momentum=0.0,
                          nesterovs_momentum=False, alpha=0.0, max_iter=w["epochs"],
                          batch_size=n if w["batch_size"] is None else w["batch_size"],
                          shuffle=True, tol=0.0, n_iter_no_change=w["epochs"] + 1,
                          early_stopping=False, random_state=0)
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(w["X"], w["y"])
    return time.perf_counter() - start


def run_torch(w):
    torch.manual_seed(0)
    dtype = torch.float32 if w["X"].dtype == np.float32 else torch.float64
    X = torch.from_numpy(w["X"])
    n_in, n_hidden, n_out = w["sizes"]
    model = torch.nn.Sequential(torch.nn.Linear(n_in, n_hidden), torch.nn.ReLU(),
                                torch.nn.Linear(n_hidden, n_out)).to(dtype)
    if n_out == 1:
        y = torch.from_numpy(w["y"].reshape(-1, 1).astype(w["X"].dtype))
        loss_fn = torch.nn.BCEWithLogitsLoss()
    else:
        y = torch.from_numpy(w["y"])
        loss_fn = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=w["learning_rate"])
    n = len(X)
    batch = n if w["batch_size"] is None else w["batch_size"]
    start = time.perf_counter()
    for _ in range(w["epochs"]):
        order = torch.randperm(n) if batch < n else torch.arange(n)
        total, correct = 0.0, 0
        for s in range(0, n, batch):
            rows = order[s:s + batch]
            optimizer.zero_grad()
            out = model(X[rows])
            loss = loss_fn(out, y[rows])
            loss.backward()
            optimizer.step()
            total += loss.item() * len(rows)
            with torch.no_grad():
                pred = (out[:, 0] >= 0).long() if n_out == 1 else out.argmax(dim=1)
                correct += int((pred == (y[rows][:, 0].long() if n_out == 1 else y[rows])).sum())
    return time.perf_counter() - start


# ------------------------------------------------------------ single steps
def bare_one_sample_sgd(X, labels, epochs, lr):
    """The floor of chapter 7's recipe: 3-3-1 (ReLU, sigmoid), sum of squared errors, one
    shuffled row per step, the epoch's loss and accuracy from each row's output as it was seen."""
    n, rng = len(X), np.random.default_rng(0)
    W1, b1, W2, b2 = rng.random((3, 3)), rng.random(3), rng.random((3, 1)), rng.random(1)
    Y, A_seen = labels.reshape(-1, 1).astype(float), np.empty((n, 1))
    start = time.perf_counter()
    for _ in range(epochs):
        for i in rng.permutation(n).tolist():
            x, t = X[i:i + 1], Y[i:i + 1]
            z1 = x @ W1 + b1
            h = np.maximum(z1, 0)
            a = np.exp(-np.logaddexp(0, -(h @ W2 + b2)))
            A_seen[i:i + 1] = a
            d2 = 2 * (a - t) * a * (1 - a)
            d1 = (d2 @ W2.T) * (z1 > 0)
            W2 -= lr * (h.T @ d2)
            b2 -= lr * np.add.reduce(d2, axis=0)
            W1 -= lr * (x.T @ d1)
            b1 -= lr * np.add.reduce(d1, axis=0)
        float(np.sum((A_seen - Y) ** 2)), float(np.mean((A_seen[:, 0] >= 0.5) == labels))
    return time.perf_counter() - start


def interleaved(contenders, w, repeats, order=random.Random(0)):
    """Each contender's times on workload ``w``: ``repeats`` rounds, each in a fresh order."""
    times = {name: [] for name in contenders}
    for _ in range(repeats):
        for name in order.sample(list(contenders), len(contenders)):
            times[name].append(contenders[name](w))
    return times


def paired_ratio(times, floor):
    """The median of the rounds' ratios times / floor, and their range: "1.05 (0.98-1.12)"."""
    ratios = [t / f for t, f in zip(times, floor)]
    return f"{statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f})"


def median_time(function, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def step_and_slider_times(repeats):
    """One single-sample step; and one change of a kernel-side explorer: retrain, then redraw."""
    from matplotlib.figure import Figure

    from nnlib.plotting import LiveFigure, decision_surface, plot_boundary_line

    X, y = font_colors(1345, seed=0)
    X = X / 255
    network = Network([Dense(3, 3, "relu", init="uniform"), Dense(3, 1, "sigmoid", init="uniform")],
                      loss="sse", seed=0)
    x1, y1 = X[:1], y[:1]
    one_step = median_time(lambda: network.step(x1, y1, 0.05), 2000)
    rows = round(1345 * 2 / 3)

    def nnlib_sgd(_):
        start = time.perf_counter()
        network.fit(X[:rows], y[:rows], epochs=5, learning_rate=0.05, batch_size=1)
        return time.perf_counter() - start

    sgd_times = interleaved({"nnlib": nnlib_sgd, "bare NumPy": lambda _: bare_one_sample_sgd(
        X[:rows], y[:rows], 5, 0.05)}, None, max(7, repeats * 3))   # as the workloads are
    sgd_step = {name: statistics.median(t) / (5 * rows) for name, t in sgd_times.items()}
    sgd_step["nnlib / bare"] = paired_ratio(sgd_times["nnlib"], sgd_times["bare NumPy"])

    def retrain():   # the explorer's default settings
        net = Network([Dense(3, 3, "relu", init="uniform"),
                       Dense(3, 1, "sigmoid", init="uniform")], loss="sse", seed=1)
        history = net.fit(X[:rows], y[:rows], epochs=300, learning_rate=1e-3, batch_size=rows)
        return net, history

    # The explorer's figure in outline: a decision surface with its 0.5 line, a loss curve.
    figure = Figure(figsize=(10, 3.8), dpi=200)
    ax_surface, ax_loss = figure.subplots(1, 2)
    net, history = retrain()
    gx, gy, surface = decision_surface(net, resolution=80)
    image = ax_surface.imshow(surface, origin="lower", extent=(0, 1, 0, 1), vmin=0, vmax=1,
                              cmap="RdBu", aspect="auto")
    figure.colorbar(image, ax=ax_surface)
    loss_line, = ax_loss.plot(history["loss"])
    ax_loss.set(xscale="log", yscale="log", xlim=(1, 1000), ylim=(0.5, 1000))
    live = LiveFigure(figure, [image, loss_line, ax_surface.title])
    boundary = live.add(plot_boundary_line(ax_surface, gx, gy, surface))
    live.render()

    def redraw(net, history):
        nonlocal boundary
        gx, gy, surface = decision_surface(net, resolution=80)
        image.set_data(surface)
        boundary = live.replace(boundary, plot_boundary_line(ax_surface, gx, gy, surface))
        loss_line.set_data(np.arange(1, len(history["loss"]) + 1), history["loss"])
        ax_surface.title.set_text(f"{len(history['loss'])} epochs")
        return live.render()

    retrain_times, change_times = [], []
    for _ in range(max(5, repeats * 2)):
        start = time.perf_counter()
        net, history = retrain()
        middle = time.perf_counter()
        redraw(net, history)
        retrain_times.append(middle - start)
        change_times.append(time.perf_counter() - start)
    return (one_step, sgd_step, statistics.median(retrain_times), statistics.median(change_times),
            rows)


# ---------------------------------------------------------------------- main
def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="runs per contender (median)")
    parser.add_argument("--quick", action="store_true", help="one run each")
    args = parser.parse_args()
    repeats = 1 if args.quick else args.repeats
    contenders = {"nnlib": run_nnlib, "bare NumPy": run_bare, "scikit-learn": run_sklearn}
    if torch is not None:
        torch.set_num_threads(1)
        contenders["PyTorch"] = run_torch
    import sklearn
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
          f"python {platform.python_version()}, numpy {np.__version__}, "
          f"scikit-learn {sklearn.__version__}, nnlib {nnlib.__version__}"
          + (f", torch {torch.__version__}" if torch is not None else ", torch absent")
          + "; every contender on one core; a ratio is the median of the rounds' own ratios, "
          "with their range in brackets")
    header = (f"| workload | dtype | " + " | ".join(f"{c} (s)" for c in contenders)
              + " | nnlib / bare | nnlib / sklearn |" + (" nnlib / torch |" if torch else ""))
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for make in (workload_font, workload_digits, workload_mnist):
        for dtype in (np.float64, np.float32):
            w = make(dtype)
            times = interleaved(contenders, w, repeats)
            med = {name: statistics.median(t) for name, t in times.items()}
            cells = " | ".join(f"{med[c]:.3f}" for c in contenders)
            ratios = "".join(f" | {paired_ratio(times['nnlib'], times[c])}"
                             for c in contenders if c != "nnlib")
            print(f"| {w['name']} | {np.dtype(dtype).name} | {cells}{ratios} |", flush=True)
    one_step, sgd_step, retrain, change, rows = step_and_slider_times(repeats)
    print(f"\nmedian one-sample SGD step, fit(batch_size=1) on {rows} rows (3-3-1 font network, "
          f"chapter 7's recipe): {sgd_step['nnlib'] * 1e6:.1f} µs -> 100,000 steps ≈ "
          f"{sgd_step['nnlib'] * 1e5:.1f} s; bare NumPy {sgd_step['bare NumPy'] * 1e6:.1f} µs; "
          f"nnlib / bare {sgd_step['nnlib / bare']}")
    print(f"median nnlib step() call on one sample (3-3-1 font network, with its argument checks):"
          f" {one_step * 1e6:.1f} µs -> 100,000 steps ≈ {one_step * 1e5:.1f} s")
    print(f"median change of a kernel-side explorer (3-3-1, {rows} rows, 300 full-batch epochs, "
          f"then a LiveFigure redraw): {change * 1e3:.1f} ms, of which retraining "
          f"{retrain * 1e3:.1f} ms")


if __name__ == "__main__":
    with threadpool_limits(limits=1):
        main()
