package overparam.claims.edmonds;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The adapter's indexing against a hand-computed 2-2-1 network (catalogue §1.1: w_{l,k,j} from input k to output j). */
class EdmondsNetTest {
    static double sigma(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void catalogueIndexingAndParameterisations() {
        double[] x = {0.3, -0.7};
        double[][] w0 = {{0.5, -1.2}, {0.8, 0.4}}; // w0[k][j]
        double[] w1 = {1.5, -0.6};
        for (EdmondsNet.Param param : EdmondsNet.Param.values()) {
            EdmondsNet net = EdmondsNet.sigmoid(2, new int[] {2}, false, param);
            double[] theta = new double[net.parameterCount()];
            for (int k = 0; k < 2; k++) for (int j = 0; j < 2; j++) theta[net.weightIndex(0, k, j)] = w0[k][j];
            for (int k = 0; k < 2; k++) theta[net.weightIndex(1, k, 0)] = w1[k];
            double s = param == EdmondsNet.Param.P2 ? 1 / Math.sqrt(2) : 1;
            double z = 0;
            for (int j = 0; j < 2; j++) z += w1[j] * s * sigma(w0[0][j] * x[0] + w0[1][j] * x[1]);
            assertThat(net.output(theta, x)).isCloseTo(sigma(z), within(1e-15));
            assertThat(net.point(theta, x, true).output()).isCloseTo(sigma(z), within(1e-15));
            for (int p = 0; p < theta.length; p++) {
                int[] lkj = net.decode(p);
                assertThat(net.weightIndex(lkj[0], lkj[1], lkj[2])).isEqualTo(p);
            }
        }
    }

    @Test
    void fastGradientEqualsDeepNetBackprop() {
        Random rng = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            EdmondsNet net = EdmondsNet.sigmoid(1 + rng.nextInt(4), new int[] {1 + rng.nextInt(5), 1 + rng.nextInt(5)}, rng.nextBoolean(),
                    rng.nextBoolean() ? EdmondsNet.Param.P1 : EdmondsNet.Param.P2);
            double[] theta = net.init(rng, 1.5), x = new double[net.inputDim()], g = new double[net.parameterCount()];
            for (int i = 0; i < x.length; i++) x[i] = rng.nextGaussian();
            double out = net.outputAndGradient(theta, x, g);
            assertThat(out).isEqualTo(net.output(theta, x));
            assertThat(g).containsExactly(net.gradient(theta, x), within(1e-15));
        }
    }
}
