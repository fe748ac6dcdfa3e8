#!/usr/bin/python3
"""The Moré–Garbow–Hillstrom unconstrained test problems (ACM TOMS 7(1), 1981, §3), written for numpy.

This is the independent peer of descent.functions.MoreGarbowHillstrom: a separate implementation (vectorised
residual vectors r(x) and Jacobians J(x), f = r·r, ∇f = 2Jᵀr), written from the paper's definitions and not from
the Java code. `problems()` lists the 21 problems of the benchmark in the Java order, each as
(name, n, x0, fun, grad).

    /usr/bin/python3 src/bench/python/mgh.py           # prints f(x0) and ∇f(x0) for every problem (the
                                                       # fixture of MoreGarbowHillstromTest)
"""
import math
import sys

import numpy as np


def _problem(name, x0, resjac):
    x0 = np.asarray(x0, dtype=float)

    def fun(x):
        r, _ = resjac(np.asarray(x, dtype=float))
        return float(r @ r)

    def grad(x):
        r, j = resjac(np.asarray(x, dtype=float))
        return 2.0 * (j.T @ r)

    return name, x0.size, x0, fun, grad


def helical_valley():
    def rj(x):
        x1, x2, x3 = x
        if x1 > 0:
            theta = math.atan(x2 / x1) / (2 * math.pi)
        elif x1 < 0:
            theta = math.atan(x2 / x1) / (2 * math.pi) + 0.5
        else:
            theta = 0.25 * math.copysign(1.0, x2) if x2 != 0 else 0.0
        rad = math.hypot(x1, x2)
        r = np.array([10 * (x3 - 10 * theta), 10 * (rad - 1), x3])
        c = 100 / (2 * math.pi * rad * rad)
        j = np.array([[c * x2, -c * x1, 10.0],
                      [10 * x1 / rad, 10 * x2 / rad, 0.0],
                      [0.0, 0.0, 1.0]])
        return r, j
    return _problem("helical valley", [-1.0, 0.0, 0.0], rj)


def biggs_exp6():
    t = 0.1 * np.arange(1, 14)
    y = np.exp(-t) - 5 * np.exp(-10 * t) + 3 * np.exp(-4 * t)

    def rj(x):
        a, b, c, d, e, f = x
        ea, eb, ee = np.exp(-t * a), np.exp(-t * b), np.exp(-t * e)
        r = c * ea - d * eb + f * ee - y
        j = np.column_stack([-t * c * ea, t * d * eb, ea, -eb, -t * f * ee, ee])
        return r, j
    return _problem("Biggs EXP6", [1, 2, 1, 1, 1, 1], rj)


def gaussian():
    t = (8 - np.arange(1, 16)) / 2.0
    half = [0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521]
    y = np.array(half + [0.3989] + half[::-1])

    def rj(x):
        a, b, c = x
        d = t - c
        e = np.exp(-0.5 * b * d ** 2)
        r = a * e - y
        j = np.column_stack([e, -0.5 * a * e * d ** 2, a * b * d * e])
        return r, j
    return _problem("Gaussian", [0.4, 1, 0], rj)


def powell_badly_scaled():
    def rj(x):
        a, b = x
        r = np.array([1e4 * a * b - 1, math.exp(-a) + math.exp(-b) - 1.0001])
        j = np.array([[1e4 * b, 1e4 * a], [-math.exp(-a), -math.exp(-b)]])
        return r, j
    return _problem("Powell badly scaled", [0, 1], rj)


def box3d():
    t = 0.1 * np.arange(1, 11)
    w = np.exp(-t) - np.exp(-10 * t)

    def rj(x):
        a, b, c = x
        r = np.exp(-t * a) - np.exp(-t * b) - c * w
        j = np.column_stack([-t * np.exp(-t * a), t * np.exp(-t * b), -w])
        return r, j
    return _problem("Box 3-D", [0, 10, 20], rj)


def variably_dimensioned(n):
    k = np.arange(1, n + 1, dtype=float)

    def rj(x):
        s = float(k @ (x - 1))
        r = np.concatenate([x - 1, [s, s * s]])
        j = np.vstack([np.eye(n), k, 2 * s * k])
        return r, j
    return _problem("variably dimensioned (n = %d)" % n, 1 - k / n, rj)


def watson(n):
    t = np.arange(1, 30) / 29.0
    powers = np.vander(t, n, increasing=True)            # t^0 … t^(n-1)
    dpowers = np.zeros_like(powers)
    dpowers[:, 1:] = powers[:, :-1] * np.arange(1, n)    # d/dt of t^j = j t^(j-1)

    def rj(x):
        s1 = dpowers @ x
        s2 = powers @ x
        r = np.concatenate([s1 - s2 ** 2 - 1, [x[0], x[1] - x[0] ** 2 - 1]])
        j = np.vstack([dpowers - 2 * s2[:, None] * powers,
                       np.eye(n)[0],
                       np.concatenate([[-2 * x[0], 1], np.zeros(n - 2)])])
        return r, j
    return _problem("Watson (n = %d)" % n, np.zeros(n), rj)


def penalty1(n):
    a = math.sqrt(1e-5)

    def rj(x):
        r = np.concatenate([a * (x - 1), [x @ x - 0.25]])
        j = np.vstack([a * np.eye(n), 2 * x])
        return r, j
    return _problem("penalty I (n = %d)" % n, np.arange(1, n + 1, dtype=float), rj)


def penalty2(n):
    a = math.sqrt(1e-5)
    i = np.arange(2, n + 1)
    y = np.exp(i / 10.0) + np.exp((i - 1) / 10.0)
    wts = np.arange(n, 0, -1, dtype=float)

    def rj(x):
        e = np.exp(x / 10.0)
        r = np.concatenate([[x[0] - 0.2], a * (e[1:] + e[:-1] - y), a * (e[1:] - math.exp(-0.1)), [wts @ x ** 2 - 1]])
        j = np.zeros((2 * n, n))
        j[0, 0] = 1
        rows = np.arange(1, n)
        j[rows, rows] = a * e[1:] / 10
        j[rows, rows - 1] = a * e[:-1] / 10
        j[rows + n - 1, rows] = a * e[1:] / 10
        j[2 * n - 1] = 2 * wts * x
        return r, j
    return _problem("penalty II (n = %d)" % n, np.full(n, 0.5), rj)


def brown_badly_scaled():
    def rj(x):
        a, b = x
        return np.array([a - 1e6, b - 2e-6, a * b - 2]), np.array([[1.0, 0.0], [0.0, 1.0], [b, a]])
    return _problem("Brown badly scaled", [1, 1], rj)


def brown_dennis():
    t = np.arange(1, 21) / 5.0

    def rj(x):
        u = x[0] + t * x[1] - np.exp(t)
        v = x[2] + x[3] * np.sin(t) - np.cos(t)
        r = u ** 2 + v ** 2
        j = np.column_stack([2 * u, 2 * u * t, 2 * v, 2 * v * np.sin(t)])
        return r, j
    return _problem("Brown and Dennis", [25, 5, -5, -1], rj)


def gulf(m=99):
    t = np.arange(1, m + 1) / 100.0
    y = 25 + (-50 * np.log(t)) ** (2.0 / 3.0)

    def rj(x):
        a, b, c = x
        d = np.abs(y - b)
        p = d ** c
        e = np.exp(-p / a)
        r = e - t
        with np.errstate(divide="ignore", invalid="ignore"):
            db = np.where(d > 0, e * c * d ** (c - 1) * np.sign(y - b) / a, 0.0)
            dc = np.where(d > 0, -e * p * np.log(np.where(d > 0, d, 1.0)) / a, 0.0)
        j = np.column_stack([e * p / a ** 2, db, dc])
        return r, j
    return _problem("Gulf R&D", [5, 2.5, 0.15], rj)


def trigonometric(n):
    k = np.arange(1, n + 1, dtype=float)

    def rj(x):
        r = n - np.sum(np.cos(x)) + k * (1 - np.cos(x)) - np.sin(x)
        j = np.tile(np.sin(x), (n, 1)) + np.diag(k * np.sin(x) - np.cos(x))
        return r, j
    return _problem("trigonometric (n = %d)" % n, np.full(n, 1.0 / n), rj)


def ext_rosenbrock(n):
    def rj(x):
        odd, even = x[0::2], x[1::2]
        r = np.empty(n)
        r[0::2] = 10 * (even - odd ** 2)
        r[1::2] = 1 - odd
        j = np.zeros((n, n))
        idx = np.arange(0, n, 2)
        j[idx, idx] = -20 * odd
        j[idx, idx + 1] = 10
        j[idx + 1, idx] = -1
        return r, j
    x0 = np.tile([-1.2, 1.0], n // 2)
    return _problem("Rosenbrock" if n == 2 else "extended Rosenbrock (n = %d)" % n, x0, rj)


def ext_rosenbrock_sparse(n):
    """The same function without a dense Jacobian (n = 1000 would need 8 MB per evaluation)."""
    def fun(x):
        odd, even = x[0::2], x[1::2]
        return float(np.sum(100 * (even - odd ** 2) ** 2 + (1 - odd) ** 2))

    def grad(x):
        odd, even = x[0::2], x[1::2]
        g = np.empty_like(x)
        g[0::2] = -400 * odd * (even - odd ** 2) - 2 * (1 - odd)
        g[1::2] = 200 * (even - odd ** 2)
        return g
    return "extended Rosenbrock (n = %d)" % n, n, np.tile([-1.2, 1.0], n // 2), fun, grad


def ext_powell(n):
    s5, s10 = math.sqrt(5), math.sqrt(10)

    def rj(x):
        a, b, c, d = x[0::4], x[1::4], x[2::4], x[3::4]
        r = np.empty(n)
        r[0::4] = a + 10 * b
        r[1::4] = s5 * (c - d)
        r[2::4] = (b - 2 * c) ** 2
        r[3::4] = s10 * (a - d) ** 2
        j = np.zeros((n, n))
        i = np.arange(0, n, 4)
        j[i, i], j[i, i + 1] = 1, 10
        j[i + 1, i + 2], j[i + 1, i + 3] = s5, -s5
        j[i + 2, i + 1], j[i + 2, i + 2] = 2 * (b - 2 * c), -4 * (b - 2 * c)
        j[i + 3, i], j[i + 3, i + 3] = 2 * s10 * (a - d), -2 * s10 * (a - d)
        return r, j
    return _problem("extended Powell singular (n = %d)" % n, np.tile([3.0, -1.0, 0.0, 1.0], n // 4), rj)


def beale():
    y = np.array([1.5, 2.25, 2.625])
    k = np.arange(1, 4)

    def rj(x):
        a, b = x
        r = y - a * (1 - b ** k)
        j = np.column_stack([-(1 - b ** k), a * k * b ** (k - 1)])
        return r, j
    return _problem("Beale", [1, 1], rj)


def wood():
    s90, s10 = math.sqrt(90), math.sqrt(10)

    def rj(x):
        a, b, c, d = x
        r = np.array([10 * (b - a * a), 1 - a, s90 * (d - c * c), 1 - c, s10 * (b + d - 2), (b - d) / s10])
        j = np.array([[-20 * a, 10, 0, 0], [-1, 0, 0, 0], [0, 0, -2 * s90 * c, s90], [0, 0, -1, 0],
                      [0, s10, 0, s10], [0, 1 / s10, 0, -1 / s10]], dtype=float)
        return r, j
    return _problem("Wood", [-3, -1, -3, -1], rj)


def chebyquad(n):
    deg = np.arange(1, n + 1)
    integral = np.array([-1.0 / (k * k - 1.0) if k % 2 == 0 else 0.0 for k in deg])

    def rj(x):
        # T_k(2x − 1) = cos(k·arccos(2x − 1)); its x-derivative is 2k·sin(kθ)/sin(θ) (limit k² at the ends)
        y = np.clip(2 * x - 1, -1.0, 1.0)
        theta = np.arccos(y)
        kt = np.outer(deg, theta)
        tk = np.cos(kt)
        with np.errstate(divide="ignore", invalid="ignore"):
            dk = np.where(np.abs(np.sin(theta)) > 1e-12, 2 * deg[:, None] * np.sin(kt) / np.sin(theta), 2.0 * deg[:, None] ** 2 * np.sign(y) ** (deg[:, None] + 1))
        r = tk.mean(axis=1) - integral
        j = dk / n
        return r, j
    return _problem("Chebyquad (n = %d)" % n, np.arange(1, n + 1) / (n + 1.0), rj)


def problems():
    return [helical_valley(), biggs_exp6(), gaussian(), powell_badly_scaled(), box3d(), variably_dimensioned(10),
            watson(9), penalty1(10), penalty2(10), brown_badly_scaled(), brown_dennis(), gulf(), trigonometric(10),
            ext_rosenbrock(2), ext_rosenbrock(10), ext_rosenbrock_sparse(100), ext_rosenbrock_sparse(1000),
            ext_powell(12), beale(), wood(), chebyquad(8)]


def main():
    for name, n, x0, fun, grad in problems():
        g = grad(x0)
        shown = g if n <= 12 else g[:4]
        print("%s|%d|%r|%s" % (name, n, fun(x0), " ".join(repr(float(v)) for v in shown)))


if __name__ == "__main__":
    main()
