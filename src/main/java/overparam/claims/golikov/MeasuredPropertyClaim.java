package overparam.claims.golikov;

import overparam.claims.*;
import overparam.search.PropertyRunner;

import java.util.ArrayList;
import java.util.List;

/**
 * A property claim that also records measurements that are not pass/fail statements (a trend across widths, a
 * spectrum at an edge case): they go to the result's numbers and trends, while the verdict comes from the properties
 * exactly as in {@link PropertyClaim}.
 */
abstract class MeasuredPropertyClaim extends PropertyClaim {
    MeasuredPropertyClaim(String id) {
        super(id);
    }

    /** Adds numbers, trends and attachments to the result. */
    protected abstract void measure(Params p, RunContext ctx, ClaimResult.Builder r);

    @Override
    public ClaimResult run(RunContext ctx) {
        long start = System.currentTimeMillis();
        ClaimResult.Builder r = result(ctx);
        List<PropertyOutcome> statement = new ArrayList<>();
        for (Property<?> q : properties(params(ctx))) {
            PropertyOutcome o = PropertyRunner.run(id(), q, ctx);
            r.property(o);
            if (o.expected() == Verdict.HOLDS) statement.add(o);
        }
        measure(params(ctx), ctx, r);
        PropertyOutcome failed = statement.stream().filter(PropertyOutcome::refuted).findFirst().orElse(null);
        if (failed != null) {
            Counterexample cx = failed.counterexample();
            r.verdict(Verdict.REFUTED, failed.name() + ": " + cx.evidence().describe() + " [" + cx.certification() + ", shrunk "
                    + cx.sizeBefore() + " -> " + cx.sizeAfter() + " numbers]");
            r.certification(cx.certification());
        } else {
            int tries = statement.stream().mapToInt(PropertyOutcome::tries).sum();
            Evidence w = statement.stream().map(PropertyOutcome::worst).filter(java.util.Objects::nonNull)
                    .min(java.util.Comparator.comparingDouble(Evidence::slack)).orElse(null);
            r.verdict(Verdict.HOLDS, "no counterexample in " + tries + " instances" + (w == null ? "" : "; tightest " + w.describe()));
        }
        return r.millis(System.currentTimeMillis() - start).build();
    }
}
