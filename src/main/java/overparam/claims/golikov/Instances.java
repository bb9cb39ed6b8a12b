package overparam.claims.golikov;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.ejml.data.DMatrixRMaj;
import overparam.nn.Activation;
import overparam.nn.Activations;

import java.util.Random;

/**
 * The generated instances of the golikov claims. Each is a small record of sizes, options and a seed (so it shrinks
 * and serialises to the corpus); the numbers it stands for are a pure function of it.
 */
public final class Instances {
    private Instances() {}

    /** l2 regression (C3): X in R^{d0 x m}, Y in R^{dy x m}; {@code degenerate} duplicates a row of X (rank d0 - 1). */
    public record Regression(int d0, int dy, int m, boolean degenerate, long seed) {
        @JsonIgnore
        public DMatrixRMaj x() {
            DMatrixRMaj x = DeepLinear.gaussian(d0, m, new Random(seed));
            if (degenerate && d0 > 1) for (int j = 0; j < m; j++) x.set(d0 - 1, j, x.get(0, j));
            return x;
        }

        @JsonIgnore
        public DMatrixRMaj y() {
            return DeepLinear.gaussian(dy, m, new Random(seed + 1));
        }
    }

    /** A deep linear problem (C4-C9): widths d_0..d_H, m samples, Gaussian X and Y, and a seed for weights. */
    public record LinearNet(int[] dims, int m, long seed) {
        @JsonIgnore
        public DMatrixRMaj x() {
            return DeepLinear.gaussian(dims[0], m, new Random(seed));
        }

        @JsonIgnore
        public DMatrixRMaj y() {
            return DeepLinear.gaussian(dims[dims.length - 1], m, new Random(seed + 1));
        }

        @JsonIgnore
        public Random rng() {
            return new Random(seed + 2);
        }

        @JsonIgnore
        public int bottleneck() {
            return DeepLinear.bottleneck(dims);
        }

        @JsonIgnore
        public int depth() {
            return dims.length - 1;
        }
    }

    /** K4 (C10): H = 2 net with targets Y = W0 X, rank(W0) = {@code rank} below the bottleneck. */
    public record LowRankTargets(int[] dims, int m, int rank, long seed) {
        @JsonIgnore
        public DMatrixRMaj x() {
            return DeepLinear.gaussian(dims[0], m, new Random(seed));
        }

        @JsonIgnore
        public DMatrixRMaj w0() {
            Random rng = new Random(seed + 1);
            int dOut = dims[dims.length - 1];
            if (rank == 0) return new DMatrixRMaj(dOut, dims[0]);
            return overparam.linalg.Linalg.mult(DeepLinear.gaussian(dOut, rank, rng), DeepLinear.gaussian(rank, dims[0], rng));
        }
    }

    /** A run of gradient descent from {@code starts} random initial points in [-2,2]^2 on a K9 test function. */
    public record SaddleRun(String function, double alpha, int steps, int starts, boolean onStableManifold, long seed) {}

    /** A dataset for the sigmoid-type claims: X in R^{d0 x m} with a named structure, targets Y, a hidden width. */
    public record SigmoidData(String structure, int d0, int m, int width, int outputs, String activation, long seed) {
        @JsonIgnore
        public Activation act() {
            return Activations.byName(activation);
        }

        @JsonIgnore
        public DMatrixRMaj x() {
            return NonLinearData.inputs(structure, d0, m, new Random(seed));
        }

        @JsonIgnore
        public DMatrixRMaj y() {
            return DeepLinear.gaussian(outputs, m, new Random(seed + 1));
        }
    }

    /**
     * A unit-splitting embedding (Fukumizu-Amari): scalar inputs x_1..x_m, targets y, the activation, and the hidden
     * width k at which the optimum of the one-unit net is split into k units.
     */
    public record SplitUnit(double[] x, double[] y, String activation, int width) {
        @JsonIgnore
        public Activation act() {
            return Activations.byName(activation);
        }
    }

    /** A deep sigmoid net (C17-C21): widths d_0..d_H, the wide layer k, m samples, data structure, weight scale. */
    public record DeepSigmoid(int[] dims, int k, int m, String structure, double weightScale, long seed) {
        @JsonIgnore
        public DMatrixRMaj x() {
            return NonLinearData.inputs(structure, dims[0], m, new Random(seed));
        }

        @JsonIgnore
        public DMatrixRMaj y() {
            return DeepLinear.gaussian(dims[dims.length - 1], m, new Random(seed + 1));
        }
    }

    /** Du et al.'s model (C24-C39): a K7 dataset of n unit points in R^d, labels in (-1,1), width m, an init seed. */
    public record DuSetup(String data, int n, int d, int m, double eta, long dataSeed, long initSeed) {}

    /** The K10 test function f(x) = sum_i log(1 + (a_i^T x - b_i)^2) in dimension d with n terms, GD for K steps. */
    public record LogLoss(int d, int n, int steps, long seed) {}

    /** K11: two Gaussian classes in R^d (means +-shift e_1), n points, {@code overlap} flips a fraction of labels. */
    public record TwoClasses(int d, int n, double shift, boolean overlap, long seed) {}

    /** Two scalars (a pair of points on a line, or (a, w) of a one-neuron net). */
    public record Scalars(double first, double second) {}
}
