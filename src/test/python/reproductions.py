"""Numbers the notebooks of chapters 01-03 compare against that none of the five texts prints: this course's
reproductions, computed once here in NumPy, independently of the Java library (plain loops over the update rules
as the texts print them, no shared code).

Run: /usr/bin/python3 src/test/python/reproductions.py
"""
import numpy as np

np.set_printoptions(precision=6, suppress=False)


def steps_to_origin(update, c, start=(1.0, 1.0), tol=1e-6, max_steps=5000):
    """Steps until ||w|| < tol on x^2 + c y^2; -1 if the iterate diverges or never gets there."""
    w = np.array(start, dtype=float)
    state = {}
    for k in range(1, max_steps + 1):
        w = update(w, lambda x: np.array([2 * x[0], 2 * c * x[1]]), state, k)
        if not np.all(np.isfinite(w)) or np.linalg.norm(w) > 1e100:
            return -1
        if np.linalg.norm(w) < tol:
            return k
    return -1


def gd(lr):
    return lambda w, grad, s, k: w - lr * grad(w)


def momentum(lr, beta):
    def step(w, grad, s, k):
        v = beta * s.get("v", 0) - lr * grad(w)
        s["v"] = v
        return w + v
    return step


def nesterov(lr, beta):
    def step(w, grad, s, k):
        v0 = s.get("v", np.zeros(2))
        v = beta * v0 - lr * grad(w + beta * v0)
        s["v"] = v
        return w + v
    return step


def adagrad(lr):
    def step(w, grad, s, k):
        g = grad(w)
        s["A"] = s.get("A", 0) + g * g
        return w - lr * g / np.sqrt(s["A"])
    return step


def rmsprop(lr, rho):
    def step(w, grad, s, k):
        g = grad(w)
        s["A"] = rho * s.get("A", 0) + (1 - rho) * g * g
        return w - lr * g / np.sqrt(s["A"])
    return step


def adam(lr, r1=0.9, r2=0.999):
    def step(w, grad, s, k):
        g = grad(w)
        s["m"] = r1 * s.get("m", 0) + (1 - r1) * g
        s["v"] = r2 * s.get("v", 0) + (1 - r2) * g * g
        return w - lr * (s["m"] / (1 - r1 ** k)) / np.sqrt(s["v"] / (1 - r2 ** k))
    return step


def adadelta(rho=0.95, eps=1e-6):
    def step(w, grad, s, k):
        g = grad(w)
        s["A"] = rho * s.get("A", 0) + (1 - rho) * g * g
        d = np.sqrt((s.get("D", 0) + eps) / (s["A"] + eps)) * g
        s["D"] = rho * s.get("D", 0) + (1 - rho) * d * d
        return w - d
    return step


print("# notebook 03: softmax and cross-entropy at v = (1, 2, 3), label 1 (Aggarwal exercise 10)")
v = np.array([1.0, 2.0, 3.0])
o = np.exp(v) / np.exp(v).sum()
print("o =", o)
print("J =", np.diag(o) - np.outer(o, o))
print("L =", -np.log(o[1]), " dL/dv =", o - np.eye(3)[1])

print("\n# notebook 08: steps to ||w|| < 1e-6 on x^2 + c y^2 from (1, 1), learning rate 0.05 (Aggarwal Fig. 3.9 bowls)")
for name, u in [("GD", gd(0.05)), ("momentum 0.5", momentum(0.05, 0.5)), ("momentum 0.9", momentum(0.05, 0.9))]:
    print(name, [steps_to_origin(u, c) for c in (1, 4, 25)])
print("Nesterov 0.9 on c = 4:", steps_to_origin(nesterov(0.05, 0.9), 4))

print("\n# notebook 09: the same count for the per-coordinate methods (no delta)")
for name, u in [("AdaGrad 0.5", adagrad(0.5)), ("RMSProp 0.01", rmsprop(0.01, 0.9)), ("Adam 0.1", adam(0.1)),
                ("AdaDelta", adadelta())]:
    print(name, [steps_to_origin(u, c) for c in (1, 4, 25)])


print("\n# notebook 07 and exercise 02.10: steepest descent on x^2 + y^10 (Aggarwal exercise 6)")


def power_path(x, y, lr, steps):
    path = [(x, y)]
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(steps):
            x, y = x - lr * 2 * x, y - lr * 10 * y ** 9
            path.append((x, y))
    return path


for start, lr, steps in [((0.5, 0.5), 0.01, 10000), ((0.5, 0.5), 0.1, 10000), ((0.5, 0.5), 1e-4, 10000),
                         ((2.0, 2.0), 1e-4, 10000), ((2.0, 2.0), 0.01, 4), ((2.0, 2.0), 0.001, 4)]:
    p = power_path(np.float64(start[0]), np.float64(start[1]), lr, steps)
    print(f"start {start}, rate {lr}: step 1 = {p[1]}, step 2 = {p[2]}, step 3 = {p[3]}, last (step {steps}) = {p[-1]}")


print("\n# notebook 06: fraction of random symmetric matrices (diagonal N(0, 1), off-diagonal N(0, 1/2)) that are")
print("# positive definite, without and with a shift +I; 400,000 draws each")
rng = np.random.default_rng(0)
for n in range(1, 7):
    G = rng.standard_normal((400_000, n, n))
    A = (G + np.transpose(G, (0, 2, 1))) / 2
    pd = (np.linalg.eigvalsh(A).min(axis=1) > 0).mean()
    pd_shift = (np.linalg.eigvalsh(A + np.eye(n)).min(axis=1) > 0).mean()
    print(f"n = {n}: {pd:.5f}, shifted {pd_shift:.5f}, 2^-n = {2.0 ** -n:.5f}")
print("n = 2 in closed form: (2 - sqrt 2)/4 =", (2 - np.sqrt(2)) / 4)
