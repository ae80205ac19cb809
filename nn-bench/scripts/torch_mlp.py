#!/usr/bin/env python3
"""PyTorch reproduction of the Keras Fashion-MNIST BatchNorm MLP tutorial.

The reference nn is timed against: the script the project was given with its specification
(torch_seed.py), kept here unchanged but for this paragraph so the repository stands alone.
Run it with Debian's PyTorch: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 nn-bench/scripts/torch_mlp.py
--epochs 2 --threads 1.

Keras reference:
  Flatten -> Dense(300,no bias) BN ReLU -> Dense(200,no bias) BN ReLU
          -> Dense(100,no bias) BN ReLU -> Dense(10, softmax)
  SGD(lr=0.01, decay=1e-6, momentum=0.9, nesterov=True), sparse CE,
  fit(epochs=60, batch_size=32, shuffle=True, validation = first 5000 train images)

Matching details:
  * Dense kernels glorot_uniform, biases zeros.
  * BatchNorm eps=1e-3, Keras momentum 0.99 (== PyTorch momentum 0.01),
    gamma=1, beta=0.  --bn keras (default) updates the moving variance with the
    biased batch variance as Keras does; --bn torch uses nn.BatchNorm1d
    (unbiased variance in the running estimate).
  * --optimizer keras (default): exact Keras update
        lr_t = lr / (1 + decay * iterations)      (iterations = steps done so far)
        v = momentum * v - lr_t * g
        p = p + momentum * v - lr_t * g           (nesterov)
    --optimizer torch: torch.optim.SGD(nesterov=True) with lr set per step to
    lr_t (buffer accumulates un-scaled gradients; identical when lr is constant).
  * Loss: softmax + sparse CE computed as cross_entropy on logits (what
    tf.keras does internally when the output op is a Softmax).
  * Inputs /255 as float32; every epoch shuffles all training samples; the last
    partial batch is kept (Keras behaviour).
"""
import argparse
import gzip
import os
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

DATA_DIR = "/usr/share/datasets/fashion-mnist"


def load_idx(name):
    with gzip.open(os.path.join(DATA_DIR, name), "rb") as f:
        data = f.read()
    magic = int.from_bytes(data[0:4], "big")
    ndim = magic & 0xFF
    dims = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim)]
    arr = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim)
    return arr.reshape(dims)


def glorot_uniform_(w):
    # torch Linear weight is (out, in); glorot limit is symmetric in fan_in/fan_out
    fan_out, fan_in = w.shape
    limit = (6.0 / (fan_in + fan_out)) ** 0.5
    with torch.no_grad():
        w.uniform_(-limit, limit)


class KerasBN(nn.Module):
    """BatchNorm over dim 0 with Keras semantics (biased var in moving stats)."""

    def __init__(self, n, momentum=0.99, eps=1e-3):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(n))
        self.bias = nn.Parameter(torch.zeros(n))
        self.register_buffer("running_mean", torch.zeros(n))
        self.register_buffer("running_var", torch.ones(n))
        self.momentum = momentum
        self.eps = eps

    def forward(self, x):
        if self.training:
            var, mean = torch.var_mean(x, dim=0, unbiased=False)
            with torch.no_grad():
                self.running_mean.mul_(self.momentum).add_(mean, alpha=1 - self.momentum)
                self.running_var.mul_(self.momentum).add_(var, alpha=1 - self.momentum)
        else:
            mean, var = self.running_mean, self.running_var
        inv = torch.rsqrt(var + self.eps) * self.weight
        return x * inv + (self.bias - mean * inv)


def make_bn(n, kind):
    if kind == "torch":
        return nn.BatchNorm1d(n, eps=1e-3, momentum=0.01)
    return KerasBN(n)


def build_model(bn_kind, arch="bn-before", width_scale=1):
    """arch: bn-before (the tutorial's main model), bn-after (BN after ReLU), no-bn (Dense with bias, no BN);
    width_scale multiplies the hidden widths (nn bench --growth)."""
    layers = [nn.Flatten()]
    dims = [784] + [w * width_scale for w in (300, 200, 100)]
    for i in range(3):
        lin = nn.Linear(dims[i], dims[i + 1], bias=(arch == "no-bn"))
        glorot_uniform_(lin.weight)
        if lin.bias is not None:
            nn.init.zeros_(lin.bias)
        if arch == "bn-before":
            layers += [lin, make_bn(dims[i + 1], bn_kind), nn.ReLU()]
        elif arch == "bn-after":
            layers += [lin, nn.ReLU(), make_bn(dims[i + 1], bn_kind)]
        else:
            layers += [lin, nn.ReLU()]
    out = nn.Linear(dims[3], 10, bias=True)
    glorot_uniform_(out.weight)
    nn.init.zeros_(out.bias)
    layers.append(out)  # softmax folded into the loss / argmax
    return nn.Sequential(*layers)


class KerasSGD:
    def __init__(self, params, lr=0.01, decay=1e-6, momentum=0.9, nesterov=True):
        self.params = [p for p in params if p.requires_grad]
        self.lr, self.decay, self.momentum, self.nesterov = lr, decay, momentum, nesterov
        self.iterations = 0
        self.v = [torch.zeros_like(p) for p in self.params]

    def current_lr(self):
        return self.lr / (1.0 + self.decay * self.iterations)

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    @torch.no_grad()
    def step(self):
        lr_t = self.current_lr()
        m = self.momentum
        for p, v in zip(self.params, self.v):
            g = p.grad
            v.mul_(m).add_(g, alpha=-lr_t)
            if self.nesterov:
                p.add_(v, alpha=m).add_(g, alpha=-lr_t)
            else:
                p.add_(v)
        self.iterations += 1


class TorchSGD:
    def __init__(self, params, lr=0.01, decay=1e-6, momentum=0.9, nesterov=True):
        self.opt = torch.optim.SGD(params, lr=lr, momentum=momentum, nesterov=nesterov)
        self.lr, self.decay = lr, decay
        self.iterations = 0

    def current_lr(self):
        return self.lr / (1.0 + self.decay * self.iterations)

    def zero_grad(self):
        self.opt.zero_grad(set_to_none=True)

    def step(self):
        self.opt.param_groups[0]["lr"] = self.current_lr()
        self.opt.step()
        self.iterations += 1


@torch.no_grad()
def evaluate(model, x, y, batch=1000):
    model.eval()
    loss_sum = 0.0
    correct = 0
    for i in range(0, x.shape[0], batch):
        logits = model(x[i:i + batch])
        loss_sum += F.cross_entropy(logits, y[i:i + batch], reduction="sum").item()
        correct += (logits.argmax(1) == y[i:i + batch]).sum().item()
    model.train()
    n = x.shape[0]
    return loss_sum / n, correct / n


def busy_seconds():
    """System-wide busy CPU seconds (all cores) from /proc/stat."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        idle = v[3] + (v[4] if len(v) > 4 else 0)
        return (sum(v[:8]) - idle) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return 0.0


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--limit-train", type=int, default=None)
    ap.add_argument("--test-every", type=int, default=5,
                    help="also evaluate the test set every N epochs (not timed as training)")
    ap.add_argument("--optimizer", choices=["keras", "torch"], default="keras")
    ap.add_argument("--bn", choices=["keras", "torch"], default="keras")
    ap.add_argument("--no-val", action="store_true", help="skip per-epoch validation")
    ap.add_argument("--arch", choices=["bn-before", "bn-after", "no-bn"], default="bn-before")
    ap.add_argument("--width-scale", type=int, default=1, help="hidden widths times this (300/200/100 x N)")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)

    print(f"torch {torch.__version__}  numpy {np.__version__}  python {sys.version.split()[0]}")
    print(f"torch.get_num_threads() = {torch.get_num_threads()}  "
          f"interop = {torch.get_num_interop_threads()}")
    cfg = torch.__config__.show().splitlines()
    for line in cfg[:8]:
        print("  config:", line.strip()[:160])
    blas = [l for l in cfg if "BLAS_INFO" in l]
    if blas:
        for tok in blas[0].split(","):
            if "BLAS_INFO" in tok or "LAPACK_INFO" in tok:
                print("  config:", tok.strip())
    print("args:", vars(args))

    t0 = time.perf_counter()
    xtr = load_idx("train-images-idx3-ubyte.gz")
    ytr = load_idx("train-labels-idx1-ubyte.gz")
    xte = load_idx("t10k-images-idx3-ubyte.gz")
    yte = load_idx("t10k-labels-idx1-ubyte.gz")
    xtr = torch.from_numpy(xtr.astype(np.float32) / 255.0)
    xte = torch.from_numpy(xte.astype(np.float32) / 255.0)
    ytr = torch.from_numpy(ytr.astype(np.int64))
    yte = torch.from_numpy(yte.astype(np.int64))
    xval, yval = xtr[:5000], ytr[:5000]  # validation overlaps training, as in the tutorial
    if args.limit_train:
        xtr, ytr = xtr[:args.limit_train], ytr[:args.limit_train]
    print(f"data loaded in {time.perf_counter() - t0:.2f}s: train {tuple(xtr.shape)} "
          f"val {tuple(xval.shape)} test {tuple(xte.shape)}")

    model = build_model(args.bn, args.arch, args.width_scale)
    nparams = sum(p.numel() for p in model.parameters())
    print(f"model params (trainable): {nparams}")
    opt_cls = KerasSGD if args.optimizer == "keras" else TorchSGD
    opt = opt_cls(model.parameters(), lr=0.01, decay=1e-6, momentum=0.9, nesterov=True)

    n = xtr.shape[0]
    bs = args.batch_size
    steps = (n + bs - 1) // bs
    epoch_times, epoch_cpu = [], []
    test_hist = []
    print(f"{steps} steps/epoch")
    model.train()
    for ep in range(1, args.epochs + 1):
        la0 = loadavg()
        c0 = time.process_time()
        b0 = busy_seconds()
        t0 = time.perf_counter()
        perm = torch.from_numpy(rng.permutation(n))
        loss_sum = torch.zeros((), dtype=torch.float64)
        correct = torch.zeros((), dtype=torch.int64)
        for s in range(steps):
            idx = perm[s * bs:(s + 1) * bs]
            xb = xtr.index_select(0, idx)
            yb = ytr.index_select(0, idx)
            logits = model(xb)
            loss = F.cross_entropy(logits, yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
            with torch.no_grad():
                loss_sum += loss.detach() * yb.shape[0]
                correct += (logits.argmax(1) == yb).sum()
        dt = time.perf_counter() - t0
        dc = time.process_time() - c0
        other = busy_seconds() - b0 - dc
        epoch_times.append(dt)
        epoch_cpu.append(dc)
        tr_loss = loss_sum.item() / n
        tr_acc = correct.item() / n
        line = (f"epoch {ep:3d}  train_s {dt:7.3f}  cpu_s {dc:7.3f}  "
                f"other_cpu_s {other:6.1f}  loss {tr_loss:.4f}  acc {tr_acc:.4f}")
        if not args.no_val:
            vl, va = evaluate(model, xval, yval)
            line += f"  val_loss {vl:.4f}  val_acc {va:.4f}"
        if args.test_every and ep % args.test_every == 0 and ep != args.epochs:
            tl, ta = evaluate(model, xte, yte)
            test_hist.append((ep, ta))
            line += f"  test_acc {ta:.4f}"
        line += f"  lr {opt.current_lr():.6f}  load[{la0}]"
        print(line, flush=True)

    tl, ta = evaluate(model, xte, yte)
    test_hist.append((args.epochs, ta))
    total = sum(epoch_times)
    print(f"TEST after epoch {args.epochs}: loss {tl:.4f}  acc {ta:.4f}")
    print("test_acc by epoch: " + ", ".join(f"{e}:{a:.4f}" for e, a in test_hist))
    print(f"TRAIN total {total:.2f}s  epoch median {statistics.median(epoch_times):.3f}s "
          f"min {min(epoch_times):.3f}s max {max(epoch_times):.3f}s  "
          f"samples/s (total) {n * len(epoch_times) / total:.0f}  "
          f"samples/s (median epoch) {n / statistics.median(epoch_times):.0f}  "
          f"cpu/wall {sum(epoch_cpu) / total:.2f}")

    # inference throughput: 10k test set at batch 1000, eval mode, no_grad
    evaluate(model, xte, yte)  # warm-up
    reps = []
    for _ in range(5):
        t0 = time.perf_counter()
        with torch.no_grad():
            model.eval()
            for i in range(0, xte.shape[0], 1000):
                model(xte[i:i + 1000]).argmax(1)
        reps.append(time.perf_counter() - t0)
    model.train()
    print(f"INFER 10k @ batch 1000: median {statistics.median(reps) * 1000:.1f} ms "
          f"(min {min(reps) * 1000:.1f})  samples/s median {10000 / statistics.median(reps):.0f} "
          f"best {10000 / min(reps):.0f}  load[{loadavg()}]")


if __name__ == "__main__":
    main()
