package overparam.claims.oymak;

import overparam.claims.SearchSpace;
import overparam.data.Dataset;
import overparam.linalg.Linalg;

/**
 * Hypotheses and search projections shared by the oymak properties: unit rows to rounding, exactly duplicated (or
 * antipodal) rows, orthonormal rows. The projections let the adversarial search move such instances without leaving
 * the hypotheses; the hypotheses still decide.
 */
final class Structure {
    private Structure() {}

    /** Coordinate search on a DataInstance's rows, re-normalised to unit length (for properties whose hypotheses are unitRows). */
    static final SearchSpace<DataInstance> UNIT_ROW_SEARCH = SearchSpace.<DataInstance>coordinates().unitRows("x");

    /** |‖x_i‖² - 1| <= 16 d eps: unit rows as exactly as a double normalisation gives them. */
    static String unitRows(double[][] x) {
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (double v : x[i]) s += v * v;
            if (!(Math.abs(s - 1) <= 16 * x[i].length * Linalg.EPS))
                return "row " + i + " is not a unit vector (‖x‖² - 1 = " + (s - 1) + ")";
        }
        return null;
    }

    static String unitRows(DataInstance inst) {
        return unitRows(inst.data().x());
    }

    /** Some pair of rows equal (or, when {@code upToSign}, opposite) entry for entry. */
    static boolean hasExactPair(double[][] x, boolean upToSign) {
        for (int i = 0; i < x.length; i++)
            for (int j = i + 1; j < x.length; j++) {
                boolean same = true, opposite = upToSign;
                for (int k = 0; k < x[i].length; k++) {
                    same &= x[i][k] == x[j][k];
                    opposite &= x[i][k] == -x[j][k];
                }
                if (same || opposite) return true;
            }
        return false;
    }

    /** |x_i . x_j - delta_ij| <= 16 d eps for all i, j. */
    static String orthonormalRows(double[][] x) {
        for (int i = 0; i < x.length; i++)
            for (int j = i; j < x.length; j++) {
                double dot = Linalg.dot(x[i], x[j]) - (i == j ? 1 : 0);
                if (!(Math.abs(dot) <= 16 * x[i].length * Linalg.EPS)) return "rows " + i + ", " + j + " are not orthonormal";
            }
        return null;
    }

    static DataInstance withRows(DataInstance inst, double[][] x) {
        Dataset d = inst.data();
        return new DataInstance(inst.activation(), inst.r(), new Dataset(d.generator(), d.params(), d.seed(), x));
    }

    /** The closest pair of rows (up to sign if asked) made exactly equal (opposite): keeps a duplicated pair duplicated. */
    static double[][] mergeClosestPair(double[][] x, boolean upToSign) {
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) y[i] = x[i].clone();
        if (x.length < 2) return y;
        int bi = 0, bj = 1;
        double best = Double.POSITIVE_INFINITY;
        boolean bestOpposite = false;
        for (int i = 0; i < x.length; i++)
            for (int j = i + 1; j < x.length; j++) {
                double minus = 0, plus = 0;
                for (int k = 0; k < x[i].length; k++) {
                    minus += (x[i][k] - x[j][k]) * (x[i][k] - x[j][k]);
                    plus += (x[i][k] + x[j][k]) * (x[i][k] + x[j][k]);
                }
                if (minus < best) {
                    best = minus;
                    bi = i;
                    bj = j;
                    bestOpposite = false;
                }
                if (upToSign && plus < best) {
                    best = plus;
                    bi = i;
                    bj = j;
                    bestOpposite = true;
                }
            }
        for (int k = 0; k < y[bj].length; k++) y[bj][k] = bestOpposite ? -y[bi][k] : y[bi][k];
        return y;
    }

    static DataInstance mergeClosestPair(DataInstance inst, boolean upToSign) {
        return withRows(inst, mergeClosestPair(inst.data().x(), upToSign));
    }

    /** Rows re-orthonormalised by two passes of modified Gram-Schmidt (rows must be independent). */
    static DataInstance orthonormalised(DataInstance inst) {
        double[][] x = inst.data().x();
        double[][] q = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] v = x[i].clone();
            for (int pass = 0; pass < 2; pass++)
                for (int j = 0; j < i; j++) {
                    double c = Linalg.dot(q[j], v);
                    for (int k = 0; k < v.length; k++) v[k] -= c * q[j][k];
                }
            double norm = Linalg.norm(v);
            if (!(norm > 0)) throw new IllegalArgumentException("dependent rows");
            for (int k = 0; k < v.length; k++) v[k] /= norm;
            q[i] = v;
        }
        return withRows(inst, q);
    }
}
