package overparam.claims.edmonds;

import overparam.nn.Activation;
import overparam.nn.Activations;
import overparam.nn.DeepNet;

import java.util.Arrays;
import java.util.Random;

/**
 * The network of edmonds §1.1 as a thin adapter over {@link DeepNet}: weight layers l = 0..L-1, x_{d,0} = x_d,
 * z_{d,l} = W_l^T x_{d,l} (+ bias), x_{d,l+1} = s_l * act(z_{d,l}), NN = x_{d,L} (one output, sigmoid by default).
 * The catalogue's w_{l,k,j} (from input k of layer l to its output j) is DeepNet's W_l[j][k]. Parameterisation P1 is
 * the literal x = sigma(z) with LeCun fan-in weights; P2 is NTK-style, x = sigma(z)/sqrt(M_l) with N(0,1) weights
 * (s_l = 1/sqrt(M_l); the output layer has M_{L-1} = 1, so s_{L-1} = 1 either way).
 * A bias is the catalogue's optional constant-1 coordinate appended to every x_{d,l} (the paper has none).
 * Besides the DeepNet route (exact gradient and R-operator Hessian), {@link #point} computes the paper's own objects:
 * S_l = dNN/dx_l, delta_l = dNN/dz_l and the H^z/H^x recursion of §1.2.
 */
public final class EdmondsNet {
    /** P1: literal x = sigma(z), w ~ N(0, s^2/M_{l-1}); P2: x = sigma(z)/sqrt(M_l), w ~ N(0, s^2). */
    public enum Param {P1, P2}

    private final int n;
    private final int[] hidden;
    private final boolean bias;
    private final Param param;
    private final Activation act, out;
    private final DeepNet deep;
    private final double[] scale;

    public EdmondsNet(int n, int[] hidden, boolean bias, Param param, Activation act, Activation out) {
        this.n = n;
        this.hidden = hidden.clone();
        this.bias = bias;
        this.param = param;
        this.act = act;
        this.out = out;
        int[] widths = new int[hidden.length + 2];
        widths[0] = n;
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = 1;
        this.scale = new double[hidden.length + 1];
        for (int l = 0; l < scale.length; l++) scale[l] = param == Param.P2 ? 1 / Math.sqrt(widths[l + 1]) : 1.0;
        this.deep = new DeepNet(widths, act, out, bias, scale);
    }

    /** The paper's network: sigmoid everywhere. */
    public static EdmondsNet sigmoid(int n, int[] hidden, boolean bias, Param param) {
        return new EdmondsNet(n, hidden, bias, param, Activations.SIGMOID, Activations.SIGMOID);
    }

    public int layers() {
        return hidden.length + 1;
    }

    /** M_l for l = -1..L-1 (M_{-1} = N, M_{L-1} = 1). */
    public int width(int l) {
        if (l == -1) return n;
        if (l == hidden.length) return 1;
        return hidden[l];
    }

    public int inputDim() {
        return n;
    }

    public int[] hidden() {
        return hidden.clone();
    }

    public boolean bias() {
        return bias;
    }

    public Param param() {
        return param;
    }

    public Activation activation(int l) {
        return l == layers() - 1 ? out : act;
    }

    public Activation hiddenActivation() {
        return act;
    }

    public Activation outputActivation() {
        return out;
    }

    public double postScale(int l) {
        return scale[l];
    }

    public DeepNet deep() {
        return deep;
    }

    public int parameterCount() {
        return deep.parameterCount();
    }

    /** Flat index of the catalogue's w_{l,k,j}. */
    public int weightIndex(int l, int k, int j) {
        return deep.weightIndex(l, j, k);
    }

    public int biasIndex(int l, int j) {
        return deep.biasIndex(l, j);
    }

    /** Layer of a flat parameter index. */
    public int layerOf(int p) {
        for (int l = layers() - 1; l >= 0; l--) if (p >= weightIndex(l, 0, 0)) return l;
        throw new IllegalArgumentException("parameter " + p);
    }

    /** {l, k, j} of a weight index, or {l, -1, j} for a bias. */
    public int[] decode(int p) {
        int l = layerOf(p);
        int off = p - weightIndex(l, 0, 0);
        int in = width(l - 1), outW = width(l);
        if (off < in * outW) return new int[] {l, off % in, off / in};
        return new int[] {l, -1, off - in * outW};
    }

    /** Random weights at scale s (P1: N(0, s^2/fan-in); P2: N(0, s^2)); biases 0. */
    public double[] init(Random rng, double s) {
        return param == Param.P2 ? deep.initStandard(rng, s) : deep.initFanIn(rng, s);
    }

    /** NN_w(x). */
    public double output(double[] theta, double[] x) {
        return deep.output(theta, x)[0];
    }

    /** dNN(x)/dtheta by DeepNet's backpropagation. */
    public double[] gradient(double[] theta, double[] x) {
        return deep.gradient(theta, x, new double[] {1});
    }

    /** Exact Hessian of NN(x) in the parameters (DeepNet's R-operator). */
    public org.ejml.data.DMatrixRMaj hessian(double[] theta, double[] x) {
        return deep.outputHessian(theta, x, new double[] {1});
    }

    /**
     * NN(x) and its parameter gradient written into {@code grad}, by the paper's backprop (delta_l = s sigma'(z_l) o
     * S_{l+1}, dNN/dw_{l,k,j} = delta_{l,j} x_{l,k}): the allocation-light route used inside GD loops.
     */
    public double outputAndGradient(double[] theta, double[] x, double[] grad) {
        int L = layers();
        double[][] xs = new double[L + 1][], zs = new double[L][];
        xs[0] = x;
        for (int l = 0; l < L; l++) {
            int in = width(l - 1), o = width(l);
            double[] z = new double[o], nx = new double[o];
            Activation a = activation(l);
            for (int j = 0; j < o; j++) {
                int off = deep.weightIndex(l, j, 0);
                double s = bias ? theta[deep.biasIndex(l, j)] : 0;
                for (int k = 0; k < in; k++) s += theta[off + k] * xs[l][k];
                z[j] = s;
                nx[j] = scale[l] * a.phi(s);
            }
            zs[l] = z;
            xs[l + 1] = nx;
        }
        double[] sNext = {1};
        for (int l = L - 1; l >= 0; l--) {
            int in = width(l - 1), o = width(l);
            Activation a = activation(l);
            double[] s = new double[in];
            for (int j = 0; j < o; j++) {
                double delta = scale[l] * a.d1(zs[l][j]) * sNext[j];
                int off = deep.weightIndex(l, j, 0);
                for (int k = 0; k < in; k++) {
                    grad[off + k] = delta * xs[l][k];
                    s[k] += theta[off + k] * delta;
                }
                if (bias) grad[deep.biasIndex(l, j)] = delta;
            }
            sNext = s;
        }
        return xs[L][0];
    }

    /**
     * The paper's objects at one input (§1.2): x_l (l = 0..L, without the bias coordinate), z_l, y_l = act(z_l)
     * (unscaled), sp_l = s_l act'(z_l) = dx_{l+1}/dz_l, ratio_l = act''/act' (= 1 - 2y = -tanh(z/2) for sigmoid), S_l = dNN/dx_l
     * (S_L = 1), delta_l = dNN/dz_l, and with {@code hessians} H^x_l = d2NN/dx_l dx_l^T (H^x_L = 0) and
     * H^z_l = diag(sp) H^x_{l+1} diag(sp) + diag(s act''(z) o S_{l+1}) (Lemmas 7 and 8 as equalities),
     * H^x_l = W_l H^z_l W_l^T.
     */
    public Point point(double[] theta, double[] x, boolean hessians) {
        int L = layers();
        double[][] xs = new double[L + 1][], zs = new double[L][], ys = new double[L][], sp = new double[L][], ratio = new double[L][],
                curv = new double[L][];
        xs[0] = x.clone();
        for (int l = 0; l < L; l++) {
            int in = width(l - 1), o = width(l);
            Activation a = activation(l);
            zs[l] = new double[o];
            ys[l] = new double[o];
            sp[l] = new double[o];
            ratio[l] = new double[o];
            curv[l] = new double[o];
            xs[l + 1] = new double[o];
            for (int j = 0; j < o; j++) {
                double s = bias ? theta[deep.biasIndex(l, j)] : 0;
                for (int k = 0; k < in; k++) s += theta[weightIndex(l, k, j)] * xs[l][k];
                zs[l][j] = s;
                ys[l][j] = a.phi(s);
                xs[l + 1][j] = scale[l] * ys[l][j];
                double d1 = a.d1(s), d2 = a.d2(s);
                sp[l][j] = scale[l] * d1;
                curv[l][j] = scale[l] * d2;
                ratio[l][j] = a == Activations.SIGMOID ? -Math.tanh(s / 2) : d1 == 0 ? 0 : d2 / d1;
            }
        }
        double[][] sx = new double[L + 1][], delta = new double[L][];
        double[][][] hx = hessians ? new double[L + 1][][] : null, hz = hessians ? new double[L][][] : null;
        sx[L] = new double[] {1};
        if (hessians) hx[L] = new double[][] {{0}};
        for (int l = L - 1; l >= 0; l--) {
            int in = width(l - 1), o = width(l);
            delta[l] = new double[o];
            for (int j = 0; j < o; j++) delta[l][j] = sp[l][j] * sx[l + 1][j];
            sx[l] = new double[in];
            for (int k = 0; k < in; k++) {
                double s = 0;
                for (int j = 0; j < o; j++) s += theta[weightIndex(l, k, j)] * delta[l][j];
                sx[l][k] = s;
            }
            if (hessians) {
                double[][] h = new double[o][o];
                for (int j = 0; j < o; j++) {
                    for (int jj = 0; jj < o; jj++) h[j][jj] = sp[l][j] * hx[l + 1][j][jj] * sp[l][jj];
                    h[j][j] += curv[l][j] * sx[l + 1][j];
                }
                hz[l] = h;
                double[][] t = new double[in][o];
                for (int k = 0; k < in; k++)
                    for (int jj = 0; jj < o; jj++) {
                        double s = 0;
                        for (int j = 0; j < o; j++) s += theta[weightIndex(l, k, j)] * h[j][jj];
                        t[k][jj] = s;
                    }
                double[][] g = new double[in][in];
                for (int k = 0; k < in; k++)
                    for (int kk = 0; kk < in; kk++) {
                        double s = 0;
                        for (int jj = 0; jj < o; jj++) s += t[k][jj] * theta[weightIndex(l, kk, jj)];
                        g[k][kk] = s;
                    }
                hx[l] = g;
            }
        }
        return new Point(xs, zs, ys, sp, ratio, sx, delta, hx, hz);
    }

    /** The paper's per-input objects; index conventions as in {@link #point}. */
    public record Point(double[][] x, double[][] z, double[][] y, double[][] sp, double[][] ratio, double[][] s, double[][] delta,
                        double[][][] hx, double[][][] hz) {
        public double output() {
            return x[x.length - 1][0];
        }

        /** |x_l|^2 including the bias coordinate when the net has one. */
        public double xNorm2(int l, boolean bias) {
            double s = bias ? 1 : 0;
            for (double v : x[l]) s += v * v;
            return s;
        }

        public double deltaNorm2(int l) {
            double s = 0;
            for (double v : delta[l]) s += v * v;
            return s;
        }
    }

    @Override
    public String toString() {
        return "EdmondsNet[N=" + n + ", hidden=" + Arrays.toString(hidden) + ", bias=" + bias + ", " + param + ", " + act.name() + "/" + out.name() + "]";
    }
}
