package overparam.linalg;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import overparam.data.Generators;
import overparam.data.RandomMatrices;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The native OpenBLAS kernels agree with EJML to rounding (run only where libopenblas0 is installed). */
class NativeLapackTest {
    @Test
    void smallMatricesStayInPureJava() {
        assertThat(NativeLapack.use(NativeLapack.MIN_SIZE - 1)).isFalse();
        assertThat(NativeLapack.status()).isNotBlank();
    }

    @Test
    void nativeKernelsAgreeWithEjml() {
        Assumptions.assumeTrue(NativeLapack.available(), NativeLapack.status());
        Random rng = new Random(1);
        DMatrixRMaj a = new DMatrixRMaj(RandomMatrices.gaussian(230, 310, rng));
        DMatrixRMaj g = Linalg.ejmlGram(a);
        double scale = Linalg.ejmlSingularValues(a)[0];
        DMatrixRMaj gn = NativeLapack.gram(a);
        for (int i = 0; i < g.data.length; i++) assertThat(gn.data[i]).isCloseTo(g.data[i], within(310 * 4 * Linalg.EPS * scale * scale));

        DMatrixRMaj other = new DMatrixRMaj(RandomMatrices.gaussian(150, 310, rng)), ab = new DMatrixRMaj(230, 150);
        org.ejml.dense.row.CommonOps_DDRM.multTransB(a, other, ab);
        DMatrixRMaj abn = NativeLapack.multTransB(a, other);
        for (int i = 0; i < ab.data.length; i++) assertThat(abn.data[i]).isCloseTo(ab.data[i], within(310 * 4 * Linalg.EPS * scale * scale));

        double[] s = Linalg.ejmlSingularValues(a), sn = NativeLapack.singularValues(a);
        double[] st = NativeLapack.singularValues(Linalg.transpose(a));
        for (int i = 0; i < s.length; i++) {
            assertThat(sn[i]).isCloseTo(s[i], within(64 * 310 * Linalg.EPS * scale));
            assertThat(st[i]).isCloseTo(s[i], within(64 * 310 * Linalg.EPS * scale));
        }

        DMatrixRMaj sym = Linalg.symmetrize(new DMatrixRMaj(RandomMatrices.symmetric(240, rng)));
        double[] e = Linalg.ejmlEigenvalues(sym.copy()), en = NativeLapack.symmetricEigenvalues(sym);
        double norm = Math.max(Math.abs(e[0]), Math.abs(e[e.length - 1]));
        for (int i = 0; i < e.length; i++) assertThat(en[i]).isCloseTo(e[i], within(64 * 240 * Linalg.EPS * norm));

        DMatrixRMaj x = Generators.sphere(260, 7, 3).matrix();
        DMatrixRMaj pd = Linalg.ejmlGram(x);
        for (int i = 0; i < 260; i++) pd.add(i, i, 0.5);
        double[] l = NativeLapack.choleskyLower(pd);
        double[] b = new double[260];
        b[7] = 1;
        NativeLapack.choleskySolve(l, 260, b);
        double[] back = Linalg.multVec(pd, b);
        for (int i = 0; i < 260; i++) assertThat(back[i]).isCloseTo(i == 7 ? 1 : 0, within(1e-12));
        assertThat(NativeLapack.choleskyLower(sym)).as("indefinite: no factor").isNull();
    }
}
