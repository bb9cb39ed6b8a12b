package overparam.claims.boobLan;

import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpMath;

/**
 * The catalogue's G3 (boob-lan P002-04): the Smith-Volterra-Cantor set K in [0,1] (step n removes the open middle
 * interval of length 4^-n from each of the 2^(n-1) remaining intervals; |K| = 1/2) and the C^2 activation h that is 0
 * on K and the scaled bump (b-a)^3 psi((x-a)/(b-a)), psi(t) = exp(-1/(t(1-t))), on each gap (a,b); outside [0,1] it is
 * x^4, resp. (x-1)^4 (C^3 joins). Every interval meets a gap, so h satisfies C1, yet h(x)x^T = 0 on K^d.
 * Gap endpoints are dyadic with 2n+1 bits, so membership of a double in K_n is decided exactly for n <= 26.
 */
public final class FatCantor {
    /** Deepest level whose gap endpoints are exact doubles. */
    public static final int MAX_DEPTH = 26;
    private static final int POWER = 3;

    private FatCantor() {}

    /** |K_n| = 1/2 + 2^-(n+1), the measure left after n steps. */
    public static double measureAfter(int n) {
        return 0.5 + Math.scalb(1.0, -(n + 1));
    }

    /** The gap (a, b) of level <= depth that contains x, or null if x lies in K_depth (or outside [0,1]). */
    public static double[] gap(double x, int depth) {
        if (!(x >= 0 && x <= 1)) return null;
        double lo = 0, len = 1;
        for (int n = 1; n <= depth; n++) {
            double g = Math.scalb(1.0, -2 * n);
            double a = lo + (len - g) / 2, b = a + g;
            if (x > a && x < b) return new double[] {a, b, n};
            len = (len - g) / 2;
            if (x >= b) lo = b;
        }
        return null;
    }

    /** x in K_depth (exact for depth <= 26). */
    public static boolean inK(double x, int depth) {
        return x >= 0 && x <= 1 && gap(x, depth) == null;
    }

    static double psi(double t) {
        return Math.exp(-1 / (t * (1 - t)));
    }

    static double h(double x, int depth) {
        if (x < 0 || x > 1) {
            double y = x < 0 ? x : x - 1;
            return y * y * y * y;
        }
        double[] g = gap(x, depth);
        if (g == null) return 0;
        double w = g[1] - g[0];
        return Math.pow(w, POWER) * psi((x - g[0]) / w);
    }

    static double h1(double x, int depth) {
        if (x < 0 || x > 1) {
            double y = x < 0 ? x : x - 1;
            return 4 * y * y * y;
        }
        double[] g = gap(x, depth);
        if (g == null) return 0;
        double w = g[1] - g[0], t = (x - g[0]) / w, q = t * (1 - t);
        return Math.pow(w, POWER - 1) * psi(t) * (1 - 2 * t) / (q * q);
    }

    static double h2(double x, int depth) {
        if (x < 0 || x > 1) {
            double y = x < 0 ? x : x - 1;
            return 12 * y * y;
        }
        double[] g = gap(x, depth);
        if (g == null) return 0;
        double w = g[1] - g[0], t = (x - g[0]) / w, q = t * (1 - t), r = 1 - 2 * t;
        double q1 = r / (q * q), q2 = -2 / (q * q) - 2 * r * r / (q * q * q);
        return Math.pow(w, POWER - 2) * psi(t) * (q2 + q1 * q1);
    }

    static Dfp hp(Dfp x, int depth) {
        double xd = x.toDouble();
        if (xd < 0 || xd > 1) {
            Dfp y = xd < 0 ? x : x.subtract(1);
            return DfpMath.pow(y, 4);
        }
        double[] g = gap(xd, depth);
        if (g == null) return x.getZero();
        Dfp a = x.getField().newDfp(g[0]), w = x.getField().newDfp(g[1] - g[0]);
        Dfp t = x.subtract(a).divide(w);
        return DfpMath.pow(w, POWER).multiply(DfpMath.exp(x.getOne().divide(t.multiply(x.getOne().subtract(t))).negate()));
    }

    static Dfp hp1(Dfp x, int depth) {
        double xd = x.toDouble();
        if (xd < 0 || xd > 1) {
            Dfp y = xd < 0 ? x : x.subtract(1);
            return DfpMath.pow(y, 3).multiply(4);
        }
        double[] g = gap(xd, depth);
        if (g == null) return x.getZero();
        Dfp a = x.getField().newDfp(g[0]), w = x.getField().newDfp(g[1] - g[0]);
        Dfp t = x.subtract(a).divide(w), q = t.multiply(x.getOne().subtract(t));
        Dfp psi = DfpMath.exp(x.getOne().divide(q).negate());
        return DfpMath.pow(w, POWER - 1).multiply(psi).multiply(x.getOne().subtract(t.multiply(2))).divide(q.multiply(q));
    }

    /** h for K_depth: depth 26 is K itself at double resolution; a small depth is zero on whole intervals (violates C1). */
    public static PaperActivation activation(int depth) {
        if (depth < 0 || depth > MAX_DEPTH) throw new overparam.claims.BadInput("fat-cantor depth must be in [0, " + MAX_DEPTH + "], got " + depth);
        String name = depth == MAX_DEPTH ? "fat-cantor" : "fat-cantor-" + depth;
        return PaperActivation.builder(name, "0 on the Smith-Volterra-Cantor set K_" + depth + ", (b-a)^3 exp(-1/(t(1-t))) on its gaps")
                .fn(x -> h(x, depth), x -> h1(x, depth), x -> h2(x, depth))
                .hp(x -> hp(x, depth), x -> hp1(x, depth))
                .sups(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)
                .build();
    }
}
