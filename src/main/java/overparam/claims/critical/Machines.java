package overparam.claims.critical;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import overparam.data.DataArbitraries;
import overparam.data.Generators;

import java.util.Random;

/**
 * Generators of the critical paper's machines (catalogue section 5.1), pure functions of their parameters and seed:
 * <ul>
 * <li>A ("typical"): x_d on the sphere in R^N, NN_1 = tanh(A x + b) fixed random layer, NN_3 a tanh net, M' >= 1;</li>
 * <li>B (scalar input): x_d = d, NN_1 = the triangular step layer [x'_d]_i = step(i - d), NN_3 = identity, M' = 1;</li>
 * <li>C (identity first stage): x' = x with N(0,1) entries, M = N, NN_3 = identity, M' = 1;</li>
 * <li>R (prescribed scaling factor): x' = U diag(s) V^T with s_min = r set directly.</li>
 * </ul>
 * Weights w ~ N(0, s^2), s in {0.01, 1, 50} (50 saturates tanh/sigmoid stages); targets y* ~ N(0,1), or uniform in
 * (0, 1) for a sigmoid output.
 */
final class Machines {
    private Machines() {}

    static final String[] NN3 = {"tanh-net", "full-range", "sigmoid"};

    /** x' = U diag(s) V^T (M x D, M >= D): U orthonormal columns, V orthogonal, s_min = r, other s_i in [r, smax]. */
    static double[][] prescribed(int m, int d, double r, double smax, Random rng) {
        double[][] u = orthonormalColumns(m, d, rng), v = orthonormalColumns(d, d, rng);
        double[] s = new double[d];
        s[0] = r;
        for (int i = 1; i < d; i++) s[i] = r * Math.pow(smax / r, rng.nextDouble());
        double[][] x = new double[m][d];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < d; j++) {
                double t = 0;
                for (int k = 0; k < d; k++) t += u[i][k] * s[k] * v[j][k];
                x[i][j] = t;
            }
        return x;
    }

    /** Q factor (m x d, m >= d) of a Gaussian matrix by twice-repeated modified Gram-Schmidt. */
    static double[][] orthonormalColumns(int m, int d, Random rng) {
        double[][] q = new double[m][d];
        for (int j = 0; j < d; j++) {
            double[] c = new double[m];
            for (int i = 0; i < m; i++) c[i] = rng.nextGaussian();
            for (int pass = 0; pass < 2; pass++)
                for (int k = 0; k < j; k++) {
                    double dot = 0;
                    for (int i = 0; i < m; i++) dot += q[i][k] * c[i];
                    for (int i = 0; i < m; i++) c[i] -= dot * q[i][k];
                }
            double n = 0;
            for (double e : c) n += e * e;
            n = Math.sqrt(n);
            for (int i = 0; i < m; i++) q[i][j] = c[i] / n;
        }
        return q;
    }

    static Stage3 stage3(String kind, int mPrime, int h, Random rng) {
        return switch (kind) {
            case "tanh-net" -> Stage3.tanhNet(mPrime, h, rng);
            case "full-range" -> Stage3.fullRange(mPrime, rng);
            case "sigmoid" -> {
                double[] l = new double[mPrime];
                for (int j = 0; j < mPrime; j++) l[j] = rng.nextGaussian();
                yield Stage3.sigmoidOutput(l, rng.nextGaussian());
            }
            case "identity" -> Stage3.identity();
            default -> throw new IllegalArgumentException("unknown NN_3 kind " + kind);
        };
    }

    static double[] targets(Stage3 nn3, int d, Random rng) {
        double[] y = new double[d];
        for (int i = 0; i < d; i++) y[i] = nn3.outer().equals("sigmoid") ? 0.02 + 0.96 * rng.nextDouble() : rng.nextGaussian();
        return y;
    }

    static double[][] weights(int mPrime, int m, double scale, Random rng) {
        double[][] w = new double[mPrime][m];
        for (double[] row : w) for (int k = 0; k < m; k++) row[k] = scale * rng.nextGaussian();
        return w;
    }

    /** Machine A: tanh(A x + b) features of sphere inputs in R^N, tanh-net / full-range / sigmoid NN_3. */
    static Machine machineA(int n, int d, int m, int mPrime, int h, String nn3Kind, double wScale, long seed) {
        Random rng = new Random(seed);
        double[][] x = Generators.sphere(d, n, rng.nextLong()).x();
        double[][] a = new double[m][n];
        double[] b = new double[m];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < n; k++) a[i][k] = rng.nextGaussian();
            b[i] = rng.nextGaussian();
        }
        double[][] xp = new double[m][d];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < d; j++) xp[i][j] = Math.tanh(Stage3.dot(a[i], x[j]) + b[i]);
        Stage3 nn3 = stage3(nn3Kind, mPrime, h, rng);
        return new Machine("A", xp, weights(mPrime, m, wScale, rng), nn3, targets(nn3, d, rng));
    }

    /** The triangular step features of section 2.4: [x'_d]_i = 1 iff -d + i >= 0 (strict: iff -d + i > 0). */
    static double[][] triangular(int m, int d, boolean strict) {
        double[][] x = new double[m][d];
        for (int i = 1; i <= m; i++)
            for (int j = 1; j <= d; j++) x[i - 1][j - 1] = (strict ? i - j > 0 : i - j >= 0) ? 1 : 0;
        return x;
    }

    /** Machine B: scalar inputs x_d = d, triangular step layer, NN_3 = identity. */
    static Machine machineB(int d, int m, double wScale, long seed) {
        Random rng = new Random(seed);
        Stage3 nn3 = Stage3.identity();
        return new Machine("B", triangular(m, d, false), weights(1, m, wScale, rng), nn3, targets(nn3, d, rng));
    }

    /** Machine C: x' = x with N(0,1) entries (N = M inputs), NN_3 = identity. */
    static Machine machineC(int d, int m, double wScale, long seed) {
        Random rng = new Random(seed);
        double[][] x = new double[m][d];
        for (double[] row : x) for (int j = 0; j < d; j++) row[j] = rng.nextGaussian();
        Stage3 nn3 = Stage3.identity();
        return new Machine("C", x, weights(1, m, wScale, rng), nn3, targets(nn3, d, rng));
    }

    /** Machine R: x' = U diag(s) V^T with s_min = r = 10^rExp, s_max up to 10. */
    static Machine prescribedR(int d, int m, int mPrime, int h, String nn3Kind, double rExp, double wScale, long seed) {
        Random rng = new Random(seed);
        double r = Math.pow(10, rExp);
        double[][] xp = prescribed(m, d, r, Math.max(r, 10 * rng.nextDouble()), rng);
        Stage3 nn3 = stage3(nn3Kind, mPrime, h, rng);
        return new Machine("R", xp, weights(mPrime, m, wScale, rng), nn3, targets(nn3, d, rng));
    }

    /**
     * Random machines of all four kinds with M = D + extra (extra >= minExtra; negative values give M < D).
     * D in [1, dMax], M' in [1, 4], NN_3 width in [1, 6], weight scale in {0.01, 1, 50}.
     */
    static Arbitrary<Machine> any(int dMax, int minExtra, int maxExtra) {
        Arbitrary<String> kinds = Arbitraries.of("A", "B", "C", "R");
        Arbitrary<Double> scales = Arbitraries.of(1.0, 0.01, 50.0);
        return Combinators.combine(kinds, DataArbitraries.ints(1, dMax), DataArbitraries.ints(minExtra, maxExtra), DataArbitraries.ints(1, 4),
                        DataArbitraries.ints(1, 6), Arbitraries.of(NN3), scales, DataArbitraries.seeds())
                .as((kind, d, extra, mPrime, h, nn3, s, seed) -> build(kind, d, Math.max(1, d + extra), mPrime, h, nn3, s, seed));
    }

    static Machine build(String kind, int d, int m, int mPrime, int h, String nn3, double s, long seed) {
        return switch (kind) {
            case "A" -> machineA(1 + (int) (seed % 5), d, m, mPrime, h, nn3, s, seed);
            case "B" -> machineB(d, m, s, seed);
            case "C" -> machineC(d, m, s, seed);
            default -> prescribedR(d, m, mPrime, h, nn3, -6 * new Random(seed ^ 0x5DEECE66DL).nextDouble(), s, seed);
        };
    }

    /**
     * Saturated sigmoid output: NN_3(z) = sig(l . z + c) with weights scaled so that |l . z_d + c| >= 30 for every d.
     * grad NN_3 is tiny there (q ~ e^-30).
     */
    static Machine saturatedSigmoid(int d, int m, int mPrime, long seed) {
        Random rng = new Random(seed);
        double[][] xp = prescribed(m, d, 0.5, 2, rng);
        double[] l = new double[mPrime];
        for (int j = 0; j < mPrime; j++) l[j] = rng.nextGaussian();
        Stage3 nn3 = Stage3.sigmoidOutput(l, 0);
        // choose z_d = t_d l/|l|^2 with |t_d| in [30, 40], then w = z x'^+
        double[][] z = new double[mPrime][d];
        double l2 = Stage3.dot(l, l);
        for (int j = 0; j < d; j++) {
            double t = (rng.nextBoolean() ? 1 : -1) * (30 + 10 * rng.nextDouble());
            for (int k = 0; k < mPrime; k++) z[k][j] = t * l[k] / l2;
        }
        double[][] w = overparam.linalg.Linalg.toArray(overparam.linalg.Linalg.mult(overparam.linalg.Linalg.of(z),
                overparam.linalg.Linalg.pinv(overparam.linalg.Linalg.of(xp))));
        return new Machine("saturated-sigmoid", xp, w, nn3, targets(nn3, d, rng));
    }

    /** Dead ReLU: NN_3(z) = relu(z) (M' = 1), x' > 0 entrywise, w < 0 entrywise, so every z_d < 0 and grad = 0. */
    static Machine deadRelu(int d, int m, long seed) {
        Random rng = new Random(seed);
        double[][] xp = new double[m][d];
        for (double[] row : xp) for (int j = 0; j < d; j++) row[j] = 0.1 + rng.nextDouble();
        double[][] w = new double[1][m];
        for (int k = 0; k < m; k++) w[0][k] = -(0.1 + rng.nextDouble());
        double[] y = new double[d];
        for (int j = 0; j < d; j++) y[j] = 0.5 + rng.nextDouble();
        return new Machine("dead-relu", xp, w, Stage3.relu(new double[] {1}, 0), y);
    }
}
