#!/usr/bin/python3
"""Peer for descent.bench.OptimBench: scipy's L-BFGS-B and CG on the 2-D and extended (block-separable,
More-Garbow-Hillstrom problem 21) Rosenbrock functions, analytic gradients, default options.

Prints one line per (method, n): method n nit nfev njev gradinf f seconds
where seconds is the median wall time of `repeats` runs. Run with Debian's python3 (scipy 1.10):
    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 src/bench/python/optim_scipy.py [repeats]
"""
import sys
import time

import numpy as np
import scipy
from scipy.optimize import minimize


def ext_rosen(x):
    a, b = x[0::2], x[1::2]
    return float(np.sum(100.0 * (b - a * a) ** 2 + (1.0 - a) ** 2))


def ext_rosen_grad(x):
    a, b = x[0::2], x[1::2]
    g = np.empty_like(x)
    t = b - a * a
    g[0::2] = -400.0 * a * t - 2.0 * (1.0 - a)
    g[1::2] = 200.0 * t
    return g


def start(n):
    x0 = np.empty(n)
    x0[0::2] = -1.2
    x0[1::2] = 1.0
    return x0


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    print("# scipy", scipy.__version__, "numpy", np.__version__)
    for method in ("L-BFGS-B", "CG"):
        for n in (2, 10, 100, 1000):
            x0 = start(n)
            times = []
            res = None
            for _ in range(repeats):
                t0 = time.perf_counter()
                res = minimize(ext_rosen, x0, jac=ext_rosen_grad, method=method)
                times.append(time.perf_counter() - t0)
            times.sort()
            ginf = float(np.max(np.abs(ext_rosen_grad(res.x))))
            print(method, n, res.nit, res.nfev, res.njev, "%.3e" % ginf, "%.6e" % res.fun, "%.6e" % times[len(times) // 2])


if __name__ == "__main__":
    main()
