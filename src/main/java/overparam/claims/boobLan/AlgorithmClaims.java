package overparam.claims.boobLan;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;

import java.math.BigDecimal;
import java.util.*;

/** boob-lan P002-15, P002-17: what Algorithm 1's injected noise buys (Lemmas 5.1 and 5.3). */
final class AlgorithmClaims {
    private AlgorithmClaims() {}

    static final List<String> ACTS = List.of("tanh", "sigmoid", "gaussian", "sigmoid-sym", "erf");
    static final double RADIUS = 5;

    // ---------------------------------------------------------------- P002-15

    /** p(t) = det(W - gamma grad_W f(W, t theta0)): the polynomial of the correct proof of Lemma 5.1. */
    public record DetCase(String activation, double[][] u, double[] v, double[][] w, double[] theta0, double gamma) {
        double p(double t) {
            double[] th = theta0.clone();
            for (int j = 0; j < th.length; j++) th[j] *= t;
            double[][] g = TwoLayer.gradW(PaperActivations.byName(activation), u, v, w, th);
            return det(TwoLayer.plus(w, -gamma, g));
        }

        double[][] wNext(double t) {
            double[] th = theta0.clone();
            for (int j = 0; j < th.length; j++) th[j] *= t;
            return TwoLayer.plus(w, -gamma, TwoLayer.gradW(PaperActivations.byName(activation), u, v, w, th));
        }

        Dfp hpP(double t) {
            HighPrecision hp = new HighPrecision();
            TwoLayerHp net = new TwoLayerHp(hp, PaperActivations.byName(activation));
            Dfp[] th = hp.of(theta0);
            Dfp tt = hp.of(t);
            for (int j = 0; j < th.length; j++) th[j] = th[j].multiply(tt);
            Dfp[][] w0 = hp.of(w);
            Dfp[][] g = net.gradW(hp.of(u), hp.of(v), w0, th);
            Dfp gm = hp.of(gamma);
            Dfp[][] m = new Dfp[w.length][w.length];
            for (int i = 0; i < w.length; i++) for (int j = 0; j < w.length; j++) m[i][j] = w0[i][j].subtract(gm.multiply(g[i][j]));
            return hp.determinant(m);
        }
    }

    static double det(double[][] a) {
        return org.ejml.dense.row.CommonOps_DDRM.det(TwoLayer.matrix(a));
    }

    static Arbitrary<DetCase> detCases(double gammaScale) {
        return Combinators.combine(Arbitraries.of(ACTS), DataArbitraries.ints(1, 4), DataArbitraries.seeds()).as((a, d, seed) -> {
            Random rng = new Random(seed);
            NetCase c = NetCase.random(a, d * d, d, d, rng.nextLong(), 1, 1, 1);
            return new DetCase(a, c.u(), c.v(), c.w(), BoobLanData.gaussian(d, 1, rng), gammaScale);
        });
    }

    /** Hadamard's bound prod_j ||M_j|| on |det M| at theta = t theta0: the size of the rounding of det M(t). */
    static double hadamard(DetCase c, double t) {
        double prod = 1;
        for (double[] row : c.wNext(t)) prod *= TwoLayer.norm(row);
        return prod;
    }

    /**
     * p has degree <= 2n: its interpolant through 2n+2 Chebyshev nodes on (-2, 2) (an even count, so 0 is not a node)
     * predicts p at other points, and at t = 0 it gives det W_k (p(0) = det W_k: grad_W f(W, 0) = 0), to the rounding of
     * the determinants.
     */
    static Evidence polynomial(DetCase c) {
        int n = c.w().length, m = 2 * n + 2;
        double[] nodes = new double[m], vals = new double[m];
        double scale = 0;
        for (int i = 0; i < m; i++) {
            nodes[i] = 2 * Math.cos(Math.PI * (i + 0.5) / m);
            vals[i] = c.p(nodes[i]);
            scale = Math.max(scale, hadamard(c, nodes[i]));
        }
        double worst = 0;
        for (double t : new double[] {-1.7, 0.31, 1.9}) {
            worst = Math.max(worst, Math.abs(lagrange(nodes, vals, t) - c.p(t)));
            scale = Math.max(scale, hadamard(c, t));
        }
        // the interpolant amplifies the rounding of its values by its Lebesgue function (<= 2.01 at these points, n <= 4)
        double tol = Linalg.tolerance(4 * scale, m * n * n);
        return Evidence.worst(Evidence.eq("interpolant of p at t = 0 == det W_k", lagrange(nodes, vals, 0), det(c.w()), tol),
                Evidence.eq("max |p(t) - degree-2n interpolant(t)| (p has degree <= 2n)", worst, 0, tol));
    }

    static double lagrange(double[] x, double[] y, double t) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double l = 1;
            for (int j = 0; j < x.length; j++) if (j != i) l *= (t - x[j]) / (x[i] - x[j]);
            s += y[i] * l;
        }
        return s;
    }

    /** A real root t* of p(t theta0) bracketed by a sign change on [-8, 8] and bisected: W_{k+1}(t* theta0) is singular. */
    static double[] bracket(DetCase c) {
        double prevT = -8, prev = c.p(prevT);
        for (int i = 1; i <= 320; i++) {
            double t = -8 + 16.0 * i / 320, pt = c.p(t);
            if (Math.signum(pt) != Math.signum(prev) && prev != 0) {
                double lo = prevT, hi = t, flo = prev;
                for (int it = 0; it < 200 && hi - lo > 0; it++) {
                    double mid = 0.5 * (lo + hi);
                    if (mid == lo || mid == hi) break;
                    double fm = c.p(mid);
                    if (Math.signum(fm) == Math.signum(flo)) {
                        lo = mid;
                        flo = fm;
                    } else hi = mid;
                }
                return new double[] {lo, hi};
            }
            prevT = t;
            prev = pt;
        }
        return null;
    }

    static Evidence nonsingularAtRoot(DetCase c) {
        double[] br = bracket(c);
        if (br == null) return Evidence.fact("p(t theta0) has no sign change on [-8, 8]", true);
        double[][] w = c.wNext(0.5 * (br[0] + br[1]));
        double[] sv = Linalg.singularValues(TwoLayer.matrix(w));
        double ratio = sv[0] == 0 ? 0 : sv[sv.length - 1] / sv[0];
        return Evidence.ge("sigma_min/sigma_max of W_{k+1} = W_k - gamma grad_W f(W_k, t* theta0)", ratio, w.length * Linalg.EPS, 0)
                .with("bracket", br[0] + ".." + br[1]);
    }

    /** The sign change of p across the bracket in 60 digits: an exact root t* (intermediate values) makes W_{k+1} singular. */
    static Certificate certifyRoot(DetCase c, Evidence e) {
        double[] br = bracket(c);
        if (br == null) return Certificate.of("60-digit determinant", 60, BigDecimal.ONE, new BigDecimal("1e-40"), "no bracket");
        Dfp lo = c.hpP(br[0]), hi = c.hpP(br[1]);
        boolean change = lo.multiply(hi).negativeOrNull() && !lo.multiply(hi).isZero();
        return Certificate.of("60-digit determinant at both ends of the bracket", 60, change ? BigDecimal.valueOf(-1) : BigDecimal.ONE,
                new BigDecimal("0.5"), "p(" + br[0] + ") = " + lo.toDouble() + ", p(" + br[1] + ") = " + hi.toDouble()
                        + (change ? ": opposite signs, so det W_{k+1}(t theta0) = 0 at some t in the bracket" : ": no sign change"));
    }

    /** sigma_min(W_k) / sigma_max(W_k) over all k of a run (Lemma 5.1: every W_k nonsingular). */
    static Evidence trajectoryNonsingular(AlgoCase c) {
        SgdGd.Trace t = c.run();
        double worst = Double.POSITIVE_INFINITY;
        int at = -1;
        for (SgdGd.Step s : t.steps()) {
            double[] sv = Linalg.singularValues(TwoLayer.matrix(s.wNext()));
            double r = sv[sv.length - 1] / sv[0];
            if (r < worst) {
                worst = r;
                at = s.k() + 1;
            }
        }
        return Evidence.ge("min_k sigma_min(W_k)/sigma_max(W_k) along Algorithm 1", worst, c.w0().length * Linalg.EPS, 0).with("at k", at)
                .with("outer", c.outer()).with("inner", c.inner());
    }

    /** boob-lan/P002-15, Lemma 5.1: the W_k of Algorithm 1 are nonsingular almost surely (over the injected noise). */
    static final class Lemma51 extends BoobLanClaim {
        Lemma51() {
            super("boob-lan/P002-15");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("outerMax", 30, "largest N_o"), ParamSpec.integer("innerMax", 30, "largest N_i"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(
                    Property.of("trajectory", AlgoCase.class)
                            .description("every W_k of Algorithm 1 (projected SGD with Gaussian noise, gamma = 1/L_R) is nonsingular")
                            .generator("tanh, sigmoid, Gaussian, tanh(x/2), Erf; d in [1,4], N = d^2, R/2 = 5, N_o, N_i in [1, 30], sigma in {0.05,0.3,1}",
                                    AlgoCase.arbitrary(ACTS, 1, 4, true, p.integer("outerMax"), p.integer("innerMax"), List.of("gaussian"), RADIUS, false))
                            .hypotheses(AlgoCase::wellFormed)
                            .check(AlgorithmClaims::trajectoryNonsingular).tries(25).build(),
                    Property.of("polynomial", DetCase.class)
                            .description("the correct proof's p(theta) = det(W_k - gamma grad_W f(W_k, theta)): p(0) = det W_k, and along rays p has degree <= 2n")
                            .generator("d in [1,4], N = d^2, gamma = 1, Gaussian data, W, theta0", detCases(1))
                            .check(AlgorithmClaims::polynomial).tries(40).build(),
                    Property.of("control-adversarial-theta", DetCase.class)
                            .description("negative control (randomness removed): theta_{k+1} = t* theta0 at a real root of p makes W_{k+1} singular")
                            .generator("as polynomial, gamma = 1 (the catalogue's example)", detCases(1))
                            .hypotheses(c -> bracket(c) == null ? "no sign change of p on [-8, 8]" : null)
                            .check(AlgorithmClaims::nonsingularAtRoot).certify(AlgorithmClaims::certifyRoot).expectRefuted().tries(10).build());
        }

        /** The catalogue's gap (b): with the ball projection and d = 1, theta_{k+1} has an atom at +-R/2. */
        @Override
        protected List<PropertyOutcome> experiments(Params p, RunContext ctx, ClaimResult.Builder r) {
            int trials = ctx.tries(200), atoms = 0;
            for (int t = 0; t < trials; t++) {
                Random rng = new Random(BoobLanData.stream(ctx.seedFor(id() + "#atom"), t));
                AlgoCase c = new AlgoCase("tanh", new double[][] {{1}}, new double[] {1}, new double[][] {{1}}, new double[] {0}, 0.01, 0, 3, 10,
                        "gaussian", 1, 1, false, rng.nextLong());
                double th = c.run().steps().get(0).thetaNext()[0];
                if (Math.abs(th) == 0.01) atoms++;
            }
            r.number("projection-atom.d1.P(theta_1 = +-R/2)", (double) atoms / trials);
            r.number("projection-atom.note", "d = 1, R/2 = 0.01, sigma = 10, N_i = 3: theta_1 sits exactly on the sphere with positive probability (catalogue gap b); p(theta) still vanishes only on a null set");
            return List.of();
        }
    }

    // ---------------------------------------------------------------- P002-17

    static Evidence trajectoryRanks(AlgoCase c) {
        SgdGd.Trace t = c.run();
        PaperActivation h = c.act();
        int nPts = c.u().length, n = c.w0().length, full = Math.min(nPts, n * c.u()[0].length);
        Evidence worst = null;
        for (SgdGd.Step s : t.steps()) {
            double[][] w = s.w();
            Ranks.RankReport rc = Ranks.rank(TwoLayer.collection(h::d1, c.u(), w), () -> {
                HighPrecision hp = new HighPrecision();
                return new TwoLayerHp(hp, h).collection(h::d1, hp.of(c.u()), hp.of(w));
            });
            NetCase nc = new NetCase(c.activation(), c.u(), c.v(), w, s.thetaNext());
            Ranks.RankReport rd = nc.rankD();
            Evidence e = Evidence.worst(Ranks.equal("rank {h'(W_k u^i) u^iT} == N at k = " + s.k(), rc, full),
                    Ranks.equal("rank D(W_k, theta_{k+1}) == N at k = " + s.k(), rd, full));
            if (worst == null || e.slack() < worst.slack()) worst = e;
            if (!e.holds()) break;
        }
        return worst;
    }

    /**
     * W_{k+1}(t theta0) - W_k = -gamma grad_W f(W_k, t theta0) is a quadratic in t (s is affine in theta, times theta_j): its
     * interpolant through t = -1, 1, 2 vanishes at t = 0, i.e. theta = 0 returns W_k (the correct proof's base point).
     */
    static Evidence thetaZero(DetCase c) {
        double[] ts = {-1, 1, 2};
        double[][][] steps = new double[3][][];
        double scale = 0;
        for (int i = 0; i < 3; i++) {
            steps[i] = TwoLayer.plus(c.wNext(ts[i]), -1, c.w());
            scale = Math.max(scale, TwoLayer.maxAbs(steps[i]) + TwoLayer.maxAbs(c.w()));
        }
        double worst = 0;
        for (int j = 0; j < c.w().length; j++)
            for (int k = 0; k < c.w()[0].length; k++)
                worst = Math.max(worst, Math.abs(lagrange(ts, new double[] {steps[0][j][k], steps[1][j][k], steps[2][j][k]}, 0)));
        return Evidence.eq("max_jk |quadratic in t through W_{k+1}(t theta0) - W_k at t = -1, 1, 2, at t = 0|", worst, 0,
                Linalg.tolerance(4 * scale, c.u().length * c.w().length));
    }

    /** boob-lan/P002-17, Lemma 5.3: {h'(W_{k+1} u^i) u^iT} is full rank a.s., hence Algorithm 1 keeps D full rank at every iteration. */
    static final class Lemma53 extends BoobLanClaim {
        Lemma53() {
            super("boob-lan/P002-17");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("outerMax", 15, "largest N_o"), ParamSpec.integer("innerMax", 20, "largest N_i"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(
                    Property.of("trajectory", AlgoCase.class)
                            .description("along Algorithm 1 (N = d^2): rank {h'(W_k u^i) u^iT} = N and rank D(W_k, theta_{k+1}) = N at every k")
                            .generator("tanh, sigmoid, Gaussian, tanh(x/2), Erf; d in [1,3], N = d^2, R/2 = 5, N_o in [1,15], N_i in [1,20]",
                                    AlgoCase.arbitrary(ACTS, 1, 3, true, p.integer("outerMax"), p.integer("innerMax"), List.of("gaussian"), RADIUS, false))
                            .hypotheses(AlgoCase::wellFormed)
                            .check(AlgorithmClaims::trajectoryRanks).tries(20).build(),
                    Property.of("theta-zero", DetCase.class)
                            .description("the correct argument's base point: theta = 0 in the update returns W_k (the update is quadratic in t along t theta0 and vanishes at t = 0)")
                            .generator("as P002-15 polynomial", detCases(1))
                            .check(AlgorithmClaims::thetaZero).tries(20).build());
        }
    }
}
