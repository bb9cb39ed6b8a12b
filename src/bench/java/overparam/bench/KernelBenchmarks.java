package overparam.bench;

import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.*;
import overparam.claims.Property;
import overparam.linalg.Linalg;
import overparam.nn.LeastSquaresModel;
import overparam.nn.NetworkCovariance;
import overparam.nn.ShallowNet;

import java.util.concurrent.TimeUnit;

/**
 * The kernels the claims spend their time in, through the harness's own API (what a claim calls). Run by
 * scripts/bench.sh, which times the same computations in numpy (scripts/bench/numpy_bench.py) and prints the ratios.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class KernelBenchmarks {

    /** lambda_min of the ReLU Sigma(X) (oymak Def 6.1), X uniform on the sphere, d = 50: the claims' lambda(X). */
    @State(Scope.Benchmark)
    public static class SigmaState {
        @Param({"500", "2000"})
        public int n;
        DMatrixRMaj x;

        @Setup
        public void setup() {
            x = BenchData.sphere(n);
        }
    }

    @Benchmark
    public double lambdaMinSigma(SigmaState s) {
        return NetworkCovariance.lambda(s.x, BenchData.RELU);
    }

    /** The one-hidden-layer ReLU net, n = 200, d = 20, k = 2000. */
    @State(Scope.Benchmark)
    public static class NetState {
        BenchData.Net net;
        ShallowNet shallow;
        LeastSquaresModel model;
        double[] theta;

        @Setup
        public void setup() {
            net = BenchData.net();
            shallow = net.shallow();
            model = shallow.model(net.y());
            theta = net.w().data.clone();
        }
    }

    /** sigma_min(J(W0)) = sqrt(lambda_min(J J^T)) through the Hadamard identity. */
    @Benchmark
    public double sigmaMinJacobian(NetState s) {
        return Math.sqrt(Math.max(0, Linalg.lambdaMin(s.shallow.jacobianGram(s.net.w()))));
    }

    /** One GD step as Trainer takes it: residual at theta, gradient J^T r, theta - eta g. */
    @Benchmark
    public double[] gdStep(NetState s) {
        return BenchData.gdStep(s.model, s.theta);
    }

    @State(Scope.Benchmark)
    public static class FeatureState {
        DMatrixRMaj f;

        @Setup
        public void setup() {
            f = BenchData.features();
        }
    }

    /** Rank and scaling factor of a 200 x 200 ReLU feature matrix. */
    @Benchmark
    public double rankAndScalingFactor(FeatureState s) {
        return Linalg.rank(s.f) + Linalg.scalingFactor(s.f);
    }

    @State(Scope.Benchmark)
    public static class PropertyState {
        @Param({"oymak/lemma-6.5", "oymak/lemma-6.6"})
        public String claim;
        Property<?> property;

        @Setup
        public void setup() {
            property = BenchData.property(claim);
        }
    }

    /** One full property run (100 tries) through PropertyRunner: generation, hypotheses, checks, tightest instances. */
    @Benchmark
    public Object propertyRun(PropertyState s) {
        return BenchData.runProperty(s.claim, s.property);
    }
}
