"""Fixture values for descent.regularize (chapter 05), computed once with numpy/scipy as an independent derivation:
numpy.linalg.solve / pinv / eigh and scipy.optimize instead of the library's EJML code paths.

Run: /usr/bin/python3 src/test/python/regularize_fixtures.py
The printed numbers are written into src/test/java/descent/regularize/*Test.java and the graded tests.
"""
import numpy as np
import scipy.optimize as so

np.set_printoptions(precision=17)

X = np.array([[1., 2., 0.5], [0., 1., -1.], [2., -1., 1.], [1., 1., 1.], [-1., 0.5, 2.], [0.5, -2., 1.]])
y = np.array([1., -2., 3., 0.5, 2., -1.])
alpha = 0.8

# ridge, both readings of Goodfellow eqs. 7.14-7.17
w_half = np.linalg.solve(X.T @ X + alpha * np.eye(3), X.T @ y)           # 1/2||Xw-y||^2 + a/2||w||^2  (printed 7.17)
w_printed_obj = np.linalg.solve(X.T @ X + alpha / 2 * np.eye(3), X.T @ y)  # ||Xw-y||^2 + a/2||w||^2  (7.15 as printed)
grad_715 = lambda w: 2 * X.T @ (X @ w - y) + alpha * w
print("ridge HALF           =", list(w_half))
print("ridge AS_PRINTED     =", list(w_printed_obj))
print("|grad 7.15| at printed 7.17 =", np.linalg.norm(grad_715(w_half)))
print("|grad 7.15| at alpha/2 form =", np.linalg.norm(grad_715(w_printed_obj)))
# the same minimizer by a general-purpose optimizer (no normal equations)
r = so.minimize(lambda w: np.sum((X @ w - y) ** 2) + alpha / 2 * w @ w, np.zeros(3), method="BFGS", options={"gtol": 1e-12})
print("BFGS on 7.15 objective =", list(r.x))

# eigen-analysis (eqs. 7.10, 7.13) and gamma (draft eq. 7.8)
H = X.T @ X
lam, Q = np.linalg.eigh(H)
wstar = np.linalg.solve(H, X.T @ y)
print("eigenvalues of X^T X =", list(lam))
print("w* =", list(wstar))
print("w~(alpha) =", list(np.linalg.solve(H + alpha * np.eye(3), H @ wstar)))
print("gamma(alpha) =", np.sum(lam / (lam + alpha)), " hat trace =", np.trace(X @ np.linalg.solve(H + alpha * np.eye(3), X.T)))

# pseudo-inverse of a rank-2 4x3 matrix (third column = first + second)
A = np.array([[1., 2., 3.], [0., 1., 1.], [2., 0., 2.], [1., -1., 0.]])
print("rank A =", np.linalg.matrix_rank(A))
print("pinv A =", [list(row) for row in np.linalg.pinv(A)])
b = np.array([1., 2., 0., -1.])
print("pinv A b =", list(np.linalg.pinv(A) @ b))

# LASSO 1/2||Xw-y||^2 + a||w||_1 by scipy (L-BFGS-B on the split w = u - v, u, v >= 0): no soft threshold involved
a1 = 1.5
f = lambda z: 0.5 * np.sum((X @ (z[:3] - z[3:]) - y) ** 2) + a1 * np.sum(z)
g = lambda z: np.concatenate([X.T @ (X @ (z[:3] - z[3:]) - y) + a1, -(X.T @ (X @ (z[:3] - z[3:]) - y)) + a1])
r = so.minimize(f, np.ones(6) * 0.1, jac=g, method="L-BFGS-B", bounds=[(0, None)] * 6, options={"ftol": 1e-15, "gtol": 1e-12})
print("lasso a=1.5 =", list(r.x[:3] - r.x[3:]), " objective", r.fun)

# Bayesian linear regression, prior N(0, I/2), noise variance 0.25
Sigma0 = np.eye(3) / 2.0
s2 = 0.25
SN = np.linalg.inv(np.linalg.inv(Sigma0) + X.T @ X / s2)
muN = SN @ (X.T @ y / s2)
print("BLR mean =", list(muN))
x0 = np.array([1., -1., 2.])
print("BLR predictive var at (1,-1,2) =", s2 + x0 @ SN @ x0)

# Gaussian prior log density, mu = (0.5, -1), Sigma = [[2, 0.3], [0.3, 0.5]], at w = (1, 0.2)
mu = np.array([0.5, -1.]); S = np.array([[2., 0.3], [0.3, 0.5]]); w = np.array([1., 0.2])
from scipy.stats import multivariate_normal, laplace
print("log N(w; mu, S) =", multivariate_normal(mu, S).logpdf(w))
print("grad =", list(-np.linalg.solve(S, w - mu)))
# Laplace: mu = (0, 1, -1), eta = (0.5, 2, 1), w = (0.3, -1, 2)
print("log Laplace =", sum(laplace(loc=m, scale=e).logpdf(v) for m, e, v in zip([0, 1, -1], [0.5, 2, 1], [0.3, -1, 2])))
