"""Fixture values for the graded second-order exercises (03.12-03.16), computed once in exact rational arithmetic
(Python fractions) as an independent derivation: no floating point, no library optimizer.

Run: /usr/bin/python3 src/test/python/secondorder_fixtures.py
"""
from fractions import Fraction as F


def matvec(a, x):
    return [sum(a[i][j] * x[j] for j in range(len(x))) for i in range(len(a))]


def dot(a, b):
    return sum(x * y for x, y in zip(a, b))


def show(name, v):
    if isinstance(v, list) and v and isinstance(v[0], list):
        print(name, "=", [[float(x) for x in row] for row in v], " exact", [[str(x) for x in row] for row in v])
    elif isinstance(v, list):
        print(name, "=", [float(x) for x in v], " exact", [str(x) for x in v])
    else:
        print(name, "=", float(v), " exact", str(v))


# 03.12 linear CG on f = 1/2 x^T H x - b^T x, H = [[4,1],[1,3]], b = (1,2), x0 = (2,1); gradient g = Hx - b.
H = [[F(4), F(1)], [F(1), F(3)]]
b = [F(1), F(2)]
x = [F(2), F(1)]
g = [hx - bi for hx, bi in zip(matvec(H, x), b)]
q = [-gi for gi in g]
show("03.12 g0", g)
for t in range(2):
    hq = matvec(H, q)
    alpha = -dot(g, q) / dot(q, hq)
    x = [xi + alpha * qi for xi, qi in zip(x, q)]
    g_new = [hx - bi for hx, bi in zip(matvec(H, x), b)]
    beta = dot(hq, g_new) / dot(q, hq)          # eq. 3.50
    show("03.12 alpha%d" % t, alpha)
    show("03.12 x%d" % (t + 1), x)
    show("03.12 g%d" % (t + 1), g_new)
    show("03.12 q%d" % t, q)
    show("03.12 beta%d" % t, beta)
    q = [-gi + beta * qi for gi, qi in zip(g_new, q)]
    g = g_new

# 03.13 BFGS update, eq. 3.56, written with explicit matrices.
def bfgs(G, q, v):
    n = len(q)
    d = 1 / dot(q, v)
    I = [[F(int(i == j)) for j in range(n)] for i in range(n)]
    left = [[I[i][j] - d * q[i] * v[j] for j in range(n)] for i in range(n)]
    right = [[I[i][j] - d * v[i] * q[j] for j in range(n)] for i in range(n)]
    lg = [[sum(left[i][k] * G[k][j] for k in range(n)) for j in range(n)] for i in range(n)]
    lgr = [[sum(lg[i][k] * right[k][j] for k in range(n)) for j in range(n)] for i in range(n)]
    return [[lgr[i][j] + d * q[i] * q[j] for j in range(n)] for i in range(n)]


G = [[F(2), F(1, 2), F(0)], [F(1, 2), F(1), F(1, 5)], [F(0), F(1, 5), F(3, 2)]]
qq = [F(1), F(-1, 2), F(1, 4)]
vv = [F(4, 5), F(-1, 10), F(3, 5)]
show("03.13 G", G)
show("03.13 q^T v", dot(qq, vv))
G1 = bfgs(G, qq, vv)
show("03.13 G1", G1)
show("03.13 G1 v (must be q)", matvec(G1, vv))
# The same G and q with v doubled, so qᵀv = 2: tells Δ = 1/qᵀv from Δ = qᵀv (they coincide above, where qᵀv = 1).
vv2 = [2 * x for x in vv]
show("03.13 q^T v2", dot(qq, vv2))
G2 = bfgs(G, qq, vv2)
show("03.13 G2", G2)
show("03.13 G2 v2 (must be q)", matvec(G2, vv2))

# 03.14 two-loop: G = gamma*I updated by eq. 3.56 with (q1, v1) then (q2, v2), applied to g.
gamma = F(1, 2)
pairs = [([F(1), F(0), F(1, 2)], [F(2), F(1, 2), F(1)]), ([F(0), F(1), F(-1)], [F(1, 2), F(3), F(-1)])]
Gm = [[gamma * int(i == j) for j in range(3)] for i in range(3)]
for p, w in pairs:
    assert dot(p, w) > 0
    Gm = bfgs(Gm, p, w)
gg = [F(1), F(-2), F(3)]
show("03.14 G g", matvec(Gm, gg))

# 03.11 conjugate directions from the basis e1, e2, e3 by Gram-Schmidt in the H inner product (exercise 11).
H3 = [[F(4), F(1), F(0)], [F(1), F(3), F(1)], [F(0), F(1), F(2)]]
basis = [[F(1), F(0), F(0)], [F(0), F(1), F(0)], [F(0), F(0), F(1)]]
qs = []
for v in basis:
    qn = list(v)
    for qi in qs:
        beta = -dot(qi, matvec(H3, v)) / dot(qi, matvec(H3, qi))
        qn = [a + beta * c for a, c in zip(qn, qi)]
    qs.append(qn)
for i, qi in enumerate(qs):
    show("03.11 q%d" % i, qi)

# 03.7 coefficients of v in the conjugate basis q0 = e1, q1 = (-1/4, 1) of H = [[4, 1], [1, 3]]: c_j = q_j^T H v / q_j^T H q_j.
H2 = [[F(4), F(1)], [F(1), F(3)]]
q2 = [[F(1), F(0)], [F(-1, 4), F(1)]]
show("03.7 q0^T H q1 (must be 0)", dot(q2[0], matvec(H2, q2[1])))
for v in ([F(1), F(2)], [F(-3), F(1, 2)]):
    c = [dot(q, matvec(H2, v)) / dot(q, matvec(H2, q)) for q in q2]
    show("03.7 c for v = %s" % [str(x) for x in v], c)

# 03.8 the part of v orthogonal to span(a1, a2) in R^3, by Gram-Schmidt on the a's.
def orthogonal_part(vectors, v):
    basis = []
    for a in vectors:
        r = list(a)
        for b in basis:
            r = [x - dot(a, b) / dot(b, b) * y for x, y in zip(r, b)]
        if any(x != 0 for x in r):
            basis.append(r)
    out = list(v)
    for b in basis:
        out = [x - dot(v, b) / dot(b, b) * y for x, y in zip(out, b)]
    return out
show("03.8 (1,1,0), (1,0,0); v = (1,2,3)", orthogonal_part([[F(1), F(1), F(0)], [F(1), F(0), F(0)]], [F(1), F(2), F(3)]))
show("03.8 (1,2,2), (0,1,1), (2,4,4); v = (3,-1,2)", orthogonal_part([[F(1), F(2), F(2)], [F(0), F(1), F(1)], [F(2), F(4), F(4)]], [F(3), F(-1), F(2)]))
