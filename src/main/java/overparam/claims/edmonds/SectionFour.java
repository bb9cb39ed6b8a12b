package overparam.claims.edmonds;

import net.jqwik.api.Arbitrary;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;
import overparam.report.Plots;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** edmonds Section 4 "Mathematical Insight" (S4-1..S4-7) and the cited claims (CIT). */
final class SectionFour {
    private SectionFour() {}

    static final NetCase.Spec GENERIC = LemmasOneToThree.GENERIC;

    /** edmonds/S4-1, Section 4: dError/dw_m = 2 Loss.Dir_m, grad Error = 2 Dir Loss. */
    static final class GradientIsDirLoss extends PropertyClaim {
        GradientIsDirLoss() {
            super("edmonds/S4-1");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("two-routes", NetCase.class)
                    .description("2 Dir Loss with Dir_m built from the paper's x delta (the catalogue's layout) = twice DeepNet's residual-weighted backprop")
                    .generator(GENERIC.describe(), NetCase.arbitrary(GENERIC)).check(c -> {
                        EdmondsNet net = c.net();
                        double[] r = c.residual();
                        double[][] ys = new double[c.d()][];
                        for (int d = 0; d < c.d(); d++) ys[d] = new double[] {c.y()[d]};
                        double[] viaDeepNet = net.deep().model(c.x(), ys).gradient(c.theta(), r);
                        double[] viaDir = new double[net.parameterCount()];
                        for (int d = 0; d < c.d(); d++) {
                            EdmondsNet.Point pt = net.point(c.theta(), c.x()[d], false);
                            for (int l = 0; l < net.layers(); l++)
                                for (int j = 0; j < net.width(l); j++) {
                                    for (int k = 0; k < net.width(l - 1); k++) viaDir[net.weightIndex(l, k, j)] += 2 * r[d] * pt.delta()[l][j] * pt.x()[l][k];
                                    if (net.bias()) viaDir[net.biasIndex(l, j)] += 2 * r[d] * pt.delta()[l][j];
                                }
                        }
                        double diff = 0, scale = 0;
                        for (int m = 0; m < viaDir.length; m++) {
                            diff = Math.max(diff, Math.abs(viaDir[m] - 2 * viaDeepNet[m]));
                            scale = Math.max(scale, Math.abs(viaDir[m]));
                        }
                        return Evidence.le("max_m |2 Loss.Dir_m - dError/dw_m|", diff, 0, 64 * Linalg.EPS * Math.max(scale, Double.MIN_NORMAL) * c.d() * c.layers());
                    }).tries(60).build());
        }
    }

    /** edmonds/S4-2, Section 4: with rank D, Loss = (1/2) (Dir^T Dir)^-1 Dir^T grad Error (Dir^-1 read as a left inverse). */
    static final class LossReconstruction extends PropertyClaim {
        LossReconstruction() {
            super("edmonds/S4-2");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            NetCase.Spec s = GENERIC.inputs("sphere", "gaussian").widths(2, 10);
            return List.of(Property.of("left-inverse", NetCase.class)
                    .description("M' >= D and sigma_min(Dir) > 1e-6: (1/2) (J J^T)^-1 J grad Error = Loss (tolerance eps cond(J J^T) |Loss| D)")
                    .generator(s.describe(), NetCase.arbitrary(s))
                    .hypotheses(c -> c.parameterCount() >= c.d() && Linalg.sigmaMin(Angles.matrix(Angles.jacobian(c.net(), c.theta(), c.x()))) > 1e-6 ? null
                            : "needs M' >= D and sigma_min(Dir) > 1e-6")
                    .check(c -> {
                        double[][] j = Angles.jacobian(c.net(), c.theta(), c.x());
                        DMatrixRMaj jm = Angles.matrix(j), k = Linalg.gram(jm);
                        double[] g = LemmasOneToThree.gradError(c), r = c.residual();
                        double[] jg = Linalg.multVec(jm, g);
                        DMatrixRMaj sol = new DMatrixRMaj(r.length, 1);
                        CommonOps_DDRM.solve(k, new DMatrixRMaj(r.length, 1, true, jg), sol);
                        double diff = 0;
                        for (int d = 0; d < r.length; d++) diff = Math.max(diff, Math.abs(0.5 * sol.get(d) - r[d]));
                        double smin = Linalg.sigmaMin(jm), smax = Linalg.spectralNorm(jm);
                        double tol = 64 * Linalg.EPS * (smax * smax) / (smin * smin) * Math.sqrt(Angles.norm2(r)) * r.length;
                        return Evidence.le("max_d |(1/2)(J J^T)^-1 J grad E - Loss|", diff, 0, tol).with("cond(JJ^T)", smax * smax / (smin * smin));
                    }).tries(60).build());
        }
    }

    /** edmonds/S4-3, Section 4: NN_w(x) as a function of w has no critical points (sigmoid hidden layers, L >= 2). */
    static final class NoCriticalPoints extends PropertyClaim {
        NoCriticalPoints() {
            super("edmonds/S4-3");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            NetCase.Spec s = NetCase.Spec.of().layers(2, 4).widths(1, 8).inputDim(1, 6).points(1, 1).scales(0.5, 1.0, 2.0, 4.0)
                    .inputs("sphere", "gaussian", "positive");
            NetCase.Spec noHidden = NetCase.Spec.of().layers(1, 1).inputDim(1, 4).points(1, 1).bias(false);
            NetCase.Spec relu = NetCase.Spec.of().layers(2, 2).widths(1, 6).inputDim(1, 4).points(1, 1).bias(false).inputs("positive").params("P1")
                    .activations("relu", "sigmoid");
            return List.of(
                    Property.of("gradient-nonzero", NetCase.class)
                            .description("|grad_w NN(x)|^2 >= sigma'(z_o)^2 |x_{L-1}|^2 > 0 (the output layer's block alone; sigmoid hidden units are positive)")
                            .generator(s.describe(), NetCase.arbitrary(s)).check(NoCriticalPoints::check).tries(60).build(),
                    Property.of("control-no-hidden-layer-zero-input", NetCase.class)
                            .description("negative control: L = 1 and x = 0 give grad NN = sigma'(0) x = 0")
                            .generator(noHidden.describe() + "; x = 0", NetCase.arbitrary(noHidden).map(c -> new NetCase(c.n(), c.hidden(), c.bias(), c.param(),
                                    c.activation(), c.output(), c.weightScale(), "zero", c.targets(), c.theta(), new double[1][c.n()], c.y())))
                            .check(NoCriticalPoints::check).certify(NoCriticalPoints::certifyZero).expectRefuted().tries(5).build(),
                    Property.of("control-dead-relu", NetCase.class)
                            .description("negative control: ReLU hidden units all dead (x >= 0, first-layer weights <= 0) give grad NN = 0")
                            .generator(relu.describe() + "; W_0 <= 0", NetCase.arbitrary(relu).map(NoCriticalPoints::killed))
                            .check(NoCriticalPoints::check).certify(NoCriticalPoints::certifyZero).expectRefuted().tries(5).build());
        }

        static NetCase killed(NetCase c) {
            double[] t = c.theta().clone();
            EdmondsNet net = c.net();
            for (int k = 0; k < net.width(-1); k++) for (int j = 0; j < net.width(0); j++) t[net.weightIndex(0, k, j)] = -Math.abs(t[net.weightIndex(0, k, j)]);
            return c.withTheta(t);
        }

        static Evidence check(NetCase c) {
            EdmondsNet net = c.net();
            double[] x = c.x()[0];
            double[] g = net.gradient(c.theta(), x);
            EdmondsNet.Point pt = net.point(c.theta(), x, false);
            int last = net.layers() - 1;
            double lower = pt.sp()[last][0] * pt.sp()[last][0] * pt.xNorm2(last, net.bias());
            double g2 = Angles.norm2(g);
            return Evidence.worst(Evidence.ge("|grad NN|^2 >= sigma'(z_o)^2 |x_{L-1}|^2", g2, lower, 64 * Linalg.EPS * g2 * g.length),
                    Evidence.fact("|grad NN| > 0", g2 > 0).with("|grad NN|^2", g2));
        }

        static Certificate certifyZero(NetCase c, Evidence e) {
            DfpNet dn = new DfpNet(c.net());
            Dfp s = dn.hp().zero();
            for (Dfp v : dn.gradient(dn.of(c.theta()), c.x()[0])) s = s.add(v.abs());
            return Certificate.of("Dfp backprop", dn.hp().digits(), s.isZero() ? BigDecimal.ONE.negate() : BigDecimal.ZERO, BigDecimal.ZERO,
                    "sum |dNN/dw| = " + s + " (fact margin -1 when exactly zero)");
        }
    }

    /** edmonds/S4-4, Section 4: grad Error = 0 iff Loss is perpendicular to every Dir_m (a critical point, not necessarily a minimum). */
    static final class PerpendicularIffCritical extends PropertyClaim {
        PerpendicularIffCritical() {
            super("edmonds/S4-4");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            NetCase.Spec linear = NetCase.Spec.of().layers(2, 3).widths(1, 3).inputDim(1, 3).points(1, 3).bias(false).params("P1")
                    .activations("identity", "identity").targets("uniform");
            Arbitrary<NetCase> origin = NetCase.arbitrary(linear).map(c -> c.withTheta(new double[c.theta().length]));
            return List.of(
                    Property.of("identity", NetCase.class)
                            .description("|grad Error|^2 (DeepNet's backprop of the loss) = 4 sum_m (Loss.Dir_m)^2 (Dir_m from the paper's Jacobian), so "
                                    + "grad Error = 0 iff Loss is perpendicular to all Dir_m")
                            .generator(GENERIC.describe(), NetCase.arbitrary(GENERIC)).check(PerpendicularIffCritical::identity).tries(60).build(),
                    Property.of("deep-linear-origin-is-critical", NetCase.class)
                            .description("deep linear net at w = 0: every Dir_m = 0 (so Loss is perpendicular to all) and grad Error = 0 while Error > 0")
                            .generator(linear.describe() + "; w = 0", origin).check(c -> Evidence.worst(
                                    Evidence.eq("|grad Error|", Math.sqrt(Angles.norm2(LemmasOneToThree.gradError(c))), 0, 0),
                                    Evidence.ge("Error", Angles.norm2(c.residual()), 0, 0))).tries(10).build(),
                    Property.of("control-local-minimum", NetCase.class)
                            .description("negative control ('stops in a local minimum'): at the deep-linear origin with y* != 0 the Error Hessian has a negative eigenvalue")
                            .generator(linear.describe() + "; w = 0", origin).hypotheses(c -> Angles.norm2(c.y()) > 1e-6 ? null : "targets vanish")
                            .check(PerpendicularIffCritical::minimum).certify(PerpendicularIffCritical::certifySaddle).expectRefuted().tries(5).build());
        }

        static Evidence identity(NetCase c) {
            double[][] j = Angles.jacobian(c.net(), c.theta(), c.x());
            double[] r = c.residual();
            double[] g = c.net().deep().model(c.x(), targets(c)).gradient(c.theta(), r);
            double s = 0, scale = 0;
            for (int m = 0; m < j[0].length; m++) {
                double dot = 0, abs = 0;
                for (int d = 0; d < r.length; d++) {
                    dot += r[d] * j[d][m];
                    abs += Math.abs(r[d] * j[d][m]);
                }
                s += 4 * dot * dot;
                scale += 4 * abs * abs;
            }
            return Evidence.eq("|grad E|^2 = 4 sum_m (Loss.Dir_m)^2", 4 * Angles.norm2(g), s, 64 * Linalg.EPS * scale * (r.length + c.layers()));
        }

        static double[][] targets(NetCase c) {
            double[][] ys = new double[c.d()][];
            for (int d = 0; d < c.d(); d++) ys[d] = new double[] {c.y()[d]};
            return ys;
        }

        static DMatrixRMaj errorHessian(NetCase c) {
            double[][] ys = new double[c.d()][];
            for (int d = 0; d < c.d(); d++) ys[d] = new double[] {c.y()[d]};
            DMatrixRMaj h = c.net().deep().lossHessian(c.theta(), c.x(), ys);
            CommonOps_DDRM.scale(2, h);
            return h;
        }

        static Evidence minimum(NetCase c) {
            DMatrixRMaj h = errorHessian(c);
            double lmin = Linalg.lambdaMin(h);
            return Evidence.ge("lambda_min(Hessian of Error) >= 0", lmin, 0, Linalg.psdTolerance(h));
        }

        static Certificate certifySaddle(NetCase c, Evidence e) {
            HighPrecision hp = Precise.HP;
            Dfp lm = hp.lambdaMin(hp.of(errorHessian(c)));
            return Certificate.of("Dfp inertia bisection of the (exact, polynomial) Hessian entries", hp.digits(), HighPrecision.toBigDecimal(lm), new BigDecimal("1e-40"),
                    "lambda_min");
        }
    }

    /** A constructed Dir/Loss configuration of S4-5. */
    record Fraction(int mPrime, int r, boolean equalNorms, double c, long seed) {}

    /** edmonds/S4-5, Section 4: if only an r/M' fraction of Dir_m are non-perpendicular, progress drops by the factor r/M'. */
    static final class PartialProgress extends TrendClaim {
        PartialProgress() {
            super("edmonds/S4-5");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("configs", 0, "constructed configurations (0: 200 at CI, 2000 at FULL/DEEP)"), ParamSpec.integer("D", 8, "dimension"));
        }

        @Override
        protected void experiment(Params p, RunContext ctx, ClaimResult.Builder r) {
            int n = Experiments.byLevel(p.integer("configs"), ctx, 200, 2000, 2000), dim = p.integer("D");
            Random rng = new Random(ctx.seedFor(id()));
            List<Plots.Series> series = new ArrayList<>();
            for (boolean equal : new boolean[] {true, false}) {
                double[] x = new double[n], y = new double[n];
                for (int i = 0; i < n; i++) {
                    int mp = 8 + rng.nextInt(120), rr = 1 + rng.nextInt(mp);
                    double[] ratio = progress(new Fraction(mp, rr, equal, 0.1 + 0.8 * rng.nextDouble(), rng.nextLong()), dim);
                    x[i] = ratio[0];
                    y[i] = ratio[1];
                }
                double maxDev = 0;
                for (int i = 0; i < n; i++) maxDev = Math.max(maxDev, Math.abs(Math.log(y[i] / x[i])));
                r.number((equal ? "equal norms, |cos| = c on S" : "random norms") + ": max |log(progress / (r/M'))|", maxDev);
                if (!equal)
                    r.trend(Experiments.slope("random (log-normal) column norms: log(progress fraction) vs log(r/M')", "log(r/M')", "log progress",
                            Experiments.log(x), Experiments.log(y), 1.0, "progress drops by exactly r/M': slope 1"));
                series.add(Plots.Series.points(equal ? "equal norms, |cos| = c on S" : "random norms", x, y));
            }
            Experiments.plot(ctx, r, "progress-vs-fraction.png", "edmonds S4-5: progress relative to all-m bound vs r/M'", "r/M'", "progress fraction", true, true,
                    series);
        }

        /**
         * {r/M', progress}: Loss = e_1, Dir_m (m in S) at |cos| = c with Loss, the others perpendicular; progress is
         * sum_m (Loss.Dir_m)^2 / (c^2 |Loss|^2 sum_m |Dir_m|^2), the share of Lemma 1's all-m bound.
         */
        static double[] progress(Fraction f, int dim) {
            Random rng = new Random(f.seed());
            double num = 0, den = 0;
            for (int m = 0; m < f.mPrime(); m++) {
                double norm = f.equalNorms() ? 1 : Math.exp(rng.nextGaussian());
                double[] v = new double[dim];
                for (int i = 1; i < dim; i++) v[i] = rng.nextGaussian();
                double perp = Math.sqrt(Angles.norm2(v));
                boolean inS = m < f.r();
                double cos = inS ? (rng.nextBoolean() ? f.c() : -f.c()) : 0;
                for (int i = 1; i < dim; i++) v[i] *= norm * Math.sqrt(1 - cos * cos) / perp;
                v[0] = norm * cos;
                num += v[0] * v[0];
                den += Angles.norm2(v);
            }
            return new double[] {(double) f.r() / f.mPrime(), num / (f.c() * f.c() * den)};
        }
    }

    /** edmonds/S4-6, Section 4: if the Dir_m span R^D, some |cos alpha_m| >= sigma_min(J) / (sqrt(M') max_m |Dir_m|). */
    static final class SpanningAngle extends PropertyClaim {
        SpanningAngle() {
            super("edmonds/S4-6");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("quantitative", NetCase.class)
                    .description("Loss != 0: max_m |cos alpha_m| >= sigma_min(J) / (sqrt(M') max_m |Dir_m|) (sigma_min = 0 when the Dir_m do not span)")
                    .generator(GENERIC.describe(), NetCase.arbitrary(GENERIC)).hypotheses(c -> Angles.norm2(c.residual()) > 0 ? null : "Loss = 0").check(c -> {
                        double[][] j = Angles.jacobian(c.net(), c.theta(), c.x());
                        double[] cos = Angles.cosines(j, c.residual());
                        double maxCos = Arrays.stream(cos).filter(Double::isFinite).map(Math::abs).max().orElse(0), maxNorm = 0;
                        for (int m = 0; m < j[0].length; m++) {
                            double s = 0;
                            for (double[] row : j) s += row[m] * row[m];
                            maxNorm = Math.max(maxNorm, Math.sqrt(s));
                        }
                        double smin = Linalg.sigmaMin(Angles.matrix(j));
                        double rhs = maxNorm == 0 ? 0 : smin / (Math.sqrt(j[0].length) * maxNorm);
                        return Evidence.ge("max |cos| >= sigma_min / (sqrt(M') max |Dir_m|)", maxCos, rhs, 64 * Linalg.EPS * j.length * j[0].length);
                    }).search(SearchSpace.<NetCase>coordinates().except("weightScale")).tries(60).build());
        }
    }

    /** edmonds/S4-7, Section 4 (cited Theorem ??): D of the Dir_m are linearly independent, rank J = D for M' >= D. */
    static final class RankD extends PropertyClaim {
        RankD() {
            super("edmonds/S4-7");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            NetCase.Spec s = NetCase.Spec.of().layers(1, 3).widths(1, 8).inputDim(1, 6).points(1, 8).scales(0.5, 1.0, 2.0).bias(true);
            NetCase.Spec dup = s.inputs("duplicates").points(2, 8);
            NetCase.Spec anti = s.layers(2, 2).widths(8, 12).inputDim(2, 6).inputs("antipodal").points(4, 8).bias(false);
            return List.of(
                    Property.of("rank-D", NetCase.class).description("M' >= D, distinct generic inputs, biases: rank J = D (SVD rank, tolerance max(D,M') eps sigma_max)")
                            .generator(s.describe(), NetCase.arbitrary(s))
                            .hypotheses(c -> c.parameterCount() >= c.d() ? NonPerpendicular.BlockRank.distinct(new NonPerpendicular.BlockRank.RankCase(c, -1, -1))
                                    : "needs M' >= D")
                            .check(RankD::check).certify(RankD::certify).tries(60).build(),
                    Property.of("control-duplicates", NetCase.class).description("negative control: duplicate inputs give equal rows of J")
                            .generator(dup.describe(), NetCase.arbitrary(dup)).hypotheses(c -> c.parameterCount() >= c.d() ? null : "needs M' >= D")
                            .check(RankD::check).certify(RankD::certify).expectRefuted().tries(5).build(),
                    Property.of("control-antipodal-bias-free", NetCase.class)
                            .description("negative control: p antipodal pairs, one hidden layer, no bias, M' >= D: the outputs obey logit NN(a) + logit NN(-a) = "
                                    + "sum_j v_j for every pair, so rank J <= D - p + 1 for every width")
                            .generator(anti.describe(), NetCase.arbitrary(anti)).check(RankD::check).certify(RankD::certify).expectRefuted().tries(5).build());
        }

        static Evidence check(NetCase c) {
            DMatrixRMaj j = Angles.matrix(Angles.jacobian(c.net(), c.theta(), c.x()));
            double[] sv = Linalg.singularValues(j);
            return Evidence.eq("rank J", Linalg.rank(j), c.d(), 0).with("sigma_min/sigma_max", sv[sv.length - 1] / sv[0]).with("M'", c.parameterCount());
        }

        static Certificate certify(NetCase c, Evidence e) {
            DfpNet dn = new DfpNet(c.net());
            Dfp[] th = dn.of(c.theta());
            Dfp[][] j = new Dfp[c.d()][];
            for (int d = 0; d < c.d(); d++) j[d] = dn.gradient(th, c.x()[d]);
            return Certificate.of("Dfp gradients, full-pivot rank (tolerance 1e-50 max entry)", dn.hp().digits(), BigDecimal.valueOf(dn.hp().rank(j) - c.d()),
                    new BigDecimal("0.5"), "rank - D");
        }
    }

    /** edmonds/CIT, cited claims: the lazy regime (||w_t - w_0|| / ||w_0|| falls with M) and different positive plateaus when M' < D. */
    static final class Cited extends TrendClaim {
        Cited() {
            super("edmonds/CIT");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("seeds", 0, "seeds per width (0: 3 at CI, 6 at FULL/DEEP)"), ParamSpec.integer("D", 4, "training points"));
        }

        @Override
        protected void experiment(Params p, RunContext ctx, ClaimResult.Builder r) {
            int seeds = Experiments.byLevel(p.integer("seeds"), ctx, 3, 6, 6), d = p.integer("D");
            int[] ms = {4, 8, 16, 32, 64};
            PaperGd.Config cfg = new PaperGd.Config(2, 1, 1e-3, Experiments.byLevel(0, ctx, 20000, 100000, 100000));
            List<Convergence.Cell> cells = new ArrayList<>();
            for (int m : ms)
                for (int s = 0; s < seeds; s++) cells.add(new Convergence.Cell(m, 10, new int[] {m}, true, "P2", d, "mid", ctx.seedFor(id() + "#" + m + "#" + s), cfg));
            List<Convergence.Outcome> outs = Convergence.run(cells);
            double[] x = outs.stream().mapToDouble(o -> o.cell().x()).toArray(), dist = outs.stream().mapToDouble(Convergence.Outcome::relativeDistance).toArray();
            r.trend(Experiments.slope("P2: log(||w_T - w_0|| / ||w_0||) vs log M (GD to Error <= 1e-3)", "log M", "log relative distance", Experiments.log(x),
                    Experiments.log(dist), null, "Allen-Zhu, Li, Song: weights stay in a shrinking ball (negative slope; NTK scaling predicts -1/2)"));
            Experiments.plot(ctx, r, "lazy-distance.png", "edmonds CIT: relative distance travelled vs width (P2, D = " + d + ")", "M", "||w_T - w_0||/||w_0||",
                    true, true, List.of(Plots.Series.points("runs", x, dist)));
            List<double[]> plateaus = Experiments.parallel(8, i -> {
                NetCase c = NetCase.draw(2, new int[] {1}, true, "P1", "sigmoid", "sigmoid", 2.0, "gaussian", "interior", 8, ctx.seedFor(id() + "#data"));
                double[] theta = c.net().init(new Random(ctx.seedFor(id() + "#init#" + i)), 3.0);
                PaperGd.Run run = PaperGd.run(c.net(), theta, c.x(), c.y(), new PaperGd.Config(2, 1, 0, 4000));
                return new double[] {run.finalError(), Math.sqrt(Angles.norm2(LemmasOneToThree.gradError(c.withTheta(run.finalTheta()))))};
            });
            double[] finals = plateaus.stream().mapToDouble(q -> q[0]).sorted().toArray();
            r.number("M' = 5 < D = 8 (N = 2, one hidden unit, bias), 8 random starts: final Error after 4000 steps", Arrays.toString(finals));
            r.number("M' < D: final |grad Error| per start", Arrays.toString(plateaus.stream().mapToDouble(q -> q[1]).toArray()));
            r.number("M' < D: spread max/min of the final Errors", finals[finals.length - 1] / finals[0]);
        }
    }
}
