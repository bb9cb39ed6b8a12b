package overparam.claims;

/**
 * A scaling claim: an experiment that fits an exponent or constant with a confidence interval and compares it with
 * what the paper says. Subclasses run the experiment and add {@link TrendEvidence} (and plots) to the builder;
 * {@link #verdict} then gives TREND, or REFUTED when the claim states a value the interval excludes and
 * {@link #refutableByFit()} says such an exclusion refutes it.
 */
public abstract class TrendClaim extends AbstractClaim {
    protected TrendClaim(String id) {
        super(id);
    }

    /** Runs the experiment, adding trends, numbers and attachments to {@code r}. */
    protected abstract void experiment(Params p, RunContext ctx, ClaimResult.Builder r);

    /** Whether an interval that excludes the claimed value refutes the claim (e.g. "bounded", "slope 0"). */
    protected boolean refutableByFit() {
        return false;
    }

    @Override
    public ClaimResult run(RunContext ctx) {
        long start = System.currentTimeMillis();
        ClaimResult.Builder r = result(ctx);
        experiment(params(ctx), ctx, r);
        TrendEvidence bad = null;
        StringBuilder summary = new StringBuilder();
        for (TrendEvidence t : r.trends()) {
            if (summary.length() > 0) summary.append("; ");
            summary.append(t.describe());
            if (t.claimed() != null && !t.consistent() && bad == null) bad = t;
        }
        Verdict v = bad != null && refutableByFit() ? Verdict.REFUTED : Verdict.TREND;
        if (r.trends().isEmpty()) throw new IllegalStateException(id() + ": the experiment produced no fitted trend");
        return r.verdict(v, summary.toString()).millis(System.currentTimeMillis() - start).build();
    }
}
