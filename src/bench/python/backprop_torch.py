"""Peer of descent.bench.BackpropBench: forward + backward of a 784-256-128-10 ReLU MLP with softmax
cross-entropy (mean over the batch), batch 128, float64, one thread. Prints `ms_min=<fastest block>` and `ms_per_batch=<median>`.

Run: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 src/bench/python/backprop_torch.py [warmup] [iters] [repeats] [bn|plain]
With "bn" each hidden layer is Linear -> BatchNorm1d (training mode) -> ReLU, the peer of descent.bench.BatchNormBench.
"""
import sys
import time

import torch

torch.set_num_threads(1)
torch.manual_seed(0)
warmup = int(sys.argv[1]) if len(sys.argv) > 1 else 50
iters = int(sys.argv[2]) if len(sys.argv) > 2 else 100
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 7
batch_norm = len(sys.argv) > 4 and sys.argv[4] == "bn"

if batch_norm:
    net = torch.nn.Sequential(
        torch.nn.Linear(784, 256), torch.nn.BatchNorm1d(256), torch.nn.ReLU(),
        torch.nn.Linear(256, 128), torch.nn.BatchNorm1d(128), torch.nn.ReLU(),
        torch.nn.Linear(128, 10)).double()
else:
    net = torch.nn.Sequential(
        torch.nn.Linear(784, 256), torch.nn.ReLU(),
        torch.nn.Linear(256, 128), torch.nn.ReLU(),
        torch.nn.Linear(128, 10)).double()
loss_fn = torch.nn.CrossEntropyLoss()
x = torch.randn(128, 784, dtype=torch.float64)
y = torch.randint(0, 10, (128,))


def step():
    for p in net.parameters():
        p.grad = None
    loss = loss_fn(net(x), y)
    loss.backward()
    return loss


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
