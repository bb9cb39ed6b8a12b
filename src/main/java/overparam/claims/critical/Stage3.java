package overparam.claims.critical;

import org.hipparchus.dfp.Dfp;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;

import java.util.Random;

/**
 * The fixed third stage NN_3 : R^{M'} -> R of the critical paper's machine, in one serialisable form:
 * NN_3(z) = outer( sum_h v_h act(u_h . z + b_h) + l . z + c ).
 * hidden is tanh, sigmoid or relu; outer is identity or sigmoid. M' = l.length. Evaluated in double and in Dfp.
 */
public record Stage3(String hidden, double[][] u, double[] b, double[] v, double[] l, double c, String outer) {

    public int mPrime() {
        return l.length;
    }

    public int width() {
        return v.length;
    }

    /** NN_3(z) = z (M' = 1): machines B and C. */
    public static Stage3 identity() {
        return linear(1.0);
    }

    /** NN_3(z) = q z (M' = 1): the tightness case of C-07. */
    public static Stage3 linear(double q) {
        return new Stage3("tanh", new double[0][1], new double[0], new double[0], new double[] {q}, 0, "identity");
    }

    /** v . tanh(U z + b) + c, U ~ N(0, 1/M'), b, v ~ N(0, 1), c ~ N(0, 1): smooth, saturating for large z. */
    public static Stage3 tanhNet(int mPrime, int h, Random rng) {
        double[][] u = new double[h][mPrime];
        double[] b = new double[h], v = new double[h];
        for (int k = 0; k < h; k++) {
            for (int j = 0; j < mPrime; j++) u[k][j] = rng.nextGaussian() / Math.sqrt(mPrime);
            b[k] = rng.nextGaussian();
            v[k] = rng.nextGaussian();
        }
        return new Stage3("tanh", u, b, v, new double[mPrime], rng.nextGaussian(), "identity");
    }

    /** a tanh(u . z + b) + s 1^T z: the linear term makes the range all of R ("Full Range"). */
    public static Stage3 fullRange(int mPrime, Random rng) {
        double[][] u = new double[1][mPrime];
        for (int j = 0; j < mPrime; j++) u[0][j] = rng.nextGaussian();
        double s = 0.1 + 0.9 * rng.nextDouble();
        double[] l = new double[mPrime];
        java.util.Arrays.fill(l, s);
        return new Stage3("tanh", u, new double[] {rng.nextGaussian()}, new double[] {rng.nextGaussian()}, l, 0, "identity");
    }

    /** sig(l . z + c): range (0, 1), slope |l| sig'(.) <= |l|/4. */
    public static Stage3 sigmoidOutput(double[] l, double c) {
        return new Stage3("tanh", new double[0][l.length], new double[0], new double[0], l.clone(), c, "sigmoid");
    }

    /** relu(a . z + b): zero slope on the half-space a . z + b < 0 (the "dead ReLU" of C-07 P7g). */
    public static Stage3 relu(double[] a, double b) {
        return new Stage3("relu", new double[][] {a.clone()}, new double[] {b}, new double[] {1}, new double[a.length], 0, "identity");
    }

    // ---- double ----

    static double act(String name, double t) {
        return switch (name) {
            case "tanh" -> Math.tanh(t);
            case "sigmoid" -> sig(t);
            case "relu" -> t > 0 ? t : 0;
            case "identity" -> t;
            default -> throw new IllegalArgumentException("unknown activation " + name);
        };
    }

    /** Derivatives computed without cancellation: tanh' = sech^2, sig' = sig(t) sig(-t). */
    static double actD1(String name, double t) {
        return switch (name) {
            case "tanh" -> {
                double ch = Math.cosh(t);
                yield 1 / (ch * ch);
            }
            case "sigmoid" -> sig(t) * sig(-t);
            case "relu" -> t > 0 ? 1 : 0;
            case "identity" -> 1;
            default -> throw new IllegalArgumentException("unknown activation " + name);
        };
    }

    static double sig(double t) {
        if (t >= 0) return 1 / (1 + Math.exp(-t));
        double e = Math.exp(t);
        return e / (1 + e);
    }

    /** The pre-activation of the outer function. */
    double inner(double[] z) {
        double s = c;
        for (int k = 0; k < v.length; k++) s += v[k] * act(hidden, dot(u[k], z) + b[k]);
        return s + dot(l, z);
    }

    public double value(double[] z) {
        return act(outer, inner(z));
    }

    public double[] gradient(double[] z) {
        double[] g = l.clone();
        for (int k = 0; k < v.length; k++) {
            double a = v[k] * actD1(hidden, dot(u[k], z) + b[k]);
            for (int j = 0; j < g.length; j++) g[j] += a * u[k][j];
        }
        double o = actD1(outer, inner(z));
        for (int j = 0; j < g.length; j++) g[j] *= o;
        return g;
    }

    /**
     * Rounding scale of NN_3(z): the magnitudes of its terms, including each unit's argument error (|u_k| |z| + |b_k|) eps
     * carried through act'. A sigmoid output damps the inner rounding by sig'(inner) <= 1/4 and is itself O(1).
     */
    public double magnitude(double[] z) {
        double s = innerMagnitude(z);
        return outer.equals("sigmoid") ? 1 + actD1("sigmoid", inner(z)) * s : s;
    }

    private double innerMagnitude(double[] z) {
        double s = Math.abs(c), zn = norm(z);
        for (int k = 0; k < v.length; k++) {
            double t = dot(u[k], z) + b[k];
            s += Math.abs(v[k]) * (Math.abs(act(hidden, t)) + actD1(hidden, t) * (norm(u[k]) * zn + Math.abs(b[k])));
        }
        for (int j = 0; j < l.length; j++) s += Math.abs(l[j] * z[j]);
        return s;
    }

    /**
     * Rounding scale of grad NN_3(z): the magnitudes of its terms (cancellation between l and the units' terms is where
     * |grad| loses relative accuracy), each act'(t_k) with its argument error (|d ln act'/dt| <= 2 for tanh and sigmoid),
     * and for a sigmoid output the argument error of sig' (|d ln sig'/ds| <= 1).
     */
    public double gradientMagnitude(double[] z) {
        double s = norm(l), zn = norm(z);
        for (int k = 0; k < v.length; k++) {
            double un = norm(u[k]);
            s += Math.abs(v[k]) * actD1(hidden, dot(u[k], z) + b[k]) * un * (1 + 2 * (un * zn + Math.abs(b[k])));
        }
        return outer.equals("sigmoid") ? actD1("sigmoid", inner(z)) * s * (1 + innerMagnitude(z)) : s;
    }

    /** sup_z |grad NN_3(z)|: a global bound used for GD step sizes. */
    public double gradientBound() {
        double s = norm(l);
        for (int k = 0; k < v.length; k++) s += Math.abs(v[k]) * norm(u[k]) * (hidden.equals("relu") ? 1 : hidden.equals("sigmoid") ? 0.25 : 1);
        return outer.equals("sigmoid") ? s / 4 : s;
    }

    /** sup_z ||Hessian NN_3(z)||_2, a global bound for GD step sizes (relu: not smooth, infinite). */
    public double hessianBound() {
        if (hidden.equals("relu") && v.length > 0) return Double.POSITIVE_INFINITY;
        double d2 = hidden.equals("sigmoid") ? 1 / (6 * Math.sqrt(3)) : 4 / (3 * Math.sqrt(3));
        double h = 0;
        for (int k = 0; k < v.length; k++) h += Math.abs(v[k]) * d2 * dot(u[k], u[k]);
        if (!outer.equals("sigmoid")) return h;
        // sig(s(z)): Hessian = sig'' grad s grad s^T + sig' Hess s
        double gs = norm(l);
        for (int k = 0; k < v.length; k++) gs += Math.abs(v[k]) * norm(u[k]);
        return gs * gs / (6 * Math.sqrt(3)) + h / 4;
    }

    static double dot(double[] a, double[] x) {
        double s = 0;
        for (int j = 0; j < a.length; j++) s += a[j] * x[j];
        return s;
    }

    /** Euclidean norm without underflow (saturated stages have gradients far below sqrt(MIN_NORMAL)). */
    static double norm(double[] a) {
        return Linalg.norm(a);
    }

    // ---- Dfp ----

    static Dfp act(HighPrecision hp, String name, Dfp t) {
        return switch (name) {
            case "tanh" -> {
                Dfp e = hp.exp(t.multiply(2));
                yield e.subtract(1).divide(e.add(1));
            }
            case "sigmoid" -> hp.one().divide(hp.one().add(hp.exp(t.negate())));
            case "relu" -> t.greaterThan(hp.zero()) ? t : hp.zero();
            case "identity" -> t;
            default -> throw new IllegalArgumentException("unknown activation " + name);
        };
    }

    static Dfp actD1(HighPrecision hp, String name, Dfp t) {
        return switch (name) {
            case "tanh" -> {
                Dfp e = hp.exp(t.multiply(2));
                Dfp den = e.add(1);
                yield e.multiply(4).divide(den.multiply(den));
            }
            case "sigmoid" -> { // e^-|t| / (1 + e^-|t|)^2: no cancellation in 1 - sig(t) for large |t|
                Dfp e = hp.exp(t.abs().negate()), den = e.add(1);
                yield e.divide(den.multiply(den));
            }
            case "relu" -> t.greaterThan(hp.zero()) ? hp.one() : hp.zero();
            case "identity" -> hp.one();
            default -> throw new IllegalArgumentException("unknown activation " + name);
        };
    }

    /**
     * NN_3(z) and, if {@code withGradient}, grad NN_3(z) in Dfp: {value, g_1, ..., g_M'}. One exponential per hidden unit
     * (and one for a sigmoid output) serves the value and the derivative.
     */
    public Dfp[] valueAndGradient(HighPrecision hp, Dfp[] z, boolean withGradient) {
        int mp = l.length;
        Dfp s = hp.of(c);
        Dfp[] g = withGradient ? hp.of(l) : null;
        for (int k = 0; k < v.length; k++) {
            Dfp t = dot(hp, hp.of(u[k]), z).add(hp.of(b[k]));
            Dfp a, d1;
            switch (hidden) {
                case "tanh" -> {
                    Dfp e = hp.exp(t.multiply(2)), den = e.add(1);
                    a = e.subtract(1).divide(den);
                    d1 = e.multiply(4).divide(den.multiply(den));
                }
                case "sigmoid" -> {
                    Dfp e = hp.exp(t.negate()), den = e.add(1);
                    a = hp.one().divide(den);
                    d1 = e.divide(den.multiply(den));
                }
                case "relu" -> {
                    boolean on = t.greaterThan(hp.zero());
                    a = on ? t : hp.zero();
                    d1 = on ? hp.one() : hp.zero();
                }
                default -> throw new IllegalArgumentException("unknown activation " + hidden);
            }
            Dfp vk = hp.of(v[k]);
            s = s.add(vk.multiply(a));
            if (withGradient) for (int j = 0; j < mp; j++) g[j] = g[j].add(vk.multiply(d1).multiply(hp.of(u[k][j])));
        }
        s = s.add(dot(hp, hp.of(l), z));
        Dfp value = s, o = hp.one();
        if (outer.equals("sigmoid")) {
            Dfp e = hp.exp(s.negate()), den = e.add(1);
            value = hp.one().divide(den);
            o = e.divide(den.multiply(den));
        }
        Dfp[] out = new Dfp[1 + (withGradient ? mp : 0)];
        out[0] = value;
        if (withGradient) for (int j = 0; j < mp; j++) out[1 + j] = g[j].multiply(o);
        return out;
    }

    public Dfp value(HighPrecision hp, Dfp[] z) {
        return valueAndGradient(hp, z, false)[0];
    }

    public Dfp[] gradient(HighPrecision hp, Dfp[] z) {
        Dfp[] vg = valueAndGradient(hp, z, true);
        return java.util.Arrays.copyOfRange(vg, 1, vg.length);
    }

    static Dfp dot(HighPrecision hp, Dfp[] a, Dfp[] x) {
        Dfp s = hp.zero();
        for (int j = 0; j < a.length; j++) s = s.add(a[j].multiply(x[j]));
        return s;
    }
}
