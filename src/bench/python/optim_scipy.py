#!/usr/bin/python3
"""Peer for descent.bench.OptimBench: scipy's L-BFGS-B (maxcor 10) and CG on the Moré–Garbow–Hillstrom problems of
mgh.py (the independent numpy implementation), analytic gradients (`jac=`), default options.

Prints one line per (method, problem), tab-separated:
    method  problem  nit  nfev  njev  gradinf  f  status  message
where gradinf = ‖∇f(x_final)‖∞ recomputed here. For L-BFGS-B, when the default run stops on its relative-decrease
test (`ftol`) with ‖∇f‖∞ > 1e-5, a second line with method "L-BFGS-B/ftol=0" repeats the run with ftol = 0.
Run with Debian's python3 (scipy 1.10):
    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 src/bench/python/optim_scipy.py
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
    print("\t".join([method, name, str(res.nit), str(res.nfev), str(njev), "%.3e" % ginf, "%.9e" % res.fun,
                     str(res.status), msg]))
    return ginf


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


if __name__ == "__main__":
    main()
