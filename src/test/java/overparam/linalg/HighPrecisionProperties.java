package overparam.linalg;

import overparam.JqwikSeeds;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.dfp.Dfp;
import overparam.data.RandomMatrices;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The 60-digit routes agree with double precision where double precision is reliable, and go beyond it where not. */
class HighPrecisionProperties {
    final HighPrecision hp = new HighPrecision();

    @Property(tries = 40, seed = JqwikSeeds.CI)
    void eigenvaluesByInertiaBisectionMatchDouble(@ForAll @IntRange(min = 1, max = 8) int n, @ForAll long seed) {
        DMatrixRMaj s = new DMatrixRMaj(RandomMatrices.symmetric(n, new Random(seed)));
        double[] ev = Linalg.symmetricEigenvalues(s);
        Dfp[][] h = hp.of(s);
        for (int k = 0; k < n; k++)
            assertThat(hp.eigenvalue(h, k).toDouble()).isCloseTo(ev[k], within(1e-12 * Math.max(1, Linalg.frobenius(s))));
        assertThat(hp.countEigenvaluesBelow(h, hp.of(ev[n - 1] + 1e-6))).isEqualTo(n);
    }

    @Property(tries = 40, seed = JqwikSeeds.CI)
    void determinantAndRankMatchDouble(@ForAll @IntRange(min = 1, max = 7) int n, @ForAll @IntRange(min = 1, max = 7) int r, @ForAll long seed) {
        // integer factors: the product is exact in double, so its exact rank is min(n, r)
        DMatrixRMaj a = Linalg.mult(integers(n, r, seed), integers(r, n, seed + 1));
        assertThat(hp.rank(hp.of(a))).isLessThanOrEqualTo(Math.min(n, r));
        assertThat(Linalg.rank(a)).isEqualTo(hp.rank(hp.of(a)));
        if (r >= n) assertThat(hp.determinant(hp.of(a)).toDouble()).isCloseTo(CommonOps_DDRM.det(a), within(1e-9 * Math.max(1, Math.abs(CommonOps_DDRM.det(a)))));
    }

    static DMatrixRMaj integers(int rows, int cols, long seed) {
        java.util.Random rng = new java.util.Random(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = rng.nextInt(11) - 5;
        return m;
    }

    @Example
    void decidesTheRankOfAHilbertMatrixThatDoubleCannot() {
        int n = 14;
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        Dfp[][] hd = new Dfp[n][n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                h.set(i, j, 1.0 / (i + j + 1));
                hd[i][j] = hp.one().divide(hp.of(i + j + 1));
            }
        assertThat(Linalg.rank(h)).isLessThan(n);
        assertThat(hp.rank(hd)).isEqualTo(n);
        assertThat(hp.lambdaMin(hd).toDouble()).isGreaterThan(0);
    }

    @Property(tries = 40, seed = JqwikSeeds.CI)
    void sigmaMinMatchesDouble(@ForAll @IntRange(min = 1, max = 6) int n, @ForAll @IntRange(min = 1, max = 6) int m, @ForAll long seed) {
        DMatrixRMaj a = new DMatrixRMaj(RandomMatrices.gaussian(n, m, seed));
        assertThat(hp.sigmaMin(hp.of(a)).toDouble()).isCloseTo(Linalg.sigmaMin(a), within(1e-9));
    }
}
