package overparam.data;

import java.util.Random;

/** Random matrices as plain arrays (instances must serialise to JSON), pure functions of their seed. */
public final class RandomMatrices {
    private RandomMatrices() {}

    public static double[][] gaussian(int rows, int cols, Random rng) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) for (int j = 0; j < cols; j++) row[j] = rng.nextGaussian();
        return a;
    }

    public static double[][] gaussian(int rows, int cols, long seed) {
        return gaussian(rows, cols, new Random(seed));
    }

    public static double[] gaussianVector(int n, Random rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rng.nextGaussian();
        return v;
    }

    /** G G^T with G n x rank: PSD of rank min(n, rank). */
    public static double[][] psd(int n, int rank, Random rng) {
        double[][] g = gaussian(n, rank, rng);
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) {
                double v = 0;
                for (int k = 0; k < rank; k++) v += g[i][k] * g[j][k];
                s[i][j] = v;
                s[j][i] = v;
            }
        return s;
    }

    /** A symmetric matrix with i.i.d. N(0,1) entries on and above the diagonal (indefinite in general). */
    public static double[][] symmetric(int n, Random rng) {
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) {
                double v = rng.nextGaussian();
                s[i][j] = v;
                s[j][i] = v;
            }
        return s;
    }
}
