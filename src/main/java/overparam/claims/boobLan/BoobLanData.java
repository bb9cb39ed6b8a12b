package overparam.claims.boobLan;

import overparam.claims.BadInput;

import java.util.List;
import java.util.Random;

/**
 * Data for the rank lemmas as pure functions of (kind, N, d, seed): densities (Gaussian of scale s, a box possibly far
 * from the origin, the positive orthant) and the catalogue's adversarial measure-zero sets G4 (duplicates, antipodal
 * pairs, a proper subspace, points on a coordinate axis).
 */
public final class BoobLanData {
    private BoobLanData() {}

    /** Kinds with a Lebesgue density (the hypotheses of Lemma 4.1). */
    public static final List<String> DENSITIES = List.of("gaussian", "box", "far-box", "orthant");
    /** Measure-zero constructions (catalogue G4). */
    public static final List<String> ADVERSARIAL = List.of("duplicates", "antipodal", "subspace", "axis");

    public static boolean hasDensity(String kind) {
        return DENSITIES.contains(kind) || kind.equals("tiny-box");
    }

    public static double[][] points(String kind, int n, int d, long seed) {
        Random rng = new Random(seed);
        double[][] x = new double[n][d];
        switch (kind) {
            case "gaussian" -> {
                double s = 0.3 + 1.7 * rng.nextDouble();
                for (double[] r : x) for (int k = 0; k < d; k++) r[k] = s * rng.nextGaussian();
            }
            case "box", "far-box", "orthant" -> {
                double[] lo = new double[d], hi = new double[d];
                for (int k = 0; k < d; k++) {
                    double a = kind.equals("orthant") ? 0.2 + rng.nextDouble() : kind.equals("far-box") ? 2 + 3 * rng.nextDouble() : -1 + rng.nextDouble();
                    if (kind.equals("far-box") && rng.nextBoolean()) a = -a - 1;
                    lo[k] = a;
                    hi[k] = a + 0.2 + rng.nextDouble();
                }
                for (double[] r : x) for (int k = 0; k < d; k++) r[k] = lo[k] + (hi[k] - lo[k]) * rng.nextDouble();
            }
            case "tiny-box" -> {
                // a box of width 1e-6 (a density, but the collection is nearly rank deficient: double cannot decide)
                double[] c = new double[d];
                for (int k = 0; k < d; k++) c[k] = 0.5 + rng.nextDouble();
                for (double[] r : x) for (int k = 0; k < d; k++) r[k] = c[k] + 1e-6 * rng.nextDouble();
            }
            case "duplicates" -> {
                for (double[] r : x) for (int k = 0; k < d; k++) r[k] = rng.nextGaussian();
                if (n >= 2) x[n - 1] = x[0].clone();
            }
            case "antipodal" -> {
                for (int i = 0; i < n; i++)
                    for (int k = 0; k < d; k++) x[i][k] = i % 2 == 1 ? -x[i - 1][k] : rng.nextGaussian();
            }
            case "subspace" -> {
                // span of d-1 random directions (exactly: last coordinate 0 after an exact permutation)
                for (double[] r : x) for (int k = 0; k < d - 1; k++) r[k] = rng.nextGaussian();
            }
            case "axis" -> {
                for (double[] r : x) r[0] = 0.3 + rng.nextDouble();
            }
            default -> throw new BadInput("unknown data kind '" + kind + "'; one of " + DENSITIES + ", tiny-box, or " + ADVERSARIAL);
        }
        return x;
    }

    /**
     * The seed of draw t of a stream: SplitMix64 of (seed, t). java.util.Random seeded with consecutive integers gives
     * strongly correlated first outputs, so repeated draws must never use seed + t directly.
     */
    public static long stream(long seed, long t) {
        long z = seed + 0x9E3779B97F4A7C15L * (t + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** W with i.i.d. N(0, 1/d) entries (the catalogue's default; |Wu| of order 1). */
    public static double[][] gaussianW(int n, int d, Random rng) {
        double[][] w = new double[n][d];
        double s = 1 / Math.sqrt(d);
        for (double[] r : w) for (int k = 0; k < d; k++) r[k] = s * rng.nextGaussian();
        return w;
    }

    public static double[] gaussian(int n, double scale, Random rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = scale * rng.nextGaussian();
        return v;
    }
}
