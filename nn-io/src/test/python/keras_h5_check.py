"""An independent check of nn's Keras .h5 files, with h5py and numpy only (no Keras, no nn code).

read FILE INPUTS ROWS OUT
    Reads FILE as Keras 2's legacy loader does (model_config, layer_names and weight_names, each
    possibly split into name0, name1, ...; a layer without weight_names has no weights; weights
    matched to layers by position), runs a numpy forward pass over INPUTS (ROWS rows of float32,
    little-endian) and writes the predictions to OUT (float32, little-endian).

write FILE INPUTS ROWS OUT
    Writes a small Sequential model (Flatten, Dense relu, BatchNormalization, Dropout, Dense softmax)
    in Keras 2's layout the way Keras's own save_model_to_hdf5 writes it (JSON attributes as utf-8
    bytes, name lists as fixed-length byte strings, an empty weight_names for the Dropout, weight
    names with ':0' as nested groups), and writes its numpy predictions over INPUTS to OUT.

write3 FILE INPUTS ROWS OUT
    As write, in the flavour of Keras 3's legacy writer (weight names are variable paths without
    ':0', e.g. dense/kernel), with layer_names split into layer_names0 and layer_names1 as Keras
    splits attributes over its HDF5 header limit.

hostile FILE INPUTS ROWS OUT
    As write, then swaps the first kernel for a dataset that declares 100000 x 100000 float32
    (40 GB) but stores nothing (h5py allocates lazily): a small file a reader must not trust.
"""
import json
import sys

import h5py
import numpy as np


def attribute_list(group, name):
    """Keras's load_attributes_from_hdf5_group: the attribute, or its chunks name0, name1, ..."""
    if name in group.attrs:
        values = group.attrs[name]
    else:
        values = []
        chunk = 0
        while f"{name}{chunk}" in group.attrs:
            values.extend(group.attrs[f"{name}{chunk}"])
            chunk += 1
    return [v.decode("utf8") if hasattr(v, "decode") else v for v in values]


def text(value):
    return value.decode("utf8") if hasattr(value, "decode") else value


def load(path):
    with h5py.File(path, "r") as f:
        config = json.loads(text(f.attrs["model_config"]))
        assert config["class_name"] == "Sequential", config["class_name"]
        for key in ("keras_version", "backend"):
            assert key in f.attrs, key
        weights_group = f["model_weights"] if "model_weights" in f else f
        layer_names = attribute_list(weights_group, "layer_names")
        weights = []
        for name in layer_names:
            g = weights_group[name]
            names = attribute_list(g, "weight_names")
            if names:
                weights.append([np.asarray(g[n]) for n in names])
    layers = [l for l in config["config"]["layers"] if l["class_name"] != "InputLayer"]
    with_weights = [l for l in layers if l["class_name"] in ("Dense", "BatchNormalization")]
    assert len(with_weights) == len(weights), (len(with_weights), len(weights))
    return layers, dict(zip([l["config"]["name"] for l in with_weights], weights))


def activation(x, name):
    if name in (None, "linear"):
        return x
    if name == "relu":
        return np.maximum(x, 0)
    if name == "tanh":
        return np.tanh(x)
    if name == "softmax":
        e = np.exp(x - x.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    raise ValueError(name)


def forward(layers, weights, x):
    x = x.astype(np.float64)
    for layer in layers:
        kind, config = layer["class_name"], layer["config"]
        if kind == "Flatten":
            x = x.reshape(len(x), -1)
        elif kind == "Dense":
            w = weights[config["name"]]
            x = x @ w[0] + (w[1] if config.get("use_bias", True) else 0)
            x = activation(x, config.get("activation"))
        elif kind == "BatchNormalization":
            gamma, beta, mean, var = weights[config["name"]]
            x = (x - mean) / np.sqrt(var + config.get("epsilon", 1e-3)) * gamma + beta
        elif kind == "Activation":
            x = activation(x, config["activation"])
        elif kind == "Dropout":
            pass
        else:
            raise ValueError(kind)
    return x.astype(np.float32)


def write(path, keras3=False):
    rng = np.random.default_rng(7)
    def dense(name, units, act, batch_shape=None):
        c = {"name": name, "trainable": True, "dtype": "float32", "units": units, "activation": act,
             "use_bias": True, "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
             "bias_initializer": {"class_name": "Zeros", "config": {}}, "kernel_regularizer": None,
             "bias_regularizer": None, "activity_regularizer": None, "kernel_constraint": None, "bias_constraint": None}
        return {"class_name": "Dense", "config": c}
    layers = [
        {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 3, 4], "dtype": "float32",
                                                "sparse": False, "ragged": False, "name": "flatten_input"}},
        {"class_name": "Flatten", "config": {"name": "flatten", "trainable": True, "dtype": "float32",
                                             "data_format": "channels_last"}},
        dense("dense", 6, "relu"),
        {"class_name": "BatchNormalization", "config": {"name": "batch_normalization", "trainable": True,
            "dtype": "float32", "axis": [1], "momentum": 0.99, "epsilon": 0.001, "center": True, "scale": True}},
        {"class_name": "Dropout", "config": {"name": "dropout", "trainable": True, "dtype": "float32", "rate": 0.5,
                                             "noise_shape": None, "seed": None}},
        dense("dense_1", 3, "softmax"),
    ]
    model_config = {"class_name": "Sequential", "config": {"name": "sequential", "layers": layers}}
    training_config = {"loss": "sparse_categorical_crossentropy", "metrics": [[{"class_name": "MeanMetricWrapper",
        "config": {"name": "accuracy", "dtype": "float32", "fn": "sparse_categorical_accuracy"}}]],
        "weighted_metrics": None, "loss_weights": None,
        "optimizer_config": {"class_name": "SGD", "config": {"name": "SGD", "learning_rate": 0.01, "decay": 0.0,
                                                            "momentum": 0.9, "nesterov": False}}}
    f32 = lambda *shape: rng.standard_normal(shape).astype(np.float32)
    weights = {
        "flatten": [],
        "dense": [("dense/kernel:0", f32(12, 6)), ("dense/bias:0", f32(6))],
        "batch_normalization": [("batch_normalization/gamma:0", f32(6)), ("batch_normalization/beta:0", f32(6)),
                                ("batch_normalization/moving_mean:0", f32(6)),
                                ("batch_normalization/moving_variance:0", np.abs(f32(6)) + 0.5)],
        "dropout": [],
        "dense_1": [("dense_1/kernel:0", f32(6, 3)), ("dense_1/bias:0", f32(3))],
    }
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = "2.13.1"
        f.attrs["backend"] = "tensorflow"
        f.attrs["model_config"] = json.dumps(model_config).encode("utf8")
        f.attrs["training_config"] = json.dumps(training_config).encode("utf8")
        g = f.create_group("model_weights")
        names = np.array([n.encode("utf8") for n in weights])
        if keras3:
            g.attrs["layer_names0"], g.attrs["layer_names1"] = names[:2], names[2:]
        else:
            g.attrs["layer_names"] = names
        g.attrs["backend"] = "tensorflow".encode("utf8")
        g.attrs["keras_version"] = "2.13.1".encode("utf8")
        if keras3:
            weights = {layer: [(n[:-2], v) for n, v in values] for layer, values in weights.items()}
        for layer, values in weights.items():
            lg = g.create_group(layer)
            lg.attrs["weight_names"] = np.array([n.encode("utf8") for n, _ in values])  # empty: float64 []
            for name, value in values:
                dset = lg.create_dataset(name, value.shape, dtype=value.dtype)
                dset[:] = value
    return layers[1:], {k: [v for _, v in vs] for k, vs in weights.items() if vs}


def main():
    command, path, inputs, rows, out = sys.argv[1:6]
    x = np.fromfile(inputs, dtype="<f4").reshape(int(rows), -1)
    layers, weights = load(path) if command == "read" else write(path, keras3=command == "write3")
    if command == "hostile":
        with h5py.File(path, "a") as f:
            del f["model_weights/dense/dense/kernel:0"]
            f["model_weights/dense"].create_dataset("dense/kernel:0", (100000, 100000), dtype="f4")
    if command in ("write", "write3"):
        assert load(path)[1].keys() == weights.keys()
    forward(layers, weights, x).astype("<f4").tofile(out)


if __name__ == "__main__":
    main()
