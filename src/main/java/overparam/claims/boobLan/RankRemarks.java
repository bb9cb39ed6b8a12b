package overparam.claims.boobLan;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;

import java.util.*;

/** boob-lan P002-09 .. P002-14, P002-16: the rank lemma applied to D (h'), Remarks 4.3-4.7 and Lemma 5.2. */
final class RankRemarks {
    private RankRemarks() {}

    static final List<String> ANALYTIC = RankLemma.names(PaperActivations.ANALYTIC_C1);

    // ---------------------------------------------------------------- P002-09

    private static final Map<String, C1Checker.Status> C1_OF_H = new java.util.concurrent.ConcurrentHashMap<>();

    /** The C1 checker's answer for h on (-4, -0.1) and (0.1, 4) (cached). */
    static C1Checker.Status c1OfH(String activation) {
        return C1_OF_H.computeIfAbsent(activation, a -> {
            C1Checker.Subject s = C1Checker.Subject.of(PaperActivations.byName(a), false);
            C1Checker.Status left = C1Checker.check(s, -4, -0.1).status(), right = C1Checker.check(s, 0.1, 4).status();
            return left == C1Checker.Status.SATISFIES && right == C1Checker.Status.SATISFIES ? C1Checker.Status.SATISFIES
                    : left == C1Checker.Status.VIOLATES || right == C1Checker.Status.VIOLATES ? C1Checker.Status.VIOLATES : C1Checker.Status.UNRESOLVED;
        });
    }

    static Evidence rankD(NetCase c) {
        Ranks.RankReport r = c.rankD();
        return Ranks.equal("rank D(W, theta) == min(N, nd)", r, Math.min(c.nPoints(), c.width() * c.d())).with("activation", c.activation());
    }

    static Certificate certifyRankD(NetCase c, Evidence e) {
        return Ranks.certify("rank of D", Ranks.hpRank(c.hp().matrixD()), Math.min(c.nPoints(), c.width() * c.d()), Evidence.Relation.EQ);
    }

    static String thetaNonZero(NetCase c) {
        for (double t : c.theta()) if (Math.abs(t) < 0.1) return "some |theta_j| < 0.1";
        return null;
    }

    /** boob-lan/P002-09, section 4 and Lemma 5.3: D needs C1 for h', not for h (h = x^2, ln|x| satisfy C1 yet D is deficient). */
    static final class DerivativeC1 extends BoobLanClaim {
        DerivativeC1() {
            super("boob-lan/P002-09");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("dMax", 4, "largest dimension d"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int dMax = p.integer("dMax");
            var analytic = NetCase.arbitrary(ANALYTIC, dMax, true, dMax * dMax, 1, 1, 1.5);
            var cOnlyOnH = NetCase.arbitrary(List.of("square", "log-abs"), dMax, true, dMax * dMax, 1, 1, 1.5);
            return List.of(
                    Property.of("h-prime-C1", NetCase.class)
                            .description("h' satisfies C1 (tanh, sigmoid, softplus, Gaussian(-sym), tanh(x/2), Erf), W ~ N(0,1/d) square, theta_j != 0: rank D = min(N, d^2)")
                            .generator("d in [1,dMax], N in [1, dMax^2], Gaussian U, W, theta (|theta_j| >= 0.1)", analytic)
                            .hypotheses(RankRemarks::thetaNonZero)
                            .check(RankRemarks::rankD).certify(RankRemarks::certifyRankD).tries(60).build(),
                    Property.of("C1-on-h-only", NetCase.class)
                            .description("the statement (expected refuted): the section 4 conclusion with C1 imposed on h (as in Lemma 4.1): h = x^2 or ln|x| satisfies C1 (checked), so D should be full rank")
                            .generator("h in {x^2, ln|x|}, d in [1,dMax], N in [1, dMax^2], Gaussian U, W, theta", cOnlyOnH)
                            .hypotheses(c -> thetaNonZero(c) != null ? thetaNonZero(c)
                                    : c1OfH(c.activation()) == C1Checker.Status.SATISFIES ? null : "h fails the C1 check")
                            .check(RankRemarks::rankD).certify(RankRemarks::certifyRankD).tries(40).build(),
                    Property.of("control-linear-h", NetCase.class)
                            .description("negative control: h = x violates C1 (h' constant): rank D = min(N, d)")
                            .generator("h = x, as C1-on-h-only", NetCase.arbitrary(List.of("identity"), dMax, true, dMax * dMax, 1, 1, 1.5))
                            .hypotheses(c -> thetaNonZero(c) != null ? thetaNonZero(c) : c.nPoints() > c.d() && c.d() >= 2 ? null : "N <= d")
                            .check(RankRemarks::rankD).certify(RankRemarks::certifyRankD).expectRefuted().tries(10).build());
        }

        /** The exact ranks at N = d^2 (W = I) and the ReLU deficiency rate (catalogue: ~0.8). */
        @Override
        protected List<PropertyOutcome> experiments(Params p, RunContext ctx, ClaimResult.Builder r) {
            for (String a : List.of("square", "log-abs", "identity"))
                for (int d = 2; d <= 4; d++) {
                    Random rng = new Random(ctx.seedFor(id() + a + d));
                    NetCase c = NetCase.random(a, d * d, d, d, rng.nextLong(), 1, 1, 1).withW(TwoLayer.identity(d));
                    int claimed = a.equals("square") ? d * (d + 1) / 2 : a.equals("log-abs") ? d * d - d + 1 : d;
                    r.number("D-rank." + a + ".d" + d, c.rankD().rank() + " (catalogue " + claimed + ")");
                }
            int trials = ctx.tries(100);
            for (int d = 2; d <= 4; d++) {
                int bad = 0;
                for (int t = 0; t < trials; t++) {
                    NetCase c = NetCase.random("relu", d * d, d, d, BoobLanData.stream(ctx.seedFor(id() + "relu" + d), t), 1, 1, 1);
                    if (c.rankD().rank() < d * d) bad++;
                }
                r.number("relu.P(rank D < N).d" + d, (double) bad / trials);
            }
            r.number("C1-of-h.square", c1OfH("square").name());
            r.number("C1-of-h.log-abs", c1OfH("log-abs").name());
            return List.of();
        }
    }

    // ---------------------------------------------------------------- P002-10

    static CollectionCase rotatedPoints(CollectionCase c) {
        double[][] x = TwoLayer.transpose(TwoLayer.mult(c.w(), TwoLayer.transpose(c.u())));
        return new CollectionCase(c.activation(), false, TwoLayer.identity(c.d()), x, c.data());
    }

    /**
     * rank{h(Qu)(Qu)^T} == rank{h(Qu)u^T}: when the double ranks differ, both are recomputed in 60 digits from the exact
     * x = Q u (a rounded Q u is a different data set, e.g. points of a subspace stop being exactly in one).
     */
    static Evidence rotationDeterministic(CollectionCase c) {
        Ranks.RankReport rx = rotatedPoints(c).rank(), ru = c.rank();
        if (rx.rank() == ru.rank()) return Ranks.equal("rank{h(Qu)(Qu)^T} == rank{h(Qu)u^T}", rx, ru.rank());
        int[] hp = exactRotationRanks(c);
        return Evidence.eq("60-digit rank{h(Qu)(Qu)^T} == rank{h(Qu)u^T} (double ranks " + rx.rank() + ", " + ru.rank() + ")", hp[0], hp[1], 0)
                .with("observedRank", hp[0]).with("claimedRank", hp[1]).with("doubleRanks", rx.rank() + ", " + ru.rank());
    }

    /** {rank{h(x)x^T}, rank{h(Qu)u^T}} with x = Q u formed in 60 digits. */
    static int[] exactRotationRanks(CollectionCase c) {
        HighPrecision hp = new HighPrecision();
        TwoLayerHp net = new TwoLayerHp(hp, c.act());
        Dfp[][] u = hp.of(c.u()), q = hp.of(c.w());
        Dfp[][] x = hp.transpose(hp.mult(q, hp.transpose(u)));
        return new int[] {Ranks.hpRank(net.collection(c.act()::phi, x, hp.of(TwoLayer.identity(c.d())))), Ranks.hpRank(net.collection(c.act()::phi, u, q))};
    }

    static CollectionCase unrotated(CollectionCase c) {
        return new CollectionCase(c.activation(), false, TwoLayer.identity(c.d()), c.u(), c.data());
    }

    static Arbitrary<CollectionCase> rotations(List<String> acts, List<String> data, int dMin, int dMax, int extra) {
        return Combinators.combine(CollectionCase.arbitrary(acts, false, data, dMin, dMax, extra, CollectionCase.WKind.IDENTITY), DataArbitraries.seeds())
                .as((c, s) -> new CollectionCase(c.activation(), false, CollectionCase.orthogonal(c.d(), new Random(s)), c.u(), c.data()));
    }

    /** boob-lan/P002-10, Remark 4.3: the rank of {h(u^i)u^iT} is invariant under rotations. */
    static final class Rotation extends BoobLanClaim {
        Rotation() {
            super("boob-lan/P002-10");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            List<String> any = new ArrayList<>(RankLemma.ANALYTIC_H);
            any.addAll(List.of("linear", "affine", "relu", "elliot-sym"));
            List<String> anyData = new ArrayList<>(BoobLanData.DENSITIES);
            anyData.addAll(BoobLanData.ADVERSARIAL);
            return List.of(
                    Property.of("deterministic", CollectionCase.class)
                            .description("for orthogonal Q, any h and any data: rank{h(Qu^i)(Qu^i)^T} = rank{h(Qu^i)u^iT}")
                            .generator("Q from QR of a Gaussian, analytic and non-C1 h, densities and adversarial data, d in [1,5]", rotations(any, anyData, 1, 5, 3))
                            .check(RankRemarks::rotationDeterministic).tries(50).build(),
                    Property.of("almost-sure", CollectionCase.class)
                            .description("analytic C1 h, data with densities: rank{h(u^i)u^iT} = rank{h(Qu^i)(Qu^i)^T} = min(N, d^2)")
                            .generator("analytic C1 h, densities, d in [1,5], N in [1, d^2+3]", rotations(RankLemma.ANALYTIC_H, BoobLanData.DENSITIES, 1, 5, 3))
                            .check(c -> Evidence.worst(RankLemma.fullRank(unrotated(c)), RankLemma.fullRank(rotatedPoints(c)))).tries(50).build(),
                    Property.of("control-for-all-data", CollectionCase.class)
                            .description("negative control: the 'for all data' reading; points on a coordinate axis: rank{h(u)u^T} = 1 but the rotated points give min(N, d)")
                            .generator("tanh, points on the first axis, d in [2,4], N in [2, d^2]", rotations(List.of("tanh"), List.of("axis"), 2, 4, 0))
                            .hypotheses(c -> c.nPoints() >= 2 ? null : "one point")
                            .check(c -> Ranks.equal("rank{h(u)u^T} == rank{h(Qu)(Qu)^T}", unrotated(c).rank(), rotatedPoints(c).rank().rank()))
                            .certify((c, e) -> Ranks.certify("rotation invariance", unrotated(c).hpRank(), exactRotationRanks(c)[0], Evidence.Relation.EQ))
                            .expectRefuted().tries(10).build());
        }
    }

    // ---------------------------------------------------------------- P002-11

    static Dfp[][] hiddenHp(CollectionCase c) {
        PaperActivation a = c.act();
        HighPrecision hp = new HighPrecision();
        Dfp[][] z = new TwoLayerHp(hp, a).preActivations(hp.of(c.u()), hp.of(c.w()));
        Dfp[][] h = new Dfp[c.width()][c.nPoints()];
        for (int i = 0; i < c.nPoints(); i++) for (int j = 0; j < c.width(); j++) h[j][i] = a.phi(z[i][j]);
        return h;
    }

    static Ranks.RankReport hiddenRank(CollectionCase c) {
        return Ranks.rank(TwoLayer.hiddenFeatures(c.act()::phi, c.u(), c.w()), c.act().hasHighPrecision() ? () -> hiddenHp(c) : null);
    }

    static Certificate certifyHidden(CollectionCase c, Evidence e) {
        return Ranks.certify("rank of the hidden vectors", Ranks.hpRank(hiddenHp(c)), Math.min(c.width(), c.nPoints()), Evidence.Relation.EQ);
    }

    static Evidence hiddenFullRank(CollectionCase c) {
        return Ranks.equal("rank [h(W x^1) ... h(W x^N)] == min(d, N)", hiddenRank(c), Math.min(c.width(), c.nPoints())).with("activation", c.activation());
    }

    /** boob-lan/P002-11, Remark 4.4: the vectors h(W x^i) form a full-rank collection (rank min(d, N)). */
    static final class HiddenVectors extends BoobLanClaim {
        HiddenVectors() {
            super("boob-lan/P002-11");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(
                    Property.of("analytic-C1", CollectionCase.class)
                            .description("analytic C1 h, W ~ N(0,1/d) nonsingular, x^i from densities: rank[h(Wx^1)...h(Wx^N)] = min(d, N)")
                            .generator("d in [1,6], N in [1, d^2+3]", CollectionCase.arbitrary(RankLemma.ANALYTIC_H, false, BoobLanData.DENSITIES, 1, 6, 3, CollectionCase.WKind.GAUSSIAN))
                            .check(RankRemarks::hiddenFullRank).tries(60).build(),
                    Property.of("affine-passes", CollectionCase.class)
                            .description("the catalogue's control that should pass: h = 2x + 1 (C1 violated) still gives rank min(d, N)")
                            .generator("h = 2x+1, as analytic-C1", CollectionCase.arbitrary(List.of("affine"), false, BoobLanData.DENSITIES, 1, 6, 3, CollectionCase.WKind.GAUSSIAN))
                            .check(RankRemarks::hiddenFullRank).tries(30).build(),
                    Property.of("control-constant-h", CollectionCase.class)
                            .description("negative control: constant h (C1 violated): rank 1")
                            .generator("h = 0.7, d in [2,6], N in [2, d^2]", CollectionCase.arbitrary(List.of("constant"), false, BoobLanData.DENSITIES, 2, 6, 0, CollectionCase.WKind.GAUSSIAN))
                            .hypotheses(c -> c.nPoints() >= 2 ? null : "one point")
                            .check(RankRemarks::hiddenFullRank).certify(RankRemarks::certifyHidden).expectRefuted().tries(10).build(),
                    Property.of("control-duplicates", CollectionCase.class)
                            .description("negative control: the density hypothesis dropped (x^N = x^1)")
                            .generator("analytic C1 h, duplicates, d in [2,6], N in [2, d]", CollectionCase.arbitrary(RankLemma.ANALYTIC_H, false, List.of("duplicates"), 2, 6, 0, CollectionCase.WKind.GAUSSIAN))
                            .hypotheses(c -> c.nPoints() >= 2 && c.nPoints() <= c.d() ? null : "need 2 <= N <= d")
                            .check(RankRemarks::hiddenFullRank).certify(RankRemarks::certifyHidden).expectRefuted().tries(10).build());
        }
    }

    // ---------------------------------------------------------------- P002-12

    /** Two layers: z^i = first(W1 u^i), then the collection {g(W2 z^i) z^iT} (g = second, or second'). */
    public record TwoLayerCase(String first, String second, boolean derivative, double[][] w1, double[][] w2, double[][] u) {
        CollectionCase outer() {
            double[][] z = TwoLayer.apply(PaperActivations.byName(first)::phi, TwoLayer.preActivations(u, w1));
            return new CollectionCase(second, derivative, w2, z, "z = " + first + "(W1 u)");
        }

        int atoms() {
            int zeros = 0;
            for (double[] z : outer().u()) if (TwoLayer.maxAbs(z) == 0) zeros++;
            return zeros;
        }
    }

    static Arbitrary<TwoLayerCase> twoLayers(List<String> firsts, int dMax) {
        return Combinators.combine(Arbitraries.of(firsts), Arbitraries.of(ANALYTIC), Arbitraries.of(false, true), DataArbitraries.ints(1, dMax),
                DataArbitraries.ints(1, dMax * dMax), DataArbitraries.seeds()).as((f, g, der, d, n, seed) -> {
            Random rng = new Random(seed);
            int nPts = Math.min(n, d * d);
            return new TwoLayerCase(f, g, der, BoobLanData.gaussianW(d, d, rng), BoobLanData.gaussianW(d, d, rng),
                    BoobLanData.points("gaussian", nPts, d, rng.nextLong()));
        });
    }

    /** boob-lan/P002-12, Remark 4.5: z = h(W1 u) keeps a density, so {g(W2 z^i) z^iT} (and with g') is full rank. */
    static final class MultiLayer extends BoobLanClaim {
        MultiLayer() {
            super("boob-lan/P002-12");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(
                    Property.of("analytic-first-layer", TwoLayerCase.class)
                            .description("first layer tanh / tanh(x/2) / Erf (h' != 0 a.e., so z has a density), second layer g or g' analytic C1: rank = min(N, d^2)")
                            .generator("d in [1,4], N in [1, d^2], Gaussian u, W1, W2 ~ N(0,1/d)", twoLayers(List.of("tanh", "sigmoid-sym", "erf"), 4))
                            .check(t -> RankLemma.fullRank(t.outer()))
                            .certify((t, e) -> RankLemma.certifyFullRank(t.outer(), e)).tries(60).build(),
                    Property.of("control-relu-first-layer", TwoLayerCase.class)
                            .description("negative control: ReLU first layer (flat pieces: z has an atom at 0 with probability 2^-d per point)")
                            .generator("as analytic-first-layer with ReLU first", twoLayers(List.of("relu"), 4))
                            .hypotheses(t -> t.atoms() > 0 ? null : "no z^i at the atom 0")
                            .check(t -> RankLemma.fullRank(t.outer()).with("atoms", t.atoms()))
                            .certify((t, e) -> RankLemma.certifyFullRank(t.outer(), e)).expectRefuted().tries(10).build());
        }

        @Override
        protected List<PropertyOutcome> experiments(Params p, RunContext ctx, ClaimResult.Builder r) {
            int trials = ctx.tries(200);
            for (int d = 2; d <= 4; d++) {
                int atoms = 0;
                for (int t = 0; t < trials; t++) {
                    Random rng = new Random(BoobLanData.stream(ctx.seedFor(id() + d), t));
                    TwoLayerCase c = new TwoLayerCase("relu", "tanh", false, BoobLanData.gaussianW(d, d, rng), TwoLayer.identity(d),
                            BoobLanData.points("gaussian", d * d, d, rng.nextLong()));
                    if (c.atoms() > 0) atoms++;
                }
                r.number("relu-first-layer.P(some z^i = 0).d" + d, (double) atoms / trials);
            }
            return List.of();
        }
    }

    // ---------------------------------------------------------------- P002-13

    static Arbitrary<CollectionCase> flat(List<String> acts, boolean derivative, int dMin, int dMax, boolean wide) {
        return Combinators.combine(Arbitraries.of(acts), DataArbitraries.ints(dMin, dMax), DataArbitraries.ints(1, 3 * dMax),
                DataArbitraries.ints(1, 3 * dMax * dMax + 2), Arbitraries.of(BoobLanData.DENSITIES), DataArbitraries.seeds()).as((a, d, n0, nRaw, kind, seed) -> {
            int n = wide ? d + 1 + (n0 - 1) % (2 * d) : 1 + (n0 - 1) % d;
            Random rng = new Random(seed);
            int nPts = Math.min(nRaw, n * d + 2);
            return new CollectionCase(a, derivative, BoobLanData.gaussianW(n, d, rng), BoobLanData.points(kind, nPts, d, rng.nextLong()), kind);
        });
    }

    /** boob-lan/P002-13, Remark 4.6: W n x d with n <= d of full row rank: {h(W u^i) u^iT} has rank min(N, nd). */
    static final class FlatW extends BoobLanClaim {
        FlatW() {
            super("boob-lan/P002-13");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(
                    Property.of("flat", CollectionCase.class)
                            .description("n <= d, W ~ N(0,1/d) (full row rank), analytic C1 h and h': rank = min(N, nd)")
                            .generator("d in [1,5], n in [1,d], N in [1, nd+2], densities", Arbitraries.oneOf(flat(ANALYTIC, false, 1, 5, false), flat(ANALYTIC, true, 1, 5, false)))
                            .hypotheses(c -> Linalg.rank(TwoLayer.matrix(c.w())) == c.width() ? null : "W not of full row rank")
                            .check(RankLemma::fullRank).certify(RankLemma::certifyFullRank).tries(60).build(),
                    Property.of("wide", CollectionCase.class)
                            .description("informative (beyond the paper): n > d also gives rank min(N, nd)")
                            .generator("d in [1,3], n in [d+1, 3d], N in [1, nd+2]", flat(List.of("tanh", "sigmoid", "gaussian"), false, 1, 3, true))
                            .check(RankLemma::fullRank).informative().tries(20).build());
        }
    }

    // ---------------------------------------------------------------- P002-14

    /**
     * Exactly singular W (n = d): zero rows, copied rows, rows times -1, 2 or 1/2, or A B with small integers (rank r < d),
     * scaled by a power of two (exact) to max |W_jk| <= 1 so that |W u| stays of order 1 (the catalogue's advice).
     */
    static double[][] singularW(String kind, int d, Random rng) {
        double[][] w = BoobLanData.gaussianW(d, d, rng);
        int j = rng.nextInt(d), src = (j + 1 + rng.nextInt(Math.max(1, d - 1))) % d;
        switch (kind) {
            case "zero-row" -> Arrays.fill(w[j], 0);
            case "copy-row" -> w[j] = w[src].clone();
            case "multiple-row" -> {
                double f = new double[] {-1, 2, 0.5}[rng.nextInt(3)];
                for (int k = 0; k < d; k++) w[j][k] = f * w[src][k];
            }
            case "low-rank" -> {
                int r = 1 + rng.nextInt(Math.max(1, d - 1));
                double[][] a = new double[d][r], b = new double[r][d];
                for (double[] row : a) for (int k = 0; k < r; k++) row[k] = rng.nextInt(5) - 2;
                for (double[] row : b) for (int k = 0; k < d; k++) row[k] = (rng.nextInt(5) - 2) / 2.0;
                w = TwoLayer.mult(a, b);
            }
            case "zero" -> w = new double[d][d];
            default -> throw new IllegalArgumentException(kind);
        }
        double m = TwoLayer.maxAbs(w);
        if (m > 1) {
            double scale = Math.scalb(1.0, -Math.getExponent(m) - 1);
            for (double[] r : w) for (int k = 0; k < d; k++) r[k] *= scale;
        }
        return w;
    }

    static int exactRank(double[][] w) {
        return Ranks.hpRank(new HighPrecision().of(w));
    }

    static Arbitrary<CollectionCase> singular(List<String> acts, List<String> kinds, int dMax) {
        return Combinators.combine(Arbitraries.of(acts), Arbitraries.of(kinds), DataArbitraries.ints(1, dMax), DataArbitraries.ints(1, dMax * dMax),
                Arbitraries.of("gaussian", "box", "orthant"), DataArbitraries.seeds()).as((a, kind, d, n, data, seed) -> {
            Random rng = new Random(seed);
            return new CollectionCase(a, false, singularW(kind, d, rng), BoobLanData.points(data, Math.min(n, d * d), d, rng.nextLong()), kind + "/" + data);
        });
    }

    static Evidence remark47(CollectionCase c) {
        int rw = exactRank(c.w());
        return Ranks.equal("rank {h(W u^i) u^iT} == min(rank(W) d, N)", c.rank(), Math.min(rw * c.d(), c.nPoints())).with("rankW", rw);
    }

    /** min(N, d m): m = classes of rows that give distinct functions u -> h(w u) (equal rows; w ~ -w for odd or even h; zero rows when h(0) = 0). */
    static int correctedCount(CollectionCase c) {
        PaperActivation h = c.act();
        boolean odd = Math.abs(h.phi(0.7) + h.phi(-0.7)) < 1e-15, even = Math.abs(h.phi(0.7) - h.phi(-0.7)) < 1e-15;
        List<double[]> classes = new ArrayList<>();
        for (double[] w : c.w()) {
            if (TwoLayer.maxAbs(w) == 0 && h.phi(0) == 0) continue;
            boolean seen = false;
            for (double[] v : classes) {
                boolean same = Arrays.equals(v, w), neg = true;
                for (int k = 0; k < w.length; k++) neg &= v[k] == -w[k];
                if (same || (neg && (odd || even))) seen = true;
            }
            if (!seen) classes.add(w);
        }
        return Math.min(c.nPoints(), c.d() * classes.size());
    }

    /** boob-lan/P002-14, Remark 4.7: for singular W, {h(W u^i) u^iT} has rank min(rank(W) d, N) with measure 1. */
    static final class SingularW extends BoobLanClaim {
        SingularW() {
            super("boob-lan/P002-14");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            List<String> kinds = List.of("zero-row", "copy-row", "multiple-row", "low-rank", "zero");
            return List.of(
                    Property.of("as-stated", CollectionCase.class)
                            .description("the statement (project expects it refuted: rows that are multiples or combinations of others give new functions u -> h(w u), and h(0) != 0 makes zero rows count): exactly singular W (zero rows, copied rows, rows times -1/2/0.5, A B with small integers, W = 0; scaled to max|W| <= 1), analytic C1 h, data with densities: rank = min(rank(W) d, N)")
                            .generator("d in [1,4], N in [1, d^2], the catalogue's singular-W families", singular(ANALYTIC, kinds, 4))
                            .check(RankRemarks::remark47)
                            .certify((c, e) -> Ranks.certify("Remark 4.7 rank", c.hpRank(), Math.min(exactRank(c.w()) * c.d(), c.nPoints()), Evidence.Relation.EQ))
                            .tries(60).build(),
                    Property.of("copies-and-zero-rows", CollectionCase.class)
                            .description("where the remark's 'remove dependent rows' works: copied rows, and zero rows with h(0) = 0 (tanh, Erf, tanh(x/2))")
                            .generator("odd h, copy-row / zero-row / zero W", singular(List.of("tanh", "erf", "sigmoid-sym"), List.of("copy-row", "zero-row", "zero"), 4))
                            .check(RankRemarks::remark47).tries(40).build(),
                    Property.of("corrected-count", CollectionCase.class)
                            .description("informative (the harness's conjecture): rank = min(N, d m), m = rows giving distinct functions h(w u) (w ~ -w for odd/even h, zero rows dropped when h(0) = 0)")
                            .generator("as as-stated", singular(ANALYTIC, kinds, 4))
                            .check(c -> Ranks.equal("rank == min(N, d m)", c.rank(), correctedCount(c))).informative().tries(40).build());
        }
    }

    // ---------------------------------------------------------------- P002-16

    /** Lemma 5.2: W(v) = W' + diag(v) Z for several independent draws v ~ N(0, I); data u^i fixed. */
    public record Lemma52Case(String activation, double[][] wPrime, double[][] z, double[][] vs, double[][] u, String data) {
        double[][] w(int k) {
            int d = wPrime.length;
            double[][] w = new double[d][d];
            for (int j = 0; j < d; j++) for (int l = 0; l < d; l++) w[j][l] = wPrime[j][l] + vs[k][j] * z[j][l];
            return w;
        }

        CollectionCase collection(int k) {
            return new CollectionCase(activation, false, w(k), u, data);
        }
    }

    static Arbitrary<Lemma52Case> lemma52(List<String> data, int dMax) {
        return Combinators.combine(Arbitraries.of(ANALYTIC), Arbitraries.of(data), DataArbitraries.ints(1, dMax), DataArbitraries.ints(1, dMax * dMax),
                DataArbitraries.seeds()).as((a, kind, d, n, seed) -> {
            Random rng = new Random(seed);
            double[][] vs = new double[3][];
            for (int k = 0; k < 3; k++) vs[k] = BoobLanData.gaussian(d, 1, rng);
            return new Lemma52Case(a, BoobLanData.gaussianW(d, d, rng), BoobLanData.gaussianW(d, d, rng), vs,
                    BoobLanData.points(kind, Math.min(n, d * d), d, rng.nextLong()), kind);
        });
    }

    static String lemma52Hypotheses(Lemma52Case c) {
        if (TwoLayer.maxAbs(c.z()) == 0) return "Z = 0";
        for (int k = 0; k < c.vs().length; k++)
            if (Linalg.sigmaMin(TwoLayer.matrix(c.w(k))) < 1e-6) return "W(v) numerically singular";
        return null;
    }

    /** Full rank must hold for (almost) every v: the number of draws with full rank against all of them. */
    static Evidence lemma52(Lemma52Case c) {
        int full = 0;
        Evidence worst = null;
        for (int k = 0; k < c.vs().length; k++) {
            Evidence e = RankLemma.fullRank(c.collection(k));
            if (e.holds()) full++;
            if (worst == null || e.slack() < worst.slack()) worst = e;
        }
        Evidence e = Evidence.eq("draws v with rank {h(W(v) u^i) u^iT} = min(N, d^2)", full, c.vs().length, 0).with("data", c.data());
        for (Map.Entry<String, Object> x : worst.details().entrySet()) e = e.with(x.getKey(), x.getValue());
        return e;
    }

    static Certificate certifyLemma52(Lemma52Case c, Evidence e) {
        int full = 0;
        for (int k = 0; k < c.vs().length; k++) if (c.collection(k).hpRank() == c.collection(k).fullRank()) full++;
        return Certificate.of("Dfp rank of every draw", HighPrecision.DEFAULT_DIGITS, java.math.BigDecimal.valueOf(full - c.vs().length),
                new java.math.BigDecimal("0.5"), full + " of " + c.vs().length + " draws full rank in 60 digits");
    }

    /** boob-lan/P002-16, Lemma 5.2: W = W' + D_v Z with v random: {h(W u^i) u^iT} full rank with measure 1 over v (data fixed). */
    static final class Lemma52 extends BoobLanClaim {
        Lemma52() {
            super("boob-lan/P002-16");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            List<String> any = new ArrayList<>(BoobLanData.DENSITIES);
            any.addAll(BoobLanData.ADVERSARIAL);
            return List.of(
                    Property.of("generic-data", Lemma52Case.class)
                            .description("data drawn from densities (then fixed), W', Z ~ N(0,1/d), three draws v ~ N(0,I): all full rank")
                            .generator("analytic C1 h, d in [1,4], N in [1, d^2]", lemma52(BoobLanData.DENSITIES, 4))
                            .hypotheses(RankRemarks::lemma52Hypotheses)
                            .check(RankRemarks::lemma52).certify(RankRemarks::certifyLemma52).tries(40).build(),
                    Property.of("fixed-data", Lemma52Case.class)
                            .description("the statement (expected refuted): the lemma as stated: any fixed data (no hypothesis on u^i), including duplicates, antipodal pairs, a subspace, an axis")
                            .generator("analytic C1 h, densities and adversarial data, d in [1,4], N in [1, d^2]", lemma52(any, 4))
                            .hypotheses(RankRemarks::lemma52Hypotheses)
                            .check(RankRemarks::lemma52).certify(RankRemarks::certifyLemma52).tries(60).build());
        }
    }
}
