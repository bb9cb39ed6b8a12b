package overparam.claims.critical;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/**
 * critical/C-10, Requirement 2's remark: "the only essential requirement is that |dError/dy_d| <= O(eps) implies
 * |y_d - y*_d| <= O(eps) ... this result also holds true when the training data is categorical, the activation
 * function is softmax, and the error function is cross-entropy".
 */
final class LossClaims {
    private LossClaims() {}

    /** dLoss/dy_d for a scalar output y_d = NN_w(x_d): squared (y - y*)^2, quartic (y - y*)^4, logistic CE with y a logit. */
    static double lossDerivative(String loss, double y, double target) {
        return switch (loss) {
            case "squared" -> 2 * (y - target);
            case "quartic" -> 4 * Math.pow(y - target, 3);
            case "logistic" -> Stage3.sig(y) - target;
            default -> throw new IllegalArgumentException(loss);
        };
    }

    /** A scalar machine with a loss name. */
    public record LossInstance(String loss, Machine m) {}

    /** |grad_w Error| for Error = sum_d loss(NN_w(x_d), y*_d), and the vector of dLoss/dy_d. */
    static double[] gradientAndDerivatives(LossInstance li, double[] lossD) {
        Machine.Eval e = li.m().eval();
        double[][] grad = new double[li.m().mPrime()][li.m().m()];
        double scale = 0;
        for (int d = 0; d < li.m().dCount(); d++) {
            lossD[d] = lossDerivative(li.loss(), e.out[d], li.m().y()[d]);
            scale += Math.abs(lossD[d]) * e.gNorm[d] * Stage3.norm(li.m().column(d));
            for (int j = 0; j < grad.length; j++) for (int k = 0; k < grad[j].length; k++) grad[j][k] += lossD[d] * e.g[d][j] * li.m().xp()[k][d];
        }
        return new double[] {Linalg.frobenius(Linalg.of(grad)), e.q, scale, 32 * Linalg.EPS * e.size()};
    }

    /** Rounding tolerance of |grad| against rhs: {@code c (scale / div + rhs (1 + cond) + extra)}, c = 32 eps size. */
    static double tol(double[] gq, double rhs, double div, double cond, double extra) {
        return gq[3] * (gq[2] / div + rhs * (1 + cond) + extra);
    }

    /** Logits l_d = U z_d + b (K x M'), softmax p_d, cross-entropy against one-hot labels t_d. */
    public record Softmax(double[][] xp, double[][] w, double[][] u, double[] b, int[] labels) {
        int k() {
            return u.length;
        }

        /** {eps = |grad_w CE|, max_d |p_d - e_{t_d}|_2, |U|_F (= |J_d|_F for every d)}. */
        double[] eval() {
            int dn = labels.length, mp = w.length, m = xp.length;
            double[][] grad = new double[mp][m];
            double maxErr = 0;
            for (int d = 0; d < dn; d++) {
                double[] z = new double[mp];
                for (int j = 0; j < mp; j++) for (int kk = 0; kk < m; kk++) z[j] += w[j][kk] * xp[kk][d];
                double[] p = probabilities(z);
                double err = 0;
                for (int c = 0; c < k(); c++) {
                    p[c] -= c == labels[d] ? 1 : 0;
                    err += p[c] * p[c];
                }
                maxErr = Math.max(maxErr, Math.sqrt(err));
                for (int j = 0; j < mp; j++) {
                    double s = 0;
                    for (int c = 0; c < k(); c++) s += u[c][j] * p[c];
                    for (int kk = 0; kk < m; kk++) grad[j][kk] += s * xp[kk][d];
                }
            }
            return new double[] {Linalg.frobenius(Linalg.of(grad)), maxErr, Linalg.frobenius(Linalg.of(u))};
        }

        double[] probabilities(double[] z) {
            double[] l = new double[k()];
            double mx = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k(); c++) {
                l[c] = b[c] + Stage3.dot(u[c], z);
                mx = Math.max(mx, l[c]);
            }
            double s = 0;
            for (int c = 0; c < k(); c++) s += l[c] = Math.exp(l[c] - mx);
            for (int c = 0; c < k(); c++) l[c] /= s;
            return l;
        }
    }

    /**
     * A bad critical point of softmax + CE: K classes, M' <= K - 2, U with the label rows strictly inside the convex hull of a
     * simplex of other rows (so each per-point CE has a finite minimiser z_d), x' square with r in [0.3, 1], w = Z x'^-1.
     */
    static Softmax badCriticalPoint(int k, int mp, int d, long seed) {
        Random rng = new Random(seed);
        double[][] u = new double[k][mp];
        for (int c = 0; c <= mp; c++) for (int j = 0; j < mp; j++) u[c][j] = 2 * rng.nextGaussian();
        for (int c = mp + 1; c < k; c++) {
            double[] lam = new double[mp + 1];
            double s = 0;
            for (int a = 0; a <= mp; a++) s += lam[a] = 0.2 + rng.nextDouble();
            for (int a = 0; a <= mp; a++) for (int j = 0; j < mp; j++) u[c][j] += lam[a] / s * u[a][j];
        }
        double[] b = new double[k];
        for (int c = 0; c < k; c++) b[c] = rng.nextGaussian();
        int[] labels = new int[d];
        for (int j = 0; j < d; j++) labels[j] = mp + 1 + rng.nextInt(k - mp - 1);
        double[][] xp = Machines.prescribed(d, d, 0.3 + 0.7 * rng.nextDouble(), 1, rng);
        Softmax shell = new Softmax(xp, new double[mp][d], u, b, labels);
        double[][] z = new double[mp][d];
        for (int j = 0; j < d; j++) {
            double[] zj = minimiseCe(shell, labels[j]);
            for (int a = 0; a < mp; a++) z[a][j] = zj[a];
        }
        double[][] w = Linalg.toArray(Linalg.mult(Linalg.of(z), Linalg.pinv(Linalg.of(xp))));
        return new Softmax(xp, w, u, b, labels);
    }

    /** argmin_z CE(softmax(U z + b), e_t) by damped Newton (convex, coercive by construction). */
    static double[] minimiseCe(Softmax s, int t) {
        int mp = s.u()[0].length;
        double[] z = new double[mp];
        for (int it = 0; it < 200; it++) {
            double[] p = s.probabilities(z);
            double[] g = new double[mp];
            DMatrixRMaj h = new DMatrixRMaj(mp, mp);
            double[] mean = new double[mp];
            for (int c = 0; c < s.k(); c++) for (int j = 0; j < mp; j++) mean[j] += p[c] * s.u()[c][j];
            for (int j = 0; j < mp; j++) g[j] = mean[j] - s.u()[t][j];
            for (int c = 0; c < s.k(); c++)
                for (int i = 0; i < mp; i++)
                    for (int j = 0; j < mp; j++) h.set(i, j, h.get(i, j) + p[c] * (s.u()[c][i] - mean[i]) * (s.u()[c][j] - mean[j]));
            if (Linalg.norm(g) < 1e-15) break;
            double[] step = Linalg.multVec(Linalg.pinv(h), g);
            double f0 = ce(s, z, t), a = 1;
            double[] zn = z.clone();
            for (int ls = 0; ls < 60; ls++) {
                for (int j = 0; j < mp; j++) zn[j] = z[j] - a * step[j];
                if (ce(s, zn, t) <= f0) break;
                a /= 2;
            }
            z = zn;
        }
        return z;
    }

    static double ce(Softmax s, double[] z, int t) {
        return -Math.log(s.probabilities(z)[t]);
    }

    /**
     * The theorem's form for softmax + cross-entropy, where dCE/dlogit = p - y* (so, as for the logistic loss, no factor 2):
     * max_d |p_d - e_t| <= eps / (q r), with 'Sensitive' read as |J_d|_F >= q (J_d = U, the logit Jacobian), or with the
     * derived q_J = sigma_min(U^T on the sum-zero subspace).
     */
    static Evidence softmaxBound(Softmax s, boolean vectorSensitivity) {
        double[] e = s.eval();
        DMatrixRMaj x = Linalg.of(s.xp());
        double r = Linalg.scalingFactor(x);
        double q = vectorSensitivity ? sumZeroSensitivity(s.u()) : e[2];
        double rhs = e[0] / (q * r);
        double tol = 64 * Linalg.EPS * s.xp().length * s.labels().length * s.k() * (1 + rhs * Linalg.spectralNorm(x) / r);
        return Evidence.le(vectorSensitivity ? "max_d |p_d - e_t|_2 <= eps/(q_J r), q_J = sigma_min(U^T on 1-perp)" : "max_d |p_d - e_t|_2 <= eps/(q r), q = |J_d|_F",
                e[1], rhs, tol).with("eps", e[0]).with("q", q).with("r", r).with("K", s.k()).with("M'", s.w().length)
                .with("constant C needed in max|p - e_t| <= C eps ('O(eps)')", e[0] > 0 ? e[1] / e[0] : Double.POSITIVE_INFINITY);
    }

    /** sigma_min of U^T restricted to the sum-zero subspace 1-perp of R^K (U^T Q, Q orthonormal basis of 1-perp). */
    static double sumZeroSensitivity(double[][] u) {
        int k = u.length, mp = u[0].length;
        double[][] q = new double[k][k - 1];
        for (int j = 0; j < k - 1; j++) { // Helmert basis
            double n = Math.sqrt((j + 1.0) * (j + 2.0));
            for (int i = 0; i <= j; i++) q[i][j] = 1 / n;
            q[j + 1][j] = -(j + 1) / n;
        }
        DMatrixRMaj bq = Linalg.mult(Linalg.transpose(Linalg.of(u)), Linalg.of(q)); // M' x (K-1)
        return mp >= k - 1 ? Linalg.scalingFactor(bq) : 0;
    }

    static Certificate certifySoftmax(Softmax s, Evidence ev) {
        HighPrecision hp = new HighPrecision(60);
        int dn = s.labels().length, mp = s.w().length, m = s.xp().length, k = s.k();
        Dfp[][] w = hp.of(s.w()), x = hp.of(s.xp()), u = hp.of(s.u());
        Dfp[] b = hp.of(s.b());
        Dfp[][] grad = new Dfp[mp][m];
        for (Dfp[] row : grad) java.util.Arrays.fill(row, hp.zero());
        Dfp maxErr = hp.zero();
        for (int d = 0; d < dn; d++) {
            Dfp[] z = new Dfp[mp];
            for (int j = 0; j < mp; j++) {
                z[j] = hp.zero();
                for (int kk = 0; kk < m; kk++) z[j] = z[j].add(w[j][kk].multiply(x[kk][d]));
            }
            Dfp[] p = new Dfp[k];
            Dfp sum = hp.zero();
            for (int c = 0; c < k; c++) {
                p[c] = hp.exp(Stage3.dot(hp, u[c], z).add(b[c]));
                sum = sum.add(p[c]);
            }
            Dfp err = hp.zero();
            for (int c = 0; c < k; c++) {
                p[c] = p[c].divide(sum).subtract(c == s.labels()[d] ? hp.one() : hp.zero());
                err = err.add(p[c].multiply(p[c]));
            }
            if (err.sqrt().greaterThan(maxErr)) maxErr = err.sqrt();
            for (int j = 0; j < mp; j++) {
                Dfp t = hp.zero();
                for (int c = 0; c < k; c++) t = t.add(u[c][j].multiply(p[c]));
                for (int kk = 0; kk < m; kk++) grad[j][kk] = grad[j][kk].add(t.multiply(x[kk][d]));
            }
        }
        Dfp eps = MatrixClaims.frob2(hp, grad).sqrt(), q = MatrixClaims.frob2(hp, u).sqrt(), r = hp.sigmaMin(hp.transpose(x));
        Dfp margin = eps.divide(q.multiply(r)).subtract(maxErr);
        return Certificate.of("Dfp 60 digits: softmax, cross-entropy gradient, r by inertia bisection", hp.digits(), Hp.big(margin), new BigDecimal("1e-40"),
                "eps = " + eps + ", max|p - e_t| = " + maxErr);
    }

    /** critical/C-10: the loss-generalisation remark. */
    static final class LossRemark extends PropertyClaim {
        LossRemark() {
            super("critical/C-10");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<LossInstance> general = Combinators.combine(Arbitraries.of("squared", "quartic", "logistic"), Machines.any(6, 0, 4))
                    .as(LossInstance::new);
            Arbitrary<LossInstance> logistic = Machines.any(6, 0, 4).map(m -> {
                double[] y = m.y().clone();
                Random rng = new Random(java.util.Arrays.hashCode(y));
                for (int j = 0; j < y.length; j++) y[j] = rng.nextDouble();
                return new LossInstance("logistic", m.withTargets(y));
            });
            Arbitrary<LossInstance> quartic = Combinators.combine(DataArbitraries.ints(1, 5), DataArbitraries.ints(0, 3), DataArbitraries.seeds()).as((d, e, seed) -> {
                Random rng = new Random(seed);
                Machine m = new Machine("R-identity", Machines.prescribed(d + e, d, 0.5, 1, rng), Machines.weights(1, d + e, 1, rng), Stage3.identity(), new double[d]);
                double[] y = m.eval().out.clone();
                for (int j = 0; j < d; j++) y[j] -= rng.nextBoolean() ? 0.1 : -0.1;
                return new LossInstance("quartic", m.withTargets(y));
            });
            Arbitrary<Softmax> bad = Combinators.combine(DataArbitraries.ints(3, 5), DataArbitraries.ints(1, 3), DataArbitraries.ints(1, 4), DataArbitraries.seeds())
                    .as((k, mp, d, seed) -> badCriticalPoint(k, Math.min(mp, k - 2), d, seed));
            Arbitrary<Softmax> rich = Combinators.combine(DataArbitraries.ints(2, 4), DataArbitraries.ints(0, 2), DataArbitraries.ints(1, 4), DataArbitraries.ints(0, 3),
                    DataArbitraries.seeds()).as((k, extraMp, d, e, seed) -> {
                Random rng = new Random(seed);
                int mp = k - 1 + extraMp;
                double[][] u = new double[k][mp];
                for (double[] row : u) for (int j = 0; j < mp; j++) row[j] = rng.nextGaussian();
                double[] b = new double[k];
                int[] labels = new int[d];
                for (int j = 0; j < d; j++) labels[j] = rng.nextInt(k);
                return new Softmax(Machines.prescribed(d + e, d, 0.3 + 0.7 * rng.nextDouble(), 2, rng), Machines.weights(mp, d + e, 1, rng), u, b, labels);
            });
            return List.of(
                    Property.of("general-form", LossInstance.class).search(SearchSpace.coordinates())
                            .description("[derived] scalar output, any loss: |grad_w Error| >= r q ||(dLoss/dy_d)_d||_2 (Lemma 1 with x' on the left)")
                            .generator("machines A/B/C/R (D <= 6), loss in {squared, quartic, logistic on the output as a logit}", general)
                            .hypotheses(li -> TheoremClaims.r1r3(li.m()))
                            .check(li -> {
                                double[] ld = new double[li.m().dCount()];
                                double[] gq = gradientAndDerivatives(li, ld);
                                double r = li.m().r(), n = Linalg.norm(ld);
                                return Evidence.ge("|grad Error| >= r q ||dLoss/dy||", gq[0], r * gq[1] * n,
                                        tol(gq, r * gq[1] * n, 1, Bounds.cond(li.m().features()), 0));
                            }).tries(100).build(),
                    Property.of("binary-cross-entropy", LossInstance.class).search(SearchSpace.coordinates())
                            .description("[derived] sigmoid in the loss, NN_3 gives the logit: max_d |sig(NN_w(x_d)) - y*_d| <= eps/(q r) (no factor 2)")
                            .generator("machines A/B/C/R (D <= 6), y* uniform in (0,1)", logistic).hypotheses(li -> TheoremClaims.r1r3(li.m()))
                            .check(li -> {
                                double[] ld = new double[li.m().dCount()];
                                double[] gq = gradientAndDerivatives(li, ld);
                                double mx = 0;
                                for (double v : ld) mx = Math.max(mx, Math.abs(v));
                                double rhs = gq[0] / (gq[1] * li.m().r());
                                return Evidence.le("max_d |sig(y_d) - y*_d| <= eps/(q r)", mx, rhs,
                                        tol(gq, rhs, gq[1] * li.m().r(), Bounds.cond(li.m().features()), 1 + li.m().eval().residualScale()));
                            }).tries(80).build(),
                    Property.of("control-quartic-loss", LossInstance.class)
                            .description("FAIL: quartic loss violates the essential requirement (|dE/dy| = 4|res|^3): the linear bound eps/(2qr) fails at res = 0.1")
                            .generator("identity NN_3, x' with s in [1/2, 1], residuals +-0.1", quartic)
                            .check(li -> {
                                double[] ld = new double[li.m().dCount()];
                                double[] gq = gradientAndDerivatives(li, ld);
                                Machine.Eval e = li.m().eval();
                                double rhs = gq[0] / (2 * gq[1] * li.m().r());
                                return Evidence.le("max|res| <= eps/(2 q r) with the quartic loss", e.maxRes, rhs, Bounds.tolerance(e, rhs, gq[1] * li.m().r(), 2));
                            }).expectRefuted().tries(5).build(),
                    Property.of("softmax-cross-entropy", Softmax.class)
                            .description("the remark's example: categorical data, softmax, cross-entropy, with Theorem 1's hypotheses read for a vector NN_3 "
                                    + "(R1: r > 0; R3: |J_d|_F >= q > 0; eps = |grad_w CE|; M' = 1 allowed, section 2.6): max_d |p_d - e_t| <= eps/(q r)")
                            .generator("K in [3,5] classes, M' in [1, K-2], logits U z + b with the label rows inside the hull of the others, D in [1,4], "
                                    + "x' square with r in [0.3,1], w = a critical point (per-point Newton)", bad)
                            .check(s -> softmaxBound(s, false)).certify(LossClaims::certifySoftmax).tries(20).build(),
                    Property.of("softmax-with-vector-sensitivity", Softmax.class)
                            .informative()
                            .description("[derived repair] with q_J = sigma_min(U^T on the sum-zero subspace) > 0 (needs M' >= K - 1): max_d |p_d - e_t| <= eps/(q_J r)")
                            .generator("K in [2,4], M' in [K-1, K+1], random U, w, labels", rich)
                            .hypotheses(s -> sumZeroSensitivity(s.u()) > 1e-6 ? null : "q_J = 0")
                            .check(s -> softmaxBound(s, true)).tries(60).build());
        }
    }
}
