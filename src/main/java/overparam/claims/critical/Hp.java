package overparam.claims.critical;

import org.hipparchus.dfp.Dfp;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * Dfp helpers of the critical claims beyond linalg/HighPrecision: elimination with partial pivoting by |a_ij| (the
 * field LU of Hipparchus pivots on the first non-zero entry, which loses digits on ill-conditioned matrices), the
 * inverse, sigma_min of a square matrix as 1/||A^-1||_2, and directional derivatives by high-precision central
 * differences.
 */
final class Hp {
    private Hp() {}

    /** Determinant by Gaussian elimination with partial pivoting. */
    static Dfp det(HighPrecision hp, Dfp[][] a0) {
        int n = a0.length;
        Dfp[][] a = copy(a0);
        Dfp det = hp.one();
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) if (a[i][k].abs().greaterThan(a[p][k].abs())) p = i;
            if (a[p][k].isZero()) return hp.zero();
            if (p != k) {
                Dfp[] t = a[p];
                a[p] = a[k];
                a[k] = t;
                det = det.negate();
            }
            det = det.multiply(a[k][k]);
            for (int i = k + 1; i < n; i++) {
                Dfp l = a[i][k].divide(a[k][k]);
                for (int j = k + 1; j < n; j++) a[i][j] = a[i][j].subtract(l.multiply(a[k][j]));
            }
        }
        return det;
    }

    /** Inverse by Gauss-Jordan elimination with partial pivoting; null if a pivot is exactly zero. */
    static Dfp[][] inverse(HighPrecision hp, Dfp[][] a0) {
        int n = a0.length;
        Dfp[][] a = new Dfp[n][2 * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < 2 * n; j++) a[i][j] = j < n ? a0[i][j] : (j - n == i ? hp.one() : hp.zero());
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) if (a[i][k].abs().greaterThan(a[p][k].abs())) p = i;
            if (a[p][k].isZero()) return null;
            Dfp[] t = a[p];
            a[p] = a[k];
            a[k] = t;
            Dfp piv = a[k][k];
            for (int j = k; j < 2 * n; j++) a[k][j] = a[k][j].divide(piv);
            for (int i = 0; i < n; i++) {
                if (i == k || a[i][k].isZero()) continue;
                Dfp l = a[i][k];
                for (int j = k; j < 2 * n; j++) a[i][j] = a[i][j].subtract(l.multiply(a[k][j]));
            }
        }
        Dfp[][] inv = new Dfp[n][n];
        for (int i = 0; i < n; i++) System.arraycopy(a[i], n, inv[i], 0, n);
        return inv;
    }

    /**
     * sigma_min of a square nonsingular matrix as 1 / sigma_max(A^-1): the inverse in Dfp, rounded to double (its
     * entries are representable), then a backward-stable double SVD, accurate to ~1e-15 relative. NaN if singular
     * or if the inverse overflows double.
     */
    static double sigmaMinSquare(HighPrecision hp, Dfp[][] a) {
        Dfp[][] inv = inverse(hp, a);
        if (inv == null) return 0.0;
        double[][] d = new double[inv.length][inv.length];
        for (int i = 0; i < d.length; i++)
            for (int j = 0; j < d.length; j++) {
                d[i][j] = Double.parseDouble(inv[i][j].toString()); // faster than Dfp.toDouble
                if (!Double.isFinite(d[i][j])) return Double.NaN;
            }
        return 1 / Linalg.spectralNorm(Linalg.of(d));
    }

    /** Central-difference derivatives at 0 of a vector function of gamma, with an a-posteriori error bound per component. */
    record Fd(double[] value, double[] error) {}

    /**
     * d/dgamma f(gamma) at 0 with steps h = 10^-(digits/3) and 2h: value D(h), error |D(h) - D(2h)| (Richardson: the O(h^2)
     * truncation of D(h) is a third of it) plus the rounding 10^4 10^-digits max|f| / h (a few digits lost inside exp).
     */
    static Fd derivatives(HighPrecision hp, Function<Dfp, Dfp[]> f) {
        Dfp h = hp.of("1e-" + hp.digits() / 3), h2 = h.multiply(2);
        Dfp[] p1 = f.apply(h), m1 = f.apply(h.negate()), p2 = f.apply(h2), m2 = f.apply(h2.negate());
        double[] v = new double[p1.length], err = new double[p1.length];
        double rounding = 1e4 * Math.pow(10, -hp.digits()) / Double.parseDouble(h.toString());
        for (int i = 0; i < v.length; i++) {
            Dfp d1 = p1[i].subtract(m1[i]).divide(h2), d2 = p2[i].subtract(m2[i]).divide(h2.multiply(2));
            v[i] = Double.parseDouble(d1.toString());
            double mag = Math.max(Math.abs(Double.parseDouble(p2[i].toString())), Math.abs(Double.parseDouble(m2[i].toString())));
            err[i] = Math.abs(Double.parseDouble(d1.subtract(d2).toString())) + rounding * (1 + mag);
        }
        return new Fd(v, err);
    }

    /** Scalar version of {@link #derivatives}. */
    static Fd derivative(HighPrecision hp, Function<Dfp, Dfp> f) {
        return derivatives(hp, g -> new Dfp[] {f.apply(g)});
    }

    static BigDecimal big(Dfp x) {
        return HighPrecision.toBigDecimal(x);
    }

    static Dfp[][] copy(Dfp[][] a) {
        Dfp[][] c = new Dfp[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    static Dfp max(Dfp a, Dfp b) {
        return a.greaterThan(b) ? a : b;
    }

    /** log10 |x| of a Dfp that may be far outside double range. */
    static double log10Abs(Dfp x) {
        if (x.isZero()) return Double.NEGATIVE_INFINITY;
        BigDecimal b = new BigDecimal(x.abs().toString());
        int exp = b.precision() - b.scale() - 1;
        return exp + Math.log10(b.movePointLeft(exp).doubleValue());
    }
}
