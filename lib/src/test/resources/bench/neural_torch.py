#!/usr/bin/python3
"""The PyTorch reference of org.ebmjava.bench.NeuralBench: the same shapes and algorithms, CPU, float32.

(a) MLP 2-128-128-1 (SiLU), batch 256: one training step (zero_grad, forward, mean, backward, Adam step) and one
    input gradient (forward of x with requires_grad, sum, autograd.grad).
(b) MLP 784-512-512-1 (SiLU), batch 128: one EBM iteration = 60 Langevin steps (input gradient, x - step*g +
    noise*randn, clamp to [-1, 1]) and one parameter update on [positives; negatives] with loss
    mean E(pos) - mean E(neg) + alpha mean E^2 and Adam(beta1 = 0).

Usage: neural_torch.py THREADS REPS_A ITERS_B
Prints "torch <version>", "threads <n>", then "a_step_ms <median>", "a_grad_ms <median>", "b_iter_ms <median>"
(medians of blocks after warm-up) and "b_iter_best_ms <min>".
"""
import statistics
import sys
import time

import torch


def mlp(sizes):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(torch.nn.SiLU())
    return torch.nn.Sequential(*layers)


def blocks(fn, reps, nblocks):
    out = []
    for _ in range(nblocks):
        t0 = time.perf_counter()
        for _ in range(reps):
            fn()
        out.append((time.perf_counter() - t0) * 1e3 / reps)
    return out


def main():
    threads, reps_a, iters_b = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(threads)
    torch.manual_seed(42)
    print("torch %s" % torch.__version__)
    print("threads %d" % torch.get_num_threads(), flush=True)

    # (a)
    net = mlp([2, 128, 128, 1])
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    x = torch.randn(256, 2)

    def step():
        opt.zero_grad()
        loss = net(x).mean()
        loss.backward()
        opt.step()

    def grad():
        xg = x.detach().requires_grad_(True)
        e = net(xg).sum()
        return torch.autograd.grad(e, xg)[0]

    blocks(step, reps_a, 2)
    print("a_step_ms %.5f" % statistics.median(blocks(step, reps_a, 7)), flush=True)
    blocks(grad, reps_a, 2)
    print("a_grad_ms %.5f" % statistics.median(blocks(grad, reps_a, 7)), flush=True)

    # (b)
    net = mlp([784, 512, 512, 1])
    opt = torch.optim.Adam(net.parameters(), lr=1e-4, betas=(0.0, 0.999))
    pos = torch.rand(128, 784) * 2 - 1
    neg = torch.rand(128, 784) * 2 - 1
    step_size, noise, alpha = 10.0, 0.005, 0.1

    def iteration():
        nonlocal neg
        for p in net.parameters():
            p.requires_grad_(False)
        x = neg
        for _ in range(60):
            x = x.detach().requires_grad_(True)
            e = net(x).sum()
            g = torch.autograd.grad(e, x)[0]
            x = (x.detach() - step_size * g + noise * torch.randn_like(x)).clamp_(-1.0, 1.0)
        neg = x.detach()
        for p in net.parameters():
            p.requires_grad_(True)
        opt.zero_grad()
        e = net(torch.cat([pos, neg]))
        loss = e[:128].mean() - e[128:].mean() + alpha * (e ** 2).mean()
        loss.backward()
        opt.step()

    iteration()
    times = blocks(iteration, 1, iters_b)
    print("b_iter_ms %.3f" % statistics.median(times))
    print("b_iter_best_ms %.3f" % min(times), flush=True)


if __name__ == "__main__":
    main()
