package overparam.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ejml.data.DMatrixRMaj;
import overparam.claims.SearchSpace;
import overparam.linalg.Linalg;
import overparam.report.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The default search space: the floating-point numbers of an instance's JSON form (integers are sizes and seeds, and
 * stay), kept 0 or within [1e-40, 1e40]. Fields are named by dot paths without indices ("data.x"); a single name ("x") matches that field wherever it
 * occurs. Fields named "params" are generator metadata and never move. Projections run on every candidate, in order:
 * JSON ones (unit rows, symmetric, PSD) on 2-D array fields, then the typed one.
 */
public final class JsonSearchSpace<I> implements SearchSpace<I> {
    private enum Kind {UNIT_ROWS, SYMMETRIC, PSD}

    private record Projection(Kind kind, String field) {}

    private final List<String> frozen;
    private final List<Projection> projections;
    private final UnaryOperator<I> typed;

    private JsonSearchSpace(List<String> frozen, List<Projection> projections, UnaryOperator<I> typed) {
        this.frozen = List.copyOf(frozen);
        this.projections = List.copyOf(projections);
        this.typed = typed;
    }

    /**
     * Coordinates stay 0 or within [1e-40, 1e40] (or the instance's own range, if wider): products of a few of them stay
     * far from underflow and overflow, which the claims' tolerances (rounding only) do not model.
     */
    static final double TINY = 1e-40, HUGE = 1e40;

    public static <I> JsonSearchSpace<I> all() {
        return new JsonSearchSpace<>(List.of("params"), List.of(), null);
    }

    /** These fields never move (e.g. labels a claim does not quantify over, constants of the statement). */
    public JsonSearchSpace<I> except(String... fields) {
        List<String> f = new ArrayList<>(frozen);
        f.addAll(List.of(fields));
        return new JsonSearchSpace<>(f, projections, typed);
    }

    /** Rows of these 2-D fields are re-normalised to unit length (for claims on unit-norm data). */
    public JsonSearchSpace<I> unitRows(String... fields) {
        return with(Kind.UNIT_ROWS, fields);
    }

    /** These square fields are replaced by (A + A^T)/2. */
    public JsonSearchSpace<I> symmetric(String... fields) {
        return with(Kind.SYMMETRIC, fields);
    }

    /** These square fields are projected onto the PSD cone (symmetrised, negative eigenvalues set to 0). */
    public JsonSearchSpace<I> psd(String... fields) {
        return with(Kind.PSD, fields);
    }

    /** A typed projection applied after the JSON ones (e.g. recompute a derived field). */
    public JsonSearchSpace<I> project(UnaryOperator<I> projection) {
        UnaryOperator<I> before = typed;
        UnaryOperator<I> p = before == null ? projection : i -> projection.apply(before.apply(i));
        return new JsonSearchSpace<>(frozen, projections, p);
    }

    private JsonSearchSpace<I> with(Kind kind, String... fields) {
        List<Projection> p = new ArrayList<>(projections);
        for (String f : fields) p.add(new Projection(kind, f));
        return new JsonSearchSpace<>(frozen, p, typed);
    }

    @Override
    public boolean searchable() {
        return true;
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("JSON floating-point coordinates");
        if (!frozen.isEmpty()) sb.append(", fixed ").append(frozen);
        for (Projection p : projections) sb.append(", ").append(p.kind().name().toLowerCase().replace('_', ' ')).append(' ').append(p.field());
        if (typed != null) sb.append(", typed projection");
        return sb.toString();
    }

    @Override
    public boolean movable(String field) {
        return !matchesAny(frozen, field);
    }

    @Override
    public I project(I instance) {
        @SuppressWarnings("unchecked") Class<I> type = (Class<I>) instance.getClass();
        JsonNode tree = Json.tree(instance);
        return fromTree(tree, type);
    }

    /** The instance of a (modified) JSON tree, projected; null when it is not a valid instance. */
    I fromTree(JsonNode tree, Class<I> type) {
        try {
            if (!projections.isEmpty()) applyProjections(tree, "");
            I out = Json.fromTree(tree, type);
            return typed == null ? out : typed.apply(out);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public Chart<I> chart(I instance) {
        @SuppressWarnings("unchecked") Class<I> type = (Class<I>) instance.getClass();
        JsonNode template = Json.tree(instance);
        List<Leaf> leaves = new ArrayList<>();
        collect(template, "", leaves, this::movable);
        double[] x0 = new double[leaves.size()];
        for (int i = 0; i < x0.length; i++) x0[i] = leaves.get(i).get(template);
        double[] scales = defaultScales(x0);
        double lo = TINY, hi = HUGE;
        for (double v : x0) {
            if (v != 0) lo = Math.min(lo, Math.abs(v));
            hi = Math.max(hi, Math.abs(v));
        }
        double tiny = lo, huge = hi;
        return new Chart<>() {
            public double[] point() {
                return x0.clone();
            }

            public double[] scales() {
                return scales.clone();
            }

            public I instance(double[] x) {
                for (double v : x) if (!Double.isFinite(v) || v != 0 && (Math.abs(v) < tiny || Math.abs(v) > huge)) return null;
                JsonNode t = template.deepCopy();
                for (int i = 0; i < x.length; i++) leaves.get(i).set(t, x[i]);
                return fromTree(t, type);
            }
        };
    }

    /** max(|x_i|, rms(x)/10), or 1 for an all-zero point: steps relative to each number's size. */
    public static double[] defaultScales(double[] x) {
        double ss = 0;
        for (double v : x) ss += v * v;
        double floor = x.length == 0 ? 1 : Math.sqrt(ss / x.length) / 10;
        if (!(floor > 0) || !Double.isFinite(floor)) floor = 1;
        double[] s = new double[x.length];
        for (int i = 0; i < x.length; i++) s[i] = Math.max(Math.abs(x[i]), floor);
        return s;
    }

    /** A floating-point leaf: its container, key or index, and the field path of its enclosing field. */
    record Leaf(List<Object> steps, String field) {
        boolean insideArray() {
            return steps.stream().anyMatch(st -> st instanceof Integer);
        }

        double get(JsonNode root) {
            return node(root, steps).asDouble();
        }

        void set(JsonNode root, double v) {
            JsonNode parent = node(root, steps.subList(0, steps.size() - 1));
            Object last = steps.get(steps.size() - 1);
            if (last instanceof Integer i) ((ArrayNode) parent).set(i, DoubleNode.valueOf(v));
            else ((ObjectNode) parent).set((String) last, DoubleNode.valueOf(v));
        }

        private static JsonNode node(JsonNode root, List<Object> steps) {
            JsonNode n = root;
            for (Object s : steps) n = s instanceof Integer i ? n.get(i) : n.get((String) s);
            return n;
        }
    }

    /** Floating-point leaves of the tree in document order, keeping those whose field passes {@code keep}. */
    /**
     * The movable leaves. When the instance holds arrays of numbers (data, weights), only their entries are
     * coordinates: scalar fields beside them are parameters that size the computation (step sizes, radii, counts),
     * and moving them toward 0 can make a check run away. An instance of scalars only is a point: all of it moves.
     */
    static void collect(JsonNode root, String field, List<Leaf> out, java.util.function.Predicate<String> keep) {
        List<Leaf> all = new ArrayList<>();
        collect(root, new ArrayList<>(), field, all, keep);
        boolean arrays = all.stream().anyMatch(Leaf::insideArray);
        for (Leaf l : all) if (!arrays || l.insideArray()) out.add(l);
    }

    private static void collect(JsonNode n, List<Object> steps, String field, List<Leaf> out, java.util.function.Predicate<String> keep) {
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                steps.add(e.getKey());
                collect(e.getValue(), steps, field.isEmpty() ? e.getKey() : field + "." + e.getKey(), out, keep);
                steps.remove(steps.size() - 1);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                steps.add(i);
                collect(n.get(i), steps, field, out, keep);
                steps.remove(steps.size() - 1);
            }
        } else if (n.isFloatingPointNumber() && keep.test(field)) {
            out.add(new Leaf(List.copyOf(steps), field));
        }
    }

    static boolean matchesAny(List<String> names, String field) {
        for (String f : names) if (matches(f, field)) return true;
        return false;
    }

    /** "x" matches any field named x (and what lies under it); "data.x" matches that path and below. */
    static boolean matches(String name, String field) {
        if (field.equals(name) || field.startsWith(name + ".")) return true;
        if (name.contains(".")) return false;
        for (String seg : field.split("\\.")) if (seg.equals(name)) return true;
        return false;
    }

    private void applyProjections(JsonNode n, String field) {
        if (!n.isObject()) return;
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        List<String> keys = new ArrayList<>();
        while (it.hasNext()) keys.add(it.next().getKey());
        for (String k : keys) {
            String path = field.isEmpty() ? k : field + "." + k;
            JsonNode child = n.get(k);
            for (Projection p : projections) {
                if (!exact(p.field(), path) || !child.isArray()) continue;
                double[][] a = Json.fromTree(child, double[][].class);
                ((ObjectNode) n).set(k, Json.tree(apply(p.kind(), a)));
                child = n.get(k);
            }
            applyProjections(child, path);
        }
    }

    private static boolean exact(String name, String path) {
        if (name.contains(".")) return path.equals(name);
        return path.equals(name) || path.endsWith("." + name);
    }

    static double[][] apply(Kind kind, double[][] a) {
        switch (kind) {
            case UNIT_ROWS -> {
                double[][] out = new double[a.length][];
                for (int i = 0; i < a.length; i++) {
                    double norm = Linalg.norm(a[i]);
                    out[i] = a[i].clone();
                    if (norm > 0) for (int j = 0; j < out[i].length; j++) out[i][j] = a[i][j] / norm;
                }
                return out;
            }
            case SYMMETRIC -> {
                return Linalg.toArray(Linalg.symmetrize(new DMatrixRMaj(a)));
            }
            case PSD -> {
                Linalg.EigenPairs e = Linalg.symmetricEigen(new DMatrixRMaj(a));
                int n = a.length;
                DMatrixRMaj out = new DMatrixRMaj(n, n);
                for (int k = 0; k < n; k++) {
                    double lam = e.values()[k];
                    if (lam <= 0) continue;
                    double[] v = e.vector(k);
                    for (int i = 0; i < n; i++)
                        for (int j = 0; j < n; j++) out.add(i, j, lam * v[i] * v[j]);
                }
                return Linalg.toArray(Linalg.symmetrize(out));
            }
            default -> throw new IllegalStateException();
        }
    }
}
