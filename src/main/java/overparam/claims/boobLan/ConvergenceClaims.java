package overparam.claims.boobLan;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Combinators;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import org.hipparchus.stat.descriptive.StreamingStatistics;
import overparam.gauss.Fits;
import overparam.linalg.Linalg;

import java.util.*;

/** boob-lan P002-21 .. P002-25: Theorems 5.8 and 5.9, the early-exit variant (3.8), Appendix A.1, the inline claims of section 3. */
final class ConvergenceClaims {
    private ConvergenceClaims() {}

    static final List<String> ACTS = AlgorithmClaims.ACTS;
    static final double RADIUS = AlgorithmClaims.RADIUS;

    /**
     * Appendix A.1 along the inner loop, per step and per noise draw: (A.2) the prox step minimises its model over the
     * ball, (A.3) the three-point inequality, (A.4) the per-step chain, (A.5) its sum, (A.6) Jensen, and Theorem 5.8's
     * pathwise form f(theta_av_{i+1}) - f* <= (sum beta)^-1 [1/2 ||theta_1 - theta*||^2 + sum (beta <xi, theta* - theta_tau>
     * + beta^2 ||xi||^2 / (2(1 - L_theta beta)))]. u ranges over theta* and a pseudo-random point of the ball.
     */
    static final class Ledger implements SgdGd.Observer {
        final double lTheta, radius;
        final Map<String, Evidence> worst = new LinkedHashMap<>();
        int k = -1, steps;
        double betaSum, gapSum, noiseSum, start, magnitude;
        double[] avg;

        Ledger(double lTheta, double radius) {
            this.lTheta = lTheta;
            this.radius = radius;
        }

        void keep(Evidence e) {
            Evidence w = worst.get(e.label());
            if (w == null || e.slack() < w.slack()) worst.put(e.label(), e);
        }

        double tol(double scale) {
            return Linalg.tolerance(scale, Math.max(1, steps));
        }

        @Override
        public void inner(SgdGd.Inner s, SgdGd.Quadratic q) {
            double[] bar = s.thetaBar(), next = s.next(), xi = s.xi(), star = s.thetaStar();
            double beta = s.beta();
            int n = bar.length;
            if (s.k() != k) {
                k = s.k();
                betaSum = gapSum = noiseSum = 0;
                start = 0.5 * dist2(bar, star);
                avg = new double[n];
                magnitude = 0;
            }
            steps++;
            double fBar = q.f(bar), fNext = q.f(next), fStar = q.f(star);
            double[] g = q.grad(bar), G = new double[n];
            for (int j = 0; j < n; j++) G[j] = g[j] + xi[j];
            double denom = 2 * (1 - lTheta * beta);
            double xi2 = TwoLayer.dot(xi, xi);
            double[] rnd = ballPoint(s.k() * 7919L + s.tau(), n);
            double reach = TwoLayer.norm(bar) + TwoLayer.norm(star) + TwoLayer.norm(rnd) + 1;
            // the quadratic form of f cancels down from c = ||v||^2/(2N), |b| |theta| and |theta^T A theta|: its rounding scale
            double terms = q.c() + TwoLayer.norm(q.b()) * reach + TwoLayer.frob(q.a()) * reach * reach;
            magnitude = Math.max(magnitude, terms + Math.abs(fBar) + Math.abs(fNext) + beta * (TwoLayer.norm(G) + 1) * reach + reach * reach);
            for (double[] u : new double[][] {star, rnd, bar}) {
                // (A.2): next minimises beta <G, u - bar> + 1/2 ||u - bar||^2 over the ball
                double mNext = beta * dot(G, next, bar) + 0.5 * dist2(next, bar), mU = beta * dot(G, u, bar) + 0.5 * dist2(u, bar);
                keep(Evidence.le("(A.2) prox model at theta_bar_{tau+1} <= at u in the ball", mNext, mU, tol(magnitude)));
                // (A.3)
                double l3 = mNext + 0.5 * dist2(u, next);
                keep(Evidence.le("(A.3) beta<G,d> + |d|^2/2 + |u - theta_{tau+1}|^2/2 <= beta<G,u - theta_tau> + |u - theta_tau|^2/2", l3, mU, tol(magnitude)));
                // (A.4)
                double r4 = beta * q.f(u) + beta * dot(xi, u, bar) + 0.5 * dist2(u, bar) - 0.5 * dist2(u, next) + beta * beta * xi2 / denom;
                keep(Evidence.le("(A.4) beta f(theta_{tau+1}) <= beta f(u) + beta<xi, u - theta_tau> + |u-theta_tau|^2/2 - |u-theta_{tau+1}|^2/2 + beta^2|xi|^2/(2(1-L_theta beta))",
                        beta * fNext, r4, tol(magnitude + Math.abs(r4))));
            }
            betaSum += beta;
            gapSum += beta * (fNext - fStar);
            noiseSum += beta * dot(xi, star, bar) + beta * beta * xi2 / denom;
            for (int j = 0; j < n; j++) avg[j] = ((betaSum - beta) * avg[j] + beta * next[j]) / betaSum;
            double scale = magnitude * s.tau();
            keep(Evidence.le("(A.5) sum beta (f(theta_{tau+1}) - f*) <= |theta_1 - theta*|^2/2 + sum (beta<xi, theta* - theta_tau> + beta^2|xi|^2/(2(1-L_theta beta)))",
                    gapSum, start + noiseSum, tol(scale)));
            double fAvg = q.f(avg);
            keep(Evidence.le("(A.6) f(theta_av) - f* <= (sum beta)^-1 sum beta (f(theta_{tau+1}) - f*)", fAvg - fStar, gapSum / betaSum, tol(scale / betaSum)));
            keep(Evidence.le("Theorem 5.8 pathwise: f(theta_av_{i+1}) - f* <= (sum beta)^-1 [|theta_1 - theta*|^2/2 + sum(...)]", fAvg - fStar,
                    (start + noiseSum) / betaSum, tol(scale / betaSum)));
        }

        Evidence result() {
            return Evidence.worst(new ArrayList<>(worst.values()));
        }

        /** A pseudo-random point of the ball (deterministic in the step). */
        double[] ballPoint(long seed, int n) {
            Random r = new Random(seed);
            double[] x = new double[n];
            for (int j = 0; j < n; j++) x[j] = r.nextGaussian();
            double s = radius * Math.pow(r.nextDouble(), 1.0 / n) / Math.max(TwoLayer.norm(x), 1e-300);
            if (Double.isInfinite(radius)) s = 3 / Math.max(TwoLayer.norm(x), 1e-300);
            for (int j = 0; j < n; j++) x[j] *= s;
            return x;
        }
    }

    /** Standard error of the mean (0 for a single draw). */
    static double standardError(StreamingStatistics s) {
        return s.getN() > 1 ? s.getStandardDeviation() / Math.sqrt(s.getN()) : 0;
    }

    static double dist2(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return s;
    }

    /** <g, a - b>. */
    static double dot(double[] g, double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < g.length; i++) s += g[i] * (a[i] - b[i]);
        return s;
    }

    static Evidence appendix(AlgoCase c) {
        Ledger l = new Ledger(c.lTheta(), c.radius());
        c.run(l);
        return l.result().with("beta*L_theta", c.beta() * c.lTheta()).with("noise", c.noise());
    }

    static Evidence theorem58Pathwise(AlgoCase c) {
        Ledger l = new Ledger(c.lTheta(), c.radius());
        c.run(l);
        return l.worst.get(l.worst.keySet().stream().filter(s -> s.startsWith("Theorem 5.8")).findFirst().orElseThrow());
    }

    // ---------------------------------------------------------------- P002-21

    /** E[f(W, theta_av_{N_i+1}) - f*] <= K0 = (N_i beta)^-1 [||theta_1 - theta*||^2 + sigma^2 N_i beta^2] at a fixed W (M draws). */
    static Evidence theorem58Expectation(AlgoCase c, int draws) {
        StreamingStatistics gaps = new StreamingStatistics();
        double k0 = 0;
        for (int t = 1; t <= draws; t++) {
            SgdGd.Step s = c.withNoiseSeed(BoobLanData.stream(c.noiseSeed(), t)).with(0, c.inner(), c.sigma(), c.betaFactor(), c.gammaFactor(), false).run().steps().get(0);
            gaps.addValue(s.fKNext() - s.fStar());
            k0 = (2 * s.startDist2() + c.sigma() * c.sigma() * c.inner() * c.beta() * c.beta()) / (c.inner() * c.beta());
        }
        double mean = gaps.getMean(), se = standardError(gaps);
        return Evidence.le("mean gap + 3 SE <= K0(N_i) (" + draws + " noise draws)", mean + 3 * se, k0, 0).with("mean", mean).with("se", se)
                .with("meanOverK0", mean / k0);
    }

    /** With beta = (5.19): K0 = D^2/(N_i beta) + sigma^2 beta <= D^2 (2 L_theta/N_i + sigma/sqrt N_i) + sigma/sqrt N_i. */
    public record CorollaryCase(double lTheta, double sigma, int inner, double dist2) {}

    static Evidence corollary58(CorollaryCase c) {
        double beta = Math.min(1 / (2 * c.lTheta()), Math.sqrt(1.0 / (c.inner() * c.sigma() * c.sigma())));
        double k0 = c.dist2() / (c.inner() * beta) + c.sigma() * c.sigma() * beta;
        double rhs = c.dist2() * (2 * c.lTheta() / c.inner() + c.sigma() / Math.sqrt(c.inner())) + c.sigma() / Math.sqrt(c.inner());
        return Evidence.le("K0 with beta of (5.19) <= D^2 (2 L_theta / N_i + sigma / sqrt N_i) + sigma / sqrt N_i", k0, rhs, Linalg.tolerance(rhs, 4));
    }

    static AlgoCase innerOnly(AlgoCase c, int inner) {
        return c.with(0, inner, c.sigma(), c.betaFactor(), c.gammaFactor(), false);
    }

    /** boob-lan/P002-21, Theorem 5.8 (Lan 2012): 0 < beta <= 1/(2 L_theta) gives E[f(W_k, theta_av) - f(W_k, theta*)] <= K0(i). */
    static final class Theorem58 extends BoobLanClaim {
        Theorem58() {
            super("boob-lan/P002-21");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("draws", 40, "noise draws per expectation at level CI"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var paths = AlgoCase.arbitrary(ACTS, 1, 4, false, 3, 40, List.of("gaussian", "student-t", "adversarial"), RADIUS, false);
            var mc = Combinators.combine(AlgoCase.arbitrary(ACTS, 2, 4, false, 1, 1, List.of("gaussian"), 1.355, false),
                    Arbitraries.of(10, 100), Arbitraries.of(0.1, 1.0, 3.0)).as((c, ni, sigma) -> innerOnly(c, ni).with(0, ni, sigma, 1, 1, false));
            var cor = Combinators.combine(Arbitraries.doubles().between(-2, 1.3), Arbitraries.doubles().between(-3, 1),
                    DataArbitraries.ints(1, 100000), Arbitraries.doubles().between(0, 100))
                    .as((lt, ls, ni, d2) -> new CorollaryCase(Math.pow(10, lt), Math.pow(10, ls), ni, d2));
            var big = AlgoCase.arbitrary(List.of("tanh", "sigmoid"), 2, 3, true, 1, 1, List.of("gaussian"), Double.POSITIVE_INFINITY, false)
                    .map(c -> c.with(0, 60, 0.01, 1, 1, false));
            int draws = p.integer("draws");
            return List.of(
                    Property.of("pathwise", AlgoCase.class)
                            .description("per inner step and per noise draw (Gaussian, Student-t(3), adversarial): f(theta_av_{i+1}) - f* <= (sum beta)^-1 [|theta_1 - theta*|^2/2 + sum(beta<xi, theta* - theta_tau> + beta^2|xi|^2/(2(1 - L_theta beta)))]")
                            .generator("d in [1,4], N in [1,d^2], R/2 = 5, N_o in [1,3], N_i in [1,40], beta = (5.19), L_theta = n sup|h|^2", paths)
                            .hypotheses(AlgoCase::wellFormed)
                            .check(ConvergenceClaims::theorem58Pathwise).tries(30).search(SearchSpace.coordinates()).build(),
                    Property.of("expectation", AlgoCase.class)
                            .description("(5.18) in expectation: mean gap + 3 SE over " + draws + " noise draws <= K0(N_i) (catalogue reference: d = 4, N = 13, R = 2.71, N_i in {10,100,1000}, sigma in {0.1,1,3})")
                            .generator("d in [2,4], N in [1,d^2], R/2 = 1.355, N_i in {10, 100}, sigma in {0.1, 1, 3}", mc)
                            .hypotheses(AlgoCase::wellFormed)
                            .check(c -> theorem58Expectation(c, draws)).tries(6).build(),
                    Property.of("corollary-algebra", CorollaryCase.class)
                            .description("the constant-step corollary: K0 with beta = min{1/(2L_theta), sqrt(1/(N_i sigma^2))} <= D^2 [2 L_theta/N_i + sigma/sqrt N_i] + sigma/sqrt N_i")
                            .generator("L_theta = 10^[-2,1.3], sigma = 10^[-3,1], N_i in [1,1e5], D^2 in [0,100]", cor)
                            .check(ConvergenceClaims::corollary58).tries(200).build(),
                    Property.of("control-beta-too-large", AlgoCase.class)
                            .description("negative control: no projection and beta = 2.5/lambda_max (beyond 2/L): the gap diverges past K0")
                            .generator("tanh, sigmoid, d in [2,3], N = d^2, R = R^n, N_i = 60, sigma = 0.01, beta = 2.5/lambda_max", big)
                            .check(c -> {
                                double lmax = SgdGd.quadratic(c.act(), c.u(), c.v(), c.w0()).lambdaMax();
                                double base = 1 / (2 * c.lTheta());
                                base = Math.min(base, Math.sqrt(1.0 / (c.inner() * c.sigma() * c.sigma())));
                                AlgoCase bad = c.with(0, c.inner(), c.sigma(), 2.5 / lmax / base, 1, false);
                                return theorem58Expectation(bad, 3);
                            }).expectRefuted().tries(5).build());
        }
    }

    // ---------------------------------------------------------------- P002-22

    /** (5.22) at every outer step of one run, with theta*_{W_k} exact and L = L_R. */
    static Evidence step522(AlgoCase c) {
        SgdGd.Trace t = c.run();
        double l = c.lW(), g = c.gamma();
        Evidence worst = null;
        for (SgdGd.Step s : t.steps()) {
            double rhs = s.fK() + (s.startDist2() + s.noiseCross() + s.noiseSquare()) / s.betaSum() - (g - l * g * g / 2) * s.gradW2();
            double scale = s.lossScale() + Math.abs(s.fK()) + Math.abs(s.fNext()) + (s.startDist2() + Math.abs(s.noiseCross()) + s.noiseSquare()) / s.betaSum()
                    + g * s.gradW2();
            Evidence e = Evidence.le("(5.22) f(W_{k+1}, theta_{k+1}) <= f(W_k, theta_k) + (sum beta)^-1[...] - (gamma - L gamma^2/2)||grad_W f||^2 at k = " + s.k(),
                    s.fNext(), rhs, Linalg.tolerance(scale, c.inner() + c.u().length));
            if (worst == null || e.slack() < worst.slack()) worst = e;
        }
        return worst;
    }

    /** The right-hand side of (5.21) with sigma^2 for E||xi||^2, and of the corollary. */
    static double[] bounds59(AlgoCase c, double f0) {
        double l = c.lW(), g = c.gamma(), b = c.beta(), r = 2 * c.radius();
        double inner = 0;
        for (int k = 0; k <= c.outer(); k++)
            inner += (r * r / 2 + c.inner() * b * b * c.sigma() * c.sigma() / (2 * (1 - c.lTheta() * b))) / (c.inner() * b);
        double denom = (c.outer() + 1) * (g - l * g * g / 2);
        double corollary = 2 * l * (f0 + r * r * (c.lTheta() + 0.5) + 1) / c.outer();
        return new double[] {(f0 + inner) / denom, corollary};
    }

    /** Mean over draws of min_k ||grad_W f(W_k, theta_{k+1})||^2 (+ 3 SE) against (5.21), and the corollary when its settings hold. */
    static Evidence theorem59(AlgoCase c, int draws, boolean corollary) {
        StreamingStatistics mins = new StreamingStatistics(), lasts = new StreamingStatistics();
        double f0 = TwoLayer.loss(c.act(), c.u(), c.v(), c.w0(), c.theta0());
        for (int t = 1; t <= draws; t++) {
            SgdGd.Trace tr = c.withNoiseSeed(BoobLanData.stream(c.noiseSeed(), t)).run();
            mins.addValue(tr.steps().stream().mapToDouble(SgdGd.Step::gradW2).min().orElseThrow());
            lasts.addValue(Math.pow(TwoLayer.frob(TwoLayer.gradW(c.act(), c.u(), c.v(), tr.wFinal(), tr.thetaFinal())), 2));
        }
        double mean = mins.getMean(), se = standardError(mins), lastMean = lasts.getMean();
        double[] b = bounds59(c, f0);
        double bound = corollary ? b[1] : b[0];
        return Evidence.le((corollary ? "corollary 2L(f0 + R^2(L_theta + 1/2) + 1)/N_o" : "(5.21)") + ": mean min_k ||grad_W f(W_k, theta_{k+1})||^2 + 3 SE", mean + 3 * se,
                bound, 0).with("mean", mean).with("se", se).with("bound/mean", bound / Math.max(mean, 1e-300)).with("lastIterateMean", lastMean)
                .with("bound5.21", b[0]).with("boundCorollary", b[1]);
    }

    /** The corollary's settings: N_i = N_o, sigma = 1/sqrt(N_i), gamma = 1/L, beta = (5.19). */
    static AlgoCase corollarySettings(AlgoCase c, int n) {
        return c.with(n, n, 1 / Math.sqrt(n), 1, 1, false);
    }

    /** boob-lan/P002-22, Theorem 5.9: gamma_k < 2/L gives E[min_k ||grad_W f(W_k, theta_{k+1})||^2] <= (5.21), and the O(1/N_o) corollary. */
    static final class Theorem59 extends BoobLanClaim {
        Theorem59() {
            super("boob-lan/P002-22");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("draws", 8, "noise draws per expectation at level CI"),
                    ParamSpec.integer("outerMax", 40, "largest N_o of the pathwise runs"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int draws = p.integer("draws");
            var runs = AlgoCase.arbitrary(ACTS, 1, 3, false, p.integer("outerMax"), 20, List.of("gaussian", "student-t"), RADIUS, false);
            var cor = Combinators.combine(AlgoCase.arbitrary(List.of("tanh", "sigmoid", "gaussian"), 2, 3, true, 1, 1, List.of("gaussian"), RADIUS, false),
                    Arbitraries.of(10, 20, 40)).as(ConvergenceClaims::corollarySettings);
            var outside = AlgoCase.arbitrary(List.of("tanh", "sigmoid"), 2, 3, true, 1, 1, List.of("gaussian"), 0.05, false).map(c -> {
                SgdGd.Quadratic q = SgdGd.quadratic(c.act(), c.u(), c.v(), c.w0());
                double[] ls = BallQp.solve(q.a(), q.b(), Double.POSITIVE_INFINITY);
                return c.withTheta0(ls).with(0, 200, 1e-4, 1, 1, false);
            });
            return List.of(
                    Property.of("pathwise-5.22", AlgoCase.class)
                            .description("(5.22) at every outer step and for every noise draw (Gaussian, Student-t), theta_0 in the ball, gamma = 1/L_R")
                            .generator("d in [1,3], N in [1,d^2], R/2 = 5, N_o in [1,outerMax], N_i in [1,20], sigma in {0.05,0.3,1}", runs)
                            .hypotheses(AlgoCase::wellFormed)
                            .check(ConvergenceClaims::step522).tries(25).search(SearchSpace.coordinates()).build(),
                    Property.of("expectation-5.21", AlgoCase.class)
                            .description("(5.21): mean over " + draws + " draws of min_k ||grad_W f||^2 + 3 SE <= its right-hand side")
                            .generator("as pathwise-5.22", runs)
                            .hypotheses(AlgoCase::wellFormed)
                            .check(c -> theorem59(c, draws, false)).tries(8).build(),
                    Property.of("corollary", AlgoCase.class)
                            .description("N_i = N_o, sigma = 1/sqrt N_i, gamma = 1/L, beta = (5.19): mean min_k ||grad_W f||^2 + 3 SE <= 2L(f(W0,theta0) + R^2(L_theta + 1/2) + 1)/N_o")
                            .generator("tanh, sigmoid, Gaussian; d in [2,3], N = d^2, R/2 = 5, N_o = N_i in {10,20,40}", cor)
                            .hypotheses(AlgoCase::wellFormed)
                            .check(c -> theorem59(c, draws, true)).tries(6).build(),
                    Property.of("control-theta0-outside", AlgoCase.class)
                            .description("negative control (theta_0 in R dropped): theta_0 = the unconstrained least-squares theta, outside a ball of radius 0.05; f(W_0, theta*) <= f(W_0, theta_0) fails and so does (5.22) at k = 0")
                            .generator("tanh, sigmoid, d in [2,3], N = d^2, R/2 = 0.05, N_i = 200, sigma = 1e-4", outside)
                            .hypotheses(c -> TwoLayer.norm(c.theta0()) > c.radius() ? null : "least-squares theta inside the ball")
                            .check(ConvergenceClaims::step522).expectRefuted().tries(5).build());
        }

        /** O(1/N_o): the corollary's right-hand side has slope -1 in N_o (log-log); the observed mean min-gradient is fitted too. */
        @Override
        protected List<PropertyOutcome> experiments(Params p, RunContext ctx, ClaimResult.Builder r) {
            Random rng = new Random(ctx.seedFor(id() + "#trend"));
            NetCase base = NetCase.random("tanh", 9, 3, 3, rng.nextLong(), 1, 1, 1);
            double[] t0 = BoobLanData.gaussian(3, 1, rng);
            AlgoCase c = new AlgoCase("tanh", base.u(), base.v(), base.w(), t0, RADIUS, 1, 1, 0.05, "gaussian", 1, 1, false, rng.nextLong());
            int[] ns = {5, 10, 20, 40};
            double[] x = new double[ns.length], yb = new double[ns.length], yo = new double[ns.length];
            for (int i = 0; i < ns.length; i++) {
                Evidence e = theorem59(corollarySettings(c, ns[i]), ctx.level() == Level.CI ? 2 : 4, true);
                x[i] = ns[i];
                yb[i] = e.rhs();
                yo[i] = Math.max((Double) e.details().get("mean"), 1e-300);
                r.number("corollary.N_o=" + ns[i] + ".bound", e.rhs());
                r.number("corollary.N_o=" + ns[i] + ".meanMinGrad2", yo[i]);
            }
            Fits.Line fb = Fits.powerLaw(x, yb, 0.95), fo = Fits.powerLaw(x, yo, 0.95);
            r.number("corollary.boundSlope", fb.slope());
            r.number("corollary.observedSlope", fo.slope());
            r.number("corollary.observedSlopeCI", fo.slopeLow() + ".." + fo.slopeHigh());
            r.number("note", "the bound is loose (bound/mean in the evidence details); with N_i = N_o the rate in total stochastic gradients T = N_o^2 is O(1/sqrt T)");
            return List.of();
        }
    }

    // ---------------------------------------------------------------- P002-23

    static Evidence earlyExit(AlgoCase c) {
        SgdGd.Trace t = c.run();
        double l = c.lW(), g = c.gamma(), coef = g - l * g * g / 2;
        Evidence worst = null;
        double min = Double.POSITIVE_INFINITY;
        for (SgdGd.Step s : t.steps()) {
            double rhs = s.fK() - coef * s.gradW2();
            Evidence e = Evidence.le("f(W_{k+1}, theta_{k+1}) <= f(W_k, theta_k) - (gamma - L gamma^2/2)||grad_W f||^2 at k = " + s.k(), s.fNext(), rhs,
                    Linalg.tolerance(s.lossScale() + coef * s.gradW2(), c.u().length));
            if (worst == null || e.slack() < worst.slack()) worst = e;
            min = Math.min(min, s.gradW2());
        }
        double f0 = t.steps().get(0).fK();
        Evidence total = Evidence.le("min_k ||grad_W f||^2 <= f(W_0, theta_0) / sum_k (gamma - L gamma^2/2)", min, f0 / ((c.outer() + 1) * coef),
                Linalg.tolerance(f0, c.outer() + 1));
        return Evidence.worst(worst, total);
    }

    /** boob-lan/P002-23, (3.8): with an inner loop that only has to improve f, f decreases by (gamma - L gamma^2/2)||grad||^2 per step. */
    static final class EarlyExit extends BoobLanClaim {
        EarlyExit() {
            super("boob-lan/P002-23");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var runs = AlgoCase.arbitrary(ACTS, 1, 3, false, 40, 20, List.of("gaussian"), RADIUS, true);
            var noisy = AlgoCase.arbitrary(List.of("tanh", "sigmoid"), 2, 3, true, 5, 1, List.of("gaussian"), RADIUS, false)
                    .map(c -> c.with(5, 1, 3, 1, 1, false));
            return List.of(
                    Property.of("monotone", AlgoCase.class)
                            .description("every accepted theta_{k+1} satisfies (3.8); gamma = gamma_factor/L_R < 2/L: per-step decrease and min_k ||grad||^2 <= f(W0,theta0)/sum(gamma - L gamma^2/2)")
                            .generator("d in [1,3], N in [1,d^2], R/2 = 5, N_o in [1,40], N_i in [1,20], early exit on", runs)
                            .hypotheses(AlgoCase::wellFormed)
                            .check(ConvergenceClaims::earlyExit).tries(30).search(SearchSpace.coordinates()).build(),
                    Property.of("control-without-3.8", AlgoCase.class)
                            .description("negative control: (3.8) dropped (N_i = 1, sigma = 3, no early exit): f can increase, the per-step decrease fails")
                            .generator("tanh, sigmoid, d in [2,3], N = d^2, N_o = 5", noisy)
                            .hypotheses(AlgoCase::wellFormed)
                            .check(ConvergenceClaims::earlyExit).expectRefuted().tries(10).build());
        }
    }

    // ---------------------------------------------------------------- P002-24

    /** boob-lan/P002-24, Appendix A.1 (proof of Theorem 5.8): (A.2)-(A.6) per step and per noise draw, (A.7) in mean. */
    static final class AppendixA1 extends BoobLanClaim {
        AppendixA1() {
            super("boob-lan/P002-24");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var runs = AlgoCase.arbitrary(ACTS, 1, 4, false, 3, 40, List.of("gaussian", "student-t", "adversarial"), RADIUS, false);
            var free = AlgoCase.arbitrary(ACTS, 1, 3, false, 2, 30, List.of("gaussian", "adversarial"), Double.POSITIVE_INFINITY, false);
            var big = AlgoCase.arbitrary(List.of("tanh", "sigmoid", "gaussian"), 1, 3, false, 1, 20, List.of("gaussian"), RADIUS, false)
                    .map(c -> c.with(1, c.inner(), 1, 3 * (2 * c.lTheta()), 1, false));
            return List.of(
                    Property.of("pathwise", AlgoCase.class)
                            .description("(A.2) prox optimality, (A.3) three-point, (A.4) per-step chain (u = theta*, a random ball point, theta_tau), (A.5), (A.6), per step and per draw; beta <= 1/(2 L_theta) so 1 - L_theta beta >= 1/2")
                            .generator("d in [1,4], N in [1,d^2], R/2 = 5; Gaussian, Student-t(3) and adversarial noise; N_i in [1,40]", runs)
                            .hypotheses(AlgoCase::wellFormed)
                            .check(ConvergenceClaims::appendix).tries(30).search(SearchSpace.coordinates()).build(),
                    Property.of("unconstrained", AlgoCase.class)
                            .description("the same with R = R^n (the paper's (A.2) minimises over R^d)")
                            .generator("d in [1,3], no projection, Gaussian and adversarial noise", free)
                            .hypotheses(AlgoCase::wellFormed).check(ConvergenceClaims::appendix).tries(15).search(SearchSpace.coordinates()).build(),
                    Property.of("martingale-A.7", AlgoCase.class)
                            .description("(A.7) E[<xi_tau, theta* - theta_tau> | past] = 0: the mean over 200 draws of sum_tau beta <xi_tau, theta* - theta_tau> is within 4 SE of 0")
                            .generator("d in [1,4], Gaussian noise", AlgoCase.arbitrary(ACTS, 1, 4, false, 1, 20, List.of("gaussian"), RADIUS, false))
                            .hypotheses(AlgoCase::wellFormed)
                            .check(ConvergenceClaims::martingale).tries(5).build(),
                    Property.of("control-beta-above-1/L", AlgoCase.class)
                            .description("negative control: beta = 3/L_theta (> 1/L_theta), 1 - L_theta beta < 0: (A.4) fails")
                            .generator("tanh, sigmoid, Gaussian; beta = 3/L_theta, sigma = 1", big)
                            .hypotheses(AlgoCase::wellFormed)
                            .check(ConvergenceClaims::appendix).expectRefuted().tries(10).build());
        }
    }

    static Evidence martingale(AlgoCase c) {
        int draws = 200;
        StreamingStatistics cross = new StreamingStatistics();
        for (int t = 1; t <= draws; t++) cross.addValue(c.withNoiseSeed(BoobLanData.stream(c.noiseSeed(), t)).run().steps().get(0).noiseCross());
        double mean = cross.getMean(), se = standardError(cross);
        return Evidence.le("|mean of sum beta <xi, theta* - theta_tau>| / SE", se == 0 ? 0 : Math.abs(mean) / se, 4, 0).with("mean", mean).with("se", se);
    }

    // ---------------------------------------------------------------- P002-25

    /** (3.4)/(3.5): E[G] = grad_theta f (mean of xi within 4 SE per coordinate) and E||xi||^2 = sigma^2 (within 4 SE). */
    public record NoiseCase(int n, double sigma, long seed) {}

    static Evidence noiseMoments(NoiseCase c) {
        int draws = 4000;
        SgdGd.Noise noise = SgdGd.Noise.gaussian(c.sigma());
        Random rng = new Random(c.seed());
        StreamingStatistics[] coords = new StreamingStatistics[c.n()];
        for (int j = 0; j < c.n(); j++) coords[j] = new StreamingStatistics();
        StreamingStatistics squares = new StreamingStatistics();
        for (int t = 1; t <= draws; t++) {
            double[] xi = noise.draw(0, t, new double[c.n()], new double[c.n()], rng);
            for (int j = 0; j < c.n(); j++) coords[j].addValue(xi[j]);
            squares.addValue(TwoLayer.dot(xi, xi));
        }
        double z = 0;
        for (StreamingStatistics x : coords) z = Math.max(z, Math.abs(x.getMean()) / standardError(x));
        return Evidence.worst(Evidence.le("max_j |mean xi_j| / SE (E[G] = grad_theta f)", z, 4.5, 0),
                Evidence.le("|mean ||xi||^2 - sigma^2| / SE (3.5)", Math.abs(squares.getMean() - c.sigma() * c.sigma()) / standardError(squares), 4.5, 0));
    }

    /** The prox (3.7): argmin_{z in ball} <y, z - x> + |z - x|^2/2 = Proj(x - y), against the exact ball-QP solver and random feasible z. */
    public record ProxCase(double[] x, double[] y, double radius, long seed) {}

    static Evidence prox(ProxCase c) {
        int n = c.x().length;
        double[] xy = new double[n];
        for (int i = 0; i < n; i++) xy[i] = c.x()[i] - c.y()[i];
        double[] proj = BallQp.project(xy, c.radius());
        double[][] eye = TwoLayer.identity(n);
        double[] qp = BallQp.solve(eye, xy, c.radius());
        double diff = 0;
        for (int i = 0; i < n; i++) diff = Math.max(diff, Math.abs(proj[i] - qp[i]));
        double obj = objective(c, proj), worst = Double.POSITIVE_INFINITY;
        Random rng = new Random(c.seed());
        for (int t = 0; t < 50; t++) {
            double[] z = new double[n];
            for (int i = 0; i < n; i++) z[i] = rng.nextGaussian();
            double s = c.radius() * Math.pow(rng.nextDouble(), 1.0 / n) / TwoLayer.norm(z);
            for (int i = 0; i < n; i++) z[i] *= s;
            worst = Math.min(worst, objective(c, z) - obj);
        }
        double scale = TwoLayer.norm(xy) + c.radius();
        return Evidence.worst(Evidence.eq("max |Proj(x - y) - ball-QP argmin|", diff, 0, 1e3 * Linalg.tolerance(scale, n)),
                Evidence.ge("min over random feasible z of model(z) - model(Proj(x - y))", worst, 0, Linalg.tolerance(scale * scale, n)));
    }

    static double objective(ProxCase c, double[] z) {
        double s = 0;
        for (int i = 0; i < z.length; i++) s += c.y()[i] * (z[i] - c.x()[i]) + 0.5 * (z[i] - c.x()[i]) * (z[i] - c.x()[i]);
        return s;
    }

    /** boob-lan/P002-25, (3.4)-(3.7) and section 3: the stochastic gradient, the prox, and the sample count N <= nd. */
    static final class InlineClaims extends BoobLanClaim {
        InlineClaims() {
            super("boob-lan/P002-25");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var noise = Combinators.combine(DataArbitraries.ints(1, 6), Arbitraries.doubles().between(0.01, 5), DataArbitraries.seeds()).as(NoiseCase::new);
            var prox = Combinators.combine(DataArbitraries.ints(1, 6), Arbitraries.doubles().between(0.05, 5), DataArbitraries.seeds()).as((n, r, s) -> {
                Random rng = new Random(s);
                return new ProxCase(BoobLanData.gaussian(n, 2, rng), BoobLanData.gaussian(n, 2, rng), r, rng.nextLong());
            });
            var many = NetCase.arbitrary(List.of("tanh", "sigmoid", "softplus"), 3, false, 30, 1, 1, 1);
            return List.of(
                    Property.of("stochastic-gradient", NoiseCase.class)
                            .description("(3.4)/(3.5): xi with i.i.d. N(0, sigma^2/n) entries has E[xi] = 0 (so E[G] = grad_theta f) and E||xi||^2 = sigma^2 (4000 draws, 4.5 SE)")
                            .generator("n in [1,6], sigma in [0.01,5]", noise)
                            .check(ConvergenceClaims::noiseMoments).tries(20).build(),
                    Property.of("prox-is-projection", ProxCase.class)
                            .description("(3.7): on the ball the prox is the projection of x - y (exact ball-QP solver; 50 random feasible points do no better)")
                            .generator("n in [1,6], radius in [0.05,5], x, y ~ N(0, 4)", prox)
                            .hypotheses(c -> c.x().length == c.y().length && c.radius() > 0 && java.util.Arrays.stream(c.x()).allMatch(Double::isFinite)
                                    && java.util.Arrays.stream(c.y()).allMatch(Double::isFinite) ? null : "shapes, finite values, radius > 0")
                            .check(ConvergenceClaims::prox).tries(60).search(SearchSpace.coordinates()).build(),
                    Property.of("samples-at-most-nd", NetCase.class)
                            .description("full column rank of D needs N <= nd: rank D <= min(N, nd)")
                            .generator("d in [1,3], n in [1,d], N in [1,30]", many)
                            .check(c -> Ranks.atMost("rank D <= min(N, nd)", c.rankD(), Math.min(c.nPoints(), c.width() * c.d())))
                            .tries(40).build(),
                    Property.of("control-N-above-nd", NetCase.class)
                            .description("negative control: N > nd, D (nd x N) cannot have full column rank")
                            .generator("as samples-at-most-nd, N > nd", many)
                            .hypotheses(c -> c.nPoints() > c.width() * c.d() ? null : "N <= nd")
                            .check(c -> Ranks.equal("rank D == N (full column rank)", c.rankD(), c.nPoints()))
                            .certify((c, e) -> Ranks.certify("rank of D", Ranks.hpRank(c.hp().matrixD()), c.nPoints(), Evidence.Relation.EQ))
                            .expectRefuted().tries(10).build());
        }

        /** Beyond the paper (catalogue): N > d^2 + d labels are not interpolated; the smallest f over GD restarts stays > 0. */
        @Override
        protected List<PropertyOutcome> experiments(Params p, RunContext ctx, ClaimResult.Builder r) {
            int d = 2, nPts = d * d + d + 2, restarts = ctx.tries(4);
            Random rng = new Random(ctx.seedFor(id() + "#overdetermined"));
            double[][] u = BoobLanData.points("gaussian", nPts, d, rng.nextLong());
            double[] v = BoobLanData.gaussian(nPts, 1, rng);
            double best = Double.POSITIVE_INFINITY;
            for (int t = 0; t < restarts; t++) {
                AlgoCase c = new AlgoCase("tanh", u, v, BoobLanData.gaussianW(d, d, rng), BoobLanData.gaussian(d, 1, rng), Double.POSITIVE_INFINITY,
                        300, 20, 0, "gaussian", 1, 1, false, rng.nextLong());
                AlgoCase gd = new AlgoCase(c.activation(), u, v, c.w0(), c.theta0(), 10, 300, 20, 0, "gaussian", 1, 1, false, c.noiseSeed());
                SgdGd.Trace tr = gd.run();
                best = Math.min(best, TwoLayer.loss(c.act(), u, v, tr.wFinal(), tr.thetaFinal()));
            }
            r.number("overdetermined.N", nPts);
            r.number("overdetermined.parameters", d * d + d);
            r.number("overdetermined.minLossOverRestarts", best);
            return List.of();
        }
    }
}
