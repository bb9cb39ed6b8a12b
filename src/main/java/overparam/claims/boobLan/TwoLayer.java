package overparam.claims.boobLan;

import org.ejml.data.DMatrixRMaj;
import overparam.nn.Activation;

import java.util.function.DoubleUnaryOperator;

/**
 * The boob-lan network phi(u) = theta^T h(W u) with loss f(W, theta) = (1/2N) sum_i (v^i - phi(u^i))^2 (2.1), in the
 * catalogue's conventions: U is N x d with rows u^i, W is n x d, Z = U W^T, residual s = v - h(Z) theta, row-major vec.
 * The gradients carry the minus sign that (3.1) drops (catalogue section 1.1).
 */
public final class TwoLayer {
    private TwoLayer() {}

    public static double[][] preActivations(double[][] u, double[][] w) {
        int nPts = u.length, n = w.length, d = u[0].length;
        double[][] z = new double[nPts][n];
        for (int i = 0; i < nPts; i++)
            for (int j = 0; j < n; j++) {
                double t = 0;
                for (int k = 0; k < d; k++) t += w[j][k] * u[i][k];
                z[i][j] = t;
            }
        return z;
    }

    static double[][] apply(DoubleUnaryOperator f, double[][] z) {
        double[][] out = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            out[i] = new double[z[i].length];
            for (int j = 0; j < z[i].length; j++) out[i][j] = f.applyAsDouble(z[i][j]);
        }
        return out;
    }

    /** s = v - h(U W^T) theta. */
    public static double[] residual(Activation h, double[][] u, double[] v, double[][] w, double[] theta) {
        double[][] hz = apply(h::phi, preActivations(u, w));
        double[] s = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            double p = 0;
            for (int j = 0; j < theta.length; j++) p += theta[j] * hz[i][j];
            s[i] = v[i] - p;
        }
        return s;
    }

    public static double loss(Activation h, double[][] u, double[] v, double[][] w, double[] theta) {
        double[] s = residual(h, u, v, w, theta);
        double q = 0;
        for (double x : s) q += x * x;
        return q / (2 * u.length);
    }

    /**
     * The size of the terms of f before cancellation, sum_i (|v^i| + sum_j |theta_j h(W[j,:]u^i)|)^2 / (2N): a loss or a
     * difference of losses computed from them is exact to about eps times this (the rounding scale of f).
     */
    public static double lossScale(Activation h, double[][] u, double[] v, double[][] w, double[] theta) {
        double[][] hz = apply(h::phi, preActivations(u, w));
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            double t = Math.abs(v[i]);
            for (int j = 0; j < theta.length; j++) t += Math.abs(theta[j] * hz[i][j]);
            s += t * t;
        }
        return s / (2 * u.length);
    }

    /** grad_W f[j][k] = -(1/N) sum_i s_i h'(W[j,:] u^i) theta_j u^i_k. */
    public static double[][] gradW(Activation h, double[][] u, double[] v, double[][] w, double[] theta) {
        double[] s = residual(h, u, v, w, theta);
        double[][] hp = apply(h::d1, preActivations(u, w));
        int nPts = u.length, n = w.length, d = u[0].length;
        double[][] g = new double[n][d];
        for (int i = 0; i < nPts; i++)
            for (int j = 0; j < n; j++) {
                double c = -s[i] * hp[i][j] * theta[j] / nPts;
                for (int k = 0; k < d; k++) g[j][k] += c * u[i][k];
            }
        return g;
    }

    /** grad_theta f = -(1/N) h(Z)^T s. */
    public static double[] gradTheta(Activation h, double[][] u, double[] v, double[][] w, double[] theta) {
        double[] s = residual(h, u, v, w, theta);
        double[][] hz = apply(h::phi, preActivations(u, w));
        double[] g = new double[theta.length];
        for (int i = 0; i < u.length; i++)
            for (int j = 0; j < theta.length; j++) g[j] -= s[i] * hz[i][j] / u.length;
        return g;
    }

    /** Hessian in theta: (1/N) sum_i h(W u^i) h(W u^i)^T (Lemma 5.7). */
    public static double[][] hessTheta(Activation h, double[][] u, double[][] w) {
        double[][] hz = apply(h::phi, preActivations(u, w));
        int n = w.length;
        double[][] a = new double[n][n];
        for (double[] row : hz)
            for (int j = 0; j < n; j++)
                for (int l = 0; l < n; l++) a[j][l] += row[j] * row[l] / u.length;
        return a;
    }

    /** D (3.3), nd x N: column i is vec_rowmajor((h'(W u^i) o theta) u^iT). */
    public static double[][] matrixD(Activation h, double[][] u, double[][] w, double[] theta) {
        double[][] hp = apply(h::d1, preActivations(u, w));
        int nPts = u.length, n = w.length, d = u[0].length;
        double[][] dm = new double[n * d][nPts];
        for (int i = 0; i < nPts; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < d; k++) dm[j * d + k][i] = hp[i][j] * theta[j] * u[i][k];
        return dm;
    }

    /** The collection {g(W u^i) u^iT} as the nd x N matrix of its row-major vecs (section 2's "full rank collection"). */
    public static double[][] collection(DoubleUnaryOperator g, double[][] u, double[][] w) {
        double[][] gz = apply(g, preActivations(u, w));
        int nPts = u.length, n = w.length, d = u[0].length;
        double[][] c = new double[n * d][nPts];
        for (int i = 0; i < nPts; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < d; k++) c[j * d + k][i] = gz[i][j] * u[i][k];
        return c;
    }

    /** The collection {g(x^i) x^iT} (W = I). */
    public static double[][] collection(DoubleUnaryOperator g, double[][] x) {
        return collection(g, x, identity(x[0].length));
    }

    /** H = [h(W u^1) ... h(W u^N)], n x N. */
    public static double[][] hiddenFeatures(DoubleUnaryOperator g, double[][] u, double[][] w) {
        return transpose(apply(g, preActivations(u, w)));
    }

    // ---- small dense helpers on plain arrays ----

    public static double[][] identity(int d) {
        double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) a[i][i] = 1;
        return a;
    }

    public static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++)
            for (int j = 0; j < a[0].length; j++) t[j][i] = a[i][j];
        return t;
    }

    public static double[] vec(double[][] a) {
        double[] v = new double[a.length * a[0].length];
        for (int i = 0; i < a.length; i++) System.arraycopy(a[i], 0, v, i * a[0].length, a[0].length);
        return v;
    }

    public static double[][] unvec(double[] v, int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (int i = 0; i < rows; i++) System.arraycopy(v, i * cols, a[i], 0, cols);
        return a;
    }

    public static double[] matVec(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double t = 0;
            for (int j = 0; j < x.length; j++) t += a[i][j] * x[j];
            y[i] = t;
        }
        return y;
    }

    public static double[][] mult(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++)
            for (int k = 0; k < b.length; k++) {
                double x = a[i][k];
                if (x == 0) continue;
                for (int j = 0; j < b[0].length; j++) c[i][j] += x * b[k][j];
            }
        return c;
    }

    /** Euclidean norm, scaled by the largest entry so that squares neither underflow nor overflow. */
    public static double norm(double[] x) {
        double m = maxAbs(x);
        if (m == 0 || !Double.isFinite(m)) return m;
        double s = 0;
        for (double v : x) s += (v / m) * (v / m);
        return m * Math.sqrt(s);
    }

    /** Frobenius norm, scaled as {@link #norm}. */
    public static double frob(double[][] a) {
        double m = maxAbs(a);
        if (m == 0 || !Double.isFinite(m)) return m;
        double s = 0;
        for (double[] r : a) for (double v : r) s += (v / m) * (v / m);
        return m * Math.sqrt(s);
    }

    public static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) m = Math.max(m, Math.abs(v));
        return m;
    }

    public static double maxAbs(double[][] a) {
        double m = 0;
        for (double[] r : a) m = Math.max(m, maxAbs(r));
        return m;
    }

    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    public static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    public static DMatrixRMaj matrix(double[][] a) {
        return new DMatrixRMaj(a);
    }

    public static double[][] plus(double[][] a, double s, double[][] b) {
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++)
            for (int j = 0; j < a[0].length; j++) c[i][j] = a[i][j] + s * b[i][j];
        return c;
    }
}
