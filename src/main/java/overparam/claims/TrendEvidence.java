package overparam.claims;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A fitted scaling law y ~ c x^exponent (or another fitted quantity) with its confidence interval, against what the
 * claim says. {@code consistent} is whether the claimed value lies inside the interval.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TrendEvidence(String label, String xName, String yName, double estimate, double ciLow, double ciHigh,
                            Double claimed, String claimedText, boolean consistent, List<double[]> points) {
    public String describe() {
        return String.format("%s: fitted %.4g, 95%% CI [%.4g, %.4g]; claim: %s -> %s", label, estimate, ciLow, ciHigh, claimedText,
                consistent ? "consistent" : "inconsistent");
    }
}
