package overparam.claims.oymak;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.data.Generators;
import overparam.gauss.GaussianExpectation;
import overparam.gauss.HermiteKernel;
import overparam.linalg.Linalg;
import overparam.nn.Activation;
import overparam.nn.NetworkCovariance;
import overparam.nn.ShallowNet;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** oymak/N6, N7, N8, def-6.1, assumption-1: the covariance objects of section 2.6 and their basic facts. */
final class CovarianceClaims {
    private CovarianceClaims() {}

    static final String FIXED_DRAWS = "Monte Carlo z-test with fixed draws: searching X against them would select their noise";

    /** Per-entry z-score bound for Monte Carlo means: 5.5 sigma keeps false alarms below 1e-6 per instance. */
    static final double Z_MAX = 5.5;

    /** The same false-alarm rate for entries whose draws were all equal: ln(1 / 1e-6). */
    static final double LOG_FALSE_ALARM = Math.log(1e6);

    static Evidence monteCarloMatch(String label, DMatrixRMaj exact, Function<Random, DMatrixRMaj> sample, int draws, long seed) {
        return monteCarloMatch(label, exact, sample, draws, seed, null);
    }

    /**
     * max over entries of |MC mean - exact| / SE, for the random matrix sample(rng) with expectation {@code exact}.
     * An entry whose draws were all equal (zero sample variance) has no SE. Without a {@code range} it must match to
     * rounding (right for entries that are constant by construction). With the range R of the entry's draws (|X - c| <= R
     * for every value c it can take), all N draws equal to c while |E X - c| > R ln(1e6) / N has probability below
     * 1e-6: |E X - c| <= R P(X != c), and (1 - p)^N < e^{-pN}. Found necessary by the search profile: ReLU units
     * that are rarely active on a nearly antipodal pair gave 600 identical draws 2.8e-4 away from the exact entry
     * (generators/corpus/oymak/N6, then refuted against a rounding tolerance of 5e-12).
     */
    static Evidence monteCarloMatch(String label, DMatrixRMaj exact, Function<Random, DMatrixRMaj> sample, int draws, long seed,
                                    DMatrixRMaj range) {
        int n = exact.numRows;
        double[] mean = new double[n * n], m2 = new double[n * n];
        Random rng = new Random(seed);
        for (int t = 1; t <= draws; t++) {
            DMatrixRMaj s = sample.apply(rng);
            for (int e = 0; e < mean.length; e++) {
                double dlt = s.data[e] - mean[e];
                mean[e] += dlt / t;
                m2[e] += dlt * (s.data[e] - mean[e]);
            }
        }
        double worstZ = 0, worstExcess = 0;
        double rounding = Linalg.tolerance(Linalg.frobenius(exact), draws);
        for (int e = 0; e < mean.length; e++) {
            double se = Math.sqrt(m2[e] / (draws - 1) / draws);
            double diff = Math.abs(mean[e] - exact.data[e]);
            if (se > 1e-14 * Math.max(1, Math.abs(exact.data[e]))) worstZ = Math.max(worstZ, diff / se);
            else {
                double allowed = rounding + (range == null ? 0 : range.data[e] * LOG_FALSE_ALARM / draws);
                worstExcess = Math.max(worstExcess, diff / allowed);
            }
        }
        return Evidence.worst(
                Evidence.le(label + ": max |mean - exact| / SE", worstZ, Z_MAX, 0),
                Evidence.le(label + ": zero-variance entries |mean - exact| / allowed", worstExcess, 1, 0));
    }

    /** oymak/N6 "(A.1)": E[J(W_0) J(W_0)^T] = ||v||^2 Sigma(X), Monte Carlo over W_0 against the closed forms. */
    static final class ExpectedJacobianGram extends PropertyClaim {
        ExpectedJacobianGram() {
            super("oymak/N6");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var gen = Combinators.combine(Arbitraries.of("relu", "gausscdf"), DataArbitraries.sphere(2, 6, 2, 5),
                    DataArbitraries.ints(1, 8), DataArbitraries.seeds()).as((a, data, k, seed) -> new MonteCarloInstance(a, data, k, 600, seed));
            return List.of(Property.of("monte-carlo", MonteCarloInstance.class)
                    .description("MC mean of J(W_0)J(W_0)^T over 600 draws of W_0 against ||v||^2 Sigma(X) (arc-cosine / Phi kernel), per-entry z <= " + Z_MAX)
                    .generator("relu or gausscdf, sphere n in [2,6], d in [2,5], k in [1,8], paper's v with ||y|| = sqrt(n)", gen)
                    .check(CovarianceClaims::expectedGram).noSearch(FIXED_DRAWS).tries(30).build());
        }
    }

    static Evidence expectedGram(MonteCarloInstance inst) {
        DMatrixRMaj x = inst.data().matrix();
        int n = x.numRows, k = inst.width();
        double[] v = ShallowNet.paperOutputWeights(k, Math.sqrt(n), n);
        double v2 = Linalg.dot(v, v);
        ShallowNet net = new ShallowNet(x, inst.act(), v);
        DMatrixRMaj exact = Linalg.scale(v2, NetworkCovariance.sigma(x, inst.act()));
        // |(JJ^T)_ij| <= B^2 ||v||^2 ||x_i|| ||x_j|| for every W, so each entry's draws lie in a range twice that
        double b = inst.act().supD1();
        DMatrixRMaj range = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double xi = 0, xj = 0;
                for (int c = 0; c < x.numCols; c++) {
                    xi += x.get(i, c) * x.get(i, c);
                    xj += x.get(j, c) * x.get(j, c);
                }
                range.set(i, j, 2 * b * b * v2 * Math.sqrt(xi * xj));
            }
        return monteCarloMatch("E[JJ^T] vs ||v||^2 Sigma", exact,
                rng -> net.jacobianGram(ShallowNet.gaussianWeights(k, x.numCols, rng)), inst.draws(), inst.mcSeed(), range)
                .with("||v||^2", v2);
    }

    /** oymak/N7 "section 6.3": for phi = z^2/2, Sigma = (XX^T) o (XX^T); Monte Carlo and the Hermite-series route. */
    static final class QuadraticCovariance extends PropertyClaim {
        QuadraticCovariance() {
            super("oymak/N7");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var gen = Combinators.combine(DataArbitraries.sphere(1, 6, 1, 5), DataArbitraries.seeds())
                    .as((data, seed) -> new MonteCarloInstance("quadratic", data, 1, 2000, seed));
            return List.of(Property.of("quadratic", MonteCarloInstance.class)
                    .description("E[(Xw)(Xw)^T o XX^T] by Monte Carlo (2000 draws) and by Hermite quadrature, against (XX^T)^{o2}")
                    .generator("sphere n in [1,6], d in [1,5]", gen)
                    .check(CovarianceClaims::quadratic).noSearch(FIXED_DRAWS).tries(40).build());
        }
    }

    static Evidence quadratic(MonteCarloInstance inst) {
        DMatrixRMaj x = inst.data().matrix();
        DMatrixRMaj xxt = Linalg.gram(x);
        DMatrixRMaj exact = Linalg.hadamardPower(xxt, 2);
        Evidence mc = monteCarloMatch("MC E[phi'(Xw)phi'(Xw)^T o XX^T]", exact, rng -> {
            double[] w = new double[x.numCols];
            for (int j = 0; j < w.length; j++) w[j] = rng.nextGaussian();
            double[] xw = Linalg.multVec(x, w);
            DMatrixRMaj outer = Linalg.mult(Linalg.column(xw), Linalg.transpose(Linalg.column(xw)));
            return Linalg.hadamard(outer, xxt);
        }, inst.draws(), inst.mcSeed());
        HermiteKernel kernel = HermiteKernel.of(inst.act()::d1);
        double err = 0;
        for (int i = 0; i < xxt.numRows; i++)
            for (int j = 0; j < xxt.numCols; j++)
                err = Math.max(err, Math.abs(kernel.applyAsDouble(xxt.get(i, j)) * xxt.get(i, j) - exact.get(i, j)));
        Evidence series = Evidence.eq("max |Hermite-series Sigma - (XX^T)^{o2}|", err, 0, 1e-12);
        return Evidence.worst(mc, series);
    }

    /** oymak/N8 "Rank of X*X": sigma_min(X*X) = 0 for antipodal pairs, duplicates and n > d(d+1)/2. */
    static final class KhatriRaoRank extends PropertyClaim {
        KhatriRaoRank() {
            super("oymak/N8");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var gen = Arbitraries.oneOf(
                    Combinators.combine(DataArbitraries.ints(2, 12), DataArbitraries.ints(1, 5), DataArbitraries.seeds()).as(Generators::antipodal),
                    Combinators.combine(DataArbitraries.ints(2, 12), DataArbitraries.ints(1, 5), DataArbitraries.seeds()).as(Generators::duplicates),
                    Combinators.combine(DataArbitraries.ints(1, 5), DataArbitraries.ints(1, 6), DataArbitraries.seeds())
                            .as((d, extra, seed) -> Generators.krDeficient(d * (d + 1) / 2 + extra, d, seed)))
                    .map(data -> new DataInstance("identity", 2, data));
            return List.of(Property.of("rank-deficient", DataInstance.class)
                    .description("sigma_min(X*X)^2 = lambda_min((XX^T)^{o2}) = 0, and the explicit X*X has sigma_min 0")
                    .generator("antipodal / duplicates (n in [2,12], d in [1,5]) and kr-deficient (n = d(d+1)/2 + [1,6])", gen)
                    .hypotheses(inst -> Structure.hasExactPair(inst.data().x(), true)
                            || inst.data().n() > inst.data().d() * (inst.data().d() + 1) / 2 ? null : "no exact (anti)duplicate pair and n <= d(d+1)/2")
                    .search(SearchSpace.<DataInstance>coordinates().project(inst -> Structure.mergeClosestPair(inst, true)))
                    .check(CovarianceClaims::rankDeficient).certify(Certifiers::khatriRaoRank).tries(150).build());
        }
    }

    static Evidence rankDeficient(DataInstance inst) {
        DMatrixRMaj x = inst.x();
        DMatrixRMaj g2 = Linalg.hadamardPower(Linalg.gram(x), 2);
        DMatrixRMaj kr = Linalg.khatriRaoRows(x, x);
        return Evidence.worst(
                Evidence.le("lambda_min((XX^T)^{o2})", Linalg.lambdaMin(g2), 0, Linalg.psdTolerance(g2)),
                Evidence.le("sigma_min(X*X) (explicit)", Linalg.sigmaMin(kr), 0, Math.sqrt(Linalg.psdTolerance(g2))));
    }

    /** oymak/def-6.1: Sigma PSD with diagonal E phi'(g)^2; lambda <= B^2 (6.16); duplicates give 0; orthonormal rows give E phi'^2 I. */
    static final class NetworkCovarianceDefinition extends PropertyClaim {
        static final List<String> ACTS = List.of("softplus", "relu", "tanh", "gausscdf", "sigmoid", "2.0*softplus");

        NetworkCovarianceDefinition() {
            super("oymak/def-6.1");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.range("n", 1, 14, "number of data points"), ParamSpec.range("d", 1, 6, "input dimension"),
                    ParamSpec.activations("activations", ACTS, "activations drawn from (comma-separated; s*name scales)"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            List<String> activations = p.activations("activations");
            int[] n = p.range("n"), d = p.range("d");
            var general = Combinators.combine(Arbitraries.of(activations), DataArbitraries.unitRows(n[0], n[1], d[0], d[1]))
                    .as((a, data) -> new DataInstance(a, 0, data));
            var dups = Combinators.combine(Arbitraries.of(activations), Combinators.combine(DataArbitraries.ints(Math.max(2, n[0]), Math.max(2, n[1])),
                    DataArbitraries.ints(d[0], d[1]), DataArbitraries.seeds()).as(Generators::duplicates)).as((a, data) -> new DataInstance(a, 0, data));
            var ortho = Combinators.combine(Arbitraries.of(activations), DataArbitraries.ints(d[0], d[1]).flatMap(dd -> DataArbitraries.ints(1, dd)
                    .map(nn -> Generators.orthonormal(nn, dd)))).as((a, data) -> new DataInstance(a, 0, data));
            String acts = "activations " + activations;
            return List.of(
                    Property.of("psd-diagonal", DataInstance.class)
                            .description("lambda_min(Sigma) >= 0 and Sigma_ii = E phi'(g)^2 (Gauss-Hermite route)")
                            .generator(acts + ", unit-row families n in " + p.string("n") + ", d in " + p.string("d"), general)
                            .hypotheses(Structure::unitRows).search(SearchSpace.<DataInstance>coordinates().unitRows("x"))
                            .check(CovarianceClaims::psdDiagonal).certify(Certifiers::psdDiagonal).tries(80).build(),
                    Property.of("lambda-le-B2", DataInstance.class)
                            .description("(6.16): lambda(X) <= e_1^T Sigma e_1 = E phi'(g)^2 <= B^2")
                            .generator(acts + ", unit-row families", general)
                            .hypotheses(Structure::unitRows).search(SearchSpace.<DataInstance>coordinates().unitRows("x"))
                            .check(CovarianceClaims::lambdaBelowB2).certify(Certifiers::lambdaBelowB2).tries(80).build(),
                    Property.of("duplicates-zero", DataInstance.class)
                            .description("duplicated rows give lambda(X) = 0")
                            .generator(acts + ", duplicates n in " + p.string("n") + " (at least 2), d in " + p.string("d"), dups)
                            .hypotheses(inst -> Structure.unitRows(inst) != null ? Structure.unitRows(inst)
                                    : Structure.hasExactPair(inst.data().x(), false) ? null : "no two rows are equal")
                            .search(SearchSpace.<DataInstance>coordinates().unitRows("x").project(inst -> Structure.mergeClosestPair(inst, false)))
                            .check(CovarianceClaims::duplicatesZero).certify(Certifiers::duplicatesZero).tries(40).build(),
                    Property.of("orthonormal", DataInstance.class)
                            .description("orthonormal rows give Sigma = E phi'(g)^2 I")
                            .generator(acts + ", orthonormal n <= d, d in " + p.string("d"), ortho)
                            .hypotheses(inst -> Structure.orthonormalRows(inst.data().x()))
                            .search(SearchSpace.<DataInstance>coordinates().project(Structure::orthonormalised))
                            .check(CovarianceClaims::orthonormal).certify(Certifiers::orthonormal).tries(40).build());
        }
    }

    static double meanSquareD1ByGaussHermite(Activation a) {
        if (!a.smooth()) return GaussianExpectation.expect(z -> a.d1(z) * a.d1(z), a.kinks());
        return GaussianExpectation.gaussHermite(z -> a.d1(z) * a.d1(z), 120);
    }

    static Evidence psdDiagonal(DataInstance inst) {
        DMatrixRMaj s = NetworkCovariance.sigma(inst.x(), inst.act());
        double diag = meanSquareD1ByGaussHermite(inst.act());
        double err = 0;
        for (int i = 0; i < s.numRows; i++) err = Math.max(err, Math.abs(s.get(i, i) - diag));
        return Evidence.worst(
                Evidence.ge("lambda_min(Sigma)", Linalg.lambdaMin(s), 0, Linalg.psdTolerance(s) + 1e-13 * s.numRows),
                Evidence.eq("max |Sigma_ii - E phi'(g)^2|", err, 0, 1e-10 * Math.max(1, diag)));
    }

    static Evidence lambdaBelowB2(DataInstance inst) {
        DMatrixRMaj s = NetworkCovariance.sigma(inst.x(), inst.act());
        double b = inst.act().bigB();
        return Evidence.worst(
                Evidence.le("lambda(X) <= Sigma_11", Linalg.lambdaMin(s), s.get(0, 0), Linalg.psdTolerance(s)),
                Evidence.le("E phi'(g)^2 <= B^2", s.get(0, 0), b * b, 1e-12 * b * b));
    }

    static Evidence duplicatesZero(DataInstance inst) {
        DMatrixRMaj s = NetworkCovariance.sigma(inst.x(), inst.act());
        return Evidence.le("|lambda(X)| for duplicated rows", Math.abs(Linalg.lambdaMin(s)), 0, Linalg.psdTolerance(s) + 1e-13 * s.numRows);
    }

    static Evidence orthonormal(DataInstance inst) {
        DMatrixRMaj s = NetworkCovariance.sigma(inst.x(), inst.act());
        DMatrixRMaj expected = Linalg.scale(meanSquareD1ByGaussHermite(inst.act()), Linalg.identity(s.numRows));
        return Evidence.eq("||Sigma - E phi'^2 I||_F", Linalg.frobenius(Linalg.minus(s, expected)), 0, 1e-10 * s.numRows);
    }

    /** oymak/assumption-1 "delta-separable data": sep(X) helper facts and the separated generator. */
    static final class SeparableData extends PropertyClaim {
        SeparableData() {
            super("oymak/assumption-1");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var unit = DataArbitraries.unitRows(2, 12, 1, 6).map(data -> new DataInstance("identity", 0, data));
            var separated = Combinators.combine(DataArbitraries.ints(2, 6), DataArbitraries.ints(3, 6),
                    Arbitraries.of(0.05, 0.2, 0.5), DataArbitraries.seeds())
                    .as((n, d, delta, seed) -> new DataInstance("identity", 0, Generators.separated(n, d, delta, seed)));
            return List.of(
                    Property.of("separation-identity", DataInstance.class)
                            .description("1 - |x_i^T x_j| = sep_ij^2 / 2 for unit rows, and sep(X) <= sqrt 2 for n >= 2")
                            .generator("unit-row families n in [2,12], d in [1,6]", unit)
                            .hypotheses(Structure::unitRows).search(SearchSpace.<DataInstance>coordinates().unitRows("x"))
                            .check(CovarianceClaims::separationIdentity).certify(Certifiers::separationIdentity).tries(100).build(),
                    Property.of("separated-generator", DataInstance.class)
                            .description("the separated(n, d, delta) generator returns unit rows with sep(X) >= delta")
                            .generator("separated n in [2,6], d in [3,6], delta in {0.05, 0.2, 0.5}", separated)
                            .check(inst -> Evidence.ge("sep(X)", Generators.separation(inst.data().x()),
                                    ((Number) inst.data().params().get("delta")).doubleValue(), 0))
                            .noSearch("a property of the separated generator's output").certify(Certifiers::separatedGenerator).tries(60).build());
        }
    }

    static Evidence separationIdentity(DataInstance inst) {
        double[][] x = inst.data().x();
        double err = 0;
        for (int i = 0; i < x.length; i++)
            for (int j = i + 1; j < x.length; j++) {
                double sep = Generators.separation(new double[][] {x[i], x[j]});
                err = Math.max(err, Math.abs(1 - Math.abs(Linalg.dot(x[i], x[j])) - sep * sep / 2));
            }
        return Evidence.worst(
                Evidence.eq("max |1 - |x_i^T x_j| - sep_ij^2/2|", err, 0, 1e-14),
                Evidence.le("sep(X)", Generators.separation(x), Math.sqrt(2), 1e-15));
    }
}
