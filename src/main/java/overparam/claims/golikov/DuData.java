package overparam.claims.golikov;

import org.ejml.data.DMatrixRMaj;
import overparam.claims.BadInput;
import overparam.data.Generators;
import overparam.gauss.Kernels;
import overparam.linalg.Linalg;

import java.util.Random;

/**
 * Du et al.'s data (||x_i|| = 1, |y_i| < 1) from the catalogue's generators K7 and K8, and the infinite-width Gram
 * matrix H^inf_ij = x_i^T x_j (pi - theta_ij) / (2 pi) from the arc-cosine kernel of gauss/Kernels:
 * <ul>
 *   <li>{@code generic}: x_i uniform on the sphere (K7a);</li>
 *   <li>{@code near-parallel-E}: generic, then x_n = normalise(x_1 + 10^-E g) (K7b), E in 1..6;</li>
 *   <li>{@code separated-S}: K7a conditioned on min_{i<j} min(||x_i - x_j||, ||x_i + x_j||) >= S/10 (bounds lambda0 below);</li>
 *   <li>{@code duplicates}: x_n = x_1 (K7c, lambda0 = 0);</li>
 *   <li>{@code antipodal-pairs}: d + 1 pairs +-p_k (K7d, lambda0 = 0; n is forced to 2(d+1));</li>
 *   <li>{@code single-antipodal}: generic with x_n = -x_1 (K7e, parallel, yet lambda0 > 0 for ReLU);</li>
 *   <li>{@code clustered-T}: K8, 3 centres at pairwise angle >= 60 degrees, x = normalise(c + 10^-T g), labels
 *       constant per cluster (T in 1..3).</li>
 * </ul>
 * Labels are U(-1, 1) unless stated.
 */
final class DuData {
    private DuData() {}

    record Data(double[][] x, double[] y) {
        int n() {
            return x.length;
        }

        int d() {
            return x[0].length;
        }

        DMatrixRMaj matrix() {
            return new DMatrixRMaj(x);
        }
    }

    static Data generate(String kind, int n, int d, long seed) {
        Random rng = new Random(seed);
        double[][] x;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = 2 * rng.nextDouble() - 1;
        if (kind.startsWith("near-parallel-")) {
            x = Generators.sphere(n, d, rng.nextLong()).x();
            double eta = Math.pow(10, -Integer.parseInt(kind.substring("near-parallel-".length())));
            x[n - 1] = normalise(add(x[0], scaled(Generators.unitGaussian(rng, d), eta)));
        } else if (kind.startsWith("separated-")) {
            double sep = Integer.parseInt(kind.substring("separated-".length())) / 10.0;
            x = Generators.separated(n, d, sep, rng.nextLong()).x();
        } else if (kind.startsWith("clustered-")) {
            double tau = Math.pow(10, -Integer.parseInt(kind.substring("clustered-".length())));
            return clustered(n, d, 3, tau, rng);
        } else {
            switch (kind) {
                case "generic" -> x = Generators.sphere(n, d, rng.nextLong()).x();
                case "duplicates" -> {
                    x = Generators.sphere(n, d, rng.nextLong()).x();
                    x[n - 1] = x[0].clone();
                }
                case "single-antipodal" -> {
                    x = Generators.sphere(n, d, rng.nextLong()).x();
                    x[n - 1] = scaled(x[0], -1);
                }
                case "antipodal-pairs" -> {
                    int pairs = d + 1;
                    x = new double[2 * pairs][];
                    for (int k = 0; k < pairs; k++) {
                        x[2 * k] = Generators.unitGaussian(rng, d);
                        x[2 * k + 1] = scaled(x[2 * k], -1);
                    }
                    y = new double[2 * pairs];
                    for (int i = 0; i < y.length; i++) y[i] = 2 * rng.nextDouble() - 1;
                }
                default -> throw new BadInput("unknown Du data '" + kind + "'");
            }
        }
        return new Data(x, y);
    }

    /** K8: k centres with pairwise angle >= 60 degrees (rejection), points normalise(c + tau g), one label per cluster. */
    static Data clustered(int n, int d, int k, double tau, Random rng) {
        if (d < 2 && k > 2) throw new BadInput("clustered data need d >= 2");
        double[][] c = new double[k][];
        for (int tries = 0; ; tries++) {
            for (int j = 0; j < k; j++) c[j] = Generators.unitGaussian(rng, d);
            boolean ok = true;
            for (int a = 0; a < k && ok; a++) for (int b = a + 1; b < k && ok; b++) ok = Linalg.dot(c[a], c[b]) <= 0.5;
            if (ok) break;
            if (tries > 10_000) throw new BadInput("no well-separated centres in d = " + d);
        }
        double[] labels = new double[k];
        for (int j = 0; j < k; j++) labels[j] = 2 * rng.nextDouble() - 1;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = normalise(add(c[i % k], scaled(Generators.unitGaussian(rng, d), tau * Math.sqrt(d))));
            y[i] = labels[i % k];
        }
        return new Data(x, y);
    }

    /** H^inf from the arc-cosine (degree 0) kernel with accurate angles. */
    static DMatrixRMaj hInfinity(double[][] x) {
        return Kernels.sigma(new DMatrixRMaj(x), Kernels::reluDerivativeAngle);
    }

    static double lambda0(double[][] x) {
        return Linalg.lambdaMin(hInfinity(x));
    }

    static double[] normalise(double[] v) {
        double n = Linalg.norm(v);
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) out[i] /= n;
        return out;
    }

    static double[] add(double[] a, double[] b) {
        double[] out = a.clone();
        for (int i = 0; i < out.length; i++) out[i] += b[i];
        return out;
    }

    static double[] scaled(double[] a, double s) {
        double[] out = a.clone();
        for (int i = 0; i < out.length; i++) out[i] *= s;
        return out;
    }
}
