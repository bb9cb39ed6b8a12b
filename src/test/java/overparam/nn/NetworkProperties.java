package overparam.nn;

import overparam.JqwikSeeds;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import overparam.data.RandomMatrices;
import overparam.linalg.Linalg;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Exact gradients and R-operator Hessians of the deep net against finite differences; the trainers' traces. */
class NetworkProperties {
    @Provide
    Arbitrary<DeepNet> nets() {
        Arbitrary<int[]> widths = Arbitraries.integers().between(1, 4).flatMap(layers ->
                Arbitraries.integers().between(1, 5).array(int[].class).ofSize(layers + 1));
        return Combinators.combine(widths, Arbitraries.of("softplus", "tanh", "sigmoid", "sin"), Arbitraries.of("identity", "sigmoid", "tanh"),
                Arbitraries.of(true, false), Arbitraries.of(1.0, 0.5)).as((w, h, o, bias, s) -> {
            double[] post = new double[w.length - 1];
            java.util.Arrays.fill(post, s);
            return new DeepNet(w, Activations.byName(h), Activations.byName(o), bias, post);
        });
    }

    static double[] randomInput(DeepNet net, long seed) {
        return RandomMatrices.gaussianVector(net.inputDim(), new Random(seed));
    }

    @Property(tries = 150, seed = JqwikSeeds.CI)
    void gradientMatchesFiniteDifferences(@ForAll("nets") DeepNet net, @ForAll long seed) {
        Random rng = new Random(seed);
        double[] theta = net.initStandard(rng, 1.0);
        if (net.hasBias()) for (int p = 0; p < theta.length; p++) theta[p] += 0.1 * rng.nextGaussian();
        double[] x = randomInput(net, seed + 1), u = RandomMatrices.gaussianVector(net.outputDim(), rng);
        double[] g = net.gradient(theta, x, u);
        double[] fd = FiniteDifferences.gradient(t -> Linalg.dot(u, net.output(t, x)), theta);
        for (int p = 0; p < theta.length; p++) assertThat(g[p]).as("parameter %d", p).isCloseTo(fd[p], within(1e-7 * Math.max(1, Math.abs(fd[p]))));
    }

    @Property(tries = 100, seed = JqwikSeeds.CI)
    void hessianMatchesFiniteDifferencesOfTheGradientAndIsSymmetric(@ForAll("nets") DeepNet net, @ForAll long seed) {
        Random rng = new Random(seed);
        double[] theta = net.initStandard(rng, 1.0);
        double[] x = randomInput(net, seed + 1), u = RandomMatrices.gaussianVector(net.outputDim(), rng);
        DMatrixRMaj h = net.outputHessian(theta, x, u);
        // truncation bound by Richardson: deep nets with saturating layers have large fifth derivatives
        FiniteDifferences.Bounded bounded = FiniteDifferences.jacobianWithError(t -> net.gradient(t, x, u), theta, 0);
        double[][] fd = bounded.value(), truncation = bounded.error();
        for (int p = 0; p < theta.length; p++)
            for (int q = 0; q < theta.length; q++) {
                assertThat(h.get(p, q)).as("H[%d][%d]", p, q).isCloseTo(fd[p][q], within(1e-6 * Math.max(1, Math.abs(fd[p][q])) + truncation[p][q]));
                assertThat(h.get(p, q)).isCloseTo(h.get(q, p), within(1e-12 * Math.max(1, Math.abs(h.get(p, q)))));
            }
    }

    @Property(tries = 60, seed = JqwikSeeds.CI)
    void lossHessianMatchesFiniteDifferencesOfTheLossGradient(@ForAll("nets") DeepNet net, @ForAll @IntRange(min = 1, max = 4) int samples,
                                                              @ForAll long seed) {
        Random rng = new Random(seed);
        double[] theta = net.initFanIn(rng, 1.0);
        double[][] xs = new double[samples][], ys = new double[samples][];
        for (int d = 0; d < samples; d++) {
            xs[d] = RandomMatrices.gaussianVector(net.inputDim(), rng);
            ys[d] = RandomMatrices.gaussianVector(net.outputDim(), rng);
        }
        LeastSquaresModel m = net.model(xs, ys);
        DMatrixRMaj h = net.lossHessian(theta, xs, ys);
        // truncation bound by Richardson: deep nets with saturating layers have large fifth derivatives
        FiniteDifferences.Bounded bounded = FiniteDifferences.jacobianWithError(t -> m.gradient(t, m.residual(t)), theta, 0);
        double[][] fd = bounded.value(), truncation = bounded.error();
        for (int p = 0; p < theta.length; p++)
            for (int q = 0; q < theta.length; q++)
                assertThat(h.get(p, q)).isCloseTo(fd[p][q], within(1e-6 * Math.max(1, Math.abs(fd[p][q])) + truncation[p][q]));
        double[] g = m.gradient(theta, m.residual(theta));
        double[] gfd = FiniteDifferences.gradient(m::loss, theta);
        for (int p = 0; p < theta.length; p++) assertThat(g[p]).isCloseTo(gfd[p], within(1e-7 * Math.max(1, Math.abs(gfd[p]))));
    }

    @Property(tries = 50, seed = JqwikSeeds.CI)
    void paperOutputWeightsHaveTheStatedNorms(@ForAll @IntRange(min = 1, max = 200) int k, @ForAll @IntRange(min = 1, max = 50) int n) {
        double yNorm = 3.0;
        double[] v = ShallowNet.paperOutputWeights(k, yNorm, n);
        double sum = 0, max = 0;
        for (double e : v) {
            sum += e;
            max = Math.max(max, Math.abs(e));
        }
        assertThat(sum).isCloseTo(0, within(1e-12));
        int nonzero = 2 * (k / 2);
        assertThat(Linalg.norm(v)).isCloseTo(yNorm * Math.sqrt((double) nonzero / ((double) k * n)), within(1e-12));
        if (k > 1) assertThat(max).isCloseTo(yNorm / Math.sqrt((double) k * n), within(1e-14));
    }

    @Property(tries = 40, seed = JqwikSeeds.CI)
    void gradientDescentOnLinearLeastSquaresDecreasesAndTracesPaths(@ForAll @IntRange(min = 1, max = 6) int n, @ForAll long seed) {
        Random rng = new Random(seed);
        DeepNet linear = new DeepNet(new int[] {n + 2, 1}, Activations.IDENTITY, Activations.IDENTITY, false);
        double[][] xs = new double[n][], ys = new double[n][];
        for (int i = 0; i < n; i++) {
            xs[i] = RandomMatrices.gaussianVector(n + 2, rng);
            ys[i] = new double[] {rng.nextGaussian()};
        }
        LeastSquaresModel m = linear.model(xs, ys);
        DMatrixRMaj j = m.jacobian(new double[n + 2]);
        double beta = Linalg.spectralNorm(j), alpha = Linalg.sigmaMin(j);
        Trace t = Trainer.gradientDescent(m, new double[n + 2], 1 / (beta * beta), 500);
        double rate = 1 - alpha * alpha / (beta * beta);
        for (int s = 1; s <= t.steps(); s++) {
            assertThat(t.residualNorm()[s]).isLessThanOrEqualTo(t.residualNorm()[s - 1] + 1e-12 * t.initialResidual());
            assertThat(t.pathLength()[s]).isGreaterThanOrEqualTo(t.distance()[s] * (1 - 1e-12));
        }
        // linear least squares with full row rank: ||r_T|| <= (1 - sigma_min^2 / beta^2)^T ||r_0||
        assertThat(t.finalResidual()).isLessThanOrEqualTo(Math.pow(rate, t.steps()) * t.initialResidual() * (1 + 1e-9) + 1e-13);
    }

    @Property(tries = 20, seed = JqwikSeeds.CI)
    void sgdOnAConsistentLinearSystemConverges(@ForAll @IntRange(min = 1, max = 5) int n, @ForAll long seed) {
        Random rng = new Random(seed);
        ShallowNet net = new ShallowNet(new DMatrixRMaj(overparam.data.Generators.sphere(n, 2 * n + 1, seed).x()), Activations.IDENTITY, new double[] {1.0});
        double[] y = RandomMatrices.gaussianVector(n, rng);
        Trace t = Trainer.sgd(net.model(y), new double[2 * n + 1], 0.5, 4000, new Random(seed + 1), null);
        assertThat(t.finalResidual()).isLessThan(1e-6 * t.initialResidual() + 1e-12);
        assertThat(t.steps()).isEqualTo(4000);
    }
}
