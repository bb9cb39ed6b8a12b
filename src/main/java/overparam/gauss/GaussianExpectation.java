package overparam.gauss;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.analysis.integration.gauss.SymmetricGaussIntegrator;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;

/**
 * E[f(g)] for g ~ N(0,1). The default rule is composite Gauss-Legendre on [-40, 40] with panel breaks at integers and at
 * the kinks of f, so piecewise-smooth activations (ReLU, step) integrate to ~1e-15. Gauss-Hermite (Hipparchus) is the
 * second route, exact for polynomials and fast for smooth f.
 */
public final class GaussianExpectation {
    static final double RANGE = 40.0;
    private static final int POINTS_PER_PANEL = 20;
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);
    private static final Map<String, Rule> RULES = new ConcurrentHashMap<>();
    private static final Map<Integer, SymmetricGaussIntegrator> HERMITE = new ConcurrentHashMap<>();

    private GaussianExpectation() {}

    /** Nodes z_k and weights w_k with sum_k w_k f(z_k) ~ E f(g); {@code scaledWeights} carry an extra e^{z^2/4}. */
    public record Rule(double[] nodes, double[] weights, double[] scaledWeights) {
        public double expect(DoubleUnaryOperator f) {
            double s = 0;
            for (int k = 0; k < nodes.length; k++) {
                double w = weights[k];
                if (w != 0) s += w * f.applyAsDouble(nodes[k]);
            }
            return s;
        }
    }

    public static double expect(DoubleUnaryOperator f, double... kinks) {
        return rule(kinks).expect(f);
    }

    /** The composite rule for a given set of breakpoints (cached). */
    public static Rule rule(double... kinks) {
        double[] sorted = kinks.clone();
        Arrays.sort(sorted);
        return RULES.computeIfAbsent(Arrays.toString(sorted), key -> buildRule(sorted));
    }

    private static Rule buildRule(double[] kinks) {
        TreeSet<Double> breaks = new TreeSet<>();
        for (int i = (int) -RANGE; i <= (int) RANGE; i++) breaks.add((double) i);
        for (double k : kinks) {
            if (!Double.isFinite(k)) throw new IllegalArgumentException("kink must be finite, got " + k);
            if (Math.abs(k) < RANGE) breaks.add(k);
        }
        Double[] b = breaks.toArray(new Double[0]);
        int panels = b.length - 1;
        double[] nodes = new double[panels * POINTS_PER_PANEL];
        double[] weights = new double[nodes.length];
        double[] scaled = new double[nodes.length];
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        int idx = 0;
        for (int p = 0; p < panels; p++) {
            GaussIntegrator gl = factory.legendre(POINTS_PER_PANEL, b[p], b[p + 1]);
            for (int k = 0; k < POINTS_PER_PANEL; k++) {
                double z = gl.getPoint(k);
                nodes[idx] = z;
                weights[idx] = gl.getWeight(k) * INV_SQRT_2PI * Math.exp(-0.5 * z * z);
                scaled[idx] = gl.getWeight(k) * INV_SQRT_2PI * Math.exp(-0.25 * z * z);
                idx++;
            }
        }
        return new Rule(nodes, weights, scaled);
    }

    /** E f(g) by n-point Gauss-Hermite quadrature: (1/sqrt(pi)) sum w_i f(sqrt(2) x_i). */
    public static double gaussHermite(DoubleUnaryOperator f, int n) {
        SymmetricGaussIntegrator gh = HERMITE.computeIfAbsent(n, m -> new GaussIntegratorFactory().hermite(m));
        double sqrt2 = Math.sqrt(2);
        return gh.integrate(x -> f.applyAsDouble(sqrt2 * x)) / Math.sqrt(Math.PI);
    }

    /** E[f(u) g(v)] with correlation rho by nested n-point Gauss-Hermite: for smooth f, g (n^2 evaluations). */
    public static double bivariateHermite(DoubleUnaryOperator f, DoubleUnaryOperator g, double rho, int n) {
        if (!(rho >= -1 && rho <= 1)) throw new IllegalArgumentException("correlation must be in [-1, 1], got " + rho);
        double s = Math.sqrt(Math.max(0, 1 - rho * rho));
        return gaussHermite(u -> f.applyAsDouble(u) * gaussHermite(z -> g.applyAsDouble(rho * u + s * z), n), n);
    }

    /**
     * E[f(u) g(v)] for a standard bivariate normal (u, v) with correlation rho, by nested quadrature:
     * v = rho u + sqrt(1 - rho^2) z. Slow (n^2 evaluations); used as the independent route for the series kernels.
     */
    public static double bivariate(DoubleUnaryOperator f, DoubleUnaryOperator g, double rho, double... kinks) {
        if (!(rho >= -1 && rho <= 1)) throw new IllegalArgumentException("correlation must be in [-1, 1], got " + rho);
        double s = Math.sqrt(Math.max(0, 1 - rho * rho));
        Rule outer = rule(kinks);
        Rule inner = rule(kinks);
        double total = 0;
        for (int k = 0; k < outer.nodes.length; k++) {
            double w = outer.weights[k];
            if (w < 1e-300) continue;
            double u = outer.nodes[k];
            double fu = f.applyAsDouble(u);
            if (fu == 0) continue;
            double innerSum;
            if (s == 0) innerSum = g.applyAsDouble(rho * u);
            else {
                innerSum = 0;
                for (int j = 0; j < inner.nodes.length; j++) {
                    double wj = inner.weights[j];
                    if (wj < 1e-300) continue;
                    innerSum += wj * g.applyAsDouble(rho * u + s * inner.nodes[j]);
                }
            }
            total += w * fu * innerSum;
        }
        return total;
    }
}
