package overparam.claims.edmonds;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import overparam.claims.*;
import overparam.report.Plots;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** edmonds Assumption 3 (O(1) step size) with c_x, c_z and Lemma 2's justification: A3-a..A3-e. */
final class StepSize {
    private StepSize() {}

    /** gamma_uncapped = [C0 (1 + c_aaah L) ||J||_F^2]^-1, c_x = Avg_{d,l} |x_{d,l}|^2, c_z = Avg_{d,l} |delta_{d,l}|^2 of one instance. */
    record Measures(double gammaUncapped, double cx, double cz, double jf2, double q) {}

    static Measures measure(NetCase c, double c0, double caaah) {
        EdmondsNet net = c.net();
        int L = net.layers();
        double cx = 0, cz = 0, sumAB = 0;
        for (double[] x : c.x()) {
            EdmondsNet.Point pt = net.point(c.theta(), x, false);
            for (int l = 0; l < L; l++) {
                double a = pt.deltaNorm2(l), b = pt.xNorm2(l, net.bias());
                cx += b;
                cz += a;
                sumAB += a * b;
            }
        }
        int n = c.d() * L;
        cx /= n;
        cz /= n;
        double jf2 = Angles.frobenius2(Angles.jacobian(net, c.theta(), c.x()));
        return new Measures(1 / (c0 * (1 + caaah * L) * jf2), cx, cz, jf2, sumAB / (n * cx * cz));
    }

    static NetCase instance(int n, int layers, int width, String param, int d, long seed) {
        int[] hidden = new int[layers - 1];
        Arrays.fill(hidden, width);
        return NetCase.draw(n, hidden, false, param, "sigmoid", "sigmoid", 1.0, "sphere", "mid", d, seed);
    }

    /** edmonds/A3-a, Assumption 3 with Lemma 2: the uncapped step is theta(1/(c_x c_z D L^3)). */
    static final class LemmaTwoExponent extends TrendClaim {
        LemmaTwoExponent() {
            super("edmonds/A3-a");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("nets", 0, "random nets per depth (0: 8 at CI, 30 at FULL/DEEP)"), ParamSpec.integer("D", 8, "training points"),
                    ParamSpec.integer("M", 16, "hidden width"), ParamSpec.real("c0", 2, "C0"), ParamSpec.real("caaah", 1, "c_aaah"));
        }

        @Override
        protected boolean refutableByFit() {
            return true;
        }

        @Override
        protected void experiment(Params p, RunContext ctx, ClaimResult.Builder r) {
            int nets = Experiments.byLevel(p.integer("nets"), ctx, 8, 30, 30), d = p.integer("D");
            double c0 = p.real("c0"), c = p.real("caaah");
            List<Plots.Series> series = new ArrayList<>();
            for (String param : new String[] {"P2", "P1"}) {
                List<double[]> pts = Experiments.parallel(6 * nets, i -> {
                    int L = 1 + i / nets;
                    Measures m = measure(instance(5, L, p.integer("M"), param, d, ctx.seedFor(id() + "#" + param + "#" + i)), c0, c);
                    return new double[] {L, 1 / (m.gammaUncapped() * m.cx() * m.cz() * d), m.q()};
                });
                double[] ls = pts.stream().mapToDouble(q -> q[0]).toArray(), y = pts.stream().mapToDouble(q -> q[1]).toArray();
                r.trend(Experiments.slope(param + ": log(1/(gamma_uncapped c_x c_z D)) vs log L", "log L", "log(1/(gamma c_x c_z D))", Experiments.log(ls),
                        Experiments.log(y), 3.0, "Lemma 2 'proves' gamma = theta(1/(c_x c_z D L^3)): exponent 3"));
                r.number(param + " median Q = sum AB/(D L c_x c_z) per L", Arrays.toString(java.util.stream.IntStream.rangeClosed(1, 6)
                        .mapToDouble(L -> Experiments.median(pts.stream().filter(q -> q[0] == L).mapToDouble(q -> q[2]).toArray())).toArray()));
                series.add(Plots.Series.points(param, ls, y));
            }
            double[] ls = {1, 2, 3, 4, 5, 6}, formula = Arrays.stream(ls).map(L -> c0 * (1 + c * L) * L).toArray();
            r.trend(Experiments.slope("Lemma 2's own formula: log(C0 (1 + c_aaah L) L) vs log L", "log L", "log(C0(1+cL)L)", Experiments.log(ls),
                    Experiments.log(formula), null, "reported only: exponent 2 asymptotically (1 + c_aaah L times L), never 3"));
            series.add(Plots.Series.line("C0 (1 + c_aaah L) L (Lemma 2 formula)", ls, formula));
            Experiments.plot(ctx, r, "gamma-vs-L.png", "edmonds A3-a: 1/(gamma_uncapped c_x c_z D) vs L", "L", "1/(gamma c_x c_z D)", true, true, series);
        }
    }

    /** edmonds/A3-b, Assumption 3: the uncapped gamma shrinks like 1/D, the cap binds only in saturated regimes. */
    static final class CapActivity extends TrendClaim {
        CapActivity() {
            super("edmonds/A3-b");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("nets", 0, "random nets per D (0: 6 at CI, 20 at FULL/DEEP)"), ParamSpec.integer("steps", 300, "GD steps for cap counts"));
        }

        @Override
        protected void experiment(Params p, RunContext ctx, ClaimResult.Builder r) {
            int nets = Experiments.byLevel(p.integer("nets"), ctx, 6, 20, 20);
            int[] ds = {2, 4, 8, 16, 32, 64};
            List<Plots.Series> series = new ArrayList<>();
            for (String param : new String[] {"P1", "P2"}) {
                List<double[]> pts = Experiments.parallel(ds.length * nets, i -> {
                    int d = ds[i / nets];
                    Measures m = measure(instance(10, 2, 4 * d, param, d, ctx.seedFor(id() + "#" + param + "#" + i)), 2, 1);
                    return new double[] {d, m.gammaUncapped()};
                });
                double[] x = pts.stream().mapToDouble(q -> q[0]).toArray(), g = pts.stream().mapToDouble(q -> q[1]).toArray();
                r.trend(Experiments.slope(param + ", M = 4D, at init: log gamma_uncapped vs log D", "log D", "log gamma", Experiments.log(x),
                        Experiments.log(g), -1.0, "gamma_uncapped ~ 1/D"));
                series.add(Plots.Series.points(param + ", M = 4D", x, g));
            }
            series.add(Plots.Series.line("cap 1", new double[] {2, 64}, new double[] {1, 1}));
            Experiments.plot(ctx, r, "gamma-vs-D.png", "edmonds A3-b: uncapped step at initialisation vs D (cap at 1)", "D", "gamma_uncapped", true, true,
                    series);
            double[] scales = {0.5, 1, 2, 4, 8, 16};
            List<double[]> caps = Experiments.parallel(scales.length * nets, i -> {
                double s = scales[i / nets];
                NetCase c = NetCase.draw(10, new int[] {16}, true, "P1", "sigmoid", "sigmoid", s, "sphere", "mid", 4, ctx.seedFor(id() + "#cap#" + i));
                PaperGd.Run run = PaperGd.run(c.net(), c.theta(), c.x(), c.y(), new PaperGd.Config(2, 1, 0, p.integer("steps")));
                return new double[] {s, (double) run.capCount() / run.steps()};
            });
            double[] sx = caps.stream().mapToDouble(q -> q[0]).toArray(), frac = caps.stream().mapToDouble(q -> q[1]).toArray();
            for (double s : scales)
                r.number("fraction of GD steps with the cap active, weight scale " + s + " (D = 4, M = 16)",
                        Experiments.median(caps.stream().filter(q -> q[0] == s).mapToDouble(q -> q[1]).toArray()));
            double[] shifted = Arrays.stream(frac).map(f -> f + 1e-3).toArray();
            r.trend(Experiments.slope("cap-active fraction (+1e-3) vs log weight scale", "log scale", "log(fraction + 1e-3)", Experiments.log(sx),
                    Experiments.log(shifted), null, "reported only: the cap binds once the sigmoids saturate"));
        }
    }

    /** edmonds/A3-c, Assumption 3: c_x = Theta(1) for the literal parameterisation x = sigma(z) (P1). */
    static final class CxScaling extends TrendClaim {
        CxScaling() {
            super("edmonds/A3-c");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("nets", 0, "random nets per width (0: 4 at CI, 12 at FULL/DEEP)"), ParamSpec.integer("layers", 3, "L"));
        }

        @Override
        protected boolean refutableByFit() {
            return true;
        }

        @Override
        protected void experiment(Params p, RunContext ctx, ClaimResult.Builder r) {
            int nets = Experiments.byLevel(p.integer("nets"), ctx, 4, 12, 12), layers = p.integer("layers");
            int[] ms = {4, 8, 16, 32, 64, 128};
            List<Plots.Series> series = new ArrayList<>();
            for (String param : new String[] {"P1", "P2"}) {
                List<double[]> pts = Experiments.parallel(ms.length * nets, i -> {
                    int m = ms[i / nets];
                    Measures q = measure(instance(8, layers, m, param, 4, ctx.seedFor(id() + "#" + param + "#" + i)), 2, 1);
                    return new double[] {m, q.cx()};
                });
                double[] x = pts.stream().mapToDouble(q -> q[0]).toArray(), y = pts.stream().mapToDouble(q -> q[1]).toArray();
                r.trend(Experiments.slope(param + ": log c_x vs log M", "log M", "log c_x", Experiments.log(x), Experiments.log(y),
                        param.equals("P1") ? 0.0 : null, param.equals("P1") ? "c_x = Theta(1): slope 0" : "reported only (P2 is not the literal model)"));
                series.add(Plots.Series.points(param, x, y));
            }
            Experiments.plot(ctx, r, "cx-vs-M.png", "edmonds A3-c: c_x vs width M (L = " + layers + ")", "M", "c_x", true, true, series);
        }
    }

    /** edmonds/A3-d, Assumption 3: c_z = Theta(1), measured against M and L under P1 and P2. */
    static final class CzScaling extends TrendClaim {
        CzScaling() {
            super("edmonds/A3-d");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("nets", 0, "random nets per grid point (0: 4 at CI, 12 at FULL/DEEP)"));
        }

        @Override
        protected void experiment(Params p, RunContext ctx, ClaimResult.Builder r) {
            int nets = Experiments.byLevel(p.integer("nets"), ctx, 4, 12, 12);
            int[] ms = {4, 8, 16, 32, 64, 128};
            List<Plots.Series> series = new ArrayList<>();
            for (String param : new String[] {"P1", "P2"}) {
                for (double s : new double[] {1.0, 4.0}) {
                    if (param.equals("P2") && s != 1.0) continue;
                    List<double[]> byM = Experiments.parallel(ms.length * nets, i -> {
                        int m = ms[i / nets];
                        NetCase c = NetCase.draw(8, new int[] {m, m}, false, param, "sigmoid", "sigmoid", s, "sphere", "mid", 4,
                                ctx.seedFor(id() + "#M#" + param + s + "#" + i));
                        return new double[] {m, measure(c, 2, 1).cz()};
                    });
                    double[] x = byM.stream().mapToDouble(q -> q[0]).toArray(), y = byM.stream().mapToDouble(q -> q[1]).toArray();
                    r.trend(Experiments.slope(param + " (weight scale " + s + "): log c_z vs log M (L = 3)", "log M", "log c_z", Experiments.log(x),
                            Experiments.log(y), 0.0, "c_z = Theta(1): slope 0"));
                    series.add(Plots.Series.points(param + " scale " + s, x, y));
                }
                List<double[]> byL = Experiments.parallel(6 * nets, i -> {
                    int L = 1 + i / nets;
                    return new double[] {L, measure(instance(8, L, 16, param, 4, ctx.seedFor(id() + "#L#" + param + "#" + i)), 2, 1).cz()};
                });
                double[] x = byL.stream().mapToDouble(q -> q[0]).toArray(), y = byL.stream().mapToDouble(q -> q[1]).toArray();
                r.trend(Experiments.slope(param + ": log c_z vs L (M = 16)", "L", "log c_z", x, Experiments.log(y), 0.0,
                        "c_z = Theta(1) in depth: slope 0 (negative: geometric decay per layer)"));
            }
            Experiments.plot(ctx, r, "cz-vs-M.png", "edmonds A3-d: c_z vs width M (L = 3)", "M", "c_z", true, true, series);
        }
    }

    /** A step of the 1-D model of Sec 3.1: Error(w) = (w - w*)^2, w_new = w - gamma Error'(w). */
    record OneDim(double w, double target, double gamma) {}

    /** edmonds/A3-e, Assumption 3: every gamma <= 1 (including the cap value 1) decreases Error on (w - w*)^2. */
    static final class CapValue extends PropertyClaim {
        CapValue() {
            super("edmonds/A3-e");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<Double> ws = Arbitraries.doubles().between(-10, 10).ofScale(6);
            Arbitrary<Double> gammas = Arbitraries.oneOf(Arbitraries.doubles().between(1e-3, 1).ofScale(6), Arbitraries.just(1.0));
            Arbitrary<OneDim> gen = Combinators.combine(ws, ws, gammas).as(OneDim::new);
            return List.of(Property.of("decreases", OneDim.class)
                    .description("exact rational arithmetic: Error(w - gamma Error'(w)) < Error(w) for every 0 < gamma <= 1")
                    .generator("w, w* ~ U[-10, 10], gamma ~ U[1e-3, 1] or exactly 1", gen)
                    .hypotheses(o -> o.w() != o.target() && o.gamma() > 0 && o.gamma() <= 1 ? null : "needs w != w* and 0 < gamma <= 1")
                    .check(CapValue::decreases).certify((o, e) -> {
                        BigDecimal[] ee = exact(o);
                        boolean fails = ee[1].compareTo(ee[0]) >= 0;
                        return Certificate.of("exact BigDecimal arithmetic", 0, fails ? BigDecimal.ONE.negate() : BigDecimal.ZERO, BigDecimal.ZERO,
                                "Error_new - Error_old = " + ee[1].subtract(ee[0]).round(MathContext.DECIMAL64) + " (fact margin -1 = fails)");
                    }).tries(100).build());
        }

        static BigDecimal[] exact(OneDim o) {
            BigDecimal w = new BigDecimal(o.w()), t = new BigDecimal(o.target()), g = new BigDecimal(o.gamma());
            BigDecimal diff = w.subtract(t);
            BigDecimal wNew = w.subtract(g.multiply(diff).multiply(BigDecimal.valueOf(2)));
            BigDecimal dNew = wNew.subtract(t);
            return new BigDecimal[] {diff.multiply(diff), dNew.multiply(dNew)};
        }

        static Evidence decreases(OneDim o) {
            BigDecimal[] e = exact(o);
            return Evidence.fact("Error_new < Error_old", e[1].compareTo(e[0]) < 0).with("gamma", o.gamma())
                    .with("Error_new/Error_old", e[1].doubleValue() / e[0].doubleValue());
        }
    }
}
