package overparam.claims.oymak;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.data.Generators;
import overparam.linalg.Linalg;
import overparam.nn.Activations;
import overparam.nn.ShallowNet;
import overparam.nn.Trace;
import overparam.nn.Trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * oymak/thm-6.13, Theorem 6.13 (non-smooth overparameterized optimization): under Assumptions 2-4 with
 * R = 3||r0||/alpha and eta <= 1/(3 beta^2), ||r_t|| <= (1 - eta alpha^2)^t ||r_0|| (6.20, unsquared) and
 * (alpha/3)||theta_t - theta_0|| + ||r_t|| <= ||r_0|| (6.21) in the norm of Assumption 4.
 */
final class NonSmoothLeastSquares extends ConvergenceClaim {
    static final int MAX_STEPS = 4000, NET_STEPS = 2000;

    NonSmoothLeastSquares() {
        super("oymak/thm-6.13");
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer("nMax", 8, "largest number of residuals n of the toy maps"),
                ParamSpec.real("etaBar", 1.0, "step size eta = etaBar/(3 beta^2), etaBar in (0, 1]"),
                ParamSpec.string("netWidths", "8000", "widths k of the ReLU networks of the conditional check (orthonormal data, n in [2, 3])"),
                ParamSpec.string("recordedWidths", "2000", "widths k of the informative runs (sphere data, n in [2, 3], d = n + 1), where A4 often fails"));
    }

    @Override
    protected Requirement requirement(Params p) {
        return NonlinearLeastSquares.toyRequirement("Assumptions 2-4 with R = 3||r0||/alpha and eta <= 1/(3 beta^2)");
    }

    @Override
    protected void extras(Params p, RunContext ctx, ClaimResult.Builder r) {
        ToyMaps.ReluToy t = ToyMaps.reluToys(5, 6, 6, 0.6).generator(1000).next(new Random(ctx.seedFor(id() + "#plot"))).value();
        if (toyAssumptions(t) != null) return;
        ToyConstants c = toyConstants(t);
        double eta = p.real("etaBar") / (3 * c.beta() * c.beta());
        Trace tr = Trainer.gradientDescent(t.model(), t.theta0(), Trainer.StepSize.constant(eta), MAX_STEPS, 1e-10, null);
        ConvergencePlots.residual(ctx, r, "relu-toy.png", "Thm 6.13 on f = A theta + eps B relu(C theta), n = " + t.n() + ", p = " + t.p() + ", m = " + t.m(),
                tr.residualNorm(), new ConvergencePlots.Envelope("(6.20): (1 - eta alpha^2)^t ||r0||", 1 - eta * c.alpha() * c.alpha(), 1));
    }

    @Override
    protected List<Property<?>> properties(Params p, Level level) {
        int nMax = p.integer("nMax");
        double etaBar = p.real("etaBar");
        List<Integer> widths = ints(p.string("netWidths")), recordedWidths = ints(p.string("recordedWidths"));
        String toyGen = "n in [1," + nMax + "], p in [n, n+10], m in [1, 8], eps = u (alpha/3)/(||B|| ||C||), u in {0.3, 0.6, 0.9}";
        Arbitrary<ReluNetRun> nets = ReluNetRun.arbitrary("orthonormal", 0, widths), recorded = ReluNetRun.arbitrary("sphere", 1, recordedWidths);
        String netGen = "ReLU net, orthonormal data, n in [2, 3], d = n, k in " + widths + ", paper's v, W0 ~ N(0,1), y ~ N(0, I)";
        String recordedGen = "ReLU net, sphere data, n in [2, 3], d = n + 1, k in " + recordedWidths + ", paper's v, W0 ~ N(0,1), y ~ N(0, I)";
        return List.of(
                Property.of("relu-map-l2", ToyMaps.ReluToy.class)
                        .description("f = A theta + eps B relu(C theta), A4 globally (eps||B|| ||C|| <= alpha/3), alpha = sigma_min(J(theta0))/2, beta = ||A|| + eps||B|| ||C||; (6.20), (6.21) in ||.||_2")
                        .generator(toyGen, ToyMaps.reluToys(nMax, 10, 8, 0.3, 0.6, 0.9))
                        .hypotheses(NonSmoothLeastSquares::toyAssumptions)
                        .check(t -> toy(t, etaBar, false)).tries(40).build(),
                Property.of("relu-map-dominated-norms", ToyMaps.ReluToy.class)
                        .description("(6.21) in two norms dominated by ||.||_2: ||.||_inf and the spectral norm of mat(theta) (A4 holds on the larger balls too, since it holds globally)")
                        .generator(toyGen, ToyMaps.reluToys(nMax, 10, 8, 0.3, 0.6, 0.9))
                        .hypotheses(NonSmoothLeastSquares::toyAssumptions)
                        .check(t -> toy(t, etaBar, true)).tries(30).build(),
                Property.of("relu-net-conditional", ReluNetRun.class)
                        .description("ReLU nets, alpha = sigma_min(J(W0))/2 measured, beta = ||y|| ||X||/sqrt n (Lemma 6.6), eta = 1/(3 beta^2): where A4 holds along the path (iterates and every linear piece of every segment), (6.20) and (6.21) (Frobenius and spectral) must hold")
                        .generator(netGen, nets)
                        .hypotheses(r -> r.outcome().report().a4() && r.outcome().report().a3() ? null
                                : "A4 fails along the path: max ||J(W) - J(W0)|| = " + r.outcome().report().maxDeviation() + " > alpha/3 = " + r.outcome().report().alpha() / 3)
                        .check(r -> r.outcome().conclusions()).tries(3).build(),
                Property.of("relu-net-recorded", ReluNetRun.class)
                        .description("informative: the same conclusions recorded whether or not A4 holds along the path (details: A4 held, max deviation / (alpha/3))")
                        .generator(recordedGen, recorded)
                        .check(r -> r.outcome().conclusions()).informative().tries(2).build(),
                Property.of("control-step-2.5", ToyMaps.ReluToy.class)
                        .description("negative control: the linear map (eps = 0) with eta = 2.5/beta^2 > 1/(3 beta^2); (6.20) fails")
                        .generator("n in [1," + nMax + "], p in [n, n+10], eps = 0", ToyMaps.reluToys(nMax, 10, 8, 0.0))
                        .check(NonSmoothLeastSquares::largeStep)
                        .certify((t, e) -> t.eps() == 0 ? NonlinearLeastSquares.certifyLinearGd(t.a(), t.theta0(), t.y(), 0.5, 1.0, 1, e) : null)
                        .expectRefuted().tries(10).build());
    }

    /** A2 with alpha = sigma_min(J(theta0))/2, A3 with beta = ||A|| + eps||B|| ||C||, A4 globally: eps ||B|| ||C|| <= alpha/3. */
    record ToyConstants(double alpha, double beta, double a4Bound) {}

    static ToyConstants toyConstants(ToyMaps.ReluToy t) {
        DMatrixRMaj j0 = t.jacobian(t.pattern(t.theta0()));
        double bc = t.eps() * Linalg.spectralNorm(new DMatrixRMaj(t.b())) * Linalg.spectralNorm(new DMatrixRMaj(t.c()));
        double nA = Linalg.spectralNorm(new DMatrixRMaj(t.a()));
        double round = Linalg.tolerance(nA + bc, t.n() + t.p() + t.m());
        return new ToyConstants((Linalg.sigmaMin(j0) - round) / 2, nA + bc + round, bc + round);
    }

    static String toyAssumptions(ToyMaps.ReluToy t) {
        ToyConstants c = toyConstants(t);
        if (!(c.alpha() > 0)) return "A2: sigma_min(J(theta0)) = 0";
        return c.a4Bound() <= c.alpha() / 3 ? null : "A4: eps ||B|| ||C|| > alpha/3";
    }

    static Evidence toy(ToyMaps.ReluToy t, double etaBar, boolean dominated) {
        ToyConstants c = toyConstants(t);
        double eta = etaBar / (3 * c.beta() * c.beta());
        int divisor = 1;
        for (int q = 1; q * q <= t.p(); q++) if (t.p() % q == 0) divisor = q;
        int rows = divisor, cols = t.p() / rows;
        List<double[]> other = new ArrayList<>();
        other.add(new double[] {0, 0});
        double[] theta0 = t.theta0();
        Trace tr = Trainer.gradientDescent(t.model(), theta0, Trainer.StepSize.constant(eta), MAX_STEPS, 1e-10, (tau, theta, r) -> {
            double inf = 0;
            double[] diff = new double[theta.length];
            for (int q = 0; q < theta.length; q++) {
                diff[q] = theta[q] - theta0[q];
                inf = Math.max(inf, Math.abs(diff[q]));
            }
            other.add(new double[] {inf, Linalg.spectralNorm(DMatrixRMaj.wrap(rows, cols, diff))});
            return true;
        });
        double[] r = tr.residualNorm();
        double tol = Envelope.residualTolerance(c.beta() * (Linalg.norm(theta0) + tr.pathLength()[tr.steps()]) + Linalg.norm(t.y()) + 1, t.n() + t.p() + t.m());
        Evidence rate = Envelope.geometric("(6.20) ||r_t|| <= (1 - eta alpha^2)^t ||r_0||", r, 1 - eta * c.alpha() * c.alpha(), 1, tol);
        Evidence e;
        if (!dominated) {
            e = Evidence.worst(rate, Envelope.weightedDistance("(6.21) alpha/3 ||theta_t - theta_0||_2 + ||r_t|| <= ||r_0||", r, tr.distance(), c.alpha() / 3, tol));
        } else {
            double[] inf = other.stream().mapToDouble(x -> x[0]).toArray(), spec = other.stream().mapToDouble(x -> x[1]).toArray();
            e = Evidence.worst(
                    Envelope.weightedDistance("(6.21) alpha/3 ||theta_t - theta_0||_inf + ||r_t|| <= ||r_0||", r, inf, c.alpha() / 3, tol),
                    Envelope.weightedDistance("(6.21) alpha/3 ||mat(theta_t - theta_0)||_2 + ||r_t|| <= ||r_0|| (" + rows + "x" + cols + ")", r, spec, c.alpha() / 3, tol));
        }
        return e.with("alpha", c.alpha()).with("beta", c.beta()).with("eta", eta).with("R", 3 * r[0] / c.alpha()).with("steps", tr.steps());
    }

    static Evidence largeStep(ToyMaps.ReluToy t) {
        ToyConstants c = toyConstants(t);
        double eta = 2.5 / (c.beta() * c.beta()), rate = 1 - eta * c.alpha() * c.alpha();
        Trace tr = Trainer.gradientDescent(t.model(), t.theta0(), Trainer.StepSize.constant(eta), 60, 0, null);
        double[] r = tr.residualNorm();
        if (rate <= 0) {
            double r1 = tr.steps() >= 1 ? r[1] : r[0];
            return Evidence.le("(6.20) at t = 1 with eta = 2.5/beta^2: ||r_1|| <= (1 - eta alpha^2) ||r_0||", r1, rate * r[0],
                    Linalg.tolerance(r[0], t.n() + t.p())).with("tau", 1).with("rate factor", rate).with("final ||r||", tr.finalResidual());
        }
        return Envelope.geometric("(6.20) with eta = 2.5/beta^2", r, rate, 1, Envelope.residualTolerance(r[0] + Linalg.norm(t.y()), t.n() + t.p()))
                .with("final ||r||", tr.finalResidual());
    }

    /** A ReLU network instance of the conditional check, as a spec (data kind, sizes, seed); the run is memoised. */
    record ReluNetRun(String data, int n, int d, int k, long seed) {
        private static final Map<ReluNetRun, NetOutcome> MEMO = new ConcurrentHashMap<>();

        static Arbitrary<ReluNetRun> arbitrary(String data, int extraDims, List<Integer> widths) {
            return Combinators.combine(DataArbitraries.ints(2, 3), Arbitraries.of(widths), DataArbitraries.seeds())
                    .as((n, k, seed) -> new ReluNetRun(data, n, n + extraDims, k, seed));
        }

        NetOutcome outcome() {
            if (MEMO.size() > 64) MEMO.clear();
            return MEMO.computeIfAbsent(this, NonSmoothLeastSquares::runNet);
        }
    }

    record NetOutcome(AssumptionsAlongPath.Report report, Evidence conclusions) {}

    static NetOutcome runNet(ReluNetRun s) {
        Random rng = new Random(s.seed());
        double[][] x = s.data().equals("orthonormal") ? Generators.orthonormal(s.n(), s.d()).x() : Generators.sphere(s.n(), s.d(), rng.nextLong()).x();
        double[] y = Generators.gaussianLabels(s.n(), rng.nextLong());
        double yNorm = Linalg.norm(y);
        ShallowNet net = new ShallowNet(new DMatrixRMaj(x), Activations.RELU, ShallowNet.paperOutputWeights(s.k(), yNorm, s.n()));
        DMatrixRMaj w0 = ShallowNet.gaussianWeights(s.k(), s.d(), rng);
        double xNorm = Linalg.spectralNorm(net.data());
        double beta = yNorm * xNorm / Math.sqrt(s.n());
        double sigma0 = PaperGd.sigmaMinJ(net, w0);
        double alpha = (sigma0 - Linalg.tolerance(beta, s.n() * s.k())) / 2;
        double eta = 1 / (3 * beta * beta);
        AssumptionsAlongPath path = new AssumptionsAlongPath(net, w0);
        double[] maxJ = {Math.sqrt(Math.max(0, Linalg.lambdaMax(net.jacobianGram(w0))))}, maxSpec = {0};
        List<Double> spec = new ArrayList<>();
        spec.add(0.0);
        Trace tr = Trainer.gradientDescent(net.model(y), w0.data, Trainer.StepSize.constant(eta), NET_STEPS, 1e-8, (tau, theta, r) -> {
            DMatrixRMaj w = DMatrixRMaj.wrap(s.k(), s.d(), theta);
            path.segment(w);
            maxJ[0] = Math.max(maxJ[0], Math.sqrt(Math.max(0, Linalg.lambdaMax(net.jacobianGram(w)))));
            double sd = PaperGd.spectralDistance(w, w0);
            spec.add(sd);
            maxSpec[0] = Math.max(maxSpec[0], sd);
            return true;
        });
        double[] r = tr.residualNorm();
        double radius = 3 * r[0] / alpha;
        var report = new AssumptionsAlongPath.Report(alpha, beta, radius, sigma0, maxJ[0], path.maxDeviation(), path.maxDeviationStep(),
                path.pieces(), maxSpec[0], max(tr.distance()));
        double tol = Envelope.residualTolerance(2 * yNorm + r[0], s.n() * s.k());
        double[] specArr = spec.stream().mapToDouble(Double::doubleValue).toArray();
        Evidence e = Evidence.worst(
                Envelope.geometric("(6.20) ||r_t|| <= (1 - eta alpha^2)^t ||r_0||", r, 1 - eta * alpha * alpha, 1, tol),
                Envelope.weightedDistance("(6.21) alpha/3 ||W_t - W_0||_F + ||r_t|| <= ||r_0||", r, tr.distance(), alpha / 3, tol),
                Envelope.weightedDistance("(6.21) alpha/3 ||W_t - W_0||_2 + ||r_t|| <= ||r_0||", r, specArr, alpha / 3, tol))
                .with("A4 held along the path", report.a4()).with("max ||J(W) - J(W0)|| / (alpha/3)", report.maxDeviation() / (alpha / 3))
                .with("pieces checked", report.pieces()).with("A3 max ||J|| / beta", report.maxJNorm() / beta)
                .with("max ||W - W0||_2 / R", report.maxSpectralDistance() / radius).with("alpha", alpha).with("steps", tr.steps())
                .with("final ||r||/||r_0||", tr.finalResidual() / r[0]);
        return new NetOutcome(report, e);
    }

    static List<Integer> ints(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String s : csv.split(",")) out.add(Integer.parseInt(s.trim()));
        return out;
    }

    static double max(double[] a) {
        double m = 0;
        for (double x : a) m = Math.max(m, x);
        return m;
    }
}
