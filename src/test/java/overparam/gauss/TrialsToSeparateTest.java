package overparam.gauss;

import org.junit.jupiter.api.Test;
import overparam.claims.RateEvidence;
import overparam.claims.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/** Trials needed to separate a failure rate from its bound, for zero and for k failures. */
class TrialsToSeparateTest {
    /** At the answer's scale the integer count round(rate * n) must separate (a sanity check on the real-valued search). */
    private static boolean separated(long n, double rate, double bound) {
        long k = Math.round(rate * n);
        BinomialInterval ci = BinomialInterval.clopperPearson(n, k, 0.95);
        return rate < bound ? ci.upper() <= bound : ci.lower() > bound;
    }

    @Test
    void zeroFailuresUseTheFailureFreeFormula() {
        assertThat(BinomialInterval.trialsToSeparate(10, 0, 0.01, 0.95)).isEqualTo(BinomialInterval.trialsToCertify(0.01, 0.95));
        // ln(0.025) / ln(0.99) = 367.04
        assertThat(BinomialInterval.trialsToCertify(0.01, 0.95)).isEqualTo(368);
    }

    @Test
    void kFailuresBelowTheBoundSeparateAtTheObservedRate() {
        // 3/100 against 0.05 straddles; at rate 0.03 a few hundred more trials put the upper end below 0.05
        RateEvidence e = RateEvidence.of("below", 100, 3, 0.05, null);
        assertThat(e.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        // scipy oracle: smallest n with beta.ppf(0.975, 0.03 n + 1, 0.97 n) <= 0.05 is 461
        assertThat(e.trialsToSeparate()).isEqualTo(461);
        assertThat(separated(500, 0.03, 0.05)).isTrue();
        assertThat(separated(200, 0.03, 0.05)).isFalse();
    }

    @Test
    void kFailuresAboveTheBoundSeparateAtTheObservedRate() {
        RateEvidence e = RateEvidence.of("above", 50, 4, 0.05, null);
        assertThat(e.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        // scipy oracle: smallest n with beta.ppf(0.025, 0.08 n, 0.92 n + 1) > 0.05 is 259
        assertThat(e.trialsToSeparate()).isEqualTo(259);
        assertThat(separated(300, 0.08, 0.05)).isTrue();
        assertThat(separated(100, 0.08, 0.05)).isFalse();
        assertThat(e.describe()).contains("INCONCLUSIVE").contains("259 trials");
    }

    @Test
    void aRateEqualToTheBoundNeverSeparates() {
        assertThat(BinomialInterval.trialsToSeparate(100, 5, 0.05, 0.95)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void settledVerdictsNeedNoMoreTrials() {
        assertThat(RateEvidence.of("holds", 1000, 0, 0.5, null).trialsToSeparate()).isZero();
        assertThat(RateEvidence.of("refuted", 100, 90, 0.5, null).verdict()).isEqualTo(Verdict.REFUTED);
    }
}
