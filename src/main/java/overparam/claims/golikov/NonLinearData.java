package overparam.claims.golikov;

import org.ejml.data.DMatrixRMaj;
import overparam.claims.BadInput;

import java.util.List;
import java.util.Random;

/**
 * Input matrices X in R^{d0 x m} (data as columns) for the sigmoid / ReLU landscape claims (C12-C22), including the
 * catalogue's structured families with distinct columns and its K5 bias-free symmetric datasets:
 * <ul>
 *   <li>{@code gaussian}: N(0,1) entries;</li>
 *   <li>{@code near-duplicate}: Gaussian with column m = column 1 + 1e-3 g (distinct, nearly equal);</li>
 *   <li>{@code subspace}: columns t_j v on a line through 0 (distinct t_j);</li>
 *   <li>{@code integer}: small integers in [-3, 3], columns made distinct;</li>
 *   <li>{@code duplicates}: column m = column 1 (not distinct);</li>
 *   <li>{@code antipodal}: K5, columns in pairs x, -x (bias-free tanh / softplus / ReLU);</li>
 *   <li>{@code halfspace}: K6, first coordinate >= 0.1 (bias-free dead ReLU units);</li>
 *   <li>{@code positive-parallel}: column m = 2 column 1 (bias-free ReLU columns scale together).</li>
 * </ul>
 */
final class NonLinearData {
    static final List<String> DISTINCT = List.of("gaussian", "near-duplicate", "subspace", "integer");
    /** The distinct-column families plus K5's antipodal pairs (distinct columns, bias-free symmetric). */
    static final List<String> DISTINCT_WITH_SYMMETRIC = List.of("gaussian", "near-duplicate", "subspace", "integer", "antipodal");

    private NonLinearData() {}

    static DMatrixRMaj inputs(String structure, int d0, int m, Random rng) {
        DMatrixRMaj x = DeepLinear.gaussian(d0, m, rng);
        switch (structure) {
            case "gaussian" -> {
            }
            case "near-duplicate" -> {
                if (m >= 2) for (int i = 0; i < d0; i++) x.set(i, m - 1, x.get(i, 0) + 1e-3 * rng.nextGaussian());
            }
            case "subspace" -> {
                double[] v = new double[d0];
                for (int i = 0; i < d0; i++) v[i] = rng.nextGaussian();
                double norm = Math.sqrt(java.util.Arrays.stream(v).map(a -> a * a).sum());
                for (int j = 0; j < m; j++) {
                    double t = -1.5 + 3.0 * (j + 0.5 + 0.4 * (rng.nextDouble() - 0.5)) / m;
                    for (int i = 0; i < d0; i++) x.set(i, j, t * v[i] / norm * 2);
                }
            }
            case "integer" -> {
                for (int j = 0; j < m; j++) {
                    boolean fresh;
                    do {
                        for (int i = 0; i < d0; i++) x.set(i, j, rng.nextInt(7) - 3);
                        fresh = true;
                        for (int k = 0; k < j && fresh; k++) {
                            boolean same = true;
                            for (int i = 0; i < d0; i++) same &= x.get(i, k) == x.get(i, j);
                            fresh = !same;
                        }
                    } while (!fresh && Math.pow(7, d0) > m);
                }
            }
            case "duplicates" -> {
                if (m >= 2) for (int i = 0; i < d0; i++) x.set(i, m - 1, x.get(i, 0));
            }
            case "antipodal" -> {
                for (int j = 1; j < m; j += 2) for (int i = 0; i < d0; i++) x.set(i, j, -x.get(i, j - 1));
            }
            case "halfspace" -> {
                for (int j = 0; j < m; j++) x.set(0, j, 0.1 + Math.abs(x.get(0, j)));
            }
            case "positive-parallel" -> {
                if (m >= 2) for (int i = 0; i < d0; i++) x.set(i, m - 1, 2 * x.get(i, 0));
            }
            default -> throw new BadInput("unknown data structure '" + structure + "'");
        }
        return x;
    }

    /** True if no two columns are equal (exactly). */
    static boolean distinctColumns(DMatrixRMaj x) {
        for (int a = 0; a < x.numCols; a++)
            for (int b = a + 1; b < x.numCols; b++) {
                boolean same = true;
                for (int i = 0; i < x.numRows && same; i++) same = x.get(i, a) == x.get(i, b);
                if (same) return false;
            }
        return true;
    }
}
