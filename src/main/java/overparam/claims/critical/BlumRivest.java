package overparam.claims.critical;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.linear.*;
import org.hipparchus.optim.nonlinear.scalar.GoalType;

import java.util.*;

/**
 * The Blum-Rivest construction behind Lemma 3 (section 2.6) as data: Boolean training sets in {0,1}^N, the corner gadget
 * (a corner labelled 0, its N neighbours labelled 1), the set-splitting core of the 3-node network (origin 1, e_i 0,
 * indicator of each subset 1), their union with M - 2 gadgets, and an exact decision of "some network of M threshold
 * units and an AND output fits the data" (negatives partitioned into M groups, each linearly separable from all
 * positives; separability by linear programming, Hipparchus SimplexSolver).
 */
final class BlumRivest {
    private BlumRivest() {}

    /** A set-splitting instance: elements 0..n-1, subsets (each of size >= 2). */
    public record SetSplitting(int n, int[][] subsets) {
        boolean splittable() {
            for (int colour = 0; colour < (1 << n); colour++) {
                boolean ok = true;
                for (int[] c : subsets) {
                    int ones = 0;
                    for (int e : c) ones += (colour >> e) & 1;
                    if (ones == 0 || ones == c.length) {
                        ok = false;
                        break;
                    }
                }
                if (ok) return true;
            }
            return false;
        }
    }

    /** Labelled points of {0,1}^N; a point listed twice with two labels is a conflict. */
    public record Data(int n, List<int[]> points, List<Integer> labels) {
        public Data {
            points = List.copyOf(points);
            labels = List.copyOf(labels);
        }

        int size() {
            return points.size();
        }

        /** Number of distinct points that carry both labels. */
        int conflicts() {
            Map<String, Integer> seen = new HashMap<>();
            Set<String> bad = new HashSet<>();
            for (int i = 0; i < points.size(); i++) {
                String k = Arrays.toString(points.get(i));
                Integer prev = seen.putIfAbsent(k, labels.get(i));
                if (prev != null && !prev.equals(labels.get(i))) bad.add(k);
            }
            return bad.size();
        }

        int distinct() {
            Set<String> s = new HashSet<>();
            for (int[] p : points) s.add(Arrays.toString(p));
            return s.size();
        }
    }

    static int[] unit(int n, int i) {
        int[] e = new int[n];
        e[i] = 1;
        return e;
    }

    /** The 3-node core: origin (1), e_i (0) for every element, the indicator of every subset (1). D_core = 1 + n + k. */
    static Data core(SetSplitting s) {
        List<int[]> pts = new ArrayList<>();
        List<Integer> lab = new ArrayList<>();
        pts.add(new int[s.n()]);
        lab.add(1);
        for (int i = 0; i < s.n(); i++) {
            pts.add(unit(s.n(), i));
            lab.add(0);
        }
        for (int[] c : s.subsets()) {
            int[] x = new int[s.n()];
            for (int e : c) x[e] = 1;
            pts.add(x);
            lab.add(1);
        }
        return new Data(s.n(), pts, lab);
    }

    /** The gadget at corner c: c labelled 0, its N Hamming neighbours labelled 1. */
    static void addGadget(int[] c, List<int[]> pts, List<Integer> lab) {
        pts.add(c.clone());
        lab.add(0);
        for (int k = 0; k < c.length; k++) {
            int[] x = c.clone();
            x[k] ^= 1;
            pts.add(x);
            lab.add(1);
        }
    }

    /** Greedy codewords of {0,1}^t with weight >= 2 and pairwise distance >= 3 (lexicographic order). */
    static List<int[]> extraCodewords(int t, int count) {
        List<int[]> words = new ArrayList<>();
        for (int v = 0; v < (1 << t) && words.size() < count; v++) {
            if (Integer.bitCount(v) < 2) continue;
            boolean far = true;
            for (int[] w : words) if (Integer.bitCount(v ^ code(w)) < 3) far = false;
            if (far) words.add(bitsOf(v, t));
        }
        return words;
    }

    static int code(int[] x) {
        int c = 0;
        for (int k = 0; k < x.length; k++) c |= x[k] << k;
        return c;
    }

    static int[] bitsOf(int v, int t) {
        int[] b = new int[t];
        for (int k = 0; k < t; k++) b[k] = (v >> k) & 1;
        return b;
    }

    /** Smallest t with enough extra codewords for g gadgets. */
    static int extraDimensions(int g) {
        if (g == 0) return 0;
        int t = 2;
        while (extraCodewords(t, g).size() < g) t++;
        return t;
    }

    /**
     * Sound union: N = n + t inputs; core points (x, 0^t); gadget corners (0^n, b_g) with |b_g| >= 2 and pairwise distance >= 3.
     * Every gadget point has a nonzero extra part, so it never meets a core point.
     */
    static Data soundUnion(SetSplitting s, int gadgets) {
        int t = extraDimensions(gadgets), n = s.n();
        Data c = core(s);
        List<int[]> pts = new ArrayList<>();
        List<Integer> lab = new ArrayList<>(c.labels());
        for (int[] p : c.points()) pts.add(Arrays.copyOf(p, n + t));
        for (int[] b : extraCodewords(t, gadgets)) {
            int[] corner = new int[n + t];
            System.arraycopy(b, 0, corner, n, t);
            addGadget(corner, pts, lab);
        }
        return new Data(n + t, pts, lab);
    }

    /** Naive union: gadget corners inside the core's own cube {0,1}^n, greedy in a seeded random order, pairwise distance >= 3. */
    static Data naiveUnion(SetSplitting s, int gadgets, long seed) {
        int n = s.n();
        List<Integer> order = new ArrayList<>();
        for (int v = 0; v < (1 << n); v++) order.add(v);
        Collections.shuffle(order, new Random(seed));
        List<Integer> corners = new ArrayList<>();
        for (int v : order) {
            if (corners.size() == gadgets) break;
            boolean far = true;
            for (int c : corners) if (Integer.bitCount(v ^ c) < 3) far = false;
            if (far) corners.add(v);
        }
        Data c = core(s);
        List<int[]> pts = new ArrayList<>(c.points());
        List<Integer> lab = new ArrayList<>(c.labels());
        for (int v : corners) addGadget(bitsOf(v, n), pts, lab);
        return new Data(n, pts, lab);
    }

    // ------------------------------------------------------------------------------------------------ consistency

    /** Linear separability of "positives -> 1, group -> 0" by a threshold unit [a.x >= theta]; the LP solution is checked. */
    static boolean separable(List<int[]> pos, List<int[]> group, int n) {
        if (group.isEmpty()) return true;
        List<LinearConstraint> cons = new ArrayList<>();
        for (int[] p : pos) cons.add(new LinearConstraint(row(p, n), Relationship.GEQ, 0));
        for (int[] q : group) cons.add(new LinearConstraint(row(q, n), Relationship.LEQ, -1));
        double[] sol;
        try {
            sol = new SimplexSolver().optimize(new LinearObjectiveFunction(new double[n + 1], 0), new LinearConstraintSet(cons), GoalType.MINIMIZE,
                    new NonNegativeConstraint(false), new MaxIter(10_000)).getPoint();
        } catch (MathIllegalStateException e) {
            if (e.getSpecifier() == org.hipparchus.optim.LocalizedOptimFormats.NO_FEASIBLE_SOLUTION) return false;
            throw e;
        }
        for (int[] p : pos) if (dot(sol, p, n) < -1e-7) throw new IllegalStateException("LP solution violates a positive constraint");
        for (int[] q : group) if (dot(sol, q, n) > -1 + 1e-7) throw new IllegalStateException("LP solution violates a negative constraint");
        return true;
    }

    static double[] row(int[] x, int n) {
        double[] r = new double[n + 1];
        for (int k = 0; k < n; k++) r[k] = x[k];
        r[n] = -1; // - theta
        return r;
    }

    static double dot(double[] sol, int[] x, int n) {
        double s = -sol[n];
        for (int k = 0; k < n; k++) s += sol[k] * x[k];
        return s;
    }

    /** Some AND of at most m threshold units fits the data exactly (false on conflicting labels). */
    static boolean consistent(Data data, int m) {
        if (data.conflicts() > 0) return false;
        List<int[]> pos = new ArrayList<>(), neg = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < data.size(); i++) {
            if (!seen.add(Arrays.toString(data.points().get(i)))) continue;
            (data.labels().get(i) == 1 ? pos : neg).add(data.points().get(i));
        }
        if (neg.size() > 62) throw new IllegalArgumentException("too many negatives for the exact search");
        Map<Long, Boolean> memo = new HashMap<>();
        return assign(0, new long[m], 0, neg, pos, data.n(), memo);
    }

    private static boolean assign(int i, long[] groups, int used, List<int[]> neg, List<int[]> pos, int n, Map<Long, Boolean> memo) {
        if (i == neg.size()) return true;
        for (int g = 0; g < Math.min(groups.length, used + 1); g++) {
            long mask = groups[g] | (1L << i);
            if (!memo.computeIfAbsent(mask, mk -> separable(pos, members(mk, neg), n))) continue;
            long before = groups[g];
            groups[g] = mask;
            if (assign(i + 1, groups, Math.max(used, g + 1), neg, pos, n, memo)) return true;
            groups[g] = before;
        }
        return false;
    }

    private static List<int[]> members(long mask, List<int[]> neg) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < neg.size(); i++) if ((mask >> i & 1) == 1) out.add(neg.get(i));
        return out;
    }

    // ------------------------------------------------------------------------------------------------ threshold functions

    /**
     * Every threshold function [a.x >= theta] on {0,1}^N as a bitmask over the 2^N points, from integer weights |a_k| <= 4 and
     * half-integer thresholds (enough for N <= 4: the counts are the known 2, 4, 14, 104, 1882 of OEIS A000609).
     */
    static Set<Long> thresholdFunctions(int n) {
        Set<Long> out = new HashSet<>();
        int w = 4, base = 2 * w + 1;
        int combos = (int) Math.pow(base, n);
        for (int c = 0; c < combos; c++) {
            int[] a = new int[n];
            int rest = c, sumAbs = 0;
            for (int k = 0; k < n; k++) {
                a[k] = rest % base - w;
                rest /= base;
                sumAbs += Math.abs(a[k]);
            }
            for (int t2 = -2 * sumAbs - 1; t2 <= 2 * sumAbs + 1; t2 += 2) { // theta = t2 / 2
                long mask = 0;
                for (int x = 0; x < (1 << n); x++) {
                    int s = 0;
                    for (int k = 0; k < n; k++) s += a[k] * ((x >> k) & 1);
                    if (2 * s >= t2) mask |= 1L << x;
                }
                out.add(mask);
            }
        }
        return out;
    }
}
