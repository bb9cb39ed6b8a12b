package overparam.claims.oymak;

import org.ejml.data.DMatrixRMaj;
import overparam.claims.ClaimResult;
import overparam.claims.Level;
import overparam.claims.RunContext;
import overparam.claims.TrendEvidence;
import overparam.data.Generators;
import overparam.gauss.Fits;
import overparam.linalg.Linalg;
import overparam.nn.Activation;
import overparam.nn.ShallowNet;
import overparam.report.Plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The scaling remarks after oymak Thm 2.1 (also behind Cor 2.2's rate (1 - c1 d/n)): at fixed d, with k = n^2/d, the GD
 * steps to relative error 1e-3 grow like n/d, and max_t ||W_t - W_0||_F/sqrt(n) stays bounded. Softplus, uniform-sphere
 * data with d <= n <= d(d+1)/2, the paper's step size with eta_bar = 1.
 */
final class Trends {
    private Trends() {}

    static final double TARGET = 1e-3;

    /** One run: the steps to ||r_t|| <= 1e-3 ||y||, max distance, the fitted constant c1 of (1 - c1 d/n)^t with the factor 3. */
    record Point(int n, int d, int k, long seed, int steps, double maxDistance, double c1, double c3, double r0OverY, double seconds) {}

    private static final java.util.Map<String, Point> MEMO = new java.util.concurrent.ConcurrentHashMap<>();

    /** Memoised: the trend runs of Thm 2.1 and Cor 2.2 are the same runs. */
    static Point run(String act, int n, int d, int k, long seed, int maxSteps) {
        return MEMO.computeIfAbsent(act + "/" + n + "/" + d + "/" + k + "/" + seed + "/" + maxSteps, key -> compute(act, n, d, k, seed, maxSteps));
    }

    static Point compute(String act, int n, int d, int k, long seed, int maxSteps) {
        Activation a = ConvergenceActivations.byName(act);
        DMatrixRMaj x = Generators.sphere(n, d, seed).matrix();
        double[] y = Generators.gaussianLabels(n, seed + 1);
        double yNorm = Linalg.norm(y), xNorm = Linalg.spectralNorm(x), b = a.bigB();
        ShallowNet net = new ShallowNet(x, a, ShallowNet.paperOutputWeights(k, yNorm, n));
        DMatrixRMaj w0 = ShallowNet.gaussianWeights(k, d, new Random(seed + 2));
        double eta = n / (2 * b * b * yNorm * yNorm * xNorm * xNorm);
        double[] r0 = net.residual(w0, y);
        PaperGd.Run run = PaperGd.run(net, y, w0, eta, maxSteps, 0.5 * TARGET * yNorm / Linalg.norm(r0), PaperGd.Probes.NONE);
        double[] r = run.residual();
        int hit = -1;
        for (int t = 0; t < r.length && hit < 0; t++) if (r[t] <= TARGET * yNorm) hit = t;
        double c1 = Double.POSITIVE_INFINITY, c3 = 0;
        double[] dist = run.trace().distance();
        for (int t = 1; t < r.length; t++) c1 = Math.min(c1, (double) n / d * (1 - Math.pow(r[t] / (3 * yNorm), 1.0 / t)));
        for (int t = 0; t < r.length; t++) c3 = Math.max(c3, (dist[t] + Math.sqrt(n) * r[t] / yNorm) / Math.sqrt(n));
        return new Point(n, d, k, seed, hit, NonSmoothLeastSquares.max(dist), c1, c3, r[0] / yNorm, run.seconds());
    }

    /**
     * The trend runs at a level: softplus, d fixed (6 at CI, 10 above), n/d = 1, 1.5, 2(, 2.5, 3) so that n <= d^2/3 stays
     * well inside d <= n <= c d^2 (sigma_min(X*X) collapses at n = d(d+1)/2), k = n^2/d.
     */
    static List<Point> points(RunContext ctx) {
        boolean ci = ctx.level() == Level.CI;
        int d = ci ? 6 : 10, seeds = ci ? 2 : 4;
        double[] ratios = ci ? new double[] {1, 1.5, 2} : new double[] {1, 1.5, 2, 2.5, 3};
        List<Point> pts = new ArrayList<>();
        for (double ratio : ratios) {
            int n = (int) Math.round(ratio * d);
            int k = (int) Math.ceil((double) n * n / d);
            for (int s = 0; s < seeds; s++) pts.add(run("softplus", n, d, k + (k % 2), ctx.seedFor("oymak/thm-2.1#trend") + 100L * n + s, 200_000));
        }
        return pts;
    }

    /** Thm 2.1's trends, as TrendEvidence plus a log-log plot. */
    static List<Point> smooth(RunContext ctx, ClaimResult.Builder r) {
        List<Point> pts = points(ctx);
        int d = pts.get(0).d();
        double[] nd = new double[pts.size()], steps = new double[pts.size()], nn = new double[pts.size()], dist = new double[pts.size()];
        List<double[]> stepPts = new ArrayList<>(), distPts = new ArrayList<>();
        for (int i = 0; i < pts.size(); i++) {
            Point p = pts.get(i);
            nd[i] = (double) p.n() / p.d();
            steps[i] = Math.max(1, p.steps());
            nn[i] = p.n();
            dist[i] = p.maxDistance() / Math.sqrt(p.n());
            stepPts.add(new double[] {nd[i], steps[i]});
            distPts.add(new double[] {nn[i], dist[i]});
        }
        Fits.Line fs = Fits.powerLaw(nd, steps, 0.95), fd = Fits.powerLaw(nn, dist, 0.95);
        r.trend(new TrendEvidence("Thm 2.1 remark (informative, k = n^2/d, below the width (2.2) demands): GD steps to ||r||/||y|| <= 1e-3 vs n/d (d = " + d + ")", "n/d", "steps", fs.slope(),
                fs.slopeLow(), fs.slopeHigh(), 1.0, "tau ~ (n/d) log(1/eps): exponent 1", fs.slopeInterval(1.0), stepPts));
        r.trend(new TrendEvidence("Thm 2.1 remark (informative, k = n^2/d): max_t ||W_t - W_0||_F / sqrt(n) vs n", "n", "max distance / sqrt n", fd.slope(),
                fd.slopeLow(), fd.slopeHigh(), 0.0, "O(sqrt n) radius: bounded, exponent <= 0", fd.slopeHigh() >= 0 && fd.slopeLow() <= 0 || fd.slopeHigh() < 0, distPts));
        if (pts.stream().anyMatch(p -> p.steps() < 0)) r.number("trend runs that did not reach 1e-3", pts.stream().filter(p -> p.steps() < 0).count());
        double secs = pts.stream().mapToDouble(Point::seconds).sum();
        r.number("trend runs (n, k, steps, max dist/sqrt n)", pts.stream().map(p -> "(" + p.n() + ", " + p.k() + ", " + p.steps() + ", "
                + String.format("%.3g", p.maxDistance() / Math.sqrt(p.n())) + ")").toList().toString());
        r.number("trend runs seconds", secs);
        r.attachment(Plots.save(ctx.attachmentsDir(r.id()).resolve("trend-steps.png"), "GD steps to relative error 1e-3 vs n/d (softplus, d = " + d + ", k = n^2/d)",
                "n/d", "steps", true, true, List.of(Plots.Series.points("runs", nd, steps))).toString());
        return pts;
    }
}
