#!/usr/bin/python3
"""The PyTorch reference of org.ebmjava.bench.NeuralBench: the same shapes and algorithms, CPU, float32.

(a) MLP 2-128-128-1 (SiLU), batch 256: one training step (zero_grad, forward, mean, backward, Adam step) and one
    input gradient (forward of x with requires_grad, sum, autograd.grad).
(b) MLP 784-512-512-1 (SiLU), batch 128: one EBM iteration = 60 Langevin steps (input gradient, x - step*g +
    noise*randn, clamp to [-1, 1]) and one parameter update on [positives; negatives] with loss
    mean E(pos) - mean E(neg) + alpha mean E^2 and Adam(beta1 = 0).

Usage: neural_torch.py THREADS REPS_A ITERS_B
Prints "torch <version>", "threads <n>", then "a_step_ms <median>", "a_grad_ms <median>", "b_iter_ms <median>"
(medians of blocks after warm-up), "b_iter_best_ms <min>", and the median process CPU time per call of each
("a_step_cpu_ms" ...), which other tenants of a shared machine inflate far less than wall-clock time.
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


CPU = {}


def blocks(fn, reps, nblocks, name=None):
    """Wall-clock ms per call of each block; the median process CPU ms per call is kept in CPU[name]."""
    out = []
    cpu = []
    for _ in range(nblocks):
        c0 = time.process_time()
        t0 = time.perf_counter()
        for _ in range(reps):
            fn()
        out.append((time.perf_counter() - t0) * 1e3 / reps)
        cpu.append((time.process_time() - c0) * 1e3 / reps)
    if name:
        CPU[name] = statistics.median(cpu)
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
    print("a_step_ms %.5f" % statistics.median(blocks(step, reps_a, 7, "a_step")), flush=True)
    blocks(grad, reps_a, 2)
    print("a_grad_ms %.5f" % statistics.median(blocks(grad, reps_a, 7, "a_grad")), flush=True)

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
    times = blocks(iteration, 1, iters_b, "b_iter")
    print("b_iter_ms %.3f" % statistics.median(times))
    print("b_iter_best_ms %.3f" % min(times), flush=True)
    for name, ms in CPU.items():
        print("%s_cpu_ms %.5f" % (name, ms))


if __name__ == "__main__":
    main()
