package overparam.claims.edmonds;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.linalg.Linalg;
import overparam.report.Plots;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** edmonds Section 3.1 "Proof Idea": PI-1, PI-2, PI-4. */
final class ProofIdea {
    private ProofIdea() {}

    /** A deep linear net with a probing direction u (from the seed). */
    record LineCase(NetCase net, long direction) {
        double[] u() {
            Random rng = new Random(direction);
            double[] u = new double[net.theta().length];
            for (int i = 0; i < u.length; i++) u[i] = rng.nextGaussian();
            return u;
        }
    }

    /** edmonds/PI-1, Sec 3.1: with linear activations Error is quadratic and GD solves the problem in logarithmic time (L >= 2). */
    static final class LinearIsQuadratic extends PropertyClaim {
        LinearIsQuadratic() {
            super("edmonds/PI-1");
        }

        static final NetCase.Spec SPEC = NetCase.Spec.of().layers(2, 4).widths(1, 4).inputDim(1, 4).points(1, 4).scales(0.5, 1.0).bias(false).params("P1")
                .activations("identity", "identity").targets("uniform");

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<LineCase> lines = Combinators.combine(NetCase.arbitrary(SPEC), Arbitraries.longs().between(0, 1000)).as(LineCase::new);
            Arbitrary<GdCase> saddle = NetCase.arbitrary(SPEC).map(c -> new GdCase(c.withTheta(new double[c.theta().length]), 2, 0, 1000));
            Arbitrary<GdCase> nearSaddle = NetCase.arbitrary(SPEC.scales(1e-6)).map(c -> new GdCase(c, 2, 0, 200));
            return List.of(
                    Property.of("quadratic-along-lines", LineCase.class)
                            .description("Error(w + t u) is quadratic in t: its value at t = 2 equals the parabola through t = -1, 0, 1")
                            .generator(SPEC.describe() + "; u ~ N(0, I)", lines).check(LinearIsQuadratic::quadratic).certify(LinearIsQuadratic::certifyQuadratic)
                            .tries(30).build(),
                    Property.of("gd-solves-from-saddle", GdCase.class)
                            .description("GD with the paper's step from w = 0 (a critical point with Error = |y*|^2 > 0) reaches Error <= 1e-3 in 1000 steps")
                            .generator(SPEC.describe() + "; w_0 = 0", saddle).hypotheses(g -> Angles.norm2(g.net().y()) > 1e-3 ? null : "targets too small")
                            .check(g -> Evidence.le("Error_1000 <= 1e-3", g.run().finalError(), 1e-3, 0)).certify((g, e) -> certifySaddle(g)).tries(10).build(),
                    Property.of("near-saddle-logarithmic", GdCase.class)
                            .description("informative: from |w_0| ~ 1e-6 the paper's GD reaches Error <= 1e-3 within 200 steps")
                            .generator(SPEC.describe() + "; weights ~ 1e-6", nearSaddle).hypotheses(g -> Angles.norm2(g.net().y()) > 1e-3 ? null : "targets too small")
                            .check(g -> Evidence.le("Error_200 <= 1e-3", g.run().finalError(), 1e-3, 0)).informative().tries(10).build());
        }

        static double error(NetCase c, double[] theta) {
            return Angles.norm2(c.withTheta(theta).residual());
        }

        static double[] shifted(double[] w, double[] u, double t) {
            double[] v = w.clone();
            for (int i = 0; i < v.length; i++) v[i] += t * u[i];
            return v;
        }

        static Evidence quadratic(LineCase lc) {
            NetCase c = lc.net();
            double[] u = lc.u();
            double em = error(c, shifted(c.theta(), u, -1)), e0 = error(c, c.theta()), ep = error(c, shifted(c.theta(), u, 1)), e2 = error(c, shifted(c.theta(), u, 2));
            double parabola = 3 * ep - 3 * e0 + em;
            double scale = Math.max(Math.max(Math.abs(e2), Math.abs(em)), Math.max(Math.abs(e0), Math.abs(ep)));
            return Evidence.eq("Error(w + 2u) = parabola through t = -1, 0, 1", e2, parabola, 64 * Linalg.EPS * scale * c.theta().length);
        }

        static Certificate certifyQuadratic(LineCase lc, Evidence e) {
            NetCase c = lc.net();
            DfpNet dn = new DfpNet(c.net());
            double[] u = lc.u();
            Dfp[] vals = new Dfp[4];
            int[] ts = {-1, 0, 1, 2};
            for (int i = 0; i < 4; i++) {
                Dfp[] th = dn.of(c.theta());
                for (int q = 0; q < th.length; q++) th[q] = th[q].add(dn.hp().of(u[q]).multiply(ts[i]));
                Dfp err = dn.hp().zero();
                for (int d = 0; d < c.d(); d++) {
                    Dfp r = dn.outputFrom(th, 0, dn.of(c.x()[d])).subtract(dn.hp().of(c.y()[d]));
                    err = err.add(r.multiply(r));
                }
                vals[i] = err;
            }
            Dfp dev = vals[3].subtract(vals[2].multiply(3)).add(vals[1].multiply(3)).subtract(vals[0]).abs();
            return Certificate.of("Dfp forward passes at t = -1, 0, 1, 2", dn.hp().digits(), big(dev.negate()), new BigDecimal("1e-40"),
                    "-|third difference| of Error along u");
        }

        static BigDecimal big(Dfp x) {
            return overparam.linalg.HighPrecision.toBigDecimal(x);
        }

        /** At w = 0 every gradient vanishes exactly (each layer's gradient has a zero factor), so GD never moves: Error stays |y|^2. */
        static Certificate certifySaddle(GdCase g) {
            NetCase c = g.net();
            DfpNet dn = new DfpNet(c.net());
            Dfp[] th = dn.of(c.theta());
            Dfp gradNorm = dn.hp().zero();
            for (int d = 0; d < c.d(); d++) for (Dfp v : dn.gradient(th, c.x()[d])) gradNorm = gradNorm.add(v.abs());
            Dfp err = dn.hp().zero();
            for (double y : c.y()) err = err.add(dn.hp().of(y).multiply(dn.hp().of(y)));
            boolean stuck = gradNorm.isZero();
            return Certificate.of("Dfp gradient at w = 0 (exactly zero, so every iterate equals w_0)", dn.hp().digits(),
                    overparam.linalg.HighPrecision.toBigDecimal(stuck ? dn.hp().of(1e-3).subtract(err) : dn.hp().zero()), new BigDecimal("1e-40"),
                    "margin 1e-3 - Error_0 (= Error_t for all t); sum |grad| = " + gradNorm);
        }
    }

    /** One step of the 1-D example. */
    record Step(double w, double target, double gamma) {}

    /** edmonds/PI-2, Sec 3.1: on (w - w*)^2, w_{t+1} = w_t - gamma Error'(w_t) contracts by |1 - 2 gamma| < 1 for 0 < gamma < 1. */
    static final class OneDimensional extends PropertyClaim {
        OneDimensional() {
            super("edmonds/PI-2");
        }

        static Arbitrary<Step> steps(double gLo, double gHi) {
            Arbitrary<Double> ws = Arbitraries.doubles().between(-100, 100).ofScale(6);
            return Combinators.combine(ws, ws, Arbitraries.doubles().between(gLo, gHi).ofScale(6)).as(Step::new);
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(
                    Property.of("contraction", Step.class).description("|w_{t+1} - w*| = |1 - 2 gamma| |w_t - w*| with |1 - 2 gamma| < 1, 0 < gamma < 1")
                            .generator("w, w* ~ U[-100, 100], gamma ~ U(0, 1)", steps(1e-6, 1 - 1e-6))
                            .hypotheses(s -> s.gamma() > 0 && s.gamma() < 1 && s.w() != s.target() ? null : "needs 0 < gamma < 1, w != w*")
                            .check(OneDimensional::check).tries(100).build(),
                    Property.of("control-gamma-one", Step.class).description("negative control: gamma = 1 (allowed by the cap) gives factor 1")
                            .generator("w, w* ~ U[-100, 100], gamma = 1", steps(1, 1)).hypotheses(s -> s.w() != s.target() ? null : "w = w*")
                            .check(OneDimensional::check).expectRefuted().tries(5).build(),
                    Property.of("control-gamma-above-one", Step.class).description("negative control: gamma in (1, 2] diverges or stalls")
                            .generator("w, w* ~ U[-100, 100], gamma ~ U(1, 2]", steps(1 + 1e-6, 2)).hypotheses(s -> s.w() != s.target() ? null : "w = w*")
                            .check(OneDimensional::check).expectRefuted().tries(5).build());
        }

        static Evidence check(Step s) {
            double e = s.w() - s.target();
            double next = s.w() - s.gamma() * 2 * e - s.target();
            double q = Math.abs(1 - 2 * s.gamma());
            return Evidence.worst(Evidence.eq("|w_{t+1} - w*| = |1 - 2 gamma| |w_t - w*|", Math.abs(next), q * Math.abs(e), 16 * Linalg.EPS * (Math.abs(s.w()) + Math.abs(s.target()) + 2 * Math.abs(e))),
                    Evidence.fact("|1 - 2 gamma| < 1", q < 1).with("factor", q));
        }
    }

    /** edmonds/PI-4, Sec 3.1: the induction collects c_aaah additively, so C_l = max_k (H^x_l)_kk / S_{l,k}^2 grows linearly in L - l. */
    static final class AdditiveConstant extends TrendClaim {
        AdditiveConstant() {
            super("edmonds/PI-4");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("nets", 0, "random nets (0: 30 at CI, 200 at FULL/DEEP)"), ParamSpec.integer("L", 7, "depth"),
                    ParamSpec.integer("M", 12, "hidden width"));
        }

        @Override
        protected void experiment(Params p, RunContext ctx, ClaimResult.Builder r) {
            int nets = Experiments.byLevel(p.integer("nets"), ctx, 30, 200, 200), L = p.integer("L");
            int[] hidden = new int[L - 1];
            Arrays.fill(hidden, p.integer("M"));
            List<Plots.Series> series = new ArrayList<>();
            for (String param : new String[] {"P1", "P2"}) {
                List<double[]> pts = new ArrayList<>();
                Experiments.parallel(nets, i -> {
                    NetCase c = NetCase.draw(6, hidden, false, param, "sigmoid", "sigmoid", 1.0, "sphere", "interior", 1, ctx.seedFor(id() + param + i));
                    EdmondsNet net = c.net();
                    EdmondsNet.Point pt = net.point(c.theta(), c.x()[0], true);
                    List<double[]> out = new ArrayList<>();
                    for (int l = 1; l < L; l++) {
                        double smax = 0, cl = Double.NEGATIVE_INFINITY;
                        for (double s : pt.s()[l]) smax = Math.max(smax, s * s);
                        for (int k = 0; k < net.width(l - 1); k++) {
                            double s2 = pt.s()[l][k] * pt.s()[l][k];
                            if (s2 > 1e-6 * smax) cl = Math.max(cl, pt.hx()[l][k][k] / s2);
                        }
                        out.add(new double[] {L - l, cl});
                    }
                    return out;
                }).forEach(pts::addAll);
                List<double[]> pos = pts.stream().filter(q -> q[1] > 0).toList();
                double[] x = pos.stream().mapToDouble(q -> q[0]).toArray(), y = pos.stream().mapToDouble(q -> Math.log(q[1])).toArray();
                r.trend(Experiments.slope(param + ": log C_l vs log(L - l)", "log(L-l)", "log C_l", Experiments.log(x), y, 1.0,
                        "additive collection: C_l ~ c_aaah (L - l), exponent 1"));
                r.trend(Experiments.slope(param + ": log C_l vs (L - l)", "L-l", "log C_l", x, y, null,
                        "reported only: a positive slope is geometric (multiplicative) growth per layer"));
                r.number(param + " fraction of (net, layer) with C_l <= 0", (double) (pts.size() - pos.size()) / pts.size());
                for (int k = 1; k < L; k++) {
                    int kk = k;
                    r.number(param + " median C_l at L-l=" + k, Experiments.median(pts.stream().filter(q -> q[0] == kk).mapToDouble(q -> q[1]).toArray()));
                }
                series.add(Plots.Series.points(param, x, pos.stream().mapToDouble(q -> q[1]).toArray()));
            }
            Experiments.plot(ctx, r, "C-vs-depth.png", "edmonds PI-4: C_l = max_k H^x_kk / S_k^2 vs sigmoids above (L - l)", "L - l", "C_l", false, true, series);
        }
    }
}
