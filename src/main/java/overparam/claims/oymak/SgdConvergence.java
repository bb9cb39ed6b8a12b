package overparam.claims.oymak;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.distribution.continuous.TDistribution;
import overparam.claims.*;
import overparam.data.Generators;
import overparam.linalg.Linalg;
import overparam.nn.Activation;
import overparam.nn.ShallowNet;
import overparam.nn.Trace;
import overparam.nn.Trainer;
import overparam.report.Plots;

import java.util.*;
import java.util.concurrent.ConcurrentHashMap;

/**
 * oymak/thm-2.6, Theorem 2.6 (SGD): in the setting of Thm 2.1, SGD (2.9) with eta = (mu^2/(9 nu B^4))(n/||y||^2)
 * (sigma^2/||X||^2) eta_bar, nu >= 3: an event E with P(E) >= 1 - (4/nu)(3B||X||/(mu sigma))^{1/(kd)} such that
 * E[||r_t||^2 1_E] <= (1 - (eta_bar/(144 n))(mu^4/(nu B^4))(sigma^4/||X||^2))^t ||r_0||^2 (2.10), sigma = sigma_min(X*X).
 * Monte Carlo over SGD seeds at a fixed W_0. E is not specified, so:
 * <ul><li>the claim FAILS at t if every event of probability p_E has E[||r_t||^2 1_E] above the envelope; the smallest such
 * expectation is the lower-tail partial mean E[X 1{X <= q_{p_E}}] (the refutation check, with a 3 standard-error margin);</li>
 * <li>it HOLDS for this W_0 if E = Omega already works: the one-sided 95% upper bound of E||r_t||^2 is below the envelope
 * at every t (reported as "confirmed with E = Omega").</li></ul>
 */
final class SgdConvergence extends ConvergenceClaim {
    SgdConvergence() {
        super("oymak/thm-2.6");
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.real("nu", 8.0, "nu >= 3 of the step size and of P(E) (P(E) >= 0 needs nu > 4)"),
                ParamSpec.real("delta", 1.0, "delta of Thm 2.1's (2.2) and of the probability over W_0"));
    }

    /** The Monte Carlo experiment: T SGD runs of a given length from one W_0. */
    record SgdCase(String activation, String data, int n, int d, int k, double nu, double etaBar, int runs, int steps, long seed) {
        private static final Map<SgdCase, Outcome> MEMO = new ConcurrentHashMap<>();

        Outcome outcome() {
            if (MEMO.size() > 16) MEMO.clear();
            return MEMO.computeIfAbsent(this, SgdConvergence::monteCarlo);
        }
    }

    /** Constants of the statement on the instance. */
    record Constants(double bigB, double mu, double sigma, double xNorm, double yNorm, double eta, double envelopeRate, double pE) {}

    static Constants constants(SgdCase s, DMatrixRMaj x, double[] y) {
        Activation a = ConvergenceActivations.byName(s.activation());
        double b = a.bigB(), mu = a.mu(), xNorm = Linalg.spectralNorm(x), yNorm = Linalg.norm(y);
        DMatrixRMaj g = Linalg.gram(x);
        double sigma = Math.sqrt(Math.max(0, Linalg.lambdaMin(Linalg.hadamard(g, g))));
        double eta = mu * mu / (9 * s.nu() * Math.pow(b, 4)) * s.n() / (yNorm * yNorm) * sigma * sigma / (xNorm * xNorm) * s.etaBar();
        double q = s.etaBar() / (144.0 * s.n()) * Math.pow(mu, 4) / (s.nu() * Math.pow(b, 4)) * Math.pow(sigma, 4) / (xNorm * xNorm);
        return new Constants(b, mu, sigma, xNorm, yNorm, eta, 1 - q, pE(s.nu(), b, xNorm, mu, sigma, (double) s.k() * s.d()));
    }

    /** The stated lower bound 1 - (4/nu)(3B||X||/(mu sigma_min(X*X)))^{1/(kd)}. */
    static double pE(double nu, double b, double xNorm, double mu, double sigma, double kd) {
        return 1 - 4 / nu * Math.exp(Math.log(3 * b * xNorm / (mu * sigma)) / kd);
    }

    /** Per iterate t: mean and standard error of ||r_t||^2/||r_0||^2, the lower-tail partial mean at p_E, and max distances. */
    record Outcome(SgdCase spec, Constants c, double[][] sq, double maxDistance, double seconds) {}

    static Outcome monteCarlo(SgdCase s) {
        long start = System.nanoTime();
        double[][] x = s.data().equals("orthonormal") ? Generators.orthonormal(s.n(), s.d()).x() : Generators.sphere(s.n(), s.d(), s.seed()).x();
        double[] y = Generators.gaussianLabels(s.n(), s.seed() + 1);
        DMatrixRMaj xm = new DMatrixRMaj(x);
        Constants c = constants(s, xm, y);
        ShallowNet net = new ShallowNet(xm, ConvergenceActivations.byName(s.activation()), ShallowNet.paperOutputWeights(s.k(), c.yNorm(), s.n()));
        double[] w0 = ShallowNet.gaussianWeights(s.k(), s.d(), new Random(s.seed() + 2)).data;
        double[][] sq = new double[s.runs()][];
        double maxDist = 0;
        for (int t = 0; t < s.runs(); t++) {
            Trace tr = Trainer.sgd(net.model(y), w0, c.eta(), s.steps(), new Random(s.seed() * 31 + t), null);
            double[] r = tr.residualNorm();
            sq[t] = new double[s.steps() + 1];
            for (int tau = 0; tau <= s.steps(); tau++) sq[t][tau] = tau < r.length ? r[tau] * r[tau] / (r[0] * r[0]) : Double.NaN;
            maxDist = Math.max(maxDist, NonSmoothLeastSquares.max(tr.distance()));
        }
        return new Outcome(s, c, sq, maxDist, (System.nanoTime() - start) / 1e9);
    }

    /** The refutation check (expected to hold): at every t, lower-tail partial mean at p_E - 3 SE <= envelope. */
    static Evidence refutationCheck(Outcome o) {
        int runs = o.sq().length, steps = o.spec().steps();
        double pE = Math.max(0, o.c().pE());
        int m = (int) Math.ceil(pE * runs);
        double worst = Double.POSITIVE_INFINITY, lhsW = 0, rhsW = 0;
        int tauW = 1;
        for (int tau = 1; tau <= steps; tau++) {
            double[] col = column(o.sq(), tau);
            Arrays.sort(col);
            double partial = 0;
            for (int j = 0; j < m; j++) partial += col[j];
            partial /= runs;
            double se = standardDeviation(col) * Math.sqrt(pE / runs);
            double env = Math.exp(tau * Math.log(o.c().envelopeRate()));
            double lhs = partial - 3 * se;
            if (env - lhs < worst) {
                worst = env - lhs;
                lhsW = lhs;
                rhsW = env;
                tauW = tau;
            }
        }
        Evidence sufficient = sufficiencyCheck(o);
        return Evidence.le("(2.10) refutation check: min over events E with P(E) >= p_E of E[||r_t||^2 1_E]/||r_0||^2 (lower-tail partial mean - 3 SE) <= envelope",
                        lhsW, rhsW, Linalg.tolerance(1, runs)).with("tau", tauW).with("p_E (stated bound)", o.c().pE()).with("runs", runs)
                .with("confirmed with E = Omega (upper 95% bound of the mean below the envelope at every t)", sufficient.holds())
                .with("E = Omega check", sufficient.describe());
    }

    /** E = Omega: the one-sided 95% upper bound of E||r_t||^2/||r_0||^2 below the envelope at every t. */
    static Evidence sufficiencyCheck(Outcome o) {
        int runs = o.sq().length, steps = o.spec().steps();
        double tq = new TDistribution(Math.max(1, runs - 1)).inverseCumulativeProbability(0.95);
        double worst = Double.POSITIVE_INFINITY, lhsW = 0, rhsW = 0;
        int tauW = 1;
        for (int tau = 1; tau <= steps; tau++) {
            double[] col = column(o.sq(), tau);
            double mean = Arrays.stream(col).average().orElse(Double.NaN), ucb = mean + tq * standardDeviation(col) / Math.sqrt(runs);
            double env = Math.exp(tau * Math.log(o.c().envelopeRate()));
            if (env - ucb < worst || Double.isNaN(ucb)) {
                worst = env - ucb;
                lhsW = ucb;
                rhsW = env;
                tauW = tau;
            }
        }
        return Evidence.le("(2.10) with E = Omega: upper 95% bound of E||r_t||^2/||r_0||^2 <= envelope", lhsW, rhsW, Linalg.tolerance(1, runs))
                .with("tau", tauW).with("runs", runs).with("max_t ||W_t - W_0||_F / (nu sqrt n) (c of the radius c nu sqrt n)",
                        o.maxDistance() / (o.spec().nu() * Math.sqrt(o.spec().n())));
    }

    static double[] column(double[][] a, int j) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) c[i] = a[i][j];
        return c;
    }

    static double standardDeviation(double[] v) {
        if (v.length < 2) return 0;
        double mean = Arrays.stream(v).average().orElse(0), s = 0;
        for (double x : v) s += (x - mean) * (x - mean);
        return Math.sqrt(s / (v.length - 1));
    }

    /** The Monte Carlo at the width Thm 2.1's hypothesis demands; null when that width is beyond what the harness trains. */
    SgdCase literalCase(Params p, Level level) {
        SmoothRun s = SmoothConvergence.atRequiredWidth("logcosh", "orthonormal", 2, 2, 1.0, p.real("delta"), true, 41, false);
        if (SmoothConvergence.parameterCount(s) > MAX_PARAMETERS) return null;
        boolean ci = level == Level.CI;
        return new SgdCase("logcosh", "orthonormal", 2, 2, s.k(), p.real("nu"), 1.0, ci ? 4 : 24, ci ? 15 : 60, 41);
    }

    SgdCase moderateCase(Params p, Level level) {
        boolean ci = level == Level.CI;
        return new SgdCase("softplus", "sphere", 10, 5, 50, p.real("nu"), 1.0, ci ? 100 : 400, ci ? 300 : 2000, 43);
    }

    @Override
    protected Requirement requirement(Params p) {
        SmoothRun s = SmoothConvergence.atRequiredWidth("logcosh", "orthonormal", 2, 2, 1.0, p.real("delta"), true, 41, false);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("width of Thm 2.1's (2.2) through its proof's (P1), (P2), logcosh, orthonormal n = d = 2", SmoothConvergence.width(s));
        double base = 3 * Math.sqrt(Math.PI / 2);
        m.put("E16: base 3B||X||/(mu sigma_min(X*X)) >= 3 sqrt(pi/2) (mu <= B sqrt(2/pi), ||X|| >= 1, sigma <= 1)", base);
        for (double nu : new double[] {3, 3.5, 4, 5, 8}) m.put("p_E bound at nu = " + nu + " (kd -> infinity: 1 - 4/nu)", 1 - 4 / nu);
        return new Requirement("the setting of Thm 2.1, (2.2) through its proof's (P1), (P2) (App. F adds no condition; [10, Thm 3.1] is not in the paper): k >= "
                + SmoothConvergence.width(s) + " for logcosh on orthonormal n = d = 2", SmoothConvergence.parameterCount(s), m);
    }

    @Override
    protected List<Property<?>> properties(Params p, Level level) {
        SgdCase lit = literalCase(p, level), mod = moderateCase(p, level);
        List<Property<?>> out = new ArrayList<>();
        if (lit != null)
            out.add(Property.of("monte-carlo-literal", SgdCase.class)
                    .description("SGD Monte Carlo at the width Thm 2.1's hypothesis demands: no event of probability p_E can satisfy (2.10) would refute it")
                    .generator("fixed W_0, " + lit, Arbitraries.just(lit)).check(c -> refutationCheck(c.outcome())).tries(1).build());
        out.addAll(List.of(
                Property.of("monte-carlo-moderate", SgdCase.class)
                        .description("informative: the same Monte Carlo at a moderate width (softplus, sphere n = 10, d = 5, k = 50)")
                        .generator("fixed W_0, " + mod, Arbitraries.just(mod)).check(c -> refutationCheck(c.outcome())).informative().tries(1).build(),
                Property.of("row-norm-bound", NetInstance.class)
                        .description("App. F: max_i ||J_i(W)||_2 = max_i ||diag(v) phi'(W x_i)||_2 ||x_i|| <= B ||v||_2 for every W (unit rows)")
                        .generator("softplus, tanh, logcosh-free library activations, unit rows n <= 12, d <= 6, k <= 40, W scale 0.1..100, random v",
                                NetInstance.arbitrary(List.of("softplus", "tanh", "sigmoid", "gausscdf", "relu", "2.0*softplus"), 12, 6, 40, true, NetInstance.Outputs.RANDOM, 0.1, 1, 100))
                        .check(SgdConvergence::rowNorms).tries(100).build(),
                Property.of("pE-vacuous-nu-3-to-4", PECase.class)
                        .description("E16: for 3 <= nu <= 4 the stated P(E) bound is <= 0 on every instance, so the theorem promises nothing there")
                        .generator("sphere data n in [2, 20], d in [2, 8] (n <= d(d+1)/2), softplus or gausscdf, nu in [3, 4], k in [1, 10^6]", PECase.arbitrary())
                        .hypotheses(c -> c.sigma() > 0 ? null : "sigma_min(X*X) = 0").check(PECase::check).tries(60).build()));
        return out;
    }

    static Evidence rowNorms(NetInstance inst) {
        ShallowNet net = inst.net();
        DMatrixRMaj dw = net.weightedDerivatives(inst.wMatrix());
        double max = 0;
        for (int i = 0; i < inst.n(); i++) {
            double s = 0;
            for (int l = 0; l < inst.k(); l++) s += dw.get(i, l) * dw.get(i, l);
            max = Math.max(max, Math.sqrt(s) * Linalg.norm(inst.x()[i]));
        }
        double bound = inst.act().supD1() * Linalg.norm(inst.v());
        return Evidence.le("max_i ||J_i(W)||_2 <= B ||v||_2", max, bound, Linalg.tolerance(bound, inst.k())).with("ratio", max / bound);
    }

    /** (data, activation, nu, k) for the P(E) bound. */
    record PECase(String activation, overparam.data.Dataset data, double nu, int k) {
        static Arbitrary<PECase> arbitrary() {
            return Combinators.combine(Arbitraries.of("softplus", "gausscdf"), overparam.data.DataArbitraries.sphere(2, 20, 2, 8),
                    Arbitraries.doubles().between(3, 4), Arbitraries.integers().between(1, 1_000_000)).as(PECase::new);
        }

        double sigma() {
            DMatrixRMaj g = Linalg.gram(data.matrix());
            return Math.sqrt(Math.max(0, Linalg.lambdaMin(Linalg.hadamard(g, g))));
        }

        Evidence check() {
            Activation a = ConvergenceActivations.byName(activation);
            double value = pE(nu, a.bigB(), Linalg.spectralNorm(data.matrix()), a.mu(), sigma(), (double) k * data.d());
            return Evidence.le("stated P(E) bound 1 - (4/nu)(3B||X||/(mu sigma))^{1/(kd)} <= 0 for nu <= 4", value, 0, Linalg.tolerance(1, k));
        }
    }

    @Override
    protected void extras(Params p, RunContext ctx, ClaimResult.Builder r) {
        for (SgdCase s : java.util.stream.Stream.of(literalCase(p, ctx.level()), moderateCase(p, ctx.level())).filter(java.util.Objects::nonNull).toList()) {
            Outcome o = s.outcome();
            int steps = s.steps();
            double[] tau = new double[steps + 1], mean = new double[steps + 1], env = new double[steps + 1];
            for (int t = 0; t <= steps; t++) {
                tau[t] = t;
                mean[t] = Arrays.stream(column(o.sq(), t)).average().orElse(Double.NaN);
                env[t] = Math.exp(t * Math.log(o.c().envelopeRate()));
            }
            String name = s.k() > 1000 ? "literal" : "moderate";
            r.attachment(Plots.save(ctx.attachmentsDir(r.id()).resolve("sgd-" + name + ".png"), "Thm 2.6: mean ||r_t||^2/||r_0||^2 over " + s.runs() + " SGD runs vs (2.10), " + name,
                    "SGD step t", "relative squared residual", false, true,
                    List.of(Plots.Series.line("Monte Carlo mean", tau, mean), Plots.Series.line("envelope (2.10)", tau, env))).toString());
            r.number(name + " Monte Carlo: runs x steps, seconds", s.runs() + " x " + steps + ", " + String.format("%.2f", o.seconds()));
            r.number(name + " Monte Carlo: p_E bound at nu = " + s.nu(), o.c().pE());
            // Before the envelope falls below p_E the best-p_E-fraction event satisfies (2.10) unless E||r_t||^2 grows: the check cannot bite yet.
            r.number(name + " Monte Carlo: first t with envelope < p_E (where the refutation check starts to bite), steps run",
                    String.format("%.0f, %d", Math.log(Math.max(o.c().pE(), Double.MIN_NORMAL)) / Math.log(o.c().envelopeRate()), steps));
            r.number(name + " Monte Carlo: " + sufficiencyCheck(o).describe(), sufficiencyCheck(o).details().get("max_t ||W_t - W_0||_F / (nu sqrt n) (c of the radius c nu sqrt n)"));
        }
    }
}
