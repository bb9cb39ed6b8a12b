package overparam.linalg;

import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;
import org.hipparchus.linear.Array2DRowFieldMatrix;
import org.hipparchus.linear.FieldLUDecomposition;
import org.hipparchus.linear.FieldMatrix;

import java.math.BigDecimal;

/**
 * High-precision re-evaluation of matrix quantities with Hipparchus {@link Dfp} (default 60 decimal digits),
 * used to certify the sign of a margin. Doubles convert exactly (through BigDecimal) before rounding to the field.
 * Eigenvalues come from bisection on the inertia of S - cI (Sylvester's law), so they are as precise as the field.
 */
public final class HighPrecision {
    public static final int DEFAULT_DIGITS = 60;

    private final DfpField field;

    public HighPrecision() {
        this(DEFAULT_DIGITS);
    }

    public HighPrecision(int digits) {
        if (digits < 20) throw new IllegalArgumentException("high precision needs at least 20 digits, got " + digits);
        this.field = new DfpField(digits);
    }

    public DfpField field() {
        return field;
    }

    public int digits() {
        return field.getRadixDigits() * 4;
    }

    public Dfp of(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) throw new IllegalArgumentException("cannot certify a non-finite value: " + x);
        return field.newDfp(new BigDecimal(x).toString());
    }

    public Dfp of(long x) {
        return field.newDfp(x);
    }

    public Dfp of(String decimal) {
        return field.newDfp(decimal);
    }

    public Dfp zero() {
        return field.getZero();
    }

    public Dfp one() {
        return field.getOne();
    }

    public Dfp pi() {
        return field.getPi();
    }

    public Dfp sqrt(Dfp x) {
        return x.sqrt();
    }

    public Dfp exp(Dfp x) {
        return DfpMath.exp(x);
    }

    public Dfp log(Dfp x) {
        return DfpMath.log(x);
    }

    public Dfp acos(Dfp x) {
        return DfpMath.acos(x);
    }

    public Dfp asin(Dfp x) {
        return DfpMath.asin(x);
    }

    public Dfp atan(Dfp x) {
        return DfpMath.atan(x);
    }

    public Dfp sin(Dfp x) {
        return DfpMath.sin(x);
    }

    public Dfp cos(Dfp x) {
        return DfpMath.cos(x);
    }

    public Dfp pow(Dfp x, int n) {
        return DfpMath.pow(x, n);
    }

    public static BigDecimal toBigDecimal(Dfp x) {
        if (x.isNaN() || x.isInfinite()) throw new ArithmeticException("non-finite high-precision value: " + x);
        return new BigDecimal(x.toString());
    }

    public Dfp[][] of(DMatrixRMaj a) {
        Dfp[][] out = new Dfp[a.numRows][a.numCols];
        for (int i = 0; i < a.numRows; i++)
            for (int j = 0; j < a.numCols; j++) out[i][j] = of(a.get(i, j));
        return out;
    }

    public Dfp[][] of(double[][] a) {
        Dfp[][] out = new Dfp[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new Dfp[a[i].length];
            for (int j = 0; j < a[i].length; j++) out[i][j] = of(a[i][j]);
        }
        return out;
    }

    public Dfp[] of(double[] v) {
        Dfp[] out = new Dfp[v.length];
        for (int i = 0; i < v.length; i++) out[i] = of(v[i]);
        return out;
    }

    public Dfp[][] mult(Dfp[][] a, Dfp[][] b) {
        return matrix(a).multiply(matrix(b)).getData();
    }

    public Dfp[][] transpose(Dfp[][] a) {
        return matrix(a).transpose().getData();
    }

    /** A A^T. */
    public Dfp[][] gram(Dfp[][] a) {
        FieldMatrix<Dfp> m = matrix(a);
        return m.multiply(m.transpose()).getData();
    }

    public Dfp[][] hadamard(Dfp[][] a, Dfp[][] b) {
        Dfp[][] out = new Dfp[a.length][];
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != b[i].length) throw new IllegalArgumentException("Hadamard: shapes differ");
            out[i] = new Dfp[a[i].length];
            for (int j = 0; j < a[i].length; j++) out[i][j] = a[i][j].multiply(b[i][j]);
        }
        return out;
    }

    public Dfp[][] plus(Dfp[][] a, Dfp[][] b) {
        return matrix(a).add(matrix(b)).getData();
    }

    public Dfp[][] minus(Dfp[][] a, Dfp[][] b) {
        return matrix(a).subtract(matrix(b)).getData();
    }

    public Dfp[][] scale(Dfp s, Dfp[][] a) {
        return matrix(a).scalarMultiply(s).getData();
    }

    public Dfp[] multVec(Dfp[][] a, Dfp[] v) {
        return matrix(a).operate(v);
    }

    public Dfp dot(Dfp[] a, Dfp[] b) {
        Dfp s = zero();
        for (int i = 0; i < a.length; i++) s = s.add(a[i].multiply(b[i]));
        return s;
    }

    /** v^T S v / v^T v: a certified upper bound on lambda_min(S) for any v. */
    public Dfp rayleigh(Dfp[][] s, double[] v) {
        Dfp[] x = of(v);
        return dot(x, multVec(s, x)).divide(dot(x, x));
    }

    public Dfp determinant(Dfp[][] a) {
        return new FieldLUDecomposition<>(matrix(a)).getDeterminant();
    }

    /**
     * Number of eigenvalues of the symmetric S strictly below c, from the pivots of an LDL^T factorisation of S - cI
     * (Sylvester's law of inertia). Returns -1 if a pivot is exactly zero (c is an eigenvalue or needs pivoting).
     */
    public int countEigenvaluesBelow(Dfp[][] s, Dfp c) {
        int n = s.length;
        Dfp[][] a = new Dfp[n][n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) a[i][j] = i == j ? s[i][j].subtract(c) : s[i][j];
        int negatives = 0;
        for (int k = 0; k < n; k++) {
            Dfp pivot = a[k][k];
            if (pivot.isZero()) return -1;
            if (pivot.negativeOrNull()) negatives++;
            for (int i = k + 1; i < n; i++) {
                Dfp l = a[i][k].divide(pivot);
                for (int j = k + 1; j < n; j++) a[i][j] = a[i][j].subtract(l.multiply(a[k][j]));
            }
        }
        return negatives;
    }

    /**
     * lambda_min of a symmetric matrix by inertia bisection, to about {@code digits - 10} significant digits relative to
     * ||S||. The bracket starts from Gershgorin bounds.
     */
    public Dfp lambdaMin(Dfp[][] s) {
        return eigenvalue(s, 0);
    }

    public Dfp lambdaMax(Dfp[][] s) {
        return eigenvalue(s, s.length - 1);
    }

    /** The k-th smallest eigenvalue (k = 0 is lambda_min) of a symmetric matrix, by inertia bisection. */
    public Dfp eigenvalue(Dfp[][] s, int k) {
        int n = s.length;
        Dfp radius = zero();
        for (int i = 0; i < n; i++) {
            Dfp r = zero();
            for (int j = 0; j < n; j++) r = r.add(s[i][j].abs());
            if (r.greaterThan(radius)) radius = r;
        }
        Dfp lo = radius.negate().subtract(one()), hi = radius.add(one());
        Dfp tol = radius.add(one()).multiply(field.newDfp("1e-" + (digits() - 12)));
        Dfp two = field.newDfp(2);
        int guard = 0;
        while (hi.subtract(lo).greaterThan(tol) && guard++ < 4 * digits() * 4) {
            Dfp mid = lo.add(hi).divide(two);
            int below = countEigenvaluesBelow(s, mid);
            if (below < 0) {
                mid = mid.add(tol.multiply(field.newDfp(0.37)));
                below = countEigenvaluesBelow(s, mid);
                if (below < 0) return mid;
            }
            if (below > k) hi = mid;
            else lo = mid;
        }
        return lo.add(hi).divide(two);
    }

    /** sigma_min in the DESIGN.md convention: sqrt(lambda_min(A A^T)); 0 when A has fewer columns than rows. */
    public Dfp sigmaMin(Dfp[][] a) {
        if (a.length == 0) return zero();
        if (a[0].length < a.length) return zero();
        Dfp lm = lambdaMin(gram(a));
        return lm.negativeOrNull() ? zero() : lm.sqrt();
    }

    /** Rank by Gaussian elimination with full pivoting; entries below {@code tol} count as zero. */
    public int rank(Dfp[][] a, Dfp tol) {
        int m = a.length, n = m == 0 ? 0 : a[0].length;
        Dfp[][] w = new Dfp[m][];
        for (int i = 0; i < m; i++) w[i] = a[i].clone();
        int rank = 0;
        boolean[] rowUsed = new boolean[m], colUsed = new boolean[n];
        for (int step = 0; step < Math.min(m, n); step++) {
            int pr = -1, pc = -1;
            Dfp best = tol;
            for (int i = 0; i < m; i++) {
                if (rowUsed[i]) continue;
                for (int j = 0; j < n; j++) {
                    if (colUsed[j]) continue;
                    if (w[i][j].abs().greaterThan(best)) {
                        best = w[i][j].abs();
                        pr = i;
                        pc = j;
                    }
                }
            }
            if (pr < 0) break;
            rank++;
            rowUsed[pr] = true;
            colUsed[pc] = true;
            for (int i = 0; i < m; i++) {
                if (rowUsed[i]) continue;
                Dfp l = w[i][pc].divide(w[pr][pc]);
                for (int j = 0; j < n; j++) if (!colUsed[j]) w[i][j] = w[i][j].subtract(l.multiply(w[pr][j]));
                w[i][pc] = zero();
            }
        }
        return rank;
    }

    /** Rank with tolerance max(m,n) * 10^-(digits-10) * max|a_ij|. */
    public int rank(Dfp[][] a) {
        Dfp max = zero();
        for (Dfp[] row : a) for (Dfp x : row) if (x.abs().greaterThan(max)) max = x.abs();
        int size = Math.max(a.length, a.length == 0 ? 0 : a[0].length);
        Dfp tol = max.multiply(field.newDfp(size)).multiply(field.newDfp("1e-" + (digits() - 10)));
        return rank(a, tol);
    }

    private FieldMatrix<Dfp> matrix(Dfp[][] a) {
        return new Array2DRowFieldMatrix<>(a, false);
    }
}
