package overparam.claims.boobLan;

import org.hipparchus.dfp.Dfp;
import overparam.claims.Certificate;
import overparam.claims.Evidence;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Numerical rank (rows and columns equilibrated) with the DESIGN.md tolerance tol = max(m,n) eps sigma_max, decided in 60-digit arithmetic when double
 * precision cannot: when a singular value lies in (tol/10, 1e4 tol), i.e. too close to the tolerance for the gap to be
 * trusted. The high-precision matrix is rebuilt from the exact double inputs (activation evaluated in Dfp), so an
 * exact rank deficiency shows as pivots ~1e-60 there.
 */
public final class Ranks {
    private Ranks() {}

    public record RankReport(int rank, int doubleRank, Integer hpRank, double sigmaMax, double sigmaMinKept, double sigmaMaxDropped,
                             double tolerance, String method) {
        /** sigma_min/sigma_max of the whole matrix (0 for wide-from-the-left). */
        public double conditionRatio() {
            return sigmaMax == 0 ? 0 : Math.min(sigmaMinKept, sigmaMaxDropped == 0 ? sigmaMinKept : sigmaMaxDropped) / sigmaMax;
        }

        public Map<String, Object> details() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("observedRank", rank);
            m.put("doubleRank", doubleRank);
            if (hpRank != null) m.put("hpRank", hpRank);
            m.put("sigmaMax", sigmaMax);
            m.put("smallestKeptSigma", sigmaMinKept);
            m.put("largestDroppedSigma", sigmaMaxDropped);
            m.put("tolerance", tolerance);
            m.put("method", method);
            return m;
        }
    }

    public static RankReport rank(double[][] a) {
        return rank(a, null);
    }

    /** Rank of {@code a}; {@code hp} rebuilds the matrix in Dfp for undecided cases (null: double only, flagged). */
    public static RankReport rank(double[][] a, Supplier<Dfp[][]> hp) {
        int m = a.length, n = a[0].length;
        double[] s = Linalg.singularValues(TwoLayer.matrix(equilibrate(a)));
        double smax = s.length == 0 ? 0 : s[0];
        if (smax == 0) return new RankReport(0, 0, null, 0, 0, 0, 0, "zero matrix");
        double tol = Math.max(m, n) * Linalg.EPS * smax;
        int r = 0;
        double kept = smax, dropped = 0;
        boolean ambiguous = false;
        for (double v : s) {
            if (v > tol) {
                r++;
                kept = v;
            } else dropped = Math.max(dropped, v);
            if (v > tol / 10 && v < 1e4 * tol) ambiguous = true;
        }
        if (!ambiguous) return new RankReport(r, r, null, smax, kept, dropped, tol, "double SVD, clear gap");
        if (hp == null) return new RankReport(r, r, null, smax, kept, dropped, tol, "double SVD, singular value near tolerance (no high-precision route)");
        int hr = hpRank(hp.get());
        return new RankReport(hr, r, hr, smax, kept, dropped, tol, "60-digit elimination (double SVD undecided)");
    }

    /**
     * Rows, then columns, scaled to unit norm, twice (zero rows and columns stay zero): the rank is unchanged, and rows or
     * columns of very different size (e^{-z^2} at z = 14 next to z = 7, 1e-93 against 1e-22) no longer hide behind a
     * tolerance relative to the largest entry. The entries are products (h(z) u_k, h'(z) theta_j u_k), accurate to a few
     * ulps each, so scaling does not promote rounding to signal.
     */
    static double[][] equilibrate(double[][] a) {
        double[][] b = TwoLayer.copy(a);
        for (int pass = 0; pass < 2; pass++) {
            for (double[] row : b) {
                double s = 0;
                for (double x : row) s += x * x;
                if (s == 0 || !Double.isFinite(s)) continue;
                double inv = 1 / Math.sqrt(s);
                for (int j = 0; j < row.length; j++) row[j] *= inv;
            }
            for (int j = 0; j < b[0].length; j++) {
                double s = 0;
                for (double[] row : b) s += row[j] * row[j];
                if (s == 0 || !Double.isFinite(s)) continue;
                double inv = 1 / Math.sqrt(s);
                for (double[] row : b) row[j] *= inv;
            }
        }
        return b;
    }

    /**
     * The 60-digit rank (certificates, undecided cases): rows and columns are first scaled by their largest |entry| (twice),
     * so a row of size 1e-89 next to one of size 1e-21 is not dropped by a tolerance relative to the largest entry.
     */
    public static int hpRank(Dfp[][] a) {
        Dfp[][] b = new Dfp[a.length][];
        for (int i = 0; i < a.length; i++) b[i] = a[i].clone();
        for (int pass = 0; pass < 2; pass++) {
            for (Dfp[] row : b) {
                Dfp m = row[0].getZero();
                for (Dfp x : row) if (x.abs().greaterThan(m)) m = x.abs();
                if (m.isZero()) continue;
                for (int j = 0; j < row.length; j++) row[j] = row[j].divide(m);
            }
            for (int j = 0; j < b[0].length; j++) {
                Dfp m = b[0][j].getZero();
                for (Dfp[] row : b) if (row[j].abs().greaterThan(m)) m = row[j].abs();
                if (m.isZero()) continue;
                for (Dfp[] row : b) row[j] = row[j].divide(m);
            }
        }
        return new HighPrecision().rank(b);
    }

    /**
     * Some pre-activation z where g has lost its variation to double rounding: |g'(z)| max(1, |z|) < 1e3 eps |g(z)|, or
     * g(z) = g'(z) = 0 (1 - tanh^2 underflows to 0 beyond z = 19). A rank deficiency computed from such values may be an
     * artefact of the evaluation, so it is re-decided from 60-digit values.
     */
    static boolean saturated(java.util.function.DoubleUnaryOperator g, java.util.function.DoubleUnaryOperator gp, double[][] z) {
        for (double[] row : z)
            for (double x : row) {
                double v = g.applyAsDouble(x), dv = gp.applyAsDouble(x);
                if (v == 0 && dv == 0) return true;
                if (v != 0 && Math.abs(dv) * Math.max(1, Math.abs(x)) < 1e3 * Linalg.EPS * Math.abs(v)) return true;
            }
        return false;
    }

    /** Evidence "observed rank == claimed rank" with both in the details. */
    public static Evidence equal(String label, RankReport r, int claimed) {
        Evidence e = Evidence.eq(label, r.rank(), claimed, 0).with("claimedRank", claimed);
        for (Map.Entry<String, Object> x : r.details().entrySet()) e = e.with(x.getKey(), x.getValue());
        return e;
    }

    /** Evidence "observed rank <= bound". */
    public static Evidence atMost(String label, RankReport r, int bound) {
        Evidence e = Evidence.le(label, r.rank(), bound, 0).with("claimedRank", bound);
        for (Map.Entry<String, Object> x : r.details().entrySet()) e = e.with(x.getKey(), x.getValue());
        return e;
    }

    /** Certificate of a rank (in)equality: the margin recomputed with the 60-digit rank. */
    public static Certificate certify(String what, int hpRank, int claimed, Evidence.Relation rel) {
        double margin = switch (rel) {
            case EQ -> -Math.abs(hpRank - claimed);
            case LE -> claimed - hpRank;
            case GE -> hpRank - claimed;
        };
        return Certificate.of("Dfp Gaussian elimination with full pivoting (rank tolerance 1e-50 relative)", HighPrecision.DEFAULT_DIGITS,
                BigDecimal.valueOf(margin), new BigDecimal("0.5"), what + ": 60-digit rank " + hpRank + " vs claimed " + claimed);
    }

    public static Dfp[][] hp(double[][] a) {
        return new HighPrecision().of(a);
    }
}
