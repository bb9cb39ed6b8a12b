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
import overparam.report.Plots;

import java.math.BigDecimal;
import java.util.*;

/** critical/C-06, C-07 (with remarks P7h, P7i), C-13, C-14.e: Theorem 1 and its direct consequences. */
final class TheoremClaims {
    private TheoremClaims() {}

    /** Hypotheses R1 (r > 0, cond(x') <= 1e8 as in the catalogue) and R3 (q > 0, finite bound). */
    static String r1r3(Machine m) {
        if (m.m() < m.dCount()) return "M < D";
        double r = m.r();
        if (!(r > 0) || Bounds.cond(m.features()) > 1e8) return "R1: x' rank-deficient or cond(x') > 1e8";
        Machine.Eval e = m.eval();
        if (!(e.q > 0) || !Double.isFinite(e.eps / (2 * e.q * r))) return "R3: q = 0 (or bound not finite)";
        return null;
    }

    // ------------------------------------------------------------------------------------------------ C-06

    /** critical/C-06, Theorem 1 part 1: with R1 and Full Range there are weights fitting every target exactly. */
    static final class Existence extends PropertyClaim {
        Existence() {
            super("critical/C-06");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("dMax", 8, "largest number of training points D"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int dMax = p.integer("dMax");
            Arbitrary<Machine> fullRange = Combinators.combine(Arbitraries.of("A", "R"), DataArbitraries.ints(1, dMax), DataArbitraries.ints(0, 4),
                    DataArbitraries.ints(1, 4), Arbitraries.of("full-range", "sigmoid"), DataArbitraries.seeds()).as((kind, d, extra, mp, nn3, seed) ->
                    Machines.build(kind, d, d + extra, mp, 1, nn3, 1.0, seed));
            Arbitrary<Machine> duplicates = Combinators.combine(DataArbitraries.ints(2, dMax), DataArbitraries.ints(0, 4), DataArbitraries.seeds())
                    .as((d, extra, seed) -> {
                        Machine m = Machines.build("R", d, d + extra, 1, 1, "full-range", 1.0, seed);
                        double[][] x = copy(m.xp());
                        for (double[] row : x) row[1] = row[0];
                        double[] y = m.y().clone();
                        y[1] = y[0] + 1;
                        return new Machine("duplicate-inputs", x, m.w(), m.nn3(), y);
                    });
            Arbitrary<Machine> dependent = Combinators.combine(DataArbitraries.ints(2, dMax), DataArbitraries.ints(0, 4), DataArbitraries.seeds())
                    .as((d, extra, seed) -> {
                        Machine m = Machines.machineC(d, d + extra, 1.0, seed);
                        double[][] x = copy(m.xp());
                        Random rng = new Random(seed + 1);
                        double[] c = new double[d - 1];
                        for (int j = 0; j < d - 1; j++) c[j] = rng.nextGaussian();
                        for (double[] row : x) {
                            double s = 0;
                            for (int j = 0; j < d - 1; j++) s += c[j] * row[j];
                            row[d - 1] = s;
                        }
                        return new Machine("dependent-features", x, m.w(), m.nn3(), m.y());
                    });
            Arbitrary<Machine> outside = Combinators.combine(DataArbitraries.ints(1, dMax), DataArbitraries.ints(0, 4), DataArbitraries.seeds())
                    .as((d, extra, seed) -> {
                        Machine m = Machines.build("R", d, d + extra, 1, 1, "sigmoid", 1.0, seed);
                        double[] y = m.y().clone();
                        y[0] = 2;
                        return new Machine("target-outside-range", m.xp(), m.w(), m.nn3(), y);
                    });
            return List.of(
                    Property.of("perfect-fit", Machine.class).search(SearchSpace.coordinates())
                            .description("z_d with NN_3(z_d) = y*_d by bisection along a ray, w = z x'^+ (Lemma 2); max_d |NN_w(x_d) - y*_d| ~ rounding")
                            .generator("machines A / R, D in [1," + dMax + "], M = D + [0,4], M' in [1,4], NN_3 full-range (a tanh + s 1^T z) or sigmoid with y* in (0.02, 0.98)", fullRange)
                            .hypotheses(m -> m.m() < m.dCount() || !(m.r() > 0) || Bounds.cond(m.features()) > 1e8 ? "R1 fails" : fullRange(m))
                            .check(TheoremClaims::perfectFit).certify(TheoremClaims::certifyFit).tries(60).build(),
                    Property.of("control-duplicate-inputs", Machine.class)
                            .description("FAIL (a): x'_1 = x'_2 with y*_1 != y*_2: no w fits (every w has max error >= |y1 - y2|/2)")
                            .generator("machine R with column 2 := column 1 and y*_2 = y*_1 + 1", duplicates)
                            .check(TheoremClaims::perfectFit).certify(TheoremClaims::certifyFit).expectRefuted().tries(10).build(),
                    Property.of("control-dependent-features", Machine.class)
                            .description("FAIL (b): identity NN_3, x'_D = sum c_d x'_d: a perfect fit needs y*_D = sum c_d y*_d")
                            .generator("machine C with column D a random combination of the others", dependent)
                            .check(TheoremClaims::perfectFit).certify(TheoremClaims::certifyFit).expectRefuted().tries(10).build(),
                    Property.of("control-target-outside-range", Machine.class)
                            .description("FAIL (c): NN_3 = sigmoid, y*_1 = 2 outside (0, 1): Full Range fails, error >= 1 for every w")
                            .generator("machine R with sigmoid NN_3 and y*_1 = 2", outside)
                            .check(TheoremClaims::perfectFit).certify(TheoremClaims::certifyFit).expectRefuted().tries(10).build());
        }
    }

    /**
     * Full Range along the bisection ray: a sigmoid output sig(l.z + c) (no hidden units, l != 0) reaches every target in
     * (0, 1); a bounded tanh/sigmoid layer plus a linear term with l.1 != 0 reaches every real target. Null if met.
     */
    static String fullRange(Machine m) {
        Stage3 f = m.nn3();
        boolean bounded = f.hidden().equals("tanh") || f.hidden().equals("sigmoid");
        if (f.outer().equals("sigmoid") && f.width() == 0 && Stage3.norm(f.l()) > 0) {
            for (double y : m.y()) if (!(y > 0 && y < 1)) return "Full Range: target " + y + " outside (0, 1)";
            return null;
        }
        double s = 0;
        for (double l : f.l()) s += l;
        return f.outer().equals("identity") && bounded && s != 0 ? null : "Full Range not established for this NN_3";
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    /** Ray direction along which NN_3 covers its range: l for a sigmoid output, (1, ..., 1) otherwise. */
    static double[] ray(Stage3 nn3) {
        if (nn3.outer().equals("sigmoid")) return nn3.l().clone();
        double[] v = new double[nn3.mPrime()];
        Arrays.fill(v, 1);
        return v;
    }

    /** z with NN_3(z) = y by bisection on t -> NN_3(t v) (intermediate value theorem); best endpoint if y is not bracketed. */
    static double[] solveStage3(Stage3 nn3, double y) {
        double[] v = ray(nn3);
        java.util.function.DoubleUnaryOperator f = t -> nn3.value(scale(v, t)) - y;
        double lo = -1, hi = 1;
        for (int i = 0; i < 60 && f.applyAsDouble(lo) * f.applyAsDouble(hi) > 0; i++) {
            lo *= 2;
            hi *= 2;
        }
        if (f.applyAsDouble(lo) * f.applyAsDouble(hi) > 0)
            return scale(v, Math.abs(f.applyAsDouble(lo)) < Math.abs(f.applyAsDouble(hi)) ? lo : hi);
        double flo = f.applyAsDouble(lo);
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) break;
            double fm = f.applyAsDouble(mid);
            if (fm == 0) return scale(v, mid);
            if ((fm < 0) == (flo < 0)) {
                lo = mid;
                flo = fm;
            } else hi = mid;
        }
        return scale(v, Math.abs(f.applyAsDouble(lo)) < Math.abs(f.applyAsDouble(hi)) ? lo : hi);
    }

    static double[] scale(double[] v, double t) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) o[i] = t * v[i];
        return o;
    }

    /** Theorem 1 part 1's construction: targets z_d, then w = z x'^+ (the min-norm solution of Lemma 2). */
    static Machine construct(Machine m) {
        int mp = m.nn3().mPrime(), d = m.dCount();
        double[][] z = new double[mp][d];
        for (int j = 0; j < d; j++) {
            double[] zj = solveStage3(m.nn3(), m.y()[j]);
            for (int k = 0; k < mp; k++) z[k][j] = zj[k];
        }
        DMatrixRMaj w = Linalg.mult(Linalg.of(z), Linalg.pinv(m.features()));
        return m.withWeights(Linalg.toArray(w));
    }

    static Evidence perfectFit(Machine m) {
        Machine fit = construct(m);
        Machine.Eval e = fit.eval();
        double cond = effectiveCond(m.features());
        double zScale = 0, gz = 0;
        for (int d = 0; d < e.z.length; d++) {
            zScale = Math.max(zScale, Stage3.norm(e.z[d]));
            gz += e.gNorm[d];
        }
        double tol = 64 * Linalg.EPS * e.size() * (e.residualScale() + gz * zScale * cond * Math.sqrt(m.dCount()));
        Evidence ev = Evidence.le("max_d |NN_w(x_d) - y*_d| at w = z x'^+", e.maxRes, 0, tol).with("r", m.r());
        if (m.kind().equals("duplicate-inputs")) ev = ev.with("lower bound for every w: |y1 - y2|/2", Math.abs(m.y()[0] - m.y()[1]) / 2);
        return ev;
    }

    /** sigma_max / (smallest singular value above the rank tolerance): the condition number the pseudo-inverse works with. */
    static double effectiveCond(DMatrixRMaj x) {
        double[] s = Linalg.singularValues(x);
        int rank = Linalg.rank(x);
        return rank == 0 ? 1 : s[0] / s[rank - 1];
    }

    static Certificate certifyFit(Machine m, Evidence e) {
        HighPrecision hp = new HighPrecision(60);
        Machine.HpEval he = construct(m).eval(hp);
        return Certificate.of("Dfp 60 digits at the constructed w", hp.digits(), BigDecimal.valueOf(e.tolerance()).subtract(Hp.big(he.maxRes)),
                BigDecimal.ZERO, "max|res| = " + he.maxRes);
    }

    // ------------------------------------------------------------------------------------------------ C-07

    /** critical/C-07, Theorem 1 part 2: max_d |res_d| <= eps/(2 q r) at every w (eps = |grad_w Error|). */
    static final class MainBound extends ReportedClaim {
        MainBound() {
            super("critical/C-07");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("dMax", 8, "largest number of training points D"),
                    ParamSpec.integer("extraMax", 6, "M ranges over D .. D + extraMax"),
                    ParamSpec.integer("gdSteps", 300, "GD iterations per instance of property P7e"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int dMax = p.integer("dMax"), extra = p.integer("extraMax"), gdSteps = p.integer("gdSteps");
            Arbitrary<Machine> any = Machines.any(dMax, 0, extra);
            Arbitrary<Machine> saturated = Combinators.combine(DataArbitraries.ints(1, dMax), DataArbitraries.ints(0, extra), DataArbitraries.ints(1, 4),
                    DataArbitraries.seeds()).as((d, e, mp, seed) -> Machines.saturatedSigmoid(d, d + e, mp, seed));
            Arbitrary<Machine> tight = Combinators.combine(Arbitraries.of("A", "B", "C", "R"), DataArbitraries.ints(0, extra), DataArbitraries.ints(1, 4),
                    Arbitraries.of(Machines.NN3), DataArbitraries.seeds()).as((k, e, mp, nn3, seed) -> Machines.build(k, 1, 1 + e, mp, 2, nn3, 1.0, seed));
            Arbitrary<Machine> small = Machines.any(Math.min(dMax, 5), 0, Math.min(extra, 4));
            Arbitrary<Machine> narrow = Combinators.combine(DataArbitraries.ints(2, dMax), DataArbitraries.seeds()).as((d, seed) -> {
                Machine m = Machines.machineC(d, d - 1, 1.0, seed);
                return m.withWeights(Linalg.toArray(Linalg.mult(Linalg.of(new double[][] {m.y()}), Linalg.pinv(m.features()))));
            });
            Arbitrary<Machine> dead = Combinators.combine(DataArbitraries.ints(1, dMax), DataArbitraries.ints(0, extra), DataArbitraries.seeds())
                    .as((d, e, seed) -> Machines.deadRelu(d, d + e, seed));
            String gen = "machines A (tanh layer), B (triangular), C (identity), R (x' = U diag(s) V^T, r = 10^U[-6,0]); D in [1," + dMax
                    + "], M = D + [0," + extra + "], M' in [1,4], NN_3 tanh-net / full-range / sigmoid, w ~ N(0, s^2), s in {0.01, 1, 50}";
            return List.of(
                    Property.of("P7a-pointwise", Machine.class).search(SearchSpace.coordinates())
                            .description("max_d |res_d| <= |grad_w Error| / (2 q r) at arbitrary weights (the theorem as a pointwise inequality)")
                            .generator(gen, any).hypotheses(TheoremClaims::r1r3)
                            .check(m -> Bounds.theorem(m.eval(), m.r(), Bounds.cond(m.features())))
                            .certify((m, e) -> Bounds.certify(m, null)).tries(150).build(),
                    Property.of("P7a-saturated-sigmoid", Machine.class).search(SearchSpace.coordinates())
                            .description("sigmoid NN_3 with |l.z_d + c| in [30, 40]: q ~ e^-30, the bound holds (and is huge)")
                            .generator("saturated sigmoid output, x' with r = 1/2, D in [1," + dMax + "]", saturated).hypotheses(TheoremClaims::r1r3)
                            .check(m -> Bounds.theorem(m.eval(), m.r(), Bounds.cond(m.features())))
                            .certify((m, e) -> Bounds.certify(m, null)).tries(30).build(),
                    Property.of("P7b-l2", Machine.class).search(SearchSpace.coordinates())
                            .description("[derived, stronger] ||res||_2 <= eps/(2 q r) (Lemma 1 with x' on the left, |R|_F >= q ||res||)")
                            .generator(gen, any).hypotheses(TheoremClaims::r1r3)
                            .check(m -> Bounds.l2(m.eval(), m.r(), Bounds.cond(m.features()))).tries(100).build(),
                    Property.of("P7c-per-d", Machine.class).search(SearchSpace.coordinates())
                            .description("[derived, per d] |res_d| <= eps ||row_d(x'^+)|| / (2 |g_d|)")
                            .generator(gen, any).hypotheses(TheoremClaims::r1r3)
                            .check(m -> Bounds.perD(m.eval(), Bounds.cond(m.features()))).tries(100).build(),
                    Property.of("P7d-tightness", Machine.class)
                            .informative()
                            .description("D = 1: |grad E| = 2 |res| |g| |x'_1| exactly, so the bound holds with equality (ratio 1)")
                            .generator("machines A/B/C/R with D = 1", tight).hypotheses(TheoremClaims::r1r3)
                            .check(TheoremClaims::tightness).tries(30).build(),
                    Property.of("P7e-gradient-descent", Machine.class)
                            .description("GD w <- w - grad/L from the generated weights: the bound holds at every iterate (eps_t, q_t recomputed)")
                            .generator("machines as P7a with D <= 5, " + gdSteps + " GD steps, eta = 1/L (global Lipschitz bound)", small)
                            .hypotheses(m -> r1r3(m) != null ? r1r3(m) : m.nn3().hidden().equals("relu") ? "not smooth" : null)
                            .check(m -> gdBound(m, gdSteps)).tries(25).build(),
                    Property.of("control-P7f-width", Machine.class)
                            .description("FAIL: R1 dropped (machine C with M = D - 1): w* = y* x'^+ is critical (eps ~ 0) with res != 0; "
                                    + "the bound with r+ = smallest nonzero singular value of x' fails")
                            .generator("machine C, D in [2," + dMax + "], M = N = D - 1, identity NN_3, w = y* x'^+", narrow)
                            .check(TheoremClaims::widthControl).certify(TheoremClaims::certifyWidthControl).expectRefuted().tries(10).build(),
                    Property.of("control-P7g-dead-relu", Machine.class)
                            .description("FAIL: R3 dropped (NN_3 = relu, all z_d < 0): grad Error = 0 but res_d = -y*_d; the bound with the ReLU's slope q = 1 fails")
                            .generator("x' > 0, w < 0 entrywise, y* in [0.5, 1.5]", dead)
                            .check(m -> Bounds.theoremAssumingQ(m.eval(), m.r(), Bounds.cond(m.features()), 1.0, "max|res| <= eps/(2 * 1 * r) (q = relu slope 1)"))
                            .certify((m, e) -> Bounds.certify(m, 1.0)).expectRefuted().tries(10).build());
        }

        @Override
        protected void report(Params p, RunContext ctx, Report r) {
            E1.Result res = E1.get(ctx);
            r.number("E1 gradient descent runs (eta = 1/L, stop at loss <= 1e-28 (1+|y|^2) or " + res.steps() + " steps)", res.table());
            double worst = 0;
            for (GdRuns.Log l : res.logs()) if (l.r() > 0) worst = Math.max(worst, l.maxRatio());
            r.number("E1 largest bound ratio max|res| 2 q r / eps over all iterates with M >= D", worst);
            r.attachment(E1.ratioPlot(res, ctx.attachmentsDir(id())));
            r.attachment(E1.csv(res, ctx.attachmentsDir(id())));
        }
    }

    static Evidence tightness(Machine m) {
        Machine.Eval e = m.eval();
        double x = Stage3.norm(m.column(0));
        double rhs = 2 * Math.abs(e.res[0]) * e.gNorm[0] * x;
        return Evidence.eq("D = 1: |grad E| == 2 |res| |g| |x'_1|", e.eps, rhs, 64 * Linalg.EPS * e.size() * Math.max(rhs, Double.MIN_NORMAL))
                .with("bound ratio", e.maxRes * 2 * e.q * m.r() / e.eps);
    }

    static Evidence gdBound(Machine m, int steps) {
        GdRuns.Log log = GdRuns.run("P7e", m, steps, true);
        return log.worst().with("steps", log.steps()).with("final loss", log.finalLoss()).with("loss monotone", log.monotone());
    }

    /** The width control: the bound with r+ (smallest nonzero singular value) at the least-squares critical point. */
    static Evidence widthControl(Machine m) {
        Machine.Eval e = m.eval();
        double[] s = Linalg.singularValues(m.features());
        double rPlus = s[s.length - 1];
        return Bounds.theoremAssumingQ(e, rPlus, s[0] / rPlus, e.q, "critical point (eps ~ 0): max|res| <= eps/(2 q r+)")
                .with("r = sigma_min(x') (M < D)", m.r()).with("r+", rPlus);
    }

    static Certificate certifyWidthControl(Machine m, Evidence e) {
        HighPrecision hp = new HighPrecision(60);
        Machine.HpEval he = m.eval(hp);
        Dfp rPlus = hp.sigmaMin(hp.of(m.xp())); // M < D: sqrt(lambda_min(x' x'^T)), the smallest nonzero singular value
        Dfp margin = he.eps.divide(he.q.multiply(rPlus).multiply(2)).subtract(he.maxRes);
        return Certificate.of("Dfp 60 digits", hp.digits(), Hp.big(margin), new BigDecimal("1e-40"),
                "eps = " + he.eps + ", max|res| = " + he.maxRes + ", r+ = " + rPlus);
    }

    // ------------------------------------------------------------------------------------------------ C-07.P7h / P7i

    /**
     * The reading of "r and q should be approximately equal to one": at least this value. Default 1/10 (within an order of
     * magnitude): the most charitable reading under which eps/(2qr) is still a fixed multiple of eps.
     */
    static ParamSpec approximatelyOne() {
        return ParamSpec.real("atLeast", 0.1, "'approximately one' read as >= atLeast (default 1/10: within an order of magnitude, the most charitable "
                + "reading that still makes eps/(2qr) a fixed multiple of eps)");
    }

    static String reading(double atLeast) {
        return "'approximately one' read as >= " + atLeast + (atLeast == 0.1 ? " (within a factor 10)" : "");
    }

    /** critical/C-07.P7h: 'q should be approximately one' at trained weights; sigmoid NN_3 with targets near 1 saturates. */
    static final class RemarkQ extends PropertyClaim {
        RemarkQ() {
            super("critical/C-07.P7h");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("gdSteps", 500, "GD iterations from w = 0"), approximatelyOne());
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int steps = p.integer("gdSteps");
            double atLeast = p.real("atLeast");
            Arbitrary<Machine> gen = Combinators.combine(DataArbitraries.ints(1, 5), DataArbitraries.ints(0, 3), DataArbitraries.ints(1, 3),
                    Arbitraries.of(1e-2, 1e-3), DataArbitraries.seeds()).as(RemarkQ::machine);
            String g = "x' = U diag(s) V^T with s in [1/2, 1], D in [1,5], M = D + [0,3], NN_3(z) = sig(l.z), |l| = 4 (peak slope 1), "
                    + "y*_d in [1 - delta, 1 - delta/2], delta in {1e-2, 1e-3}, w_0 = 0, " + steps + " GD steps";
            return List.of(
                    Property.of("q-approximately-one", Machine.class)
                            .description(reading(atLeast) + ", for q at the weights reached by GD; at the fit q = |l| y*(1 - y*) ~ 4 delta, so every fixed "
                                    + "threshold fails as delta -> 0")
                            .generator(g, gen).check(m -> qAfterTraining(m, steps, atLeast)).certify((m, e) -> certifyQ(m, steps, atLeast)).tries(20).build(),
                    Property.of("bound-with-q-1", Machine.class)
                            .description("the bound with the assumed q = 1: max|res| <= eps/(2 r) at the trained weights")
                            .generator(g, gen)
                            .check(m -> {
                                Machine t = trained(m, steps);
                                return Bounds.theoremAssumingQ(t.eval(), t.r(), Bounds.cond(t.features()), 1.0, "max|res| <= eps/(2 * 1 * r)");
                            }).certify((m, e) -> Bounds.certify(trained(m, steps), 1.0)).tries(20).build(),
                    Property.of("bound-with-true-q", Machine.class)
                            .informative()
                            .description("the bound with the true q_t holds at the same weights (Theorem 1)")
                            .generator(g, gen)
                            .check(m -> {
                                Machine t = trained(m, steps);
                                return Bounds.theorem(t.eval(), t.r(), Bounds.cond(t.features()));
                            }).tries(20).build());
        }

        static Machine machine(int d, int extra, int mp, double delta, long seed) {
            Random rng = new Random(seed);
            double[][] xp = Machines.prescribed(d + extra, d, 0.5, 1.0, rng);
            double[] l = new double[mp];
            for (int j = 0; j < mp; j++) l[j] = rng.nextGaussian();
            double n = Stage3.norm(l);
            for (int j = 0; j < mp; j++) l[j] *= 4 / n;
            double[] y = new double[d];
            for (int j = 0; j < d; j++) y[j] = 1 - delta * (0.5 + 0.5 * rng.nextDouble());
            return new Machine("sigmoid-near-1", xp, new double[mp][d + extra], Stage3.sigmoidOutput(l, 0), y);
        }

        static Machine trained(Machine m, int steps) {
            return m.withWeights(GdRuns.run("P7h", m, steps, false).finalWeights());
        }

        static Evidence qAfterTraining(Machine m, int steps, double atLeast) {
            Machine t = trained(m, steps);
            Machine.Eval e = t.eval();
            double gap = Double.POSITIVE_INFINITY;
            for (double y : m.y()) gap = Math.min(gap, 1 - y);
            return Evidence.ge("q = min_d |grad NN_3(z_d)| >= " + atLeast + " after training (" + reading(atLeast) + ")", e.q, atLeast, 64 * Linalg.EPS * e.size())
                    .with("reading", reading(atLeast)).with("max|res|", e.maxRes).with("eps", e.eps).with("q at w_0", m.eval().q)
                    .with("min_d (1 - y*_d)", gap);
        }

        static Certificate certifyQ(Machine m, int steps, double atLeast) {
            HighPrecision hp = new HighPrecision(60);
            Machine.HpEval he = trained(m, steps).eval(hp);
            return Certificate.of("Dfp 60 digits at the trained weights", hp.digits(), Hp.big(he.q.subtract(hp.of(atLeast))), new BigDecimal("1e-40"),
                    "q = " + he.q);
        }
    }

    // ------------------------------------------------------------------------------------------------ C-07.P7i

    /** A feature construction of the paper: family and D (random families also a seed), x' is M x D with M = D. */
    public record Construction(String family, int d, long seed) {
        double[][] matrix() {
            return Features.matrix(family, d, d, seed);
        }
    }

    /** critical/C-07.P7i: 'r should be approximately one' for the paper's constructions (random M = D, double Vandermonde, triangular). */
    static final class RemarkR extends ReportedClaim {
        RemarkR() {
            super("critical/C-07.P7i");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("dMax", 12, "largest D of the constructions"), approximatelyOne());
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int dMax = p.integer("dMax");
            double atLeast = p.real("atLeast");
            Arbitrary<Construction> gen = Combinators.combine(Arbitraries.of(Features.TRIANGULAR, Features.GAUSS, Features.SIGMOID),
                    DataArbitraries.ints(1, dMax), DataArbitraries.seeds()).as(Construction::new);
            return List.of(Property.of("r-approximately-one", Construction.class)
                    .description(reading(atLeast) + ", for r = sigma_min(x') (M = D) unnormalised (the charitable side: r / max column norm is smaller "
                            + "still); random features have N(0, 1/M) entries (unit-norm columns on average), median r ~ 0.63/D")
                    .generator("family in {triangular, random N(0,1/M), double Vandermonde sig(d i)}, D in [1," + dMax + "]", gen)
                    .check(c -> {
                        double[][] x = c.matrix();
                        double r = Linalg.scalingFactor(Linalg.of(x));
                        return Evidence.ge("r = sigma_min(x') >= " + atLeast + " (" + reading(atLeast) + ")", r, atLeast,
                                        Linalg.tolerance(Linalg.spectralNorm(Linalg.of(x)), c.d()))
                                .with("reading", reading(atLeast)).with("r / max column norm", r / Features.maxColumnNorm(x));
                    })
                    .certify((c, e) -> RemarkR.certify(c, atLeast)).tries(40).build());
        }

        static Certificate certify(Construction c, double atLeast) {
            HighPrecision hp = new HighPrecision(80);
            Dfp[][] a = Features.deterministic(c.family()) ? Features.hpMatrix(c.family(), c.d(), c.d(), hp) : hp.of(c.matrix());
            double s = Hp.sigmaMinSquare(hp, a);
            return Certificate.of("Dfp 80 digits: 1 / sigma_max(A^-1), A^-1 by Gauss-Jordan", hp.digits(),
                    BigDecimal.valueOf(s).subtract(BigDecimal.valueOf(atLeast)), new BigDecimal("1e-12"), "sigma_min = " + s);
        }

        @Override
        protected void report(Params p, RunContext ctx, Report r) {
            ScalingTable.Result t = ScalingTable.get(ctx);
            r.number("scaling factor r(D) of the paper's constructions", t.summary());
            for (java.nio.file.Path f : ScalingTable.plots(t, ctx.attachmentsDir(id()))) r.attachment(f);
        }
    }

    // ------------------------------------------------------------------------------------------------ C-13

    /** critical/C-13: every critical point of a sensitive machine with r > 0 has zero loss; Error <= D (eps/(2qr))^2 at eps-critical points. */
    static final class NoBadCriticalPoints extends ReportedClaim {
        NoBadCriticalPoints() {
            super("critical/C-13");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("gdSteps", 400, "GD iterations per instance"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int steps = p.integer("gdSteps");
            Arbitrary<Machine> gen = Machines.any(5, 0, 4);
            Arbitrary<Machine> narrow = Combinators.combine(DataArbitraries.ints(2, 8), DataArbitraries.seeds()).as((d, seed) -> Machines.machineC(d, d - 1, 1.0, seed));
            Arbitrary<Machine> linear = Combinators.combine(Arbitraries.of("B", "C", "R"), DataArbitraries.ints(1, 8), DataArbitraries.ints(0, 8), DataArbitraries.seeds())
                    .as((k, d, e, seed) -> {
                        Machine m = Machines.build(k, d, d + e, 1, 1, "full-range", 1.0, seed);
                        return k.equals("R") ? new Machine("R-identity", m.xp(), m.w(), Stage3.identity(), m.y()) : m;
                    });
            return List.of(
                    Property.of("identity-stage3-linear-rate", Machine.class)
                            .description("[derived, catalogue P7e] identity NN_3 (machines B, C, R), M >= D: GD with eta = 1/(2 sigma_max^2) drives the residual to 0, "
                                    + "|res_t| <= (1 - r^2/sigma_max^2)^t |res_0| at every iterate (checked in log space, 3000 steps)")
                            .generator("machines B (triangular), C (Gaussian), R (prescribed r) with identity NN_3, D in [1,8], M = D + [0,8]", linear)
                            .hypotheses(TheoremClaims::r1r3).check(NoBadCriticalPoints::linearRate).tries(40).build(),
                    Property.of("loss-at-eps-critical-points", Machine.class)
                            .description("along GD: Error(w_t) <= D (eps_t / (2 q_t r))^2 at every iterate; at the final iterate eps_t is small")
                            .generator("machines A/B/C/R, D in [1,5], M = D + [0,4], " + steps + " GD steps", gen)
                            .hypotheses(m -> r1r3(m) != null ? r1r3(m) : m.nn3().hidden().equals("relu") ? "not smooth" : null)
                            .check(m -> lossBound(m, steps)).tries(25).build(),
                    Property.of("control-width-bad-critical-point", Machine.class)
                            .description("FAIL: M = D - 1 (machine C): GD converges to a critical point with Error > 0; Error <= D (eps/(2 q r+))^2 fails")
                            .generator("machine C with M = N = D - 1, D in [2,8], identity NN_3, 20000 GD steps", narrow)
                            .check(m -> {
                                Machine t = m.withWeights(GdRuns.run("C-13 control", m, 20_000, false).finalWeights());
                                double[] s = Linalg.singularValues(t.features());
                                Machine.Eval e = t.eval();
                                double b = e.eps / (2 * e.q * s[s.length - 1]);
                                return Evidence.le("Error <= D (eps/(2 q r+))^2 at the GD limit", e.error, m.dCount() * b * b,
                                        64 * Linalg.EPS * e.size() * e.residualScale() * e.residualScale()).with("eps", e.eps);
                            }).expectRefuted().tries(5).build());
        }

        /** Identity NN_3: res_t = (I - 2 eta x'^T x')^t res_0 with eta = 1/(2 sigma_max^2), so |res_t| <= (1 - r^2/sigma_max^2)^t |res_0|. */
        static Evidence linearRate(Machine m) {
            double smax = Linalg.spectralNorm(m.features()), r = m.r();
            double logRho = Math.max(Math.log1p(-r * r / (smax * smax)), -700); // rho = 0 (r = sigma_max): one step
            return GdRuns.geometricDecay(m, logRho, 3000).with("rho", Math.exp(logRho));
        }

        static Evidence lossBound(Machine m, int steps) {
            double r = m.r(), cond = Bounds.cond(m.features());
            Evidence worst = null;
            Machine cur = m;
            double eta = GdRuns.stepSize(m);
            for (int t = 0; t <= steps; t++) {
                Machine.Eval e = cur.eval();
                double b = e.eps / (2 * e.q * r);
                double tolB = Bounds.tolerance(e, b, e.q * r, cond);
                Evidence ev = Evidence.le("Error(w_t) <= D (eps_t/(2 q_t r))^2", e.error, m.dCount() * b * b,
                        m.dCount() * (2 * b * tolB + tolB * tolB) + 2 * Math.sqrt(e.error) * 32 * Linalg.EPS * e.size() * e.residualScale()).with("iterate", t);
                if (worst == null || ev.slack() < worst.slack()) worst = ev;
                cur = GdRuns.step(cur, e, eta);
            }
            return worst;
        }

        @Override
        protected void report(Params p, RunContext ctx, Report r) {
            E1.Result res = E1.get(ctx);
            List<Map<String, Object>> finals = new ArrayList<>();
            for (Map<String, Object> row : res.table()) {
                Map<String, Object> f = new LinkedHashMap<>();
                for (String k : List.of("machine", "D", "M", "r", "steps", "final loss", "final eps", "interpolates (loss <= 1e-20)")) f.put(k, row.get(k));
                finals.add(f);
            }
            r.number("E1 final losses (expected: 0 for M >= D; > 0 for M = D - 1 with identity NN_3)", finals);
            r.attachment(E1.lossPlot(res, ctx.attachmentsDir(id())));
        }
    }

    // ------------------------------------------------------------------------------------------------ C-14.e

    /** critical/C-14.e: P = O(M) trained parameters: Theorem 1 with M' = 1 (P = M) and a scalar NN_3. */
    static final class LinearParameterCount extends PropertyClaim {
        LinearParameterCount() {
            super("critical/C-14.e");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<Machine> gen = Combinators.combine(Arbitraries.of("A", "B", "C", "R"), DataArbitraries.ints(1, 10), DataArbitraries.ints(0, 6),
                    Arbitraries.of(Machines.NN3), Arbitraries.of(1.0, 0.01, 50.0), DataArbitraries.seeds())
                    .as((k, d, e, nn3, s, seed) -> Machines.build(k, d, d + e, 1, 3, nn3, s, seed));
            return List.of(Property.of("scalar-stage3", Machine.class).search(SearchSpace.coordinates())
                    .description("M' = 1: P = M trained weights (one wide layer, the others one node): the count and the bound max|res| <= eps/(2qr)")
                    .generator("machines A/B/C/R with M' = 1, D in [1,10], M = D + [0,6]", gen)
                    .hypotheses(m -> m.mPrime() != 1 ? "M' != 1 (P = M M' != M)" : r1r3(m))
                    .check(m -> Bounds.theorem(m.eval(), m.r(), Bounds.cond(m.features())).with("P = M M'", m.m() * m.mPrime()))
                    .certify((m, e) -> Bounds.certify(m, null)).tries(80).build());
        }
    }
}
