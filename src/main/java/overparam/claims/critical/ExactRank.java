package overparam.claims.critical;

import java.math.BigInteger;

/** Exact rank and determinant of integer matrices by fraction-free (Bareiss) elimination. */
final class ExactRank {
    private ExactRank() {}

    static BigInteger[][] of(long[][] a) {
        BigInteger[][] b = new BigInteger[a.length][];
        for (int i = 0; i < a.length; i++) {
            b[i] = new BigInteger[a[i].length];
            for (int j = 0; j < a[i].length; j++) b[i][j] = BigInteger.valueOf(a[i][j]);
        }
        return b;
    }

    /** Rank of a rectangular integer matrix (exact). */
    static int rank(BigInteger[][] a0) {
        int m = a0.length, n = m == 0 ? 0 : a0[0].length;
        BigInteger[][] a = new BigInteger[m][];
        for (int i = 0; i < m; i++) a[i] = a0[i].clone();
        BigInteger prev = BigInteger.ONE;
        int rank = 0;
        for (int col = 0; col < n && rank < m; col++) {
            int p = -1;
            for (int i = rank; i < m; i++) if (a[i][col].signum() != 0) {
                p = i;
                break;
            }
            if (p < 0) continue;
            BigInteger[] t = a[p];
            a[p] = a[rank];
            a[rank] = t;
            for (int i = rank + 1; i < m; i++) {
                for (int j = col + 1; j < n; j++)
                    a[i][j] = a[rank][col].multiply(a[i][j]).subtract(a[i][col].multiply(a[rank][j])).divide(prev);
                a[i][col] = BigInteger.ZERO;
            }
            prev = a[rank][col];
            rank++;
        }
        return rank;
    }

    /** Determinant of a square integer matrix (exact, Bareiss). */
    static BigInteger det(BigInteger[][] a0) {
        int n = a0.length;
        BigInteger[][] a = new BigInteger[n][];
        for (int i = 0; i < n; i++) a[i] = a0[i].clone();
        BigInteger prev = BigInteger.ONE;
        int sign = 1;
        for (int k = 0; k < n; k++) {
            int p = -1;
            for (int i = k; i < n; i++) if (a[i][k].signum() != 0) {
                p = i;
                break;
            }
            if (p < 0) return BigInteger.ZERO;
            if (p != k) {
                BigInteger[] t = a[p];
                a[p] = a[k];
                a[k] = t;
                sign = -sign;
            }
            for (int i = k + 1; i < n; i++)
                for (int j = k + 1; j < n; j++)
                    a[i][j] = a[k][k].multiply(a[i][j]).subtract(a[i][k].multiply(a[k][j])).divide(prev);
            prev = a[k][k];
        }
        return sign > 0 ? a[n - 1][n - 1] : a[n - 1][n - 1].negate();
    }
}
