package overparam.claims;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The run of one property: how many instances were checked, the tightest one, the counterexample if any, and what the
 * adversarial search did (null when it did not run). {@code expected} is HOLDS for a claim's own statement, REFUTED
 * for a negative control, null for an informative one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PropertyOutcome(String name, String description, Verdict expected, String generator, long seed, int tries,
                              int rejected, Evidence worst, JsonNode worstInstance, Counterexample counterexample, long millis,
                              SearchReport search) {

    public PropertyOutcome(String name, String description, Verdict expected, String generator, long seed, int tries, int rejected,
                           Evidence worst, JsonNode worstInstance, Counterexample counterexample, long millis) {
        this(name, description, expected, generator, seed, tries, rejected, worst, worstInstance, counterexample, millis, null);
    }

    public boolean refuted() {
        return counterexample != null;
    }

    public Verdict verdict() {
        return refuted() ? Verdict.REFUTED : Verdict.HOLDS;
    }

    /** True for informative properties (expected == null). */
    public boolean asExpected() {
        return expected == null || verdict() == expected;
    }
}
