"""Fixture values for chapter 04 (descent.preprocess, descent.init, descent.nn.PReLU/ELU, descent.diagnose), computed
once with numpy/scipy/torch as an independent derivation (numpy.linalg.eigh instead of EJML, scipy quadrature instead
of closed forms, torch autograd instead of hand-written backward passes).

Run: /usr/bin/python3 src/test/python/setup_fixtures.py
The printed numbers are written into src/test/java/descent/{preprocess,init,nn,diagnose}/*Test.java, the graded tests
in src/grade/java/setup/ and the notebooks 14-17.
"""
import numpy as np
import scipy.integrate as si
import scipy.stats as st
import torch

np.set_printoptions(precision=17)
torch.set_default_dtype(torch.float64)

# ---- preprocessing on a fixed 6x3 matrix ---------------------------------------------------------------------------
X = np.array([[1., 2., 0.5], [0., 1., -1.], [2., -1., 1.], [1., 1., 1.], [-1., 0.5, 2.], [0.5, -2., 1.]])
T = np.array([[0.5, 0.5, 0.5], [3., -1., 2.]])           # "test" rows, transformed with the training statistics
mu, sd = X.mean(0), X.std(0)                             # population std (ddof = 0)
print("mean          =", list(mu))
print("std           =", list(sd))
print("standardized T=", list(((T - mu) / sd).ravel()))
mn, mx = X.min(0), X.max(0)
print("minmax T      =", list(((T - mn) / (mx - mn)).ravel()))
C = (X - mu).T @ (X - mu) / len(X)
lam, P = np.linalg.eigh(C)
print("eigenvalues (desc) =", list(lam[::-1]))
W = P @ np.diag(1 / np.sqrt(lam + 1e-5)) @ P.T
print("ZCA(1e-5) T   =", list(((T - mu) @ W).ravel()))
Wz = P @ np.diag(1 / np.sqrt(lam)) @ P.T
print("ZCA(0) T      =", list(((T - mu) @ Wz).ravel()))
# PCA whitening is defined up to the sign of each direction: fix the sign so that the largest |entry| of each
# eigenvector is positive and report |U| for comparison
U = (T - mu) @ P[:, ::-1] / np.sqrt(lam[::-1])
print("|PCA-white T| =", list(np.abs(U).ravel()))
print("cond(X^T X)   =", np.linalg.cond(X.T @ X))
# running moments over two uneven batches = the covariance of all rows
print("np.cov(bias)  =", list(np.cov(X.T, bias=True).ravel()))
# per-channel mean of 2 images of 2x2 pixels x 3 channels (channel last)
imgs = np.arange(24, dtype=float).reshape(2, 2, 2, 3) ** 1.5
print("images        =", list(imgs.reshape(2, -1).ravel()))
print("channel means =", list(imgs.mean(axis=(0, 1, 2))))

# ---- initialisation ----------------------------------------------------------------------------------------------
print("Var of N(0,1) truncated at +-2 =", st.truncnorm(-2, 2).var())
print("Keras correction 0.87962566103423978^2 =", 0.87962566103423978 ** 2)
print("Glorot eq. 8.23 variance m=300 n=100 =", (np.sqrt(6 / 400)) ** 2 / 3)

# ---- activation statistics, layer 1 (z ~ N(0, s^2)) by quadrature, not closed forms --------------------------------
def moments(f, s):
    pdf = lambda z: np.exp(-z * z / (2 * s * s)) / (s * np.sqrt(2 * np.pi))
    m1 = si.quad(lambda z: f(z) * pdf(z), -np.inf, np.inf, epsabs=1e-13)[0]
    m2 = si.quad(lambda z: f(z) ** 2 * pdf(z), -np.inf, np.inf, epsabs=1e-13)[0]
    return m1, np.sqrt(m2 - m1 * m1)
relu = lambda z: np.maximum(z, 0)
print("tanh,  s=1        mean/std =", moments(np.tanh, 1.0))
print("tanh,  s=sqrt(500) mean/std =", moments(np.tanh, np.sqrt(500)))
print("tanh,  s=0.01*sqrt(500) std =", moments(np.tanh, 0.01 * np.sqrt(500))[1])
print("relu,  s=1        mean/std =", moments(relu, 1.0))
print("relu,  s=sqrt(2)  mean/std =", moments(relu, np.sqrt(2)))

# ---- the activation-statistics experiment itself (numpy, seed 0): deep layers depend on the seed ------------------
rng = np.random.default_rng(0)
D = rng.standard_normal((1000, 500))
for name, act, scale in [("tanh 0.01", np.tanh, lambda fi: 0.01), ("tanh 1.0", np.tanh, lambda fi: 1.0),
                         ("tanh fan-in", np.tanh, lambda fi: 1 / np.sqrt(fi)), ("relu fan-in", relu, lambda fi: 1 / np.sqrt(fi)),
                         ("relu He", relu, lambda fi: 1 / np.sqrt(fi / 2))]:
    H = D
    means, stds = [], []
    for i in range(10):
        Wl = rng.standard_normal((H.shape[1], 500)) * scale(H.shape[1])
        H = act(H @ Wl)
        means.append(H.mean()); stds.append(H.std())
    print(f"{name:12s} means", np.round(means, 4), "stds", np.array(stds))

# ---- PReLU and ELU against torch autograd -----------------------------------------------------------------------
x = torch.tensor([[-1.5, 0.3, -0.2], [2.0, -0.7, 0.0], [-3.0, 1.1, 0.4]], requires_grad=True)
a = torch.tensor([0.25, 0.1, -0.3], requires_grad=True)
g = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5], [-2.0, 0.75, 1.0]])
y = torch.nn.functional.prelu(x, a)
y.backward(g)
print("prelu y       =", y.detach().numpy().ravel().tolist())
print("prelu dx      =", x.grad.numpy().ravel().tolist())
print("prelu dalpha  =", a.grad.numpy().tolist())
x2 = torch.tensor([[-1.5, 0.3, -0.2], [2.0, -0.7, 0.0], [-3.0, 1.1, 0.4]], requires_grad=True)
a2 = torch.tensor([0.2], requires_grad=True)
torch.nn.functional.prelu(x2, a2).backward(g)
print("prelu shared dalpha =", a2.grad.numpy().tolist())
for v in [-30.0, -5.0, -1.0]:
    t = torch.tensor([v], requires_grad=True)
    torch.nn.functional.elu(t, alpha=1.0).backward()
    print(f"elu'({v}) torch = {t.grad.item()!r}  numpy exp = {np.exp(v)!r}  (h+1 in double = {np.expm1(v) + 1.0!r})")
print("ELU(-1), alpha = 1 =", np.expm1(-1.0))

# ---- the chain of Fig. 3.8 with sigmoid units (eq. 3.38) by torch autograd ---------------------------------------
w = torch.tensor([0.5, -1.2, 2.0, 0.8])
xx = torch.tensor(0.7, requires_grad=True)
hs = [xx]
for wt in w:
    h = torch.sigmoid(wt * hs[-1])
    h.retain_grad()
    hs.append(h)
hs[-1].backward()
print("chain h       =", [h.item() for h in hs])
print("chain do/dh_t =", [h.grad.item() if h.grad is not None else 1.0 for h in hs[:-1]] + [1.0])

# ---- Monte-Carlo of 10 sigmoid layers, N(0,1) weights, x ~ U(0,1) ----------------------------------------------------
rng = np.random.default_rng(1)
N = 200000
Wm = rng.standard_normal((N, 10))
h = rng.random(N)
prod = np.ones(N)
sig = lambda z: 1 / (1 + np.exp(-z))
for t in range(10):
    h = sig(Wm[:, t] * h)
    prod *= Wm[:, t] * h * (1 - h)
print("MC |do/dx| median, p90 =", np.median(np.abs(prod)), np.percentile(np.abs(prod), 90), " bound 0.25^10 =", 0.25 ** 10)
print("E|w| for N(0,1) = sqrt(2/pi) =", np.sqrt(2 / np.pi), " sampled:", np.abs(rng.standard_normal(10 ** 6)).mean())

# ---- Fig. 3.9 on x^2 + 4y^2 -------------------------------------------------------------------------------------
def steps(alpha, start=(1.0, 1.0), tol=1e-6, cap=100000):
    p = np.array(start)
    for k in range(cap):
        if np.linalg.norm(p) < tol:
            return k
        p = p - alpha * np.array([2 * p[0], 8 * p[1]])
    return -1
print("steps alpha=0.2:", steps(0.2), " alpha=0.05:", steps(0.05))
p = np.array([1.0, 1.0])
for k in range(50):
    p = p - 0.26 * np.array([2 * p[0], 8 * p[1]])
print("|y| after 50 steps at alpha=0.26:", abs(p[1]))

# ---- bias init from class marginals ------------------------------------------------------------------------------
counts = np.array([50, 30, 15, 5])
c = counts / counts.sum()
print("log c =", list(np.log(c)), " H(c) =", -(c * np.log(c)).sum(), " log K =", np.log(4))

# ---- exercise 04.3: squared length of whitened held-out rows = Mahalanobis distance (sign-free) ---------------------
for eps in [0.0, 0.5]:
    Ci = np.linalg.inv(C + eps * np.eye(3))
    print(f"04.3 |whiten(T)|^2 eps={eps}:", [float((t - mu) @ Ci @ (t - mu)) for t in T])
print("04.3 |whiten(T)|^2 if T is centred on its own mean:", [float((t - T.mean(0)) @ np.linalg.inv(C) @ (t - T.mean(0))) for t in T])
