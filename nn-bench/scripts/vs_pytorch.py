#!/usr/bin/env python3
"""Runs PyTorch's reference script and `./nn bench` one after the other and prints the issue's
targets as a Markdown table: nn's figure, PyTorch's figure and their ratio, all from this run.

    python3 nn-bench/scripts/vs_pytorch.py [--rounds 3] [--torch-script nn-bench/scripts/torch_mlp.py] [--out FILE]
    python3 nn-bench/scripts/vs_pytorch.py --growth [--nn-threads all] [--out FILE]

--growth times how an epoch's cost grows instead (issue 14), one factor at a time from the
tutorial's setting: hidden widths x1, x2, x4, batches 32, 128, 512, 15k, 30k and 60k training
images; PyTorch on 1 thread (its best here), nn on 1 thread and on --nn-threads.
--nn-command replaces `./nn` (e.g. "java -Xms2g -Xmx2g -XX:MaxNewSize=64m -p DIR -m nn.app/nn.app.Main").

Needs Debian's PyTorch with OpenBLAS (apt-get install -y python3-torch libopenblas0-pthread),
run with /usr/bin/python3, and the Fashion-MNIST files in /usr/share/datasets/fashion-mnist.
The machine should be otherwise idle: both sides are timed on the same cores. Around each of nn's
rounds it times TwoCores.java's cache-line round trip and 64 KB hand-over between two threads: a
slow round trip marks a stretch in which the host keeps the two vCPUs apart and two threads gain
little (NOTES.md, "Traps").
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SETTINGS = [(32, 1), (32, 2), (256, 1), (256, 2)]


def run_torch(script, batch, threads, epochs, width=1, images=None):
    """Median seconds per epoch, inference samples/s and peak RSS (bytes) of one PyTorch run."""
    env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads))
    cmd = ["/usr/bin/python3", script, "--epochs", str(epochs), "--batch-size", str(batch),
           "--threads", str(threads), "--no-val", "--width-scale", str(width)]
    if images:
        cmd += ["--limit-train", str(images)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        sys.exit("PyTorch failed (%s):\n%s" % (" ".join(cmd), out))
    epoch = float(re.search(r"epoch median ([0-9.]+)s", out).group(1))
    infer = float(re.search(r"samples/s median ([0-9.]+)", out).group(1))
    return epoch, infer, usage.ru_maxrss * 1024


def run_nn(epochs, nn_command=None, extra=()):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "bench.json")
        command = nn_command.split() if nn_command else [os.path.join(ROOT, "nn")]
        subprocess.run(command + ["bench", "--epochs", str(epochs), "--out", out] + list(extra), check=True)
        with open(out) as f:
            return json.load(f)


def two_cores():
    """TwoCores.java's 64 KB turn (us) and one cache line's round trip (ns) between two threads just
    now (NOTES.md "Traps"). On session 15's machine the round trip told the host's placement of the
    two vCPUs: 50-90 ns on one core complex (two threads fast), 440-530 ns apart (two threads slower
    than one at batch 32); the turn is one-sided (2.5-3.3 us always slow, 1.1-1.5 either way)."""
    out = subprocess.run(["java", os.path.join(ROOT, "nn-bench", "scripts", "TwoCores.java"), "1"],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout
    turn = re.search(r"64 KB turn ([0-9.]+) us", out)
    trip = re.search(r"line round trip ([0-9.]+) ns", out)
    return {"turn_us": float(turn.group(1)) if turn else None,
            "line_round_trip_ns": float(trip.group(1)) if trip else None}


def round_trip(sample):
    """A two_cores() sample's round trip as printed: "57 ns", or "?" if it was not read."""
    return "?" if sample["line_round_trip_ns"] is None else "%.0f ns" % sample["line_round_trip_ns"]


GROWTH = [(1, 32, 60000), (2, 32, 60000), (4, 32, 60000), (1, 128, 60000), (1, 512, 60000),
          (1, 32, 15000), (1, 32, 30000)]


def growth(args):
    """The growth table: nn and PyTorch epoch seconds for each setting, each relative to width x1,
    batch 32, 60k images, and nn / PyTorch."""
    torch = {}
    for width, batch, images in GROWTH:
        torch[(width, batch, images)] = run_torch(args.torch_script, batch, 1, args.torch_epochs, width,
                                                  images if images < 60000 else None)[0]
        print("PyTorch width x%d, batch %d, %d images: %.3f s/epoch" % (width, batch, images,
              torch[(width, batch, images)]), file=sys.stderr)
    before = two_cores()
    nn = run_nn(args.nn_epochs, args.nn_command, ["--growth", "--thread-counts", "1," + args.nn_threads])
    nn["two_cores"] = [before, two_cores()]
    nn_epoch = {}
    for e in nn["epochs"]:
        nn_epoch[(e["width_scale"], e["batch_size"], e["training_images"], e["threads"])] = e["seconds_per_epoch"]
    threads = sorted({k[3] for k in nn_epoch})
    base = (1, 32, 60000)
    head = "| hidden widths | batch | images | PyTorch 1 thread, s | growth |"
    for t in threads:
        head += " nn %d thread%s, s | growth | nn / PyTorch |" % (t, "" if t == 1 else "s")
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for width, batch, images in GROWTH:
        t = torch[(width, batch, images)]
        line = "| %d/%d/%d | %d | %dk | %.3f | %.2fx |" % (300 * width, 200 * width, 100 * width, batch, images // 1000,
                                                          t, t / torch[base])
        for n_threads in threads:
            n = nn_epoch[(width, batch, images, n_threads)]
            line += " %.3f | %.2fx | %.2f |" % (n, n / nn_epoch[base + (n_threads,)], n / t)
        print(line)
    print("\nthe two vCPUs' line round trip before / after nn's run: %s (on session 15's machine under ~100 ns meant"
          " fast two-thread steps, over ~400 slow ones)" % " / ".join(round_trip(c) for c in nn["two_cores"]))
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"nn": nn, "pytorch": {"x%d/b%d/n%d" % k: v for k, v in torch.items()}}, f, indent=2)


def collect(pairs):
    """{key: [values]} from (key, value) pairs, in the order first seen."""
    lists = {}
    for key, value in pairs:
        lists.setdefault(key, []).append(value)
    return lists


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--torch-script", default=os.path.join(ROOT, "nn-bench", "scripts", "torch_mlp.py"))
    ap.add_argument("--torch-epochs", type=int, default=3)
    ap.add_argument("--nn-epochs", type=int, default=2)
    ap.add_argument("--out", help="also write all figures to this JSON file")
    ap.add_argument("--growth", action="store_true", help="the growth table instead of the targets")
    ap.add_argument("--nn-threads", default="all", help="nn's second thread count in --growth (default: all)")
    ap.add_argument("--rounds", type=int, default=1,
                    help="alternate PyTorch and nn this many times; each figure is the median of its rounds")
    ap.add_argument("--nn-command", help="command that runs nn instead of ./nn (which builds and installs)")
    args = ap.parse_args()
    if args.growth:
        growth(args)
        return

    # Rounds alternate PyTorch and nn, each figure the median of its rounds: the shared host's
    # speed drifts by tens of percent within minutes, and alternating spreads the drift over both.
    torch_rounds, nn_rounds = [], []
    for r in range(args.rounds):
        torch_round = {}
        for batch, threads in SETTINGS:
            torch_round[(batch, threads)] = run_torch(args.torch_script, batch, threads, args.torch_epochs)
            print("round %d: PyTorch batch %d, %d thread(s): %.3f s/epoch, inference %.0f samples/s, peak RSS %d MB"
                  % (r + 1, batch, threads, *torch_round[(batch, threads)][:2], torch_round[(batch, threads)][2] >> 20),
                  file=sys.stderr)
        torch_rounds.append(torch_round)
        before = two_cores()
        nn_rounds.append(run_nn(args.nn_epochs, args.nn_command))
        nn_rounds[-1]["two_cores"] = [before, two_cores()]
    torch = {k: tuple(statistics.median(t[k][i] for t in torch_rounds) for i in range(3)) for k in SETTINGS}
    nn_epoch = {k: statistics.median(v) for k, v in collect(
        ((e["batch_size"], e["threads"]), e["seconds_per_epoch"]) for n in nn_rounds for e in n["epochs"]).items()}
    nn_infer = {k: statistics.median(v) for k, v in collect(
        (i["threads"], i["samples_per_second"]) for n in nn_rounds for i in n["inference"]).items()}
    nn = {"rounds": nn_rounds, "peak_rss_bytes": statistics.median(n["peak_rss_bytes"] for n in nn_rounds)}

    def best_torch(batch):
        return min(torch[(batch, t)][0] for t in (1, 2))

    rows = []

    def row(what, nn_value, torch_value, ratio, target, met, unit):
        rows.append((what, nn_value, torch_value, ratio, target, met, unit))

    # Issue 14's targets: against PyTorch's 1-thread epoch (its best here); batch 256 on 1 thread for information.
    for batch, threads, versus, target in [(32, 1, "best", 0.28), (32, 2, "best", 0.20), (256, 1, "best", None),
                                           (256, 2, "best", 0.25)]:
        t = torch[(batch, threads)][0] if versus == "same" else best_torch(batch)
        n = nn_epoch[(batch, threads)]
        label = "s/epoch, batch %d, %d thread%s" % (batch, threads, "" if threads == 1 else "s")
        against = "same threads" if versus == "same" else "PyTorch's best"
        if target is None:
            row(label, n, t, n / t, "", None, "s")
        else:
            row(label, n, t, n / t, "<= %.2fx (%s)" % (target, against), n / t <= target, "s")
    torch_infer = max(torch[s][1] for s in SETTINGS)
    best_nn_infer = max(nn_infer.values())
    row("inference samples/s (batch 1000, best threads)", best_nn_infer, torch_infer, best_nn_infer / torch_infer,
        ">= 2x PyTorch's best", best_nn_infer / torch_infer >= 2, "/s")
    torch_rss = max(torch[s][2] for s in SETTINGS)
    row("peak RSS, MB", nn["peak_rss_bytes"] / 2**20, torch_rss / 2**20, nn["peak_rss_bytes"] / torch_rss,
        "<= 400 MB", nn["peak_rss_bytes"] <= 400 * 2**20, "MB")

    print("| what | nn | PyTorch | nn / PyTorch | target | met |")
    print("|---|---|---|---|---|---|")
    for what, n, t, ratio, target, met, unit in rows:
        fmt = "%.3f" if unit == "s" else "%.0f"
        print("| %s | %s | %s | %.2f | %s | %s |" % (what, fmt % n, fmt % t, ratio, target,
                                                   "" if met is None else "yes" if met else "no"))
    print("\neach round against its own PyTorch round (the training targets), with the two vCPUs' round trip"
          " before / after nn's round:")
    for r, (t, n) in enumerate(zip(torch_rounds, nn_rounds)):
        epochs = {(e["batch_size"], e["threads"]): e["seconds_per_epoch"] for e in n["epochs"]}
        best = {batch: min(t[(batch, threads)][0] for threads in (1, 2)) for batch in (32, 256)}
        ratios = ", ".join("batch %d on %d: %.2fx" % (batch, threads, epochs[(batch, threads)] / best[batch])
                           for batch, threads in ((32, 1), (32, 2), (256, 2)) if (batch, threads) in epochs)
        trips = " / ".join(round_trip(c) for c in n["two_cores"])
        print("  round %d: %s (%s)" % (r + 1, ratios, trips))

    def placement(sample):
        return "%s / %s us" % (round_trip(sample), "?" if sample["turn_us"] is None else "%.2f" % sample["turn_us"])

    print("\ntwo vCPUs before and after each nn round, line round trip / 64 KB turn (on session 15's machine a"
          " round trip under ~100 ns meant fast two-thread steps, over ~400 slow ones): "
          + ", ".join("%s, %s" % tuple(placement(t) for t in n["two_cores"]) for n in nn_rounds))
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"nn": nn, "pytorch": {"%d/%d" % k: {"seconds_per_epoch": v[0], "inference_samples_per_second": v[1],
                                                          "peak_rss_bytes": v[2]} for k, v in torch.items()}},
                      f, indent=2)


if __name__ == "__main__":
    main()
