package overparam.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import org.hipparchus.util.MathArrays;

import java.util.Arrays;

/**
 * Spectral quantities the papers use, as a thin layer over EJML. Conventions follow DESIGN.md:
 * {@code sigmaMin(A)} of an n x m matrix is sqrt(lambda_min(A A^T)), hence 0 when m < n; tolerances scale
 * with norm and size.
 */
public final class Linalg {
    public static final double EPS = Math.ulp(1.0);

    private Linalg() {}

    /** Eigenvalues of a symmetric matrix, ascending. The input is symmetrised first (rounding can break symmetry). */
    public static double[] symmetricEigenvalues(DMatrixRMaj s) {
        requireSquare(s, "symmetricEigenvalues");
        DMatrixRMaj sym = symmetrize(s);
        if (NativeLapack.use(sym.numRows)) return NativeLapack.symmetricEigenvalues(sym);
        return ejmlEigenvalues(sym);
    }

    /** EJML's symmetric eigenvalues, ascending (the pure-Java path, also used to check the native one); overwrites its input. */
    static double[] ejmlEigenvalues(DMatrixRMaj sym) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(sym.numRows, false, true);
        if (!eig.decompose(sym)) throw new ArithmeticException("symmetric eigen-decomposition failed");
        double[] ev = new double[sym.numRows];
        for (int i = 0; i < ev.length; i++) ev[i] = eig.getEigenvalue(i).real;
        Arrays.sort(ev);
        return ev;
    }

    /** Eigen-pairs of a symmetric matrix, ascending; column i of {@code vectors} belongs to {@code values[i]}. */
    public record EigenPairs(double[] values, DMatrixRMaj vectors) {
        public double[] vector(int i) {
            double[] v = new double[vectors.numRows];
            for (int r = 0; r < v.length; r++) v[r] = vectors.get(r, i);
            return v;
        }
    }

    public static EigenPairs symmetricEigen(DMatrixRMaj s) {
        requireSquare(s, "symmetricEigen");
        DMatrixRMaj sym = symmetrize(s);
        int n = sym.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(sym)) throw new ArithmeticException("symmetric eigen-decomposition failed");
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(a).real, eig.getEigenvalue(b).real));
        double[] values = new double[n];
        DMatrixRMaj vectors = new DMatrixRMaj(n, n);
        for (int j = 0; j < n; j++) {
            values[j] = eig.getEigenvalue(order[j]).real;
            DMatrixRMaj v = eig.getEigenVector(order[j]);
            double norm = NormOps_DDRM.normF(v);
            for (int r = 0; r < n; r++) vectors.set(r, j, v.get(r, 0) / norm);
        }
        return new EigenPairs(values, vectors);
    }

    /**
     * The smallest eigenvalue of the symmetric part. From {@link SmallestEigenvalue#DIRECT_BELOW} rows on (with native
     * OpenBLAS from {@link SmallestEigenvalue#NATIVE_DIRECT_BELOW}, where the full solver stops being faster), only that
     * eigenvalue is computed (Cholesky of a slightly shifted matrix and Lanczos, see {@link SmallestEigenvalue}) when
     * the matrix is PSD or nearly so, as kernel and Gram matrices are; otherwise all eigenvalues are.
     */
    public static double lambdaMin(DMatrixRMaj s) {
        requireSquare(s, "lambdaMin");
        if (s.numRows >= SmallestEigenvalue.DIRECT_BELOW) return SmallestEigenvalue.of(s);
        return symmetricEigenvalues(s)[0];
    }

    public static double lambdaMax(DMatrixRMaj s) {
        double[] ev = symmetricEigenvalues(s);
        return ev[ev.length - 1];
    }

    /** Singular values, descending; min(rows, cols) of them. */
    public static double[] singularValues(DMatrixRMaj a) {
        if (a.numRows == 0 || a.numCols == 0) return new double[0];
        if (NativeLapack.use(Math.min(a.numRows, a.numCols))) return NativeLapack.singularValues(a);
        return ejmlSingularValues(a);
    }

    static double[] ejmlSingularValues(DMatrixRMaj a) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(a.numRows, a.numCols, false, false, true);
        if (!svd.decompose(a.copy())) throw new ArithmeticException("SVD failed");
        double[] s = svd.getSingularValues().clone();
        Arrays.sort(s);
        for (int i = 0; i < s.length / 2; i++) {
            double t = s[i];
            s[i] = s[s.length - 1 - i];
            s[s.length - 1 - i] = t;
        }
        return s;
    }

    /**
     * The papers' sigma_min: sqrt(lambda_min(A A^T)), the n-th singular value of an n x m matrix; 0 when m < n.
     * Computed from the SVD (no squaring) when m >= n.
     */
    public static double sigmaMin(DMatrixRMaj a) {
        if (a.numCols < a.numRows) return 0.0;
        double[] s = singularValues(a);
        return s[a.numRows - 1];
    }

    /** Scaling factor min_v |M v| / |v| over v in R^cols: the cols-th singular value, 0 when rows < cols. */
    public static double scalingFactor(DMatrixRMaj m) {
        return sigmaMin(transpose(m));
    }

    public static double spectralNorm(DMatrixRMaj a) {
        if (a.numRows == 0 || a.numCols == 0) return 0.0;
        return singularValues(a)[0];
    }

    public static double frobenius(DMatrixRMaj a) {
        return NormOps_DDRM.normF(a);
    }

    /**
     * Rounding tolerance c * (eps * norm + MIN_VALUE) * size for a quantity computed from a matrix of that norm and
     * size. The absolute MIN_VALUE term is gradual underflow: below MIN_NORMAL each operation can lose up to half a
     * subnormal ulp whatever the relative precision (oymak/N5 with softplus at z = -375 needs it).
     */
    public static double tolerance(double norm, int size) {
        return 32 * (EPS * norm + Double.MIN_VALUE) * Math.max(1, size);
    }

    /** Default rank tolerance max(m, n) * eps * sigma_max (DESIGN.md). */
    public static double rankTolerance(DMatrixRMaj a) {
        return Math.max(a.numRows, a.numCols) * EPS * spectralNorm(a);
    }

    public static int rank(DMatrixRMaj a) {
        double[] s = singularValues(a);
        if (s.length == 0) return 0;
        double tol = Math.max(a.numRows, a.numCols) * EPS * s[0];
        return countAbove(s, tol);
    }

    public static int rank(DMatrixRMaj a, double tol) {
        return countAbove(singularValues(a), tol);
    }

    private static int countAbove(double[] s, double tol) {
        int r = 0;
        for (double v : s) if (v > tol) r++;
        return r;
    }

    /** Moore-Penrose pseudo-inverse through the SVD with the default rank tolerance. */
    public static DMatrixRMaj pinv(DMatrixRMaj a) {
        DMatrixRMaj out = new DMatrixRMaj(a.numCols, a.numRows);
        CommonOps_DDRM.pinv(a, out);
        return out;
    }

    /** Tolerance for PSD and eigenvalue tests of a symmetric n x n matrix: c * eps * n * ||S||. */
    public static double psdTolerance(DMatrixRMaj s) {
        return 16 * EPS * Math.max(1, s.numRows) * Math.max(spectralNorm(s), Double.MIN_NORMAL);
    }

    public static boolean isPsd(DMatrixRMaj s) {
        return isPsd(s, psdTolerance(s));
    }

    public static boolean isPsd(DMatrixRMaj s, double tol) {
        if (!isSymmetric(s, tol)) return false;
        return lambdaMin(s) >= -tol;
    }

    public static boolean isSymmetric(DMatrixRMaj s, double tol) {
        if (s.numRows != s.numCols) return false;
        for (int i = 0; i < s.numRows; i++)
            for (int j = i + 1; j < s.numCols; j++)
                if (Math.abs(s.get(i, j) - s.get(j, i)) > tol) return false;
        return true;
    }

    /** Row-wise Khatri-Rao product: row i of A*B is kron(A_i, B_i); p x m and p x n give p x mn. */
    public static DMatrixRMaj khatriRaoRows(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows)
            throw new IllegalArgumentException("Khatri-Rao: row counts differ (" + a.numRows + " vs " + b.numRows + ")");
        int m = a.numCols, n = b.numCols;
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, m * n);
        for (int i = 0; i < a.numRows; i++)
            for (int j = 0; j < m; j++) {
                double aij = a.get(i, j);
                for (int k = 0; k < n; k++) out.set(i, j * n + k, aij * b.get(i, k));
            }
        return out;
    }

    /** X^{*r}: the r-fold row-wise Khatri-Rao power (r >= 1); n x d^r. Only for small d^r. */
    public static DMatrixRMaj khatriRaoPower(DMatrixRMaj x, int r) {
        if (r < 1) throw new IllegalArgumentException("Khatri-Rao power r must be >= 1, got " + r);
        DMatrixRMaj out = x.copy();
        for (int i = 1; i < r; i++) out = khatriRaoRows(out, x);
        return out;
    }

    public static DMatrixRMaj hadamard(DMatrixRMaj a, DMatrixRMaj b) {
        requireSameShape(a, b, "Hadamard");
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.elementMult(a, b, out);
        return out;
    }

    /** A^{odot r}, with A^{odot 0} = 1 1^T. */
    public static DMatrixRMaj hadamardPower(DMatrixRMaj a, int r) {
        if (r < 0) throw new IllegalArgumentException("Hadamard power r must be >= 0, got " + r);
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols);
        for (int i = 0; i < out.data.length; i++) out.data[i] = Math.pow(a.data[i], r);
        return out;
    }

    public static DMatrixRMaj kron(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj out = new DMatrixRMaj(a.numRows * b.numRows, a.numCols * b.numCols);
        CommonOps_DDRM.kron(a, b, out);
        return out;
    }

    /**
     * Schur complement M/A = D - C A^{-1} B of the leading k x k block A of M = [A B; C D].
     * Uses a linear solve, not an explicit inverse.
     */
    public static DMatrixRMaj schurComplement(DMatrixRMaj m, int k) {
        requireSquare(m, "schurComplement");
        int n = m.numRows;
        if (k < 1 || k >= n) throw new IllegalArgumentException("Schur complement block size k must be in [1, " + (n - 1) + "], got " + k);
        DMatrixRMaj a = CommonOps_DDRM.extract(m, 0, k, 0, k);
        DMatrixRMaj b = CommonOps_DDRM.extract(m, 0, k, k, n);
        DMatrixRMaj c = CommonOps_DDRM.extract(m, k, n, 0, k);
        DMatrixRMaj d = CommonOps_DDRM.extract(m, k, n, k, n);
        DMatrixRMaj aInvB = new DMatrixRMaj(k, n - k);
        if (!CommonOps_DDRM.solve(a, b, aInvB)) throw new ArithmeticException("Schur complement: leading block is singular");
        DMatrixRMaj cAinvB = new DMatrixRMaj(n - k, n - k);
        CommonOps_DDRM.mult(c, aInvB, cAinvB);
        DMatrixRMaj out = new DMatrixRMaj(n - k, n - k);
        CommonOps_DDRM.subtract(d, cAinvB, out);
        return out;
    }

    /** A A^T. */
    public static DMatrixRMaj gram(DMatrixRMaj a) {
        if (NativeLapack.use(a.numRows) && a.numCols > 0) return NativeLapack.gram(a);
        return ejmlGram(a);
    }

    static DMatrixRMaj ejmlGram(DMatrixRMaj a) {
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numRows);
        CommonOps_DDRM.multTransB(a, a, out);
        return out;
    }

    public static DMatrixRMaj transpose(DMatrixRMaj a) {
        return CommonOps_DDRM.transpose(a, null);
    }

    /** A B^T (native dgemm from {@link NativeLapack#MIN_SIZE} rows of A when OpenBLAS is installed, EJML below). */
    public static DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numCols != b.numCols) throw new IllegalArgumentException("A B^T: " + a.numCols + " vs " + b.numCols + " columns");
        if (NativeLapack.use(a.numRows) && a.numCols > 0 && b.numRows > 0) return NativeLapack.multTransB(a, b);
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, b.numRows);
        CommonOps_DDRM.multTransB(a, b, out);
        return out;
    }

    public static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, out);
        return out;
    }

    public static DMatrixRMaj minus(DMatrixRMaj a, DMatrixRMaj b) {
        requireSameShape(a, b, "subtract");
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.subtract(a, b, out);
        return out;
    }

    public static DMatrixRMaj plus(DMatrixRMaj a, DMatrixRMaj b) {
        requireSameShape(a, b, "add");
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.add(a, b, out);
        return out;
    }

    public static DMatrixRMaj scale(double s, DMatrixRMaj a) {
        DMatrixRMaj out = a.copy();
        CommonOps_DDRM.scale(s, out);
        return out;
    }

    public static DMatrixRMaj symmetrize(DMatrixRMaj s) {
        DMatrixRMaj t = transpose(s);
        DMatrixRMaj out = plus(s, t);
        CommonOps_DDRM.scale(0.5, out);
        return out;
    }

    public static DMatrixRMaj identity(int n) {
        return CommonOps_DDRM.identity(n);
    }

    public static DMatrixRMaj ones(int rows, int cols) {
        DMatrixRMaj out = new DMatrixRMaj(rows, cols);
        CommonOps_DDRM.fill(out, 1.0);
        return out;
    }

    public static DMatrixRMaj diag(double... values) {
        return CommonOps_DDRM.diag(values);
    }

    public static DMatrixRMaj of(double[][] rows) {
        return new DMatrixRMaj(rows);
    }

    public static double[][] toArray(DMatrixRMaj a) {
        double[][] out = new double[a.numRows][a.numCols];
        for (int i = 0; i < a.numRows; i++)
            for (int j = 0; j < a.numCols; j++) out[i][j] = a.get(i, j);
        return out;
    }

    public static DMatrixRMaj column(double... v) {
        return new DMatrixRMaj(v.length, 1, true, v);
    }

    public static double[] multVec(DMatrixRMaj a, double[] v) {
        if (a.numCols != v.length) throw new IllegalArgumentException("dimension mismatch: " + a.numCols + " columns vs vector of " + v.length);
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, 1);
        CommonOps_DDRM.mult(a, DMatrixRMaj.wrap(v.length, 1, v), out);
        return out.data;
    }

    public static double[] multTransVec(DMatrixRMaj a, double[] v) {
        if (a.numRows != v.length) throw new IllegalArgumentException("dimension mismatch: " + a.numRows + " rows vs vector of " + v.length);
        DMatrixRMaj out = new DMatrixRMaj(a.numCols, 1);
        CommonOps_DDRM.multTransA(a, DMatrixRMaj.wrap(v.length, 1, v), out);
        return out.data;
    }

    /** Euclidean norm without overflow (Hipparchus safeNorm). */
    public static double norm(double[] v) {
        return MathArrays.safeNorm(v);
    }

    public static double dot(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("dimension mismatch: " + a.length + " vs " + b.length);
        return MathArrays.linearCombination(a, b);
    }

    static void requireSquare(DMatrixRMaj s, String op) {
        if (s.numRows != s.numCols)
            throw new IllegalArgumentException(op + ": matrix must be square, got " + s.numRows + "x" + s.numCols);
    }

    static void requireSameShape(DMatrixRMaj a, DMatrixRMaj b, String op) {
        if (a.numRows != b.numRows || a.numCols != b.numCols)
            throw new IllegalArgumentException(op + ": shapes differ (" + a.numRows + "x" + a.numCols + " vs " + b.numRows + "x" + b.numCols + ")");
    }
}
