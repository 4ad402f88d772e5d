"""A network: layers in a row, a loss, and gradient descent.

Shapes: ``X`` is (n_samples, n_inputs of the first layer); the output is
(n_samples, n_outputs of the last layer).  Targets ``y`` may be (n,) or
(n, 1) for one output, and (n, k) or (n,) integer class labels for k
outputs; they are turned into (n, k) once, at the door.
"""
import json

import numpy as np

from .activations import get_activation
from .layers import Dense
from .losses import CombinedLoss, get_loss
from .validation import check_positive_float, check_positive_int, check_X, check_y

FILE_FORMAT = "nnlib-network"
FILE_VERSION = 1


class Network:
    """A feed-forward network of :class:`~nnlib.Dense` layers.

    Parameters
    ----------
    layers : list of Dense
        In order from input to output; each layer's ``n_inputs`` must equal the
        previous layer's ``n_outputs``.
    loss : str or Loss
        "sse", "mse", "binary_crossentropy" (needs a sigmoid output) or
        "categorical_crossentropy" (needs a softmax output).
    seed : int or None
        If given, every layer's weights are re-drawn, in order, from
        ``numpy.random.default_rng(seed)``, and the same generator shuffles
        the mini-batches in :meth:`fit`: one seed fixes the whole run.
        If None, the layers keep their weights and shuffling is unseeded.
    """

    def __init__(self, layers, loss="mse", seed=None):
        layers = list(layers) if not isinstance(layers, Dense) else [layers]
        if not layers:
            raise ValueError("layers must contain at least one Dense layer, got an empty list")
        for i, layer in enumerate(layers):
            if not isinstance(layer, Dense):
                raise TypeError(f"layers[{i}] must be a Dense layer, got {type(layer).__name__}")
        for i in range(1, len(layers)):
            if layers[i].n_inputs != layers[i - 1].n_outputs:
                raise ValueError(
                    f"layer sizes do not chain: layers[{i - 1}] has {layers[i - 1].n_outputs} "
                    f"outputs but layers[{i}] expects n_inputs={layers[i].n_inputs}; "
                    f"expected layers[{i}] = Dense({layers[i - 1].n_outputs}, ...)")
        self.layers = layers
        self.loss_function = get_loss(loss)
        # the stable cross-entropies work from the output layer's z and give dL/dz directly
        self._from_logits = isinstance(self.loss_function, CombinedLoss)
        needed = self.loss_function.requires_activation
        if needed and layers[-1].activation.name != needed:
            raise ValueError(f"loss {self.loss_function.name!r} needs a {needed!r} output layer, "
                             f"but the last layer's activation is "
                             f"{layers[-1].activation.name!r}")
        self.seed = seed
        self.rng = np.random.default_rng(seed)
        if seed is not None:
            for layer in layers:
                layer.initialize(self.rng)

    # ----------------------------------------------------------------- shapes
    @property
    def n_inputs(self):
        return self.layers[0].n_inputs

    @property
    def n_outputs(self):
        return self.layers[-1].n_outputs

    @property
    def n_parameters(self):
        """Total number of learned weights and biases."""
        return sum(layer.n_parameters for layer in self.layers)

    def summary(self):
        """A table of the layers, their array shapes and parameter counts (a string)."""
        rows = [f"{'layer':<8}{'activation':<13}{'weights':<12}{'bias':<9}{'parameters':>10}"]
        for i, layer in enumerate(self.layers):
            rows.append(f"{i:<8}{layer.activation.name:<13}{str(layer.weights.shape):<12}"
                        f"{str(layer.bias.shape):<9}{layer.n_parameters:>10}")
        rows.append(f"{'total':<42}{self.n_parameters:>10}")
        return "\n".join(rows)

    def __repr__(self):
        sizes = " -> ".join([str(self.n_inputs)] + [f"{l.n_outputs} {l.activation.name}"
                                                     for l in self.layers])
        return f"Network({sizes}, loss={self.loss_function.name!r})"

    # ---------------------------------------------------------------- forward
    def forward(self, X):
        """The network's output (n, n_outputs) for inputs X (n, n_inputs)."""
        return self._forward(check_X(X, self.n_inputs))

    def _forward(self, X):
        a = X
        for layer in self.layers:
            a = layer.forward(a)
        return a

    def predict_proba(self, X):
        """Same as :meth:`forward`: the output activations, (n, n_outputs)."""
        return self.forward(X)

    def predict(self, X):
        """Class labels (n,): output >= 0.5 for one output, the argmax for several."""
        return self._labels(self.forward(X))

    @staticmethod
    def _labels(a):
        if a.shape[1] == 1:
            return (a[:, 0] >= 0.5).astype(np.int64)
        return a.argmax(axis=1)

    def score(self, X, y):
        """Accuracy: the fraction of samples whose predicted class equals y's."""
        X = check_X(X, self.n_inputs)
        y = check_y(y, X.shape[0], self.n_outputs)
        return float(np.mean(self._labels(self._forward(X)) == self._labels(y)))

    # ------------------------------------------------------------ loss & grad
    def loss(self, X, y):
        """The loss on (X, y), a float."""
        X, y = self._check_data(X, y)
        self._forward(X)
        return self._loss_value(y)

    def _check_data(self, X, y):
        X = check_X(X, self.n_inputs)
        return X, check_y(y, X.shape[0], self.n_outputs, self.loss_function.name).astype(X.dtype)

    def _loss_value(self, y, z=None, a=None):
        """The loss of the output (z, a) -- by default the last forward pass -- against y."""
        last = self.layers[-1]
        # the underscored methods skip the argument checks: these arrays are checked already
        if self._from_logits:
            return self.loss_function._from_logits(last.z if z is None else z, y)
        return self.loss_function._value(last.a if a is None else a, y)

    def _backward(self, y):
        """Backpropagate from the loss of the last forward pass; fills each layer's grads."""
        last = self.layers[-1]
        first_layer_alone = len(self.layers) == 1   # no dL/dX needed for the data itself
        if self._from_logits:
            grad = last.backward_delta(self.loss_function._delta(last.z, y, last.a),
                                       input_grad=not first_layer_alone)
        else:
            grad = last.backward(self.loss_function._gradient(last.a, y),
                                 input_grad=not first_layer_alone)
        for i in range(len(self.layers) - 2, -1, -1):
            grad = self.layers[i].backward(grad, input_grad=i > 0)

    def gradients(self, X, y):
        """dL/dweights and dL/dbias for every layer: a list of (grad_weights, grad_bias) pairs.

        The weights are not changed.
        """
        X, y = self._check_data(X, y)
        self._forward(X)
        self._backward(y)
        return [(layer.grad_weights.copy(), layer.grad_bias.copy()) for layer in self.layers]

    # --------------------------------------------------------------- training
    def step(self, X, y, learning_rate):
        """One gradient-descent update on the batch (X, y); returns the loss before it."""
        learning_rate = check_positive_float(learning_rate, "learning_rate")
        X, y = self._check_data(X, y)
        return self._step(X, y, learning_rate)

    def _step(self, X, y, learning_rate):
        self._forward(X)
        loss = self._loss_value(y)
        self._update(y, learning_rate)
        return loss

    def _update(self, y, learning_rate):
        """Backpropagate the last forward pass and take one gradient-descent step."""
        self._backward(y)
        for layer in self.layers:
            layer.weights -= learning_rate * layer.grad_weights
            if layer.use_bias:
                layer.bias -= learning_rate * layer.grad_bias

    def fit(self, X, y, epochs, learning_rate, batch_size=None, shuffle=True,
            validation_data=None, callback=None, progress=False):
        """Train with (mini-batch) gradient descent; return the history.

        Parameters
        ----------
        X : array (n, n_inputs);  y : targets, see the module docstring.
        epochs : int
            Passes over the data.
        learning_rate : float
            Step size, > 0.
        batch_size : int or None
            Rows per update: None means the full batch (one update per epoch),
            1 is plain stochastic gradient descent.
        shuffle : bool
            Visit the rows in a fresh random order each epoch (seeded by the
            network's seed).
        validation_data : (X_val, y_val) or None
            Scored after every epoch.
        callback : callable or None
            Called as ``callback(network, epoch, history)`` after every epoch.
        progress : bool
            Show a tqdm progress bar over the epochs.

        Returns
        -------
        dict with lists, one entry per epoch: "loss" and "accuracy" on the
        training data (averaged over the epoch's batches as they were seen,
        like Keras), and "val_loss", "val_accuracy" with validation data.
        """
        epochs = check_positive_int(epochs, "epochs")
        learning_rate = check_positive_float(learning_rate, "learning_rate")
        X, y = self._check_data(X, y)
        n = X.shape[0]
        batch_size = n if batch_size is None else min(check_positive_int(batch_size, "batch_size"), n)
        if validation_data is not None:
            try:
                X_val, y_val = validation_data
            except (TypeError, ValueError):
                raise TypeError("validation_data must be a pair (X_val, y_val)") from None
            X_val, y_val = self._check_data(X_val, y_val)
        if callback is not None and not callable(callback):
            raise TypeError(f"callback must be callable, got {type(callback).__name__}")
        history = {"loss": [], "accuracy": []}
        if validation_data is not None:
            history.update(val_loss=[], val_accuracy=[])
        labels = self._labels(y)
        # Each batch's output, as it was when the batch was seen (before its update):
        # the epoch's loss and accuracy are computed from these once per epoch.
        z_seen = np.empty((n, self.n_outputs), dtype=X.dtype)
        a_seen = np.empty((n, self.n_outputs), dtype=X.dtype)
        last = self.layers[-1]
        epoch_range = range(epochs)
        if progress:
            from tqdm.auto import tqdm
            epoch_range = tqdm(epoch_range, desc="training", unit="epoch")
        for epoch in epoch_range:
            order = self.rng.permutation(n) if shuffle and batch_size < n else None
            for start in range(0, n, batch_size):
                if order is None:
                    rows = slice(start, start + batch_size)
                else:
                    rows = order[start:start + batch_size]
                yb = y[rows]
                self._forward(X[rows])
                z_seen[rows], a_seen[rows] = last.z, last.a
                self._update(yb, learning_rate)
            history["loss"].append(self._loss_value(y, z_seen, a_seen))
            history["accuracy"].append(float(np.mean(self._labels(a_seen) == labels)))
            if validation_data is not None:
                self._forward(X_val)
                history["val_loss"].append(self._loss_value(y_val))
                history["val_accuracy"].append(
                    float(np.mean(self._labels(self.layers[-1].a) == self._labels(y_val))))
            if callback is not None:
                callback(self, epoch, history)
        return history

    # --------------------------------------------------------- save & export
    def to_dict(self):
        """Architecture, activations, loss and weights as plain Python (JSON-ready)."""
        return {
            "format": FILE_FORMAT,
            "version": FILE_VERSION,
            "loss": self.loss_function.name,
            "layers": [{
                "n_inputs": layer.n_inputs,
                "n_outputs": layer.n_outputs,
                "activation": layer.activation.name,
                "activation_params": layer.activation.params(),
                "use_bias": layer.use_bias,
                "weights": layer.weights.tolist(),
                "bias": layer.bias.tolist(),
            } for layer in self.layers],
        }

    def to_json(self, **kwargs):
        """:meth:`to_dict` as a JSON string (for a forward pass in the browser)."""
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls, data):
        """Rebuild a network from :meth:`to_dict` output."""
        if not isinstance(data, dict) or data.get("format") != FILE_FORMAT:
            raise ValueError(f"not an nnlib network: expected a dict with format={FILE_FORMAT!r}")
        if data.get("version") != FILE_VERSION:
            raise ValueError(f"unsupported nnlib network version {data.get('version')!r}; "
                             f"this nnlib reads version {FILE_VERSION}")
        layers = []
        for i, spec in enumerate(data["layers"]):
            layer = Dense(spec["n_inputs"], spec["n_outputs"],
                          get_activation(spec["activation"], **spec.get("activation_params", {})),
                          init="zeros", use_bias=spec.get("use_bias", True))
            weights, bias = np.asarray(spec["weights"]), np.asarray(spec["bias"])
            if weights.dtype != np.float32:          # lists from JSON, or float64 arrays
                weights, bias = weights.astype(np.float64), bias.astype(np.float64)
            if weights.shape != layer.weights.shape or bias.shape != layer.bias.shape:
                raise ValueError(f"layer {i}: weights {weights.shape} / bias {bias.shape} do not "
                                 f"match ({spec['n_inputs']}, {spec['n_outputs']})")
            layer.weights, layer.bias = weights, bias
            layers.append(layer)
        return cls(layers, loss=data["loss"])

    @classmethod
    def from_json(cls, text):
        """Rebuild a network from :meth:`to_json` output."""
        return cls.from_dict(json.loads(text))

    def save(self, path):
        """Save to a ``.npz`` file (no pickles): the architecture as JSON plus the arrays."""
        spec = self.to_dict()
        arrays = {}
        for i, (layer, layer_spec) in enumerate(zip(self.layers, spec["layers"])):
            arrays[f"weights_{i}"] = layer.weights
            arrays[f"bias_{i}"] = layer.bias
            del layer_spec["weights"], layer_spec["bias"]
        np.savez(path, architecture=np.array(json.dumps(spec)), **arrays)

    @classmethod
    def load(cls, path):
        """Load a network saved by :meth:`save`; raises ValueError for any other file."""
        try:
            with np.load(path, allow_pickle=False) as data:
                files = dict(data)
        except (OSError, ValueError) as exc:
            raise ValueError(f"{path!s} is not an nnlib network file (.npz written by "
                             f"Network.save): {exc}") from None
        if "architecture" not in files:
            raise ValueError(f"{path!s} is not an nnlib network file: it has no 'architecture' "
                             f"entry (found {sorted(files)})")
        spec = json.loads(str(files["architecture"]))
        for i, layer_spec in enumerate(spec.get("layers", [])):
            layer_spec["weights"] = files[f"weights_{i}"]
            layer_spec["bias"] = files[f"bias_{i}"]
        return cls.from_dict(spec)
