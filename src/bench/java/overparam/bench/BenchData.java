package overparam.bench;

import org.ejml.data.DMatrixRMaj;
import overparam.claims.*;
import overparam.data.Generators;
import overparam.data.Npy;
import overparam.data.RandomMatrices;
import overparam.linalg.Linalg;
import overparam.nn.Activation;
import overparam.nn.Activations;
import overparam.nn.LeastSquaresModel;
import overparam.nn.NetworkCovariance;
import overparam.nn.ShallowNet;
import overparam.report.Json;
import overparam.search.PropertyRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The inputs of the kernel benchmarks, pure functions of fixed seeds. {@link #main} writes them as .npy/.json for
 * scripts/bench/numpy_bench.py, so numpy times the same computations on the same numbers, together with the harness's
 * results (which the numpy script cross-checks).
 */
public final class BenchData {
    static final long SEED = 20261125L;
    /** Sigma(X) benchmark: X uniform on the sphere, d = 50. */
    static final int SIGMA_D = 50;
    /** The one-hidden-layer net of the Jacobian and GD benchmarks. */
    static final int NET_N = 200, NET_D = 20, NET_K = 2000;
    static final double GD_STEP = 1e-3;
    /** Property runs: 100 tries of a typical claim. */
    static final int PROPERTY_TRIES = 100;
    static final Map<String, String> PROPERTIES = Map.of("oymak/lemma-6.5", "psd", "oymak/lemma-6.6", "statement");

    private BenchData() {}

    static DMatrixRMaj sphere(int n) {
        return Generators.sphere(n, SIGMA_D, SEED + n).matrix();
    }

    static final Activation RELU = Activations.RELU;

    record Net(DMatrixRMaj x, DMatrixRMaj w, double[] v, double[] y) {
        ShallowNet shallow() {
            return new ShallowNet(x, RELU, v);
        }
    }

    static Net net() {
        Random rng = new Random(SEED);
        DMatrixRMaj x = Generators.sphere(NET_N, NET_D, rng.nextLong()).matrix();
        DMatrixRMaj w = new DMatrixRMaj(RandomMatrices.gaussian(NET_K, NET_D, rng));
        double[] y = RandomMatrices.gaussianVector(NET_N, rng);
        double[] v = ShallowNet.paperOutputWeights(NET_K, Linalg.norm(y), NET_N);
        return new Net(x, w, v, y);
    }

    /** A 200 x 200 ReLU feature matrix relu(X W^T): X on the sphere (d = 20), W Gaussian. */
    static DMatrixRMaj features() {
        Random rng = new Random(SEED + 1);
        DMatrixRMaj x = Generators.sphere(NET_N, NET_D, rng.nextLong()).matrix();
        DMatrixRMaj w = new DMatrixRMaj(RandomMatrices.gaussian(NET_N, NET_D, rng));
        DMatrixRMaj f = Linalg.mult(x, Linalg.transpose(w));
        for (int i = 0; i < f.data.length; i++) f.data[i] = Math.max(0, f.data[i]);
        return f;
    }

    static RunContext context() {
        return new RunContext(Level.CI, RunContext.DEFAULT_SEED, PROPERTY_TRIES, Map.of(), false, Path.of("target", "bench", "reports"), null,
                RunContext.Progress.NONE);
    }

    static Property<?> property(String claimId) {
        PropertyClaim claim = (PropertyClaim) Registry.get().claim(claimId);
        return claim.property(context().params(claimId, claim.parameters()), PROPERTIES.get(claimId));
    }

    static PropertyOutcome runProperty(String claimId, Property<?> property) {
        return PropertyRunner.run(claimId, property, context());
    }

    /** The property with its check wrapped to record every instance it checks (the accepted tries, in order). */
    @SuppressWarnings("unchecked")
    static <I> Property<I> recording(Property<I> p, List<Object> sink) {
        return Property.of(p.name(), p.type()).generator(p.generator(), p.arbitrary()).hypotheses(p::violatedHypothesis)
                .check(i -> {
                    sink.add(i);
                    return p.check(i);
                }).tries(p.tries()).build();
    }

    /** One GD step as Trainer takes it: residual at theta, gradient J^T r, theta - eta g. */
    static double[] gdStep(LeastSquaresModel model, double[] theta) {
        double[] r = model.residual(theta);
        double[] g = model.gradient(theta, r);
        double[] next = new double[g.length];
        for (int i = 0; i < g.length; i++) next[i] = theta[i] - GD_STEP * g[i];
        return next;
    }

    /** Writes the inputs and the harness's reference results to the directory given (default target/bench/inputs). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench/inputs");
        Files.createDirectories(dir);
        Map<String, Object> ref = new LinkedHashMap<>();
        for (int n : new int[] {500, 2000}) {
            DMatrixRMaj x = sphere(n);
            Npy.write(dir.resolve("sphere" + n + ".npy"), Linalg.toArray(x));
            ref.put("lambda_min_sigma_" + n, NetworkCovariance.lambda(x, RELU));
        }
        Net net = net();
        Npy.write(dir.resolve("net_x.npy"), Linalg.toArray(net.x()));
        Npy.write(dir.resolve("net_w.npy"), Linalg.toArray(net.w()));
        Npy.write(dir.resolve("net_v.npy"), Npy.Array.of(net.v()));
        Npy.write(dir.resolve("net_y.npy"), Npy.Array.of(net.y()));
        ShallowNet sn = net.shallow();
        ref.put("sigma_min_jacobian", Math.sqrt(Math.max(0, Linalg.lambdaMin(sn.jacobianGram(net.w())))));
        ref.put("gd_step", GD_STEP);
        ref.put("gd_next_norm", Linalg.norm(gdStep(sn.model(net.y()), net.w().data)));
        DMatrixRMaj f = features();
        Npy.write(dir.resolve("features.npy"), Linalg.toArray(f));
        ref.put("rank_plus_scaling_factor", Linalg.rank(f) + Linalg.scalingFactor(f));
        Map<String, Double> bigB = new LinkedHashMap<>();
        for (String id : PROPERTIES.keySet()) {
            List<Object> instances = new ArrayList<>();
            PropertyOutcome o = runProperty(id, recording(property(id), instances));
            String file = id.replace('/', '_') + ".json";
            Json.write(dir.resolve(file), instances);
            for (Object i : instances)
                if (i instanceof overparam.claims.oymak.NetInstance ni) bigB.put(ni.activation(), ni.act().bigB());
            ref.put(id + " worst slack", o.worst().slack());
            ref.put(id + " tries", o.tries());
        }
        ref.put("big_b", bigB);
        Json.write(dir.resolve("reference.json"), ref);
        System.out.println("bench inputs written to " + dir);
    }
}
