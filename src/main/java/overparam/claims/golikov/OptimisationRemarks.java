package overparam.claims.golikov;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.optim.PointValuePair;
import overparam.claims.*;
import overparam.claims.golikov.Instances.LogLoss;
import overparam.claims.golikov.Instances.TwoClasses;
import overparam.linalg.Linalg;

import java.util.List;
import java.util.Random;

/** golikov/C35 (dimension-free stationarity rate, K10) and golikov/C40 (no cross-entropy minimiser in a ball, K11). */
final class OptimisationRemarks {
    private OptimisationRemarks() {}

    /** K10: f(x) = sum_i log(1 + (a_i^T x - b_i)^2), f >= 0, grad f Lipschitz with L = 2 ||A||_2^2. */
    record LogProblem(DMatrixRMaj a, double[] b, double lipschitz) {
        static LogProblem of(LogLoss s) {
            Random rng = new Random(s.seed());
            DMatrixRMaj a = DeepLinear.gaussian(s.n(), s.d(), rng);
            for (int i = 0; i < a.data.length; i++) a.data[i] /= Math.sqrt(s.d());
            double[] b = new double[s.n()];
            for (int i = 0; i < b.length; i++) b[i] = 2 * rng.nextGaussian();
            double norm = Linalg.spectralNorm(a);
            return new LogProblem(a, b, 2 * norm * norm);
        }

        double value(double[] x) {
            double[] t = Linalg.multVec(a, x);
            double f = 0;
            for (int i = 0; i < t.length; i++) f += Math.log1p((t[i] - b[i]) * (t[i] - b[i]));
            return f;
        }

        double[] gradient(double[] x) {
            double[] t = Linalg.multVec(a, x);
            double[] c = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                double r = t[i] - b[i];
                c[i] = 2 * r / (1 + r * r);
            }
            return Linalg.multTransVec(a, c);
        }
    }

    /** golikov/C35: GD with eta = 1/L on a gradient-Lipschitz f reaches min_{k<K} ||grad f||^2 <= 2L (f(x0) - inf f)/K, no d. */
    static final class DimensionFreeRate extends PropertyClaim {
        DimensionFreeRate() {
            super("golikov/C35");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("steps", 300, "GD steps K"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int steps = p.integer("steps");
            var gen = Combinators.combine(Arbitraries.of(2, 10, 100, 1000), Gen.ints(2, 40), Gen.seeds())
                    .as((d, n, seed) -> new LogLoss(d, n, steps, seed));
            return List.of(Property.of("stationarity-rate", LogLoss.class)
                    .description("K10 f(x) = sum log(1 + (a_i^T x - b_i)^2) (L = 2 ||A||^2, inf f >= 0), GD eta = 1/L from x0 ~ N(0, I): "
                            + "for every K' <= K, min_{k<K'} ||grad f(x_k)||^2 <= 2 L f(x0) / K', with no dependence on d")
                    .generator("d in {2, 10, 100, 1000}, n in [2,40], K = " + steps, gen)
                    .check(DimensionFreeRate::rate).tries(40).build());
        }

        static Evidence rate(LogLoss s) {
            LogProblem f = LogProblem.of(s);
            Random rng = new Random(s.seed() + 1);
            double[] x = new double[s.d()];
            for (int j = 0; j < x.length; j++) x[j] = rng.nextGaussian();
            double f0 = f.value(x), eta = 1 / f.lipschitz(), best = Double.POSITIVE_INFINITY, worst = 0;
            for (int k = 1; k <= s.steps(); k++) {
                double[] g = f.gradient(x);
                best = Math.min(best, Linalg.dot(g, g));
                worst = Math.max(worst, best / (2 * f.lipschitz() * f0 / k));
                for (int j = 0; j < x.length; j++) x[j] -= eta * g[j];
            }
            return Evidence.le("max over K' of min_{k<K'} ||grad f||^2 / (2 L f(x0) / K')", worst, 1, Checks.tol(1, s.steps()))
                    .with("d", s.d()).with("L", f.lipschitz());
        }
    }

    /** Labels +-1 and points x ~ N(+-shift e_1, I); {@code overlap} appends a copy of point 0 with the opposite label. */
    record Classes(double[][] x, double[] y) {
        static Classes of(TwoClasses s) {
            Random rng = new Random(s.seed());
            int n = s.n() + (s.overlap() ? 1 : 0);
            double[][] x = new double[n][s.d()];
            double[] y = new double[n];
            for (int i = 0; i < s.n(); i++) {
                y[i] = i % 2 == 0 ? 1 : -1;
                for (int j = 0; j < s.d(); j++) x[i][j] = rng.nextGaussian() + (j == 0 ? y[i] * s.shift() : 0);
            }
            if (s.overlap()) {
                x[n - 1] = x[0].clone();
                y[n - 1] = -y[0];
            }
            return new Classes(x, y);
        }

        /** Mean logistic cross-entropy of the linear model theta = (w, b), scaled by c. */
        double ce(double[] theta, double c) {
            double s = 0;
            for (int i = 0; i < x.length; i++) s += softplus(-c * y[i] * logit(theta, x[i]));
            return s / x.length;
        }

        double[] gradient(double[] theta) {
            double[] g = new double[theta.length];
            for (int i = 0; i < x.length; i++) {
                double z = -y[i] * logit(theta, x[i]);
                double sig = 1 / (1 + Math.exp(-z));
                for (int j = 0; j < x[i].length; j++) g[j] -= sig * y[i] * x[i][j] / x.length;
                g[theta.length - 1] -= sig * y[i] / x.length;
            }
            return g;
        }

        /**
         * d/dc log CE(c theta) at c = 1 (same sign as d/dc CE), stable under underflow: sum_i w_i (-m_i sigma(-m_i) /
         * softplus(-m_i)) with weights w_i = softplus(-m_i) / sum_j softplus(-m_j) and margins m_i.
         */
        double logSlope(double[] theta) {
            double[] l = new double[x.length], m = new double[x.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < x.length; i++) {
                m[i] = y[i] * logit(theta, x[i]);
                double z = -m[i];
                l[i] = z < -30 ? z : Math.log(softplus(z));
                max = Math.max(max, l[i]);
            }
            double num = 0, den = 0;
            for (int i = 0; i < x.length; i++) {
                double z = -m[i], w = Math.exp(l[i] - max);
                double ratio = z < -30 ? 1 : (1 / (1 + Math.exp(-z))) / softplus(z);
                num += w * -m[i] * ratio;
                den += w;
            }
            return num / den;
        }

        double minMargin(double[] theta) {
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < x.length; i++) best = Math.min(best, y[i] * logit(theta, x[i]));
            return best;
        }

        static double logit(double[] theta, double[] xi) {
            double s = theta[theta.length - 1];
            for (int j = 0; j < xi.length; j++) s += theta[j] * xi[j];
            return s;
        }

        /** log of the mean cross-entropy at scale c, stable when the losses underflow (log softplus(z) ~ z for z << 0). */
        double logCe(double[] theta, double c) {
            double[] l = new double[x.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < x.length; i++) {
                double z = -c * y[i] * logit(theta, x[i]);
                l[i] = z < -30 ? z : Math.log(softplus(z));
                max = Math.max(max, l[i]);
            }
            double s = 0;
            for (double v : l) s += Math.exp(v - max);
            return max + Math.log(s / x.length);
        }

        static double softplus(double z) {
            return z > 30 ? z : Math.log1p(Math.exp(z));
        }
    }

    /** Conjugate-gradient fit of the logistic model (Hipparchus NLCG) from 0, stopped at 100% train accuracy. */
    static double[] fitToAccuracy(Classes c, int iterations) {
        PointValuePair p = Fitting.conjugateGradient(t -> c.ce(t, 1), c::gradient, new double[c.x()[0].length + 1], iterations,
                (it, prev, cur) -> c.minMargin(cur.getPoint()) > 0);
        return p == null ? new double[c.x()[0].length + 1] : p.getPoint();
    }

    /** Conjugate-gradient fit run to convergence of the value (a finite minimiser, when one exists). */
    static double[] fitToConvergence(Classes c, int iterations) {
        PointValuePair p = Fitting.conjugateGradient(t -> c.ce(t, 1), c::gradient, new double[c.x()[0].length + 1], iterations,
                Fitting.valueConverged());
        return p == null ? new double[c.x()[0].length + 1] : p.getPoint();
    }

    /** golikov/C40: 100% train accuracy is reachable, but no cross-entropy minimiser lies in any finite ball. */
    static final class NoCrossEntropyMinimiser extends PropertyClaim {
        NoCrossEntropyMinimiser() {
            super("golikov/C40");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var separable = Combinators.combine(Gen.ints(2, 5), Gen.ints(4, 20), Gen.seeds()).as((d, n, seed) -> new TwoClasses(d, n, 3, false, seed));
            var overlapping = Combinators.combine(Gen.ints(2, 5), Gen.ints(4, 20), Gen.seeds()).as((d, n, seed) -> new TwoClasses(d, n, 3, true, seed));
            return List.of(
                    Property.of("separable-data", TwoClasses.class)
                            .description("K11: two Gaussian classes (means +-3 e_1); a logistic model fitted by conjugate gradient to "
                                    + "100% train accuracy: CE(c theta) > 0 and strictly decreasing along c = 1, 2, 4, 8, and "
                                    + "d/dc CE(c theta) < 0 at c = 1, so the fitted point is not critical and no minimiser exists in a ball")
                            .generator("d in [2,5], n in [4,20], shift 3", separable)
                            .hypotheses(s -> Classes.of(s).minMargin(fitToAccuracy(Classes.of(s), 500)) > 0 ? null : "fit not 100% accurate (not separated)")
                            .check(NoCrossEntropyMinimiser::separable).tries(40).build(),
                    Property.of("control-non-separable", TwoClasses.class)
                            .description("negative control: a duplicated point with the opposite label (non-separable) has a finite "
                                    + "cross-entropy minimiser: at the conjugate-gradient optimum CE(2 theta) > CE(theta)")
                            .generator("same with one contradicting duplicate", overlapping)
                            .check(NoCrossEntropyMinimiser::slopeAtFit).expectRefuted().tries(10).build());
        }

        static Evidence separable(TwoClasses s) {
            Classes c = Classes.of(s);
            double[] theta = fitToAccuracy(c, 500);
            double[] logCe = {c.logCe(theta, 1), c.logCe(theta, 2), c.logCe(theta, 4), c.logCe(theta, 8)};
            double worstDrop = Double.POSITIVE_INFINITY;
            for (int k = 1; k < logCe.length; k++) worstDrop = Math.min(worstDrop, logCe[k - 1] - logCe[k]);
            return Evidence.worst(
                    Evidence.ge("min over c of log CE(c theta) - log CE(2c theta) (strict decrease, CE > 0 finite logs)", worstDrop,
                            Checks.tol(Math.abs(logCe[3]), 8 * c.x().length), 0).with("log CE at c = 1, 2, 4, 8", logCe),
                    Evidence.le("d/dc log CE(c theta) at c = 1 (< 0: not critical)", c.logSlope(theta), -Checks.tol(c.minMargin(theta), 8), 0));
        }

        static Evidence slopeAtFit(TwoClasses s) {
            Classes c = Classes.of(s);
            double[] theta = fitToConvergence(c, 5000);
            double drop = c.logCe(theta, 1) - c.logCe(theta, 2);
            return Evidence.ge("log CE(theta) - log CE(2 theta) at the fitted theta (> 0: still decreasing)", drop,
                    Checks.tol(Math.abs(c.logCe(theta, 1)), 8 * c.x().length), 0).with("min margin", c.minMargin(theta));
        }
    }
}
