package overparam.claims.edmonds;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.linalg.Linalg;
import overparam.report.Plots;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** edmonds Assumption 4 (Non-Perpendicular) and its inline claims: A4-a..A4-g. */
final class NonPerpendicular {
    private NonPerpendicular() {}

    /** edmonds/A4-a, Assumption 4: min_m |cos alpha_m| and kappa_t stay bounded below by a constant along GD. */
    static final class AlongRuns extends TrendClaim {
        AlongRuns() {
            super("edmonds/A4-a");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.string("D", "auto", "training-set sizes (auto: 2,3,4,6,8 at CI; 3,4,6,8,12,16 at FULL; 2,4,8,16,32 at DEEP)"),
                    ParamSpec.string("param", "P2", "parameterisation"), ParamSpec.integer("cap", 0, "iterations per run (0: 20000 at CI, 100000 at FULL/DEEP)"),
                    ParamSpec.integer("seeds", 0, "seeds per D (0: 3 at CI, 4 at FULL, 5 at DEEP)"));
        }

        @Override
        protected boolean refutableByFit() {
            return true;
        }

        @Override
        protected void experiment(Params p, RunContext ctx, ClaimResult.Builder r) {
            int[] ds = Experiments.ints(Experiments.byLevel(p.string("D"), ctx, "2,3,4,6,8", "3,4,6,8,12,16", "2,4,8,16,32"));
            int seeds = Experiments.byLevel(p.integer("seeds"), ctx, 3, 4, 5);
            PaperGd.Config cfg = new PaperGd.Config(2, 1, 1e-3, Experiments.byLevel(p.integer("cap"), ctx, 20000, 100000, 100000));
            List<Convergence.Cell> cells = new ArrayList<>();
            for (int d : ds)
                for (int s = 0; s < seeds; s++)
                    cells.add(new Convergence.Cell(d, 10, new int[] {4 * d}, true, p.string("param"), d, "mid", ctx.seedFor(id() + "#" + d + "#" + s), cfg));
            List<Convergence.Outcome> outs = Convergence.run(cells);
            double[] x = outs.stream().mapToDouble(o -> o.cell().x()).toArray();
            double[] k = outs.stream().mapToDouble(o -> Math.max(o.minKappa(), 1e-300)).toArray();
            double[] c = outs.stream().mapToDouble(o -> Math.max(o.minCos(), 1e-300)).toArray();
            int[] upperBounds = outs.stream().mapToInt(o -> o.censored() ? -1 : 0).toArray();
            r.number("censored runs (cap reached: the minimum over a cut run is an upper bound)", Arrays.stream(upperBounds).filter(b -> b != 0).count());
            r.trend(Experiments.censoredSlope("log min_t kappa_t vs log D", "log D", "log min kappa", Experiments.log(x), Experiments.log(k), upperBounds, 0.0,
                    "kappa_t >= c^2 = Omega(1): slope 0"));
            r.trend(Experiments.censoredSlope("log min_t min_m |cos alpha_m| vs log D", "log D", "log min |cos|", Experiments.log(x), Experiments.log(c),
                    upperBounds, 0.0, "|cos alpha_m| >= Omega(1) for all m: slope 0"));
            for (Convergence.Outcome o : outs)
                r.number("D=" + (int) o.cell().x() + " seed " + o.cell().seed(), String.format("min kappa %.3g, min|cos| %.3g, final kappa*D %.3g, T=%d%s",
                        o.minKappa(), o.minCos(), o.finalKappa() * o.cell().x(), o.t(), o.censored() ? " (cap)" : ""));
            Experiments.plot(ctx, r, "min-kappa-vs-D.png", "edmonds A4-a: smallest kappa_t and min_m |cos alpha_m| along GD vs D", "D", "value", true, true,
                    List.of(Plots.Series.points("min_t kappa_t", x, k), Plots.Series.points("min_t min_m |cos alpha_m|", x, c)));
            Convergence.kappaPlot(ctx, r, "kappa-vs-t.png", "edmonds A4-a: kappa_t along GD (first seed per D)", "D", outs);
        }
    }

    /** edmonds/A4-b, Assumption 4 justification: 'not coordinated' vectors have cos alpha = Omega(1); for isotropic ones E cos^2 = 1/D. */
    static final class Uncoordinated extends TrendClaim {
        Uncoordinated() {
            super("edmonds/A4-b");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("samples", 0, "Monte Carlo pairs per D (0: 4000 at CI, 20000 at FULL/DEEP)"));
        }

        @Override
        protected boolean refutableByFit() {
            return true;
        }

        @Override
        protected void experiment(Params p, RunContext ctx, ClaimResult.Builder r) {
            int n = Experiments.byLevel(p.integer("samples"), ctx, 4000, 20000, 20000);
            int[] ds = {2, 4, 8, 16, 32, 64, 128, 256};
            double[] x = new double[ds.length], mean = new double[ds.length], netMean = new double[ds.length];
            List<double[]> est = Experiments.parallel(ds.length, i -> {
                Random rng = new Random(ctx.seedFor(id() + "#" + ds[i]));
                int d = ds[i];
                double s = 0, s2 = 0;
                for (int t = 0; t < n; t++) {
                    double dot = 0, a2 = 0, b2 = 0;
                    for (int j = 0; j < d; j++) {
                        double a = rng.nextGaussian(), b = rng.nextGaussian();
                        dot += a * b;
                        a2 += a * a;
                        b2 += b * b;
                    }
                    double c2 = dot * dot / (a2 * b2);
                    s += c2;
                    s2 += c2 * c2;
                }
                double m = s / n, se = Math.sqrt(Math.max(0, s2 / n - m * m) / n);
                NetCase c = NetCase.draw(8, new int[] {16}, true, "P1", "sigmoid", "sigmoid", 1.0, "sphere", "uniform", d, rng.nextLong());
                double[] cos = Angles.cosines(c.net(), c.theta(), c.x(), c.y());
                double nm = Arrays.stream(cos).filter(Double::isFinite).map(v -> v * v).average().orElse(Double.NaN);
                return new double[] {m, se, nm};
            });
            for (int i = 0; i < ds.length; i++) {
                x[i] = ds[i];
                mean[i] = est.get(i)[0];
                netMean[i] = est.get(i)[2];
                r.number("D=" + ds[i], String.format("isotropic: D * mean cos^2 = %.4f +- %.4f (exact 1); random net at init, all m: mean cos^2 = %.3g",
                        ds[i] * mean[i], ds[i] * est.get(i)[1], netMean[i]));
            }
            r.trend(Experiments.slope("isotropic pairs: log E cos^2 vs log D", "log D", "log mean cos^2", Experiments.log(x), Experiments.log(mean), 0.0,
                    "cos alpha = Omega(1) for uncoordinated vectors: slope 0"));
            r.trend(Experiments.slope("Dir_m of a random net (M = 16, P1) vs random targets: log mean_m cos^2 vs log D", "log D", "log mean cos^2",
                    Experiments.log(x), Experiments.log(netMean), null, "reported only"));
            Experiments.plot(ctx, r, "cos2-vs-D.png", "edmonds A4-b: mean cos^2 alpha vs D", "D", "mean cos^2", true, true,
                    List.of(Plots.Series.points("isotropic pairs", x, mean), Plots.Series.points("random net Dir_m vs random Loss", x, netMean),
                            Plots.Series.line("1/D", x, Arrays.stream(x).map(d -> 1 / d).toArray())));
        }
    }

    /** edmonds/A4-c, Assumption 4 benchmark: NN = w.x with x_d = e_d contracts by exactly 1 - 2/(C0 D) per step. */
    static final class OrthonormalRegression extends PropertyClaim {
        OrthonormalRegression() {
            super("edmonds/A4-c");
        }

        static final NetCase.Spec SPEC = NetCase.Spec.of().layers(1, 1).inputDim(1, 45).points(1, 40).inputs("orthonormal").bias(false).params("P1")
                .activations("identity", "identity").targets("uniform");

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("exact-contraction", GdCase.class)
                    .description("r_{t+1} = (1 - 2/(C0 D)) r_t at every step, T(eps) = ceil(ln(E0/eps)/(-2 ln|1 - 2/(C0 D)|)) (+-1), cos alpha_m = r_m/|r| "
                            + "for m < D and Dir_m = 0 for m >= D")
                    .generator(SPEC.describe() + "; C0 in {1.5, 2, 4, 8}, c_aaah = 0, eps = Error_0 * 1e-4",
                            GdCase.arbitrary(SPEC, List.of(1.5, 2.0, 4.0, 8.0), List.of(0.0), 2000))
                    .hypotheses(OrthonormalRegression::benchmark).check(OrthonormalRegression::exact).tries(40).build());
        }

        /** The benchmark's setting: NN = w.x (identity, no bias, c_aaah = 0) and x_d = e_d exactly. */
        static String benchmark(GdCase g) {
            NetCase c = g.net();
            if (!c.activation().equals("identity") || !c.output().equals("identity") || c.bias() || c.layers() != 1 || g.caaah() != 0)
                return "needs the linear model NN = w.x with c_aaah = 0";
            for (int d = 0; d < c.d(); d++)
                for (int i = 0; i < c.n(); i++) if (c.x()[d][i] != (i == d ? 1 : 0)) return "inputs are not e_1..e_D";
            return null;
        }

        static Evidence exact(GdCase g) {
            NetCase c = g.net();
            int dd = c.d();
            double rho = 1 - 2 / (g.c0() * dd);
            double e0 = Angles.norm2(c.residual()), eps = e0 * 1e-4;
            double[] prev = c.residual();
            double[] cos0 = Angles.cosines(c.net(), c.theta(), c.x(), c.y());
            double cosErr = 0;
            int undefined = 0;
            for (int m = 0; m < cos0.length; m++) {
                if (m < dd) cosErr = Math.max(cosErr, Math.abs(cos0[m] - prev[m] / Math.sqrt(e0)));
                else if (Double.isNaN(cos0[m])) undefined++;
            }
            double[] maxDev = {0};
            double[][] last = {prev};
            PaperGd.Run run = PaperGd.run(c.net(), c.theta(), c.x(), c.y(), g.config(eps), (t, th, res) -> {
                if (t > 0)
                    for (int d = 0; d < dd; d++) maxDev[0] = Math.max(maxDev[0], Math.abs(res[d] - rho * last[0][d]) / Math.sqrt(e0));
                last[0] = res.clone();
                return true;
            });
            int predicted = (int) Math.ceil(Math.log(e0 / eps) / (-2 * Math.log(Math.abs(rho))));
            double tol = 16 * Linalg.EPS * (run.steps() + dd);
            return Evidence.worst(Evidence.le("max_t |r_{t+1} - rho r_t| / |r_0|", maxDev[0], 0, tol),
                    Evidence.le("|T(eps) - predicted|", Math.abs(run.reached() - predicted), 1, 0).with("T", run.reached()).with("predicted", predicted),
                    Evidence.le("max_m<D |cos alpha_m - r_m/|r||", cosErr, 0, 16 * Linalg.EPS * dd),
                    Evidence.eq("undefined angles (Dir_m = 0) for m >= D", undefined, cos0.length - dd, 0));
        }
    }

    /** A constructed pair (J, Loss): D orthonormal columns Dir_m and Loss along one of them. */
    record OrthoCase(int d, double scale, long seed) {}

    /** edmonds/A4-d, Assumption 4 (iv): orthonormal Dir_m and Loss = e_1 give kappa = 1/D, one cos = 1, the rest 0. */
    static final class PerpendicularColumns extends PropertyClaim {
        PerpendicularColumns() {
            super("edmonds/A4-d");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<OrthoCase> gen = Combinators.combine(DataArbitraries.ints(1, 40), Arbitraries.of(1e-3, 1.0, 1e3), DataArbitraries.seeds()).as(OrthoCase::new);
            return List.of(Property.of("kappa-one-over-D", OrthoCase.class)
                    .description("J = Q (random orthogonal D x D), Loss = s q_1: kappa = 1/D, |cos alpha_1| = 1, cos alpha_m = 0 for m > 1")
                    .generator("D in [1,40], s in {1e-3, 1, 1e3}, Q from the QR of a Gaussian matrix", gen).check(PerpendicularColumns::check).tries(60).build());
        }

        static Evidence check(OrthoCase o) {
            Random rng = new Random(o.seed());
            DMatrixRMaj a = new DMatrixRMaj(o.d(), o.d());
            for (int i = 0; i < a.data.length; i++) a.data[i] = rng.nextGaussian();
            QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(o.d(), o.d());
            qr.decompose(a.copy());
            DMatrixRMaj q = qr.getQ(null, false);
            double[][] j = Linalg.toArray(q);
            double[] r = new double[o.d()];
            for (int d = 0; d < o.d(); d++) r[d] = o.scale() * q.get(d, 0);
            double[] cos = Angles.cosines(j, r);
            double rest = 0;
            for (int m = 1; m < cos.length; m++) rest = Math.max(rest, Math.abs(cos[m]));
            double tol = 64 * Linalg.EPS * o.d();
            return Evidence.worst(Evidence.eq("kappa * D", Angles.kappa(j, r) * o.d(), 1, tol), Evidence.eq("|cos alpha_1|", Math.abs(cos[0]), 1, tol),
                    Evidence.le("max_{m>1} |cos alpha_m|", rest, 0, tol));
        }
    }

    /** edmonds/A4-e, Assumption 4 (ii) [recon]: dNN(x_d)/dw_{l,k,j} = x_{d,l,k} delta_{d,l,j}, i.e. the block is X_l diag(delta_{.,l,j}). */
    static final class BlockFactorization extends PropertyClaim {
        BlockFactorization() {
            super("edmonds/A4-e");
        }

        static final NetCase.Spec SPEC = NetCase.Spec.of().layers(1, 4).widths(1, 10).inputDim(1, 6).points(1, 6).scales(0.5, 1.0, 2.0, 4.0)
                .inputs("sphere", "gaussian", "antipodal", "duplicates");

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("block-equals-X-diag-delta", NetCase.class)
                    .description("every entry of DeepNet's backprop gradient equals the paper's x_{d,l,k} delta_{d,l,j} (relative, rounding tolerance)")
                    .generator(SPEC.describe(), NetCase.arbitrary(SPEC)).check(BlockFactorization::check).tries(80).build());
        }

        static Evidence check(NetCase c) {
            EdmondsNet net = c.net();
            double worst = 0, scale = 0;
            for (double[] x : c.x()) {
                double[] g = net.gradient(c.theta(), x);
                EdmondsNet.Point pt = net.point(c.theta(), x, false);
                for (int l = 0; l < net.layers(); l++)
                    for (int k = 0; k < net.width(l - 1); k++)
                        for (int j = 0; j < net.width(l); j++) {
                            double paper = pt.x()[l][k] * pt.delta()[l][j];
                            worst = Math.max(worst, Math.abs(g[net.weightIndex(l, k, j)] - paper));
                            scale = Math.max(scale, Math.abs(paper));
                        }
            }
            return Evidence.le("max |dNN/dw_{l,k,j} - x_{l,k} delta_{l,j}|", worst, 0, 64 * Linalg.EPS * Math.max(scale, Double.MIN_NORMAL) * c.layers() * 16);
        }
    }

    /** Which layer's matrices a rank check looks at. */
    enum RankLayers {HIDDEN_WIDE, HIDDEN, FIRST, ZEROED_NODE}

    /** edmonds/A4-f, Assumption 4 (iii): with M >= D, distinct generic inputs and biases, rank X_l = D and every per-node block has rank D. */
    static final class BlockRank extends PropertyClaim {
        BlockRank() {
            super("edmonds/A4-f");
        }

        /** An instance with the node whose outgoing weights are zeroed (-1: none). */
        record RankCase(NetCase net, int zeroLayer, int zeroNode) {}

        static Arbitrary<RankCase> plain(NetCase.Spec s) {
            return NetCase.arbitrary(s).map(c -> new RankCase(c, -1, -1));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            NetCase.Spec wide = NetCase.Spec.of().layers(2, 3).widths(8, 14).inputDim(2, 6).points(1, 8).scales(0.5, 1.0).bias(true);
            NetCase.Spec narrow = wide.widths(1, 3).points(5, 8);
            NetCase.Spec dup = wide.inputs("duplicates").points(2, 8);
            NetCase.Spec anti = wide.inputs("antipodal").points(4, 8).bias(false);
            NetCase.Spec first = wide.inputDim(1, 3).points(5, 8);
            Arbitrary<RankCase> zeroed = NetCase.arbitrary(wide.layers(2, 2)).map(c -> {
                int node = (int) Math.floorMod(Arrays.hashCode(c.theta()), c.hidden()[0]);
                double[] t = c.theta().clone();
                EdmondsNet net = c.net();
                for (int j = 0; j < net.width(1); j++) t[net.weightIndex(1, node, j)] = 0;
                return new RankCase(c.withTheta(t), 0, node);
            });
            return List.of(
                    Property.of("rank-D", RankCase.class)
                            .description("hidden layers l' >= 1 with M_{l'-1} >= D: rank X_{l'} = D and rank X_{l'} diag(delta_{l',j}) = D for every node j")
                            .generator(wide.describe(), plain(wide)).hypotheses(BlockRank::distinct)
                            .check(rc -> rank(rc, RankLayers.HIDDEN_WIDE)).tries(40).build(),
                    control("control-narrow", "M < D", narrow, plain(narrow), RankLayers.HIDDEN),
                    control("control-duplicates", "duplicate inputs", dup, plain(dup), RankLayers.HIDDEN),
                    control("control-antipodal-bias-free", "antipodal pairs, no bias: h(-a) = 1 - h(a) for any M", anti, plain(anti), RankLayers.HIDDEN),
                    control("control-first-layer", "l' = 0 with N + 1 < D", first, plain(first), RankLayers.FIRST),
                    control("control-zero-outgoing", "a hidden node with all outgoing weights 0 (delta = 0)", wide.layers(2, 2), zeroed, RankLayers.ZEROED_NODE));
        }

        static Property<RankCase> control(String name, String what, NetCase.Spec s, Arbitrary<RankCase> gen, RankLayers which) {
            return Property.of(name, RankCase.class).description("negative control: " + what + "; rank D must fail").generator(s.describe(), gen)
                    .check(rc -> rank(rc, which)).certify((rc, e) -> certify(rc, which)).expectRefuted().tries(10).build();
        }

        static String distinct(RankCase rc) {
            double[][] x = rc.net().x();
            for (int i = 0; i < x.length; i++)
                for (int j = i + 1; j < x.length; j++) if (Arrays.equals(x[i], x[j])) return "duplicate inputs";
            return null;
        }

        static List<Integer> layers(RankCase rc, RankLayers which) {
            EdmondsNet net = rc.net().net();
            List<Integer> ls = new ArrayList<>();
            if (which == RankLayers.FIRST) ls.add(0);
            else if (which == RankLayers.ZEROED_NODE) ls.add(rc.zeroLayer());
            else
                for (int l = 1; l < net.layers(); l++) if (which == RankLayers.HIDDEN || net.width(l - 1) >= rc.net().d()) ls.add(l);
            return ls;
        }

        /** X_l as an (M_{l-1} (+1)) x D matrix (bias coordinate included) and its product with diag(delta_{.,l,j}). */
        static Evidence rank(RankCase rc, RankLayers which) {
            NetCase c = rc.net();
            EdmondsNet net = c.net();
            int dd = c.d(), worst = Integer.MAX_VALUE;
            String where = "";
            for (int l : layers(rc, which)) {
                int rows = net.width(l - 1) + (net.bias() ? 1 : 0);
                DMatrixRMaj x = new DMatrixRMaj(rows, dd);
                double[][] delta = new double[dd][];
                for (int d = 0; d < dd; d++) {
                    EdmondsNet.Point pt = net.point(c.theta(), c.x()[d], false);
                    for (int k = 0; k < net.width(l - 1); k++) x.set(k, d, pt.x()[l][k]);
                    if (net.bias()) x.set(rows - 1, d, 1);
                    delta[d] = pt.delta()[l];
                }
                int rx = which == RankLayers.ZEROED_NODE ? Integer.MAX_VALUE : Linalg.rank(x);
                if (rx < worst) {
                    worst = rx;
                    where = "X_" + l;
                }
                for (int j = 0; j < net.width(l); j++) {
                    if (which == RankLayers.ZEROED_NODE && j != rc.zeroNode()) continue;
                    DMatrixRMaj b = x.copy();
                    for (int d = 0; d < dd; d++) for (int k = 0; k < rows; k++) b.set(k, d, x.get(k, d) * delta[d][j]);
                    int rb = Linalg.rank(b);
                    if (rb < worst) {
                        worst = rb;
                        where = "X_" + l + " diag(delta_" + l + "," + j + ")";
                    }
                }
            }
            if (worst == Integer.MAX_VALUE) return Evidence.fact("no layer with M_{l-1} >= D", true);
            return Evidence.eq("rank", worst, dd, 0).with("where", where).with("D", dd);
        }

        /** The deficient matrix of a control recomputed in 60 digits, rank by full-pivot elimination (tolerance 1e-50 max entry). */
        static Certificate certify(RankCase rc, RankLayers which) {
            NetCase c = rc.net();
            EdmondsNet net = c.net();
            DfpNet dn = new DfpNet(net);
            Dfp[] th = dn.of(c.theta());
            int dd = c.d(), worst = Integer.MAX_VALUE;
            for (int l : layers(rc, which)) {
                int rows = net.width(l - 1) + (net.bias() ? 1 : 0);
                Dfp[][] x = new Dfp[rows][dd], b = new Dfp[rows][dd];
                for (int d = 0; d < dd; d++) {
                    Dfp[] xl = l == 0 ? dn.of(c.x()[d]) : dn.activations(th, c.x()[d], l);
                    Dfp[] delta = dn.deltas(th, c.x()[d], l);
                    Dfp dj = delta[Math.max(0, rc.zeroNode())];
                    for (int k = 0; k < rows; k++) {
                        x[k][d] = k < net.width(l - 1) ? xl[k] : dn.hp().one();
                        b[k][d] = x[k][d].multiply(dj);
                    }
                }
                worst = Math.min(worst, which == RankLayers.ZEROED_NODE ? dn.hp().rank(b) : dn.hp().rank(x));
            }
            return Certificate.of("Dfp activations, full-pivot rank (tolerance 1e-50 max entry)", dn.hp().digits(), BigDecimal.valueOf(worst - dd),
                    new BigDecimal("0.5"), "rank - D");
        }
    }

    /** edmonds/A4-g, Assumption 4 (i): more nodes M mean 'more' Dir_m not perpendicular to Loss (count and fraction with |cos| >= c0). */
    static final class MoreNodes extends TrendClaim {
        MoreNodes() {
            super("edmonds/A4-g");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("nets", 0, "random nets per width (0: 6 at CI, 20 at FULL/DEEP)"), ParamSpec.integer("D", 8, "training points"));
        }

        @Override
        protected void experiment(Params p, RunContext ctx, ClaimResult.Builder r) {
            int nets = Experiments.byLevel(p.integer("nets"), ctx, 6, 20, 20), d = p.integer("D");
            int[] ms = {4, 8, 16, 32, 64, 128};
            List<double[]> pts = Experiments.parallel(ms.length * nets, i -> {
                int m = ms[i / nets];
                NetCase c = NetCase.draw(8, new int[] {m}, true, "P1", "sigmoid", "sigmoid", 1.0, "sphere", "uniform", d, ctx.seedFor(id() + "#" + i));
                double[] cos = Angles.cosines(c.net(), c.theta(), c.x(), c.y());
                double n1 = Arrays.stream(cos).filter(v -> Math.abs(v) >= 0.1).count(), n3 = Arrays.stream(cos).filter(v -> Math.abs(v) >= 0.3).count();
                return new double[] {m, n1, n3, cos.length};
            });
            double[] x = pts.stream().mapToDouble(q -> q[0]).toArray();
            List<Plots.Series> series = new ArrayList<>();
            for (int which = 1; which <= 2; which++) {
                double c0 = which == 1 ? 0.1 : 0.3;
                int w = which;
                double[] count = pts.stream().mapToDouble(q -> q[w] + 0.5).toArray(), frac = pts.stream().mapToDouble(q -> (q[w] + 0.5) / q[3]).toArray();
                r.trend(Experiments.slope("count of m with |cos| >= " + c0 + " (+1/2): log-log slope in M", "log M", "log count", Experiments.log(x),
                        Experiments.log(count), null, "reported only: 'more' of them as M grows"));
                r.trend(Experiments.slope("fraction of m with |cos| >= " + c0 + ": log-log slope in M", "log M", "log fraction", Experiments.log(x),
                        Experiments.log(frac), 0.0, "the fraction does not grow (slope 0)"));
                series.add(Plots.Series.points("fraction |cos| >= " + c0, x, frac));
            }
            Experiments.plot(ctx, r, "fraction-vs-M.png", "edmonds A4-g: fraction of weights with |cos alpha_m| >= c0 (D = " + d + ")", "M", "fraction",
                    true, true, series);
        }
    }
}
