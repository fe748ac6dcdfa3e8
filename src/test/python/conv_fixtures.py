"""Fixture values for descent.nn.Conv2d / Conv1d / MaxPool2d (chapter 06), computed once with PyTorch 1.13 (float64)
as an independent derivation: torch.nn.functional.conv2d, conv1d and max_pool2d with autograd.

Run: /usr/bin/python3 src/test/python/conv_fixtures.py
The printed numbers are written into src/test/java/descent/nn/ConvTorchFixturesTest.java.

Inputs are given by formulas (the same formulas are in the Java test); torch's weight layout is F×C×kh×kw,
Descent's is (C·kh·kw)×F, so w[f][c][i][j] below is Descent's W[(c·kh + i)·kw + j][f]:
  x[n][c][i][j] = sin(0.7 n + 1.1 c + 0.3 i - 0.5 j) + 0.05 (i + j)
  w[f][c][i][j] = cos(0.4 f - 0.9 c + 0.6 i + 0.2 j) / 3
  b[f]          = 0.1 f - 0.15
  g             = the upstream gradient dL/dy, g[k] = cos(0.37 k) over y flattened row-major; L = sum(g * y)
"""
import math

import torch

torch.set_default_dtype(torch.float64)


def show(name, t):
    print(name, "=", repr(t.detach().reshape(-1).tolist()))


def case2d(tag, n, c, h, w, f, k, stride, pad):
    x = torch.tensor([[[[math.sin(0.7 * a + 1.1 * b + 0.3 * i - 0.5 * j) + 0.05 * (i + j) for j in range(w)]
                        for i in range(h)] for b in range(c)] for a in range(n)]).requires_grad_(True)
    wt = torch.tensor([[[[math.cos(0.4 * q - 0.9 * b + 0.6 * i + 0.2 * j) / 3 for j in range(k)] for i in range(k)]
                        for b in range(c)] for q in range(f)]).requires_grad_(True)
    bias = torch.tensor([0.1 * q - 0.15 for q in range(f)]).requires_grad_(True)
    y = torch.nn.functional.conv2d(x, wt, bias, stride=stride, padding=pad)
    g = torch.tensor([math.cos(0.37 * q) for q in range(y.numel())]).reshape(y.shape)
    (g * y).sum().backward()
    print(f"# {tag}: x {n}x{c}x{h}x{w}, {f} filters {k}x{k}, stride {stride}, padding {pad}, y {tuple(y.shape)}")
    show(tag + ".y", y)
    show(tag + ".dx", x.grad)
    # Descent's layout for dW: row (c, i, j), column f
    show(tag + ".dW", wt.grad.permute(1, 2, 3, 0))
    show(tag + ".db", bias.grad)


def case1d(tag, n, c, length, f, k, stride, pad):
    x = torch.tensor([[[math.sin(0.7 * a + 1.1 * b - 0.5 * j) + 0.05 * j for j in range(length)]
                       for b in range(c)] for a in range(n)]).requires_grad_(True)
    wt = torch.tensor([[[math.cos(0.4 * q - 0.9 * b + 0.2 * j) / 3 for j in range(k)] for b in range(c)]
                       for q in range(f)]).requires_grad_(True)
    bias = torch.tensor([0.1 * q - 0.15 for q in range(f)]).requires_grad_(True)
    y = torch.nn.functional.conv1d(x, wt, bias, stride=stride, padding=pad)
    g = torch.tensor([math.cos(0.37 * q) for q in range(y.numel())]).reshape(y.shape)
    (g * y).sum().backward()
    print(f"# {tag}: x {n}x{c}x{length}, {f} filters of {k}, stride {stride}, padding {pad}, y {tuple(y.shape)}")
    show(tag + ".y", y)
    show(tag + ".dx", x.grad)
    show(tag + ".dW", wt.grad.permute(1, 2, 0))
    show(tag + ".db", bias.grad)


def pool(tag, n, c, h, w, k, stride):
    x = torch.tensor([[[[math.sin(0.7 * a + 1.1 * b + 0.3 * i - 0.5 * j) + 0.05 * (i + j) for j in range(w)]
                        for i in range(h)] for b in range(c)] for a in range(n)]).requires_grad_(True)
    y = torch.nn.functional.max_pool2d(x, k, stride)
    g = torch.tensor([math.cos(0.37 * q) for q in range(y.numel())]).reshape(y.shape)
    (g * y).sum().backward()
    print(f"# {tag}: x {n}x{c}x{h}x{w}, window {k}, stride {stride}, y {tuple(y.shape)}")
    show(tag + ".y", y)
    show(tag + ".dx", x.grad)


case2d("c2", 2, 2, 5, 4, 3, 3, 2, 1)
case1d("c1", 2, 2, 7, 3, 3, 2, 1)
pool("p2", 2, 2, 5, 5, 2, 2)
