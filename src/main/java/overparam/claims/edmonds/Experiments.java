package overparam.claims.edmonds;

import overparam.claims.BadInput;
import overparam.claims.ClaimResult;
import overparam.claims.Level;
import overparam.claims.RunContext;
import overparam.claims.TrendEvidence;
import overparam.gauss.Fits;
import overparam.report.Plots;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Shared plumbing of the edmonds experiments: list knobs, level-dependent grids, parallel runs, fits and plots. */
final class Experiments {
    static final double CONFIDENCE = 0.95;

    private Experiments() {}

    /** "a,b,c" as doubles. */
    static double[] doubles(String list) {
        try {
            return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new BadInput("expected a comma-separated list of numbers, got '" + list + "'");
        }
    }

    static int[] ints(String list) {
        try {
            return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new BadInput("expected a comma-separated list of integers, got '" + list + "'");
        }
    }

    /** The value of a list knob: the researcher's, or (for "auto") the grid of the run's level. */
    static String byLevel(String value, RunContext ctx, String ci, String full, String deep) {
        if (!value.equals("auto")) return value;
        return ctx.level() == Level.CI ? ci : ctx.level() == Level.FULL ? full : deep;
    }

    static int byLevel(int value, RunContext ctx, int ci, int full, int deep) {
        if (value > 0) return value;
        return ctx.level() == Level.CI ? ci : ctx.level() == Level.FULL ? full : deep;
    }

    /**
     * Independent jobs on both cores: job i gets only its index (its seed is derived from it), results come back in
     * index order, so the outcome does not depend on scheduling.
     */
    static <T> List<T> parallel(int jobs, IntFunction<T> job) {
        return IntStream.range(0, jobs).parallel().mapToObj(job).collect(Collectors.toList());
    }

    /** Slope of y on x with its CI, against a claimed slope (null: report only). */
    static TrendEvidence slope(String label, String xName, String yName, double[] x, double[] y, Double claimed, String claimedText) {
        Fits.Line f = Fits.line(x, y, CONFIDENCE);
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < x.length; i++) pts.add(new double[] {x[i], y[i]});
        boolean consistent = claimed == null || f.slopeInterval(claimed);
        return new TrendEvidence(label, xName, yName, f.slope(), f.slopeLow(), f.slopeHigh(), claimed, claimedText, consistent, pts);
    }

    static double[] log(double[] v) {
        return Arrays.stream(v).map(Math::log).toArray();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /** Empirical q-quantile (nearest rank) of an already sorted array. */
    static double quantile(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /**
     * Hill estimator of the tail index from the k largest of the positive values: alpha = k / sum log(X_(i)/X_(k+1)),
     * with its asymptotic 95% interval alpha (1 +- 1.96/sqrt k).
     */
    static double[] hill(double[] values, int k) {
        double[] s = Arrays.stream(values).filter(v -> v > 0 && Double.isFinite(v)).sorted().toArray();
        int n = s.length;
        if (k >= n) k = n - 1;
        double threshold = s[n - k - 1], sum = 0;
        for (int i = n - k; i < n; i++) sum += Math.log(s[i] / threshold);
        double alpha = k / sum, half = 1.96 / Math.sqrt(k);
        return new double[] {alpha, alpha * (1 - half), alpha * (1 + half), threshold};
    }

    /** Saves a plot under the claim's attachments directory and records it on the result. */
    static void plot(RunContext ctx, ClaimResult.Builder r, String file, String title, String xLabel, String yLabel, boolean logX,
                     boolean logY, List<Plots.Series> series) {
        Path f = Plots.save(ctx.attachmentsDir(r.id()).resolve(file), title, xLabel, yLabel, logX, logY, series);
        r.attachment(f.toString());
    }

    static double[] range(int n) {
        return IntStream.range(0, n).asDoubleStream().toArray();
    }
}
