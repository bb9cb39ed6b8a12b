package overparam.claims;

import com.fasterxml.jackson.annotation.JsonInclude;
import overparam.gauss.BinomialInterval;

import java.util.Map;

/**
 * A probabilistic claim "P(failure) <= bound" at one configuration: T trials, the failures, the exact Clopper-Pearson
 * interval, and the verdict: HOLDS if the interval lies below the bound, REFUTED if above it, else INCONCLUSIVE
 * (with the number of trials that would settle it if the observed rate persisted; for zero failures, the failure-free
 * trials needed).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RateEvidence(String label, long trials, long failures, double rate, double bound, double confidence,
                           double ciLow, double ciHigh, Verdict verdict, long trialsToSeparate, Map<String, Object> details) {

    public static final double CONFIDENCE = 0.95;

    public static RateEvidence of(String label, long trials, long failures, double bound, Map<String, Object> details) {
        if (Double.isNaN(bound)) throw new IllegalArgumentException("bound is NaN for " + label);
        BinomialInterval ci = BinomialInterval.clopperPearson(trials, failures, CONFIDENCE);
        Verdict v = ci.upper() <= bound ? Verdict.HOLDS : ci.lower() > bound ? Verdict.REFUTED : Verdict.INCONCLUSIVE;
        long need = v == Verdict.INCONCLUSIVE ? BinomialInterval.trialsToSeparate(trials, failures, bound, CONFIDENCE) : 0;
        return new RateEvidence(label, trials, failures, ci.rate(), bound, CONFIDENCE, ci.lower(), ci.upper(), v, need,
                details == null ? Map.of() : details);
    }

    public String describe() {
        return String.format("%s: %d/%d failures (rate %.4g, 95%% CI [%.4g, %.4g]) vs bound %.4g -> %s", label, failures, trials,
                rate, ciLow, ciHigh, bound, verdict) + (verdict == Verdict.INCONCLUSIVE ? " (about " + (trialsToSeparate == Long.MAX_VALUE
                ? "no number of" : Long.toString(trialsToSeparate)) + " trials would separate it at the observed rate)" : "");
    }
}
