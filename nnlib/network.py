"""A network: layers in a row, a loss, and gradient descent.

``X`` is (n_samples, n_inputs), the output (n_samples, n_outputs); targets ``y`` (n,) or (n, 1)
for one output, (n, k) or (n,) class labels for k outputs, are made (n, k) once, at the door."""
import json

import numpy as np

from . import files
from .layers import Dense
from .losses import CombinedLoss, get_loss
from .validation import (check_bool, check_converging, check_finite, check_layer_list,
                         check_positive_float, check_positive_int, check_X, check_y, make_rng,
                         parameters)


class Network:
    """A feed-forward network of :class:`~nnlib.Dense` layers.

    ``layers``: Dense layers from input to output, a different object each, whose sizes chain.
    ``loss``: "sse", "mse", "binary_crossentropy" (needs a sigmoid output layer),
    "categorical_crossentropy" (needs a softmax output layer) or a Loss.
    ``seed``: None (the layers keep their weights, shuffling is unseeded), an int >= 0 or a
    numpy Generator: every layer's weights are re-drawn, in order, from one generator, which
    also shuffles the mini-batches in :meth:`fit`, so one seed fixes the whole run.
    """

    def __init__(self, layers, loss="mse", seed=None):
        self.layers = check_layer_list(layers, Dense)
        self.n_inputs, self.n_outputs = self.layers[0].n_inputs, self.layers[-1].n_outputs
        self.loss_function = get_loss(loss)
        self.loss_function.check_output_activation(self.layers[-1].activation)
        self.seed = seed
        self.rng = make_rng(seed)
        if seed is not None:
            for layer in self.layers:
                layer.initialize(self.rng)

    @property
    def n_parameters(self):
        """Total number of learned weights and biases."""
        return sum(layer.n_parameters for layer in self.layers)

    def summary(self):
        """A table of the layers, their array shapes and parameter counts (a string)."""
        rows = [f"{'layer':<8}{'activation':<13}{'weights':<12}{'bias':<9}{'parameters':>10}"]
        rows += [f"{i:<8}{layer.activation.name:<13}{str(layer.weights.shape):<12}"
                 f"{str(layer.bias.shape):<9}{layer.n_parameters:>10}"
                 for i, layer in enumerate(self.layers)]
        return "\n".join(rows + [f"{'total':<42}{self.n_parameters:>10}"])

    def __repr__(self):
        sizes = " -> ".join([str(self.n_inputs)] + [f"{l.n_outputs} {l.activation.name}"
                                                     for l in self.layers])
        return f"Network({sizes}, loss={self.loss_function.name!r})"

    def forward(self, X):
        """The network's output (n, n_outputs) for inputs X (n, n_inputs)."""
        check_finite(parameters(self.layers), "weights")
        return check_finite(self._forward(check_X(X, self.n_inputs)), "outputs")

    def _forward(self, X):
        a = X
        for layer in self.layers:
            a = layer.forward(a, checked=True)
        return a

    predict_proba = forward   # the output activations (n, n_outputs), as scikit-learn names them

    def predict(self, X):
        """Class labels (n,): output >= 0.5 for one output, the argmax for several."""
        return self._labels(self.forward(X)).astype(np.int64)

    @staticmethod
    def _labels(a):   # as bools for one output: they compare with 0/1 labels as they are
        return a[:, 0] >= 0.5 if a.shape[1] == 1 else a.argmax(axis=1)

    def score(self, X, y):
        """Accuracy: the fraction of samples whose predicted class equals y's."""
        a = self.forward(X)
        return float(np.mean(self._labels(a) == self._labels(check_y(y, len(a), self.n_outputs))))

    def loss(self, X, y):
        """The loss on (X, y), a float."""
        check_finite(parameters(self.layers), "weights")
        X, y = self._check_data(X, y)
        self._forward(X)
        return self._loss_of(self.layers[-1].z, self.layers[-1].a, y)

    def _check_data(self, X, y):
        X = check_X(X, self.n_inputs)
        y = self.loss_function.check_targets(check_y(y, X.shape[0], self.n_outputs))
        return X, y.astype(X.dtype, copy=False)

    def _loss_of(self, z, a, y):
        """The loss of the output layer's z and a against y (all checked already)."""
        if isinstance(self.loss_function, CombinedLoss):   # stable: computed from z
            return self.loss_function.from_logits(z, y, checked=True)
        return self.loss_function(a, y, checked=True)

    def _backward(self, y):
        """Backpropagate from the loss of the last forward pass; fills each layer's grads: the
        loss gives the last layer's dL/dz (its delta), and each layer passes dL/da back to the
        layer below, whose activation makes it that layer's delta."""
        layer, loss = self.layers[-1], self.loss_function
        if isinstance(loss, CombinedLoss):          # dL/dz straight from the logits
            delta = loss.delta(layer.z, y, layer.a, checked=True)
        else:                                       # dL/dz = dL/da * da/dz
            delta = layer.activation.backward(layer.z, layer.a, loss.gradient(layer.a, y, checked=True))
        for below in self.layers[-2::-1]:
            delta = below.activation.backward(below.z, below.a, layer.backward_delta(delta, checked=True))
            layer = below
        layer.backward_delta(delta, input_grad=False, checked=True)   # the first: no dL/dX of data

    def gradients(self, X, y):
        """dL/dweights and dL/dbias of every layer, a list of (grad_weights, grad_bias) pairs."""
        check_finite(parameters(self.layers), "weights")
        X, y = self._check_data(X, y)
        self._forward(X)
        self._backward(y)
        return [(layer.grad_weights.copy(), layer.grad_bias.copy()) for layer in self.layers]

    def step(self, X, y, learning_rate):
        """One gradient-descent update on the batch (X, y); returns the loss before it.

        A loss or new weight that is not finite undoes the step and raises TrainingDiverged."""
        learning_rate = check_positive_float(learning_rate, "learning_rate")
        X, y = self._check_data(X, y)
        before = parameters(self.layers)
        self._forward(X)
        loss = self._loss_of(self.layers[-1].z, self.layers[-1].a, y)
        self._update(y, learning_rate)
        check_converging(self.layers, before, parameters(self.layers), loss, learning_rate)
        return loss

    def _update(self, y, learning_rate):
        """Backpropagate the last forward pass and take one gradient-descent step."""
        self._backward(y)
        for layer in self.layers:
            layer.weights -= learning_rate * layer.grad_weights
            layer.bias -= learning_rate * layer.grad_bias   # 0 for a layer without bias

    def fit(self, X, y, epochs, learning_rate, batch_size=None, shuffle=True,
            validation_data=None, callback=None, progress=False):
        """Train with (mini-batch) gradient descent; return the history.

        ``epochs`` passes over X (n, n_inputs) and y in batches of ``batch_size`` rows (None:
        all n; 1: plain stochastic gradient descent), in a fresh random order if ``shuffle``
        (seeded by the network's seed).  After every epoch ``validation_data`` (X_val, y_val) is
        scored and ``callback(network, epoch, history)`` called; ``progress`` shows a tqdm bar.
        Returns a dict of lists, one entry per epoch: "loss" and "accuracy" on the training data
        (as its batches were seen, like Keras), "val_loss" and "val_accuracy" with validation
        data.  An epoch that ends with a loss or weight that is not finite is undone and
        :class:`~nnlib.TrainingDiverged` raised, naming it, with the history so far.
        """
        X, y, validation = self._check_fit(X, y, validation_data, callback)
        learning_rate = check_positive_float(learning_rate, "learning_rate")
        batch_size = len(X) if batch_size is None else check_positive_int(batch_size, "batch_size")
        shuffle = check_bool(shuffle, "shuffle")
        history = {"loss": [], "accuracy": []} | ({} if validation is None else
                                                  {"val_loss": [], "val_accuracy": []})
        labels = self._labels(y)
        epochs = range(check_positive_int(epochs, "epochs"))
        if check_bool(progress, "progress"):
            from tqdm.auto import tqdm
            epochs = tqdm(epochs, desc="training", unit="epoch")
        before = parameters(self.layers)
        for epoch in epochs:
            z_seen, a_seen = self._train_one_epoch(X, y, learning_rate, batch_size, shuffle)
            loss, after = self._loss_of(z_seen, a_seen, y), parameters(self.layers)
            check_converging(self.layers, before, after, loss, learning_rate, epoch, history)
            before = after
            self._record(history, loss, a_seen, labels, validation)
            if callback is not None:
                callback(self, epoch, history)
        return history

    def _check_fit(self, X, y, validation_data, callback):
        """The guards of fit: (X, y), validation data as a checked pair or None, a callable."""
        check_finite(parameters(self.layers), "weights")
        if callback is not None and not callable(callback):
            raise TypeError(f"callback must be callable, got {type(callback).__name__}")
        if validation_data is not None and (not isinstance(validation_data, (tuple, list))
                                            or len(validation_data) != 2):
            raise TypeError("validation_data must be a pair (X_val, y_val)")
        validation = validation_data and self._check_data(*validation_data)
        return (*self._check_data(X, y), validation)

    def _train_one_epoch(self, X, y, learning_rate, batch_size, shuffle):
        """One pass of gradient descent over (X, y), batch by batch; returns each row's output
        (z, a) as its batch saw it, before the update (z None if the loss does not need it)."""
        n, last = len(X), self.layers[-1]
        if batch_size >= n:   # one batch: its outputs are the epoch's, nothing to copy
            self._forward(X)
            seen = last.z, last.a
            self._update(y, learning_rate)
            return seen
        a_seen = np.empty((n, self.n_outputs), dtype=X.dtype)
        z_seen = np.empty_like(a_seen) if isinstance(self.loss_function, CombinedLoss) else None
        for rows in self._batches(n, batch_size, shuffle):
            self._forward(X[rows])
            a_seen[rows] = last.a
            if z_seen is not None:   # the loss is computed from z
                z_seen[rows] = last.z
            self._update(y[rows], learning_rate)
        return z_seen, a_seen

    def _batches(self, n, batch_size, shuffle):
        """The rows of each batch, in order or in a fresh random order (seeded)."""
        order = self.rng.permutation(n) if shuffle else np.arange(n)
        if batch_size == 1:   # one row as a slice: a view, faster than a copy
            return [slice(i, i + 1) for i in order.tolist()]
        return [order[start:start + batch_size] for start in range(0, n, batch_size)]

    def _record(self, history, loss, a_seen, labels, validation):
        """Add one epoch's loss and accuracy (and validation scores) to ``history``."""
        history["loss"].append(loss)
        history["accuracy"].append(float(np.mean(self._labels(a_seen) == labels)))
        if validation is not None:
            X_val, y_val = validation
            a_val = self._forward(X_val)
            history["val_loss"].append(self._loss_of(self.layers[-1].z, a_val, y_val))
            history["val_accuracy"].append(float(np.mean(self._labels(a_val) == self._labels(y_val))))

    # saving and export: the file format, and the checks of what is read, are in nnlib/files.py
    to_dict = files.network_to_dict
    from_dict = classmethod(files.network_from_dict)
    from_json = classmethod(files.network_from_json)
    save = files.save_network
    load = classmethod(files.load_network)

    def to_json(self, **kwargs):
        """:meth:`to_dict` as a JSON string (for a forward pass in the browser)."""
        return json.dumps(self.to_dict(), allow_nan=False, **kwargs)
