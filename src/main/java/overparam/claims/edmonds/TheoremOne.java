package overparam.claims.edmonds;

import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.linalg.HighPrecision;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** edmonds Theorem 1 (Time), instance-by-instance parts: T1-a, T1-e, T1-f, T1-g, T1-h. */
final class TheoremOne {
    private TheoremOne() {}

    static List<Double> list(String s) {
        return Arrays.stream(Experiments.doubles(s)).boxed().toList();
    }

    /** The statement generator of the GD properties: small nets, non-saturated weight scales, interior targets. */
    static NetCase.Spec gdSpec(Params p) {
        return NetCase.Spec.of().layers(1, 3).widths(1, 8).inputDim(1, 6).points(1, 8).scales(list(p.string("scales")).toArray(Double[]::new))
                .targets("interior");
    }

    static String noCap(GdCase g) {
        PaperGd.Run run = g.run();
        return run.capCount() > 0 ? "the cap gamma <= 1 binds in " + run.capCount() + " steps (saturated regime)" : null;
    }

    /**
     * The absolute rounding error of a computed Error = sum_d (NN_d - y_d)^2 near e: each residual of outputs and targets in
     * [0, 1] is off by up to about 2 eps, so |Delta Error| <= 2 (2 eps) sqrt(D e) + D (2 eps)^2 (it dominates once Error ~ D eps^2).
     */
    static double roundingFloor(double e, int points) {
        double r = 2 * overparam.linalg.Linalg.EPS;
        return 4 * r * Math.sqrt(points * e) + 2 * points * r * r;
    }

    /** edmonds/T1-a, Theorem 1 (Sec 3.2 one-step chain): Error_{t+1} <= Error_t - gamma_t |grad Error|^2 / 2 along GD. */
    static final class StepMechanism extends PropertyClaim {
        StepMechanism() {
            super("edmonds/T1-a");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("steps", 100, "GD steps per instance (checked at every step)"),
                    ParamSpec.string("c0", "2,4,8", "hidden constant C0 of the step rule (C0 >= 2)"),
                    ParamSpec.string("caaah", "0.5,1,2", "c_aaah of the step rule"),
                    ParamSpec.string("scales", "0.5,1,2", "weight scales of the statement generator (non-saturated)"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int steps = p.integer("steps");
            var statement = GdCase.arbitrary(gdSpec(p), list(p.string("c0")), list(p.string("caaah")), steps);
            var adversarial = GdCase.arbitrary(NetCase.Spec.of().layers(1, 3).widths(1, 8).inputDim(1, 6).points(1, 8).scales(4.0, 8.0, 16.0)
                    .targets("interior", "binary"), List.of(2.0), List.of(0.0, 0.5), steps);
            return List.of(
                    Property.of("armijo-half", GdCase.class)
                            .description("at every uncapped GD step: Error_{t+1} <= Error_t - (1/2) gamma_t |grad Error_t|^2 (C0 >= 2)")
                            .generator(gdSpec(p).describe() + "; C0 in " + p.string("c0") + ", c_aaah in " + p.string("caaah") + ", " + steps + " steps", statement)
                            .hypotheses(g -> g.c0() >= 2 && g.caaah() > 0 ? noCap(g) : "needs C0 >= 2 and c_aaah > 0")
                            .check(g -> armijo(g.run(), g.net().y().length)).tries(40).build(),
                    Property.of("adversarial-saturated", GdCase.class)
                            .description("informative: large weights (saturated sigmoids, cap active), binary targets, c_aaah in {0, 1/2}")
                            .generator("weight scale 4..16, targets interior/binary, C0 = 2, c_aaah in {0, 0.5}", adversarial)
                            .check(g -> armijo(g.run(), g.net().y().length)).informative().tries(20).build());
        }

        /** The tightest step of a run: realised decrease against half the first-order prediction pred_t = gamma_t |grad E_t|^2. */
        static Evidence armijo(PaperGd.Run run, int points) {
            Evidence worst = null;
            double worstSlack = Double.POSITIVE_INFINITY;
            for (int t = 0; t < run.steps(); t++) {
                double e = run.error()[t];
                if (e == 0) continue;
                double pred = 4 * run.gamma()[t] * run.kappa()[t] * e * run.jf2()[t];
                double tol = 64 * overparam.linalg.Linalg.EPS * e * (points + 1) + roundingFloor(e, points);
                double slack = (e - pred / 2 - run.error()[t + 1] + tol) / e;
                if (slack < worstSlack) {
                    worstSlack = slack;
                    worst = Evidence.le("Error_{t+1} <= Error_t - gamma_t |grad E_t|^2 / 2", run.error()[t + 1], e - pred / 2, tol)
                            .with("t", t).with("kappa_t", run.kappa()[t]).with("gamma_t", run.gamma()[t]).with("capped", run.capped()[t])
                            .with("realised/predicted decrease", (e - run.error()[t + 1]) / pred);
                }
            }
            return worst == null ? Evidence.fact("zero error from the start", true) : worst.with("capSteps", run.capCount());
        }
    }

    /**
     * edmonds/T1-e, Theorem 1: with interior targets T(eps) is linear in log(1/eps) (local linear convergence). Read as
     * charitably as a finite run allows: the iterations per decade of Error, I_k = T_k - T_{k-1}, may jump (a fast mode
     * dies out and hands over to a slower one) but do not keep growing geometrically. It fails only when each of the last
     * two decades costs more than twice the decade before (+3 for integer first-passage times): a rate T ~ eps^-p
     * multiplies I_k by 10^p per decade (p >= log10 2 is caught), the 1/t law of binary targets by 10.
     */
    static final class EpsScaling extends PropertyClaim {
        EpsScaling() {
            super("edmonds/T1-e");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("decades", 10, "decades of Error below Error_0 to descend (interior targets, at least 3)"),
                    ParamSpec.integer("cap", 40000, "iteration cap per run"));
        }

        static NetCase.Spec spec(String targets) {
            return NetCase.Spec.of().layers(2, 2).widths(12, 16).inputDim(3, 6).points(1, 3).scales(1.0).bias(true).targets(targets);
        }

        /** Theorem 1's setting for the local regime: targets inside [0.2, 0.8] (the 'mid' law) and M' >= D. */
        static String interior(GdCase g) {
            NetCase c = g.net();
            if (Arrays.stream(c.y()).anyMatch(v -> v < 0.2 || v > 0.8)) return "targets outside [0.2, 0.8]";
            return c.parameterCount() >= c.d() ? null : "needs M' >= D";
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int decades = p.integer("decades"), cap = p.integer("cap");
            if (decades < 3) throw new BadInput("decades must be at least 3 (the rule compares the last three decades), got " + decades);
            return List.of(
                    Property.of("no-sustained-growth", GdCase.class)
                            .description("T(eps) linear in log(1/eps), charitable reading: the per-decade iteration counts I_k do not more than double (+3) in "
                                    + "each of the last two of " + decades + " decades; a single jump (mode hand-over) is allowed, eps^-p growth (p >= 0.3) is not")
                            .generator(spec("mid").describe() + "; C0 = 2, c_aaah = 1, " + decades + " decades, cap " + cap,
                                    GdCase.arbitrary(spec("mid"), List.of(2.0), List.of(1.0), cap))
                            .hypotheses(EpsScaling::interior).check(g -> decadeIncrements(g, decades)).tries(15).build(),
                    Property.of("control-binary-targets", GdCase.class)
                            .description("negative control (catalogue FAIL case): targets in {0,1}; the output must saturate and Error ~ 1/t (4 decades)")
                            .generator(spec("binary").describe() + "; C0 = 2, c_aaah = 1, 4 decades",
                                    GdCase.arbitrary(spec("binary"), List.of(2.0), List.of(1.0), cap))
                            .hypotheses(g -> Arrays.stream(g.net().y()).anyMatch(v -> v == 1.0 || v == 0.0) ? null : "no binary target")
                            .check(g -> decadeIncrements(g, 4)).expectRefuted().tries(3).build());
        }

        /** First passages T_k below Error_0 10^-k (k = 1..decades) and the growth of the last two per-decade increments. */
        static Evidence decadeIncrements(GdCase g, int decades) {
            NetCase c = g.net();
            EdmondsNet net = c.net();
            double e0 = 0;
            for (double r : c.residual()) e0 += r * r;
            PaperGd.Run run = PaperGd.run(net, c.theta(), c.x(), c.y(), g.config(e0 * Math.pow(10, -decades)));
            int[] t = new int[decades + 1];
            for (int k = 1; k <= decades; k++) {
                double eps = e0 * Math.pow(10, -k);
                t[k] = -1;
                for (int s = 0; s < run.error().length; s++)
                    if (run.error()[s] <= eps) {
                        t[k] = s;
                        break;
                    }
                if (t[k] < 0)
                    return Evidence.fact("Error reaches Error_0 * 1e-" + decades + " within the cap", false).with("decadesReached", k - 1)
                            .with("finalError/Error_0", run.finalError() / e0);
            }
            int last = t[decades] - t[decades - 1], previous = t[decades - 1] - t[decades - 2], before = t[decades - 2] - t[decades - 3];
            int growth = Math.min(last - 2 * previous, previous - 2 * before);
            return Evidence.le("sustained growth min(I_K - 2 I_{K-1}, I_{K-1} - 2 I_{K-2}) <= 3", growth, 3, 0).with("T_k", Arrays.toString(t))
                    .with("Error_0", e0).with("I_K/I_{K-1}", previous == 0 ? Double.NaN : (double) last / previous)
                    .with("I_{K-1}/I_{K-2}", before == 0 ? Double.NaN : (double) previous / before);
        }
    }

    /** edmonds/T1-f, Theorem 1 conditional form: Error_T <= prod_{t<T}(1 - 2 kappa_t/(C0(1+c_aaah L))) Error_0. */
    static final class ConditionalForm extends PropertyClaim {
        ConditionalForm() {
            super("edmonds/T1-f");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("steps", 150, "GD steps per instance (checked at every T)"),
                    ParamSpec.real("a", 2, "the constant a of the product bound"),
                    ParamSpec.string("c0", "2,4,8", "hidden constant C0"), ParamSpec.string("caaah", "0.5,1,2", "c_aaah"),
                    ParamSpec.string("scales", "0.5,1,2", "weight scales"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            double a = p.real("a");
            var gen = GdCase.arbitrary(gdSpec(p), list(p.string("c0")), list(p.string("caaah")), p.integer("steps"));
            return List.of(Property.of("product-bound", GdCase.class)
                    .description("log Error_T - log Error_0 <= sum_{t<T} log(1 - a kappa_t / (C0 (1 + c_aaah L))) at every T, a = " + a
                            + "; details report the largest a that holds (fitted a)")
                    .generator(gdSpec(p).describe() + "; C0 in " + p.string("c0") + ", c_aaah in " + p.string("caaah"), gen)
                    .hypotheses(g -> g.c0() >= 2 && g.caaah() > 0 ? noCap(g) : "needs C0 >= 2 and c_aaah > 0")
                    .check(g -> productBound(g, a)).tries(40).build());
        }

        static Evidence productBound(GdCase g, double a) {
            PaperGd.Run run = g.run();
            double c = g.config(0).constant(g.net().layers());
            double logE0 = Math.log(run.error()[0]), sum = 0;
            Evidence worst = null;
            double worstSlack = Double.POSITIVE_INFINITY, fitted = Double.POSITIVE_INFINITY;
            for (int t = 0; t < run.steps(); t++) {
                double f = 1 - a * run.kappa()[t] / c;
                sum += f > 0 ? Math.log(f) : Double.NEGATIVE_INFINITY;
                double lhs = Math.log(run.error()[t + 1]) - logE0;
                double tol = 64 * overparam.linalg.Linalg.EPS * (t + 2) * (g.net().y().length + 1);
                if (run.error()[t + 1] <= 1e3 * roundingFloor(run.error()[t + 1], g.net().y().length)) continue;
                double slack = sum - lhs + tol;
                if (slack < worstSlack) {
                    worstSlack = slack;
                    worst = Evidence.le("log Error_T/Error_0 <= sum log(1 - a kappa_t/(C0(1+cL)))", lhs, sum, tol).with("T", t + 1);
                }
                fitted = Math.min(fitted, largestA(run, c, t + 1, -lhs));
            }
            return worst == null ? Evidence.fact("zero error", true) : worst.with("fittedA", fitted).with("minKappa", run.minKappa());
        }

        /** The largest a with sum_{t<T} -log(1 - a kappa_t / c) <= drop (bisection; monotone in a). */
        static double largestA(PaperGd.Run run, double c, int T, double drop) {
            double hi = Double.POSITIVE_INFINITY;
            for (int t = 0; t < T; t++) if (run.kappa()[t] > 0) hi = Math.min(hi, c / run.kappa()[t]);
            double lo = 0;
            if (!Double.isFinite(hi)) return Double.POSITIVE_INFINITY;
            for (int i = 0; i < 60; i++) {
                double mid = 0.5 * (lo + hi), s = 0;
                for (int t = 0; t < T; t++) s -= Math.log1p(-mid * run.kappa()[t] / c);
                if (s <= drop) lo = mid;
                else hi = mid;
            }
            return lo;
        }
    }

    /** edmonds/T1-g, Theorem 1 necessity: with M' < D (L = 1, N < D) GD does not reach eps (the result requires overfitting). */
    static final class UnderParameterized extends PropertyClaim {
        UnderParameterized() {
            super("edmonds/T1-g");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("steps", 3000, "GD steps"), ParamSpec.real("eps", 1e-3, "target Error"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int steps = p.integer("steps");
            double eps = p.real("eps");
            NetCase.Spec spec = NetCase.Spec.of().layers(1, 1).inputDim(1, 3).points(3, 8).scales(1.0).inputs("gaussian")
                    .targets("interior");
            NetCase.Spec anti = NetCase.Spec.of().layers(2, 2).widths(8, 16).inputDim(2, 4).points(4, 4).scales(1.0).inputs("antipodal").bias(false);
            return List.of(Property.of("reaches-eps", GdCase.class)
                    .description("Theorem 1's conclusion Error_T <= eps after " + steps + " steps of the paper's GD, for M' < D")
                    .generator(spec.describe() + "; C0 = 2, c_aaah = 1", GdCase.arbitrary(spec, List.of(2.0), List.of(1.0), steps))
                    .hypotheses(g -> g.net().parameterCount() < g.net().d() ? null : "needs M' < D")
                    .check(g -> reaches(g, eps)).certify((g, e) -> certifyFinalError(g, eps)).tries(10).build(),
                    Property.of("control-antipodal-bias-free", GdCase.class)
                            .description("negative control (catalogue section 5 item 4): data (a, -a, b, -b), targets (0.9, 0.9, 0.1, 0.1), one hidden layer "
                                    + "with M >= D and no biases; logit NN(a) + logit NN(-a) = sum_j v_j for every pair, so inf Error = 0.64 for every M")
                            .generator(anti.describe() + "; targets (0.9, 0.9, 0.1, 0.1)", GdCase.arbitrary(anti, List.of(2.0), List.of(1.0), steps)
                                    .map(g -> new GdCase(g.net().withTargets(new double[] {0.9, 0.9, 0.1, 0.1}), g.c0(), g.caaah(), g.steps())))
                            .check(g -> reaches(g, eps).with("logit-sum gap at the end", logitGap(g))).certify((g, e) -> certifyFinalError(g, eps))
                            .expectRefuted().tries(3).build());
        }

        static Evidence reaches(GdCase g, double eps) {
            PaperGd.Run run = g.run(eps);
            NetCase c = g.net();
            double[] cos = Angles.cosines(c.net(), run.finalTheta(), c.x(), c.y());
            double maxCos = Arrays.stream(cos).filter(Double::isFinite).map(Math::abs).max().orElse(Double.NaN);
            return Evidence.le("Error_T <= eps", run.finalError(), eps, 64 * overparam.linalg.Linalg.EPS * c.d())
                    .with("M'", c.parameterCount()).with("D", c.d()).with("finalKappa", run.kappa()[Math.max(0, run.steps() - 1)])
                    .with("max_m |cos alpha_m| at the end", maxCos).with("steps", run.steps());
        }

        /** logit NN(a) + logit NN(-a) - logit NN(b) - logit NN(-b) at the final iterate (0 for bias-free one-hidden-layer nets). */
        static double logitGap(GdCase g) {
            NetCase c = g.net();
            double[] th = g.run().finalTheta();
            double[] lg = new double[4];
            for (int d = 0; d < 4; d++) {
                double o = c.net().output(th, c.x()[d]);
                lg[d] = Math.log(o / (1 - o));
            }
            return lg[0] + lg[1] - lg[2] - lg[3];
        }

        /** The final Error recomputed in 60 digits at the final iterate. */
        static Certificate certifyFinalError(GdCase g, double eps) {
            NetCase c = g.net();
            PaperGd.Run run = g.run(eps);
            DfpNet dn = new DfpNet(c.net());
            Dfp[] th = dn.of(run.finalTheta());
            Dfp e = dn.hp().zero();
            for (int d = 0; d < c.d(); d++) {
                Dfp r = dn.output(th, c.x()[d]).subtract(dn.hp().of(c.y()[d]));
                e = e.add(r.multiply(r));
            }
            return Certificate.of("Dfp forward pass at the final GD iterate", dn.hp().digits(),
                    HighPrecision.toBigDecimal(dn.hp().of(eps).subtract(e)), new BigDecimal("1e-40"), "margin eps - Error_T");
        }
    }

    /** edmonds/T1-h, Theorem 1 / Assumption 3: with hidden constant C0 (1 + c_aaah L) = 1 the step does not decrease Error. */
    static final class HiddenConstant extends PropertyClaim {
        HiddenConstant() {
            super("edmonds/T1-h");
        }

        static NetCase.Spec spec(int dMax) {
            return NetCase.Spec.of().layers(1, 1).inputDim(1, 5).points(1, dMax).scales(1.0).inputs("rankone").bias(false).params("P1")
                    .activations("identity", "identity").targets("uniform");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(
                    Property.of("halves-error", GdCase.class)
                            .description("linear NN = w.x on rank-one data, C0 = 1, c_aaah = 0: Error_20 <= Error_0 / 2")
                            .generator(spec(5).describe(), GdCase.arbitrary(spec(5), List.of(1.0), List.of(0.0), 20))
                            .hypotheses(HiddenConstant::uncapped)
                            .check(HiddenConstant::halves).certify(HiddenConstant::certify).tries(20).build(),
                    Property.of("c0-two-one-point", GdCase.class)
                            .description("informative: the same model with D = 1 and C0 = 2 reaches Error 0 in one step")
                            .generator(spec(1).describe(), GdCase.arbitrary(spec(1), List.of(2.0), List.of(0.0), 20))
                            .hypotheses(HiddenConstant::uncapped)
                            .check(HiddenConstant::halves).informative().tries(10).build());
        }

        /** The claim is about the formula [C0(1+cL)||J||_F^2]^-1, so the cap must not bind (||J||_F^2 >= 1/C0). */
        static String uncapped(GdCase g) {
            double jf2 = 0;
            for (double[] x : g.net().x()) for (double v : x) jf2 += v * v;
            return jf2 * g.c0() >= 1 ? null : "cap gamma <= 1 binds";
        }

        static Evidence halves(GdCase g) {
            PaperGd.Run run = g.run();
            double e0 = run.error()[0];
            return Evidence.le("Error_20 <= Error_0/2", run.finalError(), e0 / 2, 64 * overparam.linalg.Linalg.EPS * e0 * run.steps())
                    .with("Error_1/Error_0", run.error()[1] / e0);
        }

        /** The 20 steps of the linear model redone in 60 digits. */
        static Certificate certify(GdCase g, Evidence ev) {
            HighPrecision hp = Precise.HP;
            NetCase c = g.net();
            Dfp[] w = hp.of(c.theta());
            Dfp jf2 = hp.zero();
            for (double[] x : c.x()) for (double v : x) jf2 = jf2.add(hp.of(v).multiply(hp.of(v)));
            Dfp gamma = hp.one().divide(jf2.multiply(hp.of(g.config(0).constant(c.layers()))));
            if (gamma.greaterThan(hp.one())) gamma = hp.one();
            Dfp e0 = null, e = null;
            for (int t = 0; t <= g.steps(); t++) {
                Dfp[] r = new Dfp[c.d()];
                e = hp.zero();
                for (int d = 0; d < c.d(); d++) {
                    r[d] = hp.dot(w, hp.of(c.x()[d])).subtract(hp.of(c.y()[d]));
                    e = e.add(r[d].multiply(r[d]));
                }
                if (t == 0) e0 = e;
                if (t == g.steps()) break;
                for (int i = 0; i < w.length; i++) {
                    Dfp gi = hp.zero();
                    for (int d = 0; d < c.d(); d++) gi = gi.add(r[d].multiply(hp.of(c.x()[d][i])));
                    w[i] = w[i].subtract(gamma.multiply(2).multiply(gi));
                }
            }
            return Certificate.of("20 GD steps in Dfp", hp.digits(), HighPrecision.toBigDecimal(e0.divide(2).subtract(e)), new BigDecimal("1e-40"),
                    "margin Error_0/2 - Error_20");
        }
    }
}
