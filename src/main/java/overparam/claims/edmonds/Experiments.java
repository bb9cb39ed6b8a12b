package overparam.claims.edmonds;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.descriptive.moment.StandardDeviation;
import org.hipparchus.stat.regression.SimpleRegression;
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

    /**
     * {@link #slope} for data some of whose y are one-sided (censored runs): {@code bias[i]} is +1 when the true y_i is at
     * least the recorded one, -1 when at most, 0 when exact. Raising y_i moves the OLS slope by (x_i - mean x)/Sxx, so the
     * censoring moves the fitted slope one known way when all censored points agree. The claimed value is kept (the fit
     * can refute) only if that way is away from the claim, i.e. the uncensored slope would exclude it further; otherwise
     * the fit is reported only.
     */
    static TrendEvidence censoredSlope(String label, String xName, String yName, double[] x, double[] y, int[] bias, Double claimed, String claimedText) {
        double mean = Arrays.stream(x).average().orElse(0);
        boolean up = false, down = false;
        int censored = 0;
        for (int i = 0; i < x.length; i++) {
            if (bias[i] == 0) continue;
            censored++;
            double push = Math.signum((x[i] - mean) * bias[i]);
            up |= push > 0;
            down |= push < 0;
        }
        TrendEvidence t = slope(label, xName, yName, x, y, claimed, claimedText);
        if (censored == 0 || claimed == null) return t;
        boolean conservative = t.estimate() > claimed ? !down : !up;
        String note = censored + " censored point(s) " + (conservative ? "can only move the slope further from the claim (point estimate conservative)"
                : "could move the slope toward the claim: reported only");
        return conservative ? slope(label, xName, yName, x, y, claimed, claimedText + "; " + note) : slope(label, xName, yName, x, y, null, claimedText + "; " + note);
    }

    /**
     * The mean of per-run OLS slopes with its t interval over runs: points of one trajectory are not independent, runs
     * are. {@code runs}: per run {x[], y[]} (at least 2 points each, at least 2 runs).
     */
    static TrendEvidence meanSlope(String label, String xName, String yName, List<double[][]> runs, Double claimed, String claimedText) {
        double[] slopes = runs.stream().mapToDouble(q -> {
            SimpleRegression reg = new SimpleRegression(true);
            for (int i = 0; i < q[0].length; i++) reg.addData(q[0][i], q[1][i]);
            return reg.getSlope();
        }).toArray();
        int n = slopes.length;
        if (n < 2 || Arrays.stream(slopes).anyMatch(Double::isNaN)) throw new IllegalArgumentException(label + ": need at least 2 runs of at least 2 points");
        double m = Arrays.stream(slopes).average().orElseThrow(), sd = new StandardDeviation().evaluate(slopes);
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.5 + CONFIDENCE / 2) * sd / Math.sqrt(n);
        List<double[]> pts = new ArrayList<>();
        for (double[][] q : runs) for (int i = 0; i < q[0].length; i++) pts.add(new double[] {q[0][i], q[1][i]});
        boolean consistent = claimed == null || (claimed >= m - half && claimed <= m + half);
        return new TrendEvidence(label + " (mean of " + n + " per-run slopes)", xName, yName, m, m - half, m + half, claimed, claimedText, consistent, pts);
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
