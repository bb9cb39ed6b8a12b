package overparam.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import overparam.claims.Evidence;
import overparam.claims.Property;
import overparam.claims.SearchSpace;
import overparam.report.Json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Shrinking on the JSON form of a counterexample, after jqwik's shrinking (which regenerates smaller instances from a
 * seed and so cannot keep the failing points): (1) structure — drop index i from every array of one length L at once
 * (a point: rows of X and entries of y; a dimension: a column of X and of W; a unit; a principal submatrix); (2)
 * numbers — move each movable coordinate to a simpler value (0, +-1, integers, small rationals, fewer digits). Every
 * candidate is projected by the property's search space and must meet the hypotheses and still violate the claim.
 */
public final class JsonShrinker {
    private JsonShrinker() {}

    private enum Mode {ALL, NESTED, FLAT}

    /** Fewer points, lower dimension, narrower network: the accepted states in order. */
    static <I> List<Candidates.Step<I>> structure(Property<I> p, Candidates<I> c, Candidates.Step<I> start, int maxEvaluations, long deadline) {
        List<Candidates.Step<I>> path = new ArrayList<>();
        SearchSpace<I> space = p.searchSpace();
        JsonNode tree = Json.tree(start.instance());
        int budget = c.evaluations + maxEvaluations;
        boolean progress = true;
        while (progress && c.evaluations < budget && System.currentTimeMillis() < deadline) {
            progress = false;
            TreeSet<Integer> lengths = new TreeSet<>(java.util.Comparator.reverseOrder());
            arrayLengths(tree, lengths);
            search:
            for (int len : lengths) {
                if (len < 2) continue;
                for (Mode mode : Mode.values())
                    for (int i = 0; i < len; i++) {
                        if (c.evaluations >= budget || System.currentTimeMillis() >= deadline) break search;
                        JsonNode cand = tree.deepCopy();
                        if (!delete(cand, len, i, mode)) break;
                        I inst = instance(p, space, cand);
                        Evidence e = c.violation(inst);
                        if (e != null) {
                            path.add(new Candidates.Step<>(inst, e));
                            tree = Json.tree(inst);
                            progress = true;
                            break search;
                        }
                    }
            }
        }
        return path;
    }

    /** Simpler numbers, coordinate by coordinate, while the total complexity drops: the accepted states in order. */
    static <I> List<Candidates.Step<I>> numbers(Property<I> p, Candidates<I> c, Candidates.Step<I> start, int maxEvaluations, long deadline) {
        List<Candidates.Step<I>> path = new ArrayList<>();
        SearchSpace<I> space = p.searchSpace();
        JsonNode tree = Json.tree(start.instance());
        int budget = c.evaluations + maxEvaluations;
        boolean progress = true;
        while (progress && c.evaluations < budget && System.currentTimeMillis() < deadline) {
            progress = false;
            List<JsonSearchSpace.Leaf> leaves = new ArrayList<>();
            JsonSearchSpace.collect(tree, "", leaves, space::movable);
            double current = complexity(tree, space);
            for (JsonSearchSpace.Leaf leaf : leaves) {
                double x = leaf.get(tree);
                if (x == 0) continue;
                // numbers equal up to sign move together (the two halves of a symmetric matrix, duplicated or antipodal
                // rows): moving one alone would break the structure the hypotheses demand
                List<JsonSearchSpace.Leaf> same = new ArrayList<>(), opposite = new ArrayList<>();
                for (JsonSearchSpace.Leaf o : leaves) {
                    double y = o.get(tree);
                    if (y == x) same.add(o);
                    else if (y == -x) opposite.add(o);
                }
                for (double v : simpler(x)) {
                    if (c.evaluations >= budget || System.currentTimeMillis() >= deadline) return path;
                    JsonNode cand = tree.deepCopy();
                    for (JsonSearchSpace.Leaf o : same) o.set(cand, v);
                    for (JsonSearchSpace.Leaf o : opposite) o.set(cand, -v);
                    I inst = instance(p, space, cand);
                    if (inst == null) continue;
                    JsonNode projected = Json.tree(inst);
                    double cx = complexity(projected, space);
                    if (cx >= current) continue;
                    Evidence e = c.violation(inst);
                    if (e == null) continue;
                    path.add(new Candidates.Step<>(inst, e));
                    tree = projected;
                    current = cx;
                    progress = true;
                    break;
                }
            }
        }
        return path;
    }

    private static <I> I instance(Property<I> p, SearchSpace<I> space, JsonNode tree) {
        try {
            I inst = Json.fromTree(tree, p.type());
            return space.project(inst);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Sum of {@link #cost} over the movable coordinates. */
    static double complexity(JsonNode tree, SearchSpace<?> space) {
        List<JsonSearchSpace.Leaf> leaves = new ArrayList<>();
        JsonSearchSpace.collect(tree, "", leaves, space::movable);
        double s = 0;
        for (JsonSearchSpace.Leaf l : leaves) s += cost(l.get(tree));
        return s;
    }

    /** How complicated a number is: 0 < +-1 < integers < small rationals < short decimals < long decimals. */
    static double cost(double x) {
        if (x == 0) return 0;
        double a = Math.abs(x);
        if (a == 1) return 1;
        if (!Double.isFinite(x)) return 100;
        if (a == Math.rint(a) && a < 1e15) return 2 + log2(a);
        for (int q : new int[] {2, 3, 4, 5, 8, 10, 16}) {
            double pq = a * q;
            if (Math.abs(pq - Math.rint(pq)) <= 4 * Math.ulp(pq) && pq < 1e15) return 4 + log2(q) + log2(1 + Math.rint(pq));
        }
        return 10 + digits(x);
    }

    static int digits(double x) {
        return new BigDecimal(Double.toString(x)).stripTrailingZeros().precision();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Simpler values to try in place of x, simplest first (only those strictly simpler than x). */
    static double[] simpler(double x) {
        double sign = x < 0 ? -1 : 1;
        TreeSet<Double> set = new TreeSet<>();
        set.add(0.0);
        set.add(sign);
        set.add(-sign);
        set.add((double) Math.round(x));
        for (int q : new int[] {2, 3, 4, 5, 8, 10, 16}) set.add(Math.round(x * q) / (double) q);
        int k = digits(x);
        for (int d = 1; d < k && d <= 16; d++) set.add(new BigDecimal(x).round(new java.math.MathContext(d)).doubleValue());
        double c = cost(x);
        return set.stream().filter(v -> v != x && cost(v) < c)
                .sorted(java.util.Comparator.comparingDouble(JsonShrinker::cost).thenComparingDouble(v -> Math.abs(v - x)))
                .mapToDouble(Double::doubleValue).toArray();
    }

    private static void arrayLengths(JsonNode n, TreeSet<Integer> out) {
        if (n.isArray()) {
            out.add(n.size());
            for (JsonNode c : n) arrayLengths(c, out);
        } else if (n.isObject()) {
            for (JsonNode c : n) arrayLengths(c, out);
        }
    }

    /** Removes index i from every array of length len that the mode selects; false if none was changed. */
    private static boolean delete(JsonNode n, int len, int i, Mode mode) {
        boolean changed = false;
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) changed |= delete(it.next().getValue(), len, i, mode);
        } else if (n.isArray()) {
            for (JsonNode c : n) changed |= delete(c, len, i, mode);
            if (n.size() == len && selected(n, mode)) {
                ((ArrayNode) n).remove(i);
                changed = true;
            }
        }
        return changed;
    }

    private static boolean selected(JsonNode array, Mode mode) {
        if (mode == Mode.ALL || array.isEmpty()) return true;
        boolean nested = array.get(0).isContainerNode();
        return mode == Mode.NESTED ? nested : !nested;
    }
}
