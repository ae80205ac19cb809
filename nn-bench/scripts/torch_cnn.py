#!/usr/bin/env python3
"""PyTorch timing of nn's CNN presets (cnn-bn, cnn-no-bn), to compare an epoch's time with nn's.

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 nn-bench/scripts/torch_cnn.py --arch cnn-bn --epochs 1 --threads 1

The same architecture as nn-io's preset: Conv 32 (3x3, same) -> BN -> ReLU -> MaxPool 2 -> Conv 64
-> BN -> ReLU -> MaxPool 2 -> Flatten -> Dense 128 -> BN -> ReLU -> Dropout 0.5 -> Dense 10; no
biases before BN, biases everywhere in cnn-no-bn. PyTorch's own convolution kernels and BatchNorm
(eps 1e-3, Keras momentum 0.99); SGD 0.01, momentum 0.9, Nesterov, decay 1e-6 as Keras (torch_mlp's
KerasSGD). Prints "TRAIN ... epoch median Xs" as torch_mlp.py does.
"""
import argparse
import statistics
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from torch_mlp import KerasSGD, evaluate, load_idx


def block(c_in, c_out, bn):
    layers = [nn.Conv2d(c_in, c_out, 3, padding=1, bias=not bn)]
    if bn:
        layers.append(nn.BatchNorm2d(c_out, eps=1e-3, momentum=0.01))
    return layers + [nn.ReLU(), nn.MaxPool2d(2)]


def build(arch):
    bn = arch == "cnn-bn"
    dense = [nn.Linear(7 * 7 * 64, 128, bias=not bn)] + ([nn.BatchNorm1d(128, eps=1e-3, momentum=0.01)] if bn else [])
    return nn.Sequential(*block(1, 32, bn), *block(32, 64, bn), nn.Flatten(), *dense, nn.ReLU(), nn.Dropout(0.5),
                         nn.Linear(128, 10))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--arch", choices=["cnn-bn", "cnn-no-bn"], default="cnn-bn")
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--limit-train", type=int, default=None)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    rng = np.random.default_rng(1)

    x = torch.from_numpy(load_idx("train-images-idx3-ubyte.gz").astype(np.float32) / 255.0).unsqueeze(1)
    y = torch.from_numpy(load_idx("train-labels-idx1-ubyte.gz").astype(np.int64))
    xte = torch.from_numpy(load_idx("t10k-images-idx3-ubyte.gz").astype(np.float32) / 255.0).unsqueeze(1)
    yte = torch.from_numpy(load_idx("t10k-labels-idx1-ubyte.gz").astype(np.int64))
    if args.limit_train:
        x, y = x[:args.limit_train], y[:args.limit_train]
    model = build(args.arch)
    opt = KerasSGD(model.parameters())
    n, bs = x.shape[0], args.batch_size
    times = []
    model.train()
    for epoch in range(1, args.epochs + 1):
        perm = torch.from_numpy(rng.permutation(n))
        t0 = time.perf_counter()
        c0 = time.process_time()
        for s in range(0, n, bs):
            idx = perm[s:s + bs]
            loss = F.cross_entropy(model(x.index_select(0, idx)), y.index_select(0, idx))
            opt.zero_grad()
            loss.backward()
            opt.step()
        times.append(time.perf_counter() - t0)
        cpu = time.process_time() - c0
        print(f"epoch {epoch}  train_s {times[-1]:.3f}  cpu_s {cpu:.3f}  cpu_ms_per_step {1000 * cpu / -(-n // bs):.2f}"
              f"  loss {loss.item():.4f}", flush=True)
    test_loss, test_acc = evaluate(model, xte, yte)
    print(f"TEST loss {test_loss:.4f} acc {test_acc:.4f}")
    print(f"TRAIN {args.arch} threads {args.threads} batch {bs} samples {n}: epoch median {statistics.median(times):.3f}s")


if __name__ == "__main__":
    main()
