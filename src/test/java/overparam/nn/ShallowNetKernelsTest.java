package overparam.nn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import overparam.data.RandomMatrices;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ShallowNet's own loops (vectorisable, parallel for large nets, pre-activations cached between residual and gradient)
 * give bit for bit what the plain EJML formulas give, signed zeros included, for every shape route EJML takes.
 */
class ShallowNetKernelsTest {
    private static DMatrixRMaj ejmlZ(DMatrixRMaj x, DMatrixRMaj w) {
        DMatrixRMaj z = new DMatrixRMaj(x.numRows, w.numRows);
        CommonOps_DDRM.multTransB(x, w, z);
        return z;
    }

    private static double[] ejmlResidual(DMatrixRMaj x, DMatrixRMaj w, double[] v, Activation phi, double[] y) {
        DMatrixRMaj z = ejmlZ(x, w);
        double[] f = new double[x.numRows];
        for (int i = 0; i < f.length; i++) {
            double s = 0;
            for (int l = 0; l < v.length; l++) s += v[l] * phi.phi(z.get(i, l));
            f[i] = s - y[i];
        }
        return f;
    }

    private static DMatrixRMaj ejmlGradient(DMatrixRMaj x, DMatrixRMaj w, double[] v, Activation phi, double[] r) {
        DMatrixRMaj z = ejmlZ(x, w);
        DMatrixRMaj a = new DMatrixRMaj(z.numRows, z.numCols);
        for (int i = 0; i < z.numRows; i++)
            for (int l = 0; l < z.numCols; l++) a.set(i, l, phi.d1(z.get(i, l)) * v[l] * r[i]);
        DMatrixRMaj g = new DMatrixRMaj(w.numRows, x.numCols);
        CommonOps_DDRM.multTransA(a, x, g);
        return g;
    }

    private static void sameBits(double[] actual, double[] expected, String what) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < actual.length; i++)
            assertThat(Double.doubleToRawLongBits(actual[i])).as("%s[%d]: %s vs %s", what, i, actual[i], expected[i])
                    .isEqualTo(Double.doubleToRawLongBits(expected[i]));
    }

    @Test
    void residualGradientAndPreActivationsMatchEjmlBitForBit() {
        Random rng = new Random(42);
        int[][] shapes = {{1, 1, 1}, {3, 1, 5}, {4, 3, 1}, {5, 2, 14}, {6, 14, 14}, {7, 15, 3}, {8, 3, 15}, {9, 20, 40}, {200, 20, 2000},
                {60, 1, 300}, {2, 16, 1}};
        for (int[] s : shapes) {
            int n = s[0], d = s[1], k = s[2];
            for (Activation phi : new Activation[] {Activations.RELU, Activations.SOFTPLUS, Activations.byName("0.5*tanh")}) {
                DMatrixRMaj x = new DMatrixRMaj(RandomMatrices.gaussian(n, d, rng));
                DMatrixRMaj w = new DMatrixRMaj(RandomMatrices.gaussian(k, d, rng));
                double[] v = RandomMatrices.gaussianVector(k, rng), y = RandomMatrices.gaussianVector(n, rng);
                // zeros and negative zeros: ReLU's dead units and zero rows exercise the sign of zero sums
                if (k > 1) v[1] = -0.0;
                if (n > 1) for (int j = 0; j < d; j++) x.set(1, j, j % 2 == 0 ? 0.0 : -0.0);
                ShallowNet net = new ShallowNet(x, phi, v);
                String shape = "n=" + n + " d=" + d + " k=" + k + " " + phi.name();
                sameBits(net.preActivations(w).data, ejmlZ(x, w).data, "Z " + shape);
                double[] r = net.residual(w, y);
                sameBits(r, ejmlResidual(x, w, v, phi, y), "residual " + shape);
                sameBits(net.gradient(w, r).data, ejmlGradient(x, w, v, phi, r).data, "gradient " + shape);
                LeastSquaresModel m = net.model(y);
                double[] theta = w.data.clone();
                sameBits(m.residual(theta), r, "model residual " + shape);
                sameBits(m.gradient(theta, r), ejmlGradient(x, w, v, phi, r).data, "model gradient " + shape);
                theta[0] += 1; // the cache must notice a changed theta (Trainer updates theta in place)
                DMatrixRMaj w2 = DMatrixRMaj.wrap(k, d, theta.clone());
                sameBits(m.gradient(theta, r), ejmlGradient(x, w2, v, phi, r).data, "model gradient after a step " + shape);
            }
        }
    }
}
