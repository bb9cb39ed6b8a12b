package overparam.linalg;

import overparam.JqwikSeeds;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import overparam.data.RandomMatrices;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each linalg function against an independent route: a second algorithm, a closed form, or an algebraic identity. */
class LinalgProperties {
    static DMatrixRMaj gaussian(int r, int c, long seed) {
        return new DMatrixRMaj(RandomMatrices.gaussian(r, c, seed));
    }

    static double tol(DMatrixRMaj a) {
        return 1e-12 * Math.max(1, Linalg.frobenius(a) * Linalg.frobenius(a));
    }

    @Property(tries = 200, seed = JqwikSeeds.CI)
    void sigmaMinIsRootOfLambdaMinOfGram(@ForAll @IntRange(min = 1, max = 12) int n, @ForAll @IntRange(min = 1, max = 12) int m, @ForAll long seed) {
        DMatrixRMaj a = gaussian(n, m, seed);
        double viaEig = Math.sqrt(Math.max(0, Linalg.lambdaMin(Linalg.gram(a))));
        if (m < n) assertThat(Linalg.sigmaMin(a)).isZero();
        else assertThat(Linalg.sigmaMin(a)).isCloseTo(viaEig, within(1e-7 * Math.max(1, Linalg.spectralNorm(a))));
    }

    @Property(tries = 200, seed = JqwikSeeds.CI)
    void spectralNormIsRootOfLambdaMaxAndBoundsEveryVector(@ForAll @IntRange(min = 1, max = 12) int n, @ForAll @IntRange(min = 1, max = 12) int m,
                                                           @ForAll long seed) {
        DMatrixRMaj a = gaussian(n, m, seed);
        double norm = Linalg.spectralNorm(a);
        assertThat(norm).isCloseTo(Math.sqrt(Linalg.lambdaMax(Linalg.gram(Linalg.transpose(a)))), within(1e-10 * norm));
        double[] v = RandomMatrices.gaussianVector(m, new Random(seed + 1));
        assertThat(Linalg.norm(Linalg.multVec(a, v))).isLessThanOrEqualTo(norm * Linalg.norm(v) * (1 + 1e-12));
    }

    @Property(tries = 150, seed = JqwikSeeds.CI)
    void symmetricEigenvaluesMatchTraceFrobeniusAndResiduals(@ForAll @IntRange(min = 1, max = 15) int n, @ForAll long seed) {
        DMatrixRMaj s = new DMatrixRMaj(RandomMatrices.symmetric(n, new Random(seed)));
        Linalg.EigenPairs e = Linalg.symmetricEigen(s);
        double sum = 0, sq = 0;
        for (int i = 0; i < n; i++) {
            sum += e.values()[i];
            sq += e.values()[i] * e.values()[i];
            if (i > 0) assertThat(e.values()[i]).isGreaterThanOrEqualTo(e.values()[i - 1]);
            double[] v = e.vector(i), sv = Linalg.multVec(s, v);
            for (int r = 0; r < n; r++) assertThat(sv[r]).isCloseTo(e.values()[i] * v[r], within(1e-10 * Math.max(1, Linalg.frobenius(s))));
        }
        assertThat(sum).isCloseTo(CommonOps_DDRM.trace(s), within(tol(s)));
        assertThat(sq).isCloseTo(Math.pow(Linalg.frobenius(s), 2), within(tol(s)));
        assertThat(Linalg.lambdaMin(s)).isCloseTo(e.values()[0], within(tol(s)));
        assertThat(Linalg.lambdaMax(s)).isCloseTo(e.values()[n - 1], within(tol(s)));
    }

    @Property(tries = 150, seed = JqwikSeeds.CI)
    void rankOfAProductOfGaussianFactors(@ForAll @IntRange(min = 1, max = 10) int n, @ForAll @IntRange(min = 1, max = 10) int r,
                                         @ForAll @IntRange(min = 1, max = 10) int m, @ForAll long seed) {
        DMatrixRMaj a = Linalg.mult(gaussian(n, r, seed), gaussian(r, m, seed + 7));
        assertThat(Linalg.rank(a)).isEqualTo(Math.min(r, Math.min(n, m)));
    }

    @Property(tries = 150, seed = JqwikSeeds.CI)
    void pseudoInverseMeetsTheFourPenroseConditions(@ForAll @IntRange(min = 1, max = 8) int n, @ForAll @IntRange(min = 1, max = 8) int r,
                                                    @ForAll @IntRange(min = 1, max = 8) int m, @ForAll long seed) {
        DMatrixRMaj a = Linalg.mult(gaussian(n, r, seed), gaussian(r, m, seed + 3));
        DMatrixRMaj p = Linalg.pinv(a);
        double t = 1e-8 * Math.max(1, Linalg.frobenius(a) * Linalg.frobenius(p)) * Math.max(1, Linalg.frobenius(a));
        assertThat(Linalg.frobenius(Linalg.minus(Linalg.mult(Linalg.mult(a, p), a), a))).isLessThan(t);
        assertThat(Linalg.frobenius(Linalg.minus(Linalg.mult(Linalg.mult(p, a), p), p))).isLessThan(t * Math.max(1, Linalg.frobenius(p)));
        DMatrixRMaj ap = Linalg.mult(a, p), pa = Linalg.mult(p, a);
        assertThat(Linalg.frobenius(Linalg.minus(ap, Linalg.transpose(ap)))).isLessThan(t);
        assertThat(Linalg.frobenius(Linalg.minus(pa, Linalg.transpose(pa)))).isLessThan(t);
    }

    @Property(tries = 150, seed = JqwikSeeds.CI)
    void psdCheckAcceptsGramsAndRejectsShiftedGrams(@ForAll @IntRange(min = 1, max = 12) int n, @ForAll @IntRange(min = 1, max = 12) int r,
                                                    @ForAll long seed) {
        DMatrixRMaj g = new DMatrixRMaj(RandomMatrices.psd(n, r, new Random(seed)));
        assertThat(Linalg.isPsd(g)).isTrue();
        double shift = Linalg.lambdaMin(g) + 1e-3 * (1 + Linalg.spectralNorm(g));
        assertThat(Linalg.isPsd(Linalg.minus(g, Linalg.scale(shift, Linalg.identity(n))))).isFalse();
    }

    @Property(tries = 150, seed = JqwikSeeds.CI)
    void khatriRaoRowsAreKroneckerProductsOfRows(@ForAll @IntRange(min = 1, max = 6) int p, @ForAll @IntRange(min = 1, max = 5) int m,
                                                 @ForAll @IntRange(min = 1, max = 5) int n, @ForAll long seed) {
        DMatrixRMaj a = gaussian(p, m, seed), b = gaussian(p, n, seed + 1);
        DMatrixRMaj kr = Linalg.khatriRaoRows(a, b);
        assertThat(kr.numRows).isEqualTo(p);
        assertThat(kr.numCols).isEqualTo(m * n);
        for (int i = 0; i < p; i++) {
            DMatrixRMaj k = Linalg.kron(CommonOps_DDRM.extractRow(a, i, null), CommonOps_DDRM.extractRow(b, i, null));
            for (int j = 0; j < m * n; j++) assertThat(kr.get(i, j)).isEqualTo(k.get(0, j));
        }
    }

    @Property(tries = 100, seed = JqwikSeeds.CI)
    void kroneckerMixedProduct(@ForAll @IntRange(min = 1, max = 4) int a1, @ForAll @IntRange(min = 1, max = 4) int a2,
                               @ForAll @IntRange(min = 1, max = 4) int b1, @ForAll @IntRange(min = 1, max = 4) int b2,
                               @ForAll @IntRange(min = 1, max = 4) int c, @ForAll long seed) {
        DMatrixRMaj a = gaussian(a1, a2, seed), b = gaussian(b1, b2, seed + 1), cc = gaussian(a2, c, seed + 2), d = gaussian(b2, c, seed + 3);
        DMatrixRMaj lhs = Linalg.mult(Linalg.kron(a, b), Linalg.kron(cc, d));
        DMatrixRMaj rhs = Linalg.kron(Linalg.mult(a, cc), Linalg.mult(b, d));
        assertThat(Linalg.frobenius(Linalg.minus(lhs, rhs))).isLessThan(1e-12 * Math.max(1, Linalg.frobenius(lhs)));
    }

    @Property(tries = 100, seed = JqwikSeeds.CI)
    void hadamardOfPsdIsPsdAndPowerZeroIsOnes(@ForAll @IntRange(min = 1, max = 10) int n, @ForAll long seed) {
        Random rng = new Random(seed);
        DMatrixRMaj a = new DMatrixRMaj(RandomMatrices.psd(n, n, rng)), b = new DMatrixRMaj(RandomMatrices.psd(n, 2, rng));
        DMatrixRMaj h = Linalg.hadamard(a, b);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) assertThat(h.get(i, j)).isEqualTo(a.get(i, j) * b.get(i, j));
        assertThat(Linalg.isPsd(h)).isTrue();
        assertThat(Linalg.hadamardPower(a, 0).data).containsOnly(1.0);
        assertThat(Linalg.frobenius(Linalg.minus(Linalg.hadamardPower(a, 2), h.numRows > 0 ? Linalg.hadamard(a, a) : h))).isZero();
    }

    @Property(tries = 150, seed = JqwikSeeds.CI)
    void schurComplementFactorsTheDeterminantAndInvertsTheBlock(@ForAll @IntRange(min = 2, max = 9) int n, @ForAll long seed) {
        DMatrixRMaj m = Linalg.plus(new DMatrixRMaj(RandomMatrices.psd(n, n, new Random(seed))), Linalg.identity(n));
        int k = 1 + (int) Math.floorMod(seed, n - 1);
        DMatrixRMaj s = Linalg.schurComplement(m, k);
        DMatrixRMaj a = CommonOps_DDRM.extract(m, 0, k, 0, k);
        assertThat(CommonOps_DDRM.det(m)).isCloseTo(CommonOps_DDRM.det(a) * CommonOps_DDRM.det(s), within(1e-9 * Math.abs(CommonOps_DDRM.det(m))));
        DMatrixRMaj inv = m.copy();
        CommonOps_DDRM.invert(inv);
        DMatrixRMaj block = CommonOps_DDRM.extract(inv, k, n, k, n);
        CommonOps_DDRM.invert(block);
        assertThat(Linalg.frobenius(Linalg.minus(block, s))).isLessThan(1e-9 * Math.max(1, Linalg.frobenius(s)));
    }

    @Property(tries = 150, seed = JqwikSeeds.CI)
    void scalingFactorIsTheMinimumOfRayleighRatios(@ForAll @IntRange(min = 1, max = 10) int rows, @ForAll @IntRange(min = 1, max = 10) int cols,
                                                   @ForAll long seed) {
        DMatrixRMaj m = gaussian(rows, cols, seed);
        double r = Linalg.scalingFactor(m);
        if (rows < cols) {
            assertThat(r).isZero();
            return;
        }
        Random rng = new Random(seed + 5);
        for (int t = 0; t < 50; t++) {
            double[] v = RandomMatrices.gaussianVector(cols, rng);
            assertThat(Linalg.norm(Linalg.multVec(m, v))).isGreaterThanOrEqualTo(r * Linalg.norm(v) * (1 - 1e-12));
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, false, true, false);
        svd.decompose(m.copy());
        double[] sv = svd.getSingularValues();
        int argmin = 0;
        for (int i = 1; i < sv.length; i++) if (sv[i] < sv[argmin]) argmin = i;
        DMatrixRMaj vt = svd.getV(null, true);
        double[] v = new double[cols];
        for (int j = 0; j < cols; j++) v[j] = vt.get(argmin, j);
        assertThat(Linalg.norm(Linalg.multVec(m, v)) / Linalg.norm(v)).isCloseTo(r, within(1e-10 * Math.max(1, Linalg.spectralNorm(m))));
    }
}
