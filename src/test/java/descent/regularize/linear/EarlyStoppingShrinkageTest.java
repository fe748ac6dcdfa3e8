package descent.regularize.linear;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class EarlyStoppingShrinkageTest {

    static final DMatrixRMaj H = new DMatrixRMaj(new double[][]{{2.0, 0.5, 0.0}, {0.5, 0.3, 0.1}, {0.0, 0.1, 0.2}});
    static final double[] W_STAR = {1.0, -2.0, 3.0};

    @Test
    void gradientDescentFromTheOriginMatchesEq740() {
        double eps = 0.4;
        double[] w = new double[3], d = new double[3];
        for (int tau = 1; tau <= 60; tau++) {
            // plain GD on ½(w − w*)ᵀH(w − w*), eqs. 7.35–7.36, written out without the eigen-decomposition
            for (int r = 0; r < 3; r++) {
                d[r] = 0;
                for (int c = 0; c < 3; c++) {
                    d[r] += H.get(r, c) * (w[c] - W_STAR[c]);
                }
            }
            for (int r = 0; r < 3; r++) {
                w[r] -= eps * d[r];
            }
            if (tau % 15 == 0) {
                assertArrayEquals(w, new EarlyStoppingShrinkage(H).weights(W_STAR, eps, tau), 1e-12, "τ = " + tau);
            }
        }
    }

    @Test
    void theEquivalentAlphaShrinksEachDirectionAsL2Does() {
        EarlyStoppingShrinkage es = new EarlyStoppingShrinkage(H);
        L2Shrinkage l2 = new L2Shrinkage(H);
        double eps = 0.2;
        for (long tau : new long[]{1, 10, 100}) {
            double[] f = es.factors(eps, tau), a = es.equivalentAlphas(eps, tau);
            for (int i = 0; i < 3; i++) {
                // eq. 7.42's factor λᵢ/(λᵢ + α) at α = αᵢ(τ) against eq. 7.40's 1 − (1 − ελᵢ)ᵗ
                assertEquals(f[i], l2.factors(a[i])[i], 1e-12, "direction " + i + ", τ = " + tau);
            }
        }
    }

    @Test
    void reproducesTheTableOfAlphaAgainstOneOverEpsilonTau() {
        double[] lambda = {0.001, 0.1, 1};
        double[] a100 = EarlyStoppingShrinkage.equivalentAlphas(lambda, 0.01, 100);
        double[] a1000 = EarlyStoppingShrinkage.equivalentAlphas(lambda, 0.01, 1000);
        // this course's reproduction (numpy): 0.9995, 0.950, 0.577 and 0.0995, 0.058, 4.3e-5
        assertEquals(0.9995, a100[0], 5e-5);
        assertEquals(0.950, a100[1], 5e-4);
        assertEquals(0.577, a100[2], 5e-4);
        assertEquals(0.0995, a1000[0], 5e-5);
        assertEquals(0.058, a1000[1], 5e-4);
        assertEquals(4.3e-5, a1000[2], 5e-7);
        assertEquals(1.0, EarlyStoppingShrinkage.approximateAlpha(0.01, 100), 1e-15);
    }

    @Test
    void alphaTendsToOneOverEpsilonTauForSmallCurvature() {
        for (long tau : new long[]{10, 100, 1000}) {
            double a = EarlyStoppingShrinkage.equivalentAlphas(new double[]{1e-7}, 0.01, tau)[0];
            double approx = EarlyStoppingShrinkage.approximateAlpha(0.01, tau);
            // αᵢ = λr/(1 − r) with r = (1 − ελ)ᵗ: relative error ≈ ελ(τ+1)/2 + λ/(2α), about 1e-6 here
            assertEquals(1, a / approx, 1e-5, "τ = " + tau);
        }
        // and the approximation fails once ελτ is not small (λ = 1, τ = 1000: 4.3e-5 against 0.1)
        assertTrue(EarlyStoppingShrinkage.equivalentAlphas(new double[]{1}, 0.01, 1000)[0] < 1e-3);
    }

    @Test
    void badInputNamesTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EarlyStoppingShrinkage(H).factors(-0.1, 10));
        assertTrue(e.getMessage().contains("-0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EarlyStoppingShrinkage(H).factors(0.1, 0));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EarlyStoppingShrinkage.equivalentAlphas(new double[]{3}, 1, 10));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EarlyStoppingShrinkage(H).weights(new double[2], 0.1, 3));
        assertTrue(e.getMessage().contains("2"), e.getMessage());
    }
}
