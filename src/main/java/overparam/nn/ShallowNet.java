package overparam.nn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import overparam.linalg.Linalg;
import overparam.linalg.NativeLapack;

import java.util.Random;

/**
 * The one-hidden-layer network x -> v^T phi(W x) of oymak (1.1): W is k x d (rows w_l), v fixed, only W trained.
 * vect(W) stacks the rows of W (row-major). J = (phi'(X W^T) diag(v)) *_row X (oymak section 2.3, not the column-wise
 * (6.1)); J J^T comes from the Hadamard identity without forming J.
 */
public final class ShallowNet {
    private final DMatrixRMaj x;
    private final Activation phi;
    private final double[] v;

    public ShallowNet(DMatrixRMaj x, Activation phi, double[] v) {
        if (x.numRows < 1 || x.numCols < 1) throw new IllegalArgumentException("data must have n >= 1 rows and d >= 1 columns");
        if (v.length < 1) throw new IllegalArgumentException("output weights v must have k >= 1 entries");
        for (double e : x.data) if (!Double.isFinite(e)) throw new IllegalArgumentException("data contains a non-finite value: " + e);
        this.x = x;
        this.phi = phi;
        this.v = v.clone();
    }

    public int n() {
        return x.numRows;
    }

    public int d() {
        return x.numCols;
    }

    public int k() {
        return v.length;
    }

    public DMatrixRMaj data() {
        return x;
    }

    public Activation activation() {
        return phi;
    }

    public double[] outputWeights() {
        return v.clone();
    }

    /**
     * The paper's output weights (oymak Thm 2.1): half +||y||/sqrt(kn), half -||y||/sqrt(kn); for odd k one entry is 0
     * (footnote 1), so k = 1 gives v = 0.
     */
    public static double[] paperOutputWeights(int k, double yNorm, int n) {
        if (k < 1) throw new IllegalArgumentException("width k must be >= 1, got " + k);
        double c = yNorm / Math.sqrt((double) k * n);
        double[] out = new double[k];
        int half = k / 2;
        for (int l = 0; l < half; l++) {
            out[l] = c;
            out[half + l] = -c;
        }
        return out;
    }

    /** W_0 with i.i.d. N(0,1) entries. */
    public static DMatrixRMaj gaussianWeights(int k, int d, Random rng) {
        DMatrixRMaj w = new DMatrixRMaj(k, d);
        for (int i = 0; i < w.data.length; i++) w.data[i] = rng.nextGaussian();
        return w;
    }

    /** Pre-activations X W^T (n x k). */
    public DMatrixRMaj preActivations(DMatrixRMaj w) {
        requireShape(w);
        return DMatrixRMaj.wrap(n(), k(), preActivations(w.data));
    }

    /**
     * Z = X W^T for W row-major in {@code w}: entry (i, l) is the sum over j of x_ij w_lj in the order of j, from 0, as
     * EJML's multTransB sums it (bit for bit), but as row updates z_i += x_ij (W^T)_j that the JIT vectorises, and rows
     * on both cores for large products.
     */
    private double[] preActivations(double[] w) {
        int n = n(), d = d(), k = k();
        if (k == 1) { // EJML's matrix-vector route has its own order
            DMatrixRMaj z = new DMatrixRMaj(n, 1);
            CommonOps_DDRM.multTransB(x, DMatrixRMaj.wrap(1, d, w), z);
            return z.data;
        }
        double[] wt = new double[d * k];
        for (int l = 0; l < k; l++)
            for (int j = 0; j < d; j++) wt[j * k + l] = w[l * d + j];
        double[] z = new double[n * k], xd = x.data;
        Parallel.rows(n, (long) n * d * k, i -> {
            int zi = i * k, xi = i * d;
            for (int j = 0; j < d; j++) {
                double c = xd[xi + j];
                int wj = j * k;
                for (int l = 0; l < k; l++) z[zi + l] += c * wt[wj + l];
            }
        });
        return z;
    }

    /** f(W) = phi(X W^T) v. */
    public double[] outputs(DMatrixRMaj w) {
        requireShape(w);
        return outputs(preActivations(w.data), null);
    }

    /** f_i = sum over l of v_l phi(z_il), in the order of l; y subtracted when given (the residual). */
    private double[] outputs(double[] z, double[] y) {
        int n = n(), k = k();
        double[] f = new double[n];
        Parallel.rows(n, (long) n * k * 8, i -> {
            double s = 0;
            for (int l = 0, zi = i * k; l < k; l++) s += v[l] * phi.phi(z[zi + l]);
            f[i] = y == null ? s : s - y[i];
        });
        return f;
    }

    public double[] residual(DMatrixRMaj w, double[] y) {
        if (y.length != n()) throw new IllegalArgumentException("labels: expected " + n() + " values, got " + y.length);
        requireShape(w);
        return outputs(preActivations(w.data), y);
    }

    /** phi'(X W^T) diag(v), n x k. */
    public DMatrixRMaj weightedDerivatives(DMatrixRMaj w) {
        requireShape(w);
        return DMatrixRMaj.wrap(n(), k(), weightedDerivatives(preActivations(w.data), null));
    }

    /** phi'(z_il) v_l, times r_i when r is given (the rows of the gradient's left factor). */
    private double[] weightedDerivatives(double[] z, double[] r) {
        int n = n(), k = k();
        double[] a = new double[n * k];
        Parallel.rows(n, (long) n * k * 8, i -> {
            for (int l = 0, zi = i * k; l < k; l++) {
                double e = phi.d1(z[zi + l]) * v[l];
                a[zi + l] = r == null ? e : e * r[i];
            }
        });
        return a;
    }

    /** J(W) = (phi'(X W^T) diag(v)) *_row X, n x kd. Row i is (diag(v) phi'(W x_i)) kron x_i. */
    public DMatrixRMaj jacobian(DMatrixRMaj w) {
        return Linalg.khatriRaoRows(weightedDerivatives(w), x);
    }

    /** J J^T = (phi'(X W^T) diag(v)^2 phi'(W X^T)) odot (X X^T), without forming J (oymak N5). */
    public DMatrixRMaj jacobianGram(DMatrixRMaj w) {
        DMatrixRMaj a;
        if (n() >= NativeLapack.MIN_SIZE && NativeLapack.available() && k() > 1) {
            // large nets: X W^T by native dgemm (the Gram goes native too, so it is J J^T to rounding either way)
            requireShape(w);
            double[] z = Linalg.multTransB(x, w).data;
            a = DMatrixRMaj.wrap(n(), k(), weightedDerivatives(z, null));
        } else a = weightedDerivatives(w);
        return Linalg.hadamard(Linalg.gram(a), Linalg.gram(x));
    }

    /** grad L(W) = diag(v) phi'(W X^T) diag(r) X = mat(J^T r), k x d (oymak N4). */
    public DMatrixRMaj gradient(DMatrixRMaj w, double[] r) {
        if (r.length != n()) throw new IllegalArgumentException("residual: expected " + n() + " values, got " + r.length);
        requireShape(w);
        return DMatrixRMaj.wrap(k(), d(), gradient(preActivations(w.data), r));
    }

    /**
     * A^T X with A = phi'(Z) diag(v) scaled by r_i on row i: entry (l, j) sums a_il x_ij over i in the order of i, starting
     * as EJML's multTransA does (from 0 for small matrices, from the first product from {@link #EJML_MULT_COLUMN_SWITCH}
     * columns on; the two differ only in the sign of a zero), bit for bit, as vectorisable row updates of (A^T X)^T.
     */
    private double[] gradient(double[] z, double[] r) {
        int n = n(), d = d(), k = k();
        double[] a = weightedDerivatives(z, r);
        if (d == 1) { // EJML's matrix-vector route has its own order
            DMatrixRMaj g = new DMatrixRMaj(k, 1);
            CommonOps_DDRM.multTransA(DMatrixRMaj.wrap(n, k, a), x, g);
            return g.data;
        }
        boolean fromFirstProduct = k >= EJML_MULT_COLUMN_SWITCH || d >= EJML_MULT_COLUMN_SWITCH;
        double[] gt = new double[d * k], xd = x.data;
        Parallel.rows(d, (long) n * d * k, j -> {
            int gj = j * k;
            for (int i = 0; i < n; i++) {
                double c = xd[i * d + j];
                int ai = i * k;
                if (i == 0 && fromFirstProduct) for (int l = 0; l < k; l++) gt[gj + l] = a[ai + l] * c;
                else for (int l = 0; l < k; l++) gt[gj + l] += a[ai + l] * c;
            }
        });
        double[] g = new double[k * d];
        for (int j = 0; j < d; j++)
            for (int l = 0; l < k; l++) g[l * d + j] = gt[j * k + l];
        return g;
    }

    /** EJML 0.44's EjmlParameters.MULT_COLUMN_SWITCH, which picks multTransA's summation start. */
    static final int EJML_MULT_COLUMN_SWITCH = 15;

    /** This net with labels y as a least-squares model in theta = vect(W) (row-major). */
    public LeastSquaresModel model(double[] y) {
        if (y.length != n()) throw new IllegalArgumentException("labels: expected " + n() + " values, got " + y.length);
        double[] labels = y.clone();
        ShallowNet net = this;
        return new LeastSquaresModel() {
            /** The pre-activations of the last theta: GD asks for the residual and then the gradient at the same theta. */
            private volatile Cached last;

            public int parameterCount() {
                return k() * d();
            }

            public int sampleCount() {
                return n();
            }

            private double[] preActivationsAt(double[] theta) {
                Cached c = last;
                if (c != null && java.util.Arrays.equals(c.theta, theta)) return c.z;
                double[] z = net.preActivations(theta);
                last = new Cached(theta.clone(), z);
                return z;
            }

            public double[] residual(double[] theta) {
                requireParameters(theta);
                return net.outputs(preActivationsAt(theta), labels);
            }

            public double[] gradient(double[] theta, double[] residual) {
                requireParameters(theta);
                if (residual.length != n()) throw new IllegalArgumentException("residual: expected " + n() + " values, got " + residual.length);
                return net.gradient(preActivationsAt(theta), residual);
            }

            public DMatrixRMaj jacobian(double[] theta) {
                return net.jacobian(weights(theta));
            }

            public double[] sampleGradient(double[] theta, int i) {
                DMatrixRMaj w = weights(theta);
                double[] g = new double[k() * d()];
                for (int l = 0; l < k(); l++) {
                    double zl = 0;
                    for (int j = 0; j < d(); j++) zl += w.get(l, j) * x.get(i, j);
                    double c = v[l] * phi.d1(zl);
                    for (int j = 0; j < d(); j++) g[l * d() + j] = c * x.get(i, j);
                }
                return g;
            }
        };
    }

    public DMatrixRMaj weights(double[] theta) {
        requireParameters(theta);
        return DMatrixRMaj.wrap(k(), d(), theta.clone());
    }

    private record Cached(double[] theta, double[] z) {}

    private void requireParameters(double[] theta) {
        if (theta.length != k() * d())
            throw new IllegalArgumentException("parameter vector: expected k*d = " + k() * d() + " entries, got " + theta.length);
    }

    private void requireShape(DMatrixRMaj w) {
        if (w.numRows != k() || w.numCols != d())
            throw new IllegalArgumentException("W must be k x d = " + k() + "x" + d() + ", got " + w.numRows + "x" + w.numCols);
    }
}
