package overparam.claims.oymak;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.data.Dataset;
import overparam.data.Generators;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;
import overparam.nn.Activation;
import overparam.nn.Activations;
import overparam.nn.ShallowNet;

import java.math.BigDecimal;
import java.util.*;

/** oymak/lemma-6.12 and oymak/cor-2.2.iii: the initial misfit ||phi(XW0^T) v - y||. */
final class InitialMisfit {
    private InitialMisfit() {}

    /** A network instance with the slack delta of Lemma 6.12. */
    record MisfitInstance(NetInstance net, double delta) {}

    static double residualNorm(ShallowNet net, DMatrixRMaj w, double[] y) {
        return Linalg.norm(net.residual(w, y));
    }

    /** oymak/lemma-6.12, Lemma 6.12: ||phi(XW^T)v - y|| <= ||y||(1 + (1+delta)B) w.p. >= 1 - exp(-delta^2 n/(2||X||^2)). */
    static final class MisfitBound extends StatisticalPropertyClaim {
        static final double[] DELTAS = {0, 0.5, 1, Math.sqrt(2)};

        MisfitBound() {
            super("oymak/lemma-6.12");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.string("activations", "softplus,relu,tanh", "activations (|phi'| <= B)"),
                    ParamSpec.integer("k", 50, "width k (even, paper's v)"), ParamSpec.integer("maxTrials", 4000, "cap on trials per configuration at level CI"));
        }

        @Override
        protected List<StatisticalClaim.Config> configs(Params p, RunContext ctx) {
            int k = p.integer("k"), cap = p.integer("maxTrials");
            List<Dataset> sets = List.of(Generators.sphere(20, 10, ctx.seedFor(id() + "#sphere")), Generators.orthonormal(6, 6));
            List<StatisticalClaim.Config> out = new ArrayList<>();
            for (String name : p.string("activations").split(",")) {
                Activation a = Activations.byName(name.trim());
                for (Dataset data : sets) {
                    DMatrixRMaj x = data.matrix();
                    int n = x.numRows;
                    double xNorm = Linalg.spectralNorm(x), b = a.bigB();
                    double[] y = Generators.gaussianLabels(n, ctx.seedFor(id() + "#y" + data.generator()));
                    double yNorm = Linalg.norm(y);
                    ShallowNet net = new ShallowNet(x, a, ShallowNet.paperOutputWeights(k, yNorm, n));
                    for (double delta : DELTAS) {
                        double bound = Math.exp(-delta * delta * n / (2 * xNorm * xNorm));
                        if (bound >= 1) continue; // delta = 0: the statement promises nothing (see numbers), no rate could refute it
                        double limit = yNorm * (1 + (1 + delta) * b);
                        Map<String, Object> details = Map.of("activation", a.name(), "data", data.spec(), "k", k, "delta", delta,
                                "||y||(1 + (1+delta)B)", limit, "||X||", xNorm);
                        out.add(new StatisticalClaim.Config(a.name() + " " + data.generator() + " n=" + n + " delta=" + round(delta), bound,
                                InitialJacobian.trialsFor(bound, 30, cap),
                                seed -> residualNorm(net, ShallowNet.gaussianWeights(k, x.numCols, new Random(seed)), y) > limit, details));
                    }
                }
            }
            return out;
        }

        @Override
        protected void numbers(Params p, RunContext ctx, ClaimResult.Builder r) {
            r.number("delta = 0", "probability bound 1 - exp(0) = 0: the statement is empty there, so that configuration is not run as a rate");
        }

        static String round(double v) {
            return String.format(Locale.ROOT, "%.4g", v);
        }

        @Override
        public List<Property<?>> properties(Params p) {
            List<String> acts = List.of("softplus", "relu", "tanh", "sigmoid", "3.0*softplus", "0.5*relu");
            var pairs = WeightPair.arbitrary(acts, 12, 6, 12, Arbitraries.of(0.5, 1.0, 2.0));
            var positive = Combinators.combine(DataArbitraries.ints(1, 6), DataArbitraries.ints(1, 4), DataArbitraries.ints(40, 120),
                    Arbitraries.of(DELTAS[0], DELTAS[1], DELTAS[2], DELTAS[3]), DataArbitraries.seeds()).as((n, d, k, delta, seed) -> {
                        NetInstance base = NetInstance.build("softplus", n, d, k, 1.0, seed, true, NetInstance.Outputs.PAPER);
                        double[] v = new double[k];
                        Arrays.fill(v, Linalg.norm(base.y()) / Math.sqrt((double) k * n));
                        return new MisfitInstance(new NetInstance("softplus", base.x(), base.w(), v, base.y()), delta);
                    });
            var moments = Combinators.combine(Arbitraries.of(acts), DataArbitraries.sphere(1, 6, 1, 5), Arbitraries.of(2, 4, 10),
                    DataArbitraries.seeds()).as((a, data, k, seed) -> new MonteCarloInstance(a, data, k, 3000, seed));
            return List.of(
                    Property.of("lipschitz", WeightPair.class)
                            .description("proof fact: |‖phi(XW~^T)v‖ - ‖phi(XW^T)v‖| <= B ||X|| ||v||_2 ||W~ - W||_F (any rows, any v)")
                            .generator("activations " + acts + ", rows of norm {0.5, 1, 2}, n <= 12, d <= 6, k <= 12, W~ = W + t Delta, random v", pairs)
                            .check(MisfitBound::lipschitz).tries(150).search(SearchSpace.coordinates()).build(),
                    Property.of("second-moment", MonteCarloInstance.class)
                            .description("proof fact: E‖phi(XW^T)v‖^2 = n ||v||^2 Var phi(g) <= n B^2 ||v||^2 for unit rows and 1^T v = 0 (Monte Carlo, 3000 draws, z <= 5.5)")
                            .generator("activations " + acts + ", sphere n in [1,6], d in [1,5], k in {2, 4, 10}", moments)
                            .check(MisfitBound::secondMoment).tries(15).build(),
                    Property.of("control-positive-v", MisfitInstance.class)
                            .description("negative control (1^T v = 0 dropped): v = ||y||/sqrt(kn) 1 with softplus (E phi(g) = 0.806) and k >= 40; the bound must fail")
                            .generator("softplus, sphere n in [1,6], d in [1,4], k in [40,120], delta in {0, 0.5, 1, sqrt 2}", positive)
                            .check(MisfitBound::misfit).certify(MisfitBound::certifySoftplus).expectRefuted().tries(20).build());
        }

        static Evidence lipschitz(WeightPair pr) {
            ShallowNet net = pr.net();
            double a = Linalg.norm(net.outputs(pr.wMatrix())), b = Linalg.norm(net.outputs(pr.w2Matrix()));
            DMatrixRMaj x = new DMatrixRMaj(pr.x());
            double rhs = pr.act().bigB() * Linalg.spectralNorm(x) * Linalg.norm(pr.v()) * Linalg.frobenius(Linalg.minus(pr.w2Matrix(), pr.wMatrix()));
            return Evidence.le("|‖phi(XW~^T)v‖ - ‖phi(XW^T)v‖| <= B ||X|| ||v|| ||W~ - W||_F", Math.abs(a - b), rhs,
                    Linalg.tolerance(Math.max(a, b), pr.w().length * x.numRows));
        }

        static Evidence secondMoment(MonteCarloInstance inst) {
            DMatrixRMaj x = inst.data().matrix();
            int n = x.numRows, k = inst.width();
            Activation a = inst.act();
            double[] v = ShallowNet.paperOutputWeights(k, Math.sqrt(n), n);
            ShallowNet net = new ShallowNet(x, a, v);
            double exact = n * Linalg.dot(v, v) * a.variance();
            Random rng = new Random(inst.mcSeed());
            double mean = 0, m2 = 0;
            for (int t = 1; t <= inst.draws(); t++) {
                double[] f = net.outputs(ShallowNet.gaussianWeights(k, x.numCols, rng));
                double s = Linalg.dot(f, f), dl = s - mean;
                mean += dl / t;
                m2 += dl * (s - mean);
            }
            double se = Math.sqrt(m2 / (inst.draws() - 1) / inst.draws());
            double b = a.bigB();
            return Evidence.worst(
                    Evidence.le("|MC E‖phi(XW^T)v‖^2 - n||v||^2 Var phi| / SE", Math.abs(mean - exact) / Math.max(se, 1e-300), CovarianceClaims.Z_MAX, 0),
                    Evidence.le("Var phi(g) <= B^2", a.variance(), b * b, 1e-12 * b * b));
        }

        static Evidence misfit(MisfitInstance m) {
            NetInstance inst = m.net();
            double r = residualNorm(inst.net(), inst.wMatrix(), inst.y());
            double limit = Linalg.norm(inst.y()) * (1 + (1 + m.delta()) * inst.act().bigB());
            return Evidence.le("||phi(XW^T)v - y|| <= ||y||(1 + (1+delta)B)", r, limit, Linalg.tolerance(limit, inst.n() * inst.k()));
        }

        /** 60 digits: softplus = log(1 + e^z) entry by entry. */
        static Certificate certifySoftplus(MisfitInstance m, Evidence e) {
            NetInstance inst = m.net();
            HighPrecision hp = new HighPrecision();
            GaussDfp gd = new GaussDfp(hp);
            Dfp[][] x = hp.of(inst.x()), w = hp.of(inst.w());
            Dfp[] v = hp.of(inst.v()), y = hp.of(inst.y());
            Dfp r2 = hp.zero();
            for (int i = 0; i < x.length; i++) {
                Dfp f = hp.zero();
                for (int l = 0; l < w.length; l++) f = f.add(v[l].multiply(gd.softplus(hp.dot(w[l], x[i]))));
                Dfp ri = f.subtract(y[i]);
                r2 = r2.add(ri.multiply(ri));
            }
            Dfp limit = hp.dot(y, y).sqrt().multiply(hp.one().add(hp.one().add(hp.of(m.delta()))));
            return Certificate.of("Dfp softplus", hp.digits(), HighPrecision.toBigDecimal(limit.subtract(r2.sqrt())), new BigDecimal("1e-40"),
                    "||y||(1 + (1+delta)B) - ||phi(XW^T)v - y||");
        }
    }

    /** oymak/cor-2.2.iii, Corollary 2.2 (the factor 3 of (2.4) at tau = 0): ||f(W0) - y|| <= 3||y|| for softplus on uniform-sphere data. */
    static final class MisfitThree extends StatisticalPropertyClaim {
        MisfitThree() {
            super("oymak/cor-2.2.iii");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("maxTrials", 4000, "cap on trials per configuration at level CI"));
        }

        @Override
        protected void numbers(Params p, RunContext ctx, ClaimResult.Builder r) {
            r.number("bound used", "e^{-d/4}: the term of the corollary's probability that pays for the misfit (App. E via Lemma 6.12; catalogue E9)");
            r.number("Lemma 6.12 with delta = sqrt 2 gives", (2 + Math.sqrt(2)) + " ||y|| (not 3||y||, catalogue E9)");
            r.number("softplus sqrt(Var phi(g))", Math.sqrt(Activations.SOFTPLUS.variance()));
        }

        @Override
        protected List<StatisticalClaim.Config> configs(Params p, RunContext ctx) {
            int cap = p.integer("maxTrials");
            List<StatisticalClaim.Config> out = new ArrayList<>();
            int[] dims = ctx.level() == Level.CI ? new int[] {10, 20} : new int[] {10, 20, 30};
            for (int d : dims) {
                int n = 2 * d, k = 2 * ((n * n / d + 1) / 2);
                double bound = Math.exp(-d / 4.0);
                double[] y = Generators.gaussianLabels(n, ctx.seedFor(id() + "#y" + d));
                double yNorm = Linalg.norm(y);
                double[] v = ShallowNet.paperOutputWeights(k, yNorm, n);
                Map<String, Object> details = Map.of("n", n, "d", d, "k", k, "sqrt(kd)/n", Math.sqrt((double) k * d) / n, "data", "uniform sphere, redrawn per trial");
                out.add(new StatisticalClaim.Config("softplus sphere n=" + n + " d=" + d + " k=" + k, bound, InitialJacobian.trialsFor(bound, 30, cap), seed -> {
                    Random rng = new Random(seed);
                    DMatrixRMaj x = Generators.sphere(n, d, rng.nextLong()).matrix();
                    ShallowNet net = new ShallowNet(x, Activations.SOFTPLUS, v);
                    return residualNorm(net, ShallowNet.gaussianWeights(k, d, rng), y) > 3 * yNorm;
                }, details));
            }
            return out;
        }
    }
}
