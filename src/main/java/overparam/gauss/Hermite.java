package overparam.gauss;

import java.util.function.DoubleUnaryOperator;

/**
 * Normalised probabilists' Hermite polynomials h_r (oymak App. H): h_0 = 1, h_1 = x,
 * h_{r+1} = (x h_r - sqrt(r) h_{r-1}) / sqrt(r+1), orthonormal under N(0,1); and the coefficients mu_r(f) = E[f(g) h_r(g)].
 */
public final class Hermite {
    private Hermite() {}

    /** h_0(x), ..., h_R(x). */
    public static double[] values(double x, int maxDegree) {
        double[] h = new double[maxDegree + 1];
        h[0] = 1;
        if (maxDegree >= 1) h[1] = x;
        for (int r = 1; r < maxDegree; r++) h[r + 1] = (x * h[r] - Math.sqrt(r) * h[r - 1]) / Math.sqrt(r + 1);
        return h;
    }

    public static double value(int r, double x) {
        return values(x, r)[r];
    }

    /**
     * mu_0(f), ..., mu_R(f). The recurrence runs on h_r(z) e^{-z^2/4} so that high degrees on |z| up to 40 neither
     * overflow nor lose the Gaussian weight.
     */
    public static double[] coefficients(DoubleUnaryOperator f, int maxDegree, double... kinks) {
        GaussianExpectation.Rule rule = GaussianExpectation.rule(kinks);
        double[] mu = new double[maxDegree + 1];
        double[] z = rule.nodes(), w = rule.scaledWeights();
        for (int k = 0; k < z.length; k++) {
            double fz = f.applyAsDouble(z[k]);
            if (fz == 0 || w[k] == 0) continue;
            double damp = Math.exp(-0.25 * z[k] * z[k]);
            double prev = damp, cur = z[k] * damp;
            mu[0] += w[k] * fz * prev;
            if (maxDegree >= 1) mu[1] += w[k] * fz * cur;
            for (int r = 1; r < maxDegree; r++) {
                double next = (z[k] * cur - Math.sqrt(r) * prev) / Math.sqrt(r + 1);
                prev = cur;
                cur = next;
                mu[r + 1] += w[k] * fz * cur;
            }
        }
        return mu;
    }
}
