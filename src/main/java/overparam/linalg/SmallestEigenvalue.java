package overparam.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

import java.util.Random;

/**
 * The smallest eigenvalue of a large symmetric positive semi-definite matrix (kernel and Gram matrices) without the
 * O(4n^3/3) tridiagonalisation of a full eigen-decomposition: one Cholesky factorisation of A + tau I (n^3/3 flops,
 * tau = 16 n eps max|A_ii| so that a singular PSD matrix still factors) and Lanczos with full reorthogonalisation on
 * (A + tau I)^{-1}, whose largest eigenvalue is 1/(lambda_min + tau). Ritz values of the inverse only grow, so the result
 * approaches lambda_min from above; iteration stops when it has not moved by 1e-13 (relative) over 10 steps. Small
 * matrices, matrices that do not factor (an eigenvalue below -tau: not PSD) and runs that do not settle fall back to the
 * full symmetric eigensolver.
 */
public final class SmallestEigenvalue {
    static final int DIRECT_BELOW = 200;
    private static final int MAX_ITERATIONS = 600;
    private static final double SETTLED = 1e-13;

    private SmallestEigenvalue() {}

    public static double of(DMatrixRMaj a) {
        int n = a.numRows;
        if (n != a.numCols) throw new IllegalArgumentException("SmallestEigenvalue: matrix is " + a.numRows + "x" + a.numCols);
        if (n < DIRECT_BELOW) return Linalg.lambdaMin(a);
        double maxDiag = 0;
        for (int i = 0; i < n; i++) maxDiag = Math.max(maxDiag, Math.abs(a.get(i, i)));
        if (maxDiag == 0) return Linalg.lambdaMin(a);
        double tau = 16 * n * Linalg.EPS * maxDiag;
        DMatrixRMaj shifted = Linalg.symmetrize(a);
        for (int i = 0; i < n; i++) shifted.add(i, i, tau);
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        if (!chol.decompose(shifted)) return Linalg.lambdaMin(a);
        double[] l = chol.getT(null).data;
        for (double v : l) if (!Double.isFinite(v)) return Linalg.lambdaMin(a);
        double theta = lanczosLargestOfInverse(l, n);
        return Double.isNaN(theta) ? Linalg.lambdaMin(a) : 1 / theta - tau;
    }

    /** Largest eigenvalue of (L L^T)^{-1}, L lower triangular row-major; NaN if it does not settle. */
    private static double lanczosLargestOfInverse(double[] l, int n) {
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
            double[] w = solve(l, n, q[k]);
            alpha[k] = dot(w, q[k]);
            for (int pass = 0; pass < 2; pass++)
                for (int j = 0; j <= k; j++) axpy(-dot(w, q[j]), q[j], w);
            beta[k] = Math.sqrt(dot(w, w));
            history[k] = largestTridiagonal(alpha, beta, k + 1);
            if (k >= 10 && Math.abs(history[k] - history[k - 10]) <= SETTLED * history[k]) return history[k];
            if (beta[k] <= 1e-300 || k + 1 == n) return history[k]; // invariant subspace: exact
            scale(w, 1 / beta[k]);
            q[k + 1] = w;
        }
        return Double.NaN;
    }

    /** x = (L L^T)^{-1} b by forward and backward substitution on the rows of L. */
    private static double[] solve(double[] l, int n, double[] b) {
        double[] y = b.clone();
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
        return y;
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
