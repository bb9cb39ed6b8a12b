package overparam.data;


import overparam.claims.BadInput;

import java.util.*;
import java.util.function.BiFunction;

/**
 * Dataset generators as pure functions of (parameters, seed). Impossible parameters fail at once with a message that
 * names the parameter. The names and parameter ranges are documented in {@code generators/specs.json}.
 */
public final class Generators {
    private Generators() {}

    private static final Map<String, BiFunction<Params, Long, Dataset>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("sphere", (p, s) -> sphere(p.integer("n"), p.integer("d"), s));
        BY_NAME.put("orthonormal", (p, s) -> orthonormal(p.integer("n"), p.integer("d")));
        BY_NAME.put("half-circle", (p, s) -> halfCircle(p.integer("n"), p.integer("d")));
        BY_NAME.put("cluster", (p, s) -> cluster(p.integer("n"), p.integer("d"), p.real("eps"), s));
        BY_NAME.put("pair", (p, s) -> pair(p.real("theta"), p.integer("d")));
        BY_NAME.put("antipodal", (p, s) -> antipodal(p.integer("n"), p.integer("d"), s));
        BY_NAME.put("duplicates", (p, s) -> duplicates(p.integer("n"), p.integer("d"), s));
        BY_NAME.put("separated", (p, s) -> separated(p.integer("n"), p.integer("d"), p.real("delta"), s));
        BY_NAME.put("kr-deficient", (p, s) -> krDeficient(p.integer("n"), p.integer("d"), s));
        BY_NAME.put("vandermonde", (p, s) -> vandermonde(VandermondeKind.parse(p.string("kind")), p.integer("M"), p.integer("D")));
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    /** Generates by name; {@code params} values may be numbers or strings. */
    public static Dataset generate(String name, Map<String, ?> params, long seed) {
        BiFunction<Params, Long, Dataset> g = BY_NAME.get(name);
        if (g == null) throw new BadInput("unknown generator '" + name + "'; known: " + BY_NAME.keySet());
        return g.apply(new Params(name, params), seed);
    }

    /** Parameter access that names the generator and parameter in every error. */
    static final class Params {
        private final String generator;
        private final Map<String, ?> values;

        Params(String generator, Map<String, ?> values) {
            this.generator = generator;
            this.values = values;
        }

        Object raw(String key) {
            Object v = values.get(key);
            if (v == null) throw new BadInput("generator '" + generator + "' needs parameter '" + key + "'");
            return v;
        }

        int integer(String key) {
            Object v = raw(key);
            double x = v instanceof Number num ? num.doubleValue() : parse(key, v.toString());
            if (x != Math.rint(x)) throw new BadInput("generator '" + generator + "': parameter '" + key + "' must be an integer, got " + v);
            return (int) x;
        }

        double real(String key) {
            Object v = raw(key);
            return v instanceof Number num ? num.doubleValue() : parse(key, v.toString());
        }

        String string(String key) {
            return raw(key).toString();
        }

        private double parse(String key, String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new BadInput("generator '" + generator + "': parameter '" + key + "' is not a number: '" + s + "'");
            }
        }
    }

    // ---- argument checks ----

    static void requireAtLeast(String gen, String name, double value, double min) {
        if (Double.isNaN(value)) throw new BadInput(gen + ": parameter '" + name + "' is NaN");
        if (value < min) throw new BadInput(gen + ": parameter '" + name + "' must be >= " + fmt(min) + ", got " + fmt(value));
    }

    static void requireFinitePositive(String gen, String name, double value) {
        if (!Double.isFinite(value) || value <= 0)
            throw new BadInput(gen + ": parameter '" + name + "' must be positive and finite, got " + value);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static Map<String, Object> p(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    // ---- generators ----

    /** x = g / ||g||, g ~ N(0, I_d). */
    public static Dataset sphere(int n, int d, long seed) {
        requireAtLeast("sphere", "n", n, 1);
        requireAtLeast("sphere", "d", d, 1);
        Random rng = new Random(seed);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) x[i] = unitGaussian(rng, d);
        return new Dataset("sphere", p("n", n, "d", d), seed, x);
    }

    /** x_i = e_i (n <= d): X X^T = I, ||X|| = 1, sigma_min(X*X) = 1. */
    public static Dataset orthonormal(int n, int d) {
        requireAtLeast("orthonormal", "n", n, 1);
        requireAtLeast("orthonormal", "d", d, 1);
        if (n > d) throw new BadInput("orthonormal: parameter 'n' must be <= d = " + d + " (at most d orthonormal rows), got " + n);
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) x[i][i] = 1;
        return new Dataset("orthonormal", p("n", n, "d", d), 0, x);
    }

    /** x_j = (cos(j pi / n), sin(j pi / n), 0, ...), j = 0..n-1: separation 2 sin(pi / (2n)). */
    public static Dataset halfCircle(int n, int d) {
        requireAtLeast("half-circle", "n", n, 1);
        requireAtLeast("half-circle", "d", d, 2);
        double[][] x = new double[n][d];
        for (int j = 0; j < n; j++) {
            x[j][0] = Math.cos(j * Math.PI / n);
            x[j][1] = Math.sin(j * Math.PI / n);
        }
        return new Dataset("half-circle", p("n", n, "d", d), 0, x);
    }

    /** x_i = normalise(x_0 + eps g_i): nearly collinear points. */
    public static Dataset cluster(int n, int d, double eps, long seed) {
        requireAtLeast("cluster", "n", n, 1);
        requireAtLeast("cluster", "d", d, 1);
        requireFinitePositive("cluster", "eps", eps);
        Random rng = new Random(seed);
        double[] x0 = unitGaussian(rng, d);
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) x[i][j] = x0[j] + eps * rng.nextGaussian();
            normalise(x[i]);
        }
        return new Dataset("cluster", p("n", n, "d", d, "eps", eps), seed, x);
    }

    /** Two unit vectors at angle theta in the first two coordinates. */
    public static Dataset pair(double theta, int d) {
        requireAtLeast("pair", "d", d, 2);
        if (!(theta >= 0 && theta <= Math.PI)) throw new BadInput("pair: parameter 'theta' must be in [0, pi], got " + theta);
        double[][] x = new double[2][d];
        x[0][0] = 1;
        x[1][0] = Math.cos(theta);
        x[1][1] = Math.sin(theta);
        return new Dataset("pair", p("theta", theta, "d", d), 0, x);
    }

    /** Pairs {x, -x} of random unit vectors (n even; an odd n leaves the last point unpaired). */
    public static Dataset antipodal(int n, int d, long seed) {
        requireAtLeast("antipodal", "n", n, 2);
        requireAtLeast("antipodal", "d", d, 1);
        Random rng = new Random(seed);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i += 2) {
            x[i] = unitGaussian(rng, d);
            if (i + 1 < n) {
                x[i + 1] = x[i].clone();
                for (int j = 0; j < d; j++) x[i + 1][j] = -x[i + 1][j];
            }
        }
        return new Dataset("antipodal", p("n", n, "d", d), seed, x);
    }

    /** Random unit vectors with x_{n-1} = x_0: lambda(X) = lambda-tilde(X) = 0 for every activation. */
    public static Dataset duplicates(int n, int d, long seed) {
        requireAtLeast("duplicates", "n", n, 2);
        requireAtLeast("duplicates", "d", d, 1);
        Random rng = new Random(seed);
        double[][] x = new double[n][];
        for (int i = 0; i < n - 1; i++) x[i] = unitGaussian(rng, d);
        x[n - 1] = x[0].clone();
        return new Dataset("duplicates", p("n", n, "d", d), seed, x);
    }

    /** min over i != j of min(||x_i - x_j||, ||x_i + x_j||): the separation of oymak Assumption 1 (+inf for n = 1). */
    public static double separation(double[][] x) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.length; i++)
            for (int j = i + 1; j < x.length; j++) {
                double minus = 0, plus = 0;
                for (int k = 0; k < x[i].length; k++) {
                    minus += (x[i][k] - x[j][k]) * (x[i][k] - x[j][k]);
                    plus += (x[i][k] + x[j][k]) * (x[i][k] + x[j][k]);
                }
                best = Math.min(best, Math.sqrt(Math.min(minus, plus)));
            }
        return best;
    }

    /**
     * n unit vectors with separation >= delta, by rejection sampling. delta <= sqrt 2 is necessary for n >= 2
     * (||a - b||^2 + ||a + b||^2 = 4); in d = 1 at most one point fits; other infeasible requests fail after a bounded
     * number of attempts, naming delta.
     */
    public static Dataset separated(int n, int d, double delta, long seed) {
        requireAtLeast("separated", "n", n, 1);
        requireAtLeast("separated", "d", d, 1);
        if (Double.isNaN(delta) || delta < 0) throw new BadInput("separated: parameter 'delta' must be >= 0, got " + delta);
        if (n >= 2 && delta > Math.sqrt(2))
            throw new BadInput("separated: parameter 'delta' = " + delta + " exceeds sqrt(2), the largest separation two unit vectors allow");
        if (n >= 2 && d == 1 && delta > 0)
            throw new BadInput("separated: parameter 'delta' > 0 is impossible in d = 1 with n >= 2 (all points are +-1)");
        Random rng = new Random(seed);
        double[][] x = new double[n][];
        int attempts = 0, maxAttempts = 20000 * n;
        for (int i = 0; i < n; ) {
            if (++attempts > maxAttempts)
                throw new BadInput("separated: could not place n = " + n + " points in d = " + d + " with separation delta = " + delta
                        + " after " + maxAttempts + " attempts; lower parameter 'delta' or raise 'd'");
            double[] c = unitGaussian(rng, d);
            boolean ok = true;
            for (int j = 0; j < i && ok; j++) {
                double dot = 0;
                for (int k = 0; k < d; k++) dot += c[k] * x[j][k];
                ok = Math.sqrt(Math.max(0, 2 - 2 * Math.abs(dot))) >= delta;
            }
            if (ok) x[i++] = c;
        }
        return new Dataset("separated", p("n", n, "d", d, "delta", delta), seed, x);
    }

    /** n > d(d+1)/2 random unit vectors: rank(X*X) <= d(d+1)/2 < n, so sigma_min(X*X) = 0. */
    public static Dataset krDeficient(int n, int d, long seed) {
        requireAtLeast("kr-deficient", "d", d, 1);
        int cap = d * (d + 1) / 2;
        if (n <= cap)
            throw new BadInput("kr-deficient: parameter 'n' must exceed d(d+1)/2 = " + cap + " for d = " + d + ", got " + n);
        Dataset s = sphere(n, d, seed);
        return new Dataset("kr-deficient", p("n", n, "d", d), seed, s.x());
    }

    /** The Vandermonde-type feature families of critical C-09.f/g: entry (i, d) = f(d * i), i = 1..M, d = 1..D. */
    public enum VandermondeKind {
        SIGMOID("sig"), POWER("power"), SIN("sin"), EXP("exp"), RELU("relu"), STEP("step");

        public final String label;

        VandermondeKind(String label) {
            this.label = label;
        }

        public static VandermondeKind parse(String s) {
            for (VandermondeKind k : values()) if (k.label.equalsIgnoreCase(s) || k.name().equalsIgnoreCase(s)) return k;
            throw new BadInput("vandermonde: parameter 'kind' must be one of sig, power, sin, exp, relu, step; got '" + s + "'");
        }

        /** Entry at 1-based row i, column d. POWER is i^d, EXP is e^{d i}; the others apply f to the product d i. */
        public double entry(int i, int d) {
            double t = (double) d * i;
            return switch (this) {
                case SIGMOID -> 1 / (1 + Math.exp(-t));
                case POWER -> Math.pow(i, d);
                case SIN -> Math.sin(t);
                case EXP -> Math.exp(t);
                case RELU -> Math.max(0, t);
                case STEP -> t >= 0 ? 1 : 0;
            };
        }
    }

    public static Dataset vandermonde(VandermondeKind kind, int m, int dCount) {
        requireAtLeast("vandermonde", "M", m, 1);
        requireAtLeast("vandermonde", "D", dCount, 1);
        double[][] x = new double[m][dCount];
        for (int i = 1; i <= m; i++)
            for (int d = 1; d <= dCount; d++) {
                x[i - 1][d - 1] = kind.entry(i, d);
                if (!Double.isFinite(x[i - 1][d - 1]))
                    throw new BadInput("vandermonde: entry (" + i + "," + d + ") of kind " + kind.label + " overflows double; lower 'M' or 'D'");
            }
        return new Dataset("vandermonde", p("kind", kind.label, "M", m, "D", dCount), 0, x);
    }

    // ---- helpers ----

    public static double[] unitGaussian(Random rng, int d) {
        double[] v = new double[d];
        double norm;
        do {
            for (int j = 0; j < d; j++) v[j] = rng.nextGaussian();
            norm = normalise(v);
        } while (norm == 0);
        return v;
    }

    static double normalise(double[] v) {
        double s = 0;
        for (double e : v) s += e * e;
        double norm = Math.sqrt(s);
        if (norm > 0) for (int j = 0; j < v.length; j++) v[j] /= norm;
        return norm;
    }

    /** Gaussian labels y_i ~ N(0,1), as in the experiments of oymak section 4. */
    public static double[] gaussianLabels(int n, long seed) {
        Random rng = new Random(seed ^ 0x9E3779B97F4A7C15L);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = rng.nextGaussian();
        return y;
    }

}
