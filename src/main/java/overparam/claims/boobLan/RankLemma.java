package overparam.claims.boobLan;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Combinators;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.linalg.Linalg;

import java.util.*;
import java.util.stream.Stream;

/** boob-lan P002-04, P002-05, P002-06: Lemma 4.1 (the rank of {h(x)x^T}), its proof steps, and Corollary 4.2. */
final class RankLemma {
    private RankLemma() {}

    static List<String> names(List<PaperActivation> acts) {
        return acts.stream().map(PaperActivation::name).toList();
    }

    /** Analytic activations whose h satisfies C1 (the catalogue's HOLD set for Lemma 4.1, with x^2 and x^3). */
    static final List<String> ANALYTIC_H = Stream.concat(names(PaperActivations.ANALYTIC_C1).stream(), Stream.of("square", "cube")).toList();

    static Evidence fullRank(CollectionCase c) {
        return Ranks.equal("rank {g(W u^i) u^iT} == min(N, nd)", c.rank(), c.fullRank()).with("data", c.data()).with("activation", c.activation());
    }

    static Certificate certifyFullRank(CollectionCase c, Evidence e) {
        return Ranks.certify("rank of the collection", c.hpRank(), c.fullRank(), Evidence.Relation.EQ);
    }

    /** The catalogue's exact a.s. rank table G2 (N = d^2 points, the data kind of each row). */
    record TableRow(String activation, String data, String formula) {
        int rank(int d) {
            int n = d * d;
            return switch (formula) {
                case "d(d+1)/2" -> Math.min(n, d * (d + 1) / 2);
                case "d(d+1)/2+d-1" -> Math.min(n, d * (d + 1) / 2 + d - 1);
                case "d" -> Math.min(n, d);
                case "d^2-d+1" -> Math.min(n, d * d - d + 1);
                case "d^2" -> n;
                default -> throw new IllegalStateException(formula);
            };
        }
    }

    static final List<TableRow> TABLE = List.of(
            new TableRow("linear", "gaussian", "d(d+1)/2"),
            new TableRow("affine", "gaussian", "d(d+1)/2+d-1"),
            new TableRow("constant", "gaussian", "d"),
            new TableRow("reciprocal", "orthant", "d^2-d+1"),
            new TableRow("shifted-reciprocal", "orthant", "d^2"),
            new TableRow("mobius", "orthant", "d^2"),
            new TableRow("mobius2", "orthant", "d^2"),
            new TableRow("elliot", "orthant", "d^2"),
            new TableRow("elliot-sym", "orthant", "d^2"),
            new TableRow("relu", "orthant", "d(d+1)/2"),
            new TableRow("tanh", "gaussian", "d^2"),
            new TableRow("square", "gaussian", "d^2"),
            new TableRow("cube", "gaussian", "d^2"));

    static TableRow row(String activation) {
        return TABLE.stream().filter(r -> r.activation().equals(activation)).findFirst().orElseThrow();
    }

    static Evidence tableRank(CollectionCase c) {
        TableRow r = row(c.activation());
        return Ranks.equal("rank {h(x^i) x^iT} == catalogue table (" + r.formula() + ")", c.rank(), r.rank(c.d())).with("formula", r.formula());
    }

    static Certificate certifyTable(CollectionCase c, Evidence e) {
        return Ranks.certify("rank against the catalogue table", c.hpRank(), row(c.activation()).rank(c.d()), Evidence.Relation.EQ);
    }

    static net.jqwik.api.Arbitrary<CollectionCase> tableCases(List<TableRow> rows) {
        return Arbitraries.of(rows).flatMap(r -> CollectionCase.square(List.of(r.activation()), false, r.data(), 2, 5));
    }

    /** An interval (a, b) of length >= 1e-6 around [0, 1] (for the C1 evidence of the fat-Cantor h). */
    record Interval(double a, double b) {}

    /** boob-lan/P002-04, Lemma 4.1: x^i from any density and h in C1 => {h(x^i) x^iT} has rank min(N, d^2) with measure 1. */
    static final class Lemma41 extends BoobLanClaim {
        Lemma41() {
            super("boob-lan/P002-04");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("dMax", 5, "largest dimension d"),
                    ParamSpec.integer("trials", 400, "fat-Cantor trials per configuration at level CI"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int dMax = p.integer("dMax");
            List<TableRow> nonC1 = TABLE.stream().filter(r -> !r.formula().equals("d^2")).toList();
            var intervals = Combinators.combine(Arbitraries.doubles().between(-0.5, 1.5), Arbitraries.doubles().between(-6, -0.5))
                    .as((a, logLen) -> new Interval(a, a + Math.pow(10, logLen)));
            return List.of(
                    Property.of("analytic-C1", CollectionCase.class)
                            .description("real-analytic h satisfying C1 (tanh, sigmoid, softplus, Gaussian, Gaussian-sym, tanh(x/2), Erf, x^2, x^3), x^i from densities: rank = min(N, d^2)")
                            .generator("d in [1,dMax], N in [1, d^2+3], x ~ N(0, s^2 I) (s in [0.3,2]), uniform boxes near and far from 0, the positive orthant", CollectionCase.arbitrary(ANALYTIC_H, false, BoobLanData.DENSITIES, 1, dMax, 3, CollectionCase.WKind.IDENTITY))
                            .check(RankLemma::fullRank).certify(RankLemma::certifyFullRank).tries(80).build(),
                    Property.of("tiny-box", CollectionCase.class)
                            .description("x^i uniform in a box of width 1e-6 (a density): the collection is so close to deficient that double precision cannot decide; the 60-digit rank is min(N, d^2), reported next to the double rank")
                            .generator("tanh, sigmoid, d in [2,3], N in [2, d^2], box of width 1e-6 in [0.5,1.5]^d", CollectionCase.arbitrary(List.of("tanh", "sigmoid"), false, List.of("tiny-box"), 2, 3, 0, CollectionCase.WKind.IDENTITY))
                            .hypotheses(c -> c.nPoints() >= 2 ? null : "one point")
                            .check(RankLemma::fullRank).certify(RankLemma::certifyFullRank).tries(4).build(),
                    Property.of("rank-table", CollectionCase.class)
                            .description("the catalogue's exact a.s. rank table G2 at N = d^2: linear d(d+1)/2, affine d(d+1)/2+d-1, constant d, q/x d^2-d+1, ReLU (orthant) d(d+1)/2; Moebius with pole != 0 / with asymptote != 0, Elliot (orthant), tanh, x^2, x^3: d^2")
                            .generator("one table row, d in [2,5], N = d^2 points of the row's density", tableCases(TABLE))
                            .check(RankLemma::tableRank).certify(RankLemma::certifyTable).tries(60).build(),
                    Property.of("fat-cantor-C1", Interval.class)
                            .description("the Smith-Volterra-Cantor bump h satisfies C1: every interval contains a gap (or a piece of x^4) on which h is neither affine nor Moebius (40-digit re-fit)")
                            .generator("(a, a + 10^L), a in [-0.5, 1.5], L in [-6, -0.5]", intervals)
                            .check(RankLemma::fatCantorC1).tries(20).build(),
                    Property.of("checker-finds-K_n", Integer.class)
                            .description("the C1 checker finds the flat pieces of the finite-depth h (zero on K_n), the catalogue's stress test of a coarse checker")
                            .generator("depth n in [1, 8]", Arbitraries.integers().between(1, 8))
                            .check(RankLemma::finiteDepthViolates).tries(8).build(),
                    Property.of("control-non-C1", CollectionCase.class)
                            .description("negative control: C1 violated (linear, affine, constant, q/x, ReLU on the orthant): rank < d^2 at N = d^2")
                            .generator("rows of the rank table with C1 violated and rank < d^2, d in [2,5]", tableCases(nonC1))
                            .hypotheses(c -> row(c.activation()).rank(c.d()) < c.fullRank() ? null : "affine at d = 2 is full rank")
                            .check(RankLemma::fullRank).certify(RankLemma::certifyFullRank).expectRefuted().tries(20).build(),
                    Property.of("control-measure-zero-data", CollectionCase.class)
                            .description("negative control: the density hypothesis dropped (duplicates, antipodal pairs, a subspace, one axis): rank < min(N, d^2)")
                            .generator("analytic C1 h, adversarial data, d in [2,4], N in [2, d^2]", CollectionCase.arbitrary(ANALYTIC_H, false, BoobLanData.ADVERSARIAL, 2, 4, 0, CollectionCase.WKind.IDENTITY))
                            .hypotheses(c -> c.nPoints() >= 2 ? null : "one point")
                            .check(RankLemma::fullRank).certify(RankLemma::certifyFullRank).expectRefuted().tries(20).build(),
                    Property.of("fat-cantor", FatCantorTrial.class)
                            .description("informative (the statement is decided by the rates): the statement for the C^2, C1-satisfying fat-Cantor h and x^i ~ U[0,1]^d: P(rank < min(N,d^2)) >= P(some x^i in K^d) = 1 - (1 - 2^-d)^N > 0")
                            .generator("x^i ~ U[0,1]^d, d in {1,2}, N in {1, d^2}", Arbitraries.just(new FatCantorTrial(1, 1, 0)))
                            .check(FatCantorTrial::evidence).informative().build());
        }

        @Override
        protected Set<String> manualProperties() {
            return Set.of("fat-cantor");
        }

        /**
         * The fat-Cantor refutation as a rate: the event "some x^i lies in K_26^d" is decided exactly; under Lemma 4.1 its
         * probability is at most N d 3 2^-27 (K_26 \ K has measure 2^-27; double rounding of U[0,1] adds 2^-26 per
         * coordinate), yet its exact 95% interval lies far above.
         */
        @Override
        protected List<PropertyOutcome> experiments(Params p, RunContext ctx, ClaimResult.Builder r) {
            long start = System.currentTimeMillis();
            int trials = ctx.tries(p.integer("trials"));
            Property<?> prop = property(p, "fat-cantor");
            r.number("fatCantor.measureK26", FatCantor.measureAfter(FatCantor.MAX_DEPTH));
            r.number("fatCantor.measureK", 0.5);
            FatCantorTrial first = null;
            Evidence worst = null;
            for (int[] cfg : new int[][] {{1, 1}, {2, 4}}) {
                int d = cfg[0], nPts = cfg[1];
                long seed = ctx.seedFor(id() + "#fat-cantor-" + d + "-" + nPts);
                int fails = 0;
                for (int t = 0; t < trials; t++) {
                    FatCantorTrial tr = new FatCantorTrial(d, nPts, BoobLanData.stream(seed, t));
                    if (tr.someInK()) {
                        fails++;
                        if (first == null) first = tr;
                    }
                }
                double bound = nPts * d * 3 * Math.scalb(1.0, -27);
                RateEvidence e = RateEvidence.of("statement: P(some x^i in K_26^d) <= " + String.format("%.3g", bound) + " if Lemma 4.1 held, d=" + d + ", N=" + nPts,
                        trials, fails, bound, new TreeMap<>(Map.of("exactProbability", 1 - Math.pow(1 - Math.pow(0.5, d), nPts), "d", d, "N", nPts)));
                r.rate(e);
                r.number("fatCantor.d" + d + "N" + nPts + ".rate", e.rate());
                r.number("fatCantor.d" + d + "N" + nPts + ".ciLow", e.ciLow());
            }
            Counterexample cx = null;
            if (first != null) {
                worst = first.evidence();
                r.number("fatCantor.firstFailure.observedRank", worst.lhs());
                r.number("fatCantor.firstFailure.claimedRank", worst.rhs());
                // one draw is no certificate (x in K_26 may still lie in a deeper gap); the rates above are the evidence
                cx = new Counterexample(prop.name(), prop.generator(), first.seed(), overparam.report.Json.tree(first), overparam.report.Json.tree(first),
                        0, 0, 0, worst, worst, null, null, "fat-Cantor trials (the failure rate is the evidence)", "one draw is no certificate; the rate is");
            }
            addTable(r, ctx);
            return List.of(BoobLanClaim.outcome(prop, trials, worst, first, cx, ctx.seedFor(id() + "#fat-cantor"), System.currentTimeMillis() - start));
        }

        /** The rank table at d = 2..5, one seeded draw per cell: observed next to the catalogue's value. */
        private void addTable(ClaimResult.Builder r, RunContext ctx) {
            int mismatches = 0;
            for (TableRow row : TABLE)
                for (int d = 2; d <= 5; d++) {
                    Random rng = new Random(ctx.seedFor(id() + "#table-" + row.activation() + d));
                    CollectionCase c = new CollectionCase(row.activation(), false, TwoLayer.identity(d),
                            BoobLanData.points(row.data(), d * d, d, rng.nextLong()), row.data());
                    int obs = c.rank().rank();
                    r.number("table." + row.activation() + ".d" + d, obs + " (table " + row.rank(d) + ")");
                    if (obs != row.rank(d)) mismatches++;
                }
            r.number("table.mismatches", mismatches);
        }
    }

    /**
     * One draw of N points x^i ~ U[0,1]^d for the fat-Cantor h: the event "some x^i lies in K_26^d" (h(x^i) = 0, a zero
     * column) is decided exactly; the check reports the rank of the collection.
     */
    record FatCantorTrial(int d, int nPoints, long seed) {
        double[][] points() {
            Random rng = new Random(seed);
            double[][] x = new double[nPoints][d];
            for (double[] row : x) for (int k = 0; k < d; k++) row[k] = rng.nextDouble();
            return x;
        }

        boolean someInK() {
            for (double[] x : points()) {
                boolean all = true;
                for (double v : x) all &= FatCantor.inK(v, FatCantor.MAX_DEPTH);
                if (all) return true;
            }
            return false;
        }

        Evidence evidence() {
            CollectionCase c = new CollectionCase("fat-cantor", false, TwoLayer.identity(d), points(), "uniform [0,1]^d");
            return fullRank(c).with("someXInK26", someInK());
        }
    }

    /**
     * The piece of (a, b) on which h is an affine image of psi (inside a gap of K) or x^4 / (x-1)^4 (outside [0,1]),
     * measured in 60 digits: a relative variation above the 60-digit rounding level means neither affine nor Moebius.
     */
    static Evidence fatCantorC1(Interval iv) {
        double a, b;
        if (iv.b() <= 0 || iv.a() >= 1) {
            a = iv.a();
            b = iv.b();
        } else if (iv.a() < 0) {
            a = iv.a();
            b = 0;
        } else if (iv.b() > 1) {
            a = 1;
            b = iv.b();
        } else {
            double[] g = gapInside(iv.a(), iv.b());
            if (g == null) return Evidence.fact("a gap of K of level <= 26 meets (" + iv.a() + ", " + iv.b() + ")", false);
            a = g[0];
            b = g[1];
        }
        PaperActivation h = FatCantor.activation(FatCantor.MAX_DEPTH);
        C1Checker.Finding[] fs = C1Checker.measure(C1Checker.Subject.of(h, false), a, b, C1Checker.Options.standard());
        double hpA = C1Checker.hpVariation(h::phi, C1Checker.Test.AFFINE, a, b, 12, C1Checker.HP_DIGITS);
        double hpM = C1Checker.hpVariation(h::phi, C1Checker.Test.MOBIUS, a, b, 12, C1Checker.HP_DIGITS);
        return Evidence.ge(C1Checker.HP_DIGITS + "-digit min relative variation (affine, Moebius) of h on a piece of the interval", Math.min(hpA, hpM),
                C1Checker.HP_TOLERANCE, 0).with("window", a + ".." + b).with("doubleAffine", fs[0].variation()).with("doubleMobius", fs[1].variation());
    }

    /**
     * A window of a gap of K (level <= 26) inside (lo, hi), 0 <= lo < hi <= 1: the middle half of a gap inside (lo, hi),
     * or (lo, hi) itself when it lies in a gap. Descends into the remaining interval that overlaps (lo, hi) most.
     */
    static double[] gapInside(double lo, double hi) {
        double c = 0, len = 1;
        for (int n = 1; n <= FatCantor.MAX_DEPTH; n++) {
            double g = Math.scalb(1.0, -2 * n);
            double a = c + (len - g) / 2, b = a + g;
            if (a >= lo && b <= hi) return new double[] {a + g / 4, b - g / 4};
            if (a <= lo && hi <= b) return new double[] {lo, hi};
            double left = Math.min(hi, a) - Math.max(lo, c), right = Math.min(hi, c + len) - Math.max(lo, b);
            len = (len - g) / 2;
            if (right > left) c = b;
        }
        return null;
    }

    static Evidence finiteDepthViolates(Integer depth) {
        C1Checker.Report r = C1Checker.check(C1Checker.Subject.of(FatCantor.activation(depth), false), 0, 1);
        Evidence e = Evidence.fact("C1 checker reports a violation for h of K_" + depth + " (zero on intervals of length " + (FatCantor.measureAfter(depth) / Math.pow(2, depth)) + ")",
                r.status() == C1Checker.Status.VIOLATES);
        return r.witness() == null ? e : e.with("witness", r.witness().describe());
    }

    /** boob-lan/P002-05, proof of Lemma 4.1: the entrywise, block and perturbation identities and the counting facts. */
    static final class ProofSteps extends BoobLanClaim {
        ProofSteps() {
            super("boob-lan/P002-05");
        }

        record Step(String activation, double[][] x, double eps) {}

        @Override
        public List<Property<?>> properties(Params p) {
            var gen = Combinators.combine(Arbitraries.of(ANALYTIC_H), DataArbitraries.ints(2, 5), DataArbitraries.ints(2, 28),
                    Arbitraries.doubles().between(-6, -0.3), DataArbitraries.seeds()).as((a, d, n, logEps, seed) ->
                    new Step(a, BoobLanData.points("gaussian", Math.min(n, d * d), d, seed), Math.pow(10, logEps)));
            var counts = Combinators.combine(DataArbitraries.ints(1, 200), DataArbitraries.ints(1, 40000)).as((d, n) -> new int[] {d, Math.min(n, d * d)});
            return List.of(
                    Property.of("entries-and-block", Step.class)
                            .description("h(x)x^T[j,k] = h(x_j) x_k, and the lower-right (d-1)^2 block of h(x)x^T is h(y)y^T with y = x[2:d]")
                            .generator("analytic C1 h, d in [2,5], N in [2, d^2], Gaussian x", gen)
                            .check(RankLemma::entriesAndBlock).tries(40).build(),
                    Property.of("w1", Step.class)
                            .description("x~1 = x1 + eps e1: vec(h(x~1)x~1^T) - vec(h(x1)x1^T) is 0 on the (d-1)^2 block and equals w^1 (2d-1 entries) on the first row and column")
                            .generator("as entries-and-block, eps = 10^L, L in [-6, -0.3]", gen)
                            .check(RankLemma::w1).tries(40).build(),
                    Property.of("rank-monotone", Step.class)
                            .description("rank {h(x^i)x^iT}_{i>=2} >= rank {h(y^i)y^iT}_{i>=2} (a row sub-matrix)")
                            .generator("as entries-and-block", gen)
                            .check(RankLemma::rankMonotone).tries(40).build(),
                    Property.of("counting", int[].class)
                            .description("N <= d^2 => N - 1 - (d-1)^2 <= 2d - 2 (the unknowns of (4.8) fewer than its 2d-1 equations)")
                            .generator("d in [1,200], N in [1, d^2]", counts)
                            .check(c -> Evidence.le("N - 1 - (d-1)^2 <= 2d - 2", c[1] - 1 - (c[0] - 1) * (c[0] - 1), 2 * c[0] - 2, 0)).tries(200).build());
        }
    }

    static double[][] outer(PaperActivation h, double[] x) {
        double[][] m = new double[x.length][x.length];
        for (int j = 0; j < x.length; j++) for (int k = 0; k < x.length; k++) m[j][k] = h.phi(x[j]) * x[k];
        return m;
    }

    static Evidence entriesAndBlock(ProofSteps.Step s) {
        PaperActivation h = PaperActivations.byName(s.activation());
        double[][] c = TwoLayer.collection(h::phi, s.x());
        int d = s.x()[0].length;
        double err = 0, block = 0;
        for (int i = 0; i < s.x().length; i++) {
            double[] x = s.x()[i], y = Arrays.copyOfRange(x, 1, d);
            double[][] m = outer(h, y);
            for (int j = 0; j < d; j++)
                for (int k = 0; k < d; k++) {
                    err = Math.max(err, Math.abs(c[j * d + k][i] - h.phi(x[j]) * x[k]));
                    if (j >= 1 && k >= 1) block = Math.max(block, Math.abs(c[j * d + k][i] - m[j - 1][k - 1]));
                }
        }
        return Evidence.worst(Evidence.eq("max |h(x)x^T[j,k] - h(x_j) x_k|", err, 0, 0), Evidence.eq("max |lower-right block - h(y)y^T|", block, 0, 0));
    }

    static Evidence w1(ProofSteps.Step s) {
        PaperActivation h = PaperActivations.byName(s.activation());
        double[] x = s.x()[0];
        int d = x.length;
        double e = s.eps();
        double[] xt = x.clone();
        xt[0] += e;
        double[][] a = outer(h, x), b = outer(h, xt);
        double x1 = x[0], h1 = h.phi(x1), h1e = h.phi(x1 + e);
        double[] w = new double[2 * d - 1];
        w[0] = (x1 + e) * h1e - x1 * h1;
        for (int j = 1; j < d; j++) w[j] = e * h.phi(x[j]);
        for (int k = 1; k < d; k++) w[d - 1 + k] = x[k] * (h1e - h1);
        // the paper's order: [(1,1); column 1 rows 2..d; row 1 columns 2..d]
        double[] diff = new double[2 * d - 1];
        diff[0] = b[0][0] - a[0][0];
        for (int j = 1; j < d; j++) diff[j] = b[j][0] - a[j][0];
        for (int k = 1; k < d; k++) diff[d - 1 + k] = b[0][k] - a[0][k];
        double err = 0, scale = 0, rest = 0;
        for (int i = 0; i < w.length; i++) {
            err = Math.max(err, Math.abs(diff[i] - w[i]));
            scale = Math.max(scale, Math.abs(a[0][0]) + Math.abs(b[0][0]) + Math.abs(w[i]));
        }
        for (int j = 1; j < d; j++) for (int k = 1; k < d; k++) rest = Math.max(rest, Math.abs(b[j][k] - a[j][k]));
        for (int j = 0; j < d; j++) for (int k = 0; k < d; k++) scale = Math.max(scale, Math.abs(a[j][k]) + Math.abs(b[j][k]));
        return Evidence.worst(Evidence.eq("max |(v~1 - v1)[first row and column] - w^1|", err, 0, Linalg.tolerance(scale, d)),
                Evidence.eq("max |(v~1 - v1)[lower-right block]|", rest, 0, 0));
    }

    static Evidence rankMonotone(ProofSteps.Step s) {
        PaperActivation h = PaperActivations.byName(s.activation());
        double[][] x = Arrays.copyOfRange(s.x(), 1, s.x().length);
        int d = x[0].length;
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) y[i] = Arrays.copyOfRange(x[i], 1, d);
        int rx = Ranks.rank(TwoLayer.collection(h::phi, x)).rank(), ry = Ranks.rank(TwoLayer.collection(h::phi, y)).rank();
        return Evidence.ge("rank {h(x^i)x^iT}_{i>=2} >= rank {h(y^i)y^iT}_{i>=2}", rx, ry, 0);
    }

    /** boob-lan/P002-06, Corollary 4.2: nonsingular W keeps {h(W u^i) u^iT} full rank (rank{h(Wu)u^T} = rank{h(x)x^T}, x = W u). */
    static final class Corollary42 extends BoobLanClaim {
        Corollary42() {
            super("boob-lan/P002-06");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("dMax", 5, "largest dimension d"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int dMax = p.integer("dMax");
            List<String> all = new ArrayList<>(ANALYTIC_H);
            all.addAll(List.of("linear", "affine", "constant", "relu", "elliot-sym"));
            List<String> anyData = new ArrayList<>(BoobLanData.DENSITIES);
            anyData.addAll(BoobLanData.ADVERSARIAL);
            int dEq = Math.min(dMax, 4);
            var anyCase = Arbitraries.oneOf(CollectionCase.arbitrary(all, false, anyData, 1, dEq, 2, CollectionCase.WKind.GAUSSIAN),
                    CollectionCase.arbitrary(all, false, anyData, 1, dEq, 2, CollectionCase.WKind.ILL_CONDITIONED));
            var independent = Arbitraries.oneOf(CollectionCase.arbitrary(ANALYTIC_H, false, BoobLanData.DENSITIES, 1, dMax, 3, CollectionCase.WKind.GAUSSIAN),
                    CollectionCase.arbitrary(ANALYTIC_H, false, BoobLanData.DENSITIES, 1, dMax, 3, CollectionCase.WKind.ILL_CONDITIONED));
            var zeroW = CollectionCase.arbitrary(List.of("tanh", "erf", "sigmoid-sym"), false, BoobLanData.DENSITIES, 1, dMax, 0, CollectionCase.WKind.GAUSSIAN)
                    .map(c -> new CollectionCase(c.activation(), false, new double[c.d()][c.d()], c.u(), c.data()));
            return List.of(
                    Property.of("equivalence", CollectionCase.class)
                            .description("any h, any data, W nonsingular: sum l_i h(x^i)x^iT = (sum l_i h(Wu^i)u^iT) W^T and rank{h(Wu^i)u^iT} = rank{h(x^i)x^iT}, x = Wu")
                            .generator("analytic, affine, linear, constant, ReLU, Elliot h; densities and adversarial data; d in [1, min(dMax,4)]; W Gaussian or Q diag(s) P with s_min in [1e-3,1]", anyCase)
                            .hypotheses(c -> Linalg.sigmaMin(TwoLayer.matrix(c.w())) > 1e-8 ? null : "W numerically singular")
                            .check(RankLemma::equivalence).tries(30).build(),
                    Property.of("kron-row-major", CollectionCase.class)
                            .description("vec_rowmajor(M W^T) = (I kron W) vec_rowmajor(M) (the catalogue's (W kron I) is the column-major form)")
                            .generator("as equivalence", anyCase)
                            .check(c -> kronIdentity(c, false)).tries(20).build(),
                    Property.of("catalogue-kron-form", CollectionCase.class)
                            .description("informative: the catalogue's vec(M W^T) = (W kron I) vec(M) read row-major (fails for d >= 2)")
                            .generator("as equivalence", anyCase)
                            .check(c -> kronIdentity(c, true)).informative().tries(5).build(),
                    Property.of("independent-W", CollectionCase.class)
                            .description("W drawn independently of the data (Gaussian, or ill-conditioned), analytic C1 h, data with densities: rank = min(N, d^2)")
                            .generator("analytic C1 h, densities, d in [1,dMax], N in [1, d^2+3]", independent)
                            .check(RankLemma::fullRank).certify(RankLemma::certifyFullRank).tries(80).build(),
                    Property.of("control-W-zero", CollectionCase.class)
                            .description("negative control: W = 0 (singular) with h(0) = 0: every h(Wu)u^T vanishes")
                            .generator("odd h (tanh, Erf, tanh(x/2)), W = 0", zeroW)
                            .check(RankLemma::fullRank).certify(RankLemma::certifyFullRank).expectRefuted().tries(10).build());
        }
    }

    /**
     * Both ranks in 60 digits from the same exact inputs: x = W u is formed in Dfp (a rounded double x would be a
     * different data set, e.g. points on an axis stop being exactly collinear).
     */
    static Evidence equivalence(CollectionCase c) {
        double[][] x = TwoLayer.transpose(TwoLayer.mult(c.w(), TwoLayer.transpose(c.u())));
        CollectionCase xc = new CollectionCase(c.activation(), false, TwoLayer.identity(c.d()), x, c.data());
        overparam.linalg.HighPrecision hp = new overparam.linalg.HighPrecision();
        TwoLayerHp net = new TwoLayerHp(hp, c.act());
        org.hipparchus.dfp.Dfp[][] u = hp.of(c.u()), w = hp.of(c.w());
        org.hipparchus.dfp.Dfp[][] xs = hp.transpose(hp.mult(w, hp.transpose(u)));
        int ru = Ranks.hpRank(net.collection(c.act()::phi, u, w));
        int rx = Ranks.hpRank(net.collection(c.act()::phi, xs, hp.of(TwoLayer.identity(c.d()))));
        // sum_i l_i h(x^i)x^iT versus (sum_i l_i h(W u^i) u^iT) W^T for l_i = 1/(i+1)
        int d = c.d();
        double[][] left = new double[d][d], inner = new double[d][d];
        double[][] cu = c.matrix(), cx = xc.matrix();
        double scale = 0;
        for (int i = 0; i < c.nPoints(); i++) {
            double l = 1.0 / (i + 1);
            for (int j = 0; j < d; j++)
                for (int k = 0; k < d; k++) {
                    left[j][k] += l * cx[j * d + k][i];
                    inner[j][k] += l * cu[j * d + k][i];
                    scale = Math.max(scale, Math.abs(cx[j * d + k][i]));
                }
        }
        double[][] right = TwoLayer.mult(inner, TwoLayer.transpose(c.w()));
        double err = TwoLayer.maxAbs(TwoLayer.plus(left, -1, right));
        double tol = Linalg.tolerance(Math.max(scale, TwoLayer.maxAbs(inner) * TwoLayer.maxAbs(c.w()) * d) * c.nPoints(), d * c.nPoints());
        return Evidence.worst(Evidence.eq("60-digit rank{h(Wu^i)u^iT} == rank{h(x^i)x^iT}", ru, rx, 0).with("observedRank", ru).with("claimedRank", rx),
                Evidence.eq("max |sum l h(x)x^T - (sum l h(Wu)u^T) W^T|", err, 0, tol));
    }

    static Evidence kronIdentity(CollectionCase c, boolean catalogueForm) {
        int d = c.d();
        double[][] cu = c.matrix();
        double[][] m = new double[d][d];
        for (int j = 0; j < d; j++) for (int k = 0; k < d; k++) m[j][k] = cu[j * d + k][0];
        double[] lhs = TwoLayer.vec(TwoLayer.mult(m, TwoLayer.transpose(c.w())));
        double[][] eye = TwoLayer.identity(d);
        double[][] k = catalogueForm ? Linalg.toArray(Linalg.kron(TwoLayer.matrix(c.w()), TwoLayer.matrix(eye)))
                : Linalg.toArray(Linalg.kron(TwoLayer.matrix(eye), TwoLayer.matrix(c.w())));
        double[] rhs = TwoLayer.matVec(k, TwoLayer.vec(m));
        double err = 0;
        for (int i = 0; i < lhs.length; i++) err = Math.max(err, Math.abs(lhs[i] - rhs[i]));
        double tol = Linalg.tolerance(TwoLayer.maxAbs(m) * TwoLayer.maxAbs(c.w()) * d, d);
        return Evidence.eq(catalogueForm ? "max |vec_r(M W^T) - (W kron I) vec_r(M)|" : "max |vec_r(M W^T) - (I kron W) vec_r(M)|", err, 0, tol);
    }
}
