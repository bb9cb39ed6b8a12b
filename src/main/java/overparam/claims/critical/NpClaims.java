package overparam.claims.critical;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.linear.*;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import overparam.claims.*;
import overparam.data.DataArbitraries;

import java.math.BigDecimal;
import java.util.*;

/** critical/C-16.P16a .. P16g: Lemma 3 (NP-complete) of section 2.6, its gadgets, the reduction's data and its arithmetic. */
final class NpClaims {
    private NpClaims() {}

    /** A corner c in {0,1}^N (bitmask) of the cube. */
    public record Corner(int n, int c, long seed) {}

    static Arbitrary<Corner> corners(int nMax) {
        return Combinators.combine(DataArbitraries.ints(1, nMax), DataArbitraries.seeds()).as((n, seed) -> new Corner(n, new Random(seed).nextInt(1 << n), seed));
    }

    // ------------------------------------------------------------------------------------------------ P16a

    /** critical/C-16.P16a: the gadget corner is realised by one threshold unit (w_k = +-1, threshold -|c|_1 + 1/2). */
    static final class GadgetUnit extends PropertyClaim {
        GadgetUnit() {
            super("critical/C-16.P16a");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("unit-outputs-0-exactly-at-the-corner", Corner.class)
                    .description("w_k = +1 if c_k = 0 else -1, fire iff w.x >= -|c|_1 + 1/2 (w.(x - c) = Hamming(x, c)): output 0 at c, 1 at every other of the 2^N points")
                    .generator("N in [1,14], random corner", corners(14)).check(c -> {
                        int wrong = 0;
                        int ones = Integer.bitCount(c.c());
                        for (int x = 0; x < (1 << c.n()); x++) {
                            int s = 0;
                            for (int k = 0; k < c.n(); k++) s += (((c.c() >> k) & 1) == 0 ? 1 : -1) * ((x >> k) & 1);
                            boolean fires = 2 * s >= -2 * ones + 1;
                            if (fires != (x != c.c())) wrong++;
                        }
                        return Evidence.eq("points where the unit differs from [x != c]", wrong, 0, 0).with("N", c.n());
                    }).tries(40).build());
        }
    }

    // ------------------------------------------------------------------------------------------------ P16b

    /** A random halfspace (a, theta) with h(c) = 0 and h(c xor e_k) = 1 for all k, from an LP with a random objective. */
    static double[] randomGadgetHalfspace(Corner c) {
        int n = c.n();
        Random rng = new Random(c.seed());
        List<LinearConstraint> cons = new ArrayList<>();
        cons.add(new LinearConstraint(BlumRivest.row(CapacityClaims.bits(c.c(), n), n), Relationship.LEQ, -1));
        for (int k = 0; k < n; k++) cons.add(new LinearConstraint(BlumRivest.row(CapacityClaims.bits(c.c() ^ (1 << k), n), n), Relationship.GEQ, 0));
        for (int k = 0; k <= n; k++) {
            double[] e = new double[n + 1];
            e[k] = 1;
            cons.add(new LinearConstraint(e, Relationship.LEQ, 10 * (n + 1)));
            cons.add(new LinearConstraint(e, Relationship.GEQ, -10 * (n + 1)));
        }
        double[] obj = new double[n + 1];
        for (int k = 0; k <= n; k++) obj[k] = rng.nextGaussian();
        double[] sol = new SimplexSolver().optimize(new LinearObjectiveFunction(obj, 0), new LinearConstraintSet(cons), GoalType.MINIMIZE,
                new NonNegativeConstraint(false), new MaxIter(10_000)).getPoint();
        sol[n] -= 1e-6; // theta slightly lower: the neighbour constraints hold strictly, c stays strictly below
        return sol;
    }

    /** critical/C-16.P16b: claim (iv): any halfspace with h(c) = 0 and h = 1 on c's neighbours is 1 on the whole cube but c. */
    static final class GadgetForcesUnit extends PropertyClaim {
        GadgetForcesUnit() {
            super("critical/C-16.P16b");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(
                    Property.of("random-lp-halfspaces", Corner.class)
                            .description("(a, theta) from an LP with a random objective over the gadget constraints (|a_k|, |theta| <= 10 (N+1)); checked on all 2^N points")
                            .generator("N in [1,10], random corner, random LP objective", corners(10)).check(c -> {
                                double[] h = randomGadgetHalfspace(c);
                                int n = c.n(), wrong = 0;
                                double margin = Double.POSITIVE_INFINITY;
                                for (int x = 0; x < (1 << n); x++) {
                                    double s = BlumRivest.dot(h, CapacityClaims.bits(x, n), n);
                                    if (x == c.c()) continue;
                                    margin = Math.min(margin, s);
                                    if (s < 0) wrong++;
                                }
                                return Evidence.eq("points x != c with h(x) = 0", wrong, 0, 0).with("min over x != c of a.x - theta", margin);
                            }).tries(60).build(),
                    Property.of("all-threshold-functions", Corner.class)
                            .description("exhaustive for N <= 4: every threshold function (all 2, 4, 14, 104, 1882 of them) with f(c) = 0 and f = 1 on c's "
                                    + "neighbours equals [x != c]")
                            .generator("N in [1,4], random corner", corners(4)).check(c -> {
                                Set<Long> fs = thresholds(c.n());
                                long full = (1L << (1 << c.n())) - 1, only = full & ~(1L << c.c());
                                int bad = 0;
                                for (long f : fs) if (servesGadget(f, c.c(), c.n()) && f != only) bad++;
                                return Evidence.worst(Evidence.eq("gadget units other than [x != c]", bad, 0, 0),
                                        Evidence.eq("number of threshold functions (OEIS A000609)", fs.size(), new int[] {2, 4, 14, 104, 1882}[c.n()], 0));
                            }).tries(12).build());
        }
    }

    private static final Map<Integer, Set<Long>> THRESHOLDS = new HashMap<>();

    static synchronized Set<Long> thresholds(int n) {
        return THRESHOLDS.computeIfAbsent(n, BlumRivest::thresholdFunctions);
    }

    /** f(c) = 0 and f = 1 at every neighbour of c. */
    static boolean servesGadget(long f, int c, int n) {
        if ((f >> c & 1) == 1) return false;
        for (int k = 0; k < n; k++) if ((f >> (c ^ (1 << k)) & 1) == 0) return false;
        return true;
    }

    // ------------------------------------------------------------------------------------------------ P16c

    /** Gadget corners (bitmasks, pairwise distance >= 3) in {0,1}^N. */
    public record Gadgets(int n, int[] corners) {}

    /** critical/C-16.P16c: one unit cannot serve two gadgets, so G gadgets need G distinct units of an AND network. */
    static final class OneUnitPerGadget extends PropertyClaim {
        OneUnitPerGadget() {
            super("critical/C-16.P16c");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<Gadgets> gen = Combinators.combine(DataArbitraries.ints(3, 4), DataArbitraries.seeds()).as((n, seed) -> {
                List<Integer> order = new ArrayList<>();
                for (int v = 0; v < (1 << n); v++) order.add(v);
                Collections.shuffle(order, new Random(seed));
                List<Integer> cs = new ArrayList<>();
                for (int v : order) {
                    boolean far = true;
                    for (int c : cs) if (Integer.bitCount(v ^ c) < 3) far = false;
                    if (far) cs.add(v);
                }
                return new Gadgets(n, cs.stream().mapToInt(Integer::intValue).toArray());
            });
            return List.of(Property.of("minimum-units-equals-gadgets", Gadgets.class)
                    .description("exhaustive over all threshold functions (N in {3,4}): no unit serves two gadgets, and the fewest AND-ed units fitting G gadgets is G")
                    .generator("N in {3,4}, a maximal random packing of corners at distance >= 3 (G = 2)", gen).check(g -> {
                        Set<Long> fs = thresholds(g.n());
                        int shared = 0;
                        for (long f : fs) {
                            int served = 0;
                            for (int c : g.corners()) if (servesGadget(f, c, g.n())) served++;
                            if (served > 1) shared++;
                        }
                        int min = minimumUnits(fs, g);
                        return Evidence.worst(Evidence.eq("units serving two gadgets", shared, 0, 0),
                                Evidence.eq("fewest AND-ed threshold units fitting the gadget data", min, g.corners().length, 0)).with("G", g.corners().length);
                    }).tries(8).build());
        }
    }

    /** Fewest threshold functions whose AND is 0 at every corner and 1 at every neighbour (exhaustive, sizes 1 .. G). */
    static int minimumUnits(Set<Long> fs, Gadgets g) {
        long zeros = 0, ones = 0;
        for (int c : g.corners()) {
            zeros |= 1L << c;
            for (int k = 0; k < g.n(); k++) ones |= 1L << (c ^ (1 << k));
        }
        List<Long> useful = new ArrayList<>();
        for (long f : fs) if ((f & ones) == ones && (f & zeros) != zeros) useful.add(f); // 1 on every positive, 0 somewhere
        for (int size = 1; size <= g.corners().length; size++)
            if (covers(useful, 0, size, zeros, zeros)) return size;
        return Integer.MAX_VALUE;
    }

    /** Can {@code size} of the functions (from index start) have AND zero on every point of {@code remaining}? */
    private static boolean covers(List<Long> fs, int start, int size, long remaining, long zeros) {
        if (remaining == 0) return true;
        if (size == 0) return false;
        for (int i = start; i < fs.size(); i++) {
            long killed = ~fs.get(i) & remaining;
            if (killed != 0 && covers(fs, i + 1, size - 1, remaining & ~killed, zeros)) return true;
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------ P16d

    /** Perfect Hamming code of length N = 2^k - 1 (codewords with zero syndrome), as bitmasks. */
    static List<Integer> hammingCode(int n) {
        List<Integer> words = new ArrayList<>();
        for (int x = 0; x < (1 << n); x++) {
            int syndrome = 0;
            for (int k = 0; k < n; k++) if ((x >> k & 1) == 1) syndrome ^= k + 1;
            if (syndrome == 0) words.add(x);
        }
        return words;
    }

    static List<Integer> lexicode(int n) {
        List<Integer> words = new ArrayList<>();
        for (int x = 0; x < (1 << n); x++) {
            boolean far = true;
            for (int w : words) if (Integer.bitCount(x ^ w) < 3) {
                far = false;
                break;
            }
            if (far) words.add(x);
        }
        return words;
    }

    static int minDistance(List<Integer> words) {
        int best = Integer.MAX_VALUE;
        for (int i = 0; i < words.size(); i++) for (int j = i + 1; j < words.size(); j++) best = Math.min(best, Integer.bitCount(words.get(i) ^ words.get(j)));
        return best;
    }

    /** critical/C-16.P16d: 'the 2^N point N-cube has enough room for up to 2^N/(N+1) gadgets'. */
    static final class Packing extends ReportedClaim {
        Packing() {
            super("critical/C-16.P16d");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("hamming-bound-and-perfect-codes", Integer.class)
                    .description("disjoint radius-1 balls (distance >= 3): the lexicode never exceeds 2^N/(N+1); for N = 2^k - 1 the Hamming code attains it")
                    .generator("N in [1,15]", DataArbitraries.ints(1, 15)).check(n -> {
                        boolean perfect = Integer.bitCount(n + 1) == 1;
                        List<Integer> code = perfect ? hammingCode(n) : lexicode(n);
                        double bound = Math.pow(2, n) / (n + 1);
                        List<Evidence> parts = new ArrayList<>();
                        parts.add(Evidence.le("gadgets placed", code.size(), bound, 0));
                        if (code.size() > 1) parts.add(Evidence.ge("min pairwise distance", minDistance(code), 3, 0));
                        if (perfect) parts.add(Evidence.eq("Hamming code size == 2^N/(N+1)", code.size(), bound, 0));
                        return Evidence.worst(parts).with("N", n).with("code", perfect ? "Hamming" : "lexicode");
                    }).tries(25).build());
        }

        @Override
        protected void report(Params p, RunContext ctx, Report r) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int n = 1; n <= 12; n++) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("N", n);
                m.put("2^N/(N+1)", Math.pow(2, n) / (n + 1));
                m.put("lexicode (greedy) gadgets", lexicode(n).size());
                if (Integer.bitCount(n + 1) == 1) m.put("Hamming code", hammingCode(n).size());
                rows.add(m);
            }
            r.number("gadget packings: 'up to 2^N/(N+1)' is attained only for N = 2^k - 1", rows);
        }
    }

    // ------------------------------------------------------------------------------------------------ P16e

    /** A set-splitting instance with G gadgets (network of M = G + 2 units), and a seed for the naive placement. */
    public record Reduction(BlumRivest.SetSplitting s, int gadgets, long seed) {}

    static Arbitrary<Reduction> reductions() {
        return Combinators.combine(DataArbitraries.ints(3, 5), DataArbitraries.ints(1, 5), DataArbitraries.ints(0, 2), DataArbitraries.seeds())
                .as((n, k, g, seed) -> {
                    Random rng = new Random(seed);
                    Set<String> seen = new HashSet<>();
                    List<int[]> subs = new ArrayList<>();
                    for (int tries = 0; subs.size() < k && tries < 100; tries++) {
                        int size = 2 + rng.nextInt(Math.min(2, n - 1));
                        List<Integer> el = new ArrayList<>();
                        for (int i = 0; i < n; i++) el.add(i);
                        Collections.shuffle(el, rng);
                        int[] c = el.subList(0, size).stream().mapToInt(Integer::intValue).sorted().toArray();
                        if (seen.add(Arrays.toString(c))) subs.add(c);
                    }
                    return new Reduction(new BlumRivest.SetSplitting(n, subs.toArray(new int[0][])), g, seed);
                });
    }

    /** critical/C-16.P16e: D = (N+1)(M-2) + D_core with D_core = 1 + n + k, and the reduction it feeds. */
    static final class Accounting extends PropertyClaim {
        Accounting() {
            super("critical/C-16.P16e");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            String gen = "set splitting with n in [3,5] elements, k in [1,5] distinct subsets of size 2-3; G = M - 2 in [0,2] gadgets";
            return List.of(
                    Property.of("data-count", Reduction.class)
                            .description("sound union (gadgets on t extra coordinates, N = n + t): D = (N+1)(M-2) + 1 + n + k distinct points, no conflicting labels")
                            .generator(gen, reductions()).check(r -> {
                                BlumRivest.Data u = BlumRivest.soundUnion(r.s(), r.gadgets());
                                int expected = (u.n() + 1) * r.gadgets() + 1 + r.s().n() + r.s().subsets().length;
                                return Evidence.worst(Evidence.eq("distinct points == (N+1)(M-2) + 1 + n + k", u.distinct(), expected, 0),
                                        Evidence.eq("listed points == distinct points", u.size(), u.distinct(), 0),
                                        Evidence.eq("points with two labels", u.conflicts(), 0, 0)).with("N", u.n()).with("M", r.gadgets() + 2);
                            }).tries(40).build(),
                    Property.of("reduction-equivalence", Reduction.class)
                            .description("brute force: the sound union is fit by an AND of M = G + 2 threshold units iff the set-splitting instance is splittable "
                                    + "(exact: LP separability of each group of negatives from all positives; 2^n colourings)")
                            .generator(gen, reductions()).check(r -> {
                                boolean split = r.s().splittable();
                                boolean fit = BlumRivest.consistent(BlumRivest.soundUnion(r.s(), r.gadgets()), r.gadgets() + 2);
                                boolean fitWithOneLess = BlumRivest.consistent(BlumRivest.soundUnion(r.s(), r.gadgets()), r.gadgets() + 1);
                                return Evidence.worst(Evidence.fact("network consistent (" + fit + ") == splittable (" + split + ")", fit == split),
                                        Evidence.fact("not consistent with M - 1 units", !fitWithOneLess));
                            }).tries(20).build(),
                    Property.of("control-naive-placement", Reduction.class)
                            .description("FAIL: gadgets placed naively in the core's own cube {0,1}^n (corners at distance >= 3): conflicting labels (e.g. corner "
                                    + "e_1 + e_2 labels e_1 with 1) or a changed answer")
                            .generator(gen + ", G >= 1", reductions().filter(r -> r.gadgets() > 0)).check(r -> {
                                BlumRivest.Data u = BlumRivest.naiveUnion(r.s(), r.gadgets(), r.seed());
                                boolean split = r.s().splittable();
                                boolean fit = BlumRivest.consistent(u, r.gadgets() + 2);
                                return Evidence.fact("naive union consistent (" + fit + ") == splittable (" + split + "), conflicts " + u.conflicts(), fit == split);
                            }).expectRefuted().tries(12).build());
        }
    }

    // ------------------------------------------------------------------------------------------------ P16f

    /** critical/C-16.P16f: 'M <= Theta(D/N) = D^{1 - 1/Theta(N)}' with D = N^c. */
    static final class ExponentArithmetic extends TrendClaim {
        ExponentArithmetic() {
            super("critical/C-16.P16f");
        }

        @Override
        protected boolean refutableByFit() {
            return true;
        }

        @Override
        protected void experiment(Params p, RunContext ctx, ClaimResult.Builder r) {
            // D/N = D^{1 - delta} with delta = log N / log D = 1/c; the claim says delta = 1/Theta(N), i.e. delta ~ N^-1.
            double c = 3;
            List<double[]> pts = new ArrayList<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int n = 10; n <= 10_000; n *= 2) {
                double logD = c * Math.log(n);
                double delta = 1 - (logD - Math.log(n)) / logD;
                pts.add(new double[] {n, delta});
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("N", n);
                m.put("log10 D", logD / Math.log(10));
                m.put("log10 (D/N)", (logD - Math.log(n)) / Math.log(10));
                m.put("log10 D^{1-1/N}", logD * (1 - 1.0 / n) / Math.log(10));
                m.put("exponent deficit delta = log N / log D", delta);
                rows.add(m);
            }
            r.number("D = N^3: D/N against D^{1-1/N}", rows);
            r.number("the catalogue's example N = 100, D = 10^6", ReportedClaim.ordered("D/N", 1e4, "D^{1-1/N}", Math.pow(1e6, 0.99)));
            double[] x = pts.stream().mapToDouble(q -> q[0]).toArray(), y = pts.stream().mapToDouble(q -> q[1]).toArray();
            overparam.gauss.Fits.Line fit = overparam.gauss.Fits.powerLaw(x, y, 0.95);
            r.trend(new TrendEvidence("exponent deficit delta of D/N = D^{1-delta} against N (D = N^3)", "N", "delta", fit.slope(), fit.slopeLow(), fit.slopeHigh(),
                    -1.0, "delta = 1/Theta(N), slope -1", fit.slopeInterval(-1.0), pts));
        }
    }

    // ------------------------------------------------------------------------------------------------ P16g

    /** log10 D of the second regime and how N grows with D. */
    public record Regime(double log10D, String growth) {
        /** ln N for ln D = lnD. */
        double lnN(double lnD) {
            return switch (growth) {
                case "(ln D)^1.5" -> 1.5 * Math.log(lnD);
                case "ln D ln ln D" -> Math.log(lnD) + Math.log(Math.log(lnD));
                case "3 ln D" -> Math.log(3) + Math.log(lnD);
                default -> throw new IllegalArgumentException(growth);
            };
        }

        /** ln of (D/N) / (D/ln D), from ln(D/N) and ln(D/ln D) separately. */
        double lnRatio(double lnD) {
            return (lnD - lnN(lnD)) - (lnD - Math.log(lnD));
        }
    }

    /** critical/C-16.P16g: D^{Theta(1)} = 2^{o(N)} gives N = log D / o(1) and M <= Theta(D/N) = o(D/log D). */
    static final class SecondRegime extends PropertyClaim {
        SecondRegime() {
            super("critical/C-16.P16g");
        }

        /** (D/N)/(D/ln D) at D^1024 is at most half its value at D: ten squarings of D halve it (it tends to 0). */
        static Evidence vanishes(Regime g) {
            double lnD = g.log10D() * Math.log(10), lnD2 = 1024 * lnD;
            double before = g.lnRatio(lnD), after = g.lnRatio(lnD2);
            return Evidence.le("ln ratio at D^1024 <= ln ratio at D - ln 2", after, before - Math.log(2), 16 * overparam.linalg.Linalg.EPS * lnD2)
                    .with("N", g.growth()).with("ratio at D", Math.exp(before)).with("ratio at D^1024", Math.exp(after));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(
                    Property.of("ratio-vanishes", Regime.class)
                            .description("log D = o(N) (N = (ln D)^1.5 or ln D ln ln D): (D/N) / (D/ln D), from ln(D/N) and ln(D/ln D), at least halves over ten "
                                    + "squarings of D, so M <= Theta(D/N) is o(D/log D)")
                            .generator("log10 D in [1, 300], N in {(ln D)^1.5, ln D ln ln D}", Combinators.combine(Arbitraries.doubles().between(1, 300),
                                    Arbitraries.of("(ln D)^1.5", "ln D ln ln D")).as(Regime::new))
                            .check(SecondRegime::vanishes).tries(40).build(),
                    Property.of("control-log-D-not-o-N", Regime.class)
                            .description("FAIL: N = 3 ln D (log D = Theta(N), not o(N)): the ratio stays 1/3, so D/N is not o(D/log D)")
                            .generator("log10 D in [1, 300], N = 3 ln D", Arbitraries.doubles().between(1, 300).map(l -> new Regime(l, "3 ln D")))
                            .check(SecondRegime::vanishes).expectRefuted().tries(5).build());
        }
    }
}
