"""Fixture values for the graded backprop exercises 01.13 (linear layer backward) and 01.14 (fused softmax
cross-entropy), computed once with PyTorch autograd (float64) as an independent derivation.

Run: /usr/bin/python3 src/test/python/backprop_fixtures.py
"""
import torch

torch.set_printoptions(precision=12)

# 01.13: batch of 2, 3 inputs, 2 outputs, W is inputs x outputs (Aggarwal's orientation), L = sum(G * (XW + b)).
X = torch.tensor([[1.0, -2.0, 0.5], [0.0, 3.0, -1.0]], dtype=torch.float64, requires_grad=True)
W = torch.tensor([[0.2, -0.4], [1.5, 0.3], [-0.7, 0.9]], dtype=torch.float64, requires_grad=True)
b = torch.tensor([0.1, -0.2], dtype=torch.float64, requires_grad=True)
G = torch.tensor([[1.0, -1.0], [0.5, 2.0]], dtype=torch.float64)
Y = X @ W + b
(G * Y).sum().backward()
print("01.13 Y =", Y.detach().numpy().tolist())
print("01.13 dW =", W.grad.numpy().tolist())
print("01.13 db =", b.grad.numpy().tolist())
print("01.13 dX =", X.grad.numpy().tolist())

# 01.14: mean softmax cross-entropy over a batch of 3 with hard labels.
V = torch.tensor([[1.0, 2.0, 3.0], [0.5, -0.5, 0.0], [2.0, 2.0, -1.0]], dtype=torch.float64, requires_grad=True)
labels = torch.tensor([1, 0, 2])
loss = torch.nn.functional.cross_entropy(V, labels)
loss.backward()
print("01.14 loss =", repr(loss.item()))
print("01.14 grad =", V.grad.numpy().tolist())
V2 = torch.tensor([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 1000.0]], dtype=torch.float64, requires_grad=True)
loss2 = torch.nn.functional.cross_entropy(V2, torch.tensor([0, 0]))
loss2.backward()
print("01.14 extreme loss =", repr(loss2.item()))
print("01.14 extreme grad =", V2.grad.numpy().tolist())
