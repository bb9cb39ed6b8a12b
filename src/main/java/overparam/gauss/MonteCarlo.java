package overparam.gauss;

import org.hipparchus.stat.descriptive.StreamingStatistics;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Monte Carlo mean with its standard error; one-sided bounds for comparisons (DESIGN.md numerics policy). */
public final class MonteCarlo {
    private MonteCarlo() {}

    public record Estimate(double mean, double standardError, long samples) {
        /** mean - z * SE: a one-sided lower confidence bound. */
        public double lower(double z) {
            return mean - z * standardError;
        }

        public double upper(double z) {
            return mean + z * standardError;
        }
    }

    public static Estimate estimate(ToDoubleFunction<SplittableRandom> sample, long n, long seed) {
        if (n < 2) throw new IllegalArgumentException("Monte Carlo needs at least 2 samples, got " + n);
        SplittableRandom rng = new SplittableRandom(seed);
        StreamingStatistics stats = new StreamingStatistics();
        for (long i = 0; i < n; i++) stats.addValue(sample.applyAsDouble(rng));
        return new Estimate(stats.getMean(), Math.sqrt(stats.getVariance() / n), n);
    }
}
