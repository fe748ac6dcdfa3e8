"""Fixture values for the graded tests of chapter 06 (package datanoise), computed once with numpy as an independent
derivation.

Run: /usr/bin/python3 src/test/python/datanoise_fixtures.py
The printed codes are written into src/grade/java/datanoise/MatchingPursuitTest.java.

OMP-k (exercise 06.7) on a 5 x 7 dictionary given by a formula (the same formula is in the Java test):
  w[i][j] = cos(0.7 i + 1.3 j) + 0.1 (i - j),   x[i] = sin(1.1 i) + 0.5
with the least-squares refit done by numpy.linalg.lstsq.
"""
import numpy as np

W = np.array([[np.cos(0.7 * i + 1.3 * j) + 0.1 * (i - j) for j in range(7)] for i in range(5)])
x = np.array([np.sin(1.1 * i) + 0.5 for i in range(5)])


def omp(k):
    support, r = [], x.copy()
    for _ in range(k):
        c = W.T @ r
        c[support] = 0
        support.append(int(np.argmax(np.abs(c))))
        coef, *_ = np.linalg.lstsq(W[:, support], x, rcond=None)
        r = x - W[:, support] @ coef
    h = np.zeros(W.shape[1])
    h[support] = coef
    return support, h


for k in (1, 2, 3):
    s, h = omp(k)
    print(f"k = {k}: support {s}, h = {h.tolist()!r}")
