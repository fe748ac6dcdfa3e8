"""Peer of descent.bench.TrainBench: one epoch of Fashion-MNIST training (60 000 images, shuffled minibatches of 128,
784-256-128-10 ReLU, softmax cross-entropy, Adam lr 1e-3, float64) in PyTorch, with the thread count given.
Prints `seconds=<epoch wall time>` and `final_loss=<mean minibatch loss>`.

Run: /usr/bin/python3 src/bench/python/train_torch.py THREADS [WARMUP_STEPS] [DATA_DIR]
(OPENBLAS_NUM_THREADS and OMP_NUM_THREADS are set to THREADS by the Java side as well.)
"""
import gzip
import sys
import time

import numpy as np
import torch

threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
warmup = int(sys.argv[2]) if len(sys.argv) > 2 else 20
data = sys.argv[3] if len(sys.argv) > 3 else "/usr/share/datasets/fashion-mnist"
torch.set_num_threads(threads)
torch.manual_seed(0)


def idx(path, offset):
    with gzip.open(path) as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


X = torch.from_numpy(idx(f"{data}/train-images-idx3-ubyte.gz", 16).reshape(-1, 784).astype(np.float64) / 255.0)
Y = torch.from_numpy(idx(f"{data}/train-labels-idx1-ubyte.gz", 8).astype(np.int64))
n = X.shape[0]
net = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128), torch.nn.ReLU(),
                          torch.nn.Linear(128, 10)).double()
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
loss_fn = torch.nn.CrossEntropyLoss()


def step(batch):
    opt.zero_grad(set_to_none=True)
    loss = loss_fn(net(X[batch]), Y[batch])
    loss.backward()
    opt.step()
    return loss.item()


perm = torch.randperm(n)
for i in range(warmup):
    step(perm[i * 128:(i + 1) * 128])
t0 = time.perf_counter()
perm = torch.randperm(n)
total, steps = 0.0, 0
for start in range(0, n, 128):
    total += step(perm[start:start + 128])
    steps += 1
seconds = time.perf_counter() - t0
print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, {steps} steps")
print(f"seconds={seconds:.4f}")
print(f"final_loss={total / steps:.4f}")
