package overparam.claims.oymak;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.data.Dataset;
import overparam.data.Generators;
import overparam.gauss.BinomialInterval;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;
import overparam.nn.Activation;
import overparam.nn.Activations;
import overparam.nn.NetworkCovariance;
import overparam.nn.ShallowNet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** oymak/lemma-6.7 and oymak/thm-6.14: the Jacobian at initialisation and the matrix Chernoff bound behind it. */
final class InitialJacobian {
    private InitialJacobian() {}

    /** Trials enough to certify a failure-free run against {@code bound}, with head room, within [min, max]. */
    static int trialsFor(double bound, int min, int max) {
        long need = BinomialInterval.trialsToCertify(bound, RateEvidence.CONFIDENCE);
        return (int) Math.max(min, Math.min(max, Math.ceil(1.5 * need)));
    }

    static double lambdaMinGram(ShallowNet net, DMatrixRMaj w) {
        return Linalg.lambdaMin(net.jacobianGram(w));
    }

    /** Smallest even k with k >= 20 log(n) ||X||^2 B^2 / lambda: Lemma 6.7's threshold with the paper's v (||v||_2/||v||_inf = sqrt k). */
    static int threshold67(int n, double xNorm, double b, double lambda) {
        int k = (int) Math.ceil(20 * Math.log(n) * xNorm * xNorm * b * b / lambda);
        return Math.max(2, k + (k & 1));
    }

    /** The datasets of the statistical runs: sphere, half circle and a cluster, as in the catalogue. */
    static List<Dataset> datasets(int n, int d, long seed) {
        return List.of(Generators.sphere(n, d, seed), Generators.halfCircle(n, Math.max(2, d)), Generators.cluster(n, d, 0.3, seed + 1));
    }

    /** oymak/lemma-6.7, Lemma 6.7: sigma_min(J(W0)) >= ||v||_2 sqrt(lambda/2) w.p. >= 1 - 1/n once ||v||_2/||v||_inf >= sqrt(20 log n) ||X|| B / sqrt(lambda). */
    static final class MinSingularValue extends StatisticalPropertyClaim {
        MinSingularValue() {
            super("oymak/lemma-6.7");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.string("activations", "relu,gausscdf,softplus", "activations (lambda exact or by Hermite series)"),
                    ParamSpec.integer("n", 5, "points n"), ParamSpec.integer("d", 4, "dimension d"),
                    ParamSpec.integer("maxTrials", 3000, "cap on trials per configuration at level CI"));
        }

        @Override
        protected List<StatisticalClaim.Config> configs(Params p, RunContext ctx) {
            List<StatisticalClaim.Config> out = new ArrayList<>();
            int n = p.integer("n"), d = p.integer("d"), cap = p.integer("maxTrials");
            // Run time is linear in k. CI: ReLU on all three datasets at 1x and 1.5x the threshold, smooth activations on the
            // sphere at 1x. FULL adds 2x for ReLU, 1.5x for smooth ones and their half circle / cluster at 1x when k <= 30000.
            // DEEP runs every multiple with k <= 100000 (smooth activations have a small lambda on 2-D data, so a large k).
            Level level = ctx.level();
            for (String name : p.string("activations").split(",")) {
                Activation a = Activations.byName(name.trim());
                for (Dataset data : datasets(n, d, ctx.seedFor(id() + "#data"))) {
                    boolean sphere = data.generator().equals("sphere");
                    if (a.smooth() && !sphere && level == Level.CI) continue;
                    DMatrixRMaj x = data.matrix();
                    double lambda = NetworkCovariance.lambda(x, a), xNorm = Linalg.spectralNorm(x), b = a.bigB();
                    int k0 = threshold67(n, xNorm, b, lambda);
                    double[] mults = switch (level) {
                        case CI -> a.smooth() ? new double[] {1} : new double[] {1, 1.5};
                        case FULL -> !a.smooth() ? new double[] {1, 1.5, 2} : sphere ? new double[] {1, 1.5} : new double[] {1};
                        case DEEP -> new double[] {1, 1.5, 2};
                    };
                    for (double mult : mults) {
                        int k = (int) Math.round(k0 * mult / 2) * 2;
                        if (k > (level == Level.DEEP ? 100_000 : level == Level.FULL ? 30_000 : Integer.MAX_VALUE)) continue;
                        double chernoff = n * Math.exp(-k * lambda / (10 * b * b * xNorm * xNorm));
                        double bound = Math.min(1.0 / n, chernoff);
                        Map<String, Object> details = new LinkedHashMap<>();
                        details.put("activation", a.name());
                        details.put("data", data.spec());
                        details.put("k", k);
                        details.put("threshold k", k0);
                        details.put("lambda(X)", lambda);
                        details.put("||X||", xNorm);
                        details.put("1/n", 1.0 / n);
                        details.put("n exp(-k lambda/(10 B^2 ||X||^2))", chernoff);
                        String label = a.name() + " " + data.generator() + " k=" + k + (mult == 1 ? " (threshold, bound 1/n)" : " (" + mult + "x threshold, Chernoff bound)");
                        ShallowNet net = new ShallowNet(x, a, ShallowNet.paperOutputWeights(k, Math.sqrt(n), n));
                        double v2 = Linalg.dot(net.outputWeights(), net.outputWeights());
                        double target = v2 * lambda / 2;
                        out.add(new StatisticalClaim.Config(label, bound, trialsFor(bound, 40, cap),
                                seed -> lambdaMinGram(net, ShallowNet.gaussianWeights(k, x.numCols, new Random(seed))) < target, details));
                    }
                }
            }
            return out;
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var narrow = Combinators.combine(DataArbitraries.ints(3, 8), DataArbitraries.ints(1, 3), DataArbitraries.ints(1, 7), DataArbitraries.seeds())
                    .as((n, d, kRaw, seed) -> {
                        int k = Math.max(1, Math.min(kRaw, (n - 1) / d));
                        return NetInstance.build("relu", n, d, k, 1.0, seed, true, NetInstance.Outputs.PAPER);
                    });
            return List.of(Property.of("control-kd-below-n", NetInstance.class)
                    .description("negative control (k threshold dropped): with kd < n, J(W0) is n x kd, so sigma_min(J(W0)) = 0 < ||v||_2 sqrt(lambda/2) on every draw")
                    .generator("relu, sphere n in [3,8], d in [1,3], k = min(k, floor((n-1)/d)), W0 ~ N(0,1), paper's v", narrow)
                    .hypotheses(inst -> NetworkCovariance.lambda(inst.xMatrix(), inst.act()) > 1e-8 ? null : "lambda(X) = 0 (no positive target)")
                    .check(MinSingularValue::atInit).certify(MinSingularValue::certifyRelu).expectRefuted().tries(20).build());
        }

        static Evidence atInit(NetInstance inst) {
            ShallowNet net = inst.net();
            DMatrixRMaj x = inst.xMatrix();
            double lambda = NetworkCovariance.lambda(x, inst.act());
            double v2 = Linalg.dot(inst.v(), inst.v());
            DMatrixRMaj gram = net.jacobianGram(inst.wMatrix());
            return Evidence.ge("sigma_min^2(J(W0)) >= ||v||^2 lambda / 2", Linalg.lambdaMin(gram), v2 * lambda / 2, Linalg.psdTolerance(gram))
                    .with("kd", inst.k() * inst.d()).with("n", inst.n());
        }

        /** 60 digits: J J^T = (D D^T) o XX^T with D = 1(XW^T >= 0) diag(v), and lambda from the arc-cosine kernel. */
        static Certificate certifyRelu(NetInstance inst, Evidence e) {
            HighPrecision hp = new HighPrecision();
            Dfp[][] x = hp.of(inst.x()), w = hp.of(inst.w());
            Dfp[] v = hp.of(inst.v());
            int n = x.length, k = w.length;
            Dfp[][] dmat = new Dfp[n][k];
            for (int i = 0; i < n; i++)
                for (int l = 0; l < k; l++) dmat[i][l] = hp.dot(w[l], x[i]).negativeOrNull() && !hp.dot(w[l], x[i]).isZero() ? hp.zero() : v[l];
            Dfp lhs = hp.lambdaMin(hp.hadamard(hp.gram(dmat), hp.gram(x)));
            Dfp rhs = hp.dot(v, v).multiply(hp.lambdaMin(QuadraticReduction.reluSigma(hp, x))).divide(hp.of(2));
            return Certificate.of("Dfp Hadamard Gram and inertia bisection", hp.digits(), HighPrecision.toBigDecimal(lhs.subtract(rhs)),
                    new BigDecimal("1e-40"), "sigma_min^2(J(W0)) - ||v||^2 lambda(X)/2");
        }
    }

    /** Base of the Chernoff bound, e^{-delta} / (1 - delta)^{1 - delta}. */
    static double chernoffBase(double delta) {
        return Math.exp(-delta) / Math.pow(1 - delta, 1 - delta);
    }

    /** A Chernoff stress test: A_l = Z_l I_n, Z_l = Bernoulli(p)/p (mean 1, true R = 1/p), with a declared R. */
    record ChernoffControl(double p, int k, double delta, int n, double declaredR, int trials, long seed) {}

    /** oymak/thm-6.14 = Thm A.1 (matrix Chernoff, Tropp): P{lambda_min(sum A_l) <= (1-delta) mu_min} <= n (e^{-delta}/(1-delta)^{1-delta})^{mu_min/R}. */
    static final class MatrixChernoff extends StatisticalPropertyClaim {
        MatrixChernoff() {
            super("oymak/thm-6.14");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("n", 4, "matrix dimension n (data points)"), ParamSpec.integer("d", 3, "dimension d of the data"),
                    ParamSpec.real("targetBound", 0.1, "k is chosen so that the bound is about this value (testable with few trials)"),
                    ParamSpec.integer("maxTrials", 3000, "cap on trials per configuration at level CI"));
        }

        @Override
        protected List<StatisticalClaim.Config> configs(Params p, RunContext ctx) {
            int n = p.integer("n"), d = p.integer("d"), cap = p.integer("maxTrials");
            double target = p.real("targetBound");
            List<StatisticalClaim.Config> out = new ArrayList<>();
            Dataset data = Generators.sphere(n, d, ctx.seedFor(id() + "#data"));
            DMatrixRMaj x = data.matrix(), g = Linalg.gram(x);
            for (String name : new String[] {"relu", "gausscdf"}) {
                Activation a = Activations.byName(name);
                double lambda = NetworkCovariance.lambda(x, a), xNorm2 = Math.pow(Linalg.spectralNorm(x), 2), b = a.bigB();
                for (double delta : new double[] {0.25, 0.5, 0.9}) {
                    // mu_min / R = ||v||^2 lambda / (B^2 ||v||_inf^2 ||X||^2) = k lambda / (B^2 ||X||^2) for the paper's v.
                    double ratioPerK = lambda / (b * b * xNorm2);
                    int k = evenAtLeast(Math.log(n / target) / -Math.log(chernoffBase(delta)) / ratioPerK);
                    double bound = n * Math.pow(chernoffBase(delta), k * ratioPerK);
                    ShallowNet net = new ShallowNet(x, a, ShallowNet.paperOutputWeights(k, Math.sqrt(n), n));
                    double muMin = Linalg.dot(net.outputWeights(), net.outputWeights()) * lambda;
                    Map<String, Object> details = Map.of("A_l", "v_l^2 diag(phi'(Xw_l)) XX^T diag(phi'(Xw_l))", "activation", name, "k", k,
                            "delta", delta, "mu_min = ||v||^2 lambda(X)", muMin, "R = B^2 ||v||_inf^2 ||X||^2", b * b * Math.pow(net.outputWeights()[0], 2) * xNorm2);
                    out.add(new StatisticalClaim.Config("Jacobian summands " + name + " delta=" + delta + " k=" + k, bound, trialsFor(bound, 40, cap),
                            seed -> lambdaMinGram(net, ShallowNet.gaussianWeights(k, x.numCols, new Random(seed))) <= (1 - delta) * muMin, details));
                }
            }
            for (double delta : new double[] {0.25, 0.5, 0.9}) {
                // a_l uniform on the sphere of radius sqrt(R) in R^n: E a_l a_l^T = (R/n) I, mu_min / R = k / n.
                int k = (int) Math.ceil(n * Math.log(n / target) / -Math.log(chernoffBase(delta)));
                double bound = n * Math.pow(chernoffBase(delta), (double) k / n);
                Map<String, Object> details = Map.of("A_l", "a_l a_l^T, a_l uniform on the unit sphere of R^n (R = 1)", "k", k, "delta", delta,
                        "mu_min", (double) k / n);
                out.add(new StatisticalClaim.Config("rank-one sphere delta=" + delta + " k=" + k, bound, trialsFor(bound, 40, cap),
                        seed -> rankOneLambdaMin(n, k, new Random(seed)) <= (1 - delta) * k / n, details));
            }
            return out;
        }

        static int evenAtLeast(double k) {
            int c = (int) Math.ceil(k);
            return Math.max(2, c + (c & 1));
        }

        static double rankOneLambdaMin(int n, int k, Random rng) {
            DMatrixRMaj s = new DMatrixRMaj(n, n);
            for (int l = 0; l < k; l++) {
                double[] a = Generators.unitGaussian(rng, n);
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++) s.add(i, j, a[i] * a[j]);
            }
            return Linalg.lambdaMin(s);
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var control = Combinators.combine(Arbitraries.of(2, 4, 8), DataArbitraries.seeds())
                    .as((n, seed) -> new ChernoffControl(0.01, 50, 0.99, n, 1.0, 400, seed));
            return List.of(Property.of("control-misdeclared-R", ChernoffControl.class)
                    .description("negative control (A_l <= R I dropped): A_l = Z_l I, Z_l = Bernoulli(0.01)/0.01, k = 50, delta = 0.99, declared R = 1 "
                            + "(true R = 100); the Clopper-Pearson lower end of the failure rate over 400 trials must exceed the 'bound' n 0.389^50")
                    .generator("p = 0.01, k = 50, delta = 0.99, n in {2, 4, 8}, 400 trials, seed", control)
                    .check(MatrixChernoff::controlRate).certify(MatrixChernoff::certifyControl).expectRefuted().tries(3).build());
        }

        static double controlBound(ChernoffControl c) {
            return c.n() * Math.pow(chernoffBase(c.delta()), c.k() / c.declaredR());
        }

        /** The failure rate's exact 95% lower end against the bound: a statistical violation, instance by instance. */
        static Evidence controlRate(ChernoffControl c) {
            Random rng = new Random(c.seed());
            int failures = 0;
            for (int t = 0; t < c.trials(); t++) {
                double sum = 0;
                for (int l = 0; l < c.k(); l++) if (rng.nextDouble() < c.p()) sum += 1 / c.p();
                // lambda_min(sum_l Z_l I) = sum_l Z_l; mu_min = k.
                if (sum <= (1 - c.delta()) * c.k()) failures++;
            }
            BinomialInterval ci = BinomialInterval.clopperPearson(c.trials(), failures, RateEvidence.CONFIDENCE);
            return Evidence.le("95% lower end of P{lambda_min <= (1-delta) mu_min} <= bound", ci.lower(), controlBound(c), 0)
                    .with("failures", failures).with("trials", c.trials()).with("exact probability (1-p)^k", Math.pow(1 - c.p(), c.k()));
        }

        /** Exact: the event is "no Z_l fires", probability (1-p)^k, against the bound, both in 60 digits. */
        static Certificate certifyControl(ChernoffControl c, Evidence e) {
            HighPrecision hp = new HighPrecision();
            Dfp delta = hp.of(c.delta());
            Dfp base = hp.exp(delta.negate()).divide(hp.exp(hp.one().subtract(delta).multiply(hp.log(hp.one().subtract(delta)))));
            Dfp bound = hp.of(c.n()).multiply(hp.exp(hp.log(base).multiply(hp.of(c.k()).divide(hp.of(c.declaredR())))));
            Dfp exact = hp.pow(hp.one().subtract(hp.of(c.p())), c.k());
            return Certificate.of("exact event probability (1-p)^k in Dfp", hp.digits(), HighPrecision.toBigDecimal(bound.subtract(exact)),
                    new BigDecimal("1e-40"), "bound - P{lambda_min(sum A_l) <= (1-delta) mu_min}, the event being 'no Z_l fires'");
        }
    }
}
