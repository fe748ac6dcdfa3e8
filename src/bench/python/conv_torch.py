"""Peer of descent.bench.ConvBench: forward + backward (weights, bias and input gradient) of one 3x3 convolution,
1x28x28 -> 8x28x28 (padding 1), batch 128, float64, one thread, with a fixed upstream gradient.
Prints `ms_min=<fastest block>` and `ms_per_batch=<median>`.

Run: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 src/bench/python/conv_torch.py [warmup] [iters] [repeats]
"""

import torch

from benchutil import int_arg, report, time_blocks

torch.set_num_threads(1)
torch.manual_seed(0)
warmup = int_arg(1, 20)
iters = int_arg(2, 20)
repeats = int_arg(3, 5)

conv = torch.nn.Conv2d(1, 8, 3, stride=1, padding=1).double()
x = torch.randn(128, 1, 28, 28, dtype=torch.float64, requires_grad=True)
g = torch.randn(128, 8, 28, 28, dtype=torch.float64)


def step():
    conv.weight.grad = None
    conv.bias.grad = None
    x.grad = None
    y = conv(x)
    y.backward(g)


times = time_blocks(step, warmup, iters, repeats)
report(f"torch {torch.__version__}, threads {torch.get_num_threads()}", times)
