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
     * Trials needed to separate the failure rate from {@code bound} if the observed rate persists: the smallest N >= trials
     * whose exact interval for (rate * N) failures out of N lies entirely below the bound (rate below it) or above it
     * (rate above it). With no failures this is {@link #trialsToCertify}. Long.MAX_VALUE when the observed rate equals
     * the bound (no number of trials separates them) or beyond 10^15 trials.
     */
    public static long trialsToSeparate(long trials, long failures, double bound, double confidence) {
        if (trials < 1 || failures < 0 || failures > trials) throw new IllegalArgumentException("need 0 <= failures <= trials, trials >= 1");
        if (failures == 0) return Math.max(trials, trialsToCertify(bound, confidence));
        double rate = (double) failures / trials;
        if (rate == bound || bound <= 0 && rate <= 0 || bound >= 1) return Long.MAX_VALUE;
        double alpha = 1 - confidence;
        java.util.function.LongPredicate separated = n -> {
            double k = rate * n;
            if (rate < bound) return k < n && new BetaDistribution(k + 1, n - k, 1e-15).inverseCumulativeProbability(1 - alpha / 2) <= bound;
            return k > 0 && (k >= n ? Math.pow(alpha / 2, 1.0 / n) : new BetaDistribution(k, n - k + 1, 1e-15).inverseCumulativeProbability(alpha / 2)) > bound;
        };
        if (separated.test(trials)) return trials;
        long lo = trials, hi = trials;
        while (!separated.test(hi)) {
            lo = hi;
            if (hi > 1_000_000_000_000_000L / 2) return Long.MAX_VALUE;
            hi *= 2;
        }
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (separated.test(mid)) hi = mid;
            else lo = mid;
        }
        return hi;
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
