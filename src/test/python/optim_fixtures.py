"""Reference trajectories for descent.optim tests, from torch.optim (run once; numbers pasted into
src/test/java/descent/optim/TorchTrajectoryTest.java).

Run: /usr/bin/python3 src/test/python/optim_fixtures.py
Each optimizer takes 5 steps on the 2-D Rosenbrock function f = 100 (y - x^2)^2 + (1 - x)^2 from (-1.2, 1),
in float64. Printed: the iterate after each step.
"""
import torch

torch.set_default_dtype(torch.float64)


def rosen(p):
    x, y = p[0], p[1]
    return 100 * (y - x * x) ** 2 + (1 - x) ** 2


def run(name, make, steps=5):
    p = torch.tensor([-1.2, 1.0], requires_grad=True)
    opt = make([p])
    rows = []
    for _ in range(steps):
        opt.zero_grad()
        loss = rosen(p)
        loss.backward()
        opt.step()
        rows.append(p.detach().clone().tolist())
    body = ",\n            ".join("{%r, %r}" % (a, b) for a, b in rows)
    print(f"    // {name}\n    static final double[][] {name} = {{\n            {body}}};")


run("SGD", lambda ps: torch.optim.SGD(ps, lr=1e-3))
run("MOMENTUM", lambda ps: torch.optim.SGD(ps, lr=1e-3, momentum=0.9))
run("NESTEROV", lambda ps: torch.optim.SGD(ps, lr=1e-3, momentum=0.9, nesterov=True))
run("ADAGRAD", lambda ps: torch.optim.Adagrad(ps, lr=0.1, eps=1e-7))
run("RMSPROP_OUTSIDE", lambda ps: torch.optim.RMSprop(ps, lr=0.01, alpha=0.9, eps=1e-8))
run("ADADELTA", lambda ps: torch.optim.Adadelta(ps, lr=1.0, rho=0.95, eps=1e-6))
run("ADAM", lambda ps: torch.optim.Adam(ps, lr=0.01, betas=(0.9, 0.999), eps=1e-8))
run("ADAMW", lambda ps: torch.optim.AdamW(ps, lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.1))


def run_scheduled(name, make, factor=0.5, steps=5):
    """As run, with the learning rate multiplied by `factor` after every step (LambdaLR), so that the weight
    decay's dependence on the scheduled rate shows."""
    p = torch.tensor([-1.2, 1.0], requires_grad=True)
    opt = make([p])
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda k: factor ** k)
    rows = []
    for _ in range(steps):
        opt.zero_grad()
        loss = rosen(p)
        loss.backward()
        opt.step()
        sched.step()
        rows.append(p.detach().clone().tolist())
    body = ",\n            ".join("{%r, %r}" % (a, b) for a, b in rows)
    print(f"    // {name}\n    static final double[][] {name} = {{\n            {body}}};")


# AdamW with a large weight decay, so that decay and step are of the same size, under a halving schedule
run_scheduled("ADAMW_SCHEDULED", lambda ps: torch.optim.AdamW(ps, lr=0.05, betas=(0.9, 0.999), eps=1e-8, weight_decay=2.0))
