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
}
