package descent.secondorder;

import descent.objective.Objective;

/**
 * The exact step for a quadratic f = ½xᵀHx − bᵀx: φ(α) is a parabola minimized at α = −∇f(x)ᵀp / pᵀHp, the step
 * linear CG takes (Aggarwal §3.5.6.1). One Hessian-vector product and one f+∇f evaluation at the new point.
 * On a non-quadratic objective this is the minimizer of the local quadratic model along p, not of f.
 *
 * <p>Fails with an {@link IllegalArgumentException} when pᵀHp ≤ 0 (no minimum along p: H is not positive
 * definite) or when p is not a descent direction.
 */
public final class ExactLineSearch implements LineSearch {

    @Override
    public Step search(Objective f, double[] x, double fx, double[] gx, double[] p, double initialStep) {
        double slope = LineSearch.requireDescent(name(), gx, p);
        double[] hp = new double[p.length];
        f.hessianVector(x, p, hp);
        double curvature = Vectors.dot(p, hp);
        if (!(curvature > 0)) {
            throw new IllegalArgumentException(name() + ": pᵀHp = " + curvature
                    + " ≤ 0, so f has no minimum along p (the Hessian is not positive definite)");
        }
        double alpha = -slope / curvature;
        double[] xNew = Vectors.step(x, alpha, p);
        double[] gNew = new double[x.length];
        double fNew = f.valueAndGradient(xNew, gNew);
        return new Step(alpha, xNew, fNew, gNew, 1, true, "");
    }

    @Override
    public String name() {
        return "exact (quadratic)";
    }
}
