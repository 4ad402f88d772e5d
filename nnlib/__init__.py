"""nnlib: a small, vectorized neural network library, written to be read.

The whole forward/backward core is four short modules:

- :mod:`nnlib.activations`: linear, sigmoid, tanh, relu, leaky_relu, softmax;
  each with value, derivative and SymPy form;
- :mod:`nnlib.losses`: sse, mse, binary and categorical cross-entropy;
- :mod:`nnlib.layers`: :class:`Dense`, with ``forward`` and ``backward``;
- :mod:`nnlib.network`: :class:`Network`: predict, loss, gradients, step, fit,
  save and export.

Their argument checks are in :mod:`nnlib.validation`, so that the mathematics reads without
them: bad input raises an error naming the argument, and training that diverges raises
:class:`TrainingDiverged` with the last finite weights put back.  Around it:
:func:`gradient_check`, :mod:`nnlib.files` (the network file format, read with care),
:mod:`nnlib.datasets`, :mod:`nnlib.plotting` (static figures), :mod:`nnlib.interactive`
(figures a reader moves, with or without a kernel), :mod:`nnlib.web` (networks that compute and
train in a web page, in JavaScript twins of this core) and :mod:`nnlib.exercises`.  Only NumPy
is imported here; SymPy, matplotlib, tqdm and scikit-learn load when a function needs them.

A batch of samples is always the rows of a matrix: X has shape
(n_samples, n_features).
"""
from .activations import (ACTIVATIONS, Activation, LeakyReLU, Linear, ReLU, Sigmoid, Softmax,
                          Tanh, get_activation)
from .gradcheck import gradient_check, numerical_gradients
from .layers import Dense
from .losses import (LOSSES, BinaryCrossEntropy, CategoricalCrossEntropy, CombinedLoss, Loss,
                     MeanSquaredError, SumSquaredError, get_loss)
from .network import Network
from .datasets import one_hot
from .validation import TrainingDiverged

__version__ = "0.1.0"

__all__ = [
    "ACTIVATIONS", "Activation", "Linear", "Sigmoid", "Tanh", "ReLU", "LeakyReLU", "Softmax",
    "get_activation", "LOSSES", "Loss", "SumSquaredError", "MeanSquaredError",
    "BinaryCrossEntropy", "CategoricalCrossEntropy", "CombinedLoss", "get_loss", "Dense", "Network",
    "gradient_check", "numerical_gradients", "one_hot", "TrainingDiverged",
]
