"""Fixture values for descent.nn.norm (chapter 08), computed once with PyTorch 1.13 (float64) as an independent
derivation: torch.nn.BatchNorm1d, LayerNorm, GroupNorm, InstanceNorm1d and torch.nn.utils.weight_norm with autograd,
plus numpy for what torch does not have (the Keras running-variance convention, batch renormalization).

Run: /usr/bin/python3 src/test/python/normalization_fixtures.py
The printed numbers are written into src/test/java/descent/nn/norm/TorchFixturesTest.java.

Inputs are given by formulas (the same formulas are in the Java test), so nothing has to be copied but the results:
  x[r][j]  = sin(1.3 r + 0.7 j) * (j + 1) + 0.5 j        (batch rows r, features j)
  g[r][j]  = cos(0.9 r - 0.4 j) + 0.1 (r - j)             (the upstream gradient dL/dy; L = sum(g * y))
  gamma[j] = 1 + 0.3 j,  beta[j] = 0.2 - 0.1 j
"""
import math

import numpy as np
import torch

torch.set_default_dtype(torch.float64)


def x_of(m, n, shift=0.0):
    return torch.tensor([[math.sin(1.3 * r + 0.7 * j + shift) * (j + 1) + 0.5 * j for j in range(n)] for r in range(m)])


def g_of(m, n):
    return torch.tensor([[math.cos(0.9 * r - 0.4 * j) + 0.1 * (r - j) for j in range(n)] for r in range(m)])


def affine(n):
    return torch.tensor([1 + 0.3 * j for j in range(n)]), torch.tensor([0.2 - 0.1 * j for j in range(n)])


def show(name, t):
    a = t.detach().numpy() if isinstance(t, torch.Tensor) else np.asarray(t)
    print(name, "=", repr(a.reshape(-1).tolist()))


# 1. BatchNorm1d training forward/backward, m = 8, n = 3, eps = 1e-5
m, n = 8, 3
bn = torch.nn.BatchNorm1d(n, eps=1e-5, momentum=0.1)
gam, bet = affine(n)
with torch.no_grad():
    bn.weight.copy_(gam)
    bn.bias.copy_(bet)
x = x_of(m, n).requires_grad_(True)
y = bn(x)
(g_of(m, n) * y).sum().backward()
show("bn.y", y)
show("bn.dx", x.grad)
show("bn.dgamma", bn.weight.grad)
show("bn.dbeta", bn.bias.grad)
show("bn.running_mean after 1", bn.running_mean)
show("bn.running_var after 1", bn.running_var)

# 2. Running statistics over three batches (shift 0, 0.5, 1.0 in the formula), then eval-mode output on batch 0
def three_batches(module):
    module.train()
    for k in range(3):
        module(x_of(m, n, 0.5 * k) * (1 + 0.5 * k))
    return module

pt = three_batches(torch.nn.BatchNorm1d(n, eps=1e-5, momentum=0.1))
show("pytorch running_mean", pt.running_mean)
show("pytorch running_var", pt.running_var)
with torch.no_grad():
    pt.weight.copy_(gam)
    pt.bias.copy_(bet)
pt.eval()
xe = x_of(m, n).requires_grad_(True)
ye = pt(xe)
(g_of(m, n) * ye).sum().backward()
show("pytorch eval y", ye)
show("pytorch eval dx", xe.grad)

cu = three_batches(torch.nn.BatchNorm1d(n, eps=1e-5, momentum=None))
show("cumulative running_mean", cu.running_mean)
show("cumulative running_var", cu.running_var)

# Keras BatchNormalization(momentum=0.99, epsilon=1e-3): running = 0.99 running + 0.01 batch, biased variance.
# torch with momentum=0.01 gives the same running mean; the variance is averaged here in numpy.
ke = three_batches(torch.nn.BatchNorm1d(n, eps=1e-3, momentum=0.01))
show("keras running_mean (torch momentum 0.01)", ke.running_mean)
rm, rv = np.zeros(n), np.ones(n)
for k in range(3):
    b = (x_of(m, n, 0.5 * k) * (1 + 0.5 * k)).numpy()
    rm = 0.99 * rm + 0.01 * b.mean(axis=0)
    rv = 0.99 * rv + 0.01 * b.var(axis=0)  # numpy var is biased (ddof = 0), as in Keras
show("keras running_mean (numpy)", rm)
show("keras running_var (numpy)", rv)

# 3. LayerNorm / GroupNorm / InstanceNorm on N = 3 examples of C = 4 channels x L = 5 positions (rows of 20)
N, C, L = 3, 4, 5
xs = x_of(N, C * L)
gs = g_of(N, C * L)

def run(module, inp, shape):
    inp = inp.clone().reshape(shape).requires_grad_(True)
    out = module(inp)
    (gs.reshape(shape) * out).sum().backward()
    return out.reshape(N, -1), inp.grad.reshape(N, -1)

ln = torch.nn.LayerNorm(C * L, eps=1e-5)
lg, lb = affine(C * L)
with torch.no_grad():
    ln.weight.copy_(lg)
    ln.bias.copy_(lb)
y_ln, dx_ln = run(ln, xs, (N, C * L))
show("ln.y", y_ln)
show("ln.dx", dx_ln)
show("ln.dgamma", ln.weight.grad)
show("ln.dbeta", ln.bias.grad)

cg, cb = affine(C)
for G in (2,):
    gn = torch.nn.GroupNorm(G, C, eps=1e-5)
    with torch.no_grad():
        gn.weight.copy_(cg)
        gn.bias.copy_(cb)
    y_gn, dx_gn = run(gn, xs, (N, C, L))
    show("gn2.y", y_gn)
    show("gn2.dx", dx_gn)
    show("gn2.dgamma", gn.weight.grad)
    show("gn2.dbeta", gn.bias.grad)

inn = torch.nn.InstanceNorm1d(C, eps=1e-5, affine=True)
with torch.no_grad():
    inn.weight.copy_(cg)
    inn.bias.copy_(cb)
y_in, dx_in = run(inn, xs, (N, C, L))
show("in.y", y_in)
show("in.dx", dx_in)
show("in.dgamma", inn.weight.grad)
show("in.dbeta", inn.bias.grad)

# 4. Weight normalization of a 4 -> 3 linear layer: w_j = g_j v_j / ||v_j|| (torch stores W as out x in, dim = 0)
nin, nout, B = 4, 3, 5
lin = torch.nn.Linear(nin, nout)
v0 = torch.tensor([[math.sin(0.5 * i + 1.1 * j) + 0.2 * j for j in range(nout)] for i in range(nin)])  # in x out
with torch.no_grad():
    lin.bias.copy_(torch.tensor([0.1 * j - 0.05 for j in range(nout)]))
wn = torch.nn.utils.weight_norm(lin, name="weight", dim=0)
with torch.no_grad():
    wn.weight_v.copy_(v0.T)
    wn.weight_g.copy_(torch.tensor([[0.5 + 0.4 * j] for j in range(nout)]))
xw = x_of(B, nin).requires_grad_(True)
yw = wn(xw)
(g_of(B, nout) * yw).sum().backward()
show("wn.y", yw)
show("wn.dx", xw.grad)
show("wn.dv (in x out)", wn.weight_v.grad.T)
show("wn.dg", wn.weight_g.grad)
show("wn.db", wn.bias.grad)

# 5. Batch renormalization (Ioffe 2017, Alg. 1), one training step in numpy: running mu = 0.3, sigma = 0.8 per feature
def batch_renorm(xb, gb, gamma, beta, mu_run, sigma_run, rmax, dmax, eps):
    mb = xb.shape[0]
    mu = xb.mean(axis=0)
    sigma = np.sqrt(xb.var(axis=0) + eps)
    r = np.clip(sigma / sigma_run, 1 / rmax, rmax)
    d = np.clip((mu - mu_run) / sigma_run, -dmax, dmax)
    xhat_b = (xb - mu) / sigma
    xhat = xhat_b * r + d
    yb = gamma * xhat + beta
    # r and d are constants in backprop: y = gamma * (r * xhat_b + d) + beta
    dxhat_b = gb * gamma * r
    dx = (mb * dxhat_b - dxhat_b.sum(axis=0) - xhat_b * (dxhat_b * xhat_b).sum(axis=0)) / (mb * sigma)
    return yb, dx, (gb * xhat).sum(axis=0), gb.sum(axis=0), r, d

xb, gb = x_of(m, n).numpy(), g_of(m, n).numpy()
yb, dxb, dgb, dbb, r, d = batch_renorm(xb, gb, gam.numpy(), bet.numpy(), np.full(n, 0.3), np.full(n, 0.8), 1.5, 0.5, 1e-5)
show("brn.r", r)
show("brn.d", d)
show("brn.y", yb)
show("brn.dx", dxb)
show("brn.dgamma", dgb)
show("brn.dbeta", dbb)

# 6. Truncated SVD (descent.compress.LowRank): W[i][j] = sin(0.3 i + 0.7 j) + 0.1 i - 0.05 j, 6 x 4
W = np.array([[math.sin(0.3 * i + 0.7 * j) + 0.1 * i - 0.05 * j for j in range(4)] for i in range(6)])
U, S, Vt = np.linalg.svd(W, full_matrices=False)
show("svd.sigma", S)
show("svd.W2", (U[:, :2] * S[:2]) @ Vt[:2])
