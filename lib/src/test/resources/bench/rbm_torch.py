#!/usr/bin/python3
"""CD-1 epoch of a Bernoulli RBM in PyTorch (CPU), the reference for org.ebmjava.bench.RbmBench.

Same algorithm as org.ebmjava.rbm.RbmTrainer with CD-1: hidden probabilities h0 = sigmoid(v0 W + c), a sampled
hidden state, visible probabilities v1 = sigmoid(hs W^T + b), h1 = sigmoid(v1 W + c); momentum, L2 weight decay
on W; data reshuffled every epoch. Written the way a performance-minded PyTorch user would: no autograd,
preallocated buffers, in-place ops and out= arguments, addmm for the bias terms, the momentum folded into
addmm's beta.

Usage: rbm_torch.py DATA_FILE ROWS NV NH BATCH EPOCHS THREADS
DATA_FILE holds ROWS x NV float32 values, little-endian, row-major (written by RbmBench).
Prints "torch <version>", "threads <n>", "blas <library paths>", then one line per epoch,
"epoch_seconds <s>", and finally "steps_per_epoch <n>" and "finite <bool>".
With EPOCHS = 0 it serves: it prints "ready", then runs one epoch for every line "epoch" read from
standard input (so a caller can alternate its own epochs with these under the same machine load) and
stops at "quit" or end of input.
"""
import sys
import time

import numpy as np
import torch


def loaded_blas():
    try:
        with open("/proc/self/maps") as maps:
            libs = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
        return ",".join(sorted(libs)) or "unknown"
    except OSError:
        return "unknown"


def main():
    path, rows, nv, nh, batch, epochs, threads = sys.argv[1:8]
    rows, nv, nh, batch, epochs, threads = int(rows), int(nv), int(nh), int(batch), int(epochs), int(threads)
    torch.set_num_threads(threads)
    torch.manual_seed(42)
    data = torch.from_numpy(np.fromfile(path, dtype="<f4").reshape(rows, nv).copy())
    lr, momentum, weight_decay = 0.1, 0.5, 1e-4
    a = lr / batch
    with torch.no_grad():
        w = torch.randn(nv, nh) * 0.01
        b = torch.zeros(nv)
        c = torch.zeros(nh)
        vel_w, vel_b, vel_c = torch.zeros(nv, nh), torch.zeros(nv), torch.zeros(nh)
        h0 = torch.empty(batch, nh)
        hs = torch.empty(batch, nh)
        v1 = torch.empty(batch, nv)
        h1 = torch.empty(batch, nh)
        v0 = torch.empty(batch, nv)
        steps = rows // batch
        print("torch %s" % torch.__version__)
        print("threads %d" % torch.get_num_threads())
        print("blas %s" % loaded_blas(), flush=True)

        def commands():
            if epochs > 0:
                yield from ["epoch"] * epochs
                return
            print("ready", flush=True)
            for line in sys.stdin:
                if line.strip() != "epoch":
                    return
                yield "epoch"

        for _ in commands():
            t0 = time.perf_counter()
            perm = torch.randperm(rows)
            for i in range(steps):
                torch.index_select(data, 0, perm[i * batch:(i + 1) * batch], out=v0)
                torch.addmm(c, v0, w, out=h0).sigmoid_()
                torch.bernoulli(h0, out=hs)
                torch.addmm(b, hs, w.t(), out=v1).sigmoid_()
                torch.addmm(c, v1, w, out=h1).sigmoid_()
                vel_w.addmm_(v0.t(), h0, beta=momentum, alpha=a)
                vel_w.addmm_(v1.t(), h1, alpha=-a)
                vel_w.add_(w, alpha=-lr * weight_decay)
                vel_b.mul_(momentum).add_(v0.sum(0) - v1.sum(0), alpha=a)
                vel_c.mul_(momentum).add_(h0.sum(0) - h1.sum(0), alpha=a)
                w.add_(vel_w)
                b.add_(vel_b)
                c.add_(vel_c)
            print("epoch_seconds %.6f" % (time.perf_counter() - t0), flush=True)
    print("steps_per_epoch %d" % steps)
    print("finite %s" % bool(torch.isfinite(w).all()), flush=True)


if __name__ == "__main__":
    main()
