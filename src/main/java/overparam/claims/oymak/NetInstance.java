package overparam.claims.oymak;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import overparam.data.DataArbitraries;
import overparam.data.Generators;
import overparam.data.RandomMatrices;
import overparam.nn.Activation;
import overparam.nn.Activations;
import overparam.nn.ShallowNet;

import java.util.List;
import java.util.Random;

/**
 * One instance of the oymak network: activation, data X (n x d), weights W (k x d), output weights v, labels y.
 * Plain arrays so it serialises to the corpus.
 */
public record NetInstance(String activation, double[][] x, double[][] w, double[] v, double[] y) {

    public Activation act() {
        return Activations.byName(activation);
    }

    public DMatrixRMaj xMatrix() {
        return new DMatrixRMaj(x);
    }

    public DMatrixRMaj wMatrix() {
        return new DMatrixRMaj(w);
    }

    public ShallowNet net() {
        return new ShallowNet(xMatrix(), act(), v);
    }

    public int n() {
        return x.length;
    }

    public int d() {
        return x[0].length;
    }

    public int k() {
        return w.length;
    }

    /** Output weights: the paper's +-||y||/sqrt(kn) or random Gaussian ones. */
    public enum Outputs {PAPER, RANDOM}

    /**
     * Random instances: unit rows (sphere) or Gaussian rows, W with i.i.d. N(0, s^2) entries for s in weightScales,
     * y ~ N(0, 1). Sizes shrink toward 1.
     */
    public static Arbitrary<NetInstance> arbitrary(List<String> activations, int nMax, int dMax, int kMax, boolean unitRows,
                                                   Outputs outputs, double... weightScales) {
        return arbitrary(activations, new int[] {1, nMax}, new int[] {1, dMax}, new int[] {1, kMax}, unitRows, outputs, weightScales);
    }

    /** Sizes drawn from the ranges {min, max} (e.g. from Params.range). */
    public static Arbitrary<NetInstance> arbitrary(List<String> activations, int[] n, int[] d, int[] k, boolean unitRows,
                                                   Outputs outputs, double... weightScales) {
        Arbitrary<String> acts = Arbitraries.of(activations);
        Arbitrary<Double> scales = Arbitraries.of(box(weightScales));
        return Combinators.combine(acts, DataArbitraries.ints(n[0], n[1]), DataArbitraries.ints(d[0], d[1]), DataArbitraries.ints(k[0], k[1]),
                scales, DataArbitraries.seeds()).as((a, nn, dd, kk, s, seed) -> build(a, nn, dd, kk, s, seed, unitRows, outputs));
    }

    /** The usual size and activation parameters of a network claim. */
    public static List<overparam.claims.ParamSpec> sizeParameters(int nMax, int dMax, int kMax, List<String> activations) {
        return List.of(overparam.claims.ParamSpec.range("n", 1, nMax, "number of data points"),
                overparam.claims.ParamSpec.range("d", 1, dMax, "input dimension"),
                overparam.claims.ParamSpec.range("k", 1, kMax, "width (hidden units)"),
                overparam.claims.ParamSpec.activations("activations", activations, "activations drawn from (comma-separated; s*name scales)"));
    }

    static NetInstance build(String act, int n, int d, int k, double scale, long seed, boolean unitRows, Outputs outputs) {
        Random rng = new Random(seed);
        double[][] x = unitRows ? Generators.sphere(n, d, rng.nextLong()).x() : RandomMatrices.gaussian(n, d, rng);
        double[][] w = RandomMatrices.gaussian(k, d, rng);
        for (double[] row : w) for (int j = 0; j < d; j++) row[j] *= scale;
        double[] y = RandomMatrices.gaussianVector(n, rng);
        double[] v = outputs == Outputs.PAPER ? ShallowNet.paperOutputWeights(k, overparam.linalg.Linalg.norm(y), n)
                : RandomMatrices.gaussianVector(k, rng);
        return new NetInstance(act, x, w, v, y);
    }

    private static Double[] box(double[] a) {
        Double[] b = new Double[a.length];
        for (int i = 0; i < a.length; i++) b[i] = a[i];
        return b;
    }

    /** Smallest |w_l^T x_i| relative to max(1, max|w|) * max|x|: how far from a ReLU kink the instance sits. */
    public double kinkDistance() {
        double maxW = 1, maxX = 0, minZ = Double.POSITIVE_INFINITY;
        for (double[] row : w) for (double e : row) maxW = Math.max(maxW, Math.abs(e));
        for (double[] row : x) for (double e : row) maxX = Math.max(maxX, Math.abs(e));
        for (double[] xi : x)
            for (double[] wl : w) {
                double z = 0;
                for (int j = 0; j < xi.length; j++) z += xi[j] * wl[j];
                minZ = Math.min(minZ, Math.abs(z));
            }
        return minZ / (maxW * Math.max(maxX, 1e-300));
    }
}
