package overparam.claims.oymak;

import org.ejml.data.DMatrixRMaj;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import overparam.claims.*;
import overparam.data.Generators;
import overparam.gauss.Fits;
import overparam.linalg.Linalg;
import overparam.nn.Activation;
import overparam.nn.ShallowNet;
import overparam.nn.Trace;
import overparam.nn.Trainer;
import overparam.report.Plots;

import java.awt.Color;
import java.util.*;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;

/**
 * oymak/fig-2, Figure 2 (Section 4): the empirical probability that GD from the paper's initialisation fits n random
 * labels (x_i uniform on the sphere, y_i ~ N(0,1), v = +-||y||/sqrt(kn), W_0 ~ N(0,1)), over a (k, d) grid: constant
 * step 0.15 (softplus) or 0.1 (ReLU), at most 15000 steps, success when ||f - y||/||y|| < 2.5e-3, 10 trials per cell.
 * The boundary is fitted by least squares of the cell success rates to a logistic curve in log(kd/n); its 50% point
 * kd_50/n is compared with the paper's "kd = n". Cells run in parallel (each cell seeded from its coordinates), and a
 * run also stops at a GD fixed point (residual unchanged, e.g. k = 1 where v = 0), which cannot change its outcome.
 * Levels: CI n = 12 on the complete grid, 3 trials; FULL (the main job) n = 100 on every third k and d (81 of the 625
 * cells) with 5 trials, about 1/15 of the complete reproduction; DEEP the complete grids (n = 25, 50, 100) with the
 * paper's 10 trials. {@code --set gridStep=1 --set trials=10} gives the complete grid at any level.
 */
final class PhaseTransition extends TrendClaim {
    PhaseTransition() {
        super("oymak/fig-2");
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.string("activations", "softplus,relu", "activations (panels a/b: softplus, c/d: ReLU)"),
                ParamSpec.string("ns", "", "sample sizes n, comma-separated; empty: 12 at CI, 100 (panels a, c) at FULL, 25,50,100 at DEEP; panels b, d: --set ns=200 (about 10 CPU hours)"),
                ParamSpec.integer("gridStep", 0, "k and d run over 1, 1 + s, 1 + 2s, ... up to round(2.5 sqrt n) (always included); 0: 1 (complete grid) at CI and DEEP, 3 at FULL"),
                ParamSpec.integer("trials", 0, "trials per cell; 0: 3 at CI, 5 at FULL, 10 (the paper's) at DEEP"),
                ParamSpec.integer("maxSteps", 15000, "GD steps per trial (the paper's 15000)"),
                ParamSpec.real("target", 2.5e-3, "success when ||f - y||/||y|| < target"),
                ParamSpec.real("etaSoftplus", 0.15, "constant step size for softplus"),
                ParamSpec.real("etaRelu", 0.1, "constant step size for ReLU"),
                ParamSpec.integer("threads", 2, "worker threads for the grid"));
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    record Cell(String activation, int n, int k, int d, int successes, int trials, double seconds) {
        double rate() {
            return (double) successes / trials;
        }

        double x() {
            return Math.log((double) k * d / n);
        }
    }

    /** The grid side for n: k, d = 1..round(2.5 sqrt n) (the paper's 25 at n = 100). */
    static int side(int n) {
        return (int) Math.round(2.5 * Math.sqrt(n));
    }

    /** The values of k and of d: 1, 1 + step, ... and the side itself (the largest k and d of the paper's panel). */
    static List<Integer> axis(int n, int step) {
        List<Integer> out = new ArrayList<>();
        for (int v = 1; v <= side(n); v += step) out.add(v);
        if (out.get(out.size() - 1) != side(n)) out.add(side(n));
        return out;
    }

    static int gridStep(Params p, Level level) {
        return p.integer("gridStep") > 0 ? p.integer("gridStep") : level == Level.FULL ? 3 : 1;
    }

    static int trials(Params p, Level level) {
        return p.integer("trials") > 0 ? p.integer("trials") : switch (level) {
            case CI -> 3;
            case FULL -> 5;
            case DEEP -> 10;
        };
    }

    static boolean trial(Activation a, int n, int k, int d, double eta, int maxSteps, double target, long seed) {
        DMatrixRMaj x = Generators.sphere(n, d, seed).matrix();
        double[] y = Generators.gaussianLabels(n, seed);
        double yNorm = Linalg.norm(y);
        ShallowNet net = new ShallowNet(x, a, ShallowNet.paperOutputWeights(k, yNorm, n));
        double[][] prev = {net.residual(ShallowNet.gaussianWeights(k, d, new Random(seed + 1)), y)};
        Trace t = Trainer.gradientDescent(net.model(y), ShallowNet.gaussianWeights(k, d, new Random(seed + 1)).data, Trainer.StepSize.constant(eta),
                maxSteps, 0, (tau, theta, r) -> {
                    if (Linalg.norm(r) < target * yNorm || Arrays.equals(r, prev[0])) return false; // success, or a GD fixed point
                    prev[0] = r;
                    return true;
                });
        return t.finalResidual() < target * yNorm;
    }

    static List<Cell> grid(String act, int n, List<Integer> axis, int trials, int maxSteps, double target, double eta, int threads, RunContext ctx, String id) {
        Activation a = ConvergenceActivations.byName(act);
        List<int[]> cells = new ArrayList<>();
        for (int k : axis) for (int d : axis) cells.add(new int[] {k, d});
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            return pool.submit(() -> cells.parallelStream().map(c -> {
                long start = CPU.getCurrentThreadCpuTime();
                int ok = 0;
                for (int t = 0; t < trials; t++)
                    if (trial(a, n, c[0], c[1], eta, maxSteps, target, ctx.seedFor(id + "#" + act + "#n" + n + "#k" + c[0] + "#d" + c[1] + "#t" + t))) ok++;
                return new Cell(act, n, c[0], c[1], ok, trials, (CPU.getCurrentThreadCpuTime() - start) / 1e9);
            }).collect(Collectors.toList())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** Least-squares logistic fit rate ~ 1/(1 + exp(-(a + b x))), x = log(kd/n); the 50% point x50 = -a/b with a delta-method CI. */
    record Boundary(double a, double b, double x50, double x50Low, double x50High, double rms) {
        double kdOverN() {
            return Math.exp(x50);
        }
    }

    static Boundary fit(List<Cell> cells) {
        double[] xs = cells.stream().mapToDouble(Cell::x).toArray(), ys = cells.stream().mapToDouble(Cell::rate).toArray();
        int m = xs.length;
        LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .start(new double[] {0, 3}).target(ys).maxEvaluations(10_000).maxIterations(10_000)
                .model(point -> {
                    double a = point.getEntry(0), b = point.getEntry(1);
                    RealVector value = new ArrayRealVector(m);
                    RealMatrix jac = new Array2DRowRealMatrix(m, 2);
                    for (int i = 0; i < m; i++) {
                        double s = 1 / (1 + Math.exp(-(a + b * xs[i])));
                        value.setEntry(i, s);
                        jac.setEntry(i, 0, s * (1 - s));
                        jac.setEntry(i, 1, s * (1 - s) * xs[i]);
                    }
                    return new Pair<>(value, jac);
                }).build());
        double a = opt.getPoint().getEntry(0), b = opt.getPoint().getEntry(1);
        double s2 = opt.getCost() * opt.getCost() / Math.max(1, m - 2);
        RealMatrix cov = opt.getCovariances(1e-14).scalarMultiply(s2);
        double x50 = -a / b, ga = -1 / b, gb = a / (b * b);
        double var = ga * ga * cov.getEntry(0, 0) + 2 * ga * gb * cov.getEntry(0, 1) + gb * gb * cov.getEntry(1, 1);
        double half = 1.96 * Math.sqrt(Math.max(0, var));
        return new Boundary(a, b, x50, x50 - half, x50 + half, opt.getRMS());
    }

    List<Integer> ns(Params p, Level level) {
        String s = p.string("ns").trim();
        if (s.isEmpty()) return switch (level) {
            case CI -> List.of(12);
            case FULL -> List.of(100);
            case DEEP -> List.of(25, 50, 100);
        };
        return NonSmoothLeastSquares.ints(s);
    }

    @Override
    protected void experiment(Params p, RunContext ctx, ClaimResult.Builder r) {
        int trials = trials(p, ctx.level()), step = gridStep(p, ctx.level());
        int maxSteps = p.integer("maxSteps"), threads = p.integer("threads");
        double target = p.real("target");
        List<Integer> ns = ns(p, ctx.level());
        r.number("protocol", "x_i uniform on S^{d-1}, y ~ N(0, I_n), v = +-||y||/sqrt(kn) (0 for the odd unit), W_0 ~ N(0,1); constant step; success: ||f - y||/||y|| < "
                + target + " within " + maxSteps + " steps; " + trials + " trials per cell (the paper's: 10); k, d = 1..round(2.5 sqrt n)"
                + (step == 1 ? " (complete grid)" : " in steps of " + step + " (a coarser grid than the paper's; complete grid: --set gridStep=1 --set trials=10, or level DEEP)"));
        for (String act : p.string("activations").split(",")) {
            act = act.trim();
            double eta = act.startsWith("relu") ? p.real("etaRelu") : p.real("etaSoftplus");
            List<double[]> boundaryPts = new ArrayList<>();
            for (int n : ns) {
                long start = System.nanoTime();
                List<Integer> axis = axis(n, step);
                List<Cell> cells = grid(act, n, axis, trials, maxSteps, target, eta, threads, ctx, id());
                double wall = (System.nanoTime() - start) / 1e9, cpu = cells.stream().mapToDouble(Cell::seconds).sum();
                Boundary b = fit(cells);
                r.trend(new TrendEvidence(act + ", n = " + n + ": kd at 50% success / n (logistic fit in log(kd/n))", "kd/n", "success rate",
                        b.kdOverN(), Math.exp(b.x50Low()), Math.exp(b.x50High()), 1.0, "success region tightly surrounded by kd = n",
                        b.x50Low() <= 0 && 0 <= b.x50High(), cells.stream().map(c -> new double[] {(double) c.k() * c.d() / c.n(), c.rate()}).toList()));
                boundaryPts.add(new double[] {n, b.kdOverN() * n});
                r.number(act + " n = " + n + ": fitted slope b of the logistic in log(kd/n) (sharpness), rms", String.format("%.3g, %.3g", b.b(), b.rms()));
                r.number(act + " n = " + n + ": success rate for kd >= 1.5 n / for kd <= 0.8 n (catalogue: >= 0.9 / <= 0.1)",
                        String.format("%.3f / %.3f", pooled(cells, c -> c.k() * c.d() >= 1.5 * n), pooled(cells, c -> c.k() * c.d() <= 0.8 * n)));
                r.number(act + " n = " + n + ": grid (k and d values), cells x trials", axis + ", " + cells.size() + " x " + trials);
                r.number(act + " n = " + n + ": run time (wall s, cpu s over " + threads + " threads)", String.format("%.1f, %.1f", wall, cpu));
                r.attachment(heatMap(ctx, act, n, eta, trials, step, cells).toString());
            }
            if (boundaryPts.size() >= 3) {
                double[] x = boundaryPts.stream().mapToDouble(q -> q[0]).toArray(), y = boundaryPts.stream().mapToDouble(q -> q[1]).toArray();
                Fits.Line f = Fits.powerLaw(x, y, 0.95);
                r.trend(new TrendEvidence(act + ": kd at 50% success vs n", "n", "kd_50", f.slope(), f.slopeLow(), f.slopeHigh(), 1.0,
                        "kd_50 ~ n (exponent 1)", f.slopeInterval(1.0), boundaryPts));
            }
        }
    }

    static double pooled(List<Cell> cells, java.util.function.Predicate<Cell> which) {
        int s = 0, t = 0;
        for (Cell c : cells) if (which.test(c)) {
            s += c.successes();
            t += c.trials();
        }
        return t == 0 ? Double.NaN : (double) s / t;
    }

    /** Cells as squares coloured from blue (0) to red (1) in 11 bins, with the curve kd = n. */
    static java.nio.file.Path heatMap(RunContext ctx, String act, int n, double eta, int trials, int step, List<Cell> cells) {
        int side = side(n);
        XYChart chart = new XYChartBuilder().width(760).height(700).title("Fig. 2 reproduction: " + act + ", n = " + n + ", eta = " + eta + ", " + trials + " trials per cell"
                        + (step == 1 ? "" : ", k and d in steps of " + step)).xAxisTitle("d (input dimension)").yAxisTitle("k (hidden units)").build();
        chart.getStyler().setMarkerSize(Math.max(6, 500 * step / (side + 1)));
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(side + 1.0).setYAxisMin(0.0).setYAxisMax(side + 1.0);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        for (int bin = 0; bin <= 10; bin++) {
            final int b = bin;
            List<Cell> in = cells.stream().filter(c -> (int) Math.round(10 * c.rate()) == b).toList();
            if (in.isEmpty()) continue;
            XYSeries s = chart.addSeries(String.format("success %.1f", b / 10.0), in.stream().mapToDouble(Cell::d).toArray(), in.stream().mapToDouble(Cell::k).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.SQUARE);
            s.setMarkerColor(new Color((int) (255 * b / 10.0), 40, (int) (255 * (1 - b / 10.0))));
        }
        int pts = 200;
        double[] dd = new double[pts], kk = new double[pts];
        double dMin = (double) n / side;
        for (int i = 0; i < pts; i++) {
            dd[i] = dMin + (side - dMin) * i / (pts - 1);
            kk[i] = n / dd[i];
        }
        XYSeries curve = chart.addSeries("kd = n", dd, kk);
        curve.setMarker(SeriesMarkers.NONE);
        curve.setLineColor(Color.BLACK);
        return Plots.save(ctx.attachmentsDir("oymak/fig-2").resolve("phase-" + act + "-n" + n + ".png"), chart);
    }
}
