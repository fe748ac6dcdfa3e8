"""Peer of descent.bench.ConvBench: forward + backward (weights, bias and input gradient) of one 3x3 convolution,
1x28x28 -> 8x28x28 (padding 1), batch 128, float64, one thread, with a fixed upstream gradient.
Prints `ms_min=<fastest block>` and `ms_per_batch=<median>`.

Run: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 src/bench/python/conv_torch.py [warmup] [iters] [repeats]
"""
import sys
import time

import torch

torch.set_num_threads(1)
torch.manual_seed(0)
warmup = int(sys.argv[1]) if len(sys.argv) > 1 else 20
iters = int(sys.argv[2]) if len(sys.argv) > 2 else 20
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 5

conv = torch.nn.Conv2d(1, 8, 3, stride=1, padding=1).double()
x = torch.randn(128, 1, 28, 28, dtype=torch.float64, requires_grad=True)
g = torch.randn(128, 8, 28, 28, dtype=torch.float64)


def step():
    conv.weight.grad = None
    conv.bias.grad = None
    x.grad = None
    y = conv(x)
    y.backward(g)


for _ in range(warmup):
    step()
times = []
for _ in range(repeats):
    t0 = time.perf_counter()
    for _ in range(iters):
        step()
    times.append((time.perf_counter() - t0) * 1000 / iters)
times.sort()
print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, repeats(ms/batch) {' '.join(f'{t:.3f}' for t in times)}")
print(f"ms_min={times[0]:.4f}")
print(f"ms_per_batch={times[len(times) // 2]:.4f}")
