#!/usr/bin/python3
"""Peer for descent.bench.OptimBench: scipy's L-BFGS-B (maxcor 10) and CG on the Moré–Garbow–Hillstrom problems of
mgh.py (the independent numpy implementation), analytic gradients (`jac=`), default options.

Prints one line per (method, problem), tab-separated:
    method  problem  nit  nfev  njev  gradinf  f  status  message
where gradinf = ‖∇f(x_final)‖∞ recomputed here. For L-BFGS-B, when the default run stops on its relative-decrease
test (`ftol`) with ‖∇f‖∞ > 1e-5, a second line with method "L-BFGS-B/ftol=0" repeats the run with ftol = 0.
Run with Debian's python3 (scipy 1.10):
    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 src/bench/python/optim_scipy.py
    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 src/bench/python/optim_scipy.py --jitter 5

With --jitter K it then repeats both methods from K moved starts: start k (1..K) moves every nonzero coordinate of
x0 by one ulp, up or down by bit 16 of a linear congruential sequence s <- (1103515245 s + 12345) mod 2^31 started
at s = k (the same rule as OptimBench.moved). Those lines carry method "L-BFGS-B@k" (the run compared: the ftol = 0
rerun where the default stops on ftol with ||g||_inf > 1e-5) and "CG@k".
"""
import os
import sys

import numpy as np
import scipy
from scipy.optimize import minimize

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mgh  # noqa: E402




def line(method, name, res, grad):
    ginf = float(np.max(np.abs(grad(res.x))))
    msg = str(res.message).replace("\t", " ").replace("\n", " ")
    njev = getattr(res, "njev", res.nfev)
    print("\t".join([method, name, str(res.nit), str(res.nfev), str(njev), "%.9e" % ginf, "%.9e" % res.fun,
                     str(res.status), msg]))
    return ginf


def moved(x0, k):
    """x0 with every nonzero coordinate moved one ulp, the direction drawn from an LCG seeded with k."""
    x = np.array(x0, dtype=float)
    s = k
    for j in range(x.size):
        s = (1103515245 * s + 12345) & 0x7FFFFFFF
        if x[j] != 0:
            x[j] = np.nextafter(x[j], np.inf if (s >> 16) & 1 else -np.inf)
    return x


def jittered(k):
    lbfgs = {"maxcor": 10, "maxiter": 15000, "maxfun": 15000}
    for name, n, x0, fun, grad in mgh.problems():
        xk = moved(x0, k)
        res = minimize(fun, xk, jac=grad, method="L-BFGS-B", options=lbfgs)
        if float(np.max(np.abs(grad(res.x)))) > 1e-5 and "REL_REDUCTION_OF_F" in str(res.message):
            res = minimize(fun, xk, jac=grad, method="L-BFGS-B", options=dict(lbfgs, ftol=0.0))
        line("L-BFGS-B@%d" % k, name, res, grad)
        line("CG@%d" % k, name, minimize(fun, xk, jac=grad, method="CG"), grad)


def main():
    print("# scipy", scipy.__version__, "numpy", np.__version__)
    for name, n, x0, fun, grad in mgh.problems():
        res = minimize(fun, x0, jac=grad, method="L-BFGS-B", options={"maxcor": 10, "maxiter": 15000, "maxfun": 15000})
        ginf = line("L-BFGS-B", name, res, grad)
        if ginf > 1e-5 and "REL_REDUCTION_OF_F" in str(res.message):
            res0 = minimize(fun, x0, jac=grad, method="L-BFGS-B",
                            options={"maxcor": 10, "ftol": 0.0, "maxiter": 15000, "maxfun": 15000})
            line("L-BFGS-B/ftol=0", name, res0, grad)
        res = minimize(fun, x0, jac=grad, method="CG")
        line("CG", name, res, grad)
    if len(sys.argv) == 3 and sys.argv[1] == "--jitter":
        for k in range(1, int(sys.argv[2]) + 1):
            jittered(k)


if __name__ == "__main__":
    main()
