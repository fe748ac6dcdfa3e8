"""Fixture values for the graded chapter-05 exercises (05.1-05.8), computed once with numpy as an independent
derivation (numpy.linalg.solve / eigvalsh / pinv, not the course's code).

Run: /usr/bin/python3 src/test/python/penalties_fixtures.py
"""
import numpy as np

np.set_printoptions(precision=17)
p = lambda name, v: print(name, "=", repr(np.asarray(v).tolist()))

# 05.1 weight decay step: w <- (1 - eps*alpha) w - eps*gw, b <- b - eps*gb (biases not decayed)
w = np.array([0.5, -1.25, 2.0]); b = np.array([0.75, -0.3]); gw = np.array([0.1, 0.4, -0.2]); gb = np.array([1.0, -0.5])
eps, alpha = 0.1, 0.5
p("05.1 w", (1 - eps * alpha) * w - eps * gw)
p("05.1 b", b - eps * gb)
# the same as plain SGD on J + alpha/2 ||w||^2
p("05.1 w via gradient", w - eps * (gw + alpha * w))

# 05.2 ridge for (Xw-y)^T(Xw-y) + 1/2 alpha w^T w
X = np.array([[1., 2.], [3., -1.], [0., 1.], [2., 2.]]); y = np.array([1., 0., -1., 2.]); a = 3.0
p("05.2 w", np.linalg.solve(X.T @ X + a / 2 * np.eye(2), X.T @ y))
p("05.2 printed 7.17", np.linalg.solve(X.T @ X + a * np.eye(2), X.T @ y))
X5 = np.array([[1., 0., 2., -1.], [0., 1., 1., 1.], [2., 1., 0., 0.]]); y5 = np.array([1., 2., 3.])
p("05.2 underdetermined alpha=0.5", np.linalg.solve(X5.T @ X5 + 0.25 * np.eye(4), X5.T @ y5))

# 05.4 one ISTA step on 1/2||Xw-y||^2 + alpha||w||_1
w0 = np.array([0.5, -0.2]); eps4, a4 = 0.05, 2.0
z = w0 - eps4 * X.T @ (X @ w0 - y)
p("05.4 gradient step", z)
p("05.4 ista", np.sign(z) * np.maximum(np.abs(z) - eps4 * a4, 0))

# 05.7 gamma(alpha) = sum lambda/(lambda+alpha), lambda = eig(X^T X)
lam = np.linalg.eigvalsh(X.T @ X)
p("05.7 eig", lam)
p("05.7 gamma(1)", np.sum(lam / (lam + 1.0)))
p("05.7 hat trace(1)", np.trace(X @ np.linalg.solve(X.T @ X + np.eye(2), X.T)))
lam5 = np.linalg.eigvalsh(X5.T @ X5)
p("05.7 gamma X5 (alpha=2)", np.sum(lam5 / (lam5 + 2.0)))

# 05.8 pinv with a tolerance
A = np.array([[1., 2., 3.], [0., 1., 1.], [2., 0., 2.], [1., -1., 0.]])
p("05.8 pinv A", np.linalg.pinv(A, rcond=1e-10))
B = np.array([[2., 0.], [0., 1e-9]])
p("05.8 pinv B tol 1e-6", np.linalg.pinv(B, rcond=1e-6 / 2))

# 05.9 Bayesian linear regression predictive at x* = (1, 3), prior precision 2, noise variance 0.25
X9 = np.array([[1., 0.5], [1., -1.], [1., 2.], [1., 0.]]); y9 = np.array([1., -0.5, 2.5, 0.3]); xs9 = np.array([1., 3.])
S9 = np.linalg.inv(2.0 * np.eye(2) + X9.T @ X9 / 0.25); mu9 = S9 @ X9.T @ y9 / 0.25
p("05.9 predictive {mean, variance}", [xs9 @ mu9, 0.25 + xs9 @ S9 @ xs9])
