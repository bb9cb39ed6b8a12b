package overparam.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

import java.util.Random;

/**
 * The smallest eigenvalue of a large symmetric matrix that is positive semi-definite or nearly so (kernel and Gram
 * matrices) without the O(4n^3/3) tridiagonalisation of a full eigen-decomposition: one Cholesky factorisation of
 * A + tau I (n^3/3 flops, native dpotrf when OpenBLAS is installed; tau = 16 n eps max|A_ii| so that a singular PSD
 * matrix still factors) and Lanczos with full reorthogonalisation on (A + tau I)^{-1}, whose largest eigenvalue is
 * 1/(lambda_min + tau). Ritz values of the inverse only grow, so the result approaches lambda_min from above. Iteration
 * stops when the Ritz residual beta_k |s_k| is below 1e-13 theta, or below 1e-8 theta with theta unmoved (1e-13,
 * relative) over 10 steps: then theta is within that residual of an eigenvalue, and within residual^2 / gap of the
 * largest. With native OpenBLAS, Lanczos first stops at a rough residual (1e-2 theta) and, when that places a shift
 * sigma below lambda_min and much closer to it than -tau, continues on (A - sigma I)^{-1} after a second factorisation
 * (a factorisation succeeds only when sigma < lambda_min): there the smallest eigenvalues are well separated and a few
 * steps suffice. Small matrices, matrices that do not factor (an eigenvalue below -tau: not PSD) and runs that do not
 * settle fall back to the full symmetric eigensolver.
 */
public final class SmallestEigenvalue {
    static final int DIRECT_BELOW = 200;
    private static final int MAX_ITERATIONS = 600;
    private static final double SETTLED = 1e-13;
    private static final double RESIDUAL = 1e-13, RESIDUAL_SETTLED = 1e-8;

    private SmallestEigenvalue() {}

    /**
     * Below this many rows the native full eigensolver (dsyevd) is as fast as the two factorisations and Lanczos steps,
     * or faster (n = 200: 1.2 against 1.4 ms, n = 300: 4.9 against 6 to 9 ms; from n = 500 on Lanczos wins).
     */
    static final int NATIVE_DIRECT_BELOW = 400;

    public static double of(DMatrixRMaj a) {
        if (a.numRows == a.numCols && a.numRows < NATIVE_DIRECT_BELOW && NativeLapack.use(a.numRows)) return full(a, true);
        return of(a, true);
    }

    /** With {@code allowNative} false, everything stays in pure Java (to check the native path against it). */
    static double of(DMatrixRMaj a, boolean allowNative) {
        int n = a.numRows;
        if (n != a.numCols) throw new IllegalArgumentException("SmallestEigenvalue: matrix is " + a.numRows + "x" + a.numCols);
        if (n < DIRECT_BELOW) return full(a, allowNative);
        double maxDiag = 0;
        for (int i = 0; i < n; i++) maxDiag = Math.max(maxDiag, Math.abs(a.get(i, i)));
        if (maxDiag == 0 || !Double.isFinite(maxDiag)) return full(a, allowNative);
        double tau = 16 * n * Linalg.EPS * maxDiag;
        DMatrixRMaj sym = Linalg.symmetrize(a);
        Solver solver = factor(shifted(sym, -tau), allowNative);
        if (solver == null) return full(a, allowNative);
        // native: a rough estimate first; where it allows a much closer shift sigma < lambda_min, a second factorisation
        // makes the smallest eigenvalues well separated in the inverse, and Lanczos converges in a few steps. In pure
        // Java a factorisation costs more than the Lanczos steps it saves (n = 2000: 1.58 s against 1.11 s), so one.
        if (!(allowNative && NativeLapack.use(n))) {
            double theta = lanczosLargestOfInverse(solver, n, 0)[0];
            return Double.isNaN(theta) ? full(a, allowNative) : 1 / theta - tau;
        }
        double[] rough = lanczosLargestOfInverse(solver, n, ROUGH);
        if (Double.isNaN(rough[0])) return full(a, allowNative);
        if (rough[1] <= RESIDUAL * rough[0]) return 1 / rough[0] - tau; // already converged (or exact)
        double estimate = 1 / rough[0] - tau;
        double sigma = 1 / (rough[0] + 2 * rough[1]) - tau; // below the eigenvalue the rough Ritz value is near
        if (sigma > 0 && estimate + tau >= CLOSER * (estimate - sigma)) {
            Solver closer = factor(shifted(sym, sigma), allowNative); // factors only when sigma < lambda_min
            if (closer != null) {
                double theta = lanczosLargestOfInverse(closer, n, 0)[0];
                if (!Double.isNaN(theta)) return sigma + 1 / theta;
            }
        }
        double theta = lanczosLargestOfInverse(solver, n, 0)[0];
        return Double.isNaN(theta) ? full(a, allowNative) : 1 / theta - tau;
    }

    /** Relative Ritz residual of the rough first estimate. */
    static final double ROUGH = 1e-2;
    /** How much closer (at least) the second shift must be to lambda_min than the first to be worth a factorisation. */
    private static final double CLOSER = 8;

    /** S - sigma I, a copy. */
    private static DMatrixRMaj shifted(DMatrixRMaj s, double sigma) {
        DMatrixRMaj out = s.copy();
        for (int i = 0; i < s.numRows; i++) out.add(i, i, -sigma);
        return out;
    }

    private static double full(DMatrixRMaj a, boolean allowNative) {
        return allowNative ? Linalg.symmetricEigenvalues(a)[0] : Linalg.ejmlEigenvalues(Linalg.symmetrize(a))[0];
    }

    /** x -> (L L^T)^{-1} x in place. */
    private interface Solver {
        void solve(double[] x);
    }

    /** The Cholesky factor of a symmetric positive definite matrix as a solver, or null when it does not factor. */
    private static Solver factor(DMatrixRMaj s, boolean allowNative) {
        int n = s.numRows;
        if (allowNative && NativeLapack.use(n)) {
            double[] l = NativeLapack.choleskyLower(s);
            if (l == null || !allFinite(l)) return null;
            return x -> NativeLapack.choleskySolve(l, n, x);
        }
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        if (!chol.decompose(s)) return null;
        double[] l = chol.getT(null).data;
        if (!allFinite(l)) return null;
        return x -> substitute(l, n, x);
    }

    private static boolean allFinite(double[] v) {
        for (double e : v) if (!Double.isFinite(e)) return false;
        return true;
    }

    /**
     * Largest eigenvalue of (L L^T)^{-1} and the residual norm of its Ritz pair, {theta, residual}; theta NaN if it does
     * not settle. With {@code rough} > 0, stops as soon as the residual is below rough * theta.
     */
    private static double[] lanczosLargestOfInverse(Solver solver, int n, double rough) {
        int max = Math.min(n, MAX_ITERATIONS);
        double[][] q = new double[max + 1][];
        double[] alpha = new double[max], beta = new double[max];
        double[] v = new double[n];
        Random rng = new Random(0x5EED);
        for (int i = 0; i < n; i++) v[i] = rng.nextGaussian();
        scale(v, 1 / Math.sqrt(dot(v, v)));
        q[0] = v;
        double[] history = new double[max];
        for (int k = 0; k < max; k++) {
            double[] w = q[k].clone();
            solver.solve(w);
            alpha[k] = dot(w, q[k]);
            for (int pass = 0; pass < 2; pass++)
                for (int j = 0; j <= k; j++) axpy(-dot(w, q[j]), q[j], w);
            beta[k] = Math.sqrt(dot(w, w));
            double theta = largestTridiagonal(alpha, beta, k + 1);
            history[k] = theta;
            if (beta[k] <= 1e-300 || k + 1 == n) return new double[] {theta, 0}; // invariant subspace: exact
            double residual = beta[k] * lastComponent(alpha, beta, k + 1, theta);
            boolean settled = k >= 10 && Math.abs(theta - history[k - 10]) <= SETTLED * theta;
            if (residual <= RESIDUAL * theta || (settled && residual <= RESIDUAL_SETTLED * theta)) return new double[] {theta, 0};
            if (residual <= rough * theta) return new double[] {theta, residual};
            scale(w, 1 / beta[k]);
            q[k + 1] = w;
        }
        return new double[] {Double.NaN, Double.NaN};
    }

    /**
     * |s_k| of the unit eigenvector s of the k x k tridiagonal (alpha, beta) for its largest eigenvalue theta: two steps
     * of inverse iteration with T - sigma I, sigma just above theta, which is negative definite, so its LDL^T needs no
     * pivoting.
     */
    static double lastComponent(double[] alpha, double[] beta, int k, double theta) {
        double sigma = theta + Math.max(8 * k * Linalg.EPS * Math.abs(theta), Double.MIN_NORMAL);
        double[] d = new double[k], y = new double[k];
        for (int i = 0; i < k; i++) {
            double b2 = i > 0 ? beta[i - 1] * beta[i - 1] / d[i - 1] : 0;
            d[i] = alpha[i] - sigma - b2;
            if (d[i] > -Double.MIN_NORMAL) d[i] = -Double.MIN_NORMAL;
        }
        java.util.Arrays.fill(y, 1.0);
        for (int it = 0; it < 2; it++) {
            // (T - sigma I) = L D L^T with L unit lower bidiagonal, l_i = beta_{i-1} / d_{i-1}
            for (int i = 1; i < k; i++) y[i] -= beta[i - 1] / d[i - 1] * y[i - 1];
            for (int i = 0; i < k; i++) y[i] /= d[i];
            for (int i = k - 2; i >= 0; i--) y[i] -= beta[i] / d[i] * y[i + 1];
            double norm = 0;
            for (double e : y) norm = Math.max(norm, Math.abs(e));
            for (int i = 0; i < k; i++) y[i] /= norm;
        }
        double s2 = 0;
        for (double e : y) s2 += e * e;
        return Math.abs(y[k - 1]) / Math.sqrt(s2);
    }

    /** x = (L L^T)^{-1} b in place, by forward and backward substitution on the rows of L (row-major lower). */
    private static void substitute(double[] l, int n, double[] y) {
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double s = y[i];
            for (int j = 0; j < i; j++) s -= l[row + j] * y[j];
            y[i] = s / l[row + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            int row = i * n;
            y[i] /= l[row + i];
            double xi = y[i];
            for (int j = 0; j < i; j++) y[j] -= l[row + j] * xi;
        }
    }

    /** Largest eigenvalue of the k x k symmetric tridiagonal (alpha, beta) by Sturm-sequence bisection. */
    static double largestTridiagonal(double[] alpha, double[] beta, int k) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            double r = (i > 0 ? Math.abs(beta[i - 1]) : 0) + (i < k - 1 ? Math.abs(beta[i]) : 0);
            lo = Math.min(lo, alpha[i] - r);
            hi = Math.max(hi, alpha[i] + r);
        }
        for (int it = 0; it < 200 && hi - lo > 4 * Linalg.EPS * Math.max(Math.abs(lo), Math.abs(hi)); it++) {
            double mid = 0.5 * (lo + hi);
            if (countBelow(alpha, beta, k, mid) == k) hi = mid;
            else lo = mid;
        }
        return 0.5 * (lo + hi);
    }

    /** Number of eigenvalues below x (Sturm count of the LDL^T pivots of T - x I). */
    private static int countBelow(double[] alpha, double[] beta, int k, double x) {
        int count = 0;
        double d = 1;
        for (int i = 0; i < k; i++) {
            double b2 = i > 0 ? beta[i - 1] * beta[i - 1] : 0;
            d = alpha[i] - x - (i > 0 ? b2 / d : 0);
            if (d == 0) d = -Double.MIN_NORMAL;
            if (d < 0) count++;
        }
        return count;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static void axpy(double c, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) y[i] += c * x[i];
    }

    private static void scale(double[] v, double c) {
        for (int i = 0; i < v.length; i++) v[i] *= c;
    }
}
