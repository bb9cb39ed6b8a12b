package overparam.claims.oymak;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.fraction.BigFraction;
import org.hipparchus.special.Gamma;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.data.Generators;
import overparam.gauss.GaussianExpectation;
import overparam.linalg.Linalg;
import overparam.nn.*;

import java.util.*;

/** oymak/IC-1, IC-2, IC-3, IC-4, IC-5, IC-8, IC-9: inline claims of sections 2-6 and App. E. */
final class InlineClaims {
    private InlineClaims() {}

    /** E||g|| for g ~ N(0, I_m): sqrt(2) Gamma((m+1)/2) / Gamma(m/2). */
    static double chiMean(int m) {
        return Math.sqrt(2) * Math.exp(Gamma.logGamma((m + 1) / 2.0) - Gamma.logGamma(m / 2.0));
    }

    /** oymak/IC-1, section 2.1 footnote 3: ||W0||_F is about sqrt(kd), much larger than sqrt(n), while GD moves W by O(sqrt n). */
    static final class InitialNorm extends StatisticalPropertyClaim {
        InitialNorm() {
            super("oymak/IC-1");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("gdSteps", 3000, "GD steps of the distance run (softplus, n = 20, d = 10, k = 40)"));
        }

        @Override
        protected List<StatisticalClaim.Config> configs(Params p, RunContext ctx) {
            List<StatisticalClaim.Config> out = new ArrayList<>();
            // Gaussian concentration of the 1-Lipschitz map W -> ||W||_F: P(| ||W0||_F - E||W0||_F | > t) <= 2 e^{-t^2/2}.
            for (int[] kd : new int[][] {{40, 10}, {400, 10}, {100, 50}})
                for (double t : new double[] {2.0, 2.5}) {
                    int k = kd[0], d = kd[1], m = k * d;
                    double mean = chiMean(m), bound = 2 * Math.exp(-t * t / 2);
                    out.add(new StatisticalClaim.Config(String.format(Locale.ROOT, "k=%d d=%d t=%.1f", k, d, t), bound, InitialJacobian.trialsFor(bound, 30, 2000),
                            seed -> Math.abs(Linalg.frobenius(ShallowNet.gaussianWeights(k, d, new Random(seed))) - mean) > t,
                            Map.of("E||W0||_F", mean, "sqrt(kd)", Math.sqrt(m), "sqrt(kd) - E||W0||_F", Math.sqrt(m) - mean)));
                }
            return out;
        }

        /** The O(sqrt n) distance of GD, against ||W0||_F, on the catalogue's reference setting (softplus, n = 20, d = 10, k = 40 = n^2/d). */
        @Override
        protected void numbers(Params p, RunContext ctx, ClaimResult.Builder r) {
            int n = 20, d = 10, k = 40, steps = p.integer("gdSteps");
            DMatrixRMaj x = Generators.sphere(n, d, ctx.seedFor(id() + "#x")).matrix();
            double[] y = Generators.gaussianLabels(n, ctx.seedFor(id() + "#y"));
            double yNorm = Linalg.norm(y), xNorm = Linalg.spectralNorm(x);
            ShallowNet net = new ShallowNet(x, Activations.SOFTPLUS, ShallowNet.paperOutputWeights(k, yNorm, n));
            DMatrixRMaj w0 = ShallowNet.gaussianWeights(k, d, new Random(ctx.seedFor(id() + "#w0")));
            double eta = n / (2 * yNorm * yNorm * xNorm * xNorm);
            Trace trace = Trainer.gradientDescent(net.model(y), w0.data.clone(), eta, steps);
            double maxDist = 0;
            for (double dist : trace.distance()) maxDist = Math.max(maxDist, dist);
            r.number("GD run", String.format(Locale.ROOT, "softplus, sphere n=%d, d=%d, k=%d, eta = n/(2 B^2 ||y||^2 ||X||^2) = %.4g, %d steps, final ||r||/||r0|| = %.3g",
                    n, d, k, eta, steps, trace.finalResidual() / trace.initialResidual()));
            r.number("max_t ||W_t - W0||_F / sqrt(n)", maxDist / Math.sqrt(n));
            r.number("||W0||_F / sqrt(n)", Linalg.frobenius(w0) / Math.sqrt(n));
            r.number("sqrt(kd) / sqrt(n)", Math.sqrt((double) k * d / n));
        }
    }

    static final List<String> BOUNDED = List.of("softplus", "relu", "tanh", "gausscdf", "sigmoid", "sin", "2.0*softplus", "0.5*relu", "3.0*tanh");

    /** oymak/IC-2, (6.16): sqrt(lambda(X)) <= B, because lambda(X) <= e_1^T Sigma e_1 = E phi'(g)^2 <= B^2. */
    static final class LambdaBelowB extends PropertyClaim {
        LambdaBelowB() {
            super("oymak/IC-2");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var gen = Combinators.combine(Arbitraries.of(BOUNDED), DataArbitraries.unitRows(1, 14, 1, 6)).as((a, x) -> new DataInstance(a, 0, x));
            return List.of(Property.of("statement", DataInstance.class)
                    .description("sqrt(lambda(X)) <= B = sup |phi'| (lambda exact or by Hermite series), and the chain lambda <= Sigma_11 = E phi'(g)^2 <= B^2")
                    .generator("activations " + BOUNDED + ", unit-row families n in [1,14], d in [1,6]", gen)
                    .hypotheses(Structure::unitRows).search(Structure.UNIT_ROW_SEARCH).check(LambdaBelowB::check).tries(120).build());
        }

        static Evidence check(DataInstance inst) {
            Activation a = inst.act();
            DMatrixRMaj s = NetworkCovariance.sigma(inst.x(), a);
            double lambda = Math.max(0, Linalg.lambdaMin(s)), b = a.supD1();
            return Evidence.worst(
                    Evidence.le("sqrt(lambda(X)) <= B", Math.sqrt(lambda), b, Math.sqrt(Linalg.psdTolerance(s))),
                    Evidence.le("lambda(X) <= Sigma_11", Linalg.lambdaMin(s), s.get(0, 0), Linalg.psdTolerance(s)),
                    Evidence.le("Sigma_11 = E phi'(g)^2 <= B^2", s.get(0, 0), b * b, 1e-12 * b * b));
        }
    }

    /** A scale s of an activation s * base: the instance of the constant checks. */
    record Scale(String base, double s) {
        Activation act() {
            return Activations.scaled(s, Activations.byName(base));
        }
    }

    /** oymak/IC-3, section 6.3: for ReLU mu_phi^2 = (E[g phi'(g)])^2 = 1/(2 pi) (s^2/(2 pi) for s ReLU). */
    static final class ReluMu extends PropertyClaim {
        ReluMu() {
            super("oymak/IC-3");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("quadrature", Scale.class)
                    .description("mu = E[g phi'(g)] for phi = s ReLU by composite quadrature split at the kink, squared, against s^2/(2 pi)")
                    .generator("s ReLU, s in {1, 0.5, 2, 10} and random in (0, 5]", Arbitraries.oneOf(Arbitraries.of(1.0, 0.5, 2.0, 10.0),
                            Arbitraries.doubles().between(0.01, 5).ofScale(6)).map(s -> new Scale("relu", s)))
                    .check(ReluMu::check).tries(30).build());
        }

        static Evidence check(Scale sc) {
            Activation a = sc.act();
            double mu = GaussianExpectation.expect(z -> z * a.d1(z), a.kinks());
            double s2 = sc.s() * sc.s();
            return Evidence.eq("|mu^2 - s^2/(2 pi)|", Math.abs(mu * mu - s2 / (2 * Math.PI)), 0, 1e-14 * s2).with("mu", mu);
        }
    }

    /** oymak/IC-4, App. E: softplus has mu_phi = E[g sigmoid(g)] ~ 0.207 (0.2066210) and B = M = 1. */
    static final class SoftplusConstants extends PropertyClaim {
        SoftplusConstants() {
            super("oymak/IC-4");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("constants", Scale.class)
                    .description("mu = E[g sigmoid(g)] by two quadratures equals 0.2066210 to the quoted 7 digits and 0.207 to 3; sup |phi'| = 1 and sup |phi''| = 1/4 "
                            + "(dense grid on [-50, 50] plus the closed forms), so B = M = 1 are valid bounds")
                    .generator("softplus", Arbitraries.just(new Scale("softplus", 1.0))).check(SoftplusConstants::check).tries(1).build());
        }

        static Evidence check(Scale sc) {
            Activation a = sc.act();
            double mu = GaussianExpectation.expect(z -> z * a.d1(z)), mu2 = GaussianExpectation.gaussHermite(z -> z * a.d1(z), 60);
            double supD1 = 0, supD2 = 0;
            for (int i = -500000; i <= 500000; i++) {
                double z = i * 1e-4;
                supD1 = Math.max(supD1, Math.abs(a.d1(z)));
                supD2 = Math.max(supD2, Math.abs(a.d2(z)));
            }
            return Evidence.worst(
                    Evidence.le("|mu - 0.2066210|", Math.abs(mu - 0.2066210), 5e-8, 0).with("mu", mu),
                    Evidence.le("|mu - 0.207|", Math.abs(mu - 0.207), 5e-4, 0),
                    Evidence.eq("|mu (composite) - mu (Gauss-Hermite)|", Math.abs(mu - mu2), 0, 1e-12),
                    Evidence.le("sup |sigmoid| <= B = 1", supD1, 1, 0),
                    Evidence.le("sup |sigmoid'| <= M = 1 (exact sup 1/4 at 0)", supD2, 1, 0),
                    Evidence.eq("|sup sigmoid' on the grid - 1/4|", Math.abs(supD2 - 0.25), 0, 1e-15));
        }
    }

    /** oymak/IC-5, 6.6.1(e) (Gaussian Poincare): Var phi(g) <= B^2 for B-Lipschitz phi (softplus 0.2715, ReLU 0.3408). */
    static final class Poincare extends PropertyClaim {
        Poincare() {
            super("oymak/IC-5");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<RandomFeatures.ClassMember> library = Arbitraries.of(BOUNDED).map(name -> {
                Activation a = Activations.byName(name);
                return new RandomFeatures.ClassMember(name, a.supD1(), a.phi(0), new double[0], new double[0]);
            });
            Arbitrary<Double> unit = Arbitraries.oneOf(Arbitraries.of(-1.0, -0.5, 0.0, 0.5, 1.0), Arbitraries.doubles().between(-1, 1));
            Arbitrary<RandomFeatures.ClassMember> piecewise = Combinators.combine(Arbitraries.of(0.5, 1.0, 3.0), unit, unit.list().ofMinSize(0).ofMaxSize(4),
                    unit.list().ofMinSize(5).ofMaxSize(5)).as((b, c, breaksRaw, slopesRaw) -> {
                        double[] breaks = breaksRaw.stream().mapToDouble(v -> 3 * v).sorted().distinct().toArray();
                        double[] slopes = new double[breaks.length + 1];
                        for (int j = 0; j < slopes.length; j++) slopes[j] = b * slopesRaw.get(j);
                        return new RandomFeatures.ClassMember("piecewise", b, 10 * b * c, breaks, slopes);
                    });
            return List.of(
                    Property.of("library", RandomFeatures.ClassMember.class)
                            .description("Var phi(g) <= B^2 = (sup |phi'|)^2 for the library (softplus 0.27151, ReLU 0.34085 reported)")
                            .generator("activations " + BOUNDED, library).check(Poincare::check).tries(20).build(),
                    Property.of("lipschitz-class", RandomFeatures.ClassMember.class)
                            .description("Var phi(g) <= B^2 for continuous piecewise-linear phi with slopes in [-B, B] (exact partial moments), any offset")
                            .generator("B in {0.5, 1, 3}, slopes/B in [-1, 1], 0-4 breaks in [-3, 3], phi(0) in [-10B, 10B]", piecewise)
                            .check(Poincare::check).tries(200).build());
        }

        static Evidence check(RandomFeatures.ClassMember m) {
            double mean;
            if (m.activation().equals("piecewise")) {
                // E phi = sum over intervals of a_j M0 + s_j M1: reuse the square routine on phi and on phi + 1.
                double e2 = RandomFeatures.meanSquarePiecewise(m);
                RandomFeatures.ClassMember plusOne = new RandomFeatures.ClassMember("piecewise", m.b(), m.phi0() + 1, m.breaks(), m.slopes());
                mean = (RandomFeatures.meanSquarePiecewise(plusOne) - e2 - 1) / 2;
                double var = e2 - mean * mean;
                return Evidence.le("Var phi(g) <= B^2", var, m.b() * m.b(), 1e-12 * Math.max(1, e2));
            }
            Activation a = Activations.byName(m.activation());
            double var = a.variance();
            return Evidence.le("Var phi(g) <= B^2", var, m.b() * m.b(), 1e-12 * Math.max(1, a.meanSquare())).with("Var", var);
        }
    }

    /** Positive integers n, d and a rational lambda: the instance of the section 5 arithmetic. */
    record Sizes(int n, int d, int lambdaNum, int lambdaDen) {}

    /** oymak/IC-8, section 5: kd >~ n^2 vs k >~ n^4 (factor n^2 d); with lambda, n^2/lambda^2 vs n^4/lambda^4; ReLU n^4/d^3 vs n^6 (factor n^2 d^3). */
    static final class Comparisons extends PropertyClaim {
        Comparisons() {
            super("oymak/IC-8");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<Sizes> gen = Combinators.combine(DataArbitraries.ints(1, 100000), DataArbitraries.ints(1, 10000), DataArbitraries.ints(1, 1000),
                    DataArbitraries.ints(1, 1000)).as(Sizes::new);
            return List.of(Property.of("exact-arithmetic", Sizes.class)
                    .description("exact rational arithmetic: (n^4)/(n^2/d) = n^2 d; (n^4/lambda^4)/(n^2/(d lambda^2)) = n^2 d / lambda^2; n^6/(n^4/d^3) = n^2 d^3; "
                            + "(2.2) with kappa = 1 gives kd = n^2, (2.6) with kappa = 1 and sigma_min(X*X) = 1 gives k = n^4/d^3 (kappa = sqrt(d/n)||X||/sigma^2, ||X||^2 = n/d)")
                    .generator("n in [1,1e5], d in [1,1e4], lambda = a/b with a, b in [1,1000]", gen).check(Comparisons::check).tries(200).build());
        }

        static Evidence check(Sizes s) {
            BigFraction n = new BigFraction(s.n()), d = new BigFraction(s.d()), lambda = new BigFraction(s.lambdaNum(), s.lambdaDen());
            BigFraction smoothOurs = n.pow(2).divide(d), smoothTheirs = n.pow(4);
            boolean smooth = smoothTheirs.divide(smoothOurs).equals(n.pow(2).multiply(d));
            BigFraction oursL = n.pow(2).divide(d.multiply(lambda.pow(2))), theirsL = n.pow(4).divide(lambda.pow(4));
            boolean withLambda = theirsL.divide(oursL).equals(n.pow(2).multiply(d).divide(lambda.pow(2)));
            BigFraction reluOurs = n.pow(4).divide(d.pow(3)), reluTheirs = n.pow(6);
            boolean relu = reluTheirs.divide(reluOurs).equals(n.pow(2).multiply(d.pow(3)));
            // (2.6): sqrt(kd) = (n^2/d) kappa^3 sigma^2 with kappa = 1, sigma = 1  =>  kd = n^4/d^2  =>  k = n^4/d^3.
            BigFraction sqrtKd = n.pow(2).divide(d);
            boolean from26 = sqrtKd.pow(2).divide(d).equals(reluOurs);
            // (2.2): sqrt(kd) = kappa n with kappa = 1  =>  kd = n^2.
            boolean from22 = n.pow(2).equals(smoothOurs.multiply(d));
            boolean all = smooth && withLambda && relu && from26 && from22;
            return Evidence.fact("section 5 ratios n^2 d, n^2 d/lambda^2, n^2 d^3 and the (2.2)/(2.6) requirements", all)
                    .with("n^2 d", smooth).with("n^2 d / lambda^2", withLambda).with("n^2 d^3", relu).with("(2.6) => k = n^4/d^3", from26).with("(2.2) => kd = n^2", from22);
        }
    }

    /** oymak/IC-9, section 4 / Fig. 2 (catalogue): kd < n gives rank J <= kd < n, so generic labels cannot be fit. */
    static final class DimensionCounting extends PropertyClaim {
        static final List<String> ACTS = List.of("softplus", "relu", "tanh", "gausscdf");

        DimensionCounting() {
            super("oymak/IC-9");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<NetInstance> narrow = Combinators.combine(Arbitraries.of(ACTS), DataArbitraries.ints(3, 20), DataArbitraries.ints(1, 5),
                    DataArbitraries.ints(1, 10), DataArbitraries.seeds())
                    .as((a, n, d, kRaw, seed) -> NetInstance.build(a, n, d, Math.max(1, Math.min(kRaw, (n - 1) / d)), 1.0, seed, true, NetInstance.Outputs.RANDOM));
            Arbitrary<NetInstance> fit = Combinators.combine(Arbitraries.of("softplus", "tanh"), DataArbitraries.ints(8, 12), DataArbitraries.seeds())
                    .as((a, n, seed) -> NetInstance.build(a, n, 3, 2, 1.0, seed, true, NetInstance.Outputs.RANDOM));
            return List.of(
                    Property.of("rank", NetInstance.class)
                            .description("rank J(W) <= kd < n seen through the n x n Gram J J^T = (D D^T) o XX^T (N5, J never formed): its n - kd smallest "
                                    + "eigenvalues vanish to rounding (sum of k terms of rank <= d), so sigma_min(J) = 0")
                            .generator("activations " + ACTS + ", unit rows n in [3,20], d in [1,5], k <= (n-1)/d", narrow)
                            .hypotheses(inst -> inst.k() * inst.d() < inst.n() ? null : "kd >= n").check(DimensionCounting::rank).tries(100).build(),
                    Property.of("gd-cannot-fit", NetInstance.class)
                            .description("demonstration: GD (eta = 1/||J||^2-scale, 4000 steps) with kd = 6 < n leaves a residual on Gaussian labels; reported, not a theorem")
                            .generator("softplus or tanh, sphere n in [8,12], d = 3, k = 2, random v", fit)
                            .check(DimensionCounting::cannotFit).informative().tries(3).build());
        }

        /** The (kd+1)-th largest eigenvalue of J J^T, computed from the Hadamard form, is 0 up to the rounding of its n x n entries. */
        static Evidence rank(NetInstance inst) {
            DMatrixRMaj gram = inst.net().jacobianGram(inst.wMatrix());
            int kd = inst.k() * inst.d(), n = inst.n();
            double[] ev = Linalg.symmetricEigenvalues(gram); // ascending
            double top = Math.max(ev[n - 1], Double.MIN_NORMAL);
            return Evidence.le("lambda_{kd+1}(J J^T) (the largest of the n - kd that must vanish)", Math.abs(ev[n - kd - 1]), 0,
                    Linalg.tolerance(top, n * inst.k())).with("kd", kd).with("n", n).with("lambda_max(J J^T)", top)
                    .with("numerical rank of J J^T", Linalg.rank(gram));
        }

        static Evidence cannotFit(NetInstance inst) {
            ShallowNet net = inst.net();
            double bound = JacobianBounds.maxAbs(inst.v()) * Math.sqrt(inst.k()) * inst.act().supD1() * Linalg.spectralNorm(inst.xMatrix());
            Trace t = Trainer.gradientDescent(net.model(inst.y()), inst.wMatrix().data.clone(), 1 / (bound * bound), 4000);
            double rel = t.finalResidual() / t.initialResidual();
            return Evidence.ge("final ||r|| / ||r0|| after GD with kd < n", rel, 1e-3, 0);
        }
    }
}
