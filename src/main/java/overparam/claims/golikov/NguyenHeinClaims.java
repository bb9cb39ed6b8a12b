package overparam.claims.golikov;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import overparam.claims.*;
import overparam.claims.golikov.Instances.DeepSigmoid;
import overparam.claims.golikov.Instances.SplitUnit;
import overparam.linalg.Linalg;
import overparam.nn.Activations;
import overparam.nn.DeepNet;
import overparam.nn.FiniteDifferences;
import overparam.nn.LeastSquaresModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deep and wide sigmoid nets, model (8) (Nguyen and Hein 2017): golikov/C17, C18, C19, C20, C21. */
final class NguyenHeinClaims {
    private NguyenHeinClaims() {}

    /** Widths with a wide layer k (d_k >= m), layers before k of any width in [1, dMax], a pyramidal tail after k+1. */
    static Arbitrary<DeepSigmoid> pyramids(int hMin, int hMax, List<String> structures, double scale) {
        return Combinators.combine(Gen.ints(hMin, hMax), Gen.ints(1, 3), Gen.ints(2, 6), Arbitraries.of(structures), Gen.seeds())
                .as((h, kRaw, m, structure, seed) -> {
                    Random rng = new Random(seed);
                    int k = Math.min(kRaw, h - 1);
                    int[] dims = new int[h + 1];
                    dims[0] = 1 + rng.nextInt(4);
                    for (int l = 1; l < k; l++) dims[l] = 1 + rng.nextInt(5);
                    dims[k] = m + rng.nextInt(3);
                    if (k + 1 <= h) dims[k + 1] = 1 + rng.nextInt(7);
                    for (int l = k + 2; l <= h; l++) dims[l] = 1 + rng.nextInt(dims[l - 1]);
                    return new DeepSigmoid(dims, k, m, structure, scale, seed);
                });
    }

    static DMatrixRMaj wideLayer(DeepSigmoid s) {
        DeepNet net = DeepSigmoidNet.net(s.dims());
        return DeepSigmoidNet.layers(net, DeepSigmoidNet.weights(s, net), s.x()).f()[s.k()];
    }

    /** golikov/C17, Nguyen & Hein Lemma 4.4 as quoted: d_k >= m, distinct columns => {W_{1:k} : rk F_k < m} is null. */
    static final class DeepRankLemma extends PropertyClaim {
        DeepRankLemma() {
            super("golikov/C17");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(
                    Property.of("generic-rank-at-the-wide-layer", DeepSigmoid.class)
                            .description("random bias-free sigmoid stacks (N(0,1) weights, earlier layers possibly narrow), "
                                    + "d_k >= m: sigma_m(F_k) above the rounding level (else decided in 60 digits)")
                            .generator("H in [2,4], k in [1,3], m in [2,6], d_k = m + [0,2]; Gaussian, near-duplicate, subspace, "
                                    + "integer, antipodal-pair data", pyramids(2, 4, NonLinearData.DISTINCT_WITH_SYMMETRIC, 1.0))
                            .hypotheses(s -> NonLinearData.distinctColumns(s.x()) ? null : "columns not distinct")
                            .check(DeepRankLemma::rankAtK).certify(DeepRankLemma::certify).tries(60).build(),
                    Property.of("deeper-layers-break-the-symmetry", DeepSigmoid.class)
                            .description("antipodal-pair data with k >= 2: the identity sigma(z) + sigma(-z) = 1 is not linear in "
                                    + "the next layer, and F_k has rank m again")
                            .generator("H in [3,4], k in [2,3], antipodal pairs", pyramids(3, 4, List.of("antipodal"), 1.0).filter(s -> s.k() >= 2))
                            .hypotheses(s -> NonLinearData.distinctColumns(s.x()) ? null : "columns not distinct")
                            .check(DeepRankLemma::rankAtK).informative().tries(20).build(),
                    Property.of("saturation-is-numerical", DeepSigmoid.class)
                            .description("P17-neg: weight scale 50 saturates the sigmoids; F_k is numerically rank deficient in "
                                    + "double precision (a numerical artefact, not a counterexample)")
                            .generator("Gaussian data, N(0, 50^2) weights", pyramids(2, 3, List.of("gaussian"), 50.0))
                            .check(s -> doubleRank(s)).informative().tries(10).build(),
                    Property.of("control-duplicate-columns", DeepSigmoid.class)
                            .description("negative control: a duplicated data column gives rk F_k < m for every W")
                            .generator("duplicates data", pyramids(2, 4, List.of("duplicates"), 1.0))
                            .check(DeepRankLemma::rankAtK).expectRefuted().tries(10).build());
        }

        static Evidence rankAtK(DeepSigmoid s) {
            DMatrixRMaj f = wideLayer(s);
            double[] sv = Linalg.singularValues(f);
            double rounding = 32 * Linalg.EPS * Math.max(f.numRows, f.numCols) * s.dims().length;
            double ratio = sv[s.m() - 1] / sv[0];
            boolean hp = false;
            if (!(ratio > rounding)) {
                hp = true;
                ratio = highPrecisionRank(s) == s.m() ? rounding : 0;
            }
            return Evidence.ge("sigma_m(F_k) / sigma_1(F_k) (>= rounding level: rank m)", ratio, rounding, 0)
                    .with("k", s.k()).with("decided in 60 digits", hp);
        }

        static Evidence doubleRank(DeepSigmoid s) {
            DMatrixRMaj f = wideLayer(s);
            return Evidence.ge("numerical rank of F_k in double (saturated)", Linalg.rank(f), s.m(), 0);
        }

        /** F_k recomputed layer by layer in 60 digits from the same weights; its full-pivot rank. */
        static int highPrecisionRank(DeepSigmoid s) {
            overparam.linalg.HighPrecision hp = new overparam.linalg.HighPrecision();
            DeepNet net = DeepSigmoidNet.net(s.dims());
            double[] theta = DeepSigmoidNet.weights(s, net);
            org.hipparchus.dfp.Dfp[][] f = hp.of(s.x());
            for (int l = 1; l <= s.k(); l++) {
                org.hipparchus.dfp.Dfp[][] z = hp.mult(hp.of(DeepSigmoidNet.weight(net, theta, l)), f);
                for (org.hipparchus.dfp.Dfp[] row : z) for (int j = 0; j < row.length; j++) row[j] = UnitSplitting.dfp(hp, "sigmoid", row[j])[0];
                f = z;
            }
            return hp.rank(f);
        }

        static Certificate certify(DeepSigmoid s, Evidence e) {
            int rank = highPrecisionRank(s);
            return Checks.exact("Dfp full-pivot rank of F_k", rank - s.m(), "rank " + rank + " < m = " + s.m() + " at k = " + s.k()
                    + "; bias-free sigmoid: sigma(z) + sigma(-z) = 1 makes the first-layer columns of x, -x, y, -y dependent");
        }
    }

    /** golikov/C18: for H > k+1 the partial loss L_{W_{1:k}}(W_{k+1:H}) is not convex even given rk F_k = m. */
    static final class PartialLossNonConvex extends PropertyClaim {
        PartialLossNonConvex() {
            super("golikov/C18");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var gen = Combinators.combine(Gen.ints(2, 4), Gen.ints(3, 5), Gen.ints(1, 2), Gen.seeds()).as((d0, m, out, seed) ->
                    new DeepSigmoid(new int[] {d0, m, m + 1, out}, 1, m, "gaussian", 1.0, seed));
            return List.of(Property.of("permuted-zero-loss-points", DeepSigmoid.class)
                    .description("H = k + 2, k = 1, rk F_1 = m: Levenberg-Marquardt finds a zero-loss theta1 = (W2, W3) of the "
                            + "partial problem; theta2 permutes two hidden units of layer 2 (also zero loss); the midpoint has "
                            + "positive loss, so midpoint convexity fails")
                    .generator("d0 in [2,4], m in [3,5], widths [d0, m, m+1, 1..2], Gaussian X, Y", gen)
                    .hypotheses(s -> partialFit(s).loss() <= 1e-20 * Math.max(1, Checks.fro(s.y()) * Checks.fro(s.y()))
                            ? null : "no zero-loss point of the partial problem found")
                    .check(PartialLossNonConvex::midpoint).tries(6).build());
        }

        static DeepNet partialNet(DeepSigmoid s) {
            int[] d = s.dims();
            return new DeepNet(new int[] {d[1], d[2], d[3]}, Activations.SIGMOID, Activations.IDENTITY, false);
        }

        static Fitting.Fit partialFit(DeepSigmoid s) {
            return Memo.get("C18 " + DeepSigmoidNet.key(s), () -> {
                DeepNet net = partialNet(s);
                LeastSquaresModel model = net.model(DeepLinear.samples(wideLayer(s)), DeepLinear.samples(s.y()));
                Random rng = new Random(s.seed() + 11);
                Fitting.Fit best = null;
                for (int t = 0; t < 3 && (best == null || best.loss() > 1e-24); t++) {
                    Fitting.Fit f = Fitting.levenbergMarquardt(model, net.initFanIn(rng, 2.0), 400);
                    if (best == null || f.loss() < best.loss()) best = f;
                }
                return best;
            });
        }

        static Evidence midpoint(DeepSigmoid s) {
            DeepNet net = partialNet(s);
            LeastSquaresModel model = net.model(DeepLinear.samples(wideLayer(s)), DeepLinear.samples(s.y()));
            double[] t1 = partialFit(s).theta();
            int[] d = net.widths();
            double[] t2 = t1.clone();
            // swap hidden units 0 and 1 of layer k+1: rows of W_{k+1}, columns of W_{k+2}
            for (int j = 0; j < d[0]; j++) {
                t2[net.weightIndex(0, 0, j)] = t1[net.weightIndex(0, 1, j)];
                t2[net.weightIndex(0, 1, j)] = t1[net.weightIndex(0, 0, j)];
            }
            for (int o = 0; o < d[2]; o++) {
                t2[net.weightIndex(1, o, 0)] = t1[net.weightIndex(1, o, 1)];
                t2[net.weightIndex(1, o, 1)] = t1[net.weightIndex(1, o, 0)];
            }
            double[] mid = new double[t1.length];
            for (int i = 0; i < mid.length; i++) mid[i] = 0.5 * (t1[i] + t2[i]);
            double l1 = model.loss(t1), l2 = model.loss(t2), lm = model.loss(mid);
            double ny = Checks.fro(s.y());
            return Evidence.ge("L(midpoint) - (L(theta1) + L(theta2))/2 > 0 (convexity needs <= 0)", lm - 0.5 * (l1 + l2),
                    1e-8 * ny * ny, 0).with("L(theta1)", l1).with("L(theta2)", l2).with("||theta1 - theta2||", distance(t1, t2));
        }

        static double distance(double[] a, double[] b) {
            double s = 0;
            for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
            return Math.sqrt(s);
        }
    }

    /** golikov/C19, Nguyen & Hein Lemma 3.5 with the catalogue's quantitative form of the gradient bound. */
    static final class NonDegenerateMinimum extends PropertyClaim {
        NonDegenerateMinimum() {
            super("golikov/C19");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var increasing = Combinators.combine(Gen.ints(1, 4), Gen.ints(1, 5), Gen.seeds()).as((lo, extra, seed) ->
                    new DeepSigmoid(new int[] {2, 3, lo, lo + extra}, 1, 2, "gaussian", 1.0, seed));
            return List.of(
                    Property.of("gradient-bound", DeepSigmoid.class)
                            .description("||grad_{W_{k+1}} L||_F >= s_m(F_k) prod_{l=k+1}^{H-1} min sigma'(Z_l) "
                                    + "prod_{l=k+2}^{H} s_{d_l}(W_l) ||W_H F_{H-1} - Y||_F (1/2 loss), so rk F_k = m and full-rank "
                                    + "W_{k+2..H} at a critical point force zero loss; the backprop gradient matches finite differences")
                            .generator("H in [2,4], pyramidal tail after k+1, N(0,1) weights, Gaussian X, Y", pyramids(2, 4, List.of("gaussian"), 1.0))
                            .check(NonDegenerateMinimum::bound).tries(60).build(),
                    Property.of("condition-3-forces-a-pyramid", DeepSigmoid.class)
                            .description("P19b: if d_l > d_{l-1} for some l >= k+2 then rk W_l <= d_{l-1} < d_l, so condition 3 "
                                    + "(rk W_l = d_l) is impossible")
                            .generator("widths [2, 3, d, d + [1,5]], k = 1", increasing)
                            .check(NonDegenerateMinimum::increasingWidth).tries(50).build());
        }

        static Evidence bound(DeepSigmoid s) {
            DeepNet net = DeepSigmoidNet.net(s.dims());
            double[] theta = DeepSigmoidNet.weights(s, net);
            DMatrixRMaj x = s.x(), y = s.y();
            int h = s.dims().length - 1, k = s.k();
            LeastSquaresModel model = net.model(DeepLinear.samples(x), DeepLinear.samples(y));
            double[] r = model.residual(theta);
            double[] g = model.gradient(theta, r);
            int from = net.weightIndex(k, 0, 0), to = from + s.dims()[k + 1] * s.dims()[k];
            double gk = 0;
            for (int i = from; i < to; i++) gk += g[i] * g[i];
            gk = Math.sqrt(gk);
            DeepSigmoidNet.Layers layers = DeepSigmoidNet.layers(net, theta, x);
            double rhs = Linalg.singularValues(layers.f()[k])[s.m() - 1];
            for (int l = k + 1; l <= h - 1; l++) {
                double min = Double.POSITIVE_INFINITY;
                for (double z : layers.z()[l].data) min = Math.min(min, Activations.SIGMOID.d1(z));
                rhs *= min;
            }
            for (int l = k + 2; l <= h; l++) rhs *= Linalg.sigmaMin(DeepSigmoidNet.weight(net, theta, l));
            rhs *= Linalg.norm(r);
            double[] fd = FiniteDifferences.gradient(model::loss, theta);
            double fdErr = 0;
            for (int i = 0; i < g.length; i++) fdErr = Math.max(fdErr, Math.abs(fd[i] - g[i]));
            double gn = Linalg.norm(g);
            return Evidence.worst(
                    Evidence.ge("||grad_{W_{k+1}} L|| >= quantitative Lemma 3.5 bound", gk, rhs, Checks.tol(gk, theta.length)),
                    Evidence.le("max |finite difference - backprop| / (1 + ||grad||)", fdErr / (1 + gn), 0, 1e-6))
                    .with("dims", s.dims()).with("k", k);
        }

        static Evidence increasingWidth(DeepSigmoid s) {
            DMatrixRMaj w = DeepLinear.gaussian(s.dims()[3], s.dims()[2], new Random(s.seed()));
            return Evidence.le("rank W_l (d_l > d_{l-1}) < d_l", Linalg.rank(w), s.dims()[3] - 1, 0);
        }
    }

    /**
     * golikov/C21: (a) condition 3 relaxable to d_l <= d_{l-1}; (b) degenerate minima exist and hypothesis (1) is false.
     * (b) is settled by certified instances; (a) only by a search that can refute it but never confirm it, so the claim
     * is INCONCLUSIVE unless the search finds a counterexample.
     */
    static final class Conjectures extends MeasuredPropertyClaim {
        static final String SEARCH = "relaxed-condition-3-search", DEGENERATE = "degenerate-bad-minima-exist";

        Conjectures() {
            super("golikov/C21");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("starts", 6, "Levenberg-Marquardt random starts per searched architecture"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int starts = p.integer("starts");
            var search = Combinators.combine(Gen.ints(2, 3), Gen.ints(3, 5), Gen.seeds()).as((d0, m, seed) ->
                    new DeepSigmoid(new int[] {d0, m, 2, 2}, 1, m, "gaussian", 1.0, seed));
            return List.of(
                    Property.of(DEGENERATE, SplitUnit.class)
                            .description("conjecture (b): the split-unit local minima of C12 (any width k >= m) have positive loss "
                                    + "above the global value 0 and a singular Hessian (eigenvalues at rounding level, the tangent "
                                    + "space of the critical manifold): degenerate bad minima exist, hypothesis (1) is false")
                            .generator("sigmoid; m in [2,4] scalar inputs, k = m + [0,2]", SigmoidClaims.splitUnits(Arbitraries.of("sigmoid")))
                            .hypotheses(SigmoidClaims::splitHypotheses)
                            .check(Conjectures::degenerateBad).tries(8).build(),
                    Property.of(SEARCH, DeepSigmoid.class)
                            .description("conjecture (a): search for a counterexample to the relaxation (rk F_1 = m, d_3 <= d_2, "
                                    + "positive loss, partial Hessian in W_{2:3} non-singular and PSD, gradient ~ 0): "
                                    + starts + " Levenberg-Marquardt starts per architecture [d0, m, 2, 2], half of them from a rank-one W_3")
                            .generator("d0 in [2,3], m in [3,5], widths [d0, m, 2, 2], Gaussian X, Y", search)
                            .check(s -> searchRelaxation(s, starts)).tries(4).build());
        }

        /** HOLDS from the properties means (b) holds and the search for (a) came back empty: not a proof of (a). */
        @Override
        protected void verdict(ClaimResult properties, ClaimResult.Builder r) {
            if (properties.verdict() != Verdict.HOLDS) {
                super.verdict(properties, r);
                return;
            }
            PropertyOutcome bad = outcome(properties, DEGENERATE), search = outcome(properties, SEARCH);
            r.verdict(Verdict.INCONCLUSIVE, "(b) holds: " + bad.tries() + " certified-minimum instances, tightest " + bad.worst().describe()
                    + "; (a) is not settled: " + search.tries() + " searched architectures (" + properties.params().get("starts")
                    + " Levenberg-Marquardt starts each) found no counterexample to the relaxed condition 3, which is weak "
                    + "evidence, not a proof");
        }

        static PropertyOutcome outcome(ClaimResult r, String name) {
            return r.properties().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
        }

        static Evidence degenerateBad(SplitUnit u) {
            UnitSplitting.Embedding e = SigmoidClaims.embedding(u);
            double scale = Linalg.dot(u.y(), u.y());
            return Evidence.worst(
                    Evidence.ge("L(local minimum) - L(global) > 0", e.loss() - e.zeroLossFit(), Checks.tol(scale, 32), 0),
                    Evidence.ge("Hessian eigenvalues at rounding level (degenerate minimum)", e.hessianKernel(), 1, 0))
                    .with("tangent dimension of the critical manifold", u.width() - 1);
        }

        /** Counterexamples found: positive-loss, stationary, partial Hessian PD (non-singular), rk F_1 = m. */
        static Evidence searchRelaxation(DeepSigmoid s, int starts) {
            DeepNet net = DeepSigmoidNet.net(s.dims());
            DMatrixRMaj x = s.x(), y = s.y();
            double[][] xs = DeepLinear.samples(x), ys = DeepLinear.samples(y);
            LeastSquaresModel model = net.model(xs, ys);
            Random rng = new Random(s.seed() + 21);
            int positive = 0, stationary = 0, counterexamples = 0;
            double ny = Checks.fro(y);
            int[] dims = s.dims();
            for (int t = 0; t < starts; t++) {
                double[] theta0 = net.initFanIn(rng, 1.5);
                if (t % 2 == 1 && dims[3] >= 2) {
                    // start with a rank-one output layer W_3 = u v^T: the rank-deficient case the relaxation admits
                    double[] u = {rng.nextGaussian(), rng.nextGaussian()};
                    for (int o = 0; o < dims[3]; o++)
                        for (int j = 0; j < dims[2]; j++) theta0[net.weightIndex(2, o, j)] = u[o % 2] * theta0[net.weightIndex(2, 0, j)];
                }
                Fitting.Fit fit = Fitting.levenbergMarquardt(model, theta0, 300);
                if (fit.loss() <= 1e-12 * ny * ny) continue;
                positive++;
                Checks.SecondOrder so = Checks.secondOrder(net, fit.theta(), xs, ys);
                if (!so.stationary(1e-8)) continue;
                stationary++;
                DeepSigmoidNet.Layers layers = DeepSigmoidNet.layers(net, fit.theta(), x);
                if (Linalg.rank(layers.f()[1]) < s.m()) continue;
                DMatrixRMaj part = DeepSigmoidNet.block(net.lossHessian(fit.theta(), xs, ys), DeepSigmoidNet.indices(net, 2));
                double[] ev = Linalg.symmetricEigenvalues(part);
                double hn = Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1]));
                if (ev[0] > 1e-8 * hn) counterexamples++;
            }
            return Evidence.eq("counterexamples to the relaxed condition 3 found", counterexamples, 0, 0)
                    .with("positive-loss end points", positive).with("stationary positive-loss end points", stationary).with("starts", starts);
        }
    }

    /**
     * golikov/C20, Nguyen & Hein Thm 4.6 / Cor 3.9 as stated: conditions 1-4 at a local minimum imply L = 0. At any
     * zero-loss point the partial Hessian is J^T J of rank <= d_H m, so condition 4 needs p = sum_{l>k} d_l d_{l-1} <= d_H m,
     * which conditions 2-3 allow only when H = k + 1 and d_k = m: otherwise the hypotheses and the conclusion exclude each
     * other and no local minimum meets conditions 1-4 (G6).
     */
    static final class MainTheorem extends AbstractClaim {
        MainTheorem() {
            super("golikov/C20");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("instances", 3, "zero-loss points whose partial Hessian spectrum is computed"));
        }

        @Override
        public ClaimResult run(RunContext ctx) {
            long start = System.currentTimeMillis();
            ClaimResult.Builder r = result(ctx);
            int instances = ctx.tries(params(ctx).integer("instances"));
            // 1. census of architectures meeting conditions 2-3 (H <= 4, widths and m <= 5)
            int total = 0, roomForCondition4 = 0, edge = 0;
            for (int h = 2; h <= 4; h++)
                for (int[] dims : allWidths(h + 1, 5))
                    for (int m = 1; m <= 5; m++)
                        for (int k = 1; k < h; k++) {
                            if (dims[k] < m || !pyramidal(dims, k)) continue;
                            total++;
                            int p = 0;
                            for (int l = k + 1; l <= h; l++) p += dims[l] * dims[l - 1];
                            if (p <= dims[h] * m) {
                                roomForCondition4++;
                                if (h == k + 1 && dims[k] == m) edge++;
                            }
                        }
            r.number("architectures meeting conditions 2-3 (H <= 4, d_l <= 5, m <= 5)", total);
            r.number("of which p <= d_H m (condition 4 possible at zero loss)", roomForCondition4);
            r.number("of which the edge family H = k+1, d_k = m", edge);
            // 2. zero-loss points: the partial Hessian has >= p - d_H m zero eigenvalues
            Random rng = new Random(ctx.seedFor(id()));
            List<String> kernels = new ArrayList<>();
            boolean consistent = roomForCondition4 == edge;
            int done = 0;
            for (int attempt = 0; done < instances && attempt < 4 * instances; attempt++) {
                int m = 3 + rng.nextInt(2);
                int[] dims = {2 + rng.nextInt(2), m + 1, 3, 2};
                DeepSigmoid s = new DeepSigmoid(dims, 1, m, "gaussian", 1.0, rng.nextLong() & Long.MAX_VALUE);
                DeepNet net = DeepSigmoidNet.net(dims);
                double[][] xs = DeepLinear.samples(s.x()), ys = DeepLinear.samples(s.y());
                Fitting.Fit fit = Fitting.levenbergMarquardt(net.model(xs, ys), net.initFanIn(new Random(s.seed()), 2.0), 400);
                if (fit.loss() > 1e-24) continue;
                done++;
                int[] idx = DeepSigmoidNet.indices(net, 2);
                double[] ev = Linalg.symmetricEigenvalues(DeepSigmoidNet.block(net.lossHessian(fit.theta(), xs, ys), idx));
                double hn = Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1]));
                int zeros = 0;
                for (double v : ev) if (Math.abs(v) <= 1e-9 * hn) zeros++;
                int p = idx.length, bound = p - dims[3] * m;
                consistent &= zeros >= bound;
                kernels.add(java.util.Arrays.toString(dims) + " m=" + m + ": p=" + p + ", d_H m=" + dims[3] * m + ", zero eigenvalues "
                        + zeros + " (>= " + bound + "), next " + String.format("%.3g", ev[zeros]) + " vs ||H|| " + String.format("%.3g", hn));
            }
            r.number("zero-loss points: partial Hessian kernel", kernels);
            Verdict v = consistent && done > 0 ? Verdict.VACUOUS : Verdict.INCONCLUSIVE;
            return r.verdict(v, "conditions 1-4 cannot hold together with the conclusion L = 0 unless H = k+1 and d_k = m (then p = d_H m "
                            + "and the theorem is C13's linear regression): " + (total - roomForCondition4) + " of " + total
                            + " architectures meeting conditions 2-3 have p > d_H m, and at " + done
                            + " zero-loss points the partial Hessian had at least p - d_H m zero eigenvalues (" + kernels.stream().findFirst().orElse("") + ")")
                    .millis(System.currentTimeMillis() - start).build();
        }

        static boolean pyramidal(int[] dims, int k) {
            for (int l = k + 2; l < dims.length; l++) if (dims[l] > dims[l - 1]) return false;
            return true;
        }

        static List<int[]> allWidths(int length, int max) {
            List<int[]> out = new ArrayList<>();
            int[] cur = new int[length];
            java.util.Arrays.fill(cur, 1);
            while (true) {
                out.add(cur.clone());
                int i = 0;
                while (i < length && cur[i] == max) cur[i++] = 1;
                if (i == length) return out;
                cur[i]++;
            }
        }
    }
}
