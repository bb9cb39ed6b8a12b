package overparam.claims;

import java.util.List;

/**
 * One claim of a paper as executable code: it computes both sides of its statement on generated instances and returns
 * a verdict with evidence. The id is a row of claims.tsv. Tests, the command line and the report all call {@link #run}.
 */
public interface Claim {
    String id();

    /** Runs the claim. Claim failures are verdicts, not exceptions; an exception means a harness error. */
    ClaimResult run(RunContext ctx);

    /** Parameters a researcher can set with {@code --set}. */
    default List<ParamSpec> parameters() {
        return List.of();
    }

    /** Generators this claim draws from, in words (for {@code show}). */
    default String generators() {
        return "";
    }
}
