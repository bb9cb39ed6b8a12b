package overparam.gauss;

import org.hipparchus.distribution.continuous.BetaDistribution;

/**
 * Exact (Clopper-Pearson) interval for a binomial proportion from Beta quantiles, with the k = 0 and k = n ends
 * handled exactly. Used for the failure rate of probabilistic claims.
 */
public record BinomialInterval(long trials, long failures, double confidence, double lower, double upper) {

    public static BinomialInterval clopperPearson(long trials, long failures, double confidence) {
        if (trials < 1) throw new IllegalArgumentException("trials must be >= 1, got " + trials);
        if (failures < 0 || failures > trials) throw new IllegalArgumentException("failures must be in [0, trials], got " + failures);
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        double alpha = 1 - confidence;
        double lo = failures == 0 ? 0.0
                : new BetaDistribution(failures, trials - failures + 1, 1e-15).inverseCumulativeProbability(alpha / 2);
        double hi = failures == trials ? 1.0
                : new BetaDistribution(failures + 1, trials - failures, 1e-15).inverseCumulativeProbability(1 - alpha / 2);
        return new BinomialInterval(trials, failures, confidence, lo, hi);
    }

    public double rate() {
        return (double) failures / trials;
    }

    /** The interval lies entirely at or below p. */
    public boolean below(double p) {
        return upper <= p;
    }

    /** The interval lies entirely above p. */
    public boolean above(double p) {
        return lower > p;
    }

    /**
     * Trials needed, with no failures, for the upper end to drop below p: n >= ln(alpha/2) / ln(1 - p).
     */
    public static long trialsToCertify(double p, double confidence) {
        if (p >= 1) return 1;
        if (p <= 0) return Long.MAX_VALUE;
        double n = Math.log((1 - confidence) / 2) / Math.log1p(-p);
        return n > 9e18 ? Long.MAX_VALUE : (long) Math.ceil(n);
    }
}
