package overparam.claims.edmonds;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;
import overparam.nn.Activations;
import overparam.nn.DfpActivations;
import overparam.report.Plots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** edmonds Assumptions 1 (Error function) and 2 (Activation function): A1-a, A1-b, A2-a, A2-b, A2-c. */
final class ErrorAndActivation {
    private ErrorAndActivation() {}

    /** A batch of random nets of one architecture, for a mean over seeds. */
    record Batch(int n, int[] hidden, boolean bias, String param, int d, int nets, long seed) {}

    /** edmonds/A1-a, Assumption 1: Error_0/D in [1/12, 1] at random init with y* ~ U[0,1] (upper always, lower for the mean). */
    static final class InitialError extends PropertyClaim {
        InitialError() {
            super("edmonds/A1-a");
        }

        static final NetCase.Spec SPEC = NetCase.Spec.of().layers(1, 4).widths(1, 16).inputDim(1, 8).points(1, 16).scales(0.5, 1.0, 2.0, 4.0)
                .targets("uniform");

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<Batch> batches = Combinators.combine(DataArbitraries.ints(1, 8), DataArbitraries.ints(1, 16).list().ofMinSize(0).ofMaxSize(3),
                    Arbitraries.of(false, true), Arbitraries.of("P1", "P2"), DataArbitraries.ints(1, 16), DataArbitraries.seeds())
                    .as((n, h, b, par, d, s) -> new Batch(n, h.stream().mapToInt(Integer::intValue).toArray(), b, par, d, 200, s));
            return List.of(
                    Property.of("upper-bound", NetCase.class).description("Error_0 / D <= 1 for every instance (NN and y* in [0,1])")
                            .generator(SPEC.describe(), NetCase.arbitrary(SPEC)).hypotheses(InitialError::unitInterval)
                            .check(c -> Evidence.le("Error_0/D <= 1", Angles.norm2(c.residual()) / c.d(), 1, 0)).search(SearchSpace.<NetCase>coordinates().except("weightScale")).tries(60).build(),
                    Property.of("conditional-mean", NetCase.class)
                            .description("exact: E_{y*~U[0,1]}[Error_0/D | w] = Avg_d (NN_d - 1/2)^2 + 1/12 >= 1/12, computed against the sample mean of (NN_d - y_d)^2 over 2000 target draws")
                            .generator(SPEC.describe(), NetCase.arbitrary(SPEC)).check(InitialError::conditionalMean).tries(40).build(),
                    Property.of("mean-over-seeds", Batch.class)
                            .description("mean of Error_0/D over 200 random nets and targets: upper 4-sigma confidence bound >= 1/12")
                            .generator("N in [1,8], up to 3 hidden layers of width [1,16], bias, P1/P2, D in [1,16], 200 nets per batch", batches)
                            .check(InitialError::meanOverSeeds).tries(15).build());
        }

        /** Assumption 1's setting: a sigmoid output and targets in [0, 1], so every residual lies in [-1, 1]. */
        static String unitInterval(NetCase c) {
            if (!c.output().equals("sigmoid")) return "output is not a sigmoid";
            return Arrays.stream(c.y()).allMatch(v -> v >= 0 && v <= 1) ? null : "a target outside [0, 1]";
        }

        static Evidence conditionalMean(NetCase c) {
            EdmondsNet net = c.net();
            double exact = 0;
            double[] out = new double[c.d()];
            for (int d = 0; d < c.d(); d++) {
                out[d] = net.output(c.theta(), c.x()[d]);
                exact += (out[d] - 0.5) * (out[d] - 0.5) + 1.0 / 12;
            }
            exact /= c.d();
            Random rng = new Random(Double.doubleToLongBits(out[0]));
            int n = 2000;
            double sum = 0, sum2 = 0;
            for (int i = 0; i < n; i++) {
                double e = 0;
                for (double o : out) {
                    double r = o - rng.nextDouble();
                    e += r * r;
                }
                e /= c.d();
                sum += e;
                sum2 += e * e;
            }
            double mean = sum / n, se = Math.sqrt(Math.max(0, sum2 / n - mean * mean) / n);
            return Evidence.worst(Evidence.ge("E[Error_0/D | w] >= 1/12", exact, 1.0 / 12, 1e-15),
                    Evidence.eq("sample mean within 5 SE of the exact conditional mean", mean, exact, 5 * se + 1e-15));
        }

        static Evidence meanOverSeeds(Batch b) {
            Random rng = new Random(b.seed());
            double sum = 0, sum2 = 0;
            for (int i = 0; i < b.nets(); i++) {
                NetCase c = NetCase.draw(b.n(), b.hidden(), b.bias(), b.param(), "sigmoid", "sigmoid", 1.0, "sphere", "uniform", b.d(), rng.nextLong());
                double e = Angles.norm2(c.residual()) / c.d();
                sum += e;
                sum2 += e * e;
            }
            double mean = sum / b.nets(), se = Math.sqrt(Math.max(0, sum2 / b.nets() - mean * mean) / b.nets());
            return Evidence.ge("mean Error_0/D + 4 SE >= 1/12", mean + 4 * se, 1.0 / 12, 0).with("mean", mean).with("se", se);
        }
    }

    /** edmonds/A1-b, Assumption 1: |r_d| = |NN(x_d) - y_d| <= 1 along the whole GD trajectory. */
    static final class BoundedResiduals extends PropertyClaim {
        BoundedResiduals() {
            super("edmonds/A1-b");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            NetCase.Spec spec = NetCase.Spec.of().layers(1, 3).widths(1, 8).points(1, 8).scales(0.5, 1.0, 4.0).targets("uniform", "binary");
            return List.of(Property.of("residuals-at-most-one", GdCase.class)
                    .description("max_t max_d |r_d(t)| <= 1 over 200 steps of the paper's GD")
                    .generator(spec.describe() + "; C0 in {1,2}, c_aaah in {0,1}", GdCase.arbitrary(spec, List.of(1.0, 2.0), List.of(0.0, 1.0), 200))
                    .hypotheses(g -> InitialError.unitInterval(g.net())).check(g -> {
                        PaperGd.Run run = g.run();
                        double m = 0;
                        for (double v : run.maxResidual()) m = Math.max(m, v);
                        return Evidence.le("max_t max_d |r_d| <= 1", m, 1, 0).with("finalError", run.finalError());
                    }).tries(40).build());
        }
    }

    /** edmonds/A2-a, Assumption 2: sigma' = y(1-y), sigma'' = y(1-y)(1-2y), sigma''/sigma' = 1-2y in (-1,1). */
    static final class SigmoidDerivatives extends PropertyClaim {
        SigmoidDerivatives() {
            super("edmonds/A2-a");
        }

        record Point(double z) {}

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<Point> zs = Arbitraries.doubles().between(-30, 30).map(Point::new);
            Arbitrary<Point> wide = Arbitraries.oneOf(Arbitraries.doubles().between(-40, 40), Arbitraries.doubles().between(-700, 700)).map(Point::new);
            return List.of(
                    Property.of("identities-60-digits", Point.class)
                            .description("sigma'(z) and sigma''(z) by 60-digit central differences of sigma against y(1-y) and y(1-y)(1-2y); |1-2y| < 1")
                            .generator("z ~ U[-30, 30]", zs).check(q -> identities(q.z())).tries(60).build(),
                    Property.of("harness-doubles", Point.class)
                            .description("the harness's double sigma' and sigma'' (nn/Activations, used by every edmonds net) against their 60-digit values, "
                                    + "to 16 eps relative, also where sigma(z) rounds to 1")
                            .generator("z ~ U[-40, 40] or U[-700, 700]", wide).check(q -> harnessDoubles(q.z())).tries(60).build());
        }

        /** Relative errors of Activations.SIGMOID.d1/d2 against sigma' = sigma(z) sigma(-z) and sigma'' = sigma' (1 - 2 sigma) in 60 digits. */
        static Evidence harnessDoubles(double z) {
            HighPrecision hp = Precise.HP;
            Dfp zz = hp.of(z), y = DfpActivations.phi(hp, Activations.SIGMOID, zz), d1 = DfpActivations.d1(hp, Activations.SIGMOID, zz);
            Dfp d2 = d1.multiply(hp.one().subtract(y.multiply(2)));
            double rel1 = relative(hp, Activations.SIGMOID.d1(z), d1), rel2 = relative(hp, Activations.SIGMOID.d2(z), d2);
            return Evidence.le("max relative error of the double sigma', sigma''", Math.max(rel1, rel2), 0, 16 * Linalg.EPS).with("sigma'", rel1)
                    .with("sigma''", rel2);
        }

        static double relative(HighPrecision hp, double harness, Dfp exact) {
            Dfp diff = hp.of(harness).subtract(exact).abs();
            return exact.isZero() ? diff.toDouble() : diff.divide(exact.abs()).toDouble();
        }

        /** Differences are taken on the side z <= 0 (sigma(z) = 1 - sigma(-z)), where sigma is small and keeps its relative precision. */
        static Evidence identities(double z) {
            HighPrecision hp = Precise.HP;
            double sign = z > 0 ? -1 : 1;
            Dfp zz = hp.of(Math.min(z, -z));
            Dfp h1 = hp.of("1e-20"), h2 = hp.of("1e-12");
            Dfp e = zz.negate().exp();
            Dfp fd1 = sig(hp, e, h1).subtract(sig(hp, e, h1.negate())).divide(h1.multiply(2));
            Dfp fd2 = sig(hp, e, h2.negate()).add(sig(hp, e, h2)).subtract(sig(hp, e, hp.zero()).multiply(2)).divide(h2.multiply(h2));
            Dfp y = sig(hp, e, hp.zero());
            Dfp one = hp.one();
            Dfp d1 = y.multiply(one.subtract(y)), d2 = d1.multiply(one.subtract(y.multiply(2)));
            double rel1 = fd1.subtract(d1).divide(d1).abs().toDouble(), rel2 = fd2.subtract(d2).divide(d1).abs().toDouble();
            double ratio = sign > 0 ? 1 - 2 * y.toDouble() : -(1 - 2 * y.toDouble());
            return Evidence.worst(Evidence.le("|sigma'_fd / y(1-y) - 1|", rel1, 0, 1e-30), Evidence.le("|sigma''_fd - y(1-y)(1-2y)| / sigma'", rel2, 0, 1e-20),
                    Evidence.le("|sigma''/sigma'| = |1 - 2y| < 1", Math.abs(ratio), 1, 0).with("1-2y", ratio));
        }

        /** sigma(z + u) = 1 / (1 + e^{-z} e^{-u}) from e = e^{-z}; e^{-u} by its Taylor series (|u| <= 1e-12, 6 terms: error < 1e-72). */
        static Dfp sig(HighPrecision hp, Dfp e, Dfp u) {
            Dfp term = hp.one(), sum = hp.one();
            for (int k = 1; k <= 6; k++) {
                term = term.multiply(u.negate()).divide(k);
                sum = sum.add(term);
            }
            return hp.one().divide(hp.one().add(e.multiply(sum)));
        }
    }

    /** edmonds/A2-b, Assumption 2 remark: with linear activations (c_aaah = 0) Lemma 5(2) gives d2NN/dw dw' <= 0. */
    static final class LinearActivations extends PropertyClaim {
        LinearActivations() {
            super("edmonds/A2-b");
        }

        static final NetCase.Spec SPEC = NetCase.Spec.of().layers(2, 4).widths(1, 4).inputDim(1, 4).points(1, 3).scales(0.5, 1.0, 2.0)
                .bias(false).params("P1").activations("identity", "identity");

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("hessian-nonpositive", NetCase.class)
                    .description("deep linear nets (L >= 2): every weight-pair Hessian entry of NN(x_d) <= c_aaah (L - l) g g' = 0")
                    .generator(SPEC.describe(), NetCase.arbitrary(SPEC))
                    .check(c -> WeightPairs.worst(c, "d2NN/dw_a dw_b <= 0 (c_aaah = 0)", (d, a, b) -> 0.0))
                    .certify(WeightPairs::certify).tries(50).build());
        }
    }

    /** edmonds/A2-c, Assumption 2 remark: for ReLU the Taylor approximation breaks down when a unit crosses its kink. */
    static final class ReluTaylor extends TrendClaim {
        ReluTaylor() {
            super("edmonds/A2-c");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("nets", 0, "random nets (0: 12 at CI, 40 at FULL, 100 at DEEP)"), ParamSpec.integer("M", 12, "hidden width"),
                    ParamSpec.integer("D", 6, "training points"));
        }

        @Override
        protected void experiment(Params p, RunContext ctx, ClaimResult.Builder r) {
            int nets = Experiments.byLevel(p.integer("nets"), ctx, 12, 40, 100);
            double[] gammas = new double[13];
            for (int i = 0; i < gammas.length; i++) gammas[i] = Math.pow(10, -4 + i / 3.0);
            List<double[]> relu = new ArrayList<>(), flips = new ArrayList<>(), smooth = new ArrayList<>();
            for (String act : new String[] {"relu", "sigmoid"}) {
                List<List<double[]>> perNet = Experiments.parallel(nets, i -> {
                    NetCase c = NetCase.draw(5, new int[] {p.integer("M")}, false, "P1", act, "identity", 1.0, "sphere", "uniform", p.integer("D"),
                            ctx.seedFor(id() + "#" + act + "#" + i));
                    return remainders(c, gammas);
                });
                for (List<double[]> l : perNet)
                    for (double[] q : l) {
                        if (!(q[1] > 0)) continue;
                        if (act.equals("sigmoid")) smooth.add(q);
                        else if (q[2] > 0) flips.add(q);
                        else relu.add(q);
                    }
            }
            r.trend(fit("ReLU steps without a kink crossing: log R vs log |step|", relu, null, "smooth: R ~ |step|^2 (cubic remainder)"));
            r.trend(fit("ReLU steps with a kink crossing: log R vs log |step|", flips, null, "reported only: the remainder decays one order slower (slope about 1 instead of 2) once a unit flips"));
            r.trend(fit("sigmoid steps: log R vs log |step|", smooth, 2.0, "Taylor remainder of order 3: slope 2"));
            r.number("ReLU steps with a unit flip", flips.size());
            r.number("ReLU steps without a flip", relu.size());
            Experiments.plot(ctx, r, "taylor-remainder.png", "edmonds A2-c: normalised 2nd-order Taylor remainder R vs step length", "step length |w_new - w|", "R",
                    true, true, List.of(series("ReLU, no kink crossed", relu), series("ReLU, a unit flipped", flips), series("sigmoid", smooth)));
        }

        static Plots.Series series(String name, List<double[]> pts) {
            double[] x = pts.stream().mapToDouble(q -> q[0]).toArray(), y = pts.stream().mapToDouble(q -> q[1]).toArray();
            return Plots.Series.points(name, x, y);
        }

        static TrendEvidence fit(String label, List<double[]> pts, Double claimed, String text) {
            double[] x = pts.stream().mapToDouble(q -> Math.log(q[0])).toArray(), y = pts.stream().mapToDouble(q -> Math.log(q[1])).toArray();
            return Experiments.slope(label, "log |step|", "log R", x, y, claimed, text);
        }

        /** For each step length s (w_new = w - s g/|g|): {s, R, flipped?}, R = |E(w_new) - [E - s|g| + s^2 ghat^T H_E ghat / 2]| / (s |g|). */
        static List<double[]> remainders(NetCase c, double[] gammas) {
            EdmondsNet net = c.net();
            double[][] ys = new double[c.d()][];
            for (int d = 0; d < c.d(); d++) ys[d] = new double[] {c.y()[d]};
            double[] r = c.residual();
            double e = Angles.norm2(r);
            double[] g = Angles.jtr(Angles.jacobian(net, c.theta(), c.x()), r);
            for (int i = 0; i < g.length; i++) g[i] *= 2;
            DMatrixRMaj h = net.deep().lossHessian(c.theta(), c.x(), ys);
            double gg = Angles.norm2(g), ghg = 0;
            for (int a = 0; a < g.length; a++) for (int b = 0; b < g.length; b++) ghg += g[a] * 2 * h.get(a, b) * g[b];
            List<double[]> out = new ArrayList<>();
            for (double gamma : gammas) {
                double step = gamma / Math.sqrt(gg);
                double[] w = c.theta().clone();
                for (int i = 0; i < w.length; i++) w[i] -= step * g[i];
                double eNew = Angles.norm2(c.withTheta(w).residual());
                double taylor = e - step * gg + 0.5 * step * step * ghg;
                boolean flipped = false;
                for (double[] x : c.x()) {
                    double[] z0 = net.point(c.theta(), x, false).z()[0], z1 = net.point(w, x, false).z()[0];
                    for (int j = 0; j < z0.length; j++) flipped |= Math.signum(z0[j]) != Math.signum(z1[j]);
                }
                out.add(new double[] {gamma, Math.abs(eNew - taylor) / (step * gg), flipped ? 1 : 0});
            }
            return out;
        }
    }
}
