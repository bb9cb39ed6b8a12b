package overparam.claims.golikov;

import org.ejml.data.DMatrixRMaj;
import overparam.claims.golikov.Instances.DeepSigmoid;
import overparam.linalg.Linalg;
import overparam.nn.Activations;
import overparam.nn.DeepNet;

import java.util.Arrays;
import java.util.Random;

/**
 * Model (8) of Nguyen and Hein as the essay writes it: bias-free sigmoid layers and a linear output layer, loss taken
 * with 1/2 (G8: (8) drops it; the 1/2 changes no minimum and halves gradients and Hessians consistently). DeepNet layer l
 * (0-based) is the paper's W_{l+1}; F_k is the output of DeepNet layer k-1 (F_0 = X).
 */
final class DeepSigmoidNet {
    private DeepSigmoidNet() {}

    static DeepNet net(int[] dims) {
        return new DeepNet(dims, Activations.SIGMOID, Activations.IDENTITY, false);
    }

    /** Weights N(0, scale^2) (the Lebesgue-generic draw of the rank lemmas). */
    static double[] weights(DeepSigmoid s, DeepNet net) {
        return net.initStandard(new Random(s.seed() + 3), s.weightScale());
    }

    /** F_l (d_l x m) for l = 0..H-1 (F_0 = X) and Z_l = W_l F_{l-1} (d_l x m) for l = 1..H. */
    record Layers(DMatrixRMaj[] f, DMatrixRMaj[] z) {}

    static Layers layers(DeepNet net, double[] theta, DMatrixRMaj x) {
        int[] dims = net.widths();
        int h = dims.length - 1, m = x.numCols;
        DMatrixRMaj[] f = new DMatrixRMaj[h], z = new DMatrixRMaj[h + 1];
        f[0] = x.copy();
        for (int l = 1; l <= h; l++) z[l] = new DMatrixRMaj(dims[l], m);
        for (int l = 1; l < h; l++) f[l] = new DMatrixRMaj(dims[l], m);
        for (int j = 0; j < m; j++) {
            double[] xj = DeepLinear.col(x, j);
            DeepNet.Forward fw = net.forward(theta, xj);
            for (int l = 1; l <= h; l++) {
                for (int i = 0; i < dims[l]; i++) z[l].set(i, j, fw.pre()[l - 1][i]);
                if (l < h) for (int i = 0; i < dims[l]; i++) f[l].set(i, j, fw.post()[l - 1][i]);
            }
        }
        return new Layers(f, z);
    }

    /** The paper's W_l (d_l x d_{l-1}) from the flat parameters. */
    static DMatrixRMaj weight(DeepNet net, double[] theta, int l) {
        int[] dims = net.widths();
        DMatrixRMaj w = new DMatrixRMaj(dims[l], dims[l - 1]);
        int off = net.weightIndex(l - 1, 0, 0);
        System.arraycopy(theta, off, w.data, 0, w.data.length);
        return w;
    }

    /** Flat indices of the parameters of layers W_{from..H} (paper numbering). */
    static int[] indices(DeepNet net, int from) {
        int start = net.weightIndex(from - 1, 0, 0);
        int[] idx = new int[net.parameterCount() - start];
        for (int i = 0; i < idx.length; i++) idx[i] = start + i;
        return idx;
    }

    static DMatrixRMaj block(DMatrixRMaj h, int[] idx) {
        DMatrixRMaj b = new DMatrixRMaj(idx.length, idx.length);
        for (int i = 0; i < idx.length; i++) for (int j = 0; j < idx.length; j++) b.set(i, j, h.get(idx[i], idx[j]));
        return b;
    }

    static String key(DeepSigmoid s) {
        return Arrays.toString(s.dims()) + s.k() + s.m() + s.structure() + s.weightScale() + s.seed();
    }

    static double smallestSingular(DMatrixRMaj a) {
        double[] s = Linalg.singularValues(a);
        return s[s.length - 1];
    }
}
