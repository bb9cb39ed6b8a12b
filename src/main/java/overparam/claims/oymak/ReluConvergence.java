package overparam.claims.oymak;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.data.Generators;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;
import overparam.nn.Activations;
import overparam.nn.NetworkCovariance;
import overparam.nn.ShallowNet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/** oymak/thm-6.3, oymak/thm-2.3, oymak/cor-2.4, oymak/thm-2.5: GD on the one-hidden-layer ReLU network. */
final class ReluConvergence {
    private ReluConvergence() {}

    /** The explicit constants of the proof chain [catalogue]: C = 24^2 2 200^3 for (6.3), C^2 = C (2 pi)^4 for (2.6), C 10^8 for (2.8). */
    static final double C63 = 24.0 * 24 * 2 * 200 * 200 * 200, C23 = C63 * Math.pow(2 * Math.PI, 4), C25 = C63 * 1e8, C_RATE25 = 1.0 / 2400;
    static final int MODERATE_STEPS = 20000;
    static final double STOP = 1e-6;

    static int steps(Level level) {
        return level == Level.CI ? 2000 : MODERATE_STEPS;
    }

    /** (6.3): k >= C (1+delta)^2 n ||X||^6/lambda^4. */
    static double k63(int n, double xNorm, double lambda, double delta) {
        return C63 * (1 + delta) * (1 + delta) * n * Math.pow(xNorm, 6) / Math.pow(lambda, 4);
    }

    static ReluRun moderate(String mode, double etaBar, long seed) {
        return new ReluRun("sphere", 20, 10, 400, etaBar, mode, seed);
    }

    static Arbitrary<ReluRun> moderateRuns(String mode, double etaBar, Level level) {
        return level == Level.CI ? Arbitraries.just(moderate(mode, etaBar, 5))
                : DataArbitraries.seeds().map(seed -> moderate(mode, etaBar, seed));
    }

    /** Informative properties at a moderate width (ReLU, sphere n = 20, d = 10, k = 400): printed conclusions, the proof's norm, the assumptions. */
    static List<Property<?>> moderateProperties(String mode, Level level, boolean distance) {
        Arbitrary<ReluRun> runs = moderateRuns(mode, 1.0, level);
        String gen = "ReLU, sphere data n = 20, d = 10, k = 400, eta_bar = 1 (far below the width the theorem demands)";
        int steps = steps(level);
        Function<ReluRun, ReluRun.Outcome> run = r -> r.outcome(steps, STOP);
        List<Property<?>> out = new ArrayList<>();
        out.add(Property.of("moderate-printed", ReluRun.class)
                .description("informative: the printed conclusions at every iterate of a moderate-width run")
                .generator(gen, runs).check(r -> run.apply(r).printed(!distance)).informative().tries(1).build());
        if (distance)
            out.add(Property.of("moderate-proof-spectral", ReluRun.class)
                    .description("informative: the proof's form (Thm 6.13 with the spectral norm of W_t - W_0)")
                    .generator(gen, runs).check(r -> run.apply(r).proofSpectral()).informative().tries(1).build());
        return out;
    }

    static void plot(RunContext ctx, ClaimResult.Builder r, String mode, String title) {
        ReluRun.Outcome o = moderate(mode, 1.0, 5).outcome(steps(ctx.level()), STOP);
        ConvergencePlots.residual(ctx, r, "moderate-run.png", title + ": " + o.spec().label(), o.run().residual(),
                new ConvergencePlots.Envelope("printed (1 - q)^t ||r0||", o.rate(), 1));
        r.number("moderate run: max over t of ||r_t|| / printed bound",
                Envelope.geometric("rate", o.run().residual(), o.rate(), 1, o.tol()).details().get("max over tau of ||r_tau|| / claimed bound"));
        Evidence a = o.assumptions();
        r.number("moderate run: Assumptions 2-4 with the theorem's alpha = ||y|| sqrt(lambda)/(2 sqrt(2n)) at the iterates", a.holds() ? "all hold" : "violated");
        @SuppressWarnings("unchecked") Map<String, Object> parts = (Map<String, Object>) a.details().get("parts");
        if (parts != null) parts.forEach((k, v) -> r.number("moderate run: " + k, v));
        int firstA4 = -1;
        double[] dev = o.run().deviation();
        for (int t = 0; t < dev.length && firstA4 < 0; t++) if (dev[t] > o.c().alpha() / 3) firstA4 = t;
        r.number("moderate run: first iterate where A4 fails (-1: never)", firstA4);
    }

    /** Demanded widths on the moderate reference data. */
    static Map<String, Object> referenceNumbers(String mode) {
        Map<String, Object> m = new LinkedHashMap<>();
        ReluRun s = moderate(mode, 1.0, 5);
        ReluRun.Constants c = s.constants();
        m.put("sphere n = 20, d = 10: eigenvalue used", c.lambda());
        m.put("sphere n = 20, d = 10: ||X||", c.xNorm());
        return m;
    }

    /** oymak/thm-6.3, Theorem 6.3 (meta-theorem, ReLU): k >= C(1+delta)^2 n ||X||^6/lambda^4 gives the rate (1 - etaBar lambda/(24||X||^2)) and the distance bound. */
    static final class MetaTheorem extends ConvergenceClaim {
        MetaTheorem() {
            super("oymak/thm-6.3");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.real("delta", 0.0, "delta of (6.3) (0 gives the smallest demand)"));
        }

        @Override
        protected Requirement requirement(Params p) {
            double delta = p.real("delta");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("C = 24^2 * 2 * 200^3 (proof chain)", C63);
            double anyData = k63(3, 1, 0.5, delta);
            m.put("k demanded for ANY data with n = 3 (lambda <= E relu'(g)^2 = 1/2, ||X|| >= 1; n >= 3 for 1 - 2/n > 0)", anyData);
            m.putAll(referenceNumbers("lambda"));
            ReluRun.Constants c = moderate("lambda", 1.0, 5).constants();
            m.put("sphere n = 20, d = 10: k demanded", k63(20, c.xNorm(), c.lambda(), delta));
            m.put("conditional check", "Thm 6.13 with alpha = sigma_min(J(W0))/2 measured and A4 checked along the path: oymak/thm-6.13, relu-net-conditional");
            return new Requirement(String.format("(6.3) k >= C(1+delta)^2 n ||X||^6/lambda^4 with C = %.4g: k >= %.3g for any data with n >= 3 (orthonormal rows attain it)", C63, anyData),
                    anyData, m);
        }

        @Override
        protected List<Property<?>> properties(Params p, Level level) {
            List<Property<?>> out = new ArrayList<>(moderateProperties("lambda", level, true));
            out.add(Property.of("proof-constant-chain", ConstantCase.class)
                    .description("the catalogue's C = 9.216e9 closes the proof: k = C(1+delta)^2 n||X||^6/lambda^4 gives R <= 12(1+delta) sqrt(2n)/sqrt(lambda) <= m0^3/(2k) (Lemma 6.9's radius), Lemma 6.7's k >= 20 log(n)||X||^2/lambda and m0^2 >= 1")
                    .generator("n in [2, 10^4], ||X|| in [1, 30], lambda in [1e-6, 1/2], delta in [0, 3]", ConstantCase.arbitrary())
                    .check(ConstantCase::check).tries(100).build());
            return out;
        }

        @Override
        protected void extras(Params p, RunContext ctx, ClaimResult.Builder r) {
            plot(ctx, r, "lambda", "Thm 6.3 at a moderate width");
        }
    }

    /** One point (n, ||X||, lambda, delta) of the proof chain of Thm 6.3. */
    record ConstantCase(int n, double xNorm, double lambda, double delta) {
        static Arbitrary<ConstantCase> arbitrary() {
            return Combinators.combine(Arbitraries.integers().between(2, 10_000), Arbitraries.doubles().between(1, 30),
                    Arbitraries.doubles().between(-6, -0.3).ofScale(6).map(e -> Math.min(0.5, Math.pow(10, e))), Arbitraries.doubles().between(0, 3)).as(ConstantCase::new);
        }

        Evidence check() {
            double k = k63(n, xNorm, lambda, delta);
            double m0sq = k / 200 * lambda / (xNorm * xNorm);
            double radius = 12 * (1 + delta) * Math.sqrt(2.0 * n) / Math.sqrt(lambda);
            double lemma69 = Math.sqrt(k) * Math.pow(lambda, 1.5) / (2 * Math.pow(200, 1.5) * Math.pow(xNorm, 3));
            return Evidence.worst(
                    Evidence.le("R bound 12(1+delta) sqrt(2n)/sqrt(lambda) <= m0^3/(2k)", radius, lemma69, 1e-12 * radius),
                    Evidence.ge("k >= 20 log(n) ||X||^2/lambda (Lemma 6.7)", k, 20 * Math.log(n) * xNorm * xNorm / lambda, 0),
                    Evidence.ge("m0^2 >= 1 (Lemma 6.9 with m = floor(m0^2) >= 1)", m0sq, 1, 0));
        }
    }

    /** oymak/thm-2.3, Theorem 2.3: (2.6) sqrt(kd) >= C(1+delta)(n^2/d) kappa^3 sigma^2 gives the rate (1 - etaBar sigma^2/(48 pi ||X||^2)) and a distance bound. */
    static final class MainTheorem extends ConvergenceClaim {
        MainTheorem() {
            super("oymak/thm-2.3");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.real("delta", 0.0, "delta of (2.6)"));
        }

        @Override
        protected Requirement requirement(Params p) {
            double delta = p.real("delta");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("C^2 = C_6.3 (2 pi)^4", C23);
            double anyData = C23 * (1 + delta) * (1 + delta) * 2;
            m.put("k demanded for ANY data with n = 2 (sigma_min(X*X) <= 1, ||X|| >= 1)", anyData);
            m.putAll(referenceNumbers("kr"));
            ReluRun.Constants c = moderate("kr", 1.0, 5).constants();
            double sigma2 = c.lambda() * 2 * Math.PI;
            m.put("sphere n = 20, d = 10: k demanded", C23 * (1 + delta) * (1 + delta) * 20 * Math.pow(c.xNorm(), 6) / (sigma2 * sigma2 * sigma2 * sigma2));
            m.put("E10", "the probability 1 - 1/n - e^{-delta^2 n/||X||^2} - n e^{-n} differs from Thm 6.3's 1 - 2/n - e^{-delta^2 n/||X||^2} it is derived from");
            return new Requirement(String.format("(2.6), i.e. k >= C^2(1+delta)^2 n ||X||^6/sigma_min^8(X*X) with C^2 = %.4g: k >= %.3g for any data", C23, anyData),
                    anyData, m);
        }

        @Override
        protected List<Property<?>> properties(Params p, Level level) {
            List<Property<?>> out = new ArrayList<>(moderateProperties("kr", level, true));
            out.add(Property.of("condition-algebra", overparam.data.Dataset.class)
                    .description("(2.6) is equivalent to k >= C^2(1+delta)^2 n ||X||^6/sigma_min^8(X*X), and that width meets (6.3) with the exact lambda_ReLU(X) >= sigma^2/(2 pi)")
                    .generator("sphere data n in [2, 20], d in [2, 8], n <= d(d+1)/2", DataArbitraries.sphere(2, 20, 2, 8))
                    .hypotheses(ds -> ds.n() <= ds.d() * (ds.d() + 1) / 2 ? null : "n > d(d+1)/2: sigma_min(X*X) = 0")
                    .check(MainTheorem::algebra).tries(40).build());
            return out;
        }

        static Evidence algebra(overparam.data.Dataset ds) {
            DMatrixRMaj x = ds.matrix();
            int n = ds.n(), d = ds.d();
            DMatrixRMaj g = Linalg.gram(x);
            double sigma2 = Linalg.lambdaMin(Linalg.hadamard(g, g)), sigma = Math.sqrt(Math.max(0, sigma2)), xNorm = Linalg.spectralNorm(x);
            double kappa = Math.sqrt((double) d / n) * xNorm / sigma2;
            double fromKappa = Math.pow(Math.sqrt(C23) * ((double) n * n / d) * Math.pow(kappa, 3) * sigma2, 2) / d; // (2.6) with delta = 0, solved for k
            double closed = C23 * n * Math.pow(xNorm, 6) / Math.pow(sigma, 8);
            double lambda = NetworkCovariance.lambda(x, Activations.RELU);
            return Evidence.worst(
                    Evidence.eq("(2.6) solved for k == C^2 n ||X||^6/sigma^8", fromKappa / closed, 1, 1e-9),
                    Evidence.ge("C^2 n||X||^6/sigma^8 >= C n||X||^6/lambda^4 (Thm 6.3 is met)", closed, k63(n, xNorm, lambda, 0), 1e-9 * closed))
                    .with("sigma_min^2(X*X)", sigma2).with("lambda", lambda);
        }

        @Override
        protected void extras(Params p, RunContext ctx, ClaimResult.Builder r) {
            plot(ctx, r, "kr", "Thm 2.3 at a moderate width");
        }
    }

    /** oymak/cor-2.4, Corollary 2.4 (ReLU, uniform sphere), with the step eta = n/(||y||^2 ||X||^2), i.e. eta_bar = 3 (E4). */
    static final class SphereCorollary extends ConvergenceClaim {
        SphereCorollary() {
            super("oymak/cor-2.4");
        }

        @Override
        protected Requirement requirement(Params p) {
            Map<String, Object> m = new LinkedHashMap<>();
            // smallest n with 2/n + e^{-d} < 1 and d <= n: n = 3, d = 2; E9: e^{-d} needs delta^2 n/||X||^2 >= d, i.e. delta = 2 with ||X||^2 <= 4n/d
            double delta = 2, anyData = C23 * (1 + delta) * (1 + delta) * 3;
            m.put("k demanded through Thm 2.3 for ANY data with n = 3 (delta = 2 for the e^{-d} term)", anyData);
            m.put("E4", "eta = n/(||y||^2||X||^2) is eta_bar = 3, while Thm 2.3 (via Thm 6.13's eta <= 1/(3 beta^2)) needs eta_bar <= 1: even at that width the corollary does not follow");
            m.put("E9", "the factor 3 needs ||r0|| <= 3||y||; Lemma 6.12 with the e^{-d} probability gives (2 + sqrt 8)||y|| = 4.83||y|| (6||y|| via delta <- 2 delta)");
            return new Requirement(String.format("(2.7) sqrt(kd) >= C n^2/d with C unspecified; through Thm 2.3 (C^2 = %.4g) k >= %.3g for any data, and its step eta_bar = 3 is outside Thm 2.3 (E4)",
                    C23, anyData), anyData, m);
        }

        @Override
        protected List<Property<?>> properties(Params p, Level level) {
            int steps = steps(level);
            List<Property<?>> out = new ArrayList<>();
            for (double etaBar : new double[] {3.0, 1.0}) {
                String name = etaBar == 3.0 ? "moderate-step-corollary" : "moderate-step-theorem";
                out.add(Property.of(name, ReluRun.class)
                        .description("informative: (2.4) as c1 -> 0 (max_t ||r_t|| <= 3||y||) at a moderate width with eta_bar = " + etaBar
                                + (etaBar == 3.0 ? " (the corollary's step)" : " (Thm 2.3's largest step)") + "; details: largest c1, stability eta ||J||^2 < 2")
                        .generator("ReLU, sphere n = 20, d = 10, k = 400", moderateRuns("kr", etaBar, level))
                        .check(r -> factorThree(r.outcome(steps, STOP))).informative().tries(1).build());
            }
            return out;
        }

        static Evidence factorThree(ReluRun.Outcome o) {
            double[] r = o.run().residual();
            double y = o.c().yNorm(), c1 = Double.POSITIVE_INFINITY, max = 0;
            int n = o.spec().n(), d = o.spec().d();
            for (int t = 0; t < r.length; t++) {
                max = Math.max(max, r[t]);
                if (t > 0) c1 = Math.min(c1, (double) n / d * (1 - Math.pow(r[t] / (3 * y), 1.0 / t)));
            }
            double stab = o.c().eta() * Math.pow(NonSmoothLeastSquares.max(o.run().jNorm()), 2);
            return Evidence.le("(2.4) as c1 -> 0: max_t ||r_t|| <= 3 ||y||", max, 3 * y, o.tol()).with("largest c1 allowed by this run", c1)
                    .with("max_t eta ||J(W_t)||^2 (GD stable below 2)", stab).with("final ||r||/||y||", r[r.length - 1] / y).with("steps", o.run().steps())
                    .with("eta_bar", o.spec().etaBar());
        }

        @Override
        protected void extras(Params p, RunContext ctx, ClaimResult.Builder r) {
            int steps = steps(ctx.level());
            ReluRun.Outcome o3 = moderate("kr", 3.0, 5).outcome(steps, STOP), o1 = moderate("kr", 1.0, 5).outcome(steps, STOP);
            ConvergencePlots.residual(ctx, r, "step-3-vs-1.png", "Cor 2.4: eta_bar = 3 (corollary) and 1 (Thm 2.3), ReLU n = 20, d = 10, k = 400",
                    o3.run().residual(), new ConvergencePlots.Envelope("Thm 2.3 printed envelope at eta_bar = 3 (not covered)", o3.rate(), 1));
            r.number("eta_bar = 3: steps to 1e-6 relative, final ||r||/||y||", o3.run().steps() + ", " + o3.run().residual()[o3.run().steps()] / o3.c().yNorm());
            r.number("eta_bar = 1: steps to 1e-6 relative, final ||r||/||y||", o1.run().steps() + ", " + o1.run().residual()[o1.run().steps()] / o1.c().yNorm());
            r.number("eta_bar = 3: max_t eta ||J(W_t)||^2 (stable below 2)", o3.c().eta() * Math.pow(NonSmoothLeastSquares.max(o3.run().jNorm()), 2));
        }
    }

    /** oymak/thm-2.5, Theorem 2.5 (delta-separated data): k >= C(1+nu)^2 n^9 ||X||^6/delta^4 gives the rate (1 - c etaBar delta/(n^2 ||X||^2)). */
    static final class SeparatedTheorem extends ConvergenceClaim {
        SeparatedTheorem() {
            super("oymak/thm-2.5");
        }

        @Override
        protected Requirement requirement(Params p) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("C = 9.216e9 * 10^8, c = 1/2400 (proof chain through Cor I.2)", C25 + ", " + C_RATE25);
            double anyData = C25 * Math.pow(3, 9) / 4; // n = 3 (1 - 2/n > 0), delta <= sqrt 2, ||X|| >= 1, nu = 0
            m.put("k demanded for ANY data with n = 3 (delta <= sqrt 2, ||X|| >= 1, nu = 0)", anyData);
            ReluRun.Constants c = moderate("sep", 1.0, 5).constants();
            double sep = c.lambda() * 100 * 400;
            m.put("sphere n = 20, d = 10: separation delta", sep);
            m.put("sphere n = 20, d = 10: k demanded", C25 * Math.pow(20, 9) * Math.pow(c.xNorm(), 6) / Math.pow(sep, 4));
            return new Requirement(String.format("(2.8) k >= C(1+nu)^2 n^9 ||X||^6/delta^4 with C = %.4g: k >= %.3g for any data with n >= 3", C25, anyData), anyData, m);
        }

        @Override
        protected List<Property<?>> properties(Params p, Level level) {
            List<Property<?>> out = new ArrayList<>(moderateProperties("sep", level, false));
            out.add(Property.of("chain-to-6.3", overparam.data.Dataset.class)
                    .description("the reduction to Thm 6.3: with lambda_ReLU(X) >= delta/(100 n^2) (Cor I.2), (2.8) implies (6.3) and the rate c delta/(n^2||X||^2), c = 1/2400, is at most Thm 6.3's lambda/(24||X||^2)")
                    .generator("separated data n in [2, 8], d in [3, 5], delta = 0.3", DataArbitraries.of("separated", 2, 8, 3, 5, Map.of("delta", 0.3)))
                    .check(SeparatedTheorem::chain).tries(40).build());
            out.add(Property.of("control-duplicates", DuplicateCase.class)
                    .description("negative control: a duplicated input with different labels (delta = 0, Assumption 1 dropped): no rate can hold, since ||r_t|| >= |y_i - y_j|/sqrt 2 for every W; the claimed rate with the separation of the other points must fail at a finite t")
                    .generator("duplicates n in [3, 8], d in [2, 5], y ~ N(0, I), ReLU k = 50", DuplicateCase.arbitrary())
                    .check(DuplicateCase::check).certify(DuplicateCase::certify).expectRefuted().tries(10).build());
            return out;
        }

        static Evidence chain(overparam.data.Dataset ds) {
            DMatrixRMaj x = ds.matrix();
            int n = ds.n();
            double sep = Generators.separation(ds.x()), lambda = NetworkCovariance.lambda(x, Activations.RELU), xNorm = Linalg.spectralNorm(x);
            double k28 = C25 * Math.pow(n, 9) * Math.pow(xNorm, 6) / Math.pow(sep, 4);
            return Evidence.worst(
                    Evidence.ge("Cor I.2: lambda_ReLU(X) >= delta/(100 n^2)", lambda, sep / (100.0 * n * n), Linalg.tolerance(1, n * n)),
                    Evidence.ge("(2.8) width >= (6.3) width", k28, k63(n, xNorm, lambda, 0), 1e-9 * k28),
                    Evidence.le("rate constant c delta/(n^2 ||X||^2) <= lambda/(24 ||X||^2)", C_RATE25 * sep / (n * n), lambda / 24, Linalg.tolerance(lambda, n * n)));
        }

        @Override
        protected void extras(Params p, RunContext ctx, ClaimResult.Builder r) {
            plot(ctx, r, "sep", "Thm 2.5 at a moderate width");
        }
    }

    /** Duplicated rows x_0 = x_{n-1} with labels y: the misfit floor |y_0 - y_{n-1}|/sqrt 2 holds for every W. */
    record DuplicateCase(double[][] x, double[] y, double r0) {
        static Arbitrary<DuplicateCase> arbitrary() {
            return Combinators.combine(DataArbitraries.ints(3, 8), DataArbitraries.ints(2, 5), DataArbitraries.seeds()).as((n, d, seed) -> {
                double[][] x = Generators.duplicates(n, d, seed).x();
                double[] y = Generators.gaussianLabels(n, seed);
                ShallowNet net = new ShallowNet(new DMatrixRMaj(x), Activations.RELU, ShallowNet.paperOutputWeights(50, Linalg.norm(y), n));
                double r0 = Linalg.norm(net.residual(ShallowNet.gaussianWeights(50, d, new Random(seed)), y));
                return new DuplicateCase(x, y, r0);
            });
        }

        int n() {
            return x.length;
        }

        double floor() {
            return Math.abs(y[0] - y[n() - 1]) / Math.sqrt(2);
        }

        /** Separation of the points without the duplicate (the delta a claim would have to use). */
        double otherSeparation() {
            return Generators.separation(java.util.Arrays.copyOf(x, n() - 1));
        }

        double rate() {
            double xNorm = Linalg.spectralNorm(new DMatrixRMaj(x));
            return 1 - C_RATE25 * otherSeparation() / ((double) n() * n() * xNorm * xNorm);
        }

        /** The first t where the claimed bound falls below half the floor. */
        long crossing() {
            return (long) Math.ceil(Math.log(floor() / (2 * r0)) / Math.log(rate()));
        }

        Evidence check() {
            long t = Math.max(1, crossing());
            double bound = Math.exp(Math.log(r0) + t * Math.log(rate()));
            return Evidence.le("||r_t|| <= (1 - c delta'/(n^2||X||^2))^t ||r_0|| at t = " + t + ", with ||r_t|| >= |y_i - y_j|/sqrt 2 for every W",
                    floor(), bound, Linalg.tolerance(floor(), n())).with("t", t).with("delta' (other points)", otherSeparation());
        }

        static Certificate certify(DuplicateCase c, Evidence e) {
            HighPrecision hp = new HighPrecision();
            long t = ((Number) e.details().get("t")).longValue();
            if (t > Integer.MAX_VALUE) return null;
            Dfp rate = hp.of(c.rate());
            Dfp bound = hp.of(c.r0()).multiply(hp.pow(rate, (int) t));
            Dfp floor = hp.of(c.y()[0]).subtract(hp.of(c.y()[c.n() - 1])).abs().divide(hp.sqrt(hp.of(2)));
            return Certificate.of("Dfp power of the rate; the floor is exact (f(x_0) = f(x_{n-1}) for every W)", hp.digits(),
                    HighPrecision.toBigDecimal(bound.subtract(floor)), new java.math.BigDecimal("1e-40"), "claimed bound - misfit floor at t");
        }
    }
}
