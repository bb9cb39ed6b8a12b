package overparam.claims.critical;

import org.hipparchus.dfp.Dfp;
import overparam.data.Generators;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The paper's feature constructions (section 2.4) as M x D matrices x' (row i = hidden node, column d = input),
 * in double and, for the deterministic ones, straight from their formulas in Dfp:
 * triangular step [i - d >= 0], double Vandermonde [sig(d i)], [i^d], [sin(d i)], [e^{d i}] (i, d 1-based),
 * and random features: N(0, 1/M) entries, or a fixed random layer tanh(A x + b) on sphere inputs.
 */
final class Features {
    private Features() {}

    static final String TRIANGULAR = "triangular", SIGMOID = "sig", POWER = "power", SIN = "sin", EXP = "exp";
    static final String GAUSS = "random-gauss", TANH_LAYER = "random-tanh-layer";

    static boolean deterministic(String family) {
        return !family.startsWith("random");
    }

    static double[][] matrix(String family, int m, int d, long seed) {
        return switch (family) {
            case TRIANGULAR -> Machines.triangular(m, d, false);
            case SIGMOID -> Generators.vandermonde(Generators.VandermondeKind.SIGMOID, m, d).x();
            case POWER -> Generators.vandermonde(Generators.VandermondeKind.POWER, m, d).x();
            case SIN -> Generators.vandermonde(Generators.VandermondeKind.SIN, m, d).x();
            case EXP -> Generators.vandermonde(Generators.VandermondeKind.EXP, m, d).x();
            case GAUSS -> {
                Random rng = new Random(seed);
                double[][] x = new double[m][d];
                for (double[] row : x) for (int j = 0; j < d; j++) row[j] = rng.nextGaussian() / Math.sqrt(m);
                yield x;
            }
            case TANH_LAYER -> {
                Random rng = new Random(seed);
                int n = 5;
                double[][] in = Generators.sphere(d, n, rng.nextLong()).x();
                double[][] x = new double[m][d];
                for (int i = 0; i < m; i++) {
                    double[] a = new double[n];
                    for (int k = 0; k < n; k++) a[k] = rng.nextGaussian();
                    double b = rng.nextGaussian();
                    for (int j = 0; j < d; j++) x[i][j] = Math.tanh(Stage3.dot(a, in[j]) + b) / Math.sqrt(m);
                }
                yield x;
            }
            default -> throw new IllegalArgumentException("unknown feature family " + family);
        };
    }

    /**
     * The deterministic families evaluated from their formulas in Dfp (not rounded through double). The integer
     * arguments k = d i use tables: e^{+-k} as powers of e^{+-1}, sin k by the recurrence sin(k+1) = 2 cos(1) sin k -
     * sin(k-1); both lose O(k) units in the last of the field's digits, far below the digits that matter.
     */
    static Dfp[][] hpMatrix(String family, int m, int d, HighPrecision hp) {
        int kMax = m * d;
        Dfp[] table = new Dfp[kMax + 1];
        switch (family) {
            case SIGMOID, EXP -> {
                Dfp base = hp.exp(family.equals(SIGMOID) ? hp.one().negate() : hp.one());
                table[0] = hp.one();
                for (int k = 1; k <= kMax; k++) table[k] = table[k - 1].multiply(base);
            }
            case SIN -> {
                Dfp twoCos = hp.cos(hp.one()).multiply(2);
                table[0] = hp.zero();
                if (kMax >= 1) table[1] = hp.sin(hp.one());
                for (int k = 2; k <= kMax; k++) table[k] = twoCos.multiply(table[k - 1]).subtract(table[k - 2]);
            }
            default -> { }
        }
        Dfp[][] x = new Dfp[m][d];
        for (int i = 1; i <= m; i++)
            for (int j = 1; j <= d; j++) {
                int k = i * j;
                x[i - 1][j - 1] = switch (family) {
                    case TRIANGULAR -> i - j >= 0 ? hp.one() : hp.zero();
                    case SIGMOID -> hp.one().divide(hp.one().add(table[k]));
                    case POWER -> hp.pow(hp.of(i), j);
                    case SIN, EXP -> table[k];
                    default -> throw new IllegalArgumentException("no formula for " + family);
                };
            }
        return x;
    }

    /** Column-normalised scaling factor r / max_d |x'_d|: the part of r that rescaling x' cannot change. */
    static double maxColumnNorm(double[][] x) {
        double best = 0;
        for (int j = 0; j < x[0].length; j++) {
            double s = 0;
            for (double[] row : x) s += row[j] * row[j];
            best = Math.max(best, Math.sqrt(s));
        }
        return best;
    }

    /**
     * One square (M = D) deterministic construction decided in high precision: the digits were raised until
     * sigma_min agreed to 1e-10 between n and n + 40 digits. {@code certified}: sigma_min(hp) exceeds the rounding
     * perturbation D max|a| 10^(1-n) of the n-digit matrix, so the true matrix has full rank (Weyl).
     */
    record HpRow(String family, int d, int digits, double sigmaMinDouble, int rankDouble, double sigmaMinHp, int rankHp, int eliminationRank,
                 double log10AbsDet, boolean certified, double maxColumnNorm, double sigmaMaxDouble) {
        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("D", d);
            m.put("digits", digits);
            m.put("sigma_min (double SVD)", sigmaMinDouble);
            m.put("rank (double)", rankDouble);
            m.put("sigma_min (high precision)", sigmaMinHp);
            m.put("rank (high precision: D if certified)", rankHp);
            m.put("rank by elimination, tolerance D max|a| 10^-(digits-10)", eliminationRank);
            m.put("log10|det|", log10AbsDet);
            m.put("full rank certified", certified);
            m.put("r / max column norm", sigmaMinHp / maxColumnNorm);
            return m;
        }
    }

    private static final Map<String, HpRow> CACHE = new ConcurrentHashMap<>();

    /** The high-precision decision for one family and D (cached: several claims report the same table). */
    static HpRow hp(String family, int d) {
        return CACHE.computeIfAbsent(family + "#" + d, k -> computeHp(family, d));
    }

    private static HpRow computeHp(String family, int d) {
        double[][] x;
        double sd = Double.NaN, smax = Double.NaN;
        int rd = -1;
        try {
            x = matrix(family, d, d, 0);
            double[] s = Linalg.singularValues(Linalg.of(x));
            sd = s[s.length - 1];
            smax = s[0];
            rd = Linalg.rank(Linalg.of(x));
        } catch (RuntimeException overflow) {
            x = null;
        }
        int digits = 60;
        double sigma = Double.NaN, log10Perturbation = Double.NaN;
        boolean certified = false;
        HighPrecision hp = null;
        Dfp[][] a = null;
        while (digits <= 1280) {
            hp = new HighPrecision(digits);
            a = hpMatrix(family, d, d, hp);
            double s1 = Hp.sigmaMinSquare(hp, a);
            HighPrecision hp2 = new HighPrecision(digits + 40);
            double s2 = Hp.sigmaMinSquare(hp2, hpMatrix(family, d, d, hp2));
            double maxAbs = Double.NEGATIVE_INFINITY;
            for (Dfp[] row : a) for (Dfp e : row) maxAbs = Math.max(maxAbs, Hp.log10Abs(e));
            sigma = s1;
            log10Perturbation = Math.log10(d) + maxAbs + 1 - digits;
            certified = s1 > 0 && Math.log10(s1) > log10Perturbation + 1;
            boolean stable = Double.isFinite(s1) && Double.isFinite(s2) && Math.abs(s1 - s2) <= 1e-10 * Math.abs(s2);
            if (stable && certified) break;
            digits *= 2;
        }
        int elimination = hp.rank(a); // relative to max|a|: undercounts graded matrices such as [e^(d i)]
        Dfp det = Hp.det(hp, a);
        double colNorm = 0;
        for (int j = 0; j < d; j++) {
            Dfp s = hp.zero();
            for (Dfp[] row : a) s = s.add(row[j].multiply(row[j]));
            colNorm = Math.max(colNorm, Math.pow(10, Hp.log10Abs(s) / 2));
        }
        return new HpRow(family, d, digits, sd, rd, sigma, certified ? d : elimination, elimination, Hp.log10Abs(det), certified, colNorm, smax);
    }

    /** Median, quartiles of r over draws of a random family. */
    record RandomRow(String family, int d, int m, int draws, double median, double q25, double q75, double medianNormalised) {
        Map<String, Object> asMap() {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("D", d);
            mm.put("M", m);
            mm.put("draws", draws);
            mm.put("median r", median);
            mm.put("quartiles", new double[] {q25, q75});
            mm.put("median r / max column norm", medianNormalised);
            return mm;
        }
    }

    static RandomRow random(String family, int d, int m, int draws, long seed) {
        double[] r = new double[draws], rn = new double[draws];
        Random seeds = new Random(seed);
        for (int t = 0; t < draws; t++) {
            double[][] x = matrix(family, m, d, seeds.nextLong());
            r[t] = Linalg.scalingFactor(Linalg.of(x));
            rn[t] = r[t] / maxColumnNorm(x);
        }
        Arrays.sort(r);
        Arrays.sort(rn);
        return new RandomRow(family, d, m, draws, quantile(r, 0.5), quantile(r, 0.25), quantile(r, 0.75), quantile(rn, 0.5));
    }

    static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos), hi = (int) Math.ceil(pos);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** sigma_min of the triangular construction at M = D: 1 / (2 cos(pi / (2D + 1))) (catalogue C-09.e). */
    static double triangularSigmaMin(int d) {
        return 1 / (2 * Math.cos(Math.PI / (2 * d + 1)));
    }
}
