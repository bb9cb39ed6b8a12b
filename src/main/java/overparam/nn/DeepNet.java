package overparam.nn;

import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.Random;

/**
 * A fully connected network with layers l = 0..L-1: a_l = W_l h_{l-1} (+ b_l), h_l = s_l * act_l(a_l), h_{-1} = x.
 * W_l is (widths[l+1] x widths[l]); hidden layers use {@code hidden}, the last layer {@code output}; s_l is a per-layer
 * post-activation scale (1 for the literal parameterisation, 1/sqrt(M_l) for NTK-style P2 of edmonds).
 * Parameters are flattened layer by layer: W_l row-major, then b_l.
 * The gradient is exact backpropagation; the Hessian is exact, column by column, by Pearlmutter's R-operator
 * (forward-over-reverse recursion), so no finite differences enter it.
 */
public final class DeepNet {
    private final int[] widths;
    private final Activation hidden, output;
    private final boolean bias;
    private final double[] postScale;
    private final int[] offsets;
    private final int parameterCount;

    public DeepNet(int[] widths, Activation hidden, Activation output, boolean bias, double[] postScale) {
        if (widths.length < 2) throw new IllegalArgumentException("a network needs at least an input and an output width");
        for (int w : widths) if (w < 1) throw new IllegalArgumentException("every width must be >= 1, got " + Arrays.toString(widths));
        if (postScale.length != widths.length - 1)
            throw new IllegalArgumentException("postScale needs one entry per layer (" + (widths.length - 1) + ")");
        this.widths = widths.clone();
        this.hidden = hidden;
        this.output = output;
        this.bias = bias;
        this.postScale = postScale.clone();
        this.offsets = new int[layers() + 1];
        for (int l = 0; l < layers(); l++) offsets[l + 1] = offsets[l] + widths[l + 1] * widths[l] + (bias ? widths[l + 1] : 0);
        this.parameterCount = offsets[layers()];
    }

    /** Unit post-scales. */
    public DeepNet(int[] widths, Activation hidden, Activation output, boolean bias) {
        this(widths, hidden, output, bias, filled(widths.length - 1, 1.0));
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    public int layers() {
        return widths.length - 1;
    }

    public int[] widths() {
        return widths.clone();
    }

    public int inputDim() {
        return widths[0];
    }

    public int outputDim() {
        return widths[widths.length - 1];
    }

    public boolean hasBias() {
        return bias;
    }

    public int parameterCount() {
        return parameterCount;
    }

    /** Index of W_l[i][j] in the flat parameter vector. */
    public int weightIndex(int l, int i, int j) {
        return offsets[l] + i * widths[l] + j;
    }

    public int biasIndex(int l, int i) {
        if (!bias) throw new IllegalStateException("network has no biases");
        return offsets[l] + widths[l + 1] * widths[l] + i;
    }

    /** i.i.d. N(0, scale^2 / fan_in) weights (scale 1: LeCun); biases 0. */
    public double[] initFanIn(Random rng, double scale) {
        double[] theta = new double[parameterCount];
        for (int l = 0; l < layers(); l++)
            for (int i = 0; i < widths[l + 1]; i++)
                for (int j = 0; j < widths[l]; j++)
                    theta[weightIndex(l, i, j)] = rng.nextGaussian() * scale / Math.sqrt(widths[l]);
        return theta;
    }

    /** i.i.d. N(0, scale^2) weights (NTK-style), biases 0. */
    public double[] initStandard(Random rng, double scale) {
        double[] theta = new double[parameterCount];
        for (int l = 0; l < layers(); l++)
            for (int i = 0; i < widths[l + 1]; i++)
                for (int j = 0; j < widths[l]; j++) theta[weightIndex(l, i, j)] = rng.nextGaussian() * scale;
        return theta;
    }

    private Activation act(int l) {
        return l == layers() - 1 ? output : hidden;
    }

    /** Pre-activations a_l and activations h_l of one input. */
    public record Forward(double[][] pre, double[][] post) {
        public double[] output() {
            return post[post.length - 1];
        }
    }

    public Forward forward(double[] theta, double[] x) {
        checkTheta(theta);
        if (x.length != widths[0]) throw new IllegalArgumentException("input: expected dimension " + widths[0] + ", got " + x.length);
        double[][] pre = new double[layers()][], post = new double[layers()][];
        double[] h = x;
        for (int l = 0; l < layers(); l++) {
            int out = widths[l + 1], in = widths[l];
            double[] a = new double[out], hl = new double[out];
            for (int i = 0; i < out; i++) {
                double s = bias ? theta[biasIndex(l, i)] : 0;
                int off = weightIndex(l, i, 0);
                for (int j = 0; j < in; j++) s += theta[off + j] * h[j];
                a[i] = s;
                hl[i] = postScale[l] * act(l).phi(s);
            }
            pre[l] = a;
            post[l] = hl;
            h = hl;
        }
        return new Forward(pre, post);
    }

    public double[] output(double[] theta, double[] x) {
        return forward(theta, x).output();
    }

    /** Gradient of u^T f(x) with respect to all parameters (backpropagation). */
    public double[] gradient(double[] theta, double[] x, double[] u) {
        return hessianVectorProduct(theta, x, u, null)[0];
    }

    /** The Jacobian of the outputs for one input: outputDim x P. */
    public DMatrixRMaj outputJacobian(double[] theta, double[] x) {
        DMatrixRMaj j = new DMatrixRMaj(outputDim(), parameterCount);
        for (int k = 0; k < outputDim(); k++) {
            double[] u = new double[outputDim()];
            u[k] = 1;
            double[] g = gradient(theta, x, u);
            System.arraycopy(g, 0, j.data, k * parameterCount, parameterCount);
        }
        return j;
    }

    /** Exact Hessian of u^T f(x) with respect to the parameters: column p is R{grad} along e_p. */
    public DMatrixRMaj outputHessian(double[] theta, double[] x, double[] u) {
        DMatrixRMaj h = new DMatrixRMaj(parameterCount, parameterCount);
        double[] dir = new double[parameterCount];
        for (int p = 0; p < parameterCount; p++) {
            dir[p] = 1;
            double[] col = hessianVectorProduct(theta, x, u, dir)[1];
            dir[p] = 0;
            for (int q = 0; q < parameterCount; q++) h.set(q, p, col[q]);
        }
        return h;
    }

    /**
     * Returns {grad, H v} of u^T f(x) by one forward pass with R-forward and one backward pass with R-backward.
     * With {@code dir == null} only the gradient is computed.
     */
    public double[][] hessianVectorProduct(double[] theta, double[] x, double[] u, double[] dir) {
        Forward fw = forward(theta, x);
        if (u.length != outputDim()) throw new IllegalArgumentException("output weights: expected " + outputDim() + ", got " + u.length);
        boolean r = dir != null;
        if (r && dir.length != parameterCount) throw new IllegalArgumentException("direction: expected " + parameterCount + " entries");
        int L = layers();
        double[][] rPre = new double[L][], rPost = new double[L][];
        if (r) {
            double[] rh = new double[widths[0]];
            double[] h = x;
            for (int l = 0; l < L; l++) {
                int out = widths[l + 1], in = widths[l];
                double[] ra = new double[out], rhl = new double[out];
                for (int i = 0; i < out; i++) {
                    double s = bias ? dir[biasIndex(l, i)] : 0;
                    int off = weightIndex(l, i, 0);
                    for (int j = 0; j < in; j++) s += dir[off + j] * h[j] + theta[off + j] * rh[j];
                    ra[i] = s;
                    rhl[i] = postScale[l] * act(l).d1(fw.pre[l][i]) * s;
                }
                rPre[l] = ra;
                rPost[l] = rhl;
                rh = rhl;
                h = fw.post[l];
            }
        }
        double[] grad = new double[parameterCount];
        double[] hv = r ? new double[parameterCount] : null;
        double[] g = u.clone();
        double[] rg = new double[u.length];
        for (int l = L - 1; l >= 0; l--) {
            int out = widths[l + 1], in = widths[l];
            double[] hPrev = l == 0 ? x : fw.post[l - 1];
            double[] rhPrev = (!r || l == 0) ? null : rPost[l - 1];
            double[] delta = new double[out], rDelta = new double[out];
            for (int i = 0; i < out; i++) {
                double a = fw.pre[l][i];
                delta[i] = postScale[l] * act(l).d1(a) * g[i];
                if (r) rDelta[i] = postScale[l] * (act(l).d2(a) * rPre[l][i] * g[i] + act(l).d1(a) * rg[i]);
            }
            for (int i = 0; i < out; i++) {
                int off = weightIndex(l, i, 0);
                for (int j = 0; j < in; j++) {
                    grad[off + j] = delta[i] * hPrev[j];
                    if (r) hv[off + j] = rDelta[i] * hPrev[j] + (rhPrev == null ? 0 : delta[i] * rhPrev[j]);
                }
                if (bias) {
                    grad[biasIndex(l, i)] = delta[i];
                    if (r) hv[biasIndex(l, i)] = rDelta[i];
                }
            }
            double[] gPrev = new double[in], rgPrev = new double[in];
            for (int j = 0; j < in; j++) {
                double s = 0, rs = 0;
                for (int i = 0; i < out; i++) {
                    int idx = weightIndex(l, i, j);
                    s += theta[idx] * delta[i];
                    if (r) rs += dir[idx] * delta[i] + theta[idx] * rDelta[i];
                }
                gPrev[j] = s;
                rgPrev[j] = rs;
            }
            g = gPrev;
            rg = rgPrev;
        }
        return new double[][] {grad, hv};
    }

    /**
     * The net on a dataset as a least-squares model with one residual per (sample, output):
     * r_{d,k} = f_k(x_d) - y_{d,k}, row index d * outputDim + k.
     */
    public LeastSquaresModel model(double[][] xs, double[][] ys) {
        if (xs.length != ys.length) throw new IllegalArgumentException("inputs and targets differ in count: " + xs.length + " vs " + ys.length);
        for (double[] y : ys) if (y.length != outputDim()) throw new IllegalArgumentException("target dimension must be " + outputDim());
        DeepNet net = this;
        return new LeastSquaresModel() {
            public int parameterCount() {
                return parameterCount;
            }

            public int sampleCount() {
                return xs.length * outputDim();
            }

            public double[] residual(double[] theta) {
                double[] r = new double[sampleCount()];
                for (int d = 0; d < xs.length; d++) {
                    double[] f = net.output(theta, xs[d]);
                    for (int k = 0; k < outputDim(); k++) r[d * outputDim() + k] = f[k] - ys[d][k];
                }
                return r;
            }

            public double[] gradient(double[] theta, double[] residual) {
                double[] g = new double[parameterCount];
                for (int d = 0; d < xs.length; d++) {
                    double[] u = Arrays.copyOfRange(residual, d * outputDim(), (d + 1) * outputDim());
                    double[] gd = net.gradient(theta, xs[d], u);
                    for (int p = 0; p < parameterCount; p++) g[p] += gd[p];
                }
                return g;
            }

            public DMatrixRMaj jacobian(double[] theta) {
                DMatrixRMaj j = new DMatrixRMaj(sampleCount(), parameterCount);
                for (int d = 0; d < xs.length; d++) {
                    DMatrixRMaj jd = net.outputJacobian(theta, xs[d]);
                    System.arraycopy(jd.data, 0, j.data, d * outputDim() * parameterCount, jd.data.length);
                }
                return j;
            }

            public double[] sampleGradient(double[] theta, int i) {
                double[] u = new double[outputDim()];
                u[i % outputDim()] = 1;
                return net.gradient(theta, xs[i / outputDim()], u);
            }
        };
    }

    /** Exact Hessian of 1/2 sum_d ||f(x_d) - y_d||^2: sum_d (J_d^T J_d + H[r_d^T f(x_d)]). */
    public DMatrixRMaj lossHessian(double[] theta, double[][] xs, double[][] ys) {
        DMatrixRMaj h = new DMatrixRMaj(parameterCount, parameterCount);
        for (int d = 0; d < xs.length; d++) {
            double[] f = output(theta, xs[d]);
            double[] r = new double[f.length];
            for (int k = 0; k < f.length; k++) r[k] = f[k] - ys[d][k];
            DMatrixRMaj jd = outputJacobian(theta, xs[d]);
            DMatrixRMaj jtj = new DMatrixRMaj(parameterCount, parameterCount);
            org.ejml.dense.row.CommonOps_DDRM.multTransA(jd, jd, jtj);
            org.ejml.dense.row.CommonOps_DDRM.addEquals(h, jtj);
            org.ejml.dense.row.CommonOps_DDRM.addEquals(h, outputHessian(theta, xs[d], r));
        }
        return h;
    }

    private void checkTheta(double[] theta) {
        if (theta.length != parameterCount)
            throw new IllegalArgumentException("parameter vector: expected " + parameterCount + " entries, got " + theta.length);
    }
}
