package overparam.claims.golikov;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.Random;

/**
 * A two-hidden-layer ReLU classifier with softmax cross-entropy, trained by minibatch SGD with momentum (the Figure 1
 * analogue, golikov/E1). Standard parameterisation: He initialisation N(0, 2/fan_in), zero biases, a fixed learning
 * rate; or the NTK parameterisation: N(0, 1) weights with each layer's output scaled by 1/sqrt(fan_in). Batches are
 * EJML matrix products; rows are samples.
 */
final class MlpClassifier {
    enum Parameterisation {STANDARD, NTK}

    private final int[] widths;
    private final Parameterisation param;
    private final DMatrixRMaj[] w, vw;
    private final double[][] b, vb;
    private final double[] scale;

    MlpClassifier(int[] widths, Parameterisation param, Random rng) {
        this.widths = widths.clone();
        this.param = param;
        int layers = widths.length - 1;
        w = new DMatrixRMaj[layers];
        vw = new DMatrixRMaj[layers];
        b = new double[layers][];
        vb = new double[layers][];
        scale = new double[layers];
        for (int l = 0; l < layers; l++) {
            int in = widths[l], out = widths[l + 1];
            w[l] = new DMatrixRMaj(out, in);
            double sd = param == Parameterisation.STANDARD ? Math.sqrt(2.0 / in) : 1;
            for (int i = 0; i < w[l].data.length; i++) w[l].data[i] = rng.nextGaussian() * sd;
            vw[l] = new DMatrixRMaj(out, in);
            b[l] = new double[out];
            vb[l] = new double[out];
            scale[l] = param == Parameterisation.STANDARD ? 1 : Math.sqrt(2.0 / in);
        }
    }

    int classes() {
        return widths[widths.length - 1];
    }

    /** Pre-activations and activations of a batch (rows = samples). */
    private DMatrixRMaj[][] forward(DMatrixRMaj x) {
        int layers = w.length;
        DMatrixRMaj[] pre = new DMatrixRMaj[layers], post = new DMatrixRMaj[layers + 1];
        post[0] = x;
        for (int l = 0; l < layers; l++) {
            DMatrixRMaj z = new DMatrixRMaj(x.numRows, widths[l + 1]);
            CommonOps_DDRM.multTransB(scale[l], post[l], w[l], z);
            for (int r = 0; r < z.numRows; r++)
                for (int c = 0; c < z.numCols; c++) z.data[r * z.numCols + c] += b[l][c];
            pre[l] = z;
            if (l < layers - 1) {
                DMatrixRMaj a = z.copy();
                for (int i = 0; i < a.data.length; i++) a.data[i] = Math.max(0, a.data[i]);
                post[l + 1] = a;
            } else post[l + 1] = z;
        }
        return new DMatrixRMaj[][] {pre, post};
    }

    int[] predict(DMatrixRMaj x) {
        DMatrixRMaj logits = forward(x)[1][w.length];
        int[] out = new int[x.numRows];
        for (int r = 0; r < x.numRows; r++) {
            int best = 0;
            for (int c = 1; c < logits.numCols; c++) if (logits.get(r, c) > logits.get(r, best)) best = c;
            out[r] = best;
        }
        return out;
    }

    double accuracy(DMatrixRMaj x, int[] y) {
        int[] p = predict(x);
        int ok = 0;
        for (int i = 0; i < y.length; i++) if (p[i] == y[i]) ok++;
        return (double) ok / y.length;
    }

    /** Mean cross-entropy of a dataset. */
    double crossEntropy(DMatrixRMaj x, int[] y) {
        DMatrixRMaj logits = forward(x)[1][w.length];
        double s = 0;
        for (int r = 0; r < x.numRows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < logits.numCols; c++) max = Math.max(max, logits.get(r, c));
            double z = 0;
            for (int c = 0; c < logits.numCols; c++) z += Math.exp(logits.get(r, c) - max);
            s += Math.log(z) + max - logits.get(r, y[r]);
        }
        return s / x.numRows;
    }

    /** One SGD-with-momentum step (v = mu v + g, theta -= lr v) on a batch. */
    void step(DMatrixRMaj x, int[] y, double lr, double momentum) {
        DMatrixRMaj[][] fw = forward(x);
        DMatrixRMaj[] pre = fw[0], post = fw[1];
        int layers = w.length, batch = x.numRows;
        DMatrixRMaj g = post[layers].copy();
        for (int r = 0; r < batch; r++) {
            double max = Double.NEGATIVE_INFINITY, z = 0;
            for (int c = 0; c < g.numCols; c++) max = Math.max(max, g.get(r, c));
            for (int c = 0; c < g.numCols; c++) {
                double e = Math.exp(g.get(r, c) - max);
                g.set(r, c, e);
                z += e;
            }
            for (int c = 0; c < g.numCols; c++) g.set(r, c, (g.get(r, c) / z - (c == y[r] ? 1 : 0)) / batch);
        }
        for (int l = layers - 1; l >= 0; l--) {
            DMatrixRMaj gw = new DMatrixRMaj(widths[l + 1], widths[l]);
            CommonOps_DDRM.multTransA(scale[l], g, post[l], gw);
            double[] gb = new double[widths[l + 1]];
            for (int r = 0; r < batch; r++) for (int c = 0; c < gb.length; c++) gb[c] += g.get(r, c);
            DMatrixRMaj next = null;
            if (l > 0) {
                next = new DMatrixRMaj(batch, widths[l]);
                CommonOps_DDRM.mult(scale[l], g, w[l], next);
                for (int i = 0; i < next.data.length; i++) if (pre[l - 1].data[i] <= 0) next.data[i] = 0;
            }
            for (int i = 0; i < gw.data.length; i++) {
                vw[l].data[i] = momentum * vw[l].data[i] + gw.data[i];
                w[l].data[i] -= lr * vw[l].data[i];
            }
            for (int c = 0; c < gb.length; c++) {
                vb[l][c] = momentum * vb[l][c] + gb[c];
                b[l][c] -= lr * vb[l][c];
            }
            g = next;
        }
    }

    int parameterCount() {
        int p = 0;
        for (int l = 0; l < w.length; l++) p += w[l].data.length + b[l].length;
        return p;
    }
}
