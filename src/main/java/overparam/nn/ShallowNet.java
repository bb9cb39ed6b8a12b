package overparam.nn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import overparam.linalg.Linalg;

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
        DMatrixRMaj z = new DMatrixRMaj(n(), k());
        CommonOps_DDRM.multTransB(x, w, z);
        return z;
    }

    /** f(W) = phi(X W^T) v. */
    public double[] outputs(DMatrixRMaj w) {
        DMatrixRMaj z = preActivations(w);
        double[] f = new double[n()];
        for (int i = 0; i < n(); i++) {
            double s = 0;
            for (int l = 0; l < k(); l++) s += v[l] * phi.phi(z.get(i, l));
            f[i] = s;
        }
        return f;
    }

    public double[] residual(DMatrixRMaj w, double[] y) {
        if (y.length != n()) throw new IllegalArgumentException("labels: expected " + n() + " values, got " + y.length);
        double[] f = outputs(w);
        for (int i = 0; i < f.length; i++) f[i] -= y[i];
        return f;
    }

    /** phi'(X W^T) diag(v), n x k. */
    public DMatrixRMaj weightedDerivatives(DMatrixRMaj w) {
        DMatrixRMaj z = preActivations(w);
        DMatrixRMaj out = new DMatrixRMaj(n(), k());
        for (int i = 0; i < n(); i++)
            for (int l = 0; l < k(); l++) out.set(i, l, phi.d1(z.get(i, l)) * v[l]);
        return out;
    }

    /** J(W) = (phi'(X W^T) diag(v)) *_row X, n x kd. Row i is (diag(v) phi'(W x_i)) kron x_i. */
    public DMatrixRMaj jacobian(DMatrixRMaj w) {
        return Linalg.khatriRaoRows(weightedDerivatives(w), x);
    }

    /** J J^T = (phi'(X W^T) diag(v)^2 phi'(W X^T)) odot (X X^T), without forming J (oymak N5). */
    public DMatrixRMaj jacobianGram(DMatrixRMaj w) {
        DMatrixRMaj a = weightedDerivatives(w);
        return Linalg.hadamard(Linalg.gram(a), Linalg.gram(x));
    }

    /** grad L(W) = diag(v) phi'(W X^T) diag(r) X = mat(J^T r), k x d (oymak N4). */
    public DMatrixRMaj gradient(DMatrixRMaj w, double[] r) {
        if (r.length != n()) throw new IllegalArgumentException("residual: expected " + n() + " values, got " + r.length);
        DMatrixRMaj a = weightedDerivatives(w);
        for (int i = 0; i < n(); i++)
            for (int l = 0; l < k(); l++) a.set(i, l, a.get(i, l) * r[i]);
        DMatrixRMaj g = new DMatrixRMaj(k(), d());
        CommonOps_DDRM.multTransA(a, x, g);
        return g;
    }

    /** This net with labels y as a least-squares model in theta = vect(W) (row-major). */
    public LeastSquaresModel model(double[] y) {
        if (y.length != n()) throw new IllegalArgumentException("labels: expected " + n() + " values, got " + y.length);
        double[] labels = y.clone();
        ShallowNet net = this;
        return new LeastSquaresModel() {
            public int parameterCount() {
                return k() * d();
            }

            public int sampleCount() {
                return n();
            }

            public double[] residual(double[] theta) {
                return net.residual(weights(theta), labels);
            }

            public double[] gradient(double[] theta, double[] residual) {
                return net.gradient(weights(theta), residual).data;
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
        if (theta.length != k() * d())
            throw new IllegalArgumentException("parameter vector: expected k*d = " + k() * d() + " entries, got " + theta.length);
        return DMatrixRMaj.wrap(k(), d(), theta.clone());
    }

    private void requireShape(DMatrixRMaj w) {
        if (w.numRows != k() || w.numCols != d())
            throw new IllegalArgumentException("W must be k x d = " + k() + "x" + d() + ", got " + w.numRows + "x" + w.numCols);
    }
}
