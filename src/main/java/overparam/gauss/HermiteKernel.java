package overparam.gauss;

import java.util.function.DoubleUnaryOperator;

/**
 * E[f(u) g(v)] for unit-variance (u, v) with correlation rho through the Hermite series sum_r mu_r(f) mu_r(g) rho^r
 * (oymak Lemma H.1's kernel identity). The series is cut where the tail of sum mu_r(f)^2 falls below 1e-15 of E f^2;
 * at |rho| = 1 the exact second moment is used, so the diagonal is exact even when the series converges slowly.
 */
public final class HermiteKernel implements DoubleUnaryOperator {
    private static final int MAX_DEGREE = 400;
    private final double[] product;
    private final double diagonal;

    private HermiteKernel(double[] product, double diagonal) {
        this.product = product;
        this.diagonal = diagonal;
    }

    public static HermiteKernel of(DoubleUnaryOperator f, double... kinks) {
        return of(f, f, kinks);
    }

    public static HermiteKernel of(DoubleUnaryOperator f, DoubleUnaryOperator g, double... kinks) {
        double[] mf = Hermite.coefficients(f, MAX_DEGREE, kinks);
        double[] mg = f == g ? mf : Hermite.coefficients(g, MAX_DEGREE, kinks);
        double ef2 = GaussianExpectation.expect(z -> f.applyAsDouble(z) * f.applyAsDouble(z), kinks);
        double eg2 = GaussianExpectation.expect(z -> g.applyAsDouble(z) * g.applyAsDouble(z), kinks);
        double efg = GaussianExpectation.expect(z -> f.applyAsDouble(z) * g.applyAsDouble(z), kinks);
        int degree = cut(mf, ef2, MAX_DEGREE);
        degree = Math.max(degree, cut(mg, eg2, MAX_DEGREE));
        double[] prod = new double[degree + 1];
        for (int r = 0; r <= degree; r++) prod[r] = mf[r] * mg[r];
        return new HermiteKernel(prod, efg);
    }

    private static int cut(double[] mu, double secondMoment, int max) {
        double tail = secondMoment;
        for (int r = 0; r <= max; r++) {
            tail -= mu[r] * mu[r];
            if (tail <= 1e-15 * Math.max(secondMoment, 1e-300)) return r;
        }
        return max;
    }

    public int degree() {
        return product.length - 1;
    }

    @Override
    public double applyAsDouble(double rho) {
        double r = Kernels.clip(rho);
        if (r == 1.0) return diagonal;
        double s = 0;
        for (int k = product.length - 1; k >= 0; k--) s = s * r + product[k];
        return s;
    }
}
