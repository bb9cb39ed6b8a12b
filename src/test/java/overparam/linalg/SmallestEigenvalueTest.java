package overparam.linalg;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import overparam.data.Generators;
import overparam.data.RandomMatrices;
import overparam.gauss.Kernels;
import overparam.nn.Activations;
import overparam.nn.NetworkCovariance;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Cholesky + Lanczos route (Linalg.lambdaMin from 200 rows on) agrees with the full symmetric eigensolver, in pure
 * Java and with native OpenBLAS, on kernel matrices, singular and ill-conditioned PSD matrices, clustered spectra, and
 * indefinite matrices (which fall back to the full solver).
 */
class SmallestEigenvalueTest {
    /** Full EJML eigen-decomposition, the reference. */
    private static double reference(DMatrixRMaj a) {
        return Linalg.ejmlEigenvalues(Linalg.symmetrize(a))[0];
    }

    private static void agrees(DMatrixRMaj a) {
        double full = reference(a);
        double tol = 64 * a.numRows * Linalg.EPS * Linalg.ejmlEigenvalues(Linalg.symmetrize(a))[a.numRows - 1];
        assertThat(SmallestEigenvalue.of(a, false)).as("pure Java").isCloseTo(full, within(tol));
        assertThat(SmallestEigenvalue.of(a, true)).as("Lanczos, " + NativeLapack.status()).isCloseTo(full, within(tol));
        assertThat(SmallestEigenvalue.of(a)).as(NativeLapack.status()).isCloseTo(full, within(tol));
        assertThat(Linalg.lambdaMin(a)).isCloseTo(full, within(tol));
    }

    @Test
    void kernelMatricesOfSpherePoints() {
        DMatrixRMaj x = Generators.sphere(300, 8, 11).matrix();
        agrees(NetworkCovariance.sigma(x, Activations.RELU));
        agrees(NetworkCovariance.sigmaTilde(x, Activations.SOFTPLUS));
        agrees(Kernels.ofGram(x, Kernels::reluDerivative));
        agrees(Linalg.hadamardPower(Linalg.gram(x), 3));
    }

    @Test
    void singularAndIndefiniteMatrices() {
        DMatrixRMaj dup = Generators.duplicates(260, 6, 2).matrix();
        agrees(NetworkCovariance.sigma(dup, Activations.RELU)); // lambda = 0: the shifted Cholesky still factors
        agrees(new DMatrixRMaj(RandomMatrices.psd(240, 30, new Random(3)))); // rank 30 of 240
        DMatrixRMaj g = Linalg.gram(Generators.sphere(250, 5, 4).matrix());
        for (int i = 0; i < 250; i++) g.add(i, i, -0.5); // indefinite: falls back to the full solver
        agrees(g);
    }

    /** Q diag(lambda) Q^T with a random orthogonal Q. */
    private static DMatrixRMaj withSpectrum(double[] lambda, long seed) {
        int n = lambda.length;
        DMatrixRMaj q = new DMatrixRMaj(RandomMatrices.gaussian(n, n, seed));
        org.ejml.interfaces.decomposition.QRDecomposition<DMatrixRMaj> qr = org.ejml.dense.row.factory.DecompositionFactory_DDRM.qr(n, n);
        qr.decompose(q);
        DMatrixRMaj o = qr.getQ(null, false);
        return Linalg.mult(Linalg.mult(o, Linalg.diag(lambda)), Linalg.transpose(o));
    }

    @Test
    void illConditionedAndClusteredSpectra() {
        int n = 220;
        double[] geometric = new double[n], cluster = new double[n], gap = new double[n];
        for (int i = 0; i < n; i++) {
            geometric[i] = Math.pow(10, -12.0 * i / (n - 1)); // condition 1e12
            cluster[i] = i < 40 ? 1e-6 * (1 + 1e-9 * i) : 1 + i; // 40 nearly equal smallest eigenvalues
            gap[i] = i == 0 ? 1e-9 : 1e-3 + i; // one tiny eigenvalue far below the rest
        }
        agrees(withSpectrum(geometric, 5));
        agrees(withSpectrum(cluster, 6));
        agrees(withSpectrum(gap, 7));
        // a sphere kernel at the separation scale of the claims: near-duplicate points (cluster of radius 1e-4)
        agrees(NetworkCovariance.sigma(Generators.cluster(230, 10, 1e-4, 8).matrix(), Activations.RELU));
    }

    @Test
    void relativeAccuracyNearZero() {
        // lambda_min of 1e-9 next to ||A|| = 200: the shifted route resolves it to eps * n * ||A||, like the full solver
        int n = 200;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) lambda[i] = i == 0 ? 1e-9 : i;
        DMatrixRMaj a = withSpectrum(lambda, 9);
        double tol = 64 * n * Linalg.EPS * n;
        assertThat(SmallestEigenvalue.of(a, false)).isCloseTo(1e-9, within(tol));
        assertThat(SmallestEigenvalue.of(a, true)).isCloseTo(1e-9, within(tol));
        assertThat(SmallestEigenvalue.of(a)).isCloseTo(1e-9, within(tol));
    }
}
