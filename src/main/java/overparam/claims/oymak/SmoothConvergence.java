package overparam.claims.oymak;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.data.Generators;
import overparam.gauss.Fits;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;
import overparam.nn.Activation;
import overparam.nn.Activations;
import overparam.nn.NetworkCovariance;
import overparam.report.Plots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** oymak/thm-6.2, oymak/thm-2.1, oymak/cor-2.2: GD on the one-hidden-layer network with smooth activations. */
final class SmoothConvergence {
    private SmoothConvergence() {}

    /** Literal-hypothesis runs stop at 1e-6 relative residual (about 40 GD steps at eta_bar = 1). */
    static final int LITERAL_STEPS = 600, MODERATE_STEPS = 20000;
    static final double LITERAL_STOP = 1e-6, MODERATE_STOP = 1e-6;

    /** The spec at the smallest width meeting (P1) and (P2) (k of the requested parity). */
    static SmoothRun atRequiredWidth(String act, String data, int n, int d, double etaBar, double delta, boolean khatriRao, long seed, boolean oddK) {
        SmoothRun probe = new SmoothRun(act, data, n, d, 2, etaBar, delta, khatriRao, seed);
        double req = probe.constants().requiredK();
        if (!Double.isFinite(req) || req > Integer.MAX_VALUE / 2.0) return null;
        int k = (int) Math.ceil(req);
        if ((k % 2 == 1) != oddK) k++;
        return new SmoothRun(act, data, n, d, k, etaBar, delta, khatriRao, seed);
    }

    /** k*d of a run meeting the literal hypothesis; infinite when no k below 2^30 meets it. */
    static double parameterCount(SmoothRun s) {
        return s == null ? Double.POSITIVE_INFINITY : (double) s.k() * s.d();
    }

    static String width(SmoothRun s) {
        return s == null ? "beyond 2^30" : Integer.toString(s.k());
    }

    static String tag(SmoothRun s) {
        return s.activation().replace('*', 'x') + "-" + s.data() + "-n" + s.n() + "-k" + s.k();
    }

    /**
     * literal / proof / path-conditions / events properties on one memoised run meeting the literal hypothesis; none when
     * that width is beyond what the harness trains (the claim is then VACUOUS with the numbers).
     */
    static List<Property<?>> literalProperties(SmoothRun s) {
        if (parameterCount(s) > ConvergenceClaim.MAX_PARAMETERS) return List.of();
        String tag = tag(s), gen = "fixed run " + s + " (k = smallest width meeting (P1), (P2))";
        Arbitrary<SmoothRun> just = Arbitraries.just(s);
        Function<SmoothRun, String> hyp = r -> {
            String h = r.hypothesis();
            if (h != null) return h;
            Evidence ev = r.outcome(LITERAL_STEPS, LITERAL_STOP).events();
            return ev.holds() ? null : "the proof's events fail on this draw (the theorem's probability covers this): " + ev.describe();
        };
        Function<SmoothRun, SmoothRun.Outcome> run = r -> r.outcome(LITERAL_STEPS, LITERAL_STOP);
        List<Property<?>> out = new ArrayList<>();
        out.add(Property.of("literal-" + tag, SmoothRun.class)
                .description("the PRINTED conclusions (unsquared rate, sqrt(lambda/32) distance, sqrt(32) path) at every iterate, width meeting the literal hypothesis")
                .generator(gen, just).hypotheses(hyp).check(r -> run.apply(r).literal()).tries(1).build());
        out.add(Property.of("proof-" + tag, SmoothRun.class)
                .description("what the proof gives via Thm 6.10 (E1, E2): squared rate, alpha/4 = sqrt(lambda/128) distance, sqrt(128) path")
                .generator(gen, just).hypotheses(hyp).check(r -> run.apply(r).proof()).tries(1).build());
        out.add(Property.of("path-conditions-" + tag, SmoothRun.class)
                .description("Cor 6.11 along the path: sigma_min(J(W_t)) >= alpha, ||J(W_t)|| <= beta, ||J(W_t) - J(W_0)|| <= L ||W_t - W_0||_F")
                .generator(gen, just).hypotheses(hyp).check(r -> run.apply(r).pathConditions()).tries(1).build());
        out.add(Property.of("events-" + tag, SmoothRun.class)
                .description("informative: the proof's probabilistic events on this draw (Lemma 6.7 sigma_min(J(W0)) >= 2 alpha, Lemma 6.12 ||r0|| <= ||y||(1 + (1+delta)B))")
                .generator(gen, just).check(r -> run.apply(r).events()).informative().tries(1).build());
        return out;
    }

    /** Moderate widths, below the theorem's demand: printed and proof conclusions as separate informative properties. */
    static List<Property<?>> moderateProperties(String act, int n, int d, int k, boolean khatriRao, Level level) {
        // at CI one fixed draw (shared with the plot through the memo), at FULL and DEEP fresh draws
        Arbitrary<SmoothRun> runs = level == Level.CI ? Arbitraries.just(moderate(act, n, d, k, khatriRao))
                : DataArbitraries.seeds().map(seed -> new SmoothRun(act, "sphere", n, d, k, 1.0, 1.0, khatriRao, seed));
        String gen = act + ", sphere data n = " + n + ", d = " + d + ", k = " + k + ", eta_bar = 1 (far below the width the theorem demands)";
        int steps = moderateSteps(level);
        Function<SmoothRun, SmoothRun.Outcome> run = r -> r.outcome(steps, MODERATE_STOP, PaperGd.Probes.NONE);
        return List.of(
                Property.of("moderate-printed", SmoothRun.class)
                        .description("informative: the printed conclusions at a moderate width (catalogue reference: softplus n = 20, d = 10, k = 400, max ratio 0.973)")
                        .generator(gen, runs).check(r -> run.apply(r).literal()).informative().tries(1).build(),
                Property.of("moderate-proof", SmoothRun.class)
                        .description("informative: the proof's versions (squared rate, sqrt 128) at a moderate width")
                        .generator(gen, runs).check(r -> run.apply(r).proof()).informative().tries(1).build());
    }

    static SmoothRun moderate(String act, int n, int d, int k, boolean khatriRao) {
        return new SmoothRun(act, "sphere", n, d, k, 1.0, 1.0, khatriRao, 5);
    }

    /** GD steps of the moderate runs: the printed bounds are tightest early, so CI checks the first 2000 iterates. */
    static int moderateSteps(Level level) {
        return level == Level.CI ? 2000 : MODERATE_STEPS;
    }

    static Map<String, Object> requirementNumbers(String label, SmoothRun s) {
        Map<String, Object> m = new LinkedHashMap<>();
        SmoothRun.Constants c = s.constants();
        m.put(label + ": lambda used", c.lambda());
        m.put(label + ": k demanded (max of P1, P2)", c.requiredK());
        m.put(label + ": k*d demanded", c.requiredK() * s.d());
        return m;
    }

    static void plotLiteral(RunContext ctx, ClaimResult.Builder r, SmoothRun s, String file, String which, int steps, double stop, PaperGd.Probes probes) {
        SmoothRun.Outcome o = s.outcome(steps, stop, probes);
        ConvergencePlots.residual(ctx, r, file, which + ": " + s.label(), o.run().residual(),
                new ConvergencePlots.Envelope("printed (1 - q)^t ||r0||", o.rate(), 1),
                new ConvergencePlots.Envelope("proof (1 - q)^(t/2) ||r0||", o.rate(), 2));
    }

    /** oymak/thm-6.2, Theorem 6.2 (meta-theorem, smooth): under (6.2), the unsquared rate (1 - eta_bar lambda/(32 B^2 ||X||^2)), the distance and path bounds. */
    static final class MetaTheorem extends ConvergenceClaim {
        MetaTheorem() {
            super("oymak/thm-6.2");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.real("delta", 1.0, "delta of (6.2) and of the probability 1 - 1/n - exp(-delta^2 n/(2||X||^2))"),
                    ParamSpec.real("etaBar", 1.0, "eta = n etaBar/(2 B^2 ||y||^2 ||X||^2), etaBar <= 1"),
                    ParamSpec.integer("moderateN", 20, "n of the moderate-width runs (sphere data)"),
                    ParamSpec.integer("moderateD", 10, "d of the moderate-width runs"),
                    ParamSpec.integer("moderateK", 400, "k of the moderate-width runs"));
        }

        /** Odd k on purpose (E15): one output weight is 0, ||v||_2 = ||y|| sqrt((k-1)/(kn)) where the proof uses ||y||/sqrt(n). */
        SmoothRun ciRun(Params p) {
            return atRequiredWidth("sin", "orthonormal", 2, 2, p.real("etaBar"), p.real("delta"), false, 11, true);
        }

        @Override
        protected Requirement requirement(Params p) {
            SmoothRun s = ciRun(p);
            Map<String, Object> m = new LinkedHashMap<>();
            m.putAll(requirementNumbers("sin, orthonormal n = d = 2", new SmoothRun("sin", "orthonormal", 2, 2, 2, p.real("etaBar"), p.real("delta"), false, 11)));
            m.putAll(requirementNumbers("softplus, orthonormal n = d = 2", new SmoothRun("softplus", "orthonormal", 2, 2, 2, p.real("etaBar"), p.real("delta"), false, 11)));
            m.putAll(requirementNumbers("softplus, sphere n = " + p.integer("moderateN") + ", d = " + p.integer("moderateD"),
                    new SmoothRun("softplus", "sphere", p.integer("moderateN"), p.integer("moderateD"), 2, 1, p.real("delta"), false, 5)));
            m.put("probability of the conclusions (n = 2, ||X|| = 1)", 1 - 0.5 - Math.exp(-p.real("delta") * p.real("delta")));
            if (s != null) m.put("E15: odd k = " + s.k() + ", ||v||_2 sqrt(n)/||y|| = sqrt((k-1)/k)", Math.sqrt((s.k() - 1.0) / s.k()));
            m.put("E15: k = 1", "v = 0, f = 0 for every W: GD never moves and any rate < 1 fails, but k = 1 is far below (P1), (P2)");
            return new Requirement("(6.2), made explicit by the proof as (P1) k >= 20 log(n) B^2||X||^2/lambda and (P2) sqrt k >= 32B(1 + (1+delta)B) sqrt(n)||X||/lambda:"
                    + " k >= " + width(s) + " for sin on orthonormal n = d = 2 (delta = " + p.real("delta") + ")", parameterCount(s), m);
        }

        @Override
        protected List<Property<?>> properties(Params p, Level level) {
            double etaBar = p.real("etaBar"), delta = p.real("delta");
            List<Property<?>> out = new ArrayList<>(literalProperties(ciRun(p)));
            if (level != Level.CI) {
                out.addAll(literalProperties(atRequiredWidth("tanh", "orthonormal", 2, 2, etaBar, delta, false, 12, true)));
                out.addAll(literalProperties(atRequiredWidth("softplus", "orthonormal", 2, 2, etaBar, delta, false, 13, false)));
            }
            out.addAll(moderateProperties("softplus", p.integer("moderateN"), p.integer("moderateD"), p.integer("moderateK"), false, level));
            out.add(Property.of("scale-implication", ScaleCase.class)
                    .description("negative control (E3): the proof claims (6.2) with a fixed c implies (P2); for phi = s softplus (B = s) the smallest k meeting (6.2) misses (P2) once s is small, for every c")
                    .generator("c in {64, 1e3, 1e6}, s in {1, 0.5, 0.1, 1e-2, 1e-4, 1e-6}, orthonormal n in [2, 5], delta in {0, 1}", ScaleCase.arbitrary())
                    .check(ScaleCase::implication).certify(ScaleCase::certify).expectRefuted().tries(30).build());
            if (level != Level.CI) {
                SmoothRun small = ScaleCase.gdRun(64, 0.1, 2, delta);
                out.add(Property.of("scale-gd", SmoothRun.class)
                        .description("informative (E3): GD with phi = 0.1 sin at the smallest k meeting (6.2) with c = 64, where (P2) fails: do the printed conclusions still hold?")
                        .generator("fixed run " + small, Arbitraries.just(small)).check(r -> r.outcome(LITERAL_STEPS * 4, LITERAL_STOP).literal())
                        .informative().tries(1).build());
            }
            return out;
        }

        @Override
        protected void extras(Params p, RunContext ctx, ClaimResult.Builder r) {
            SmoothRun s = ciRun(p);
            if (parameterCount(s) <= ConvergenceClaim.MAX_PARAMETERS)
                plotLiteral(ctx, r, s, "literal-run.png", "Thm 6.2 at the width it demands", LITERAL_STEPS, LITERAL_STOP, PaperGd.Probes.ALL);
            SmoothRun m = moderate("softplus", p.integer("moderateN"), p.integer("moderateD"), p.integer("moderateK"), false);
            int steps = moderateSteps(ctx.level());
            plotLiteral(ctx, r, m, "moderate-run.png", "Thm 6.2 at a moderate width", steps, MODERATE_STOP, PaperGd.Probes.NONE);
            SmoothRun.Outcome o = m.outcome(steps, MODERATE_STOP, PaperGd.Probes.NONE);
            r.number("moderate run " + m + ": max over t of ||r_t|| / printed bound",
                    Envelope.geometric("rate", o.run().residual(), o.rate(), 1, o.tol()).details().get("max over tau of ||r_tau|| / claimed bound"));
            r.number("moderate run: path length, printed bound sqrt(32) sqrt(n)||r0||/(||y|| sqrt(lambda)), proof bound sqrt(128)...",
                    String.format("%.4g, %.4g, %.4g", o.run().trace().pathLength()[o.run().steps()],
                            Math.sqrt(32) * o.r0() / (o.c().yNorm() / Math.sqrt(m.n()) * Math.sqrt(o.c().lambda())), 4 * o.r0() / o.c().alpha()));
        }
    }

    /** E3: phi = s softplus on orthonormal data; (6.2) is invariant under s, (P2) grows like 1/s. */
    record ScaleCase(double c, double s, int n, double delta) {
        static Arbitrary<ScaleCase> arbitrary() {
            return Combinators.combine(Arbitraries.of(64.0, 1e3, 1e6), Arbitraries.of(1.0, 0.5, 0.1, 1e-2, 1e-4, 1e-6), DataArbitraries.ints(2, 5),
                    Arbitraries.of(0.0, 1.0)).as(ScaleCase::new);
        }

        /** Smallest k with sqrt(kd) >= c B^2 (1+delta) kappa~ n, i.e. sqrt k >= c B^2 (1+delta) sqrt(n) ||X||/lambda (||X|| = 1). */
        double kc() {
            double lambda = s * s * Activations.SOFTPLUS.meanSquareD1(), b = s;
            double root = c * b * b * (1 + delta) * Math.sqrt(n) / lambda;
            return Math.ceil(root * root);
        }

        Evidence implication() {
            double lambda = s * s * Activations.SOFTPLUS.meanSquareD1(), b = s;
            double p2 = 32 * b * (1 + (1 + delta) * b) * Math.sqrt(n) / lambda;
            return Evidence.ge("(6.2) with c = " + c + " => (P2): sqrt(k_c) >= 32 B (1 + (1+delta) B) sqrt(n) ||X||/lambda", Math.sqrt(kc()), p2,
                    Linalg.tolerance(p2, n)).with("k_c", kc()).with("B = s", s);
        }

        static Certificate certify(ScaleCase sc, Evidence e) {
            HighPrecision hp = new HighPrecision();
            Dfp s = hp.of(sc.s()), lambda1 = hp.of(Activations.SOFTPLUS.meanSquareD1());
            Dfp lambda = s.multiply(s).multiply(lambda1), rootN = hp.sqrt(hp.of(sc.n()));
            Dfp p2 = hp.of(32).multiply(s).multiply(hp.one().add(hp.of(1 + sc.delta()).multiply(s))).multiply(rootN).divide(lambda);
            Dfp margin = hp.sqrt(hp.of(sc.kc())).subtract(p2);
            // lambda_1 = E sigmoid(g)^2 comes from double quadrature (relative error < 1e-12): that is the tolerance
            return Certificate.of("Dfp arithmetic, lambda_1 = E sigmoid(g)^2 from quadrature", hp.digits(), HighPrecision.toBigDecimal(margin),
                    HighPrecision.toBigDecimal(p2.multiply(hp.of(1e-10))), "sqrt(k_c) - (P2) bound");
        }

        /** A GD run for phi = s sin at the smallest k meeting (6.2) with constant c (sin: lambda = s^2 E cos(g)^2 on orthonormal data). */
        static SmoothRun gdRun(double c, double s, int n, double delta) {
            double lambda = s * s * Activations.SIN.meanSquareD1();
            double root = c * s * s * (1 + delta) * Math.sqrt(n) / lambda;
            int k = (int) Math.ceil(root * root);
            return new SmoothRun(s + "*sin", "orthonormal", n, n, k + (k % 2), 1.0, delta, false, 21);
        }
    }

    /** oymak/thm-2.1, Theorem 2.1: Thm 6.2 with lambda replaced by mu_phi^2 sigma_min^2(X*X) (Lemma 6.4). */
    static final class MainTheorem extends ConvergenceClaim {
        MainTheorem() {
            super("oymak/thm-2.1");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.real("delta", 1.0, "delta of (2.2) and of the probability"),
                    ParamSpec.real("etaBar", 1.0, "eta = n etaBar/(2 B^2 ||y||^2 ||X||^2), etaBar <= 1"));
        }

        SmoothRun ciRun(Params p) {
            return atRequiredWidth("logcosh", "orthonormal", 2, 2, p.real("etaBar"), p.real("delta"), true, 31, false);
        }

        @Override
        protected Requirement requirement(Params p) {
            SmoothRun s = ciRun(p);
            Map<String, Object> m = new LinkedHashMap<>(requirementNumbers("logcosh (mu = 0.6057), orthonormal n = d = 2",
                    new SmoothRun("logcosh", "orthonormal", 2, 2, 2, 1, p.real("delta"), true, 31)));
            m.putAll(requirementNumbers("softplus (mu = 0.2066), orthonormal n = d = 2", new SmoothRun("softplus", "orthonormal", 2, 2, 2, 1, p.real("delta"), true, 31)));
            m.putAll(requirementNumbers("gausscdf (mu = 0.2821), orthonormal n = d = 2", new SmoothRun("gausscdf", "orthonormal", 2, 2, 2, 1, p.real("delta"), true, 31)));
            m.put("tanh, sin (mu_phi = 0)", "lambda bound mu^2 sigma^2 = 0: Theorem 2.1 demands infinite width (vacuous); Theorem 6.2 applies");
            return new Requirement("(2.2), made explicit by the proof's sufficient conditions (P1), (P2) with lambda -> mu_phi^2 sigma_min^2(X*X): k >= " + width(s)
                    + " for logcosh on orthonormal n = d = 2 (delta = " + p.real("delta") + ")", parameterCount(s), m);
        }

        @Override
        protected List<Property<?>> properties(Params p, Level level) {
            List<Property<?>> out = new ArrayList<>(literalProperties(ciRun(p)));
            if (level != Level.CI)
                out.addAll(literalProperties(atRequiredWidth("logcosh", "orthonormal", 3, 3, p.real("etaBar"), p.real("delta"), true, 32, true)));
            if (level == Level.DEEP)
                out.addAll(literalProperties(atRequiredWidth("gausscdf", "orthonormal", 2, 2, p.real("etaBar"), p.real("delta"), true, 33, false)));
            out.addAll(moderateProperties("softplus", 20, 10, 400, true, level));
            out.add(Property.of("substitution-chain", SubstitutionCase.class)
                    .description("the step from Thm 6.2 to 2.1: lambda(X) >= mu_phi^2 sigma_min^2(X*X) (Lemma 6.4), so kappa~ <= kappa/mu^2 and (2.2) demands at least (6.2)")
                    .generator("softplus, gausscdf, logcosh, tanh; sphere data n in [2, 24], d in [2, 8]", SubstitutionCase.arbitrary())
                    .check(SubstitutionCase::check).tries(30).build());
            return out;
        }

        @Override
        protected void extras(Params p, RunContext ctx, ClaimResult.Builder r) {
            if (parameterCount(ciRun(p)) <= ConvergenceClaim.MAX_PARAMETERS)
                plotLiteral(ctx, r, ciRun(p), "literal-run.png", "Thm 2.1 at the width it demands", LITERAL_STEPS, LITERAL_STOP, PaperGd.Probes.ALL);
            Trends.smooth(ctx, r);
        }
    }

    /** Lemma 6.4's substitution on one dataset (mu = 0 gives an infinite requirement, never a division by zero). */
    record SubstitutionCase(String activation, overparam.data.Dataset data) {
        static Arbitrary<SubstitutionCase> arbitrary() {
            return Combinators.combine(Arbitraries.of("softplus", "gausscdf", "logcosh", "tanh"), overparam.data.DataArbitraries.sphere(2, 24, 2, 8))
                    .as(SubstitutionCase::new);
        }

        Evidence check() {
            Activation a = ConvergenceActivations.byName(activation);
            DMatrixRMaj x = data.matrix();
            double lambda = NetworkCovariance.lambda(x, a), bound = SmoothRun.lambdaEff(x, a, true);
            return Evidence.ge("lambda(X) >= mu^2 sigma_min^2(X*X)", lambda, bound, 1e-9 + Linalg.tolerance(1, x.numRows * x.numRows))
                    .with("mu", a.mu()).with("n", x.numRows).with("d", x.numCols);
        }
    }


    /** oymak/cor-2.2, Corollary 2.2: softplus, uniform-sphere data, d <= n <= c d^2, sqrt(kd) >= C n give (2.4) ||r_t|| <= 3(1 - c1 d/n)^t ||y|| and (2.5). */
    static final class SoftplusCorollary extends ConvergenceClaim {
        SoftplusCorollary() {
            super("oymak/cor-2.2");
        }

        /** Smallest n with 2/n + e^{-d/4} < 1 for some d <= n (the probability must be positive): (n, d) = (4, 3). */
        static final int N_MIN = 4, D_MIN = 3;

        @Override
        protected Requirement requirement(Params p) {
            Activation a = Activations.SOFTPLUS;
            double b = a.bigB(), mu = a.mu(), delta = Math.sqrt(2); // E9: delta = sqrt 2 turns exp(-delta^2 n/(2||X||^2)) into e^{-d/4}
            // Thm 2.1 via the proof's (P2) with lambda >= mu^2 sigma^2 (kappa~ <= kappa/mu^2): sqrt(kd) >= c kappa n
            double c = 32 * b * (1 + (1 + delta) * b) / (mu * mu);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("constant of (2.3) from the proof of Thm 2.1, kappa = 1: 32 B (1 + (1 + sqrt 2) B)/mu^2 (the c = 64 (B/mu)^2 (1 + delta) of (2.2) is 1.41x larger)", c);
            double kdFree = Math.pow(c * N_MIN, 2);
            m.put("k*d demanded at n = 4 for ANY data (kappa >= 1 since ||X|| >= sqrt(n/d), sigma_min(X*X) <= 1)", kdFree);
            for (int[] nd : new int[][] {{N_MIN, D_MIN}, {20, 10}}) {
                DMatrixRMaj x = Generators.sphere(nd[0], nd[1], 7).matrix();
                DMatrixRMaj g = Linalg.gram(x);
                double sigma2 = Linalg.lambdaMin(Linalg.hadamard(g, g));
                double kappa = Math.sqrt((double) nd[1] / nd[0]) * Linalg.spectralNorm(x) / sigma2;
                m.put("sphere n = " + nd[0] + ", d = " + nd[1] + " (seed 7): kappa(X)", kappa);
                m.put("sphere n = " + nd[0] + ", d = " + nd[1] + " (seed 7): k*d demanded", Math.pow(c * kappa * nd[0], 2));
            }
            m.put("E9", "the factor 3 needs ||r0|| <= 3||y||; Lemma 6.12 with delta = sqrt 2 only gives (2 + sqrt 2)||y|| = 3.41||y||");
            return new Requirement("(2.3) sqrt(kd) >= C n, with C from the proof of Thm 2.1 ((P2) with B = 1, mu = 0.2066, delta = sqrt 2): k*d >= "
                    + String.format("%.3g", kdFree) + " already at n = 4 for any data; gamma1, gamma2, c, c1-c3 are unspecified", kdFree, m);
        }

        @Override
        protected List<Property<?>> properties(Params p, Level level) {
            Arbitrary<SmoothRun> runs = level == Level.CI ? Arbitraries.just(moderate("softplus", 20, 10, 400, false))
                    : DataArbitraries.seeds().map(seed -> new SmoothRun("softplus", "sphere", 20, 10, 400, 1.0, 1.0, false, seed));
            int steps = moderateSteps(level);
            return List.of(Property.of("moderate-factor-3", SmoothRun.class)
                    .description("informative: (2.4) in the limit c1 -> 0, max_t ||r_t|| <= 3||y||, at a moderate width; details: the largest c1 and the smallest c3 (c2 = 1) this run allows")
                    .generator("softplus, sphere n = 20, d = 10, k = 400, eta = n/(2 B^2 ||y||^2 ||X||^2)", runs)
                    .check(r -> factorThree(r.outcome(steps, MODERATE_STOP, PaperGd.Probes.NONE))).informative().tries(1).build());
        }

        static Evidence factorThree(SmoothRun.Outcome o) {
            double[] r = o.run().residual(), dist = o.run().trace().distance();
            double y = o.c().yNorm(), c1 = Double.POSITIVE_INFINITY, c3 = 0, max = 0;
            int n = o.spec().n(), d = o.spec().d();
            for (int t = 0; t < r.length; t++) {
                max = Math.max(max, r[t]);
                if (t > 0) c1 = Math.min(c1, (double) n / d * (1 - Math.pow(r[t] / (3 * y), 1.0 / t)));
                c3 = Math.max(c3, (dist[t] + Math.sqrt(n) * r[t] / y) / Math.sqrt(n));
            }
            return Evidence.le("(2.4) as c1 -> 0: max_t ||r_t|| <= 3 ||y||", max, 3 * y, o.tol()).with("largest c1 allowed by this run", c1)
                    .with("smallest c3 with c2 = 1", c3).with("||r0||/||y||", r[0] / y).with("steps", o.run().steps());
        }

        @Override
        protected void extras(Params p, RunContext ctx, ClaimResult.Builder r) {
            List<Trends.Point> pts = Trends.points(ctx);
            double[] nd = new double[pts.size()], c1 = new double[pts.size()];
            List<double[]> points = new ArrayList<>();
            double maxR0 = 0, c3min = Double.POSITIVE_INFINITY, c3max = 0;
            for (int i = 0; i < pts.size(); i++) {
                nd[i] = (double) pts.get(i).n() / pts.get(i).d();
                c1[i] = pts.get(i).c1();
                points.add(new double[] {nd[i], c1[i]});
                maxR0 = Math.max(maxR0, pts.get(i).r0OverY());
                c3min = Math.min(c3min, pts.get(i).c3());
                c3max = Math.max(c3max, pts.get(i).c3());
            }
            Fits.Line f = Fits.powerLaw(nd, c1, 0.95);
            r.trend(new TrendEvidence("Cor 2.2 (2.4): largest c1 with ||r_t|| <= 3(1 - c1 d/n)^t ||y|| on each run, vs n/d (softplus, k = n^2/d)", "n/d", "c1",
                    f.slope(), f.slopeLow(), f.slopeHigh(), 0.0, "c1 a fixed constant: exponent 0", f.slopeInterval(0.0), points));
            r.number("max ||r0||/||y|| over the trend runs (E9: claimed factor 3)", maxR0);
            r.number("smallest c3 of (2.5) with c2 = 1, range over the trend runs", String.format("[%.3g, %.3g]", c3min, c3max));
            r.number("fitted c1 per run (n/d, c1)", points.stream().map(q -> String.format("(%.2g, %.3g)", q[0], q[1])).toList().toString());
            SmoothRun m = moderate("softplus", 20, 10, 400, false);
            SmoothRun.Outcome o = m.outcome(moderateSteps(ctx.level()), MODERATE_STOP, PaperGd.Probes.NONE);
            double c1run = ((Number) factorThree(o).details().get("largest c1 allowed by this run")).doubleValue();
            ConvergencePlots.residual(ctx, r, "moderate-run.png", "Cor 2.2 (2.4) with the largest c1 this run allows: " + m.label(), o.run().residual(),
                    3 * o.c().yNorm(), new ConvergencePlots.Envelope(String.format("3 (1 - c1 d/n)^t ||y||, c1 = %.3g", c1run), 1 - c1run * m.d() / m.n(), 1));
        }
    }
}
