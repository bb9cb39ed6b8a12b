package overparam.nn;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Fourth-order central differences (f(-2h), f(-h), f(h), f(2h)): truncation O(h^4), rounding O(eps / h). The
 * independent route for every analytic derivative of the harness.
 */
public final class FiniteDifferences {
    /** Step relative to max(1, |theta_i|): balances h^4 truncation against eps/h rounding. */
    public static final double STEP = 1e-3;

    private FiniteDifferences() {}

    public static double step(double at) {
        return STEP * Math.max(1, Math.abs(at));
    }

    public static double[] gradient(ToDoubleFunction<double[]> f, double[] theta) {
        return gradient(f, theta, defaultSteps(theta));
    }

    /** The default steps STEP * max(1, |theta_i|). */
    public static double[] defaultSteps(double[] theta) {
        double[] h = new double[theta.length];
        for (int i = 0; i < h.length; i++) h[i] = step(theta[i]);
        return h;
    }

    /** With explicit steps per parameter (e.g. fitted to the scale on which f varies, or doubled for a Richardson estimate). */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] theta, double[] steps) {
        double[] g = new double[theta.length];
        double[] t = theta.clone();
        for (int i = 0; i < theta.length; i++) {
            double h = steps[i];
            t[i] = theta[i] + h;
            double p1 = f.applyAsDouble(t);
            t[i] = theta[i] - h;
            double m1 = f.applyAsDouble(t);
            t[i] = theta[i] + 2 * h;
            double p2 = f.applyAsDouble(t);
            t[i] = theta[i] - 2 * h;
            double m2 = f.applyAsDouble(t);
            t[i] = theta[i];
            g[i] = (8 * (p1 - m1) - (p2 - m2)) / (12 * h);
        }
        return g;
    }

    /** Jacobian of a vector map, rows = outputs, columns = parameters. */
    public static double[][] jacobian(Function<double[], double[]> f, double[] theta) {
        return jacobian(f, theta, defaultSteps(theta));
    }

    /** With explicit steps per parameter. */
    public static double[][] jacobian(Function<double[], double[]> f, double[] theta, double[] steps) {
        int n = f.apply(theta).length;
        double[][] j = new double[n][theta.length];
        double[] t = theta.clone();
        for (int i = 0; i < theta.length; i++) {
            double h = steps[i];
            t[i] = theta[i] + h;
            double[] p1 = f.apply(t);
            t[i] = theta[i] - h;
            double[] m1 = f.apply(t);
            t[i] = theta[i] + 2 * h;
            double[] p2 = f.apply(t);
            t[i] = theta[i] - 2 * h;
            double[] m2 = f.apply(t);
            t[i] = theta[i];
            for (int r = 0; r < n; r++) j[r][i] = (8 * (p1[r] - m1[r]) - (p2[r] - m2[r])) / (12 * h);
        }
        return j;
    }

    /** A finite-difference Jacobian with an error bound per entry. */
    public record Bounded(double[][] value, double[][] error) {}

    /**
     * The fourth-order central-difference Jacobian of f at x and an error bound per entry: Richardson estimates
     * |D(h) - D(2h)| + 16 |D(h) - D(h/2)| (each about 15 times the O(h^4) truncation error of D(h); with an h^6 term as
     * well, one of them can cancel but not both: the sum stays above 14 times the error) plus the rounding 3 delta / h of
     * differencing values accurate to {@code delta}.
     */
    public static Bounded jacobianWithError(Function<double[], double[]> f, double[] x, double delta) {
        double[] h = defaultSteps(x), h2 = h.clone(), hHalf = h.clone();
        for (int i = 0; i < h.length; i++) {
            h2[i] = 2 * h[i];
            hHalf[i] = h[i] / 2;
        }
        double[][] j = jacobian(f, x, h), j2 = jacobian(f, x, h2), jHalf = jacobian(f, x, hHalf);
        double[][] err = new double[j.length][x.length];
        for (int r = 0; r < j.length; r++)
            for (int i = 0; i < x.length; i++) err[r][i] = Math.abs(j[r][i] - j2[r][i]) + 16 * Math.abs(j[r][i] - jHalf[r][i]) + 3 * delta / h[i];
        return new Bounded(j, err);
    }
}
