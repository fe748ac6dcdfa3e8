"""Peer of descent.bench.BackpropBench: forward + backward of a 784-256-128-10 ReLU MLP with softmax
cross-entropy (mean over the batch), batch 128, float64, one thread. Prints `ms_min=<fastest block>` and `ms_per_batch=<median>`.

Run: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 src/bench/python/backprop_torch.py [warmup] [iters] [repeats] [bn|plain]
With "bn" each hidden layer is Linear -> BatchNorm1d (training mode) -> ReLU, the peer of descent.bench.BatchNormBench.
"""
import sys

import torch

from benchutil import int_arg, report, time_blocks

torch.set_num_threads(1)
torch.manual_seed(0)
warmup = int_arg(1, 50)
iters = int_arg(2, 100)
repeats = int_arg(3, 7)
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


times = time_blocks(step, warmup, iters, repeats)
report(f"torch {torch.__version__}, threads {torch.get_num_threads()}", times)
