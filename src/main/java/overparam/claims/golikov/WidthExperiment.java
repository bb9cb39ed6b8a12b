package overparam.claims.golikov;

import org.ejml.data.DMatrixRMaj;
import overparam.claims.*;
import overparam.gauss.Fits;
import overparam.report.Plots;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * golikov/E1, Figure 1 (Conv-small on 4000 CIFAR-10 images, filters multiplied by a width factor), as the catalogue's
 * synthetic analogue: a two-hidden-layer ReLU MLP with base widths (32, 32) times a width factor on a 10-class Gaussian
 * mixture (class means N(0, 4 I/d), unit noise), SGD with momentum on cross-entropy. Measured against width: train
 * accuracy, test accuracy, and iterations until 100% train accuracy. The runs use both cores (one task per width and
 * seed, each with its own seed).
 */
final class WidthExperiment extends TrendClaim {
    WidthExperiment() {
        super("golikov/E1");
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.string("parameterisation", "standard", "standard (He init, fixed lr) or ntk (1/sqrt(fan-in) layer scaling)"),
                ParamSpec.real("lr", 0.05, "learning rate"), ParamSpec.real("momentum", 0.9, "momentum"),
                ParamSpec.integer("batch", 32, "batch size"));
    }

    /** The sizes of one level: CI is the reduced version, FULL the catalogue's. */
    record Plan(int n, int nTest, int d, int base, double[] factors, int seeds, int cap) {
        static Plan of(Level level) {
            return level == Level.CI
                    ? new Plan(300, 1000, 16, 16, new double[] {0.25, 1, 4}, 2, 4000)
                    : new Plan(1000, 5000, 32, 32, new double[] {0.25, 0.5, 1, 2, 4, 8}, 5, 20_000);
        }
    }

    record Mixture(DMatrixRMaj x, int[] y) {
        /** 10 classes, means N(0, 4 I / d) drawn from {@code meansSeed}, points x = mu_y + N(0, I). */
        static Mixture draw(int n, int d, long meansSeed, long seed) {
            Random means = new Random(meansSeed), rng = new Random(seed);
            double[][] mu = new double[10][d];
            for (double[] m : mu) for (int j = 0; j < d; j++) m[j] = means.nextGaussian() * 2 / Math.sqrt(d);
            DMatrixRMaj x = new DMatrixRMaj(n, d);
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = rng.nextInt(10);
                for (int j = 0; j < d; j++) x.set(i, j, mu[y[i]][j] + rng.nextGaussian());
            }
            return new Mixture(x, y);
        }
    }

    /** One training run; {@code cpuMillis} is the CPU time of its thread (not inflated by other load on the machine). */
    record Run(double factor, int seed, int iterationsToFit, double trainAccuracy, double trainCrossEntropy, double testAccuracy,
               int parameters, long cpuMillis) {}

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    static Run train(Plan plan, double factor, int seedIndex, long seed, long meansSeed, MlpClassifier.Parameterisation param,
                     double lr, double momentum, int batch) {
        long start = CPU.getCurrentThreadCpuTime();
        Mixture train = Mixture.draw(plan.n(), plan.d(), meansSeed, seed), test = Mixture.draw(plan.nTest(), plan.d(), meansSeed, seed + 1);
        int h = Math.max(1, (int) Math.round(plan.base() * factor));
        Random rng = new Random(seed + 2);
        MlpClassifier net = new MlpClassifier(new int[] {plan.d(), h, h, 10}, param, rng);
        int[] order = new int[plan.n()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        int it = 0, pos = order.length, fitted = -1;
        DMatrixRMaj xb = new DMatrixRMaj(batch, plan.d());
        int[] yb = new int[batch];
        while (it < plan.cap()) {
            if (pos + batch > order.length) {
                for (int i = order.length - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1), t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                pos = 0;
            }
            for (int r = 0; r < batch; r++) {
                int i = order[pos++];
                System.arraycopy(train.x().data, i * plan.d(), xb.data, r * plan.d(), plan.d());
                yb[r] = train.y()[i];
            }
            net.step(xb, yb, lr, momentum);
            it++;
            if (it % 10 == 0 && net.accuracy(train.x(), train.y()) == 1.0) {
                fitted = it;
                break;
            }
        }
        return new Run(factor, seedIndex, fitted, net.accuracy(train.x(), train.y()), net.crossEntropy(train.x(), train.y()),
                net.accuracy(test.x(), test.y()), net.parameterCount(), (CPU.getCurrentThreadCpuTime() - start) / 1_000_000);
    }

    @Override
    protected void experiment(Params p, RunContext ctx, ClaimResult.Builder r) {
        Plan plan = Plan.of(ctx.level());
        MlpClassifier.Parameterisation param = p.string("parameterisation").equalsIgnoreCase("ntk")
                ? MlpClassifier.Parameterisation.NTK : MlpClassifier.Parameterisation.STANDARD;
        double lr = p.real("lr"), momentum = p.real("momentum");
        int batch = p.integer("batch");
        long start = System.currentTimeMillis();
        List<Run> runs = runAll(plan, plan.factors(), plan.seeds(), param, lr, momentum, batch, "", ctx);
        long wall = System.currentTimeMillis() - start, cpu = runs.stream().mapToLong(Run::cpuMillis).sum();
        record(plan, param, lr, momentum, batch, runs, wall, cpu, ctx, r);
        if (ctx.level() != Level.CI && param == MlpClassifier.Parameterisation.STANDARD) {
            // the same experiment under the NTK parameterisation (fewer widths and seeds): the iterations trend changes
            double[] factors = {1, 2, 4};
            long t0 = System.currentTimeMillis();
            List<Run> ntk = runAll(plan, factors, 2, MlpClassifier.Parameterisation.NTK, lr, momentum, batch, "#ntk", ctx);
            List<double[]> pts = new ArrayList<>();
            for (Run x : ntk) if (x.iterationsToFit() > 0) pts.add(new double[] {x.factor(), x.iterationsToFit()});
            r.number("NTK comparison runs", ntk.stream().map(x -> String.format("factor %s seed %d: fit at %s, test %.3f", x.factor(), x.seed(),
                    x.iterationsToFit() > 0 ? Integer.toString(x.iterationsToFit()) : "not within cap", x.testAccuracy())).toList());
            r.number("NTK comparison run time (wall) ms", System.currentTimeMillis() - t0);
            r.number("NTK comparison run time (CPU, sum over runs) ms", ntk.stream().mapToLong(Run::cpuMillis).sum());
            if (pts.size() >= 3) {
                Fits.Line it = Fits.powerLaw(col(pts, 0), col(pts, 1), 0.95);
                r.trend(new TrendEvidence("NTK parameterisation (comparison): iterations to 100% train accuracy ~ factor^b", "width factor",
                        "iterations", it.slope(), it.slopeLow(), it.slopeHigh(), 0.0, "faster with width: b < 0", it.slopeHigh() < 0, pts));
            }
        }
    }

    /** One task per (factor, seed) on two threads; every run has its own seed from the run context. */
    static List<Run> runAll(Plan plan, double[] factors, int seeds, MlpClassifier.Parameterisation param, double lr, double momentum,
                            int batch, String tag, RunContext ctx) {
        String id = "golikov/E1";
        long meansSeed = ctx.seedFor(id + "#means");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Run>> futures = new ArrayList<>();
        for (double f : factors)
            for (int s = 0; s < seeds; s++) {
                int si = s;
                long seed = ctx.seedFor(id + tag + "#" + f + "#" + s);
                futures.add(pool.submit(() -> train(plan, f, si, seed, meansSeed, param, lr, momentum, batch)));
            }
        List<Run> runs = new ArrayList<>();
        try {
            for (Future<Run> fu : futures) runs.add(fu.get());
        } catch (Exception e) {
            throw new IllegalStateException("E1 run failed", e);
        } finally {
            pool.shutdown();
        }
        return runs;
    }

    void record(Plan plan, MlpClassifier.Parameterisation param, double lr, double momentum, int batch, List<Run> runs, long wall,
                long cpu, RunContext ctx, ClaimResult.Builder r) {
        r.number("parameterisation", param == MlpClassifier.Parameterisation.STANDARD
                ? "standard: He init N(0, 2/fan_in), zero biases, fixed lr (the trend of iterations vs width depends on this choice)"
                : "NTK: N(0,1) weights, layer outputs scaled by sqrt(2/fan_in), fixed lr");
        r.number("setup", plan.n() + " train / " + plan.nTest() + " test points, d = " + plan.d() + ", 10-class Gaussian mixture (means N(0, 4I/d), "
                + "unit noise); MLP d-h-h-10, h = " + plan.base() + " x factor; SGD lr " + lr + ", momentum " + momentum + ", batch "
                + batch + "; fitted = 100% train accuracy (checked every 10 iterations), cap " + plan.cap() + "; " + plan.seeds() + " seeds");
        r.number("run time (wall, 2 threads) ms", wall);
        r.number("run time (CPU, sum over runs) ms", cpu);
        List<double[]> iterPts = new ArrayList<>(), testPts = new ArrayList<>(), trainPts = new ArrayList<>();
        double smallestAllFit = Double.NaN;
        for (double f : plan.factors()) {
            List<Run> at = runs.stream().filter(x -> x.factor() == f).toList();
            boolean allFit = at.stream().allMatch(x -> x.iterationsToFit() > 0);
            if (allFit && Double.isNaN(smallestAllFit)) smallestAllFit = f;
            r.number("factor " + f, at.stream().map(x -> String.format("seed %d: fit at %s, train %.3f, test %.3f, CE %.3g, %d params, %d ms CPU",
                    x.seed(), x.iterationsToFit() > 0 ? Integer.toString(x.iterationsToFit()) : "not within cap", x.trainAccuracy(),
                    x.testAccuracy(), x.trainCrossEntropy(), x.parameters(), x.cpuMillis())).toList());
            for (Run x : at) {
                if (x.iterationsToFit() > 0) iterPts.add(new double[] {f, x.iterationsToFit()});
                testPts.add(new double[] {Math.log(f) / Math.log(2), x.testAccuracy()});
                trainPts.add(new double[] {Math.log(f) / Math.log(2), x.trainAccuracy()});
            }
        }
        r.number("smallest width factor with 100% train accuracy in every seed", Double.isNaN(smallestAllFit) ? "none" : smallestAllFit);
        if (iterPts.size() >= 3) {
            Fits.Line it = Fits.powerLaw(col(iterPts, 0), col(iterPts, 1), 0.95);
            r.trend(new TrendEvidence("iterations to 100% train accuracy ~ factor^b (runs that fit)", "width factor", "iterations", it.slope(),
                    it.slopeLow(), it.slopeHigh(), 0.0, "faster with width: b < 0", it.slopeHigh() < 0, iterPts));
        } else r.number("iterations trend", "fewer than 3 fitted runs: no fit");
        Fits.Line te = Fits.line(col(testPts, 0), col(testPts, 1), 0.95);
        r.trend(new TrendEvidence("test accuracy vs log2(factor)", "log2 width factor", "test accuracy", te.slope(), te.slopeLow(),
                te.slopeHigh(), 0.0, "does not decrease: slope >= 0 within the interval", te.slopeHigh() >= 0, testPts));
        Fits.Line tr = Fits.line(col(trainPts, 0), col(trainPts, 1), 0.95);
        r.trend(new TrendEvidence("train accuracy vs log2(factor)", "log2 width factor", "train accuracy", tr.slope(), tr.slopeLow(),
                tr.slopeHigh(), 0.0, "reaches 100% above a width threshold", !Double.isNaN(smallestAllFit), trainPts));
        plot(plan, runs, ctx, r);
    }

    void plot(Plan plan, List<Run> runs, RunContext ctx, ClaimResult.Builder r) {
        double[] f = plan.factors();
        double[] train = new double[f.length], test = new double[f.length], iters = new double[f.length];
        for (int k = 0; k < f.length; k++) {
            double fk = f[k];
            List<Run> at = runs.stream().filter(x -> x.factor() == fk).toList();
            train[k] = at.stream().mapToDouble(Run::trainAccuracy).average().orElse(Double.NaN);
            test[k] = at.stream().mapToDouble(Run::testAccuracy).average().orElse(Double.NaN);
            double[] it = at.stream().mapToDouble(x -> x.iterationsToFit() > 0 ? x.iterationsToFit() : plan.cap()).sorted().toArray();
            iters[k] = it[it.length / 2];
        }
        Path dir = ctx.attachmentsDir(id());
        Path acc = Plots.save(dir.resolve("e1-accuracy.png"), "E1: accuracy vs width factor (mean over " + plan.seeds() + " seeds)",
                "width factor", "accuracy", true, false, List.of(Plots.Series.line("train", f, train), Plots.Series.line("test", f, test)));
        Path its = Plots.save(dir.resolve("e1-iterations.png"), "E1: iterations to 100% train accuracy (median; cap " + plan.cap() + ")",
                "width factor", "iterations", true, true, List.of(Plots.Series.line("median iterations", f, iters)));
        r.attachment(acc.toString());
        r.attachment(its.toString());
    }

    static double[] col(List<double[]> pts, int c) {
        return pts.stream().mapToDouble(q -> q[c]).toArray();
    }
}
