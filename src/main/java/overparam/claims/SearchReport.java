package overparam.claims;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the adversarial search did for one property: the method and search space, how many candidates it evaluated
 * (and how many it discarded: outside the hypotheses, not representable, or the check threw), the best slack before
 * (the tightest sampled instance) and after, whether it found a violation, and why it stopped.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchReport(String method, String space, int dimension, int starts, int evaluations, int discarded, int failed,
                           Double slackBefore, Double slackAfter, boolean violated, String stoppedBy, long millis) {

    public static SearchReport skipped(String space, String why) {
        return new SearchReport("none", space, 0, 0, 0, 0, 0, null, null, false, why, 0);
    }

    public boolean ran() {
        return evaluations > 0;
    }

    public String describe() {
        if (!ran()) return "search skipped (" + stoppedBy + "; space " + space + ")";
        return String.format("search: %d evaluations (%d discarded, %d threw), slack %.3g -> %.3g%s, stopped by %s", evaluations, discarded,
                failed, slackBefore, slackAfter, violated ? " VIOLATION" : "", stoppedBy);
    }
}
