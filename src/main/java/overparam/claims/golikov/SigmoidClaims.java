package overparam.claims.golikov;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.claims.golikov.Instances.SigmoidData;
import overparam.claims.golikov.Instances.SplitUnit;
import overparam.gauss.Fits;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;
import overparam.nn.Activation;
import overparam.nn.Activations;
import overparam.nn.DeepNet;

import java.util.List;
import java.util.Random;

/** Wide shallow sigmoid nets, model (7) without biases: golikov/C12-C16 (Yu and Chen 1995) and the remark C22. */
final class SigmoidClaims {
    private SigmoidClaims() {}

    /** Unit-splitting instances: m in [2,4] scalar inputs, width k = m + [0, 2] (so k >= m). */
    static Arbitrary<SplitUnit> splitUnits(Arbitrary<String> activations) {
        return Combinators.combine(activations, Gen.ints(2, 4), Gen.ints(0, 2), Gen.seeds())
                .as((a, m, extra, seed) -> UnitSplitting.draw(a, m, m + extra, seed));
    }

    static UnitSplitting.Embedding embedding(SplitUnit u) {
        return Memo.get("split " + u.activation() + java.util.Arrays.toString(u.x()) + java.util.Arrays.toString(u.y()) + u.width(),
                () -> UnitSplitting.analyse(u));
    }

    /**
     * Hypotheses of (7): distinct inputs and k >= m; besides, the point must be a local minimum (double-precision
     * certificate). Inputs 0 or +-x pairs are excluded: with them sigma(z) + sigma(-z) = 1 can make F1 rank deficient for
     * every W1 (C15), and the comparison with the global value 0 relies on a full-rank F1.
     */
    static String splitHypotheses(SplitUnit u) {
        double[] x = u.x();
        for (int i = 0; i < x.length; i++) {
            if (x[i] == 0) return "an input is 0";
            for (int j = i + 1; j < x.length; j++) if (x[i] == x[j] || x[i] == -x[j]) return "inputs not distinct up to sign";
        }
        if (u.width() < x.length) return "width below m";
        UnitSplitting.Embedding e = embedding(u);
        if (!e.localMinimum()) return "the split point is not a certified local minimum (optimum at infinity or curvature ~ 0)";
        return null;
    }

    /** L at the local minimum against the exhibited global value (a zero-loss fit with generic W1, W2 = Y F1^+). */
    static Evidence splitLoss(SplitUnit u) {
        UnitSplitting.Embedding e = embedding(u);
        double scale = Linalg.dot(u.y(), u.y());
        return Evidence.le("loss at a local minimum <= global minimum (exhibited zero-loss fit)", e.loss(), e.zeroLossFit(),
                        Checks.tol(scale, u.width() * u.x().length * 8))
                .with("w*", e.wStar()).with("a*", e.aStar()).with("B", e.curvature()).with("lambdas", e.lambdas())
                .with("rank F1", e.rankF1()).with("||grad||", e.gradientNorm()).with("lambda_min normal Hessian", e.normalLambdaMin())
                .with("kernel dimension (tangent of M)", u.width() - 1);
    }

    static Certificate certifySplit(SplitUnit u, Evidence ev) {
        UnitSplitting.HighPrecisionCheck c = UnitSplitting.certify(u, embedding(u));
        HighPrecision hp = new HighPrecision();
        String note = "60 digits: ||grad|| = " + brief(c.gradientNorm()) + ", lambda_min(normal Hessian) = " + brief(c.normalLambdaMin())
                + ", max |H t| on the tangent space = " + brief(c.tangentResidual()) + ", w* = " + brief(c.wStar())
                + "; Morse-Bott: a non-degenerate critical manifold of local minima; global minimum 0";
        return Checks.of(hp, "Dfp secant solve, exact Hessian, inertia bisection, non-zero minor of F1 at the zero-loss fit",
                c.localMinimum() && c.zeroLossExists() ? c.loss().negate() : hp.zero(), note + ", det of the fit's m x m minor of F1 = "
                        + brief(c.fitMinor()));
    }

    static String brief(Dfp v) {
        return new java.math.BigDecimal(v.toString()).round(new java.math.MathContext(4)).toString();
    }

    /** A bias-free one-hidden-layer net phi(W1 X) with linear output (no biases). */
    static DeepNet shallow(int d0, int width, int outputs, Activation act, boolean bias) {
        return new DeepNet(new int[] {d0, width, outputs}, act, Activations.IDENTITY, bias);
    }

    static DMatrixRMaj features(DMatrixRMaj w1, DMatrixRMaj x, Activation act) {
        DMatrixRMaj z = Linalg.mult(w1, x);
        for (int i = 0; i < z.data.length; i++) z.data[i] = act.phi(z.data[i]);
        return z;
    }

    /** golikov/C12, Yu & Chen 1995 via eq. (7): d1 >= m, distinct columns, sigmoid, no biases: all local minima are global. */
    static final class YuChen extends PropertyClaim {
        YuChen() {
            super("golikov/C12");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("restarts", 4, "Levenberg-Marquardt random starts for the empirical fits"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int restarts = p.integer("restarts");
            var fits = Combinators.combine(Arbitraries.of(NonLinearData.DISTINCT), Gen.ints(2, 5), Gen.ints(3, 8), Arbitraries.of(1, 2), Gen.seeds())
                    .as((s, d0, m, factor, seed) -> new SigmoidData(s, d0, m, factor * m, 1, "sigmoid", seed));
            var narrow = Combinators.combine(Gen.ints(6, 8), Gen.seeds()).as((m, seed) -> new SigmoidData("gaussian", 3, m, 4, 1, "sigmoid", seed));
            return List.of(
                    Property.of("split-unit-local-minima", SplitUnit.class)
                            .description("unit splitting (Fukumizu-Amari): the one-unit optimum of a sigma(w x) on m scalar inputs, "
                                    + "split into k >= m units, is a local minimum (certified: gradient 0, Hessian positive definite "
                                    + "normal to the (k-1)-dim critical manifold) with positive loss, while k >= m distinct inputs "
                                    + "are fitted exactly")
                            .generator("sigmoid; m in [2,4] inputs in [-3,3], Gaussian targets; k = m + [0,2]", splitUnits(Arbitraries.of("sigmoid")))
                            .hypotheses(SigmoidClaims::splitHypotheses)
                            .check(SigmoidClaims::splitLoss).certify(SigmoidClaims::certifySplit).search(SearchSpace.coordinates()).tries(10).build(),
                    Property.of("random-start-fits", SigmoidData.class)
                            .description("P12a: Levenberg-Marquardt from " + restarts + " random starts reaches zero loss "
                                    + "(<= 1e-12 ||Y||^2) for d1 in {m, 2m} on Gaussian, near-duplicate, subspace, integer data")
                            .generator("d0 in [2,5], m in [3,8], d1 in {m, 2m}", fits)
                            .check(d -> bestFit(d, restarts)).informative().tries(8).build(),
                    Property.of("narrow-nets-fit-too", SigmoidData.class)
                            .description("P12b: with d1 = 4 < m in [6,8] zero loss is usually reached as well (d1 >= m is not necessary)")
                            .generator("d0 = 3, m in [6,8], d1 = 4", narrow)
                            .check(d -> bestFit(d, restarts)).informative().tries(4).build());
        }

        static Evidence bestFit(SigmoidData d, int restarts) {
            DMatrixRMaj x = d.x(), y = d.y();
            DeepNet net = shallow(d.d0(), d.width(), d.outputs(), d.act(), false);
            var model = net.model(DeepLinear.samples(x), DeepLinear.samples(y));
            Random rng = new Random(d.seed() + 3);
            double best = Double.POSITIVE_INFINITY;
            for (int s = 0; s < restarts && best > 0; s++)
                best = Math.min(best, Fitting.levenbergMarquardt(model, net.initFanIn(rng, 2.0), 300).loss());
            double ny = Checks.fro(y);
            return Evidence.le("best loss over random starts", best, 0, 1e-12 * ny * ny).with("d1", d.width()).with("m", d.m());
        }
    }

    /** golikov/C13: L_{W1}(W2) is linear regression on F1 = sigma(W1 X); convex; rank F1 = m gives zero-loss minima. */
    static final class Surrogate extends PropertyClaim {
        Surrogate() {
            super("golikov/C13");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var wide = Combinators.combine(Arbitraries.of(NonLinearData.DISTINCT), Gen.ints(1, 5), Gen.ints(2, 10), Gen.ints(0, 6), Gen.ints(1, 3), Gen.seeds())
                    .as((s, d0, m, extra, out, seed) -> new SigmoidData(s, d0, m, m + extra, out, "sigmoid", seed));
            var narrow = Combinators.combine(Gen.ints(1, 5), Gen.ints(3, 10), Gen.ints(1, 2), Gen.seeds())
                    .as((d0, m, out, seed) -> new SigmoidData("gaussian", d0, m, Math.max(1, m - 1 - (int) (seed % 2)), out, "sigmoid", seed));
            return List.of(
                    Property.of("rank-m-surrogate", SigmoidData.class)
                            .description("rk F1 = m (d1 >= m): the Hessian (F1 F1^T) kron I is PSD (convex), W2 = Y F1^+ fits "
                                    + "exactly, and every critical W2 = Y F1^+ + Z (I - F1 F1^+) has zero loss")
                            .generator("distinct-column data, d0 in [1,5], m in [2,10], d1 = m + [0,6], outputs in [1,3]", wide)
                            .hypotheses(d -> Linalg.rank(features(w1(d), d.x(), d.act())) == d.m() ? null : "rank F1 < m")
                            .check(Surrogate::wide).tries(100).build(),
                    Property.of("narrow-surrogate", SigmoidData.class)
                            .description("d1 < m: rk F1 <= d1 < m and min_W2 L_{W1} > 0 for generic Y (the width is necessary)")
                            .generator("Gaussian X, m in [3,10], d1 in {m-2, m-1}", narrow)
                            .check(Surrogate::narrow).tries(100).build());
        }

        static DMatrixRMaj w1(SigmoidData d) {
            return DeepLinear.gaussian(d.width(), d.d0(), new Random(d.seed() + 5));
        }

        static Evidence wide(SigmoidData d) {
            DMatrixRMaj x = d.x(), y = d.y(), f = features(w1(d), x, d.act());
            DMatrixRMaj fPinv = Linalg.pinv(f);
            DMatrixRMaj w2 = Linalg.mult(y, fPinv);
            DMatrixRMaj proj = Linalg.minus(Linalg.identity(d.width()), Linalg.mult(f, fPinv));
            DMatrixRMaj other = Linalg.plus(w2, Linalg.mult(DeepLinear.gaussian(d.outputs(), d.width(), new Random(d.seed() + 9)), proj));
            double cond = Checks.cond(f), ny = Checks.fro(y);
            double tol = Checks.tol(ny * cond, d.m() * d.width());
            DMatrixRMaj hess = Linalg.kron(Linalg.gram(f), Linalg.identity(d.outputs()));
            double gradOther = Checks.fro(Linalg.mult(Linalg.minus(Linalg.mult(other, f), y), Linalg.transpose(f)));
            return Evidence.worst(
                    Evidence.le("||W2 F1 - Y|| for W2 = Y F1^+", Checks.fro(Linalg.minus(Linalg.mult(w2, f), y)), 0, tol),
                    Evidence.le("||grad|| at another critical point W2 + Z(I - F F^+)", gradOther, 0, tol * Checks.fro(f)),
                    Evidence.le("||W2' F1 - Y|| at that critical point", Checks.fro(Linalg.minus(Linalg.mult(other, f), y)), 0, tol),
                    Evidence.ge("lambda_min((F1 F1^T) kron I) (convexity)", Linalg.lambdaMin(hess), 0, Linalg.psdTolerance(hess)))
                    .with("cond F1", cond);
        }

        static Evidence narrow(SigmoidData d) {
            DMatrixRMaj x = d.x(), y = d.y(), f = features(w1(d), x, d.act());
            DMatrixRMaj w2 = Linalg.mult(y, Linalg.pinv(f));
            double res = Checks.fro(Linalg.minus(Linalg.mult(w2, f), y));
            double ny = Checks.fro(y);
            return Evidence.worst(
                    Evidence.le("rank F1 <= d1", Linalg.rank(f), d.width(), 0),
                    Evidence.ge("min_W2 L_{W1}(W2) > 0", 0.5 * res * res, Checks.tol(ny * ny, d.m() * d.width()), 0));
        }
    }

    /** golikov/C14: d1 >= m does not imply rk F1 = m (W1 = 0, or equal rows). */
    static final class RankNotGuaranteed extends PropertyClaim {
        RankNotGuaranteed() {
            super("golikov/C14");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var gen = Combinators.combine(Arbitraries.of(NonLinearData.DISTINCT), Gen.ints(1, 5), Gen.ints(2, 10), Gen.ints(0, 4), Gen.seeds())
                    .as((s, d0, m, extra, seed) -> new SigmoidData(s, d0, m, m + extra, 1, "sigmoid", seed));
            return List.of(Property.of("rank-deficient-F1-with-d1>=m", SigmoidData.class)
                    .description("W1 = 0 gives F1 = 1/2 11^T, and W1 with equal rows gives rank 1: rk F1 = 1 < m although d1 >= m")
                    .generator("distinct-column data, m in [2,10], d1 = m + [0,4]", gen)
                    .check(RankNotGuaranteed::deficient).tries(100).build());
        }

        static Evidence deficient(SigmoidData d) {
            DMatrixRMaj x = d.x();
            DMatrixRMaj zero = new DMatrixRMaj(d.width(), d.d0());
            DMatrixRMaj equal = new DMatrixRMaj(d.width(), d.d0());
            Random rng = new Random(d.seed() + 2);
            double[] row = new double[d.d0()];
            for (int j = 0; j < row.length; j++) row[j] = rng.nextGaussian();
            for (int i = 0; i < d.width(); i++) for (int j = 0; j < row.length; j++) equal.set(i, j, row[j]);
            return Evidence.worst(
                    Evidence.le("rank F1 at W1 = 0 (< m)", Linalg.rank(features(zero, x, d.act())), d.m() - 1, 0),
                    Evidence.le("rank F1 at equal rows (< m)", Linalg.rank(features(equal, x, d.act())), d.m() - 1, 0));
        }
    }

    /** golikov/C15: distinct columns => {W1 : rk sigma(W1 X) < m} has measure zero (sigmoid); false for ReLU. */
    static final class MeasureZero extends PropertyClaim {
        MeasureZero() {
            super("golikov/C15");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("draws", 50, "random W1 per dataset"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int draws = p.integer("draws");
            var distinct = Combinators.combine(Arbitraries.of(NonLinearData.DISTINCT_WITH_SYMMETRIC), Gen.ints(1, 5), Gen.ints(2, 10), Gen.ints(0, 4), Gen.seeds())
                    .as((s, d0, m, extra, seed) -> new SigmoidData(s, d0, m, m + extra, 1, "sigmoid", seed));
            var relu = Combinators.combine(Arbitraries.of("halfspace", "positive-parallel"), Gen.ints(1, 5), Gen.ints(2, 10), Gen.ints(0, 4), Gen.seeds())
                    .as((s, d0, m, extra, seed) -> new SigmoidData(s, d0, m, m + extra, 1, "relu", seed));
            var dup = Combinators.combine(Gen.ints(1, 5), Gen.ints(2, 10), Gen.ints(0, 4), Gen.seeds())
                    .as((d0, m, extra, seed) -> new SigmoidData("duplicates", d0, m, m + extra, 1, "sigmoid", seed));
            return List.of(
                    Property.of("sigmoid-generic-rank", SigmoidData.class)
                            .description(draws + " random W1 ~ N(0,1) per dataset: sigma_m(F1) > 1e-10 sigma_1(F1) every time")
                            .generator("Gaussian, near-duplicate (1e-3), subspace, integer, antipodal-pair data; m in [2,10], d1 = m + [0,4]", distinct)
                            .hypotheses(d -> NonLinearData.distinctColumns(d.x()) ? null : "columns not distinct")
                            .check(d -> genericRank(d, draws)).certify(MeasureZero::certifyRank).tries(30).build(),
                    Property.of("false-for-relu", SigmoidData.class)
                            .description("bias-free ReLU: data in {x_1 >= 0.1} and W1 in a ball around -2 1 e_1^T (an open set) "
                                    + "give F1 = 0; positive-parallel columns (x_m = 2 x_1) give rank < m for every W1")
                            .generator("halfspace or positive-parallel data, 100 W1 per dataset", relu)
                            .check(MeasureZero::reluDeficient).tries(30).build(),
                    Property.of("control-duplicate-columns", SigmoidData.class)
                            .description("negative control: a duplicated column (distinctness dropped) gives rk F1 < m for every W1")
                            .generator("duplicates data, m in [2,10]", dup)
                            .check(d -> genericRank(d, 20)).certify(MeasureZero::certifyRank).expectRefuted().tries(10).build());
        }

        /**
         * min over draws of sigma_m(F1)/sigma_1(F1) against the rounding level of double precision. A draw below it is
         * decided again in 60 digits (F1 recomputed from the same W1 and X, rank by full-pivot elimination); the first
         * draw that is rank deficient there ends the run.
         */
        static Evidence genericRank(SigmoidData d, int draws) {
            DMatrixRMaj x = d.x();
            Random rng = new Random(d.seed() + 4);
            double rounding = 32 * Linalg.EPS * Math.max(d.width(), d.m());
            double worst = Double.POSITIVE_INFINITY;
            int decidedInHighPrecision = 0, worstDraw = -1;
            for (int t = 0; t < draws; t++) {
                DMatrixRMaj w1 = DeepLinear.gaussian(d.width(), d.d0(), rng);
                double[] s = Linalg.singularValues(features(w1, x, d.act()));
                double ratio = s[d.m() - 1] / s[0];
                if (!(ratio > rounding)) {
                    decidedInHighPrecision++;
                    ratio = highPrecisionRank(w1, x, d.activation()) == d.m() ? rounding : 0;
                }
                if (ratio < worst) {
                    worst = ratio;
                    worstDraw = t;
                }
                if (ratio == 0) break;
            }
            return Evidence.ge("min over draws of sigma_m(F1) / sigma_1(F1) (>= rounding level: rank m)", worst, rounding, 0)
                    .with("draws", draws).with("draws decided in 60 digits", decidedInHighPrecision).with("worst draw", worstDraw);
        }

        static int highPrecisionRank(DMatrixRMaj w1, DMatrixRMaj x, String activation) {
            HighPrecision hp = new HighPrecision();
            Dfp[][] z = hp.mult(hp.of(w1), hp.of(x));
            Dfp[][] f = new Dfp[z.length][];
            for (int i = 0; i < z.length; i++) {
                f[i] = new Dfp[z[i].length];
                for (int j = 0; j < z[i].length; j++)
                    f[i][j] = switch (activation) {
                        case "sigmoid", "tanh", "softplus" -> UnitSplitting.dfp(hp, activation, z[i][j])[0];
                        case "relu" -> z[i][j].greaterThan(hp.zero()) ? z[i][j] : hp.zero();
                        default -> throw new BadInput("no high-precision route for " + activation);
                    };
            }
            return hp.rank(f);
        }

        /** The worst draw recomputed in 60 digits: margin rank(F1) - m (an integer), certified when negative. */
        static Certificate certifyRank(SigmoidData d, Evidence e) {
            Object w = e.details().get("worst draw");
            int draw = w instanceof Number n ? n.intValue() : 0;
            Random rng = new Random(d.seed() + 4);
            DMatrixRMaj w1 = null;
            for (int t = 0; t <= draw; t++) w1 = DeepLinear.gaussian(d.width(), d.d0(), rng);
            int rank = highPrecisionRank(w1, d.x(), d.activation());
            return Checks.exact("Dfp full-pivot rank of F1 = phi(W1 X) at the worst draw", rank - d.m(),
                    "rank " + rank + " < m = " + d.m() + (d.structure().equals("integer") || d.structure().equals("antipodal")
                            ? "; bias-free sigmoid: sigma(z) + sigma(-z) = 1 makes columns of x, -x, y, -y (or x, -x, 0) dependent" : ""));
        }

        static Evidence reluDeficient(SigmoidData d) {
            DMatrixRMaj x = d.x();
            Random rng = new Random(d.seed() + 6);
            int worstRank = 0;
            for (int t = 0; t < 100; t++) {
                DMatrixRMaj w = DeepLinear.gaussian(d.width(), d.d0(), rng);
                if (d.structure().equals("halfspace")) {
                    for (int i = 0; i < w.data.length; i++) w.data[i] *= 0.01;
                    for (int i = 0; i < d.width(); i++) w.set(i, 0, w.get(i, 0) - 2);
                }
                worstRank = Math.max(worstRank, Linalg.rank(features(w, x, d.act())));
            }
            return Evidence.le("max rank F1 over 100 W1 in the set (< m)", worstRank, d.m() - 1, 0);
        }
    }

    /** golikov/C16: the Lyapunov argument's conclusion: all local minima of (7) have value zero regardless of rk F1. */
    static final class LyapunovArgument extends PropertyClaim {
        LyapunovArgument() {
            super("golikov/C16");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(
                    Property.of("rank-deficient-local-minimum", SplitUnit.class)
                            .description("the split-unit local minimum (C12) has rk F1 = 1 < m and L > 0, the case the argument "
                                    + "claims impossible; its premises hold there (perturbing W1 restores rank m and the W2-flow "
                                    + "reaches zero loss far away), so the step 'leaves the vicinity => Lyapunov unstable => not a "
                                    + "local minimum' fails")
                            .generator("sigmoid; m in [2,4] scalar inputs, k = m + [0,2]", splitUnits(Arbitraries.of("sigmoid")))
                            .hypotheses(SigmoidClaims::splitHypotheses)
                            .check(SigmoidClaims::splitLoss).certify(SigmoidClaims::certifySplit).search(SearchSpace.coordinates()).tries(10).build(),
                    Property.of("escape-distance-scales-like-1/delta", SplitUnit.class)
                            .description("P16 diagnostic: perturb W1 by delta G at the rank-deficient point; the nearest zero-loss "
                                    + "W2 = W2 + (Y - W2 F)F^+ moves away as delta -> 0 (log-log slope <= -1; -2 at a split point, "
                                    + "where the residual is orthogonal to the first-order new feature), so the 'vicinity' the flow "
                                    + "leaves does not shrink with the perturbation")
                            .generator("sigmoid; m in [2,4], k = m + [0,2]", splitUnits(Arbitraries.of("sigmoid")))
                            .hypotheses(SigmoidClaims::splitHypotheses)
                            .check(LyapunovArgument::escape).informative().tries(5).build());
        }

        static Evidence escape(SplitUnit u) {
            UnitSplitting.Embedding e = embedding(u);
            int k = u.width(), m = u.x().length;
            DMatrixRMaj x = Linalg.of(new double[][] {u.x()}), y = Linalg.of(new double[][] {u.y()});
            DMatrixRMaj w2 = new DMatrixRMaj(1, k, true, java.util.Arrays.copyOfRange(e.theta(), k, 2 * k));
            DMatrixRMaj g = DeepLinear.gaussian(k, 1, new Random(3));
            double[] deltas = {1e-1, 1e-2, 1e-3, 1e-4}, dist = new double[deltas.length];
            for (int t = 0; t < deltas.length; t++) {
                DMatrixRMaj w1 = new DMatrixRMaj(k, 1);
                for (int j = 0; j < k; j++) w1.set(j, 0, e.wStar() + deltas[t] * g.get(j, 0));
                DMatrixRMaj f = features(w1, x, u.act());
                DMatrixRMaj step = Linalg.mult(Linalg.minus(y, Linalg.mult(w2, f)), Linalg.pinv(f));
                dist[t] = Checks.fro(step);
            }
            Fits.Line fit = Fits.powerLaw(deltas, dist, 0.95);
            // at the split point the residual is orthogonal to the first-order new feature, so the growth is 1/delta^2
            return Evidence.le("fitted exponent of ||W2~ - W2|| vs delta (<= -1: grows at least like 1/delta)", fit.slope(), -1, 0.05)
                    .with("95% CI", new double[] {fit.slopeLow(), fit.slopeHigh()}).with("distances", dist).with("m", m);
        }
    }

    /** golikov/C22: the theorem generalises to tanh and softplus; ReLU dead-unit minima are 'not obviously' possible. */
    static final class NonSmoothRemark extends PropertyClaim {
        NonSmoothRemark() {
            super("golikov/C22");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var antipodal = Combinators.combine(Gen.ints(1, 4), Gen.ints(1, 4), Gen.ints(0, 3), Gen.seeds())
                    .as((d0, pairs, extra, seed) -> new SigmoidData("antipodal", d0, 2 * pairs, 2 * pairs + extra, 1, "tanh", seed));
            var dead = Combinators.combine(Gen.ints(1, 4), Gen.ints(2, 6), Gen.ints(0, 3), Gen.ints(1, 2), Gen.seeds())
                    .as((d0, m, extra, out, seed) -> new SigmoidData("halfspace", d0, m, m + extra, out, "relu", seed));
            return List.of(
                    Property.of("tanh-softplus-split-unit-minima", SplitUnit.class)
                            .description("the generalisation to tanh and softplus: unit splitting gives certified local minima "
                                    + "with positive loss at every width k >= m (as for sigmoid, C12)")
                            .generator("tanh or softplus; m in [2,4] scalar inputs, k = m + [0,2]", splitUnits(Arbitraries.of("tanh", "softplus")))
                            .hypotheses(SigmoidClaims::splitHypotheses)
                            .check(SigmoidClaims::splitLoss).certify(SigmoidClaims::certifySplit).search(SearchSpace.coordinates()).tries(10).build(),
                    Property.of("tanh-bias-free-rank-lemma", SigmoidData.class)
                            .description("P22b (K5): the measure-zero rank lemma for tanh in the bias-free model: antipodal columns "
                                    + "x, -x give tanh columns f, -f, so rk F1 < m for every W1")
                            .generator("antipodal pairs, d0 in [1,4], m = 2 pairs, d1 = m + [0,3]", antipodal)
                            .check(d -> MeasureZero.genericRank(d, 20)).certify(MeasureZero::certifyRank).tries(10).build(),
                    Property.of("relu-dead-unit-minima-exist", SigmoidData.class)
                            .description("P22 (K6, bias-free variant): data with x_1 >= 0.1, W1 = -1 e_1^T + 0.01 G: all units "
                                    + "dead; 10^4 perturbations of radius 1e-3 leave L = 1/2 ||Y||^2 exactly, while W2 = Y F^+ at "
                                    + "generic W1 fits (global minimum 0): the 'second alternative' is possible, at any width")
                            .generator("half-space X, d0 in [1,4], m in [2,6], d1 = m + [0,3]", dead)
                            .check(NonSmoothRemark::deadRelu).informative().tries(5).build());
        }

        static Evidence deadRelu(SigmoidData d) {
            DMatrixRMaj x = d.x(), y = d.y();
            DeepNet net = shallow(d.d0(), d.width(), d.outputs(), Activations.RELU, false);
            Random rng = new Random(d.seed() + 8);
            double[] theta = new double[net.parameterCount()];
            for (int i = 0; i < d.width(); i++) {
                for (int j = 0; j < d.d0(); j++) theta[net.weightIndex(0, i, j)] = (j == 0 ? -1 : 0) + 0.01 * rng.nextGaussian();
                for (int o = 0; o < d.outputs(); o++) theta[net.weightIndex(1, o, i)] = rng.nextGaussian();
            }
            var model = net.model(DeepLinear.samples(x), DeepLinear.samples(y));
            double l0 = model.loss(theta), ny = Checks.fro(y);
            double spread = 0;
            for (int t = 0; t < 10_000; t++) {
                double[] th = theta.clone();
                double[] dir = new double[th.length];
                for (int i = 0; i < dir.length; i++) dir[i] = rng.nextGaussian();
                double norm = Linalg.norm(dir);
                for (int i = 0; i < dir.length; i++) th[i] += 1e-3 * dir[i] / norm;
                spread = Math.max(spread, Math.abs(model.loss(th) - l0));
            }
            // global minimum 0: random W1 and the least-squares output layer
            DMatrixRMaj w1 = DeepLinear.gaussian(d.width(), d.d0(), rng);
            DMatrixRMaj f = features(w1, x, Activations.RELU);
            double fit = Checks.fro(Linalg.minus(Linalg.mult(Linalg.mult(y, Linalg.pinv(f)), f), y));
            return Evidence.worst(
                    Evidence.eq("max |L(perturbed) - L| over 10^4 perturbations", spread, 0, 0),
                    Evidence.eq("L at the dead point vs 1/2 ||Y||^2", l0, 0.5 * ny * ny, Checks.tol(ny * ny, d.m())),
                    Evidence.ge("L(dead point) - L(fit) > 0", l0 - 0.5 * fit * fit, Checks.tol(ny * ny, d.m() * d.width()), 0));
        }
    }
}
