"""The network file format: :meth:`Network.to_dict`, JSON and ``.npz`` files, read with care.

A file or dict from outside is untrusted: every size and shape it declares is checked (at most
:data:`MAX_PARAMETERS` weights and biases) before anything is allocated, and anything malformed
raises ``ValueError``.  :class:`~nnlib.Network`'s ``to_dict``, ``from_dict``, ``to_json``,
``from_json``, ``save`` and ``load`` call the functions here.
"""
import json
import os
import zipfile
import zlib

import numpy as np

from .activations import get_activation
from .layers import Dense
from .validation import FLOATS, check_finite, parameters

FILE_FORMAT = "nnlib-network"
FILE_VERSION = 1
MAX_PARAMETERS = 20_000_000
"""The most weights and biases (160 MB in float64) that :meth:`Network.load`, ``from_json`` and
``from_dict`` accept; sizes are checked against it before anything is allocated."""
LAYER_KEYS = {"n_inputs", "n_outputs", "activation", "activation_params", "use_bias", "weights",
              "bias"}


def parse_json(text, name="text"):
    """The JSON ``text`` as Python; ValueError if it is not JSON or nested too deeply."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError(f"{name} is nested too deeply to be an nnlib network") from None
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} is not a JSON text: {exc}") from None


def check_network_spec(data, arrays=True):
    """The layer dicts of a :meth:`Network.to_dict` (without weights if not ``arrays``), each
    size checked before anything is allocated; ValueError for anything else."""
    if not isinstance(data, dict) or data.get("format") != FILE_FORMAT:
        raise ValueError(f"not an nnlib network: expected a dict with format={FILE_FORMAT!r}")
    if data.get("version") != FILE_VERSION:
        raise ValueError(f"unsupported nnlib network version {data.get('version')!r}; "
                         f"this nnlib reads version {FILE_VERSION}")
    if set(data) != {"format", "version", "loss", "layers"}:
        raise ValueError(f"an nnlib network has the keys format, version, loss and layers, "
                         f"got {sorted(map(str, data))}")
    if not isinstance(data["layers"], list) or not data["layers"]:
        raise ValueError(f"'layers' must be a non-empty list, got {type(data['layers']).__name__}")
    if not isinstance(data["loss"], str):
        raise ValueError(f"'loss' must be a name, got {data['loss']!r}")
    total = sum(_declared_size(spec, i, arrays) for i, spec in enumerate(data["layers"]))
    if total > MAX_PARAMETERS:
        raise ValueError(f"the network declares {total:,} parameters, more than "
                         f"nnlib.files.MAX_PARAMETERS = {MAX_PARAMETERS:,}")
    return data["layers"]


def _declared_size(spec, i, arrays):
    """How many parameters layer ``i`` declares, once its keys and sizes are checked."""
    required = LAYER_KEYS - {"activation_params", "use_bias"} - (set() if arrays else
                                                                  {"weights", "bias"})
    if not isinstance(spec, dict) or not required <= set(spec) <= LAYER_KEYS:
        raise ValueError(f"layer {i} must be a dict with the keys {sorted(required)} (and "
                         f"optionally activation_params, use_bias), got "
                         f"{sorted(map(str, spec)) if isinstance(spec, dict) else spec!r:.80}")
    sizes = (spec["n_inputs"], spec["n_outputs"])
    if not all(type(n) is int and n > 0 for n in sizes):
        raise ValueError(f"layer {i}: n_inputs and n_outputs must be positive integers, "
                         f"got {sizes!r:.80}")
    if type(spec.get("use_bias", True)) is not bool:
        raise ValueError(f"layer {i}: use_bias must be true or false, got {spec['use_bias']!r:.80}")
    return (sizes[0] + 1) * sizes[1]


def check_parameters(value, shape, name):
    """A weights or bias array from outside: real, finite and of exactly ``shape``."""
    try:
        arr = np.asarray(value)
    except (TypeError, ValueError, RecursionError) as exc:
        raise ValueError(f"{name} is not an array of numbers: {exc}") from None
    if arr.dtype.kind not in "iuf" or arr.shape != shape or not np.isfinite(arr).all():
        raise ValueError(f"{name} must be finite real numbers of shape {shape}, got "
                         f"{arr.dtype} of shape {arr.shape}")
    return arr if arr.dtype == np.float32 else arr.astype(np.float64)


def read_network_file(path):
    """The :meth:`Network.to_dict` of a ``.npz`` file of :meth:`Network.save`; every member's
    declared shape is checked before it is read.  ValueError for any other file."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = {info.filename: info for info in archive.infolist()}
            if "architecture.npy" not in members:
                raise ValueError(f"it has no 'architecture' entry (found {sorted(members)})")
            spec = parse_json(str(_read_npy(archive, members["architecture.npy"], ())),
                              "its architecture")
            layers = check_network_spec(spec, arrays=False)
            shapes = {f"{kind}_{i}.npy": shape for i, layer in enumerate(layers) for kind, shape
                      in (("weights", (layer["n_inputs"], layer["n_outputs"])),
                          ("bias", (layer["n_outputs"],)))}
            if set(members) != set(shapes) | {"architecture.npy"}:
                raise ValueError(f"it has the arrays {sorted(members)}, expected {sorted(shapes)}")
            arrays = {name: _read_npy(archive, members[name], shape)
                      for name, shape in shapes.items()}
    except (OSError, EOFError, ValueError, zipfile.BadZipFile, zlib.error) as exc:
        raise ValueError(f"{path!s} is not an nnlib network file (.npz written by "
                         f"Network.save): {exc}") from None
    for i, layer in enumerate(layers):
        layer["weights"], layer["bias"] = arrays[f"weights_{i}.npy"], arrays[f"bias_{i}.npy"]
    return spec


def _read_npy(archive, info, shape):
    """A member of ``shape`` and a float dtype (text of at most 1 MB for shape ()), read only
    after its header has declared them."""
    with archive.open(info) as file:
        version = np.lib.format.read_magic(file)
        read_header = {(1, 0): np.lib.format.read_array_header_1_0,
                       (2, 0): np.lib.format.read_array_header_2_0}.get(version)
        declared, _, dtype = read_header(file) if read_header else (None, None, None)
        text = shape == () and dtype is not None and dtype.kind == "U" and dtype.itemsize < 4e6
        if declared != shape or not (text or (shape != () and dtype in FLOATS)):
            raise ValueError(f"{info.filename} holds {dtype} of shape {declared}, expected "
                             f"{'text' if shape == () else 'float32 or float64'} of shape {shape}")
    with archive.open(info) as file:
        return np.lib.format.read_array(file, allow_pickle=False)


def network_to_dict(network):
    """Architecture, activations, loss and weights as plain Python (JSON-ready); refuses a
    network whose weights are not finite."""
    check_finite(parameters(network.layers), "weights")
    return {"format": FILE_FORMAT, "version": FILE_VERSION, "loss": network.loss_function.name,
            "layers": [{"n_inputs": layer.n_inputs, "n_outputs": layer.n_outputs,
                        "activation": layer.activation.name,
                        "activation_params": layer.activation.params(),
                        "use_bias": layer.use_bias, "weights": layer.weights.tolist(),
                        "bias": layer.bias.tolist()} for layer in network.layers]}


def network_from_dict(network_class, data):
    """Rebuild a network from :meth:`Network.to_dict` output; ValueError for anything else.

    Sizes are checked (at most :data:`MAX_PARAMETERS` parameters) before anything is allocated."""
    layers = []
    for i, spec in enumerate(check_network_spec(data)):
        shape = (spec["n_inputs"], spec["n_outputs"])
        weights = check_parameters(spec["weights"], shape, f"layer {i}: weights")
        bias = check_parameters(spec["bias"], shape[1:], f"layer {i}: bias")
        if not spec.get("use_bias", True) and bias.any():
            raise ValueError(f"layer {i} has use_bias=False but a bias that is not 0")
        try:
            activation = get_activation(spec["activation"], **spec.get("activation_params", {}))
            layer = Dense(*shape, activation, init="zeros", use_bias=spec.get("use_bias", True))
        except TypeError as exc:
            raise ValueError(f"layer {i}: {exc}") from None
        layer.weights, layer.bias = weights, bias.astype(weights.dtype)
        layers.append(layer)
    return network_class(layers, loss=data["loss"])


def network_from_json(network_class, text):
    """Rebuild a network from :meth:`Network.to_json` output; ValueError for anything else."""
    return network_from_dict(network_class, parse_json(text))


def load_network(network_class, path):
    """Load a network saved by :meth:`Network.save` (``.npz`` added to ``path`` if missing, as
    save does); ValueError for any other file, whose declared sizes are checked first."""
    return network_from_dict(network_class, read_network_file(npz_path(path)))


def save_network(network, path):
    """Save to a ``.npz`` file (no pickles): the architecture as JSON plus the arrays;
    ``.npz`` is added to ``path`` if missing, as :meth:`Network.load` does.  Refuses a
    network whose weights are not finite."""
    spec = network_to_dict(network)
    arrays = {}
    for i, (layer, layer_spec) in enumerate(zip(network.layers, spec["layers"])):
        arrays[f"weights_{i}"], arrays[f"bias_{i}"] = layer.weights, layer.bias
        del layer_spec["weights"], layer_spec["bias"]
    np.savez(npz_path(path), architecture=np.array(json.dumps(spec)), **arrays)


def npz_path(path):
    """``path`` with ``.npz`` added when it does not end in it (as numpy.savez does)."""
    if isinstance(path, (str, os.PathLike)) and not os.fspath(path).endswith(".npz"):
        return os.fspath(path) + ".npz"
    return path
