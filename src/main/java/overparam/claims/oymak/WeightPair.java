package overparam.claims.oymak;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import overparam.data.DataArbitraries;
import overparam.data.Generators;
import overparam.data.RandomMatrices;
import overparam.nn.Activation;
import overparam.nn.Activations;
import overparam.nn.ShallowNet;

import java.util.List;
import java.util.Random;

/** Two weight matrices W, W~ on the same data and output weights: the instance of the Jacobian-difference lemmas. */
public record WeightPair(String activation, double[][] x, double[][] w, double[][] w2, double[] v) {
    public Activation act() {
        return Activations.byName(activation);
    }

    public ShallowNet net() {
        return new ShallowNet(new DMatrixRMaj(x), act(), v);
    }

    public DMatrixRMaj wMatrix() {
        return new DMatrixRMaj(w);
    }

    public DMatrixRMaj w2Matrix() {
        return new DMatrixRMaj(w2);
    }

    /** W~ = W + t Delta with Delta ~ N(0,1) entries, t in {1e-6, 1e-3, 1, 10}; rows scaled to norm {@code rowNorm} (1: unit). */
    public static Arbitrary<WeightPair> arbitrary(List<String> acts, int nMax, int dMax, int kMax, Arbitrary<Double> rowNorms) {
        return arbitrary(acts, new int[] {1, nMax}, new int[] {1, dMax}, new int[] {1, kMax}, rowNorms);
    }

    public static Arbitrary<WeightPair> arbitrary(List<String> acts, int[] nr, int[] dr, int[] kr, Arbitrary<Double> rowNorms) {
        return Combinators.combine(Arbitraries.of(acts), DataArbitraries.ints(nr[0], nr[1]), DataArbitraries.ints(dr[0], dr[1]),
                DataArbitraries.ints(kr[0], kr[1]), Arbitraries.of(1e-6, 1e-3, 1.0, 10.0), rowNorms, DataArbitraries.seeds())
                .as((a, n, d, k, t, s, seed) -> {
                    Random rng = new Random(seed);
                    double[][] x = Generators.sphere(n, d, rng.nextLong()).x();
                    for (double[] row : x) for (int j = 0; j < d; j++) row[j] *= s;
                    double[][] w = RandomMatrices.gaussian(k, d, rng);
                    double[][] w2 = new double[k][d];
                    for (int l = 0; l < k; l++) for (int j = 0; j < d; j++) w2[l][j] = w[l][j] + t * rng.nextGaussian();
                    return new WeightPair(a, x, w, w2, RandomMatrices.gaussianVector(k, rng));
                });
    }
}
