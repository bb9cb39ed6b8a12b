package overparam.linalg;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import overparam.data.Generators;
import overparam.gauss.Kernels;
import overparam.nn.Activations;
import overparam.nn.NetworkCovariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Cholesky + Lanczos route agrees with the full symmetric eigensolver on the matrices measure feeds it. */
class SmallestEigenvalueTest {
    private static void agrees(DMatrixRMaj a) {
        double full = Linalg.lambdaMin(a);
        double tol = 64 * a.numRows * Linalg.EPS * Linalg.lambdaMax(a);
        assertThat(SmallestEigenvalue.of(a)).isCloseTo(full, within(tol));
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
        DMatrixRMaj g = Linalg.gram(Generators.sphere(250, 5, 4).matrix());
        for (int i = 0; i < 250; i++) g.add(i, i, -0.5); // indefinite: falls back to the full solver
        agrees(g);
    }
}
