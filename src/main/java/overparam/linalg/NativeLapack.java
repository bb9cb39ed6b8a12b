package overparam.linalg;

import dev.ludovic.netlib.blas.NativeBLAS;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import org.ejml.data.DMatrixRMaj;
import org.netlib.util.intW;

/**
 * The system's OpenBLAS (Debian package libopenblas0) through dev.ludovic.netlib's JNI bindings, for the large dense
 * kernels: symmetric eigenvalues (dsyevd), singular values (dgesdd), Cholesky (dpotrf) and Gram matrices (dsyrk).
 * Used when the library is installed, unless {@code -Dharness.native=false}; otherwise {@link Linalg} stays on EJML
 * (pure Java). Only matrices with at least {@link #MIN_SIZE} rows go native: the claims' generated and shrunk instances
 * are smaller, so their margins, and the corpus files, are bit-identical with and without the library; large matrices
 * differ at the rounding level only (verdicts agree, see NativeLapackTest).
 */
public final class NativeLapack {
    /** System property: "false" keeps everything in pure Java. */
    public static final String PROPERTY = "harness.native";
    /** Smallest dimension that goes native (EJML below: bit-identical small instances on every machine). */
    public static final int MIN_SIZE = 200;
    /** The library loaded: OpenBLAS only, so that a reference liblapack.so.3 never stands in for it. */
    static final String LIBRARY = "libopenblas.so.0";

    private static final NativeLAPACK LAPACK;
    private static final NativeBLAS BLAS;
    private static final String STATUS;

    static {
        NativeLAPACK lapack = null;
        NativeBLAS blas = null;
        String status;
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY, "").trim())) {
            status = "pure Java (EJML): native LAPACK disabled by -D" + PROPERTY + "=false";
        } else {
            for (String lib : new String[] {"lapack", "blas"}) {
                String key = "dev.ludovic.netlib." + lib + ".nativeLib";
                if (System.getProperty(key) == null && System.getProperty(key + "Path") == null) System.setProperty(key, LIBRARY);
            }
            try {
                lapack = NativeLAPACK.getInstance();
                blas = NativeBLAS.getInstance();
                status = "native OpenBLAS (" + LIBRARY + ") for matrices of " + MIN_SIZE + "+ rows, EJML below";
            } catch (Throwable notInstalled) {
                lapack = null;
                blas = null;
                status = "pure Java (EJML): no native OpenBLAS (apt-get install libopenblas0 to use it)";
            }
        }
        LAPACK = lapack;
        BLAS = blas;
        STATUS = status;
    }

    private NativeLapack() {}

    public static boolean available() {
        return LAPACK != null;
    }

    /** Which backend runs the large kernels, for logs and reports. */
    public static String status() {
        return STATUS;
    }

    /** Whether a matrix of this many rows goes native. */
    static boolean use(int rows) {
        return LAPACK != null && rows >= MIN_SIZE;
    }

    /** Eigenvalues, ascending, of a symmetric matrix (its upper triangle is read). */
    static double[] symmetricEigenvalues(DMatrixRMaj s) {
        int n = s.numRows;
        double[] a = s.data.clone(), w = new double[n];
        // row-major upper = column-major lower; workspace query first
        double[] work = new double[1];
        int[] iwork = new int[1];
        intW info = new intW(0);
        LAPACK.dsyevd("N", "L", n, a, n, w, work, -1, iwork, -1, info);
        work = new double[(int) work[0]];
        iwork = new int[Math.max(1, iwork[0])];
        LAPACK.dsyevd("N", "L", n, a, n, w, work, work.length, iwork, iwork.length, info);
        if (info.val != 0) throw new ArithmeticException("dsyevd failed (info " + info.val + ")");
        return w;
    }

    /** Singular values, descending. A row-major m x n array is the column-major n x m transpose: same singular values. */
    static double[] singularValues(DMatrixRMaj a) {
        int m = a.numCols, n = a.numRows;
        double[] data = a.data.clone(), s = new double[Math.min(m, n)];
        double[] work = new double[1];
        int[] iwork = new int[8 * Math.min(m, n)];
        intW info = new intW(0);
        LAPACK.dgesdd("N", m, n, data, m, s, new double[1], 1, new double[1], 1, work, -1, iwork, info);
        work = new double[(int) work[0]];
        LAPACK.dgesdd("N", m, n, data, m, s, new double[1], 1, new double[1], 1, work, work.length, iwork, info);
        if (info.val != 0) throw new ArithmeticException("dgesdd failed (info " + info.val + ")");
        return s;
    }

    /** A A^T (dsyrk on the upper triangle, mirrored). */
    static DMatrixRMaj gram(DMatrixRMaj a) {
        int n = a.numRows, k = a.numCols;
        double[] c = new double[n * n];
        // row-major A (n x k) is column-major A^T (k x n): C = (A^T)^T (A^T), column-major upper = row-major lower
        BLAS.dsyrk("U", "T", n, k, 1.0, a.data, Math.max(1, k), 0.0, c, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++) c[j * n + i] = c[i * n + j];
        return DMatrixRMaj.wrap(n, n, c);
    }

    /** A B^T (dgemm): row-major A (m x k) and B (n x k) are column-major A^T and B^T; C^T = B A^T, column-major n x m. */
    static DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b) {
        int m = a.numRows, n = b.numRows, k = a.numCols;
        double[] c = new double[m * n];
        BLAS.dgemm("T", "N", n, m, k, 1.0, b.data, k, a.data, k, 0.0, c, n);
        return DMatrixRMaj.wrap(m, n, c);
    }

    /**
     * Cholesky factor L (lower, row-major, zeros above the diagonal) of a symmetric positive definite matrix given by its
     * lower triangle, or null when it is not positive definite.
     */
    static double[] choleskyLower(DMatrixRMaj s) {
        int n = s.numRows;
        double[] a = s.data.clone();
        intW info = new intW(0);
        // row-major lower = column-major upper: factor U^T U with U upper (column-major) = L L^T with L = U^T (row-major lower)
        LAPACK.dpotrf("U", n, a, n, info);
        if (info.val != 0) return null;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) a[i * n + j] = 0;
        return a;
    }

    /** Solves L L^T x = b in place with the factor of {@link #choleskyLower} (dpotrs). */
    static void choleskySolve(double[] l, int n, double[] b) {
        intW info = new intW(0);
        LAPACK.dpotrs("U", n, 1, l, n, b, n, info);
        if (info.val != 0) throw new ArithmeticException("dpotrs failed (info " + info.val + ")");
    }
}
