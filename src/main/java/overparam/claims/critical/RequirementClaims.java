package overparam.claims.critical;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.data.Generators;
import overparam.gauss.BinomialInterval;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.*;

/** critical/C-09.a .. C-09.h (Requirement 1 and its justifications, section 2.4) and C-11 (Requirement 3). */
final class RequirementClaims {
    private RequirementClaims() {}

    // ------------------------------------------------------------------------------------------------ C-09.a

    /** critical/C-09.a: M < D forces sigma_min(x') = 0 whatever NN_1 is. */
    static final class Width extends PropertyClaim {
        Width() {
            super("critical/C-09.a");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<MatrixClaims.Mat> gen = Combinators.combine(Arbitraries.of(Features.GAUSS, Features.TANH_LAYER, Features.TRIANGULAR, Features.SIGMOID,
                    Features.SIN, Features.POWER), DataArbitraries.ints(2, 10), DataArbitraries.ints(1, 5), DataArbitraries.seeds()).as((f, d, less, seed) ->
                    new MatrixClaims.Mat(f, Features.matrix(f, Math.max(1, d - less), d, seed)));
            return List.of(Property.of("kernel-vector", MatrixClaims.Mat.class)
                    .description("x' (M x D, M < D) from every construction: a unit v with |x'v| ~ 0 exists (SVD), so min_v |x'v|/|v| = 0")
                    .generator("families {random N(0,1/M), tanh layer, triangular, sig, sin, power}, D in [2,10], M = D - [1,5]", gen)
                    .check(MatrixClaims::wideZero).tries(60).build());
        }
    }

    // ------------------------------------------------------------------------------------------------ C-09.b

    /** Exact linear independence of D random binary vectors in {0,1}^N (rows of a D x N 0/1 matrix). */
    static boolean dependent(int d, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        long[][] a = new long[d][n];
        for (long[] row : a) for (int j = 0; j < n; j++) row[j] = rng.nextBoolean() ? 1 : 0; // SplittableRandom: consecutive trial seeds are independent
        return ExactRank.rank(ExactRank.of(a)) < d;
    }

    /**
     * critical/C-09.b: 'independence is likely as long as the number of bits in the input representation exceeds the number
     * of training inputs, i.e. D >= N = M'. The verdict takes the most charitable reading: "exceeds" = N >= D + 1 (the
     * words; the formula is reversed) and "likely" = P(dependent) <= 1/2 (more likely than not). The catalogue's reading
     * N = D and the literal formula D >= N are reported as numbers.
     */
    static final class IndependentInput extends StatisticalClaim {
        static final String READING = "'bits exceed inputs' = N >= D + 1, 'likely' = P(dependent) <= 1/2";

        IndependentInput() {
            super("critical/C-09.b");
        }

        @Override
        protected List<Config> configs(Params p, RunContext ctx) {
            List<Config> c = new ArrayList<>();
            for (int d : new int[] {1, 2, 3, 4, 5, 6, 8, 10, 12})
                c.add(new Config("N = D + 1 = " + (d + 1) + " bits, D = " + d + " inputs: P(dependent) <= 1/2", 0.5, 1000, s -> dependent(d, d + 1, s),
                        ReportedClaim.ordered("N", d + 1, "D", d, "reading", READING)));
            return c;
        }

        @Override
        public ClaimResult run(RunContext ctx) {
            long start = System.currentTimeMillis();
            ClaimResult b = super.run(ctx);
            ReportedClaim.Report rep = new ReportedClaim.Report();
            rep.number("reading behind the verdict", READING);
            List<String> other = new ArrayList<>();
            for (int n : new int[] {3, 5, 8, 10}) other.add(rate(ctx, "catalogue's reading N = D = " + n, n, n, 2000).describe());
            other.add(rate(ctx, "literal formula D >= N (D = 6, N = 5)", 6, 5, 200).describe());
            rep.number("other readings (not the verdict): P(dependent) against 1/2", other);
            return ReportedClaim.merged(b, rep, start);
        }

        static RateEvidence rate(RunContext ctx, String label, int d, int n, int trials) {
            long base = ctx.seedFor("critical/C-09.b#" + label), failures = 0;
            int t = ctx.tries(trials);
            for (int i = 0; i < t; i++) if (dependent(d, n, base + i)) failures++;
            return RateEvidence.of(label, t, failures, 0.5, Map.of());
        }
    }

    // ------------------------------------------------------------------------------------------------ C-09.c

    /** Distinct (or, for the control, duplicated) binary inputs x_d in {0,1}^N: D x N. */
    public record Binary(int n, double[][] x) {}

    static Arbitrary<Binary> binaries(boolean duplicates) {
        return Combinators.combine(DataArbitraries.ints(1, 6), DataArbitraries.ints(1, 20), DataArbitraries.seeds()).as((n, dWant, seed) -> {
            Random rng = new Random(seed);
            int d = Math.min(dWant, 1 << n);
            if (duplicates) d = Math.max(d, 2);
            List<Integer> codes = new ArrayList<>();
            for (int c = 0; c < (1 << n); c++) codes.add(c);
            Collections.shuffle(codes, rng);
            double[][] x = new double[d][n];
            for (int i = 0; i < d; i++) {
                int code = duplicates && i == d - 1 ? codes.get(0) : codes.get(i % codes.size());
                for (int k = 0; k < n; k++) x[i][k] = (code >> k) & 1;
            }
            return new Binary(n, x);
        });
    }

    /** x' = [x ; look-up features [x = u_j] for the distinct input patterns u_j]: (N + #patterns) x D. */
    static double[][] withLookup(Binary b) {
        List<String> patterns = new ArrayList<>();
        for (double[] xi : b.x()) if (!patterns.contains(Arrays.toString(xi))) patterns.add(Arrays.toString(xi));
        int d = b.x().length, n = b.n();
        double[][] xp = new double[n + patterns.size()][d];
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < n; k++) xp[k][j] = b.x()[j][k];
            xp[n + patterns.indexOf(Arrays.toString(b.x()[j]))][j] = 1;
        }
        return xp;
    }

    /** critical/C-09.c: 'each input could be extended with sufficiently many features to make them independent'. */
    static final class FeatureExtension extends PropertyClaim {
        FeatureExtension() {
            super("critical/C-09.c");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(
                    Property.of("lookup-features", Binary.class)
                            .description("appending look-up features [x = u_j] (a function of the input) gives x'^T x' = x^T x + I: exact rank D, sigma_min >= 1, "
                                    + "for D > N (the case the paper's 'If D < N' should say) and D <= N")
                            .generator("distinct binary inputs, N in [1,6], D in [1, min(20, 2^N)]", binaries(false))
                            .check(b -> {
                                double[][] xp = withLookup(b);
                                long[][] ints = new long[xp.length][xp[0].length];
                                for (int i = 0; i < xp.length; i++) for (int j = 0; j < xp[0].length; j++) ints[i][j] = (long) xp[i][j];
                                double r = Linalg.scalingFactor(Linalg.of(xp));
                                return Evidence.worst(Evidence.eq("exact rank == D", ExactRank.rank(ExactRank.of(ints)), b.x().length, 0),
                                        Evidence.ge("sigma_min(x') >= 1", r, 1, Linalg.tolerance(Linalg.spectralNorm(Linalg.of(xp)), xp.length)))
                                        .with("D", b.x().length).with("N", b.n());
                            }).tries(80).build(),
                    Property.of("control-duplicate-inputs", Binary.class)
                            .description("FAIL: duplicated inputs get identical features from any NN_1, so no feature extension separates them")
                            .generator("binary inputs with x_D = x_1", binaries(true))
                            .check(b -> {
                                double[][] xp = withLookup(b);
                                long[][] ints = new long[xp.length][xp[0].length];
                                for (int i = 0; i < xp.length; i++) for (int j = 0; j < xp[0].length; j++) ints[i][j] = (long) xp[i][j];
                                return Evidence.eq("exact rank == D", ExactRank.rank(ExactRank.of(ints)), b.x().length, 0);
                            }).expectRefuted().tries(5).build());
        }
    }

    // ------------------------------------------------------------------------------------------------ C-09.d

    /** A fixed random first layer: x'_d = act(A x_d + b) (bias optional), inputs given; A, b ~ N(0, 1) from the seed. */
    public record RandomLayer(String act, boolean bias, double[][] inputs, int m, long seed) {
        /** Row i: a_i (N entries) then b_i. */
        double[][] layer() {
            Random rng = new Random(seed);
            int n = inputs[0].length;
            double[][] ab = new double[m][n + 1];
            for (double[] row : ab) {
                for (int k = 0; k < n; k++) row[k] = rng.nextGaussian();
                row[n] = bias ? rng.nextGaussian() : 0;
            }
            return ab;
        }

        double[][] features() {
            double[][] ab = layer(), x = new double[m][inputs.length];
            int n = inputs[0].length;
            for (int i = 0; i < m; i++)
                for (int j = 0; j < inputs.length; j++) {
                    double t = 0;
                    for (int k = 0; k < n; k++) t += ab[i][k] * inputs[j][k];
                    t += ab[i][n];
                    x[i][j] = switch (act) {
                        case "sigmoid", "tanh", "relu" -> Stage3.act(act, t);
                        case "linear" -> t;
                        case "square" -> t * t;
                        default -> throw new IllegalArgumentException(act);
                    };
                }
            return x;
        }

        /** The same features in Dfp from the double inputs, weights and biases taken as exact. */
        Dfp[][] features(HighPrecision hp) {
            double[][] ab = layer();
            int n = inputs[0].length;
            Dfp[][] x = new Dfp[m][inputs.length];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < inputs.length; j++) {
                    Dfp t = Stage3.dot(hp, hp.of(java.util.Arrays.copyOf(ab[i], n)), hp.of(inputs[j])).add(hp.of(ab[i][n]));
                    x[i][j] = switch (act) {
                        case "sigmoid", "tanh", "relu" -> Stage3.act(hp, act, t);
                        case "linear" -> t;
                        case "square" -> t.multiply(t);
                        default -> throw new IllegalArgumentException(act);
                    };
                }
            return x;
        }
    }

    /** A double rank decision counts only when sigma_min is this factor away from the rank tolerance; closer ones are re-decided in 60 digits. */
    static final double RANK_DECISIVE = 1e4;

    /**
     * Full column rank of the layer's x': in double when r = sigma_min(x') exceeds 10^4 times the rank tolerance
     * max(M,D) eps sigma_max; otherwise (a close or a negative decision) by 60-digit full-pivoting elimination of the
     * features recomputed in Dfp (tolerance max(M,D) 10^-50 max|x'|).
     */
    static Evidence layerRank(RandomLayer l) {
        DMatrixRMaj x = Linalg.of(l.features());
        double r = Linalg.scalingFactor(x), tol = Linalg.rankTolerance(x);
        int d = l.inputs().length;
        Evidence e = r > RANK_DECISIVE * tol
                ? Evidence.ge("r = sigma_min(x') > 10^4 x rank tolerance max(M,D) eps sigma_max (double decides)", r, RANK_DECISIVE * tol, 0)
                : Evidence.eq("60-digit rank == D (double r within 10^4 of its rank tolerance)", hpRank(l), d, 0).with("double r", r).with("rank tolerance", tol);
        return e.with("D", d).with("M", l.m());
    }

    static int hpRank(RandomLayer l) {
        HighPrecision hp = new HighPrecision(60);
        return hp.rank(l.features(hp));
    }

    static Certificate certifyLayerRank(RandomLayer l, Evidence e) {
        int rank = hpRank(l), d = l.inputs().length;
        return Certificate.of("Dfp 60 digits: features recomputed, full-pivoting elimination (tolerance max(M,D) 1e-50 max|x'|)", 60,
                BigDecimal.valueOf(rank - d), BigDecimal.ZERO, "rank " + rank + " of D = " + d);
    }

    /** critical/C-09.d: a fixed random layer makes the x'_d independent (distinct inputs, M >= D) w.h.p. */
    static final class RandomLayerClaim extends ReportedClaim {
        RandomLayerClaim() {
            super("critical/C-09.d");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<RandomLayer> ok = Combinators.combine(Arbitraries.of("sigmoid", "tanh"), DataArbitraries.ints(2, 6), DataArbitraries.ints(1, 20),
                    DataArbitraries.ints(0, 20), DataArbitraries.seeds()).as((a, n, d, e, seed) ->
                    new RandomLayer(a, true, Generators.sphere(d, n, seed).x(), d + Math.min(e, d), seed + 1));
            return List.of(
                    Property.of("full-rank", RandomLayer.class)
                            .description("sigmoid/tanh layer with Gaussian A, b, distinct sphere inputs, M in [D, 2D]: full column rank (double SVD when r >= 10^4 x its rank "
                                    + "tolerance, else 60-digit elimination of the features recomputed in Dfp)")
                            .generator("act in {sigmoid, tanh}, N in [2,6], D in [1,20], M in [D, 2D], inputs on the sphere", ok)
                            .check(RequirementClaims::layerRank).certify(RequirementClaims::certifyLayerRank).tries(120).build(),
                    Property.of("r-at-least-0.2-when-M=2D", OneD.class)
                            .informative()
                            .description("catalogue's quantitative caveat: N(0, 1/M) features with M = 2D have r >= 0.2 w.h.p. (Marchenko-Pastur edge 1 - sqrt(1/2) = 0.29)")
                            .generator("D in [5,40], M = 2D, seed = D", DataArbitraries.ints(5, 40).map(d -> new OneD(Features.GAUSS, d)))
                            .check(o -> Evidence.ge("r = sigma_min(x')", Linalg.scalingFactor(Linalg.of(Features.matrix(Features.GAUSS, 2 * o.d(), o.d(), o.d()))), 0.2, 0))
                            .tries(20).build(),
                    control("control-duplicate-inputs", "x_2 = x_1", (n, d, seed) -> {
                        double[][] in = Generators.sphere(d, n, seed).x();
                        in[1] = in[0].clone();
                        return new RandomLayer("tanh", true, in, d + 2, seed);
                    }),
                    control("control-odd-no-bias-antipodal", "tanh without bias, x_2 = -x_1", (n, d, seed) -> {
                        double[][] in = Generators.sphere(d, n, seed).x();
                        for (int k = 0; k < n; k++) in[1][k] = -in[0][k];
                        return new RandomLayer("tanh", false, in, d + 2, seed);
                    }),
                    control("control-zero-input-no-bias", "tanh without bias, x_1 = 0 (tanh(0) = 0: zero column)", (n, d, seed) -> {
                        double[][] in = Generators.sphere(d, n, seed).x();
                        Arrays.fill(in[0], 0);
                        return new RandomLayer("tanh", false, in, d + 2, seed);
                    }),
                    control("control-relu-no-bias-proportional", "relu without bias, x_2 = 3 x_1", (n, d, seed) -> {
                        double[][] in = Generators.sphere(d, n, seed).x();
                        for (int k = 0; k < n; k++) in[1][k] = 3 * in[0][k];
                        return new RandomLayer("relu", false, in, d + 2, seed);
                    }),
                    control("control-linear-D>N", "linear activation with D = N + 2 (rank <= N + 1)", (n, d, seed) ->
                            new RandomLayer("linear", true, Generators.sphere(n + 2, n, seed).x(), 2 * (n + 2), seed)),
                    control("control-square-D>C(N+2,2)", "t^2 activation, D = C(N+2,2) + 1 (rank <= C(N+2,2))", (n, d, seed) -> {
                        int cap = (n + 2) * (n + 1) / 2;
                        return new RandomLayer("square", true, Generators.sphere(cap + 1, n, seed).x(), 2 * (cap + 1), seed);
                    }));
        }

        interface LayerGen {
            RandomLayer make(int n, int d, long seed);
        }

        static Property<RandomLayer> control(String name, String what, LayerGen g) {
            Arbitrary<RandomLayer> a = Combinators.combine(DataArbitraries.ints(1, 4), DataArbitraries.ints(2, 8), DataArbitraries.seeds()).as(g::make);
            return Property.of(name, RandomLayer.class).description("FAIL generator: " + what + " makes x' rank-deficient")
                    .generator(what + ", N in [1,4], D in [2,8]", a).check(RequirementClaims::layerRank).certify(RequirementClaims::certifyLayerRank)
                    .expectRefuted().tries(5).build();
        }

        @Override
        protected void report(Params p, RunContext ctx, Report r) {
            int tries = ctx.tries(120);
            BinomialInterval ci = BinomialInterval.clopperPearson(tries, 0, 0.95);
            r.number("failure rate of 'full-rank' if no failure was seen: 95% Clopper-Pearson upper bound", ci.upper());
            ScalingTable.Result t = ScalingTable.get(ctx);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Features.RandomRow row : t.random()) {
                Map<String, Object> m = row.asMap();
                m.put("family", ScalingTable.label(row.family()));
                rows.add(m);
            }
            r.number("random features: median r = sigma_min(x') over draws", rows);
            r.number("power-law fits of the median r", t.fits());
            for (java.nio.file.Path f : ScalingTable.plots(t, ctx.attachmentsDir(id()))) r.attachment(f);
        }
    }

    // ------------------------------------------------------------------------------------------------ C-09.e

    /** The triangular construction with M = D + extra rows. */
    public record Triangular(int d, int extra, boolean strict) {
        double[][] matrix() {
            return Machines.triangular(d + extra, d, strict);
        }
    }

    /** critical/C-09.e: [x'_d]_i = 1 iff -d + i >= 0 is full rank; sigma_min = 1/(2 cos(pi/(2D+1))) >= 1/2. */
    static final class TriangularClaim extends ReportedClaim {
        TriangularClaim() {
            super("critical/C-09.e");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<Triangular> gen = Combinators.combine(DataArbitraries.ints(1, 80), Arbitraries.of(0, 1, 3)).as((d, e) -> new Triangular(d, e, false));
            return List.of(
                    Property.of("full-rank-and-half", Triangular.class)
                            .description("M = D: det = 1 (exact), sigma_min == 1/(2 cos(pi/(2D+1))); M >= D: sigma_min >= 1/2")
                            .generator("D in [1,80], M = D + {0, 1, 3}", gen).check(TriangularClaim::check).tries(60).build(),
                    Property.of("control-strict-step", Triangular.class)
                            .description("FAIL: step(0) = 0 (entries 1 iff i > d) with M = D: column D is zero, rank D - 1")
                            .generator("strict step, D in [1,30], M = D", DataArbitraries.ints(1, 30).map(d -> new Triangular(d, 0, true)))
                            .check(TriangularClaim::exactRank).expectRefuted().tries(10).build(),
                    Property.of("strict-step-extra-row", Triangular.class)
                            .informative()
                            .description("strict step with M = D + 1: full rank again")
                            .generator("strict step, D in [1,30], M = D + 1", DataArbitraries.ints(1, 30).map(d -> new Triangular(d, 1, true)))
                            .check(TriangularClaim::exactRank).tries(10).build());
        }

        static Evidence exactRank(Triangular t) {
            double[][] x = t.matrix();
            long[][] a = new long[x.length][t.d()];
            for (int i = 0; i < x.length; i++) for (int j = 0; j < t.d(); j++) a[i][j] = (long) x[i][j];
            return Evidence.eq("exact rank == D", ExactRank.rank(ExactRank.of(a)), t.d(), 0);
        }

        static Evidence check(Triangular t) {
            double[][] x = t.matrix();
            DMatrixRMaj xm = Linalg.of(x);
            double r = Linalg.scalingFactor(xm);
            double tol = Linalg.tolerance(Linalg.spectralNorm(xm), x.length + t.d());
            List<Evidence> parts = new ArrayList<>();
            parts.add(Evidence.ge("sigma_min >= 1/2", r, 0.5, tol));
            if (t.extra() == 0) {
                long[][] a = new long[t.d()][t.d()];
                for (int i = 0; i < t.d(); i++) for (int j = 0; j < t.d(); j++) a[i][j] = (long) x[i][j];
                parts.add(Evidence.eq("det (exact)", ExactRank.det(ExactRank.of(a)).doubleValue(), 1, 0));
                parts.add(Evidence.eq("sigma_min == 1/(2 cos(pi/(2D+1)))", r, Features.triangularSigmaMin(t.d()), tol));
            }
            return Evidence.worst(parts).with("D", t.d()).with("M", x.length);
        }

        @Override
        protected void report(Params p, RunContext ctx, Report r) {
            ScalingTable.Result t = ScalingTable.get(ctx);
            r.number("triangular r(D) against the closed form", t.summary().get("triangular step features (M = D)"));
            for (java.nio.file.Path f : ScalingTable.plots(t, ctx.attachmentsDir(id()))) r.attachment(f);
        }
    }

    // ------------------------------------------------------------------------------------------------ C-09.f / C-09.g

    /** A sweep over D = 1..dMax of one construction, checked as a whole (the evidence names the worst D). */
    public record Sweep(String family, int dMax) {}

    /** Every D <= dMax: full rank certified in high precision (Weyl: sigma_min(hp) above the rounding perturbation). */
    static Evidence certifiedFullRank(Sweep s) {
        List<Evidence> parts = new ArrayList<>();
        for (int d = 1; d <= s.dMax(); d++) {
            Features.HpRow row = Features.hp(s.family(), d);
            parts.add(Evidence.fact("D = " + d + ": full rank certified (sigma_min = " + row.sigmaMinHp() + " > rounding perturbation, " + row.digits()
                    + " digits, stable against +40 digits)", row.certified()));
            parts.add(Evidence.fact("D = " + d + ": determinant nonzero (log10|det| = " + row.log10AbsDet() + ")", Double.isFinite(row.log10AbsDet())));
        }
        return Evidence.worst(parts);
    }

    /** One D of one construction (shrinks to the smallest D). */
    public record OneD(String family, int d) {}

    /** critical/C-09.f: [d i] has rank one; [sig(d i)] (i, d = 1..D) has full rank. */
    static final class DoubleVandermonde extends ReportedClaim {
        DoubleVandermonde() {
            super("critical/C-09.f");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("dMax", 0, "largest D of the high-precision sweep (0: 10 at CI, 15 at FULL, 20 at DEEP)"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int dMax = p.integer("dMax") > 0 ? p.integer("dMax") : ScalingTable.dMaxHp(level());
            return List.of(
                    Property.of("pre-activation-rank-one", OneD.class)
                            .description("[d i] (i, d = 1..D) = [i][d]^T has exact rank 1")
                            .generator("D in [1,30]", DataArbitraries.ints(1, 30).map(d -> new OneD("product", d)))
                            .check(o -> {
                                long[][] a = new long[o.d()][o.d()];
                                for (int i = 0; i < o.d(); i++) for (int j = 0; j < o.d(); j++) a[i][j] = (long) (i + 1) * (j + 1);
                                return Evidence.eq("exact rank of [d i]", ExactRank.rank(ExactRank.of(a)), 1, 0);
                            }).tries(20).build(),
                    Property.of("full-rank-high-precision", Sweep.class)
                            .description("every D <= " + dMax + ": [sig(d i)] evaluated in Dfp from the formula; digits raised until sigma_min is stable to 1e-10 "
                                    + "(n vs n + 40 digits) and exceeds the n-digit rounding perturbation D max|a| 10^(1-n)")
                            .generator("sweep D = 1.." + dMax, Arbitraries.just(new Sweep(Features.SIGMOID, dMax)))
                            .check(RequirementClaims::certifiedFullRank).tries(1).build());
        }

        @Override
        protected void report(Params p, RunContext ctx, Report r) {
            ScalingTable.Result t = ScalingTable.get(ctx);
            r.number("double Vandermonde [sig(d i)]: double vs high precision (M = D)", t.summary().get(ScalingTable.label(Features.SIGMOID) + " (M = D)"));
            r.number("first D whose double SVD rank (tol max(M,D) eps sigma_max) is below D", ScalingTable.firstDoubleRankLoss(t, Features.SIGMOID));
            r.number("first D with r < 1e-3 (full rank, but eps/(2qr) >= 500 eps)", ScalingTable.firstBelow(t, Features.SIGMOID, 1e-3));
            for (java.nio.file.Path f : ScalingTable.plots(t, ctx.attachmentsDir(id()))) r.attachment(f);
        }
    }

    /** prod_{k=1..D} k! (= D! prod_{k<D} k!): det [i^d]_{i,d = 1..D} (rows i, Vandermonde in nodes 1..D times diag(i)). */
    static BigInteger powerDet(int d) {
        BigInteger det = BigInteger.ONE, fact = BigInteger.ONE;
        for (int k = 1; k <= d; k++) {
            fact = fact.multiply(BigInteger.valueOf(k));
            det = det.multiply(fact);
        }
        return det;
    }

    /** critical/C-09.g: [i^d], [sin(d i)], [e^{d i}] (i, d = 1..D) have full rank. */
    static final class Companions extends ReportedClaim {
        Companions() {
            super("critical/C-09.g");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("dMax", 0, "largest D of the high-precision sweep (0: 10 at CI, 15 at FULL, 20 at DEEP)"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int dMax = p.integer("dMax") > 0 ? p.integer("dMax") : ScalingTable.dMaxHp(level());
            List<Property<?>> props = new ArrayList<>();
            for (String f : List.of(Features.POWER, Features.SIN, Features.EXP))
                props.add(Property.of("full-rank-high-precision-" + f, Sweep.class)
                        .description("every D <= " + dMax + ": rank of " + ScalingTable.label(f) + " certified in high precision (Dfp from the formula)")
                        .generator("sweep D = 1.." + dMax, Arbitraries.just(new Sweep(f, dMax)))
                        .check(RequirementClaims::certifiedFullRank).tries(1).build());
            props.addAll(List.of(
                    Property.of("power-exact-determinant", OneD.class)
                            .description("det [i^d] == prod_{k<=D} k! exactly (Bareiss, BigInteger): a Vandermonde determinant, nonzero")
                            .generator("D in [1,25]", DataArbitraries.ints(1, 25).map(d -> new OneD(Features.POWER, d)))
                            .check(o -> {
                                long[][] a = new long[o.d()][o.d()];
                                BigInteger[][] b = new BigInteger[o.d()][o.d()];
                                for (int i = 1; i <= o.d(); i++) for (int j = 1; j <= o.d(); j++) b[i - 1][j - 1] = BigInteger.valueOf(i).pow(j);
                                BigInteger det = ExactRank.det(b);
                                return Evidence.fact("det [i^d] == prod k! (" + det.bitLength() + " bits)", det.equals(powerDet(o.d())));
                            }).tries(15).build(),
                    Property.of("exp-vandermonde-determinant", OneD.class)
                            .description("det [e^(d i)] == prod_d e^d prod_{d<d'} (e^d' - e^d) (Vandermonde in nodes e^d), 120 digits, relative 1e-90")
                            .generator("D in [1,12]", DataArbitraries.ints(1, 12).map(d -> new OneD(Features.EXP, d)))
                            .check(Companions::expDet).tries(8).build(),
                    Property.of("control-zero-based-power", OneD.class)
                            .description("FAIL: 0-based rows i = 0..D-1 in [i^d] (d = 1..D): row 0 is zero")
                            .generator("D in [1,12]", DataArbitraries.ints(1, 12).map(d -> new OneD("power-0", d)))
                            .check(o -> zeroBased(o, false)).expectRefuted().tries(5).build(),
                    Property.of("control-zero-based-sin", OneD.class)
                            .description("FAIL: 0-based rows in [sin(d i)]: sin(0 d) = 0, a zero row")
                            .generator("D in [1,12]", DataArbitraries.ints(1, 12).map(d -> new OneD("sin-0", d)))
                            .check(o -> zeroBased(o, true)).expectRefuted().tries(5).build()));
            return props;
        }

        static Evidence expDet(OneD o) {
            HighPrecision hp = new HighPrecision(120);
            Dfp[][] a = Features.hpMatrix(Features.EXP, o.d(), o.d(), hp);
            Dfp det = Hp.det(hp, a);
            Dfp closed = hp.one();
            for (int d = 1; d <= o.d(); d++) {
                closed = closed.multiply(hp.exp(hp.of(d)));
                for (int e = d + 1; e <= o.d(); e++) closed = closed.multiply(hp.exp(hp.of(e)).subtract(hp.exp(hp.of(d))));
            }
            double rel = det.subtract(closed).abs().divide(closed.abs()).toDouble();
            return Evidence.le("|det - closed form| / |closed form|", rel, 1e-90, 0).with("log10 det", Hp.log10Abs(det));
        }

        static Evidence zeroBased(OneD o, boolean sin) {
            HighPrecision hp = new HighPrecision(60);
            Dfp[][] a = new Dfp[o.d()][o.d()];
            for (int i = 0; i < o.d(); i++)
                for (int j = 1; j <= o.d(); j++) a[i][j - 1] = sin ? hp.sin(hp.of((long) i * j)) : hp.pow(hp.of(i), j);
            return Evidence.eq("rank (60 digits) == D", hp.rank(a), o.d(), 0);
        }

        @Override
        protected void report(Params p, RunContext ctx, Report r) {
            ScalingTable.Result t = ScalingTable.get(ctx);
            for (String f : List.of(Features.POWER, Features.SIN, Features.EXP)) {
                String key = ScalingTable.label(f) + " (M = D)";
                r.number(key, t.summary().get(key));
                r.number(ScalingTable.label(f) + ": first D whose double SVD rank is below D", ScalingTable.firstDoubleRankLoss(t, f));
            }
            for (java.nio.file.Path f : ScalingTable.plots(t, ctx.attachmentsDir(id()))) r.attachment(f);
        }
    }

    // ------------------------------------------------------------------------------------------------ C-09.h

    static final List<String> ACTS = List.of("relu", "step", "square", "cube", "poly2", "sigmoid", "sin");

    /** critical/C-09.h: 'the same would be true for any activation non-linear enough': [act(d i)] full rank. */
    static final class GeneralActivation extends PropertyClaim {
        GeneralActivation() {
            super("critical/C-09.h");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<OneD> gen = Combinators.combine(Arbitraries.of(ACTS), DataArbitraries.ints(2, 8)).as(OneD::new);
            return List.of(Property.of("non-linear-activation-full-rank", OneD.class)
                    .description("[act(d i)] (x_d = d, w_i = i, threshold 0) has full rank D for non-linear act; integer-valued acts decided exactly "
                            + "(Bareiss), sigmoid and sin in high precision")
                    .generator("act in " + ACTS + " (relu, step = [t >= 0], t^2, t^3, t^2 + t + 1, sigmoid, sin), D in [2,8]", gen)
                    .check(GeneralActivation::rank).certify(GeneralActivation::certify).tries(40).build());
        }

        static long integerAct(String act, long t) {
            return switch (act) {
                case "relu" -> Math.max(0, t);
                case "step" -> t >= 0 ? 1 : 0;
                case "square" -> t * t;
                case "cube" -> t * t * t;
                case "poly2" -> t * t + t + 1;
                default -> throw new IllegalArgumentException(act);
            };
        }

        static int exactRank(OneD o) {
            long[][] a = new long[o.d()][o.d()];
            for (int i = 1; i <= o.d(); i++) for (int j = 1; j <= o.d(); j++) a[i - 1][j - 1] = integerAct(o.family(), (long) i * j);
            return ExactRank.rank(ExactRank.of(a));
        }

        static Evidence rank(OneD o) {
            if (o.family().equals("sigmoid") || o.family().equals("sin")) {
                Features.HpRow row = Features.hp(o.family().equals("sigmoid") ? Features.SIGMOID : Features.SIN, o.d());
                return Evidence.fact("full rank certified in high precision (" + o.family() + ", D = " + o.d() + ")", row.certified());
            }
            return Evidence.eq("exact rank of [" + o.family() + "(d i)]", exactRank(o), o.d(), 0);
        }

        static Certificate certify(OneD o, Evidence e) {
            if (o.family().equals("sigmoid") || o.family().equals("sin")) return null;
            int rank = exactRank(o);
            return Certificate.of("exact integer Bareiss elimination", 0, BigDecimal.valueOf(rank - o.d()), BigDecimal.ZERO,
                    "rank " + rank + " < D = " + o.d());
        }
    }

    // ------------------------------------------------------------------------------------------------ C-11

    /** A point t for the slope properties. */
    public record Point(double t) {}

    /** critical/C-11: Full Range (intermediate value theorem) and Sensitive (|grad NN_3(z_d)| >= q) and their justifications. */
    static final class FullRangeSensitive extends ReportedClaim {
        FullRangeSensitive() {
            super("critical/C-11");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<Machine> machines = Combinators.combine(Arbitraries.of("full-range", "sigmoid"), DataArbitraries.ints(1, 4), DataArbitraries.seeds())
                    .as((k, mp, seed) -> Machines.build("R", 1, 1, mp, 1, k, 1.0, seed));
            Arbitrary<Point> points = Combinators.combine(Arbitraries.doubles().between(-3, 3), Arbitraries.of(1.0, -1.0)).as((e, s) -> new Point(s * Math.pow(10, e)));
            return List.of(
                    Property.of("full-range-bisection", Machine.class)
                            .description("continuous NN_3 with NN_3(z_lo) <= y* <= NN_3(z_hi): bisection on the segment finds |NN_3(z) - y*| ~ rounding")
                            .generator("NN_3 full-range or sigmoid, M' in [1,4], y* inside the range", machines).check(m -> {
                                double[] z = TheoremClaims.solveStage3(m.nn3(), m.y()[0]);
                                double err = Math.abs(m.nn3().value(z) - m.y()[0]);
                                double tol = 64 * Linalg.EPS * (m.nn3().magnitude(z) + Math.abs(m.y()[0]) + Stage3.norm(m.nn3().gradient(z)) * Stage3.norm(z) * 4);
                                return Evidence.le("|NN_3(z) - y*|", err, 0, tol);
                            }).tries(60).build(),
                    Property.of("sigmoid-slope-positive-and-decaying", Point.class)
                            .description("0 < sig'(t) <= e^-|t| for |t| in [1e-3, 1e3], in 60 digits (double underflows past |t| ~ 745)")
                            .generator("t = +-10^U[-3,3]", points).check(pt -> {
                                HighPrecision hp = new HighPrecision(60);
                                Dfp t = hp.of(pt.t());
                                Dfp d1 = Stage3.actD1(hp, "sigmoid", t);
                                double lg = Hp.log10Abs(d1), bound = -Math.abs(pt.t()) / Math.log(10);
                                return Evidence.worst(Evidence.fact("sig'(t) > 0", d1.greaterThan(hp.zero())),
                                        Evidence.le("log10 sig'(t) <= -|t| log10 e", lg, bound, 1e-12 * Math.max(1, Math.abs(bound))));
                            }).tries(60).build(),
                    Property.of("control-relu-flat", Point.class)
                            .description("FAIL: 'Sensitive' for ReLU at every z: slope 0 for z < 0 (q = 0)")
                            .generator("t = +-10^U[-3,3]", points).check(pt -> Evidence.ge("relu'(t) > 0", Stage3.actD1("relu", pt.t()), Double.MIN_NORMAL, 0))
                            .expectRefuted().tries(20).build(),
                    Property.of("import-a-threshold", Point.class)
                            .description("a sigmoid/tanh node z = w.u + b with w = 0 (or u = 0): d out/db = act'(b) > 0 (40-digit central difference)")
                            .generator("b = +-10^U[-3,1]", Combinators.combine(Arbitraries.doubles().between(-3, 1), Arbitraries.of(1.0, -1.0))
                                    .as((e, s) -> new Point(s * Math.pow(10, e)))).check(pt -> {
                                HighPrecision hp = ProofSteps.HP;
                                Dfp b = hp.of(pt.t());
                                List<Evidence> parts = new ArrayList<>();
                                for (String a : List.of("sigmoid", "tanh")) {
                                    Hp.Fd fd = Hp.derivative(hp, g -> Stage3.act(hp, a, b.add(g)));
                                    double exact = Stage3.actD1(a, pt.t());
                                    parts.add(Evidence.eq(a + ": d out/db == act'(b)", fd.value()[0], exact, 8 * Linalg.EPS * (1 + Math.abs(pt.t())) * exact + fd.error()[0]));
                                    parts.add(Evidence.ge(a + ": d out/db > 0", fd.value()[0], fd.error()[0], 0));
                                }
                                return Evidence.worst(parts);
                            }).tries(40).build());
        }

        @Override
        protected void report(Params p, RunContext ctx, Report r) {
            // exploratory (not asserted): |grad NN_3(z)| of Xavier-initialised tanh nets at random z ("q ~ 1"?)
            Random rng = new Random(ctx.seedFor(id() + "#explore"));
            Map<String, Object> out = new LinkedHashMap<>();
            for (int mp : new int[] {1, 4, 16}) {
                double[] q = new double[400];
                for (int t = 0; t < q.length; t++) {
                    int h = 16;
                    double[][] u = new double[h][mp];
                    double[] b = new double[h], v = new double[h];
                    for (int k = 0; k < h; k++) {
                        for (int j = 0; j < mp; j++) u[k][j] = rng.nextGaussian() * Math.sqrt(2.0 / (mp + h));
                        v[k] = rng.nextGaussian() * Math.sqrt(2.0 / (h + 1));
                    }
                    Stage3 nn3 = new Stage3("tanh", u, b, v, new double[mp], 0, "identity");
                    double[] z = new double[mp];
                    for (int j = 0; j < mp; j++) z[j] = rng.nextGaussian();
                    q[t] = Stage3.norm(nn3.gradient(z));
                }
                Arrays.sort(q);
                out.put("M' = " + mp, ReportedClaim.ordered("median |grad NN_3|", Features.quantile(q, 0.5), "10% quantile", Features.quantile(q, 0.1),
                        "90% quantile", Features.quantile(q, 0.9)));
            }
            r.number("exploratory: |grad NN_3(z)| for Xavier tanh nets (H = 16), z ~ N(0, I) (not asserted)", out);
        }
    }
}
