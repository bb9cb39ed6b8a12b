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
import overparam.report.Plots;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** edmonds Lemma 5 (second derivatives against gradient products) and its uses: lemma-5.1, lemma-5.2, L5-g, L5-h. */
final class LemmaFive {
    private LemmaFive() {}

    static final NetCase.Spec SPEC = NetCase.Spec.of().layers(1, 4).widths(1, 6).inputDim(1, 5).points(1, 3).scales(0.5, 1.0, 2.0, 4.0)
            .inputs("sphere", "gaussian", "positive");

    static final NetCase.Spec CROSS = SPEC.layers(2, 3).inputs("positive").bias(false);

    /** The A6 operational constant of an instance: c_aaah = max over (d, l, k) of c* = max(0, P)/S^2 (the 'for all' reading). */
    static double measuredCaaah(NetCase c) {
        EdmondsNet net = c.net();
        double m = 0;
        for (double[] x : c.x()) {
            EdmondsNet.Point pt = net.point(c.theta(), x, false);
            for (int l = 0; l < net.layers(); l++)
                for (int k = 0; k < net.width(l - 1); k++) {
                    MidSigmoid.Sums s = MidSigmoid.sums(net, c.theta(), pt, l, k);
                    if (s.s() != 0 && Double.isFinite(s.cStar())) m = Math.max(m, s.cStar());
                }
        }
        return m;
    }

    /** edmonds/lemma-5.1, Lemma 5(1) [recon]: d2NN/dx_{l,k} dx_{l,k'} <= c_aaah (L - l) S_{l,k} S_{l,k'} (same layer; same or different nodes). */
    static final class InputBound extends PropertyClaim {
        InputBound() {
            super("edmonds/lemma-5.1");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(
                    Property.of("all-pairs", NetCase.class)
                            .description("every layer l and pair (k, k'), same node or not: (H^x_l)_{kk'} <= c_aaah (L - l) S_k S_k', c_aaah = max over (d,l,k) of "
                                    + "c* = max(0,P)/S^2 (A6's constant, 'for all' reading); H^x from the paper's recursion")
                            .generator(SPEC.describe(), NetCase.arbitrary(SPEC)).check(c -> check(c, false)).certify(InputBound::certify).tries(60).build(),
                    Property.of("same-node", NetCase.class)
                            .description("informative: the diagonal k = k' only (the case the proof works out)")
                            .generator(SPEC.describe(), NetCase.arbitrary(SPEC)).check(c -> check(c, true)).certify(InputBound::certify).informative().tries(60).build(),
                    Property.of("hidden-nodes", NetCase.class)
                            .description("informative: only hidden layers l >= 1 (nodes that are sigmoid outputs), all pairs")
                            .generator(SPEC.layers(2, 4).describe(), NetCase.arbitrary(SPEC.layers(2, 4))).check(c -> check(c, false, 1))
                            .certify(InputBound::certify).informative().tries(60).build());
        }

        static Evidence check(NetCase c, boolean diagonal) {
            return check(c, diagonal, 0);
        }

        static Evidence check(NetCase c, boolean diagonal, int fromLayer) {
            EdmondsNet net = c.net();
            double ca = measuredCaaah(c);
            int L = net.layers();
            Evidence worst = null;
            double worstSlack = Double.POSITIVE_INFINITY;
            for (int d = 0; d < c.d(); d++) {
                EdmondsNet.Point pt = net.point(c.theta(), c.x()[d], true);
                for (int l = fromLayer; l < L; l++) {
                    double[][] h = pt.hx()[l];
                    double[] s = pt.s()[l];
                    double hMax = 0, sMax = 0;
                    for (double[] row : h) for (double v : row) hMax = Math.max(hMax, Math.abs(v));
                    for (double v : s) sMax = Math.max(sMax, Math.abs(v));
                    for (int k = 0; k < s.length; k++)
                        for (int kk = diagonal ? k : 0; kk <= k; kk++) {
                            if (diagonal && kk != k) continue;
                            double bound = ca * (L - l) * s[k] * s[kk], lhs = h[k][kk];
                            double tol = 256 * Linalg.EPS * Math.max(1, net.width(l)) * L * (hMax + ca * (L - l) * sMax * sMax);
                            double slack = (bound - lhs + tol) / Math.max(tol, Math.max(Math.abs(lhs), Math.abs(bound)));
                            if (slack < worstSlack) {
                                worstSlack = slack;
                                worst = Evidence.le("(H^x_l)_{kk'} <= c_aaah (L - l) S_k S_k'", lhs, bound, tol).with("d", d).with("l", l).with("k", k).with("kk", kk)
                                        .with("c_aaah", ca).with("no c >= 0 works", s[k] * s[kk] < 0 && lhs > 0).with("y_out", pt.y()[L - 1][0]);
                            }
                        }
                }
            }
            return worst;
        }

        /** The entry and the gradients recomputed in 60 digits: S by exact backprop, H^x by second differences of the forward pass. */
        static Certificate certify(NetCase c, Evidence e) {
            int d = num(e, "d"), l = num(e, "l"), k = num(e, "k"), kk = num(e, "kk");
            double ca = ((Number) e.details().get("c_aaah")).doubleValue();
            DfpNet dn = new DfpNet(c.net());
            Dfp[] th = dn.of(c.theta());
            Dfp[] s = dn.inputGradient(th, c.x()[d], l);
            Dfp h = dn.inputHessian(th, c.x()[d], l, k, kk);
            Dfp margin = dn.hp().of(ca * (c.layers() - l)).multiply(s[k]).multiply(s[kk]).subtract(h);
            return Certificate.of("Dfp backprop S, H^x by second differences (h = 1e-15)", dn.hp().digits(), HighPrecision.toBigDecimal(margin),
                    new BigDecimal("1e-20"), "c_aaah (L - l) S_k S_k' - (H^x)_{kk'}");
        }
    }

    static int num(Evidence e, String key) {
        return ((Number) e.details().get(key)).intValue();
    }

    /** edmonds/lemma-5.2, Lemma 5(2): d2NN/dw_{l,k,j} dw_{l',k',j'} <= c_aaah (L - l) dNN/dw dNN/dw' for l' <= l. */
    static final class WeightBound extends PropertyClaim {
        WeightBound() {
            super("edmonds/lemma-5.2");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("all-weight-pairs", NetCase.class)
                    .description("every weight pair, l' <= l: H_ab <= c_aaah (L - l) g_a g_b against DeepNet's exact R-operator Hessian, c_aaah = the instance's "
                            + "measured max c*")
                    .generator(SPEC.describe(), NetCase.arbitrary(SPEC)).check(WeightBound::check).certify(WeightPairs::certify).tries(60).build(),
                    Property.of("cross-layer-positive-inputs", NetCase.class)
                            .description("informative: cross-layer pairs only (l' < l), positive inputs, no bias (the catalogue's L5-d setting)")
                            .generator(CROSS.describe(), NetCase.arbitrary(CROSS)).check(c -> {
                                EdmondsNet net = c.net();
                                double ca = measuredCaaah(c);
                                return WeightPairs.worst(c, "d2NN/dw_a dw_b <= c_aaah (L - l) g_a g_b (l' < l)", (d, a, b) -> net.layerOf(a) == net.layerOf(b) ? Double.NaN
                                        : ca * (net.layers() - Math.max(net.layerOf(a), net.layerOf(b)))).with("c_aaah", ca);
                            }).certify(WeightPairs::certify).informative().tries(60).build());
        }

        static Evidence check(NetCase c) {
            EdmondsNet net = c.net();
            double ca = measuredCaaah(c);
            int L = net.layers();
            return WeightPairs.worst(c, "d2NN/dw_a dw_b <= c_aaah (L - l) g_a g_b", (d, a, b) -> ca * (L - Math.max(net.layerOf(a), net.layerOf(b))))
                    .with("c_aaah", ca);
        }
    }

    /** Per-point gradients g_d, Hessians H_d (entrywise H_ab <= C g_a g_b by construction), residual r, and C. */
    record Synthetic(int d, int p, double c, long seed) {}

    /** edmonds/L5-g, Lemma 5 as used by Lemma 3: an entrywise one-sided bound does not bound the step's quadratic form. */
    static final class OneSided extends PropertyClaim {
        OneSided() {
            super("edmonds/L5-g");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<Synthetic> gen = Combinators.combine(DataArbitraries.ints(1, 6), DataArbitraries.ints(2, 8), Arbitraries.of(0.0, 0.5, 1.0, 2.0),
                    DataArbitraries.seeds()).as(Synthetic::new);
            return List.of(Property.of("quadratic-form", Synthetic.class)
                    .description("H_d with H_ab <= C g_a g_b entrywise for every d (hypothesis, by clipping a random symmetric matrix), u = J^T r: "
                            + "sum_d r_d u^T H_d u <= C sum_d |r_d| (g_d.u)^2; both sides in exact rational arithmetic")
                    .generator("D in [1,6], M' in [2,8], C in {0, 1/2, 1, 2}, Gaussian g, H, r", gen).check(OneSided::check).certify(OneSided::certify).tries(40).build());
        }

        static double[][][] build(Synthetic s) {
            Random rng = new Random(s.seed());
            double[][] g = new double[s.d()][s.p()];
            double[][][] h = new double[s.d()][s.p()][s.p()];
            double[] r = new double[s.d()];
            for (int d = 0; d < s.d(); d++) {
                for (int a = 0; a < s.p(); a++) g[d][a] = rng.nextGaussian();
                for (int a = 0; a < s.p(); a++)
                    for (int b = 0; b <= a; b++) {
                        double v = Math.min(rng.nextGaussian(), s.c() * g[d][a] * g[d][b]);
                        h[d][a][b] = v;
                        h[d][b][a] = v;
                    }
                r[d] = rng.nextGaussian();
            }
            return new double[][][] {g, new double[][] {r}, flatten(h)};
        }

        static double[][] flatten(double[][][] h) {
            double[][] f = new double[h.length][];
            for (int d = 0; d < h.length; d++) f[d] = Arrays.stream(h[d]).flatMapToDouble(Arrays::stream).toArray();
            return f;
        }

        static BigDecimal[] sides(Synthetic s) {
            double[][][] parts = build(s);
            double[][] g = parts[0], hf = parts[2];
            double[] r = parts[1][0];
            int p = s.p();
            BigDecimal[] u = new BigDecimal[p];
            for (int a = 0; a < p; a++) {
                u[a] = BigDecimal.ZERO;
                for (int d = 0; d < s.d(); d++) u[a] = u[a].add(new BigDecimal(r[d]).multiply(new BigDecimal(g[d][a])));
            }
            BigDecimal lhs = BigDecimal.ZERO, rhs = BigDecimal.ZERO;
            for (int d = 0; d < s.d(); d++) {
                BigDecimal q = BigDecimal.ZERO, gu = BigDecimal.ZERO;
                for (int a = 0; a < p; a++) {
                    gu = gu.add(new BigDecimal(g[d][a]).multiply(u[a]));
                    for (int b = 0; b < p; b++) q = q.add(u[a].multiply(new BigDecimal(hf[d][a * p + b])).multiply(u[b]));
                }
                lhs = lhs.add(new BigDecimal(r[d]).multiply(q));
                rhs = rhs.add(new BigDecimal(Math.abs(r[d])).multiply(gu).multiply(gu));
            }
            return new BigDecimal[] {lhs, new BigDecimal(s.c()).multiply(rhs)};
        }

        static Evidence check(Synthetic s) {
            BigDecimal[] lr = sides(s);
            return Evidence.le("sum_d r_d u^T H_d u <= C sum_d |r_d| (g_d.u)^2", lr[0].doubleValue(), lr[1].doubleValue(), 0)
                    .with("exact margin", lr[1].subtract(lr[0]).doubleValue());
        }

        static Certificate certify(Synthetic s, Evidence e) {
            BigDecimal[] lr = sides(s);
            return Certificate.of("exact BigDecimal arithmetic", 0, lr[1].subtract(lr[0]), BigDecimal.ZERO, "C sum |r_d|(g_d.u)^2 - sum r_d u^T H_d u");
        }
    }

    /** edmonds/L5-h, Lemma 5: for l' < l the needed constant scales with (L - l) as stated, not with L - l'. */
    static final class DepthFactor extends TrendClaim {
        DepthFactor() {
            super("edmonds/L5-h");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("nets", 0, "random nets (0: 10 at CI, 60 at FULL/DEEP)"), ParamSpec.integer("L", 5, "depth"),
                    ParamSpec.integer("M", 4, "hidden width"));
        }

        @Override
        protected void experiment(Params p, RunContext ctx, ClaimResult.Builder r) {
            int nets = Experiments.byLevel(p.integer("nets"), ctx, 10, 60, 60), L = p.integer("L");
            int[] hidden = new int[L - 1];
            Arrays.fill(hidden, p.integer("M"));
            List<double[]> pts = new ArrayList<>();
            Experiments.parallel(nets, i -> {
                NetCase c = NetCase.draw(4, hidden, false, "P2", "sigmoid", "sigmoid", 1.0, "sphere", "interior", 1, ctx.seedFor(id() + "#" + i));
                EdmondsNet net = c.net();
                double[] g = net.gradient(c.theta(), c.x()[0]);
                DMatrixRMaj h = net.hessian(c.theta(), c.x()[0]);
                double[][] need = new double[L][L];
                for (double[] row : need) Arrays.fill(row, Double.NEGATIVE_INFINITY);
                for (int a = 0; a < g.length; a++)
                    for (int b = 0; b < g.length; b++) {
                        int la = net.layerOf(a), lb = net.layerOf(b);
                        if (lb >= la || g[a] * g[b] <= 0) continue;
                        need[la][lb] = Math.max(need[la][lb], h.get(a, b) / (g[a] * g[b]));
                    }
                List<double[]> out = new ArrayList<>();
                for (int l = 0; l < L; l++) for (int lp = 0; lp < l; lp++) if (need[l][lp] > 0) out.add(new double[] {L - l, L - lp, need[l][lp]});
                return out;
            }).forEach(pts::addAll);
            double[] upper = pts.stream().mapToDouble(q -> Math.log(q[0])).toArray(), lower = pts.stream().mapToDouble(q -> Math.log(q[1])).toArray();
            double[] y = pts.stream().mapToDouble(q -> Math.log(q[2])).toArray();
            r.trend(Experiments.slope("log needed c vs log(L - l) (the stated factor)", "log(L-l)", "log c_needed", upper, y, 1.0,
                    "c_aaah (L - l): exponent 1 in (L - l)"));
            r.trend(Experiments.slope("log needed c vs log(L - l') (sigmoids above the lower weight)", "log(L-l')", "log c_needed", lower, y, null,
                    "reported only: the alternative factor L - l'"));
            r.number("cross-layer (l, l') groups with a positive needed constant", pts.size());
            Experiments.plot(ctx, r, "needed-c.png", "edmonds L5-h: constant needed by cross-layer pairs (g_a g_b > 0)", "L - l", "needed c", false, true,
                    List.of(Plots.Series.points("vs L - l", pts.stream().mapToDouble(q -> q[0]).toArray(), pts.stream().mapToDouble(q -> q[2]).toArray()),
                            Plots.Series.points("vs L - l'", pts.stream().mapToDouble(q -> q[1]).toArray(), pts.stream().mapToDouble(q -> q[2]).toArray())));
        }
    }
}
