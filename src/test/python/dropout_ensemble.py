"""Fixture for descent.regularize.dropout tests (run once: python3 src/test/python/dropout_ensemble.py).

Softmax regression with n = 4 inputs and K = 3 classes, dropout (keep p = 1/2) on the inputs: enumerate all 16
masks and combine the sub-models' class probabilities by the renormalized geometric mean (the draft of Goodfellow
et al. ch. 7, eq. 7.30) and by the arithmetic mean; compare with softmax(W^T v / 2 + b). Also p = 0.7 with the
mask weights p^|d| (1-p)^(n-|d|).
"""
import itertools
import numpy as np

W = np.array([[0.9, -1.2, 0.4], [-0.5, 0.8, 1.5], [1.1, 0.3, -0.7], [-0.2, -1.0, 2.0]])  # n x K
v = np.array([1.5, -0.5, 2.0, 1.0])
b = np.array([0.1, -0.3, 0.2])


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


for p in (0.5, 0.7):
    logs, ar = np.zeros(3), np.zeros(3)
    for d in itertools.product([0, 1], repeat=4):
        d = np.array(d)
        wt = p ** d.sum() * (1 - p) ** (4 - d.sum())
        pr = softmax(W.T @ (d * v) + b)
        logs += wt * np.log(pr)
        ar += wt * pr
    geo = np.exp(logs) / np.exp(logs).sum()
    print(f"p={p} geometric  ", np.array2string(geo, precision=12))
    print(f"p={p} softmax(pWv+b)", np.array2string(softmax(p * W.T @ v + b), precision=12))
    print(f"p={p} arithmetic ", np.array2string(ar, precision=12))
